"""Turns claim drafts into claims: one per (actor, issue, stance) with all its evidence, and
drafts for the terms of a plan, held by the plan's proposer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from redline.model import Claim, PlanMention, TextSpan
from redline.nlp.claim_holders import HolderIndex
from redline.nlp.claim_rules import media_status
from redline.nlp.plan_terms import is_list_item
from redline.nlp.status import RANK, HedgeLexicon, hedge_status, strongest
from redline.packs.schema import Pack

# How much a cue kind is trusted, for Claim.confidence.
CONFIDENCE = {
    "verb": 0.7, "phrasal": 0.75, "noun": 0.55, "adjective": 0.6, "phrase": 0.6,
    "threat": 0.55, "condition": 0.6, "plan_point": 0.6, "consequence": 0.55,
}


# Cue kinds that judge something ("positive", "a good idea") rather than put it forward.
ENDORSING_KINDS = frozenset({"adjective", "evaluation"})

# Words before the head noun of a plan term: "a ban on ...", "the full withdrawal of ...".
POINT_FILLERS = frozenset({"a", "an", "the", "its", "their", "any", "full", "complete", "total"})


@dataclass(frozen=True)
class ClaimDraft:
    """One reading of one cue, before claims are merged."""

    actor: str
    party: str
    issue: str
    stance: str
    status: str
    evidence: TextSpan
    plan: str | None
    kind: str
    cue: str = ""  # lemma of the cue word
    # How the reading was made, for the claim scorer: "via:subject", "issue:anaphor", ...
    signals: frozenset[str] = frozenset()


def _sentence_of(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def plan_names(index: HolderIndex, name: str) -> set[str]:
    """The plan's name and, when the pack knows it, its aliases, lower-cased."""
    names = {name.casefold()}
    for plan in index.plans:
        if plan.name == name and plan.pack_plan:
            known = next((p for p in index.pack.plans if p.id == plan.pack_plan), None)
            if known is not None:
                names.update(a.casefold() for a in known.aliases)
    return {n for n in names if len(n) > 3}


def plan_status(doc: Doc, index: HolderIndex, name: str, hedges: HedgeLexicon) -> str:
    """The least certain status of any sentence that names the plan ("as outlined in an
    unconfirmed seven-point plan" makes every term of that plan alleged)."""
    statuses = ["stated"]
    spans = [(p.start, p.end) for p in index.plans if p.name == name]
    lowered = index.folded_text
    for alias in plan_names(index, name):
        start = lowered.find(alias)
        while start >= 0:
            spans.append((start, start + len(alias)))
            start = lowered.find(alias, start + 1)
    for start, end in spans:
        sent = _sentence_of(doc, start, end)
        if sent is not None:
            statuses.append(hedge_status(sent, hedges))
    return strongest(*statuses)


def point_stance(text: str, prohibitions: frozenset[str]) -> str:
    """A term that bans or denies something ("a ban on the deployment of foreign troops",
    "non-recognition of the annexed territories") rejects it; any other term proposes."""
    words = [w.strip(".,;:'\"“”‘’()").casefold() for w in text.split()]
    head = next((w for w in words if w not in POINT_FILLERS), "")
    return "reject" if head in prohibitions else "propose"


def is_belligerent(pack: Pack, party: str) -> bool:
    side = pack.party(party)
    return side is not None and side.role == "belligerent"


def is_reciprocal(pack: Pack, issue: str) -> bool:
    """A measure both sides take together (a truce, talks)."""
    known = pack.issue(issue)
    return known is not None and known.reciprocal


def proposer_stance(pack: Pack, party: str, issue: str) -> str:
    """What a plan's term is for its proposer: a warring side's term is a demand on the other
    side unless the measure is one both sides take together (a truce, talks); a mediator's or
    anyone else's term is a proposal."""
    if not is_belligerent(pack, party) or is_reciprocal(pack, issue):
        return "propose"
    return "demand"


def listing_status(doc: Doc, index: HolderIndex, plan: PlanMention, hedges: HedgeLexicon) -> str:
    """How the article knows a plan's terms: the least certain of the sentences that name it
    and those that list its terms. Terms read off one leaked draft are all reported, even in
    sentences that no longer say so ("According to the draft obtained by ..., Ukraine would
    withdraw ... The draft caps the army ...")."""
    statuses = [plan_status(doc, index, plan.name, hedges)]
    for point in plan.points:
        sent = _sentence_of(doc, point.start, point.end)
        if sent is not None:
            for told in (sent, _list_opener(sent)):
                if told is not None:
                    statuses.append(strongest(hedge_status(told, hedges),
                                              media_status(told, index, hedges.media_verbs)))
    return strongest(*statuses)


def _list_opener(sent: Span) -> Span | None:
    """For a list item ("- …", "3. …"), the sentence that opens the list ("According to a
    copy seen by the paper, it would:"), which says how the article knows every item."""
    doc = sent.doc
    if not _in_list(sent):
        return None
    while sent.start > 0:
        sent = doc[sent.start - 1].sent
        if not _in_list(sent):
            return sent
    return None


