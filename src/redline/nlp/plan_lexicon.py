"""The general English vocabulary of plans (``resources/plans.yaml``) and number parsing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from redline.errors import PackError
from redline.nlp.resource_files import read_mapping

RESOURCE = Path(__file__).parent / "resources" / "plans.yaml"
_DIGITS = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class PlanLexicon:
    """Word lists that find plan phrases and numbered points; all lower-case."""

    plan_nouns: frozenset[str]
    document_nouns: frozenset[str]
    described_nouns: frozenset[str]
    qualifiers: frozenset[str]
    anaphoric_modifiers: frozenset[str]
    revision_markers: frozenset[str]
    novelty_markers: frozenset[str]
    original_markers: frozenset[str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    point_markers: frozenset[str]
    size_markers: frozenset[str]
    sized_nouns: frozenset[str]
    size_verbs: frozenset[str]
    proposer_verbs: frozenset[str]
    attribution_verbs: frozenset[str]
    listing_words: frozenset[str]
    term_verbs: frozenset[str]
    purpose_verbs: frozenset[str]
    content_verbs: frozenset[str]
    content_openers: tuple[str, ...]  # longest first
    opener_pattern: re.Pattern[str]  # the openers in that order, before a space or a comma
    modals: frozenset[str]
    continuation_openers: frozenset[str]
    gist_nouns: frozenset[str]
    retro_nouns: frozenset[str]
    commentary_subjects: frozenset[str]
    generic_determiners: frozenset[str]
    any_determiners: frozenset[str]
    future_modals: frozenset[str]

    def number(self, word: str) -> int | None:
        """``"seven"``, ``"7"`` or ``"twenty-eight"`` as an int; None when not a number."""
        folded = word.casefold().strip(".)")
        if _DIGITS.match(folded):
            return int(folded)
        return self.numbers.get(folded)

    def ordinal(self, word: str) -> int | None:
        return self.ordinals.get(word.casefold())

    def is_plan_noun(self, lemma: str) -> bool:
        return lemma.casefold() in self.plan_nouns

    def is_document(self, noun: str) -> bool:
        """ "memorandum", "counter-proposal": a plan noun that names a document by itself."""
        return noun.casefold() in self.document_nouns


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in data.get(key, []))


def _numbers(data: dict[str, Any], key: str) -> dict[str, int]:
    return {str(k).casefold(): int(v) for k, v in (data.get(key) or {}).items()}


@lru_cache(maxsize=4)
def load_plan_lexicon(path: Path = RESOURCE) -> PlanLexicon:
    """Read the plan vocabulary; a missing or malformed file is a PackError naming it."""
    data = read_mapping(path, "plan vocabulary", lambda message: PackError(str(path), [message]))
    openers = _openers(data)
    return PlanLexicon(
        plan_nouns=_words(data, "plan_nouns"),
        document_nouns=_words(data, "document_nouns"),
        described_nouns=_words(data, "described_nouns"),
        qualifiers=_words(data, "qualifiers"),
        anaphoric_modifiers=_words(data, "anaphoric_modifiers"),
        revision_markers=_words(data, "revision_markers"),
        novelty_markers=_words(data, "novelty_markers"),
        original_markers=_words(data, "original_markers"),
        numbers=_numbers(data, "numbers"),
        ordinals=_numbers(data, "ordinals"),
        point_markers=_words(data, "point_markers"),
        size_markers=_words(data, "size_markers"),
        sized_nouns=_words(data, "sized_nouns"),
        size_verbs=_words(data, "size_verbs"),
        proposer_verbs=_words(data, "proposer_verbs"),
        attribution_verbs=_words(data, "attribution_verbs"),
        listing_words=_words(data, "listing_words"),
        term_verbs=_words(data, "term_verbs"),
        purpose_verbs=_words(data, "purpose_verbs"),
        content_verbs=_words(data, "content_verbs"),
        content_openers=openers,
        opener_pattern=_opener_pattern(openers),
        modals=_words(data, "modals"),
        continuation_openers=_words(data, "continuation_openers"),
        gist_nouns=_words(data, "gist_nouns"),
        retro_nouns=_words(data, "retro_nouns"),
        commentary_subjects=_words(data, "commentary_subjects"),
        generic_determiners=_words(data, "generic_determiners"),
        any_determiners=_words(data, "any_determiners"),
        future_modals=_words(data, "future_modals"),
    )


def _opener_pattern(openers: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for "the text starts with an opener": alternatives tried in the openers'
    order (longest first), as a loop over them would; none matches when there are none."""
    if not openers:
        return re.compile("(?!)")
    return re.compile("(?:" + "|".join(re.escape(o) for o in openers) + ")(?=[ ,])")


def _openers(data: dict[str, Any]) -> tuple[str, ...]:
    """Every sentence opener: "under the plan", "the proposal", "it"..."""
    nouns = sorted(_words(data, "plan_nouns") | _words(data, "opener_nouns"))
    determiners = sorted(_words(data, "opener_determiners"))
    subjects = [f"{d} {n}" for d in determiners if d in {"the", "this"} for n in nouns
                if n in _words(data, "plan_nouns")]
    prepositional = [f"{p} {d} {n}" for p in sorted(_words(data, "opener_prepositions"))
                     for d in determiners for n in nouns]
    openers = [*prepositional, *subjects, *sorted(_words(data, "pronoun_openers"))]
    return tuple(sorted(openers, key=len, reverse=True))
