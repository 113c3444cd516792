"""Finds plan phrases in a Doc: "the 28-point plan", "Kellogg's plan", "the US ceasefire
proposal", "the plan", and known plan aliases anywhere ("a 30-day ceasefire").

Each phrase is graded by how clearly it names a plan: a known alias or a point count names
one outright; a proposer with a plan noun ("Trump's peace plan") names one weakly; a bare
"the plan" only points back to a plan named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from spacy.tokens import Doc, Span, Token

from redline.nlp.plan_lexicon import PlanLexicon
from redline.nlp.plan_proposers import Proposer, resolve_proposer
from redline.nlp.plan_terms import phrase_terms
from redline.packs.schema import Pack

_WORD = re.compile(r"\w+")
_SIZED = re.compile(r"^(\w+(?:-\w+)?)-(\w+)$")  # "28-point", "seven-point", "twenty-eight-point"


class Strength(IntEnum):
    ANAPHOR = 0  # "the plan": points back to a plan named before
    WEAK = 1  # "Trump's peace plan": a plan, but which one depends on context
    STRONG = 2  # a known alias or a point count


@dataclass(frozen=True)
class PlanPhrase:
    """One plan phrase: token span, what it says about the plan, and how clearly."""

    start: int  # token offsets
    end: int
    head: int  # token index of the head noun
    strength: Strength
    n_points: int | None = None
    proposer: Proposer | None = None
    alias_plans: tuple[str, ...] = ()  # ids of pack plans whose alias the phrase contains
    qualifiers: tuple[str, ...] = ()  # "peace", "ceasefire"...
    revision: bool = False
    named_by: str | None = None  # the text that names a proposer ("Turkey" in "drafted by Turkey")
    new: bool = False  # "a new plan": not one announced long before
    parties: frozenset[str] = frozenset()  # every side named as proposer ("X and Y drew up")
    original: bool = False  # "the original plan": the earliest plan, not the latest named

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def _words(text: str) -> list[str]:
    folded = text.casefold().replace("’", "'").replace("'s ", " ").replace("'s", "")
    return _WORD.findall(folded)


def _token_words(doc: Doc) -> tuple[list[str], list[int]]:
    """The doc as folded words, each with the index of the token it came from."""
    words: list[str] = []
    owners: list[int] = []
    for token in doc:
        folded = token.text.casefold()
        if folded in {"'s", "’s", "'"}:
            continue
        for word in _WORD.findall(folded):
            words.append(word)
            owners.append(token.i)
    return words, owners


def find_aliases(doc: Doc, pack: Pack) -> list[tuple[int, int, str]]:
    """(start token, end token, pack plan id) for every alias or plan name in the text."""
    words, owners = _token_words(doc)
    index: dict[str, list[tuple[list[str], str]]] = {}
    for plan in pack.plans:
        for alias in {plan.name, *plan.aliases}:
            alias_words = _words(alias)
            if alias_words:
                index.setdefault(alias_words[0], []).append((alias_words, plan.id))
    hits: list[tuple[int, int, str]] = []
    for i, word in enumerate(words):
        for alias_words, plan_id in index.get(word, []):
            if words[i : i + len(alias_words)] == alias_words:
                hits.append((owners[i], owners[i + len(alias_words) - 1] + 1, plan_id))
    return list(dict.fromkeys(hits))  # "Weiss plan" and "Weiss's plan" fold alike


def _size_of(tokens: list[Token], lexicon: PlanLexicon) -> int | None:
    """The point count in "28-point", "seven point", "a 19 point" among the tokens."""
    for k, token in enumerate(tokens):
        sized = _SIZED.match(token.lower_)
        if sized and sized.group(2) in lexicon.size_markers:
            return lexicon.number(sized.group(1))
        if token.lower_ in lexicon.size_markers and k > 0:
            before = tokens[k - 1]
            if before.text in {"-", "‑", "–"} and k > 1:
                before = tokens[k - 2]
            number = lexicon.number(before.text)
            if number is not None and number > 1:
                return number
    return None


def _phrase_tokens(head: Token) -> list[Token]:
    """The head noun with its left modifiers: "the US 28-point peace plan". A possessor
    starts the phrase: what a misparse hangs before it ("Russia Rejects Trump's Plan")
    is not part of it."""
    left = [t for child in head.lefts for t in child.subtree]
    tokens = sorted([*left, head], key=lambda t: t.i)
    possessors = [c for c in head.lefts if c.dep_ == "poss"]
    if possessors:
        first = possessors[0].left_edge.i
        tokens = [t for t in tokens if t.i >= first]
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    # Keep the contiguous stretch that ends at the head.
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1].i == tokens[start].i - 1:
        start -= 1
    tokens = tokens[start:]
    # A hyphenated word the parser split apart: "counter-proposal", "peace-plan".
    doc = head.doc
    first = tokens[0].i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ \
            and not doc[first - 1].whitespace_:
        first -= 2
    return [doc[i] for i in range(first, tokens[0].i)] + tokens


def _is_intention(head: Token, lexicon: PlanLexicon) -> bool:
    """ "British plans to lead a force", "the EU's plan to use the assets" state an
    intention, not a peace plan; "a plan to end the war" states a peace plan's purpose."""
    if head.lemma_.casefold() != "plan":
        return False
    for clause in head.children:
        infinitive = clause.dep_ in {"acl", "relcl"} and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in clause.children)
        if infinitive and (head.tag_ == "NNS"
                           or clause.lemma_.casefold() not in lexicon.purpose_verbs):
            return True
    return False


