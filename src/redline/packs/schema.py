"""The schema of a domain pack: parties, actors, issues and plans, validated with pydantic.

A pack is a folder of YAML files (``pack.yaml``: meta and parties; ``actors.yaml``;
``issues.yaml``; ``plans.yaml``). Everything domain-specific lives here as data; the code that
reads articles knows nothing about any one negotiation. ``redline pack check FOLDER`` reports
every problem with its file and line.

Writing actors: ``name`` is the canonical name records carry; ``aliases`` are other full
names and spellings; ``metonyms`` stand for a state or institution ("Kremlin", "Kyiv");
``titles`` are offices with optional ``from``/``to`` dates (the holder on an article's date is
the one found; a title held by two actors needs a date split); ``descriptions`` are undated
phrases naming one actor ("Russian leader"); ``surnames`` lists the words that name a person
alone even before the full name (left out: the last word of each name; ``[]``: only after the
full name). A party's namesake actor (party ``russia`` named "Russia") is what its
adjectives ("Russian officials") refer to. Matching ignores case and British/American
spelling, so case variants need not be listed.

A party's ``role`` (``belligerent``, ``mediator`` or ``third``) and an issue's ``reciprocal``
flag decide how the terms of a plan are read: a warring side's own terms are demands on the
other side, except measures both sides take together (a truce, talks), which it proposes.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(_Strict):
    """A side of the negotiation (``russia``, ``ukraine``...)."""

    id: str
    name: str
    adjectives: list[str] = Field(default_factory=list)  # "Russian", "Ukrainian"
    # How names built by the extractor call the side ("US proposals on ..."); default: the
    # first adjective, else the name.
    short: str | None = None
    # The side's part in the negotiation: a ``belligerent`` fights the war, a ``mediator``
    # brokers it, ``third`` is anyone else. The terms of a belligerent's own plan are what it
    # demands of the other side; the terms of anyone else's plan are proposals.
    role: Literal["belligerent", "mediator", "third"] = "third"

    def short_name(self) -> str:
        return self.short or (self.adjectives[0] if self.adjectives else self.name)


class Title(_Strict):
    """A descriptive title held for a period: "Russian foreign minister" from 2004-03-09."""

    title: str
    start: date | None = Field(default=None, alias="from")
    end: date | None = Field(default=None, alias="to")

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None  # no date: the current holder
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class Actor(_Strict):
    """A person, state or institution that can hold positions."""

    name: str  # canonical name
    party: str
    kind: str = "person"  # person | state | institution | media | group
    gender: str | None = None  # male | female, for pronoun resolution of persons
    aliases: list[str] = Field(default_factory=list)  # other full names, spelling variants
    metonyms: list[str] = Field(default_factory=list)  # Kremlin, Moscow, White House
    epithets: list[str] = Field(default_factory=list)  # tabloid nicknames
    titles: list[Title] = Field(default_factory=list)
    descriptions: list[str] = Field(default_factory=list)  # "the Russian leader" (no dates)
    # Forms that name the person alone once introduced ("Putin"). None: derived from the last
    # word of the name and aliases; []: none (names like "Wang Yi" or "Pope Francis").
    surnames: list[str] | None = None

    def titles_on(self, day: date | None) -> list[str]:
        """The titles this actor holds on a day (undated titles always hold)."""
        return [t.title for t in self.titles if t.holds_on(day)]


class LinkedCue(_Strict):
    """A cue made of two words tied by the parse rather than adjacent: a word of ``words``
    whose head, dependant or prepositional object is a word of ``linked`` ("cap its army",
    "the army would be capped", "limits on the size of the army"). Words are lemmas; a
    longer entry ("armed force") is its last word with the others among its dependants."""

    words: list[str]
    linked: list[str]


class Issue(_Strict):
    """One issue of the negotiation with its definition and lexical cues."""

    id: str
    label: str
    # The issue as a few words inside a sentence, for names built from issues ("US
    # proposals on NATO membership and peacekeepers"); default: the label.
    short: str | None = None
    definition: str
    cues: list[str] = Field(default_factory=list)  # phrases matched case-insensitively
    lemma_cues: list[str] = Field(default_factory=list)  # phrases matched on lemmas
    linked_cues: list[LinkedCue] = Field(default_factory=list)  # word pairs tied by the parse
    # A measure both sides take together (a truce, talks): a warring side's plan offers it
    # rather than demanding it of the other side.
    reciprocal: bool = False
    # A way of negotiating rather than a term (talks, a summit): asking no one in particular
    # for it puts it forward ("requested direct talks"), where asking for a term demands it.
    process: bool = False
    # Issues this one narrows down when it says where they lie: "a ceasefire along the current
    # line" is a freeze of the front (frontline_freeze refines ceasefire), not a place.
    refines: list[str] = Field(default_factory=list)
    # Nouns that, definite and after a cue of the issue in the same article, stand for it:
    # "the peninsula" once Crimea is named, "the station" once the nuclear plant is.
    anaphors: list[str] = Field(default_factory=list)

    def short_label(self) -> str:
        return self.short or self.label


class PackPlan(_Strict):
    """A known plan: its canonical name, aliases, proposer and points."""

    id: str
    name: str
    proposer: str | None = None  # canonical actor name
    # Actors who put the plan forward together with the proposer ("the China–Brazil
    # understandings"): each holds its terms as the proposer does.
    co_proposers: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    points: int | None = None
    announced: date | None = None
    revision_of: str | None = None  # id of the plan this revises
    issues: list[str] = Field(default_factory=list)


class PackMeta(_Strict):
    name: str
    description: str = ""
    language: str = "en"


class Pack(_Strict):
    """A whole validated pack."""

    meta: PackMeta
    parties: list[Party]
    actors: list[Actor]
    issues: list[Issue]
    plans: list[PackPlan] = Field(default_factory=list)

    def party_ids(self) -> set[str]:
        return {p.id for p in self.parties}

    def party(self, party_id: str) -> Party | None:
        for party in self.parties:
            if party.id == party_id:
                return party
        return None

    def state_actor(self, party_id: str) -> Actor | None:
        """The actor that stands for a party as a whole (the party's namesake: "Russia")."""
        party = self.party(party_id)
        return self.actor(party.name) if party is not None else None

    def issue(self, issue_id: str) -> Issue | None:
        return next((i for i in self.issues if i.id == issue_id), None)

    def issue_ids(self) -> list[str]:
        return [i.id for i in self.issues]

    def actor(self, name: str) -> Actor | None:
        folded = name.casefold()
        for actor in self.actors:
            if actor.name.casefold() == folded:
                return actor
        return None
