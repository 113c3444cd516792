"""Terms of the sentences that go on describing a plan after the one that names it: "Under
the draft, Ukraine would withdraw X. The area would become Y, while Z would be frozen. The
second section includes A, B and C. The idea is to lend Ukraine W."

A sentence goes on describing the plan when its main clause states what the plan does (a
modal, a content verb in the present, a verb that lists terms, or "the idea is to ..."); a
report ("Waltz said ..."), a quotation or a comment ("This would violate ...") does not.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from redline.nlp.plan_lexicon import PlanLexicon
from redline.nlp.plan_terms import (
    clause_terms,
    conjuncts,
    has_modal,
    negated,
    own_tokens,
    trimmed,
)

# Left dependents of a clause that open the sentence before its subject ("According to
# the draft, ...", "In exchange, ...", "Under the first, ..."): not part of the term.
_OPENING_DEPS = frozenset({"prep", "advcl", "advmod", "punct", "npadvmod", "cc", "mark",
                           "compound", "intj"})
# Subordinate clauses that state a term of their own ("..., while X would be frozen").
_OWN_CLAUSE_DEPS = frozenset({"advcl", "conj"})
_MAX_CLAUSE_TOKENS = 40


def _describes(verb: Token, lexicon: PlanLexicon) -> bool:
    """A clause that states what a plan does: a modal ("Ukraine would withdraw"), or a
    content verb in the present ("the draft caps the army"), not negated."""
    if verb.pos_ not in {"VERB", "AUX"} or negated(verb):
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in lexicon.commentary_subjects
           for c in verb.children):
        return False
    return has_modal(verb, lexicon) or verb.lemma_.casefold() in lexicon.content_verbs


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _clause_span(verb: Token, lexicon: PlanLexicon) -> tuple[int, int] | None:
    """The clause with its subject, without what opens the sentence before the subject, the
    clauses of its own after it, or a trailing "though ..." clause."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if subjects:
        first = min(subjects[0].left_edge.i, verb.i)  # "Also included would be X"
    else:
        first = min([verb.i, *(c.i for c in verb.children if c.dep_ in {"aux", "auxpass"})])
    drop: set[int] = set()
    for child in verb.children:
        # A later clause that states a term of its own ("while X would be frozen") or says
        # what the plan leaves out ("though it does not ...") is not part of this one; a
        # condition ("only if Russia pays") is.
        own_clause = (child.dep_ == "conj" and _own_subject(child)) or (
            child.dep_ == "advcl" and (has_modal(child, lexicon) or negated(child)))
        opening = child.i < first and child.dep_ in _OPENING_DEPS
        if opening or (child.i > verb.i and (own_clause or _before_own_clause(child))):
            drop.update(t.i for t in child.subtree)
    tokens = [t for t in verb.subtree if t.i not in drop and t.i >= first]
    if not tokens:
        return None
    # One contiguous stretch around the verb keeps the excerpt verbatim.
    index = tokens.index(verb)
    start = end = index
    while start > 0 and tokens[start - 1].i == tokens[start].i - 1:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].i == tokens[end].i + 1:
        end += 1
    stretch = trimmed(tokens[start : end + 1])[:_MAX_CLAUSE_TOKENS]
    stretch = trimmed(stretch)
    return (stretch[0].i, stretch[-1].i + 1) if stretch else None


def _before_own_clause(token: Token) -> bool:
    """A coordinator or comma right before a conjunct clause with its own subject."""
    if token.dep_ not in {"cc", "punct"}:
        return False
    following = [c for c in token.head.children if c.i > token.i and c.dep_ == "conj"]
    return bool(following) and _own_subject(following[0])


def _described_clauses(
    verb: Token, lexicon: PlanLexicon, depth: int = 0
) -> Iterator[tuple[int, int]]:
    """The describing clause of the verb, and those of its own later clauses ("..., while X
    would be frozen"); none where the verb itself does not describe ("Waltz said the US
    would place missiles": a report, not a term) or is negated."""
    if not _describes(verb, lexicon):
        return
    span = _clause_span(verb, lexicon)
    if span is not None:
        yield span
    if depth > 2:
        return
    for child in verb.children:
        if child.dep_ in _OWN_CLAUSE_DEPS and child.i > verb.i and _own_subject(child) and (
            child.dep_ == "conj" or has_modal(child, lexicon)
        ):
            yield from _described_clauses(child, lexicon, depth + 1)


def continued_terms(sent: Span, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """Terms of a sentence that goes on describing a plan named just before it: a list its
    main verb states ("The second section includes A, B and C"), the clauses it states in
    the conditional ("Ukraine would withdraw X, while Y would be frozen"), or the gist of the
    plan ("The idea is to lend Ukraine X"). A sentence in quotation marks is someone's words
    about the plan, not its terms."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.is_quote:
        return
    root = sent.root
    lemma = root.lemma_.casefold()
    if lemma in lexicon.term_verbs and not negated(root):
        yield from clause_terms(root, lexicon)
        return
    if lemma == "be" and any(c.dep_ == "nsubj" and c.lemma_.casefold() in lexicon.gist_nouns
                             for c in root.children):
        for clause in (c for c in root.children if c.dep_ in {"xcomp", "ccomp", "attr"}):
            for each in conjuncts(clause):
                if each.lemma_.casefold() not in lexicon.purpose_verbs:
                    tokens = own_tokens(each)
                    if tokens:
                        yield tokens[0].i, tokens[-1].i + 1
        return
    yield from _described_clauses(root, lexicon)
