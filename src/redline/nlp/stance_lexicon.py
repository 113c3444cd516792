"""The stance lexicon: reads ``resources/stance.yaml`` (the language-general predicates by
which an actor proposes, demands, accepts, rejects or threatens) into ``StanceLexicon``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from redline.nlp.resource_files import LexiconError, read_mapping

RESOURCE = Path(__file__).parent / "resources" / "stance.yaml"


@dataclass(frozen=True)
class StanceLexicon:
    verbs: dict[str, str]
    phrasal: dict[tuple[str, ...], str]  # (verb lemma, particle words...) -> stance
    nouns: dict[str, str]
    light_verbs: frozenset[str]
    adjectives: dict[str, str]
    evaluations: dict[str, str]
    accepting_verbs: frozenset[str]
    weak_proposals: frozenset[str]
    negating_governors: frozenset[str]
    role_nouns: frozenset[str]
    judging_verbs: frozenset[str]
    report_verbs: frozenset[str]
    purpose_nouns: frozenset[str]
    warning_verbs: frozenset[str]
    object_only: frozenset[str]
    phrases: dict[tuple[str, ...], str]
    threat_phrases: tuple[tuple[str, ...], ...]
    threat_verbs: frozenset[str]
    modals: frozenset[str]
    obligation_modals: frozenset[str]
    negators: frozenset[str]
    negating_verbs: frozenset[str]
    condition_words: frozenset[str]
    condition_phrases: tuple[tuple[str, ...], ...]
    prepositional_nouns: dict[str, frozenset[str]]
    epistemic_verbs: frozenset[str]
    exchange_phrases: tuple[tuple[str, ...], ...]
    joint_nouns: frozenset[str]
    desire_verbs: frozenset[str]
    obligation_verbs: frozenset[str]
    anaphoric_nouns: frozenset[str]
    harm_verbs: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    harm_adverbs: frozenset[str] = frozenset()
    consequence_verbs: frozenset[str] = frozenset()
    commitment_verbs: frozenset[str] = frozenset()
    permission_verbs: frozenset[str] = frozenset()
    evaluation_nouns: dict[str, str] = field(default_factory=dict)
    evaluative_adjectives: dict[str, str] = field(default_factory=dict)
    non_answers: frozenset[str] = frozenset()
    intent_modals: frozenset[str] = frozenset()
    reported_modals: frozenset[str] = frozenset()
    non_intent_verbs: frozenset[str] = frozenset()
    intransitive_non_intents: frozenset[str] = frozenset()
    intention_nouns: frozenset[str] = frozenset()
    prohibition_nouns: frozenset[str] = frozenset()
    causative_verbs: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()
    table_nouns: frozenset[str] = frozenset()
    release_words: frozenset[str] = frozenset()
    coercion_verbs: frozenset[str] = frozenset()
    coercion_nouns: frozenset[str] = frozenset()
    neg_raising_verbs: frozenset[str] = frozenset()
    appeal_verbs: frozenset[str] = frozenset()
    war_nouns: frozenset[str] = frozenset()
    relief_verbs: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    ultimatum_verbs: frozenset[str] = frozenset()
    negated_condition_words: frozenset[str] = frozenset()
    nominal_proposals: frozenset[str] = frozenset()
    nominal_demands: frozenset[str] = frozenset()
    reciprocal_answers: tuple[tuple[str, ...], ...] = ()
    inclusion_nouns: frozenset[str] = frozenset()
    exhortation_nouns: frozenset[str] = frozenset()
    question_verbs: frozenset[str] = frozenset()
    trade_verbs: frozenset[str] = frozenset()
    title_nouns: frozenset[str] = frozenset()


def _by_stance(raw: dict[str, Any], key: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for stance, words in (raw.get(key) or {}).items():
        for word in words:
            table[str(word).lower()] = stance
    return table


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


@lru_cache(maxsize=4)
def load_stance_lexicon(path: str | None = None) -> StanceLexicon:
    """Read and index the stance lexicon; raises LexiconError naming the file on bad input."""
    source = Path(path) if path else RESOURCE
    raw = read_mapping(source, "stance lexicon")
    phrases: dict[tuple[str, ...], str] = {}
    for stance, items in (raw.get("phrases") or {}).items():
        for item in items:
            phrases[_words(item)] = stance
    conditions = raw.get("conditions") or {}
    harm = raw.get("harm") or {}
    intent = raw.get("intentions") or {}
    coercion = raw.get("coercion") or {}
    return StanceLexicon(
        verbs=_by_stance(raw, "verbs"),
        phrasal={_words(k): v for k, v in (raw.get("phrasal") or {}).items()},
        nouns=_by_stance(raw, "nouns"),
        light_verbs=frozenset(raw.get("light_verbs") or ()),
        adjectives=_by_stance(raw, "adjectives"),
        evaluations=_by_stance(raw, "evaluations"),
        accepting_verbs=frozenset(raw.get("accepting_verbs") or ()),
        weak_proposals=frozenset(raw.get("weak_proposals") or ()),
        negating_governors=frozenset(raw.get("negating_governors") or ()),
        role_nouns=frozenset(str(w).lower() for w in raw.get("role_nouns") or ()),
        judging_verbs=frozenset(raw.get("judging_verbs") or ()),
        report_verbs=frozenset(raw.get("report_verbs") or ()),
        purpose_nouns=frozenset(raw.get("purpose_nouns") or ()),
        warning_verbs=frozenset(raw.get("warning_verbs") or ()),
        object_only=frozenset(raw.get("object_only") or ()),
        phrases=phrases,
        threat_phrases=tuple(_words(p) for p in raw.get("threat_phrases") or ()),
        threat_verbs=frozenset(raw.get("threat_verbs") or ()),
        modals=frozenset(str(m).lower() for m in raw.get("modals") or ()),
        obligation_modals=frozenset(str(m).lower() for m in raw.get("obligation_modals") or ()),
        negators=frozenset(str(n).lower() for n in raw.get("negators") or ()),
        negating_verbs=frozenset(raw.get("negating_verbs") or ()),
        neg_raising_verbs=frozenset(raw.get("neg_raising_verbs") or ()),
        appeal_verbs=frozenset(raw.get("appeal_verbs") or ()),
        war_nouns=frozenset(raw.get("war_nouns") or ()),
        condition_words=frozenset(conditions.get("single") or ()),
        condition_phrases=tuple(_words(p) for p in conditions.get("multi") or ()),
        prepositional_nouns={
            str(k).lower(): frozenset(str(p).lower() for p in v or ())
            for k, v in (raw.get("prepositional_nouns") or {}).items()
        },
        epistemic_verbs=frozenset(raw.get("epistemic_verbs") or ()),
        joint_nouns=frozenset(str(w).lower() for w in raw.get("joint_nouns") or ()),
        anaphoric_nouns=frozenset(raw.get("anaphoric_nouns") or ()),
        obligation_verbs=frozenset(raw.get("obligation_verbs") or ()),
        desire_verbs=frozenset(raw.get("desire_verbs") or ()),
        exchange_phrases=tuple(_words(p) for p in conditions.get("exchange") or ()),
        harm_verbs=frozenset(harm.get("verbs") or ()),
        harm_nouns=frozenset(harm.get("nouns") or ()),
        harm_adverbs=frozenset(harm.get("adverbs") or ()),
        consequence_verbs=frozenset(harm.get("consequence_verbs") or ()),
        causative_verbs=frozenset(harm.get("causative_verbs") or ()),
        commitment_verbs=frozenset(raw.get("commitment_verbs") or ()),
        permission_verbs=frozenset(raw.get("permission_verbs") or ()),
        evaluation_nouns=_by_stance(raw, "evaluation_nouns"),
        evaluative_adjectives=_by_stance(raw, "evaluative_adjectives"),
        non_answers=frozenset(str(w).lower() for w in raw.get("non_answers") or ()),
        intent_modals=frozenset(str(m).lower() for m in intent.get("modals") or ()),
        reported_modals=frozenset(str(m).lower() for m in intent.get("reported_modals") or ()),
        non_intent_verbs=frozenset(intent.get("excluded") or ()),
        intransitive_non_intents=frozenset(intent.get("excluded_without_object") or ()),
        intention_nouns=frozenset(str(w).lower() for w in intent.get("nouns") or ()),
        prohibition_nouns=frozenset(str(w).lower() for w in raw.get("prohibition_nouns") or ()),
        side_nouns=frozenset(str(w).lower() for w in raw.get("side_nouns") or ()),
        table_nouns=frozenset(str(w).lower() for w in raw.get("table_nouns") or ()),
        release_words=frozenset(str(w).lower() for w in conditions.get("release") or ()),
        coercion_verbs=frozenset(str(w).lower() for w in coercion.get("verbs") or ()),
        coercion_nouns=frozenset(str(w).lower() for w in coercion.get("nouns") or ()),
        relief_verbs=frozenset(str(w).lower() for w in coercion.get("relief") or ()),
        directive_verbs=frozenset(str(w).lower() for w in raw.get("directive_verbs") or ()),
        ultimatum_verbs=frozenset(str(w).lower() for w in raw.get("ultimatum_verbs") or ()),
        negated_condition_words=frozenset(
            str(w).lower() for w in conditions.get("under_refusal") or ()),
        nominal_proposals=frozenset(raw.get("nominal_proposals") or ()),
        nominal_demands=frozenset(raw.get("nominal_demands") or ()),
        question_verbs=frozenset(raw.get("question_verbs") or ()),
        exhortation_nouns=frozenset(str(w).lower() for w in raw.get("exhortation_nouns") or ()),
        inclusion_nouns=frozenset(str(w).lower() for w in raw.get("inclusion_nouns") or ()),
        reciprocal_answers=tuple(_words(p) for p in conditions.get("reciprocal") or ()),
        trade_verbs=frozenset(str(w).lower() for w in raw.get("trade_verbs") or ()),
        title_nouns=frozenset(str(w).lower() for w in raw.get("title_nouns") or ()),
    )


__all__ = ["RESOURCE", "LexiconError", "StanceLexicon", "load_stance_lexicon"]
