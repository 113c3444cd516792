"""Finds the terms of plans in a Doc: numbered points ("point four", "points one and two",
"the third point", "7." lists, "First, ...") and unnumbered terms ("the plan calls for X and
Y", "the proposals to postpone X", "a plan for a 30-day truce", "Under the plan, ...").

A term is kept only when it names at least one issue of the pack; a term that says nothing
we can classify is more often a misparse than a real clause of a plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from redline.nlp.pipeline import BULLETS
from redline.nlp.plan_lexicon import PlanLexicon

_LIST_ITEM = re.compile(r"^\(?(\d{1,2})[.)]$")
_MAX_TERM_TOKENS = 32
# Dependents that end a term: the next conjunct, a trailing clause, a leading "for"/"that".
_CUT_DEPS = frozenset({"cc", "conj", "mark", "punct", "advcl", "relcl", "appos"})
_COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "advcl", "attr", "oprd", "acomp"})


@dataclass(frozen=True)
class Term:
    """One term found in the text, with the index of the plan group it belongs to."""

    group: int
    n: int | None
    start: int  # token offsets
    end: int
    issues: tuple[str, ...]
    by: int | None = None  # head of the plan phrase that states it in its own sentence


def conjuncts(token: Token) -> list[Token]:
    """The token and every conjunct chained to it: "X, Y and Z"."""
    chain = [token]
    for child in token.children:
        if child.dep_ == "conj":
            chain.extend(conjuncts(child))
    return chain


def own_tokens(root: Token) -> list[Token]:
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
    stretch = _whole_words(tokens[start : end + 1])
    while stretch and (stretch[-1].is_punct or stretch[-1].dep_ == "cc"):
        stretch.pop()
    while len(stretch) > 1 and (
        stretch[0].is_punct or stretch[0].dep_ in {"cc", "mark"} or stretch[0].lower_ == "for"
    ):
        stretch.pop(0)
    return stretch[:_MAX_TERM_TOKENS]


def trimmed(tokens: list[Token]) -> list[Token]:
    """Without white space, punctuation or quote marks at either end."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_space or tokens[start].is_punct):
        start += 1
    while end > start and (
        tokens[end - 1].is_space or tokens[end - 1].is_punct or tokens[end - 1].dep_ == "cc"
    ):
        end -= 1
    return tokens[start:end]