def _in_list(sent: Span) -> bool:
    """A list item, or the text of one whose number the parser split off ("1." then "De
    jure recognition …")."""
    if is_list_item(sent):
        return True
    if sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    return is_list_item(before) and len([t for t in before if not t.is_space]) <= 2


def plan_point_drafts(
    doc: Doc, index: HolderIndex, hedges: HedgeLexicon,
    prohibitions: frozenset[str] = frozenset(),
    negated: Callable[[Span, str], bool] | None = None,
) -> list[ClaimDraft]:
    """Each term a plan lists is a position of the plan's proposer: a demand or a proposal by
    the proposer's role (``proposer_stance``), or a rejection when the term bans or denies
    something ("a ban on foreign troops"), or ``negated`` says the term negates that issue
    ("no NATO troops would be stationed")."""
    drafts: list[ClaimDraft] = []
    for plan in index.plans:
        if not plan.proposer or not plan.points:
            continue
        status = listing_status(doc, index, plan, hedges)
        for proposer in _proposers(index.pack, plan):
            actor = index.pack.actor(proposer)
            party = actor.party if actor is not None else "other"
            for point in plan.points:
                sent = _sentence_of(doc, point.start, point.end)
                if sent is None:
                    continue
                evidence = TextSpan(sent.start_char, sent.end_char, sent.text)
                term = point_stance(point.text, prohibitions)
                span = doc.char_span(point.start, point.end, alignment_mode="expand")
                for issue in point.issues:
                    denied = term == "reject" or (
                        negated is not None and span is not None and negated(span, issue))
                    stance = "reject" if denied else proposer_stance(index.pack, party, issue)
                    drafts.append(ClaimDraft(proposer, party, issue, stance, status,
                                             evidence, plan.name, "plan_point",
                                             signals=frozenset({"via:plan"})))
    return drafts


def _proposers(pack: Pack, plan: PlanMention) -> list[str]:
    """The plan's proposer, and the pack's co-proposers of a known plan it was matched to."""
    known = next((p for p in pack.plans if p.id == plan.pack_plan), None)
    if known is None or plan.proposer != known.proposer:
        return [plan.proposer] if plan.proposer else []
    return [known.proposer, *known.co_proposers] if known.proposer else []


def without_echoed_proposals(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """ "'Ukraine accepts this proposal, we consider it positive'": a sentence that gives one
    actor both accept and propose on one issue, the propose read off an evaluation of the
    thing accepted, answers someone else's proposal; the accept is the position, and the
    propose stands only where another sentence supports it. A proposal put forward by words
    of its own stays ("ready to meet ..., but the best place for such a meeting is Moscow")."""
    accepted = {(d.actor.casefold(), d.issue, d.evidence) for d in drafts if d.stance == "accept"}
    return [d for d in drafts
            if d.stance != "propose" or d.kind not in ENDORSING_KINDS
            or (d.actor.casefold(), d.issue, d.evidence) not in accepted]


@dataclass(frozen=True)
class Candidate:
    """A merged claim with the drafts it was merged from, before the claim scorer."""

    claim: Claim
    drafts: tuple[ClaimDraft, ...]


def merge_drafts(
    drafts: list[ClaimDraft], doc: Doc, index: HolderIndex, hedges: HedgeLexicon
) -> list[Candidate]:
    """One claim per (actor, issue, stance), in order of first evidence; a claim about a plan
    the article calls unconfirmed anywhere is alleged."""
    groups: dict[tuple[str, str, str], list[ClaimDraft]] = {}
    for draft in sorted(without_echoed_proposals(drafts), key=lambda d: d.evidence.start):
        groups.setdefault((draft.actor.casefold(), draft.issue, draft.stance), []).append(draft)
    plan_statuses: dict[str, str] = {}
    candidates: list[Candidate] = []
    for group in groups.values():
        first = group[0]
        evidence = tuple(dict.fromkeys(d.evidence for d in group))
        # The actor on the record anywhere in the article makes the position stated.
        status = min((d.status for d in group), key=lambda s: RANK.get(s, 0))
        plan = next((d.plan for d in group if d.plan), None)
        if plan is not None:
            if plan not in plan_statuses:
                plan_statuses[plan] = plan_status(doc, index, plan, hedges)
            if plan_statuses[plan] == "alleged":
                status = "alleged"
        confidence = max(CONFIDENCE.get(d.kind, 0.5) for d in group)
        claim = Claim(
            actor=first.actor, party=first.party, issue=first.issue, stance=first.stance,
            status=status, evidence=evidence, plan=plan,
            confidence=min(0.95, confidence + 0.05 * (len(evidence) - 1)),
        )
        candidates.append(Candidate(claim, tuple(group)))
    return candidates
