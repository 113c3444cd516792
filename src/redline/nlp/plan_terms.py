"""Finds the terms of plans in a Doc: numbered points ("point four", "points one and two",
"the third point", "7." lists, "First, ...") and unnumbered terms ("the plan calls for X and
Y", "the proposals to postpone X", "a plan for a 30-day truce", "Under the plan, ...").

A term is kept only when it names at least one issue of the pack; a term that says nothing
we can classify is more often a misparse than a real clause of a plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from redline.nlp.plan_lexicon import PlanLexicon

_LIST_ITEM = re.compile(r"^\(?(\d{1,2})[.)]$")
_MAX_TERM_TOKENS = 32
# Dependents that end a term: the next conjunct, a trailing clause, a leading "for"/"that".
_CUT_DEPS = frozenset({"cc", "conj", "mark", "punct", "advcl", "relcl", "appos"})
_COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "advcl", "attr", "oprd", "acomp"})
_MODALS = frozenset({"would", "will", "could", "should", "shall", "must"})

IssuesOf = Callable[[int, int], tuple[str, ...]]  # token range -> concrete issues


@dataclass(frozen=True)
class Term:
    """One term found in the text, with the index of the plan group it belongs to."""

    group: int
    n: int | None
    start: int  # token offsets
    end: int
    issues: tuple[str, ...]


def _conjuncts(token: Token) -> list[Token]:
    """The token and every conjunct chained to it: "X, Y and Z"."""
    chain = [token]
    for child in token.children:
        if child.dep_ == "conj":
            chain.extend(_conjuncts(child))
    return chain


def _own_tokens(root: Token) -> list[Token]:
    """The root's subtree without its conjuncts, coordinator and trailing clauses."""
    keep = [root]
    for child in root.children:
        if child.dep_ in {"cc", "conj", "mark"}:
            continue
        if child.i > root.i and child.dep_ in _CUT_DEPS:
            continue
        keep.extend(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    # Keep one contiguous stretch around the root so the excerpt stays verbatim.
    start = end = tokens.index(root)
    while start > 0 and tokens[start - 1].i == tokens[start].i - 1:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].i == tokens[end].i + 1:
        end += 1
    stretch = tokens[start : end + 1]
    while stretch and (stretch[-1].is_punct or stretch[-1].dep_ == "cc"):
        stretch.pop()
    while stretch and (stretch[0].is_punct or stretch[0].dep_ in {"cc", "mark"}):
        stretch.pop(0)
    return stretch[:_MAX_TERM_TOKENS]


def _term_spans(complement: Token) -> Iterator[tuple[int, int]]:
    for conjunct in _conjuncts(complement):
        tokens = _own_tokens(conjunct)
        if tokens:
            yield tokens[0].i, tokens[-1].i + 1


def _complements(verb: Token) -> Iterator[Token]:
    """The complements of a term verb: "calls for X", "includes X", "would freeze X"."""
    for child in verb.children:
        if child.dep_ in _COMPLEMENT_DEPS:
            yield child
        elif child.dep_ == "prep" and child.lower_ in {"for", "at", "on"}:
            yield from (c for c in child.children if c.dep_ in {"pobj", "pcomp"})
        elif child.dep_ == "prt":
            continue


