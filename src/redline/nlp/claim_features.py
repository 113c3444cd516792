"""What the claim scorer knows about a candidate claim: how the rules read it (cue kinds and
words, stance, how the holder and the issue were found), who holds it and what the issue is
in the pack, and what else the article says about the same actor and issue.

Features are named strings with values (mostly 1.0), so a scorer trained on one pack's
annotated articles reads the same names at run time; nothing here names an actor or issue.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from redline.model import WHOLE_PLAN, Claim, Quote
from redline.nlp.claim_assembly import Candidate
from redline.packs.schema import Pack

Features = dict[str, float]


def _bucket(n: int, edges: Iterable[int]) -> str:
    """A count as the first edge it does not exceed ("<=2"), or past the last ("3+")."""
    last = 0
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
        last = edge
    return f"{last + 1}+"


def _quote_of(claim: Claim, quotes: list[Quote]) -> str:
    """Whether the first evidence holds a quote, and whose: "own", "other" or "none"."""
    first = claim.evidence[0]
    for quote in quotes:
        if quote.start < first.end and first.start < quote.end:
            return "own" if quote.speaker == claim.actor else "other"
    return "none"


def _plan_side(claim: Claim, doc: Doc, pack: Pack) -> str:
    """ "own" when the claim's plan is the holder's side's, "other" when another's."""
    if claim.plan is None:
        return "none"
    for plan in doc._.plans or []:
        if plan.name == claim.plan and plan.proposer:
            actor = pack.actor(plan.proposer)
            party = actor.party if actor is not None else None
            return "own" if party == claim.party else "other"
    return "unknown"


def candidate_features(candidate: Candidate, others: list[Candidate], doc: Doc,
                       pack: Pack) -> Features:
    """The features of one candidate among the article's candidates ``others``."""
    claim, drafts = candidate.claim, candidate.drafts
    features: Features = {f"rule:{claim.stance}": 1.0, f"status:{claim.status}": 1.0}
    for draft in drafts:
        features[f"kind:{draft.kind}"] = 1.0
        if draft.cue:
            features[f"cue:{draft.cue}"] = 1.0
            features[f"cue:{draft.cue}|{claim.stance}"] = 1.0
        for signal in draft.signals:
            features[signal] = 1.0
    features[f"evidence:{_bucket(len(claim.evidence), (1, 2))}"] = 1.0
    features[f"drafts:{_bucket(len(drafts), (1, 2, 3))}"] = 1.0

    actor = pack.actor(claim.actor)
    features[f"actor:{actor.kind if actor is not None else 'unknown'}"] = 1.0
    party = pack.party(claim.party)
    role = party.role if party is not None else "none"
    features[f"role:{role}"] = 1.0
    features[f"role:{role}|{claim.stance}"] = 1.0
    features[f"party:{claim.party}"] = 1.0
    features[f"party:{claim.party}|{claim.stance}"] = 1.0
    issue = pack.issue(claim.issue)
    features[f"issue:{claim.issue}"] = 1.0
    features[f"issue:{claim.issue}|{claim.stance}"] = 1.0
    features[f"party_issue:{claim.party}|{claim.issue}"] = 1.0
    if issue is not None and issue.reciprocal:
        features["reciprocal"] = 1.0
        features[f"reciprocal|{role}"] = 1.0
    if issue is not None and issue.process:
        features["process"] = 1.0
    if claim.issue == WHOLE_PLAN:
        features["whole_plan"] = 1.0
    features[f"plan:{_plan_side(claim, doc, pack)}"] = 1.0
    features[f"quote:{_quote_of(claim, list(doc._.quotes or []))}"] = 1.0
    features[f"genre:{doc._.genre}"] = 1.0

    # What else the article says about the same issue: the same actor with another stance
    # (in the same sentence or elsewhere), the same side, the other sides.
    sentences = {e.start for e in claim.evidence}
    for other in others:
        if other is candidate or other.claim.issue != claim.issue:
            continue
        same_actor = other.claim.actor.casefold() == claim.actor.casefold()
        shared = bool(sentences & {e.start for e in other.claim.evidence})
        if same_actor:
            features[f"also:{other.claim.stance}"] = 1.0
            if shared:
                features[f"also_here:{other.claim.stance}"] = 1.0
        elif other.claim.party == claim.party:
            features[f"side_also:{other.claim.stance}"] = 1.0
        else:
            features[f"others:{other.claim.stance}"] = 1.0
        if shared and not same_actor:
            features["shared_sentence"] = 1.0
    first = doc.char_span(claim.evidence[0].start, claim.evidence[0].end,
                          alignment_mode="expand")
    if first is not None:
        for token in first:
            if token.is_alpha and not token.is_stop:
                features[f"word:{token.lemma_.lower()}"] = 1.0
    # len(doc.text) without building the text again for every candidate
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    features[f"where:{min(4, int(5 * claim.evidence[0].start / size)) if size else 0}"] = 1.0
    features[f"claims:{_bucket(len(others), (5, 10, 20))}"] = 1.0
    return features


__all__ = ["Features", "candidate_features"]
