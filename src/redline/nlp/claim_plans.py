"""Which plan a position is about: the plan named in the cue's object (where it was found,
a later naming by name, alias or count of points, or "the US proposal" for the one plan of that
side), its proposer's party, and the one issue a single-issue plan stands for."""

from __future__ import annotations

from spacy.tokens import Doc

from redline.model import PlanMention
from redline.nlp.claim_assembly import plan_names
from redline.nlp.claim_frames import Frame
from redline.nlp.claim_holders import HolderIndex
from redline.nlp.claim_segments import Segment


def plan_in(frame: Frame, index: HolderIndex, doc: Doc, seg: Segment,
            plan_nouns: frozenset[str] = frozenset()) -> PlanMention | None:
    """The plan the frame's object names: where the plan was found, or any later naming of it
    by name, alias or its count of points ("a 28-point framework" after "the 28-point plan")."""
    area = frame.region | frame.demoted
    for plan in index.plans:
        if not (seg.start_char <= plan.start < seg.end_char):
            continue
        span = doc.char_span(plan.start, plan.end, alignment_mode="expand")
        if span is not None and any(t.i in area for t in span):
            return plan
    for plan in index.plans:
        for start, end in _namings(index, plan):
            if not (seg.start_char <= start < seg.end_char):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and any(t.i in area for t in span):
                return plan
    return _plan_by_proposer(area, index, doc, plan_nouns)


def _plan_by_proposer(area: set[int], index: HolderIndex, doc: Doc,
                      plan_nouns: frozenset[str]) -> PlanMention | None:
    """ "the US proposal", "the proposed US deal": a proposal of a side names the plan of that
    side, when the article has exactly one."""
    for i in sorted(area):
        head = doc[i]
        proposed = any(c.lemma_.lower() == "propose" for c in head.children)
        if head.lemma_.lower() not in plan_nouns and not proposed:
            continue
        if head.tag_ in ("NNS", "NNPS"):
            continue  # "Trump's plans for a deal": several ideas, not the one plan
        parties = {index.by_token[c.i].party for c in head.children
                   if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in index.by_token}
        if len(parties) != 1:
            continue
        own = [p for p in index.plans if proposer_party(index, p) in parties]
        if len({p.name for p in own}) == 1:
            return own[0]
    return None


def _namings(index: HolderIndex, plan: PlanMention) -> list[tuple[int, int]]:
    """Where the article names the plan (cached on the index: asked for every cue)."""
    key = (plan.name, plan.n_points)
    if key not in index.namings:
        index.namings[key] = _find_namings(index, plan)
    return index.namings[key]


def _find_namings(index: HolderIndex, plan: PlanMention) -> list[tuple[int, int]]:
    names = plan_names(index, plan.name)
    if plan.n_points:
        names.add(f"{plan.n_points}-point")
    found = []
    for name in names:
        start = index.folded_text.find(name)
        while start >= 0:
            found.append((start, start + len(name)))
            start = index.folded_text.find(name, start + 1)
    return found


def proposer_party(index: HolderIndex, plan: PlanMention | None) -> str | None:
    if plan is None or not plan.proposer:
        return None
    actor = index.pack.actor(plan.proposer)
    return actor.party if actor is not None else None


def narrow_plan_issue(issues: list[str], frame: Frame, index: HolderIndex, doc: Doc,
                       seg: Segment, plan_nouns: frozenset[str]) -> list[str]:
    """A position on a plan about one issue is a position on that issue ("the 30-day
    ceasefire proposal" -> ceasefire)."""
    if issues != ["peace_plan"]:
        return issues
    plan = plan_in(frame, index, doc, seg, plan_nouns)
    if plan is None or plan.pack_plan is None:
        return issues
    known = next((p for p in index.pack.plans if p.id == plan.pack_plan), None)
    if known is not None and len(known.issues) == 1:
        return list(known.issues)
    return issues


__all__ = ["narrow_plan_issue", "plan_in", "proposer_party"]
