"""Stance cues: the predicates and frames by which an actor proposes, demands, accepts,
rejects or threatens, read from the general lexicon in ``resources/stance.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Span, Token

from redline.errors import RedlineError

RESOURCE = Path(__file__).parent / "resources" / "stance.yaml"
FLIPS: dict[str, str | None] = {
    "accept": "reject",
    "reject": "accept",
    "propose": None,  # "did not propose" says nothing about what one wants
    "demand": None,
    "threaten": None,
}
PARTICLE_DEPS = frozenset({"prt", "prep", "mark", "agent"})


class LexiconError(RedlineError):
    """A lexicon resource file is missing or malformed."""


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


@dataclass(frozen=True)
class StanceCue:
    """A stance predicate found in a sentence: the token that carries it and how it was read."""

    stance: str
    token: int  # doc index of the head token of the cue
    kind: str  # verb | phrasal | noun | adjective | phrase | threat | condition
    start: int  # doc token span of the cue words
    end: int
    negated: bool = False
    clause: int | None = None  # condition cues: the head of the condition clause


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
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{source}: cannot read stance lexicon: {exc}") from exc
    if not isinstance(raw, dict):
        raise LexiconError(f"{source}: top level must be a mapping")
    phrases: dict[tuple[str, ...], str] = {}
    for stance, items in (raw.get("phrases") or {}).items():
        for item in items:
            phrases[_words(item)] = stance
    conditions = raw.get("conditions") or {}
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
    )


def is_negated(token: Token, lexicon: StanceLexicon) -> bool:
    """A negator on the predicate, on its copula or auxiliary, or a negating governor."""
    heads = [token]
    if token.dep_ in ("acomp", "attr", "oprd", "xcomp", "dobj") and token.head != token:
        heads.append(token.head)  # "are not satisfied", "would not accept the deal"
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" or (
                child.lower_ in lexicon.negators and child.dep_ in ("advmod", "det", "neg")
            ):
                return True
    governor = token.head.lemma_.lower()
    if token.dep_ in ("xcomp", "dobj", "pcomp") and governor in lexicon.negating_verbs:
        return True
    return _negating_governor(token, lexicon)


def _negating_governor(token: Token, lexicon: StanceLexicon) -> bool:
    # "have trouble accepting", "it is difficult for Putin to agree"
    if token.dep_ not in ("xcomp", "pcomp", "acl", "ccomp", "advcl") or token.head.i == token.i:
        return False
    head = token.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    governors = [head, *(c for c in head.children if c.dep_ in ("acomp", "dobj", "attr"))]
    return any(g.lemma_.lower() in lexicon.negating_governors for g in governors)


def has_modal(token: Token, lexicon: StanceLexicon) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in lexicon.modals for c in token.children)


def _match_words(
    sent: Span, words: tuple[str, ...], lowered: list[str] | None = None
) -> list[tuple[int, int]]:
    lowered = lowered if lowered is not None else [t.lower_ for t in sent]
    if words[0] not in lowered:
        return []
    found: list[tuple[int, int]] = []
    n = len(words)
    for i in range(len(lowered) - n + 1):
        if lowered[i] == words[0] and tuple(lowered[i : i + n]) == words:
            found.append((sent.start + i, sent.start + i + n))
    return found


def _phrasal_stance(token: Token, lexicon: StanceLexicon) -> tuple[str, int] | None:
    """A verb + particle frame: the stance and the end of the frame."""
    lemma = token.lemma_.lower()
    doc = token.doc
    for key, stance in lexicon.phrasal.items():
        if key[0] != lemma:
            continue
        particles = key[1:]
        following = tuple(t.lower_ for t in doc[token.i + 1 : token.i + 1 + len(particles)])
        if following == particles:
            return stance, token.i + 1 + len(particles)
        if len(particles) == 1 and any(
            c.lower_ == particles[0] and c.dep_ in PARTICLE_DEPS and c.i > token.i
            for c in token.children
        ):
            return stance, token.i + 1
    return None


def find_stance_cues(sent: Span, lexicon: StanceLexicon) -> list[StanceCue]:
    """Every stance cue of one sentence, in text order."""
    cues: list[StanceCue] = []
    for token in sent:
        lemma = token.lemma_.lower()
        adjective = _adjective_cue(token, lexicon)
        if adjective is not None:
            cues.append(adjective)
            continue
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
            phrasal = _phrasal_stance(token, lexicon)
            if phrasal:
                stance, end = phrasal
                cues.append(StanceCue(stance, token.i, "phrasal", token.i, end,
                                      is_negated(token, lexicon)))
                continue
            if _obliged(token, lexicon):
                # "Ukraine must cede territory", in someone's words: the speaker demands it
                # "must not be changed by force" is as much a demand as "must be kept"
                cues.append(StanceCue("demand", token.i, "obligation", token.i, token.i + 1))
                continue
            if lemma in lexicon.object_only and any(c.dep_ == "xcomp" for c in token.children):
                continue  # "seeks to gain": an aim, not a demand
            if lemma in lexicon.verbs and token.pos_ != "AUX" and _proposes(token, lexicon):
                cues.append(StanceCue(lexicon.verbs[lemma], token.i, "verb", token.i, token.i + 1,
                                      is_negated(token, lexicon)))
                continue
            warns = lemma in lexicon.warning_verbs and _has_threat_phrase(token, lexicon)
            if warns or (has_modal(token, lexicon) and (
                lemma in lexicon.threat_verbs or _has_threat_phrase(token, lexicon)
            )):
                cues.append(StanceCue("threaten", token.i, "threat", token.i, token.i + 1,
                                      is_negated(token, lexicon)))
                continue

        elif token.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns:
            if not _noun_takes_stance(token, lexicon):
                continue
            cues.append(StanceCue(lexicon.nouns[lemma], token.i, "noun", token.i, token.i + 1,
                                  is_negated(token, lexicon)))
    lowered = [t.lower_ for t in sent]
    present = set(lowered)
    for words, stance in lexicon.phrases.items():
        if words[0] not in present:
            continue
        for start, end in _match_words(sent, words, lowered):
            root = sent.doc[start:end].root
            negated = stance != "reject" and is_negated(root, lexicon)
            cues.append(StanceCue(stance, root.i, "phrase", start, end, negated))
    cues.extend(_condition_cues(sent, lexicon))
    return sorted(cues, key=lambda c: (c.start, c.kind))


def _noun_takes_stance(noun: Token, lexicon: StanceLexicon) -> bool:
    """"a call for talks" is a demand; "a phone call with Putin" is not."""
    preps = lexicon.prepositional_nouns.get(noun.lemma_.lower())
    if preps is None:
        return True
    return any(c.dep_ in ("prep", "acl") and c.lower_ in preps for c in noun.children) or any(
        c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in noun.children
    )


PREDICATIVE_DEPS = frozenset({"acomp", "attr", "oprd", "ROOT", "conj", "xcomp", "ccomp", "amod"})


def _adjective_cue(token: Token, lexicon: StanceLexicon) -> StanceCue | None:
    """Predicative adjectives and participles: "open to talks", "was prepared for"."""
    if token.pos_ not in ("ADJ", "VERB") or token.dep_ not in PREDICATIVE_DEPS:
        return None
    if token.pos_ == "VERB" and token.tag_ != "VBN":
        return None
    word = token.lower_
    if token.dep_ == "amod" and word not in lexicon.evaluations:
        return None
    negated = is_negated(token, lexicon)
    if word in lexicon.adjectives:
        stance = lexicon.adjectives[word]
        complement = next((c for c in token.children if c.dep_ == "xcomp"), None)
        act = complement.lemma_.lower() if complement is not None else None
        if stance == "accept" and act in lexicon.threat_verbs:
            stance = "threaten"  # "ready to impose sanctions"
        elif stance == "accept" and act is not None and act not in lexicon.accepting_verbs:
            stance = "propose"  # "ready to pass a law": an offer
        return StanceCue(stance, token.i, "adjective", token.i, token.i + 1, negated)
    if word in lexicon.evaluations:
        owners = [token, token.head] if token.dep_ in ("acomp", "attr") else [token]
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.epistemic_verbs
               for owner in owners for c in owner.children):
            return None  # "impossible to tell whether ...": a judgement of knowledge
        return StanceCue(lexicon.evaluations[word], token.i, "evaluation", token.i, token.i + 1,
                         negated)
    return None


def _obliged(token: Token, lexicon: StanceLexicon) -> bool:
    """An obligation on someone other than the speaker: "Kyiv must withdraw"."""
    modal = any(c.dep_ == "aux" and c.lower_ in lexicon.obligation_modals for c in token.children)
    # "Russia has to withdraw", "Europe needs to act": the verb with a "to" complement
    periphrastic = token.lemma_.lower() in lexicon.obligation_verbs and any(
        c.dep_ == "xcomp" and c.i > token.i and any(a.lower_ == "to" for a in c.children)
        for c in token.children
    )
    if not (modal or periphrastic):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(s.lower_ in ("i", "we") for s in subjects)


def _proposes(token: Token, lexicon: StanceLexicon) -> bool:
    """Weak proposal verbs ("suggest") propose only with a modal clause or a non-clause."""
    if token.lemma_.lower() not in lexicon.weak_proposals:
        return True
    for child in token.children:
        if child.dep_ == "ccomp":
            return has_modal(child, lexicon) or any(
                c.lower_ == "should" for c in child.children
            )
    return True


def _has_threat_phrase(token: Token, lexicon: StanceLexicon) -> bool:
    words = [t.lower_ for t in token.subtree]
    for phrase in lexicon.threat_phrases:
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
            return True
    return False


def threatens(token: Token, lexicon: StanceLexicon) -> bool:
    """Whether a clause threatens force or harm: a threat phrase under a future or modal verb."""
    return _has_threat_phrase(token, lexicon) and (
        has_modal(token, lexicon) or token.lemma_.lower() in lexicon.threat_verbs
    )


def _condition_cues(sent: Span, lexicon: StanceLexicon) -> list[StanceCue]:
    """Conditions ("only if", "once", "unless") under a main clause: demands."""
    cues: list[StanceCue] = []
    for token in sent:
        if token.dep_ != "mark" or token.lower_ not in lexicon.condition_words:
            continue
        clause = token.head
        main = clause.head
        if clause.dep_ not in ("advcl", "ccomp", "conj") or main == clause:
            continue
        stance = "threaten" if threatens(main, lexicon) else "demand"
        cues.append(StanceCue(stance, main.i, "condition", token.i, token.i + 1,
                              clause=clause.i))
    for words in lexicon.condition_phrases:
        for start, _end in _match_words(sent, words):
            head = sent.doc[start]
            stance = "demand"
            if words in lexicon.exchange_phrases and _demanded(head.head, lexicon):
                stance = "propose"  # the price offered for a demand
            cues.append(StanceCue(stance, head.head.i, "condition", start, _end,
                                  clause=head.i))
    return cues


def _demanded(main: Token, lexicon: StanceLexicon) -> bool:
    """Whether a clause is what a demand verb asks for ("wanted Ukraine to withdraw")."""
    for verb in (main, main.head):
        if lexicon.verbs.get(verb.lemma_.lower()) == "demand" and verb.pos_ == "VERB":
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "conj"):
            break
    return False


def resolve_stance(cue: StanceCue) -> str | None:
    """The stance a cue expresses once negation is applied; None when negation voids it."""
    if not cue.negated:
        return cue.stance
    return FLIPS.get(cue.stance)
