"""What a pack says about naming its actors, indexed for matching: every surface form (name,
alias, metonym, epithet, title, description, surname) with the actor and resolution it gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from redline.nlp.actor_lexicon import ActorLexicon, load_lexicon
from redline.packs import load_pack
from redline.packs.schema import Actor, Pack, Title

# How much a mention found by each kind of surface form is trusted.
CONFIDENCE: dict[str, float] = {
    "name": 0.95,
    "alias": 0.9,
    "metonym": 0.85,
    "title": 0.8,
    "epithet": 0.8,
    "description": 0.75,
    "surname": 0.7,
}


@dataclass(frozen=True)
class Surface:
    """One way the pack lets an actor be named."""

    phrase: str
    actor: Actor
    resolution: str  # name | alias | metonym | title | epithet | description | surname
    title: Title | None = None

    @property
    def case_sensitive(self) -> bool:
        # Short acronyms ("US", "EU", "MBS") must not match ordinary words ("us").
        letters = [c for c in self.phrase if c.isalpha()]
        return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)

    def holds_on(self, day: date | None) -> bool:
        if self.title is None:
            return True
        if day is None:
            # Undated article: the current holder, or a title that was never dated at all.
            return self.title.end is None
        return self.title.holds_on(day)


def surnames_of(actor: Actor) -> list[str]:
    """The forms that name a person alone; derived from the last word when not given."""
    if actor.kind != "person":
        return []
    if actor.surnames is not None:
        return list(actor.surnames)
    found: list[str] = []
    for full in [actor.name, *actor.aliases]:
        words = full.split()
        if len(words) >= 2 and words[-1][:1].isupper() and words[-1] not in found:
            found.append(words[-1])
    return found


class ActorIndex:
    """All surface forms of a pack's actors, plus what reference resolution needs to know."""

    def __init__(self, pack: Pack, lexicon: ActorLexicon | None = None) -> None:
        self.pack = pack
        self.lexicon = lexicon or load_lexicon()
        self.surfaces: list[Surface] = []
        self.by_name: dict[str, Actor] = {a.name: a for a in pack.actors}
        for actor in pack.actors:
            self._add(actor.name, actor, "name")
            for alias in actor.aliases:
                self._add(alias, actor, "alias")
            for metonym in actor.metonyms:
                self._add(metonym, actor, "metonym")
            for epithet in actor.epithets:
                self._add(epithet, actor, "epithet")
            for title in actor.titles:
                self.surfaces.append(Surface(title.title, actor, "title", title))
            for description in actor.descriptions:
                self._add(description, actor, "description")
            for surname in surnames_of(actor):
                self._add(surname, actor, "surname")
        # Party adjectives ("Russian") and the actor standing for the party ("Russia").
        self.adjectives: dict[str, Actor] = {}
        for party in pack.parties:
            state = pack.state_actor(party.id)
            if state is None:
                continue
            for adjective in party.adjectives:
                self.adjectives[adjective.casefold()] = state
        # Words that only say which side a title belongs to ("Russian", "Russia", "NATO").
        self.party_words: frozenset[str] = frozenset(
            word
            for party in pack.parties
            for phrase in [party.name, *party.adjectives]
            for word in phrase.casefold().split()
        )
        # Role groups each actor's titles and descriptions name ("envoy", "tycoon").
        self.roles: dict[str, frozenset[int]] = {}
        for actor in pack.actors:
            phrases = [t.title for t in actor.titles] + actor.descriptions
            found: set[int] = set()
            for phrase in phrases:
                found |= self.lexicon.roles_in(phrase)
            self.roles[actor.name] = frozenset(found)

    def _add(self, phrase: str, actor: Actor, resolution: str) -> None:
        if phrase.strip():
            self.surfaces.append(Surface(phrase.strip(), actor, resolution))

    def party_of(self, actor_name: str) -> str | None:
        actor = self.by_name.get(actor_name)
        return actor.party if actor else None


@lru_cache(maxsize=8)
def index_for(pack_name: str) -> ActorIndex:
    """The index of a pack by name or path, built once."""
    return ActorIndex(load_pack(pack_name))
