"""Issues of definite noun phrases that repeat the head of an earlier issue cue: after "the
reparations loan", "the loan" is about the same measure; after "Tomahawk cruise missiles",
"the missiles" are. Lexical coreference by head noun, read from the issue hits of the Doc."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from redline.model import PlanMention
from redline.nlp.issues import GENERIC_ISSUES, IssueHit

# Determiners that make a noun phrase point back to something named before.
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})


def _head_noun(doc: Doc, hit: IssueHit) -> Token | None:
    root = doc[hit.start : hit.end].root
    return root if root.pos_ == "NOUN" else None


def _definite(token: Token) -> bool:
    owners = [token]
    if token.dep_ in ("compound", "nmod") and token.head.i > token.i:
        owners.append(token.head)  # 'the plan "theft"', parsed as one noun phrase
    return any(c.dep_ in ("det", "predet") and c.lower_ in DEFINITE and c.i < token.i
               for owner in owners for c in owner.children)


def coreferent_hits(doc: Doc, hits: list[IssueHit],
                    anaphors: Mapping[str, frozenset[str]] | None = None) -> list[IssueHit]:
    """Extra hits for definite nouns outside any concrete cue whose lemma heads an earlier
    concrete cue ("the loan" after "reparations loan"), or is one of the pack's ``anaphors``
    of the issue of an earlier cue ("the peninsula" after "Crimea"); the latest such cue
    gives the issue.

    A noun inside a generic cue ("the plan") is coreferent only when the earlier cue it
    repeats is concrete: a generic cue never overrides a concrete antecedent's issue."""
    if not hits or not doc.has_annotation("LEMMA"):
        return []
    concrete_at: set[int] = set()
    for hit in hits:
        if hit.issue not in GENERIC_ISSUES:
            concrete_at.update(range(hit.start, hit.end))
    antecedents: list[tuple[int, str, str]] = []  # (end, lemma, issue)
    for hit in hits:
        for lemma in (anaphors or {}).get(hit.issue, ()):
            antecedents.append((hit.end, lemma, hit.issue))
        head = _head_noun(doc, hit)
        if head is not None and hit.issue not in GENERIC_ISSUES:
            antecedents.append((hit.end, head.lemma_.lower(), hit.issue))
        elif head is not None:
            # "the EU's plan to fund Ukraine with immobilised Russian assets": a general noun
            # whose own phrase names one concrete issue stands for that issue from then on
            content = {h.issue for h in hits if h.issue not in GENERIC_ISSUES
                       and h.start > head.i and h.end <= head.right_edge.i + 1}
            if len(content) == 1:
                antecedents.append((head.i + 1, head.lemma_.lower(), content.pop()))
    antecedents.sort()
    if not antecedents:
        return []
    lemmas = {lemma for _, lemma, _ in antecedents}
    found: list[IssueHit] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or lemma not in lemmas or token.i in concrete_at:
            continue
        if not _definite(token):
            continue
        earlier = [issue for end, lem, issue in antecedents if lem == lemma and end <= token.i]
        if earlier:
            found.append(IssueHit(earlier[-1], token.i, token.i + 1, token.text))
    return found


def with_coreferent_hits(doc: Doc, hits: list[IssueHit],
                         anaphors: Mapping[str, frozenset[str]] | None = None
                         ) -> list[IssueHit]:
    """The hits plus the coreferent ones, in text order; a generic hit on the same noun gives
    way to the coreferent concrete one."""
    extra = coreferent_hits(doc, hits, anaphors)
    if not extra:
        return hits
    replaced = {h.start for h in extra}
    kept = [
        h for h in hits
        if not (h.issue in GENERIC_ISSUES and any(i in replaced for i in range(h.start, h.end)))
    ]
    return sorted([*kept, *extra], key=lambda h: (h.start, h.end))


def with_plan_hits(doc: Doc, hits: list[IssueHit], plans: list[PlanMention],
                   whole_plan: str | None) -> list[IssueHit]:
    """The hits plus one for each plan mention that no cue covers ("Zelensky's peace
    formula", "the Istanbul understandings"): a named plan is the whole-plan issue
    (``whole_plan``, None where the pack has no such issue)."""
    if whole_plan is None or not plans:
        return hits
    covered = {i for h in hits for i in range(h.start, h.end)}
    extra: list[IssueHit] = []
    for plan in plans:
        span = doc.char_span(plan.start, plan.end, alignment_mode="expand")
        if span is None or not len(span) or any(t.i in covered for t in span):
            continue
        extra.append(IssueHit(whole_plan, span.start, span.end, span.text))
    if not extra:
        return hits
    return sorted([*hits, *extra], key=lambda h: (h.start, h.end))


__all__ = ["coreferent_hits", "with_coreferent_hits", "with_plan_hits"]
