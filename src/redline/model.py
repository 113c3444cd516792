"""The records that flow through redline: articles in, extracted records out.

Every extracted record carries character offsets into ``Article.text`` (the normalised text),
so it can always be traced back to the exact sentence it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Stance = Literal["propose", "demand", "accept", "reject", "threaten"]
Status = Literal["stated", "reported", "alleged"]
Genre = Literal["news", "opinion", "analysis", "readout"]
# The guide's issue of a plan taken as a package (claims about it name the plan).
WHOLE_PLAN = "peace_plan"

# "transcript": an answer turn of an interview transcript, speech but not a quotation.
QuoteKind = Literal["direct", "indirect", "fragment", "transcript"]
DateOrigin = Literal["header", "html", "dateline", "jsonl", "unknown"]
# How a mention or speaker was resolved to its canonical actor.
Resolution = Literal[
    "name",  # full canonical name or spelling variant
    "surname",  # surname alone after the full name (or well-known surname)
    "alias",  # an alias listed in the pack
    "metonym",  # Kremlin, Moscow, White House...
    "title",  # a dated title: "the Polish prime minister"
    "epithet",  # tabloid epithets: "Mad Vlad"
    "adjective",  # "Russian demands" -> Russia
    "pronoun",  # he, she, they
    "description",  # "the Russian leader", "the envoy"
    "ner",  # a PERSON/ORG entity not in the pack
    "unnamed",  # "a senior Russian source"
    "document",  # a paper, memo, plan attributed to its issuer
]

STANCES: tuple[str, ...] = ("propose", "demand", "accept", "reject", "threaten")
STATUSES: tuple[str, ...] = ("stated", "reported", "alleged")
UNNAMED_SOURCE = "unnamed source"


@dataclass(frozen=True)
class Article:
    """One article as stored: ``text`` is the normalised body (header removed), and is what
    every character span of every extracted record indexes into."""

    id: str  # stable content hash of normalised text and url
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None  # outlet name, e.g. "Reuters"
    origin: str | None = None  # where it was read from: a path, "path:line" for JSON Lines
    date_origin: DateOrigin = "unknown"


@dataclass(frozen=True)
class Rejection:
    """An input that did not land, and why."""

    source: str  # path, or "path:line" for a JSON line
    stage: str  # read | decode | parse | normalise | extract | store
    reason: str


@dataclass(frozen=True)
class TextSpan:
    """A character span of the article text, with the text it covers."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One reference to an actor in the text, resolved to its canonical name."""

    start: int
    end: int
    text: str
    actor: str  # canonical name ("Vladimir Putin", "Russia")
    party: str  # party id ("russia")
    resolution: str  # one of Resolution
    confidence: float
    kind: str = "person"  # person | state | institution | media | group | unknown


@dataclass(frozen=True)
class Quote:
    """A direct or indirect quotation with its speaker."""

    text: str  # the quoted words without quote marks (direct) or the reported content
    start: int
    end: int
    speaker: str  # canonical actor, or UNNAMED_SOURCE, or "" when unknown
    party: str
    kind: str  # one of QuoteKind
    cue: str | None = None  # the speech verb or phrase: "said", "told TASS", "according to"
    cue_start: int | None = None
    cue_end: int | None = None
    resolution: str | None = None  # how the speaker was resolved
    confidence: float = 0.5
    sentence: TextSpan | None = None


@dataclass(frozen=True)
class Claim:
    """One actor's position on one issue, with every sentence that supports it."""

    actor: str
    party: str
    issue: str
    stance: str  # one of STANCES
    status: str  # one of STATUSES
    evidence: tuple[TextSpan, ...]
    plan: str | None = None
    statement_date: date | None = None
    confidence: float = 0.5
    optional: bool = False


@dataclass(frozen=True)
class PlanPoint:
    """One point or term of a plan as an article reports it."""

    n: int | None
    issues: tuple[str, ...]
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PlanMention:
    """A named plan found in an article, with its proposer and the terms the article lists."""

    name: str  # canonical plan name when the pack knows it, else the phrase found
    proposer: str | None
    points: tuple[PlanPoint, ...]
    start: int
    end: int
    n_points: int | None = None  # "28-point plan" -> 28
    pack_plan: str | None = None  # id of the pack plan it was matched to
    # The article describes the plan by its terms without naming it; the name was built from
    # its proposer and the issues of its terms ("US proposals on NATO membership").
    described: bool = False


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article_id: str
    published: date | None
    genre: str
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    plans: tuple[PlanMention, ...] = ()
    extractor_version: str = ""
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Provenance:
    """Where a stored record came from: the article and its outlet."""

    article_id: str
    published: date | None
    source: str | None
    url: str | None = None
    title: str | None = None
    # Near-duplicate cluster: the id of the first-seen copy of a syndicated story. Two records
    # with the same cluster are one source, not two.
    cluster: str = ""
    extractor_version: str = ""


@dataclass(frozen=True)
class SourcedClaim:
    claim: Claim
    provenance: Provenance


@dataclass(frozen=True)
class SourcedQuote:
    quote: Quote
    provenance: Provenance


@dataclass(frozen=True)
class SourcedPlan:
    plan: PlanMention
    provenance: Provenance
