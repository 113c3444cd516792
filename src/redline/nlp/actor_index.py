"""What a pack says about naming its actors, indexed for matching: every surface form (name,
alias, metonym, epithet, title, description, surname) with the actor and resolution it gives."""

from __future__ import annotations

import re
import unicodedata
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
    standalone: bool = True  # a surname that names the actor even before the full name

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
    return last_words(actor)


def last_words(actor: Actor) -> list[str]:
    """The last word of each full name: "Lloyd Austin" -> Austin."""
    found: list[str] = []
    for full in [actor.name, *actor.aliases]:
        words = full.split()
        if len(words) >= 2 and words[-1][:1].isupper() and words[-1] not in found:
            found.append(words[-1])
    return found


def transliteration_key(word: str) -> str:
    """A spelling key on which common transliterations agree: Zelenskiy, Zelenskyy and
    Zelenskyi all give "zelensky"; Dmitriy and Dmitry give "dmytry"."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    for old, new in (("kh", "h"), ("ts", "c"), ("w", "v"), ("j", "y"), ("i", "y"), ("e", "e")):
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


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
            standalone = surnames_of(actor)
            for surname in standalone:
                self._add(surname, actor, "surname")
            for surname in last_words(actor) if actor.kind == "person" else []:
                if surname not in standalone:
                    # "Austin" names Lloyd Austin only once "Lloyd Austin" has been named.
                    self.surfaces.append(Surface(surname, actor, "surname", standalone=False))
        # Party adjectives ("Russian") and the actor standing for the party ("Russia").
        self.adjectives: dict[str, Actor] = {}
        for party in pack.parties:
            state = pack.state_actor(party.id)
            if state is None:
                continue
            for adjective in party.adjectives:
                self.adjectives[adjective.casefold()] = state
        # Single words naming a state or institution, with its party ("Britain" -> uk).
        self.state_words: dict[str, str] = {}
        for actor in pack.actors:
            if actor.kind in ("state", "institution"):
                for form in [actor.name, *actor.aliases, *actor.metonyms]:
                    if " " not in form.strip():
                        self.state_words.setdefault(form.strip().casefold(), actor.party)
        for word, state in self.adjectives.items():
            self.state_words.setdefault(word, state.party)
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

    def spelling_variant(self, words: list[str]) -> Actor | None:
        """The one pack person whose name this is in another transliteration: same initial,
        surnames within one edit of each other once transliterations are folded."""
        if len(words) < 2 or len(words[-1]) < 5:
            return None
        initial = transliteration_key(words[0])[:1]
        last = transliteration_key(words[-1])
        found: dict[str, Actor] = {}
        for actor in self.pack.actors:
            if actor.kind != "person":
                continue
            for full in (actor.name, *actor.aliases):
                parts = full.split()
                if len(parts) < 2 or transliteration_key(parts[0])[:1] != initial:
                    continue
                if within_one_edit(transliteration_key(parts[-1]), last):
                    found[actor.name] = actor
        return next(iter(found.values())) if len(found) == 1 else None

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
