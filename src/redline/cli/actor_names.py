"""The pack's canonical name for an actor a user typed: claims and quotes are stored under
canonical names, so ``--actor Putin`` has to become "Vladimir Putin" before the query."""

from __future__ import annotations

from redline.packs.schema import Pack


def canonical_actor_name(
    name: str, pack: Pack, *, metonyms: bool = True, surnames_of_persons_only: bool = True
) -> str | None:
    """The canonical name for a name, alias, metonym or unambiguous surname, case-insensitively.

    None when the pack knows no such name, or when a surname fits several actors. The keywords
    keep each command's reading: ``quotes`` reads no metonyms, ``timeline`` takes the last word
    of any actor's name (not only a person's) as a surname.
    """
    folded = name.strip().casefold()
    for actor in pack.actors:
        spellings = [actor.name, *actor.aliases, *(actor.metonyms if metonyms else ())]
        if folded in (s.casefold() for s in spellings):
            return actor.name
    candidates = [
        a for a in pack.actors if a.kind == "person" or not surnames_of_persons_only
    ]
    by_surname = [a.name for a in candidates if a.name.split()[-1].casefold() == folded]
    return by_surname[0] if len(by_surname) == 1 else None