def _whole_words(tokens: list[Token]) -> list[Token]:
    """Extend a stretch so it does not end inside a hyphenated word ("co-operating")."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    last = tokens[-1].i
    while last + 1 < len(doc) and not doc[last].whitespace_:
        if doc[last].text == "-":
            last += 1
        elif doc[last + 1].text == "-" and last + 2 < len(doc) and not doc[last + 1].whitespace_:
            last += 2
        else:
            break
    return tokens + [doc[i] for i in range(tokens[-1].i + 1, last + 1)]


def _starts_item(token: Token) -> bool:
    """A common noun the parser hangs as apposition or conjunct on the noun before it, right
    after a comma or a coordinator: the next item of a list ("X, its refusal to Y, a ban on
    Z and W"), whatever word of the item before the parser attached it to."""
    if token.dep_ not in {"appos", "conj"} or token.pos_ != "NOUN" or token.head.pos_ not in {
        "NOUN", "PROPN"
    }:
        return False
    edge = token.left_edge.i
    return edge > 0 and (token.doc[edge - 1].text == "," or token.doc[edge - 1].dep_ == "cc")


def _split_items(tokens: list[Token]) -> list[list[Token]]:
    """A noun phrase cut at every item of a list inside it: conjuncts of the phrase's noun
    or of an item, and appositions wherever the parser hung them."""
    inside = {t.i for t in tokens}
    heads = {t.i for t in tokens if t.head.i not in inside or t.head is t}
    starts: set[int] = set()
    for token in tokens:
        # Deeper down, a common noun conjunct with its own determiner is the next item ("the
        # recognition of the border and the lifting of sanctions").
        deep_item = token.dep_ == "conj" and any(c.dep_ == "det" for c in token.children)
        if token.i != tokens[0].i and _starts_item(token) and (
            token.dep_ == "appos" or token.head.i in heads or deep_item
        ):
            heads.add(token.i)
            starts.add(token.left_edge.i)
    items: list[list[Token]] = [[]]
    for token in tokens:
        if token.i in starts and items[-1]:
            items.append([])
        items[-1].append(token)
    return [tidy for item in items if (tidy := _tidy_item(item))]


def _tidy_item(tokens: list[Token]) -> list[Token]:
    """An item without a fronted "among them" and without the "as well" of a following
    "as well as" that the split left at its end."""
    tokens = trimmed(tokens)
    while tokens and tokens[0].dep_ == "prep" and tokens[0].head.i > tokens[0].i:
        fronted = {t.i for t in tokens[0].subtree}
        tokens = trimmed([t for t in tokens if t.i not in fronted])
    inside = {t.i for t in tokens}
    while tokens and tokens[-1].dep_ in {"advmod", "cc"} and tokens[-1].head.i not in inside:
        tokens = trimmed(tokens[:-1])
    return tokens


def _noun_list(noun: Token) -> list[Token]:
    """The noun's whole phrase, lists included, as one contiguous stretch of tokens."""
    cut = {t.i for c in noun.children if c.i > noun.i and c.dep_ in {"relcl", "advcl"}
           for t in c.subtree}
    tokens = [t for t in noun.subtree if t.i not in cut]
    end = 0
    while end + 1 < len(tokens) and tokens[end + 1].i == tokens[end].i + 1:
        end += 1
    return tokens[: end + 1]


def _term_spans(complement: Token) -> Iterator[tuple[int, int]]:
    if complement.pos_ == "NOUN":
        items = _split_items(_noun_list(complement))
        if len(items) > 1:
            for item in items:
                item = item[:_MAX_TERM_TOKENS]
                yield item[0].i, item[-1].i + 1
            return
    for conjunct in conjuncts(complement):
        tokens = own_tokens(conjunct)
        if tokens:
            yield tokens[0].i, tokens[-1].i + 1


def _complements(verb: Token) -> Iterator[Token]:
    """The complements of a term verb: "calls for X", "includes X", "would freeze X"."""
    for child in verb.children:
        if child.dep_ in _COMPLEMENT_DEPS:
            yield child
        elif child.dep_ in {"appos", "dep"} and child.pos_ == "NOUN" and child.i > verb.i:
            yield child  # "lists X, among them A and B": the list hung on the verb
        elif child.dep_ == "prep" and child.lower_ in {"for", "at", "on"}:
            yield from (c for c in child.children if c.dep_ in {"pobj", "pcomp"})


def has_modal(verb: Token, lexicon: PlanLexicon) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in lexicon.modals for c in verb.children)