def _has_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _clause_terms(verb: Token, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """Terms stated by a verb whose subject is a plan: complements of a term verb, or the
    whole verb phrase of a modal clause ("the proposal would freeze the frontline")."""
    if verb.lemma_.casefold() in lexicon.term_verbs:
        for complement in _complements(verb):
            yield from _term_spans(complement)
    elif verb.pos_ in {"VERB", "AUX"} and _has_modal(verb):
        for conjunct in _conjuncts(verb):
            tokens = [t for t in _own_tokens(conjunct) if t.dep_ not in {"nsubj", "nsubjpass"}]
            subjects = [t for c in conjunct.children if c.dep_.startswith("nsubj") for t in c.subtree]
            tokens = [t for t in tokens if t not in subjects]
            if tokens:
                yield tokens[0].i, tokens[-1].i + 1


def _infinitive_terms(head: Token, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """ "the proposals (made by X) to postpone A and to deploy B": each infinitive a term."""
    frontier = [c for c in head.children if c.dep_ in {"acl", "relcl"}]
    seen: set[int] = set()
    while frontier:
        verb = frontier.pop()
        if verb.i in seen or verb.pos_ not in {"VERB", "AUX"}:
            continue
        seen.add(verb.i)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and verb.lemma_.casefold() not in lexicon.purpose_verbs:
            tokens = _own_tokens(verb)
            if tokens:
                yield tokens[0].i, tokens[-1].i + 1
        frontier.extend(c for c in verb.children if c.dep_ in {"advcl", "conj", "xcomp"})


def _for_terms(head: Token) -> Iterator[tuple[int, int]]:
    """ "a plan for a 30-day truce": the object of "for" is the term."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            yield from _term_spans(obj)


def phrase_terms(head: Token, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """Unnumbered terms that a plan phrase (its head noun) states in its own sentence."""
    yield from _for_terms(head)
    yield from _infinitive_terms(head, lexicon)
    verb: Token | None = None
    if head.dep_ in {"nsubj", "nsubjpass"}:
        verb = head.head
    elif head.dep_ == "appos" and head.head.dep_ in {"nsubj", "nsubjpass"}:
        verb = head.head.head  # "Kellogg has called for X – a plan endorsed by Trump"
    if verb is not None:
        yield from _clause_terms(verb, lexicon)
    for child in head.children:  # "The original plan called for X" parsed as a reduced clause
        if child.dep_ == "acl" and child.lemma_.casefold() in lexicon.term_verbs and child.tag_ == "VBN":
            if not any(c.dep_ == "agent" for c in child.children):
                yield from _clause_terms(child, lexicon)


def opener_terms(sent: Span, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """Terms of a sentence that opens on the plan: "Under the plan, X would Y"; "It includes X"."""
    text = sent.text.casefold().lstrip("‘'\"“ ")
    opener = next((o for o in lexicon.content_openers if text.startswith(o + " ")
                   or text.startswith(o + ",")), None)
    if opener is None:
        return
    root = sent.root
    subject_is_opener = any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i - sent.start <= len(opener.split())
        for c in root.children
    )
    if subject_is_opener:
        yield from _clause_terms(root, lexicon)
    elif " " in opener:  # a prepositional opener: the rest of the sentence is the term
        tokens = [t for t in sent if t.i > sent.start + len(opener.split()) and not t.is_punct]
        if tokens:
            end = min(tokens[-1].i + 1, tokens[0].i + _MAX_TERM_TOKENS)
            yield tokens[0].i, end


def _numbers_after(doc: Doc, i: int, lexicon: PlanLexicon) -> list[int]:
    """ "points one and two" -> [1, 2]; "point 4" -> [4]."""
    numbers: list[int] = []
    j = i + 1
    while j < len(doc):
        number = lexicon.number(doc[j].text)
        if number is not None and not doc[j].is_punct:
            numbers.append(number)
        elif not numbers or doc[j].lower_ not in {"and", ",", "&", "to", "or"}:
            break
        j += 1
    return numbers


def _is_size(doc: Doc, i: int, lexicon: PlanLexicon) -> bool:
    """ "28-point" or "seven point plan": a size, not a point reference."""
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.text in {"-", "‑"}:
        return True
    if before is not None and lexicon.number(before.text) is not None:
        return True
    return i + 1 < len(doc) and lexicon.is_plan_noun(doc[i + 1].lemma_.casefold())


def point_numbers(sent: Span, lexicon: PlanLexicon) -> list[tuple[int, list[int]]]:
    """(marker token, numbers) for each point reference in the sentence."""
    doc = sent.doc
    found: list[tuple[int, list[int]]] = []
    first = sent[0] if len(sent) else None
    if first is not None:
        item = _LIST_ITEM.match(first.text)
        if item and not first.is_sent_end:
            found.append((first.i, [int(item.group(1))]))
        elif len(sent) > 1 and sent[1].text in {".", ")"} and first.like_num:
            number = lexicon.number(first.text)
            if number is not None:
                found.append((first.i, [number]))
        elif len(sent) > 1 and sent[1].text == "," and lexicon.ordinal(first.text) is not None:
            found.append((first.i, [lexicon.ordinal(first.text) or 0]))
    for token in sent:
        if token.lemma_.casefold() not in lexicon.point_markers or _is_size(doc, token.i, lexicon):
            continue
        numbers = _numbers_after(doc, token.i, lexicon)
        if not numbers:
            numbers = [n for c in token.lefts if (n := lexicon.ordinal(c.text)) is not None]
        if numbers:
            found.append((token.i, numbers))
    return found


def numbered_terms(sent: Span, marker: int, numbers: list[int]) -> list[tuple[int, int, int]]:
    """(n, start, end) for the points a marker introduces; a shared clause is split among
    several numbers when its object lists as many conjuncts ("points one and two involve
    X and Y")."""
    doc = sent.doc
    head = doc[marker]
    if len(numbers) > 1 and head.dep_.startswith("nsubj"):
        objects = [c for c in head.head.children if c.dep_ in {"dobj", "attr", "xcomp"}]
        if objects:
            chain = _conjuncts(objects[0])
            if len(chain) == len(numbers):
                spans = []
                for n, conjunct in zip(numbers, chain, strict=True):
                    tokens = _own_tokens(conjunct)
                    if tokens:
                        spans.append((n, tokens[0].i, tokens[-1].i + 1))
                return spans
    tokens = [t for t in sent if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return []
    end = min(tokens[-1].i + 1, tokens[0].i + _MAX_TERM_TOKENS)
    return [(n, tokens[0].i, end) for n in numbers]
