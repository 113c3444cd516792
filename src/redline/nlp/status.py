"""How sure the article is of a position: stated (the actor's own words on the record),
reported (unnamed sources, leaks, other media) or alleged (unconfirmed, rumour,
speculation), from the hedge lexicon in ``resources/hedges.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from redline.nlp.resource_files import read_mapping

RESOURCE = Path(__file__).parent / "resources" / "hedges.yaml"
RANK = {"stated": 0, "reported": 1, "alleged": 2}


@dataclass(frozen=True)
class HedgeLexicon:
    alleged_words: frozenset[str]
    alleged_phrases: tuple[tuple[str, ...], ...]
    reported_words: frozenset[str]
    reported_phrases: tuple[tuple[str, ...], ...]
    media_verbs: frozenset[str]


def _phrases(items: list[str] | None) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(p).lower().split()) for p in items or ())


@lru_cache(maxsize=4)
def load_hedge_lexicon(path: str | None = None) -> HedgeLexicon:
    """Read the hedge lexicon; raises LexiconError naming the file on bad input."""
    source = Path(path) if path else RESOURCE
    raw = read_mapping(source, "hedge lexicon")
    alleged = raw.get("alleged") or {}
    reported = raw.get("reported") or {}
    return HedgeLexicon(
        alleged_words=frozenset(str(w).lower() for w in alleged.get("words") or ()),
        alleged_phrases=_phrases(alleged.get("phrases")),
        reported_words=frozenset(str(w).lower() for w in reported.get("words") or ()),
        reported_phrases=_phrases(reported.get("phrases")),
        media_verbs=frozenset(reported.get("media_verbs") or ()),
    )


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(
        words[i] == phrase[0] and tuple(words[i : i + n]) == phrase
        for i in range(len(words) - n + 1)
    )


def hedge_status(span: Span, lexicon: HedgeLexicon) -> str:
    """The status the hedges in a stretch of text give: alleged beats reported beats stated."""
    words = [t.lower_ for t in span]
    bag = set(words)
    # "is also said to", "could not independently be verified": adverbs the phrase does not
    # name may stand between its words.
    def tight() -> list[str]:
        phrase_words = _phrase_words(lexicon)
        return [t.lower_ for t in span if t.pos_ != "ADV" or t.lower_ in phrase_words]

    def any_phrase(phrases: tuple[tuple[str, ...], ...]) -> bool:
        return any(bag.issuperset(p) and (_contains(words, p) or _contains(tight(), p))
                   for p in phrases)

    if bag & lexicon.alleged_words or any_phrase(lexicon.alleged_phrases):
        return "alleged"
    if bag & lexicon.reported_words or any_phrase(lexicon.reported_phrases):
        return "reported"
    return "stated"


@lru_cache(maxsize=4)
def _phrase_words(lexicon: HedgeLexicon) -> frozenset[str]:
    return frozenset(w for p in (*lexicon.alleged_phrases, *lexicon.reported_phrases) for w in p)


def strongest(*statuses: str) -> str:
    """The least certain of several statuses."""
    return max(statuses, key=lambda s: RANK.get(s, 0))
