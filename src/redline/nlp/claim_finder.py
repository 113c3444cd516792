"""The claim finder: positions the rules did not read, in sentences that name an actor and
an issue.

A *pair* is an actor and an issue named in one sentence, where the rules found no position of
that actor on that issue anywhere in the article. Two kinds:

- a *quoted* pair: the sentence lies in the actor's quote ("'There is nothing to discuss until
  the troops leave,' Lavrov said");
- a *subject* pair: the actor is the subject of a clause of the sentence ("Moscow also wants a
  legally binding commitment …, a ban on Western troops"; "he restated Moscow's opposition to
  any deployment of troops").

Many pairs are positions the rules' cue words miss; most are not. A multinomial logistic
regression (the model of ``claim_scorer``, trained by ``finder_training`` on annotated sets)
reads each pair's words and says how likely each stance is; a pair whose likeliest stance
reaches the finder's threshold becomes a claim of the actor, with the sentence as evidence and
the model's probability as confidence. A finder reads only the kinds of pair it was trained
on (its file's ``pair_kinds``; quoted pairs alone when the file names none).

A pack without a ``claim_finder.json`` finds nothing beyond the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from redline.errors import PackError
from redline.model import STANCES, Claim, Quote, TextSpan
from redline.nlp.claim_assembly import Candidate
from redline.nlp.claim_features import Features
from redline.nlp.claim_holders import Holder, HolderIndex
from redline.nlp.claim_rules import media_status
from redline.nlp.claim_scorer import (
    ClaimScorer,
    Decision,
    apply_decisions,
    model_text,
    read_model_file,
    scorer_from_json,
)
from redline.nlp.claim_segments import segments_of
from redline.nlp.dates import resolve_statement_date
from redline.nlp.issues import IssueHit
from redline.nlp.status import HedgeLexicon, hedge_status, strongest

FINDER_FILE = "claim_finder.json"

# Function words left out of a pair's words (the model reads content words, negation and
# modals separately).
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "by", "at", "from",
    "as", "that", "this", "is", "was", "be", "been", "are", "were", "it", "its", "his", "her",
    "their", "he", "she", "they", "we", "i", "you", "said", "says", "say", "told",
})
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV"})
PATH_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})


QUOTED, SUBJECT = "quote", "subject"
PAIR_KINDS = (QUOTED, SUBJECT)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class FinderPair:
    """An actor and an issue named in one sentence, on which the rules read no position of the
    actor: in the actor's quote (``kind`` "quote") or with the actor as a clause's subject
    ("subject")."""

    holder: Holder
    issue: str
    segment: Span
    cue: int  # token index of the issue's first cue in the sentence
    sentence_has_claim: bool  # the rules read some other position in the sentence
    kind: str = QUOTED
    quote: Quote | None = None  # the speaker's quote (quoted) or the quote around the subject
    subject: int | None = None  # token index of the subject (subject pairs)


# A sentence naming an issue: its span, the first cue of each issue in it, and whether the
# rules read some position in it.
IssueSentence = tuple[Span, dict[str, int], bool]


def _issue_sentences(doc: Doc, hits: list[IssueHit], candidates: list[Candidate]
                     ) -> Iterable[IssueSentence]:
    """Each sentence (no caption: it is no one's words) naming an issue: its span, the first
    cue of each issue in it, and whether the rules read some position in it."""
    sentences_with_claims = {e.start for c in candidates for e in c.claim.evidence}
    for seg in segments_of(doc):
        if seg.caption:
            continue
        first_cue: dict[str, int] = {}
        for hit in hits:
            if seg.start <= hit.start < seg.end:
                first_cue.setdefault(hit.issue, hit.start)
        if first_cue:
            has_claim = any(seg.start_char <= s < seg.end_char for s in sentences_with_claims)
            yield doc[seg.start:seg.end], first_cue, has_claim


def quoted_pairs(doc: Doc, index: HolderIndex, sentences: list[IssueSentence],
                 claimed: set[tuple[str, str]]) -> list[FinderPair]:
    """Every (speaker, issue) pair in the article's quoted sentences that the rules left
    without a position (``claimed``: folded actor and issue), one per sentence."""
    quotes = [q for q in doc._.quotes or [] if q.speaker]
    pairs: list[FinderPair] = []
    for span, first_cue, has_claim in sentences:
        speakers: dict[str, tuple[Holder, Quote]] = {}
        for quote in quotes:
            if quote.start < span.end_char and span.start_char < quote.end:
                holder = index.speaker_holder(quote) or index.unnamed_side(quote)
                # Speakers the pack does not know (analysts, outlets) hold no positions
                # the annotated sets code.
                if holder is not None and index.pack.actor(holder.actor) is not None:
                    speakers[holder.actor.casefold()] = (holder, quote)
        for holder, quote in speakers.values():
            for issue, cue in first_cue.items():
                if (holder.actor.casefold(), issue) not in claimed:
                    pairs.append(FinderPair(holder, issue, span, cue, has_claim, QUOTED, quote))
    return pairs


def subject_pairs(index: HolderIndex, sentences: list[IssueSentence],
                  claimed: set[tuple[str, str]], quoted: list[FinderPair]) -> list[FinderPair]:
    """Every (subject, issue) pair of the article's sentences that the rules left without a
    position and no quoted pair of the sentence already holds, one per sentence: the subject
    of any clause ("Moscow also wants …", "Kyiv has ruled out …"), with its conjuncts."""
    quoted_here = {(p.segment.start, p.holder.actor.casefold(), p.issue) for p in quoted}
    pairs: list[FinderPair] = []
    for span, first_cue, has_claim in sentences:
        subjects: dict[str, tuple[Holder, int]] = {}
        for token in span:
            if token.dep_ not in SUBJECT_DEPS:
                continue
            for named, mention in index.mentions_of(token):
                holder = index.from_mention(named, mention, SUBJECT)
                if holder is not None and index.pack.actor(holder.actor) is not None:
                    subjects.setdefault(holder.actor.casefold(), (holder, token.i))
        for key, (holder, subject) in subjects.items():
            for issue, cue in first_cue.items():
                if (key, issue) in claimed or (span.start, key, issue) in quoted_here:
                    continue
                pairs.append(FinderPair(holder, issue, span, cue, has_claim, SUBJECT,
                                        index.quote_at(span.doc[subject]), subject))
    return pairs


def finder_pairs(doc: Doc, index: HolderIndex, hits: list[IssueHit],
                 candidates: list[Candidate], kinds: tuple[str, ...] = PAIR_KINDS
                 ) -> list[FinderPair]:
    """The article's quoted pairs, then its subject pairs (when ``kinds`` asks for them)."""
    sentences = list(_issue_sentences(doc, hits, candidates))
    claimed = {(c.claim.actor.casefold(), c.claim.issue) for c in candidates}
    quoted = quoted_pairs(doc, index, sentences, claimed)
    if SUBJECT not in kinds:
        return quoted
    return quoted + subject_pairs(index, sentences, claimed, quoted)


def _path_up(token_i: int, segment: Span) -> list[int]:
    """The token and its heads up to the sentence's root, as token indices."""
    doc = segment.doc
    path, seen = [], set()
    i = token_i
    while i not in seen:
        seen.add(i)
        path.append(i)
        head = doc[i].head.i
        if head == i or not segment.start <= head < segment.end:
            break
        i = head
    return path


def pair_features(pair: FinderPair) -> Features:
    """What the finder's model reads of a pair: its kind, the party and issue, how a quote is
    given (direct or reported, its speech verb), a subject's verb, the words above the issue's
    cue, negation, modals and the sentence's content words."""
    segment, quote = pair.segment, pair.quote
    party, issue = pair.holder.party, pair.issue
    features: Features = {
        f"issue={issue}": 1.0, f"party={party}": 1.0, f"pi={party}|{issue}": 1.0,
        f"sentclaim={pair.sentence_has_claim}": 1.0,
        f"nt={min(4, len(segment) // 15)}": 1.0,
    }
    if pair.kind == QUOTED and quote is not None:
        features[f"qkind={quote.kind}"] = 1.0
        inside = quote.start <= segment.start_char and segment.end_char <= quote.end + 2
        features[f"qin={inside}"] = 1.0
        if quote.cue:
            features[f"qcue={quote.cue.split()[0].lower()}"] = 1.0
    doc = segment.doc
    path = _path_up(pair.cue, segment)
    if pair.kind == SUBJECT and pair.subject is not None:
        features.update(_subject_features(pair, pair.subject, path))
    for i in path[1:4]:
        if doc[i].pos_ in PATH_POS:
            features[f"hup={doc[i].lemma_.lower()}"] = 1.0
    features[f"root={doc[path[-1]].lemma_.lower()}"] = 1.0
    for token in segment:
        lemma = token.lemma_.lower()
        if token.dep_ == "neg":
            features["neg"] = 1.0
        if token.tag_ == "MD":
            features[f"md={lemma}"] = 1.0
        if token.pos_ in CONTENT_POS and lemma.isalpha() and lemma not in FUNCTION_WORDS:
            features[f"w={lemma}"] = 1.0
    return features


def _subject_features(pair: FinderPair, subject: int, cue_path: list[int]) -> Features:
    """A subject pair: its kind, the subject's verb and voice, whether the issue lies under
    that verb, and the quote (if any) the subject stands in."""
    doc = pair.segment.doc
    verb = doc[subject].head
    features: Features = {
        "kind=subject": 1.0,
        f"sverb={verb.lemma_.lower()}": 1.0,
        f"sdep={doc[subject].dep_}": 1.0,
        f"under={verb.i in cue_path}": 1.0,
        f"squote={pair.quote.kind if pair.quote is not None else 'none'}": 1.0,
    }
    if any(c.dep_ == "neg" for c in verb.children):
        features["sneg"] = 1.0
    return features


def pair_status(pair: FinderPair, index: HolderIndex, hedges: HedgeLexicon) -> str:
    """How sure the article is of the pair: the sentence's hedges and media attribution, and
    the speaker's own floor (a document's words are reported)."""
    return strongest(hedge_status(pair.segment, hedges),
                     media_status(pair.segment, index, hedges.media_verbs), pair.holder.floor)


def pair_claim(pair: FinderPair, stance: str, status: str, published: date | None) -> Claim:
    segment = pair.segment
    evidence = TextSpan(segment.start_char, segment.end_char, segment.text)
    return Claim(pair.holder.actor, pair.holder.party, pair.issue, stance, status, (evidence,),
                 None, resolve_statement_date(segment.text, published))


@dataclass(frozen=True)
class ClaimFinder:
    """The model over pairs, the probability at which a pair becomes a claim, and the kinds
    of pair it reads."""

    model: ClaimScorer
    add_at: float
    about: dict[str, Any] | None = None
    pair_kinds: tuple[str, ...] = PAIR_KINDS

    def stance_of(self, features: Features) -> Decision:
        """The pair's likeliest stance and its probability; no stance below ``add_at``."""
        probs = self.model.probabilities(features)
        best = max(STANCES, key=lambda s: probs[s])
        return Decision(best if probs[best] >= self.add_at else None, probs[best])

    def find(self, pairs: Iterable[tuple[FinderPair, Features]], index: HolderIndex,
             hedges: HedgeLexicon, published: date | None) -> list[Claim]:
        """The claims the pairs of its kinds make, one per (actor, issue, stance) with every
        sentence."""
        decided = []
        for pair, features in pairs:
            if pair.kind not in self.pair_kinds:
                continue
            decision = self.stance_of(features)
            if decision.stance is not None:
                claim = pair_claim(pair, decision.stance, pair_status(pair, index, hedges),
                                   published)
                decided.append((claim, decision))
        return apply_decisions(decided)

    def to_json(self) -> dict[str, Any]:
        """The model's JSON (``claim_scorer``'s format, its thresholds unused) with the
        finder's threshold and what it was trained on."""
        data = self.model.to_json()
        data["add_at"] = self.add_at
        data["pair_kinds"] = list(self.pair_kinds)
        data["about"] = self.about or {}
        return data


def finder_from_json(data: dict[str, Any], origin: str = "claim finder") -> ClaimFinder:
    """Read a finder file's content; a malformed one is a PackError naming the file."""
    try:
        add_at = float(data["add_at"])
    except (KeyError, TypeError, ValueError) as exc:
        raise PackError(origin, [f"not a claim finder: no valid add_at ({exc})"]) from exc
    kinds = data.get("pair_kinds", [QUOTED])  # finders older than subject pairs
    if not isinstance(kinds, list) or not set(kinds) <= set(PAIR_KINDS):
        raise PackError(origin, [f"pair_kinds must be a list of {', '.join(PAIR_KINDS)}"])
    model = scorer_from_json(data, origin)
    return ClaimFinder(model, add_at, model.about, tuple(kinds))


def finder_text(finder: ClaimFinder) -> str:
    """The finder file: JSON with one line per feature, so a retrained finder diffs by line."""
    return model_text(finder.to_json())


def load_finder(pack_dir: Path) -> ClaimFinder | None:
    """The pack's claim finder, or None when the pack has none."""
    data = read_model_file(pack_dir / FINDER_FILE, "claim finder")
    return None if data is None else finder_from_json(data, str(pack_dir / FINDER_FILE))


__all__ = ["FINDER_FILE", "PAIR_KINDS", "QUOTED", "SUBJECT", "ClaimFinder", "FinderPair",
           "finder_from_json", "finder_pairs", "finder_text", "load_finder", "pair_claim",
           "pair_features", "quoted_pairs", "subject_pairs"]
