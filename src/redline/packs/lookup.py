"""Finds a pack actor from any name a user may type: canonical name, alias, spelling variant,
metonym, epithet or (when only one actor has it) surname, case-insensitively."""

from __future__ import annotations

import unicodedata

from redline.packs.schema import Actor, Pack

__all__ = ["find_actor", "fold_name"]


def fold_name(text: str) -> str:
    """Case, accents and spacing folded: "Zelenskyy " and "zelenskyy" are one key."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("’", "'").split()).casefold()


def find_actor(pack: Pack, name: str) -> Actor | None:
    """The pack actor a name denotes, or None when it names none or several."""
    key = fold_name(name)
    if not key:
        return None
    for actor in pack.actors:
        if fold_name(actor.name) == key:
            return actor
    matches = [
        actor
        for actor in pack.actors
        if key in {fold_name(f) for f in (*actor.aliases, *actor.metonyms, *actor.epithets)}
    ]
    if len(matches) == 1:
        return matches[0]
    by_surname = [
        actor
        for actor in pack.actors
        if (actor.kind == "person" and fold_name(actor.name).split()[-1:] == [key])
        or key in {fold_name(s) for s in actor.surnames or ()}
    ]
    return by_surname[0] if len(by_surname) == 1 else None
