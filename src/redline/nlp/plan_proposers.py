"""Resolves who proposed a plan: from the actors component's mentions, else from pack data.

The actors component (``doc._.mentions``) is the authority; when it has nothing at the
place, a small lookup over the pack's actor names, aliases, metonyms and party adjectives
gives a canonical name, so a plan phrase like "the US proposal" still gets its proposer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from redline.model import Mention
from redline.packs.schema import Pack


@dataclass(frozen=True)
class Proposer:
    """A canonical actor and its party."""

    actor: str
    party: str | None


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace(".", "").split()).casefold()


# Packs are unhashable pydantic models; cache by identity and keep the pack alive with it.
_TABLES: dict[int, tuple[Pack, dict[str, Proposer]]] = {}


def _name_table(pack: Pack) -> dict[str, Proposer]:
    cached = _TABLES.get(id(pack))
    if cached is None or cached[0] is not pack:
        cached = (pack, _build_name_table(pack))
        _TABLES[id(pack)] = cached
    return cached[1]


def _build_name_table(pack: Pack) -> dict[str, Proposer]:
    """Folded surface form -> proposer, from the pack's actors and parties."""
    table: dict[str, Proposer] = {}
    party_names = {p.id: p.name for p in pack.parties}
    for party in pack.parties:
        if party.id == "other":
            continue
        holder = pack.actor(party.name)
        proposer = Proposer(holder.name if holder else party.name, party.id)
        for form in (party.name, *party.adjectives):
            table.setdefault(_fold(form), proposer)
    for actor in pack.actors:
        proposer = Proposer(actor.name, actor.party if actor.party in party_names else None)
        forms = [actor.name, *actor.aliases, *actor.metonyms, *actor.epithets]
        if actor.kind == "person" and len(actor.name.split()) > 1:
            forms.append(actor.name.split()[-1])  # a surname alone names the person
        for form in forms:
            table[_fold(form)] = proposer
    return table


def actor_name_tokens(span: Span, pack: Pack) -> set[int]:
    """The tokens of a span that belong to a name of an actor or side of the pack ("Donald
    Trump", "Trump administration", "Ukrainian"), possessive endings left out."""
    table = _name_table(pack)
    words = [t for t in span if t.lower_ not in {"'s", "’s"}]
    found: set[int] = set()
    for first in range(len(words)):
        for last in range(first, len(words)):
            if _fold(" ".join(t.text for t in words[first : last + 1])) in table:
                found.update(t.i for t in words[first : last + 1])
    return found


def party_of(pack: Pack, actor: str | None) -> str | None:
    """The party of a canonical actor or party name; None when the pack does not know it."""
    if not actor:
        return None
    known = pack.actor(actor)
    if known is not None:
        return known.party
    folded = _fold(actor)
    for party in pack.parties:
        if _fold(party.name) == folded:
            return party.id
    return None


def _mention_in(doc: Doc, start_char: int, end_char: int) -> Mention | None:
    mentions: list[Mention] = list(doc._.mentions or [])
    for mention in mentions:
        if mention.start < end_char and start_char < mention.end:
            return mention
    return None


def resolve_proposer(span: Span, pack: Pack) -> Proposer | None:
    """The actor a span names, or None when neither the mentions nor the pack know it."""
    mention = _mention_in(span.doc, span.start_char, span.end_char)
    if mention is not None and mention.actor:
        return Proposer(mention.actor, mention.party or party_of(pack, mention.actor))
    table = _name_table(pack)
    words = [t for t in span if t.pos_ not in {"DET", "PART", "PUNCT"} and t.lower_ != "'s"]
    # Try the whole span, then shorter tails: "US President Donald Trump" -> "Donald Trump".
    for first in range(len(words)):
        found = table.get(_fold(" ".join(t.text for t in words[first:])))
        if found is not None:
            return found
    for token in words:
        found = table.get(_fold(token.text))
        if found is not None:
            return found
    return None
