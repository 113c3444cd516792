"""Finds the negotiation issues a stretch of text is about, from the pack's issue cues.

Cues are matched case-insensitively on the surface text (``cues``) and on lemmas
(``lemma_cues``, written as lemmas: "deploy troop" matches "deployed troops") and on the
parse (``linked_cues``: "cap" tied to "army"). Where cues overlap, the longest match wins,
so "Zaporizhzhia nuclear power plant" is one cue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from redline.model import WHOLE_PLAN
from redline.nlp.issue_links import LinkedCueMatcher
from redline.packs.schema import Pack

# Issues that name the negotiation or the package as a whole. In a stretch that also names a
# concrete term ("accept the deal on a ceasefire"), the concrete term is the issue.
GENERIC_ISSUES: frozenset[str] = frozenset({WHOLE_PLAN, "negotiation_format"})

Tokenizer = Callable[[str], Doc]


@dataclass(frozen=True)
class IssueHit:
    """One cue of one issue found in a Doc, as token offsets."""

    issue: str
    start: int  # token index
    end: int  # token index, exclusive
    text: str
    # The issues this cue narrows down when it modifies one of their cues (pack: ``refines``).
    refines: frozenset[str] = frozenset()


class IssueMatcher:
    """Matches a pack's issue cues; patterns are tokenised by the pipeline's own tokenizer."""

    def __init__(self, tokenizer: Tokenizer, pack: Pack) -> None:
        probe = tokenizer("")
        vocab = probe.vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.lemmas = PhraseMatcher(vocab, attr="LEMMA")
        for issue in pack.issues:
            patterns = [tokenizer(cue.strip()) for cue in issue.cues if cue.strip()]
            if patterns:
                self.phrases.add(issue.id, patterns)
            lemma_patterns: list[Doc] = []
            for cue in issue.lemma_cues:
                words = [t.text for t in tokenizer(cue.strip())]
                # Lemmas keep the case of proper nouns ("NATO") and lower common nouns.
                for variant in {tuple(words), tuple(w.lower() for w in words)}:
                    if variant:
                        lemma_patterns.append(
                            Doc(vocab, words=list(variant), lemmas=list(variant))
                        )
            if lemma_patterns:
                self.lemmas.add(issue.id, lemma_patterns)
        self.links = LinkedCueMatcher(pack)
        self.refines = {issue.id: frozenset(issue.refines) for issue in pack.issues}
        self.anaphors = {issue.id: frozenset(a.casefold() for a in issue.anaphors)
                         for issue in pack.issues if issue.anaphors}

    def find(self, doc: Doc) -> list[IssueHit]:
        """Every issue cue in the Doc, in text order; the longest wins where cues overlap."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self.phrases(doc)]
        if doc.has_annotation("LEMMA"):
            spans.extend(Span(doc, s, e, label=m) for m, s, e in self.lemmas(doc))
        kept = filter_spans(spans)
        # A linked cue fills gaps: it never displaces a phrase written out in the pack.
        taken = {i for span in kept for i in range(span.start, span.end)}
        linked = [Span(doc, s, e, label=issue) for issue, s, e in self.links.find(doc)
                  if taken.isdisjoint(range(s, e))]
        kept = sorted(filter_spans(kept + linked), key=lambda s: s.start)
        return [IssueHit(s.label_, s.start, s.end, s.text, self.refines.get(s.label_, frozenset()))
                for s in kept]


def hits_within(hits: list[IssueHit], start: int, end: int) -> list[IssueHit]:
    """The hits that lie inside tokens [start, end)."""
    return [h for h in hits if h.start >= start and h.end <= end]


def concrete_issues(issues: list[str]) -> list[str]:
    """Distinct issues in order, dropping generic ones when a concrete one is present."""
    distinct = list(dict.fromkeys(issues))
    concrete = [i for i in distinct if i not in GENERIC_ISSUES]
    return concrete or distinct


def issues_between(hits: list[IssueHit], start: int, end: int) -> tuple[str, ...]:
    """The distinct issues of the hits inside tokens [start, end), in text order, generic
    ones dropped when a concrete one is present (the issues of one term of a plan)."""
    return tuple(concrete_issues([h.issue for h in hits_within(hits, start, end)]))