def _to_be_proposed(head: Token, lexicon: PlanLexicon) -> bool:
    """ "Europe would present its own proposals", "Kyiv will submit a plan": a plan yet to
    be made, the object of a proposing verb in the future or conditional, names none
    (unless the noun names a document: "Kyiv will present its counter-proposal")."""
    verb = head.head
    doc = head.doc
    hyphenated = (f"{doc[head.i - 2].lower_}-{head.lower_}"
                  if head.i >= 2 and doc[head.i - 1].text == "-" else "")
    if lexicon.is_document(head.lemma_) or lexicon.is_document(hyphenated):
        return False  # "Kyiv will present its counter-proposal": a document, named already
    return (head.dep_ == "dobj" and verb.lemma_.casefold() in lexicon.proposer_verbs
            and any(c.dep_ == "aux" and c.lower_ in lexicon.future_modals
                    for c in verb.children))


def _with_conjuncts(token: Token) -> list[Span]:
    """ "Ukraine and the United States": one span per conjunct, each with its modifiers."""
    doc = token.doc
    spans = []
    for each in (token, *token.conjuncts):
        left = min((t.i for c in each.lefts if c.dep_ not in {"cc", "punct"} for t in c.subtree),
                   default=each.i)
        spans.append(doc[left : each.i + 1])
    return spans