def negated(verb: Token) -> bool:
    """ "does not commit", "leaves Ukraine with no guarantee": the plan leaves it out."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ in {"dobj", "prep", "attr"}]
    return any(t.dep_ == "det" and t.lower_ == "no" for c in objects for t in c.subtree)


def _verb_phrase(verb: Token) -> tuple[int, int] | None:
    """The verb with its objects and modifiers, without its subject or later conjuncts."""
    subjects = {t.i for c in verb.children if c.dep_.startswith("nsubj") for t in c.subtree}
    tokens = [t for t in own_tokens(verb) if t.i not in subjects]
    tokens = [t for t in tokens if t.i > max(subjects, default=-1)]
    return (tokens[0].i, tokens[-1].i + 1) if tokens else None


def clause_terms(verb: Token, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """Terms stated by a verb whose subject is a plan: the complements of a term verb
    ("calls for X and Y"), or the verb phrase of a content verb or a modal clause ("the
    proposal would freeze the frontline"). A negated verb states what the plan leaves out."""
    for conjunct in conjuncts(verb):
        if conjunct is not verb and conjunct.pos_ == "NOUN" and (
            verb.lemma_.casefold() in lexicon.term_verbs
        ):  # "lists A, and B": the parser makes a later item a conjunct of the verb
            yield from _term_spans(conjunct)
            continue
        if negated(conjunct) or conjunct.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = conjunct.lemma_.casefold()
        own_subject = any(c.dep_.startswith("nsubj") for c in conjunct.children)
        if conjunct is not verb and any(c.dep_ == "mark" for c in conjunct.children):
            # "calls for X to be frozen and for Y to be released": the parser makes the
            # second complement a conjunct of the verb.
            yield from _term_spans(conjunct)
        elif conjunct is not verb and conjunct.tag_ == "VB" and not own_subject and (
            verb.lemma_.casefold() in lexicon.term_verbs
        ):
            # "required Ukraine to cede X, accept Y and renounce Z": the later infinitives
            # hang on the main verb.
            phrase = _verb_phrase(conjunct)
            if phrase is not None:
                yield phrase
        elif lemma in lexicon.term_verbs:
            for complement in _complements(conjunct):
                yield from _term_spans(complement)
        elif lemma in lexicon.content_verbs or has_modal(conjunct, lexicon) or (
            conjunct is not verb and not own_subject and has_modal(verb, lexicon)
        ):  # "would freeze X and free Y": the modal covers both verbs
            phrase = _verb_phrase(conjunct)
            if phrase is not None:
                yield phrase


def _misattached_infinitives(head: Token) -> list[Token]:
    """ "rejected the proposals put forward by X to freeze A": the parser hangs the
    infinitive that follows the object's phrase on the verb; right after the phrase, it is
    the object's own."""
    if head.dep_ != "dobj":
        return []
    end = max(t.i for t in head.subtree)
    return [c for c in head.head.children
            if c.dep_ in {"advcl", "xcomp"} and c.left_edge.i == end + 1
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]


def _infinitive_terms(head: Token, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """ "the proposals (made by X) to postpone A and to deploy B": each infinitive a term."""
    frontier = [c for c in head.children if c.dep_ in {"acl", "relcl"}]
    frontier += _misattached_infinitives(head)
    seen: set[int] = set()
    while frontier:
        verb = frontier.pop()
        if verb.i in seen or verb.pos_ not in {"VERB", "AUX"}:
            continue
        seen.add(verb.i)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and verb.lemma_.casefold() not in lexicon.purpose_verbs:
            tokens = own_tokens(verb)
            if tokens:
                yield tokens[0].i, tokens[-1].i + 1
        frontier.extend(c for c in verb.children if c.dep_ in {"advcl", "conj", "xcomp"})


def _agent_relatives(head: Token) -> Iterator[Token]:
    """ "the terms drawn up by X, which call for A": the parser hangs a "which" clause on
    the agent next to it, but "which" does not stand for a person: it is the plan's."""
    for clause in (c for c in head.children if c.dep_ == "acl"):
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            for obj in (c for c in agent.children if c.dep_ == "pobj"):
                for relative in (c for c in obj.children if c.dep_ == "relcl"):
                    if any(c.dep_.startswith("nsubj") and c.lower_ == "which"
                           for c in relative.children):
                        yield relative


def _for_terms(head: Token) -> Iterator[tuple[int, int]]:
    """ "a plan for a 30-day truce": the object of "for" is the term ("For a plan billed as
    X, the loan ...", fronted, is not)."""
    for prep in (c for c in head.children
                 if c.dep_ == "prep" and c.lower_ == "for" and c.i > head.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            yield from _term_spans(obj)


def _listed_terms(head: Token, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """ "proposals attributed to X, including A and B": the objects of the listing word."""
    for prep in (c for c in head.children
                 if c.dep_ == "prep" and c.lower_ in lexicon.listing_words):
        for obj in (c for c in prep.children if c.dep_ in {"pobj", "pcomp"}):
            yield from _term_spans(obj)


def phrase_terms(head: Token, lexicon: PlanLexicon) -> Iterator[tuple[int, int]]:
    """Unnumbered terms that a plan phrase (its head noun) states in its own sentence."""
    yield from _for_terms(head)
    yield from _listed_terms(head, lexicon)
    yield from _infinitive_terms(head, lexicon)
    verb: Token | None = None
    if head.dep_ == "nsubj" or (
        head.dep_ == "nsubjpass" and head.head.lemma_.casefold() not in lexicon.proposer_verbs
    ):  # "the plan was handed to X", "was drafted by Y": what was done with it, no term
        verb = head.head
    elif head.dep_ == "appos" and head.sent.root.lemma_.casefold() in lexicon.term_verbs:
        verb = head.sent.root  # "Kellogg has called for X – a plan endorsed by Trump"
    if verb is not None:
        yield from clause_terms(verb, lexicon)
    for child in head.children:  # "a plan that would require X", "a proposal which freezes Y"
        relative = any(c.dep_.startswith("nsubj") and c.tag_ in {"WDT", "WP"}
                       for c in child.children)
        if child.dep_ == "relcl" and relative:
            yield from clause_terms(child, lexicon)
            # "handed over its document, which calls for A, B and C": the parser hangs the
            # later items of the list on the plan noun or its verb, after the clause.
            if child.lemma_.casefold() in lexicon.term_verbs:
                hosts = [*head.children, *(head.head.children if head.head is not head else ())]
                for item in (c for c in hosts
                             if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > child.i):
                    yield from _term_spans(item)
    for clause in _agent_relatives(head):
        yield from clause_terms(clause, lexicon)
    for child in head.children:  # "The original plan called for X" parsed as a reduced clause
        reduced = child.dep_ == "acl" and child.tag_ == "VBN"
        if reduced and child.lemma_.casefold() in lexicon.term_verbs and not any(
            c.dep_ == "agent" for c in child.children
        ):
            yield from clause_terms(child, lexicon)


def opener_terms(
    sent: Span, lexicon: PlanLexicon, after_plan: bool
) -> Iterator[tuple[int, int]]:
    """Terms of a sentence that opens on the plan: "Under the plan, X would Y"; "It includes
    X". A pronoun opener counts only right after a sentence that names the plan."""
    text = sent.text.casefold().lstrip("‘'\"“ \n")
    found = lexicon.opener_pattern.match(text)
    opener = found.group() if found else None
    if opener is None or (" " not in opener and not after_plan):
        return
    first = next((t for t in sent if not (t.is_space or t.is_punct)), sent[0])
    opener_end = next((t.i for t in sent if t.idx >= first.idx + len(opener)), sent.end)
    root = sent.root
    subject_is_opener = any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i < opener_end for c in root.children
    ) and not (  # "The plan was handed to X": what was done with the plan, not a term
        root.lemma_.casefold() in lexicon.proposer_verbs
        and any(c.dep_ == "nsubjpass" for c in root.children)
    )
    if subject_is_opener:
        yield from clause_terms(root, lexicon)
    elif opener.split()[0] not in {"the", "this"} and " " in opener and root.i >= opener_end:
        # A prepositional opener ("Under the plan, ..."): each main clause is a term.
        for clause in conjuncts(root):
            if negated(clause):
                continue
            tokens = trimmed([t for t in own_tokens(clause) if t.i >= opener_end])
            if tokens:
                yield tokens[0].i, tokens[-1].i + 1


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


def point_numbers(
    sent: Span, lexicon: PlanLexicon, openers: bool = True
) -> list[tuple[int, list[int]]]:
    """(marker token, numbers) for each point reference in the sentence; an ordinal opener
    ("First, ...") only with ``openers``."""
    doc = sent.doc
    found: list[tuple[int, list[int]]] = []
    first = next((t for t in sent if not t.is_space), None)
    if openers and first is not None and first.i + 1 < sent.end and doc[first.i + 1].text == ",":
        ordinal = lexicon.ordinal(first.text)  # "First, a ceasefire; second, ..."
        if ordinal is not None:
            found.append((first.i, [ordinal]))
    for token in sent:
        if token.lemma_.casefold() not in lexicon.point_markers or _is_size(doc, token.i, lexicon):
            continue
        numbers = _numbers_after(doc, token.i, lexicon)
        if not numbers:
            numbers = [n for c in token.lefts if (n := lexicon.ordinal(c.text)) is not None]
        if numbers:
            found.append((token.i, numbers))
    return found


def _line_start(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    before = doc[i - 1]
    return "\n" in before.text_with_ws or (before.is_space and "\n" in before.text)


def list_items(doc: Doc, start: int, end: int) -> list[tuple[int, int, int]]:
    """(n, start, end) for each numbered line "7. ..." or "7) ..." whose number lies in
    tokens [start, end); the item runs to the end of its line."""
    items: list[tuple[int, int, int]] = []
    for i in range(start, min(end, len(doc) - 1)):
        token = doc[i]
        if not _line_start(doc, i):
            continue
        marker = _LIST_ITEM.match(token.text + doc[i + 1].text)
        if marker is None:
            continue
        j = i + 2
        while j < len(doc) and not (doc[j].is_space and "\n" in doc[j].text):
            j += 1
            if "\n" in doc[j - 1].whitespace_:
                break
        tokens = trimmed(list(doc[i + 2 : j]))
        if tokens:
            items.append((int(marker.group(1)), tokens[0].i, tokens[-1].i + 1))
    return items


def opens_list(sent: Span) -> bool:
    """A sentence that ends on a colon ("it would:", "The draft includes:") opens a list."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text == ":"


def is_list_item(sent: Span) -> bool:
    """A sentence that is one item of a list: "- cap the army …", "3. A commitment …"."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or not _line_start(sent.doc, first.i):
        return False
    if first.text in BULLETS:
        return True
    after = sent.doc[first.i + 1].text if first.i + 1 < len(sent.doc) else ""
    return bool(_LIST_ITEM.match(first.text) or _LIST_ITEM.match(first.text + after))


def bullet_item(sent: Span) -> tuple[int, int] | None:
    """The token range of a bulleted list item ("- cap the army at 800,000;") without its
    bullet and closing punctuation; None for a sentence that is not one."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.text not in BULLETS or not _line_start(sent.doc, first.i):
        return None
    tokens = trimmed([t for t in sent if t.i > first.i])
    return (tokens[0].i, tokens[-1].i + 1) if tokens else None


def numbered_terms(
    sent: Span, marker: int, numbers: list[int], segment: tuple[int, int] | None = None
) -> list[tuple[int, int, int]]:
    """(n, start, end) for the points a marker introduces, within ``segment`` (token range,
    default the sentence: a sentence naming two points is cut between them); a shared clause
    is split among several numbers when its object lists as many conjuncts ("points one and
    two involve X and Y")."""
    doc = sent.doc
    head = doc[marker]
    if len(numbers) > 1 and head.dep_.startswith("nsubj"):
        objects = [c for c in head.head.children if c.dep_ in {"dobj", "attr", "xcomp"}]
        if objects:
            chain = conjuncts(objects[0])
            if len(chain) == len(numbers):
                spans = []
                for n, conjunct in zip(numbers, chain, strict=True):
                    tokens = own_tokens(conjunct)
                    if tokens:
                        spans.append((n, tokens[0].i, tokens[-1].i + 1))
                return spans
    # Start after the last line break before the marker: captions and stray lines run into
    # the sentence when an article is pasted from a web page.
    low, high = segment or (sent.start, sent.end)
    breaks = [t.i for t in sent if t.i < marker and "\n" in t.text_with_ws]
    tokens = trimmed([t for t in sent if (not breaks or t.i > breaks[-1]) and low <= t.i < high])
    if not tokens:
        return []
    end = min(tokens[-1].i + 1, tokens[0].i + _MAX_TERM_TOKENS)
    return [(n, tokens[0].i, end) for n in numbers]