def _stated_size(head: Token, lexicon: PlanLexicon) -> int | None:
    """ "The new framework has 19 points": a size given by the clause, not the phrase."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.casefold() not in lexicon.size_verbs:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]
    for obj in objects:
        if obj.lemma_.casefold() in lexicon.size_markers:
            for number in (c for c in obj.children if c.dep_ == "nummod"):
                size = lexicon.number(number.text)
                if size is not None and size > 1:
                    return size
    return None


def _noun_phrase(obj: Token) -> Span:
    """The noun with its modifiers, up to a comma or a clause after it: "the team of X" in
    "drafted by the team of X, which would ..."."""
    cut = {t.i for c in obj.rights if c.dep_ in {"relcl", "acl", "appos", "punct"}
           for t in c.subtree}
    end = obj.i
    for token in obj.subtree:
        if token.i > obj.i and token.i not in cut and token.i == end + 1:
            end = token.i
    return obj.doc[obj.left_edge.i : end + 1]


def _proposer_tokens(head: Token, lexicon: PlanLexicon) -> list[Span]:
    """Spans that may name the proposer: possessor, modifiers, "drafted by X" agent."""
    doc = head.doc
    spans: list[Span] = []
    # The possessor, also where the parser hangs it on the first half of a hyphenated head
    # ("Westport's counter-proposal").
    halves = [c for c in head.lefts if c.dep_ == "compound" and c.i == head.i - 1
              and c.text == "-" and not c.whitespace_]
    owners = [*head.lefts, *(g for c in halves for g in c.subtree if g.head is not head)]
    for child in owners:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            tokens = sorted(child.subtree, key=lambda t: t.i)
            spans.append(doc[tokens[0].i : tokens[-1].i + 1])
        elif child.dep_ in {"compound", "amod", "nmod"} and child.pos_ in {"PROPN", "ADJ", "NOUN"}:
            spans.append(doc[child.i : child.i + 1])
    for child in head.rights:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.casefold() in lexicon.proposer_verbs:
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for obj in (c for c in agent.children if c.dep_ == "pobj"):
                    spans.append(_noun_phrase(obj))
            if child.dep_ == "relcl":
                # "the memorandum Russia handed over on 2 June": the relative clause's subject
                for subject in (c for c in child.children if c.dep_ == "nsubj"
                                and c.pos_ in {"PROPN", "NOUN"}):
                    spans.extend(_with_conjuncts(subject))
        if child.dep_ == "acl" and child.lemma_.casefold() in lexicon.attribution_verbs:
            # "proposals attributed to the team of X"
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "to"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    spans.append(_noun_phrase(obj))
    # "X has called for A and B – a plan endorsed by Y": the plan is X's own proposal.
    # The parser hangs such an appositive on any noun of the clause, so take the subject of
    # the sentence's main verb when that verb proposes or states terms.
    root = head.sent.root
    proposing = lexicon.proposer_verbs | lexicon.term_verbs
    if head.dep_ == "appos" and root.lemma_.casefold() in proposing:
        for subject in (c for c in root.children if c.dep_ == "nsubj" and c.pos_ != "PRON"):
            spans.extend(_with_conjuncts(subject))
    # "The plan was drafted by X": the agent of a passive proposing verb.
    verb = head.head
    if head.dep_ == "nsubjpass" and verb.lemma_.casefold() in lexicon.proposer_verbs:
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for obj in (c for c in agent.children if c.dep_ == "pobj"):
                spans.append(doc[obj.left_edge.i : obj.i + 1])
    # "X proposed a plan", "X drew up a plan": the subject of a proposing verb.
    if head.dep_ == "dobj" and head.head.lemma_.casefold() in lexicon.proposer_verbs:
        for subject in (c for c in head.head.children if c.dep_ == "nsubj"):
            if subject.pos_ != "PRON":
                spans.extend(_with_conjuncts(subject))
    return spans


def _qualifiers(head: Token, tokens: list[Token], lexicon: PlanLexicon) -> tuple[str, ...]:
    found = [t.lemma_.casefold() for t in tokens if t.lemma_.casefold() in lexicon.qualifiers]
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in {"for", "on", "of"}):
        for obj in (c for c in prep.children if c.dep_ in {"pobj", "pcomp"}):
            lemmas = (t.lemma_.casefold() for t in obj.subtree)
            found.extend(lemma for lemma in lemmas if lemma in lexicon.qualifiers)
    for clause in (c for c in head.children if c.dep_ in {"acl", "relcl"}):
        # "a plan to end the war" is a peace plan by its purpose.
        if clause.lemma_.casefold() in lexicon.purpose_verbs and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in clause.children
        ):
            found.append(clause.lemma_.casefold())
    return tuple(dict.fromkeys(found))


def _plan_head(token: Token, lexicon: PlanLexicon, sized: bool) -> bool:
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    lemma = token.lemma_.casefold()
    two = f"{token.nbor(-1).lower_} {token.lower_}" if token.i > 0 else ""
    if lexicon.is_plan_noun(lemma) or lexicon.is_plan_noun(token.lower_):
        return True
    if two in lexicon.plan_nouns:
        return True
    return sized and lemma in lexicon.sized_nouns


def _described_head(token: Token, lexicon: PlanLexicon) -> bool:
    """ "The US offer would see X": a noun that names a proposal only by the terms its own
    sentence gives it."""
    words = {token.lemma_.casefold(), token.lower_}
    return (token.pos_ == "NOUN" and bool(words & lexicon.described_nouns)
            and next(phrase_terms(token, lexicon), None) is not None)


def find_plan_phrases(doc: Doc, pack: Pack, lexicon: PlanLexicon) -> list[PlanPhrase]:
    """Every plan phrase of the Doc, in text order (alias hits outside plan nouns included)."""
    aliases = find_aliases(doc, pack)
    phrases: list[PlanPhrase] = []
    covered: set[int] = set()
    for token in doc:
        if token.i in covered:
            continue
        tokens = _phrase_tokens(token) if token.pos_ in {"NOUN", "PROPN"} else []
        n_points = _size_of(tokens, lexicon) if tokens else None
        if not (_plan_head(token, lexicon, sized=n_points is not None)
                or _described_head(token, lexicon)):
            continue
        # Aliases in the phrase or just after it ("the proposal for a 30-day ceasefire").
        near = (p for s, e, p in aliases if s < token.i + 5 and e > tokens[0].i)
        alias_ids = tuple(dict.fromkeys(near))
        if _is_intention(token, lexicon) and not alias_ids and n_points is None:
            continue
        if _to_be_proposed(token, lexicon) and not alias_ids and n_points is None:
            continue
        n_points = n_points or _stated_size(token, lexicon)
        start, end = tokens[0].i, token.i + 1
        proposer: Proposer | None = None
        named_by: str | None = None
        parties: set[str] = set()
        for span in _proposer_tokens(token, lexicon):
            found = resolve_proposer(span, pack)
            if found is not None:
                proposer = proposer or found
                parties.update([found.party] if found.party else [])
            elif span.root.dep_ in {"poss", "pobj"} and span.root.pos_ == "PROPN":
                # "Freedonia's plan", "drafted by Freedonia": a proposer the pack does not know
                # (a modifier like "SEVEN-POINT" or a reporting subject is no proposer).
                named_by = named_by or span.text
        qualifiers = _qualifiers(token, tokens, lexicon)
        if alias_ids or n_points is not None:
            strength = Strength.STRONG
        elif proposer is not None and (qualifiers or token.lemma_.casefold() != "deal"):
            strength = Strength.WEAK
        elif any(c.dep_ in {"det", "poss"} and c.lower_ not in lexicon.any_determiners
                 for c in token.lefts):
            strength = Strength.ANAPHOR  # "the plan", "a plan", not "any plan"
        else:
            continue  # a bare "plans for peacekeepers" is no reference to a plan
        revision = any(t.lower_ in lexicon.revision_markers for t in tokens)
        new = any(t.lower_ in lexicon.novelty_markers for t in tokens)
        original = any(t.lower_ in lexicon.original_markers for t in tokens)
        phrases.append(
            PlanPhrase(start, end, token.i, strength, n_points, proposer, alias_ids, qualifiers,
                       revision, None if proposer else named_by, new, frozenset(parties),
                       original)
        )
        covered.update(range(start, end))
    for start, end, plan_id in aliases:
        if any(s < end and start < e for s, e in ((p.start, p.end) for p in phrases)):
            continue
        if any(i in covered for i in range(start, end)):
            continue
        phrases.append(PlanPhrase(start, end, end - 1, Strength.STRONG, alias_plans=(plan_id,)))
        covered.update(range(start, end))
    return sorted(phrases, key=lambda p: p.start)
