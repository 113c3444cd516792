"""The ``redline_plans`` spaCy component: finds the peace plans an article names, matches
them to the pack's known plans, and lists the terms the article reports for each.

One ``PlanMention`` per distinct plan per article: "Trump's peace plan", "the plan" and
"Kellogg's plan" in one article are one plan when nothing tells them apart. A plan the pack
does not know and the article describes only by its terms ("the proposals made by X to do A
and to do B") is named from its side and the issues of those terms (``plan_names``); vaguer
mentions of the same side ("Trump's plan" in a headline) join it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import get_lang_class
from spacy.vocab import Vocab

from redline.model import PlanMention, PlanPoint
from redline.nlp.issues import (
    GENERIC_ISSUES,
    IssueHit,
    IssueMatcher,
    Tokenizer,
    issues_between,
)
from redline.nlp.plan_descriptions import continued_terms
from redline.nlp.plan_lexicon import PlanLexicon, load_plan_lexicon
from redline.nlp.plan_matching import match_by_proposer, match_named
from redline.nlp.plan_mentions import PlanPhrase, Strength, find_plan_phrases
from redline.nlp.plan_names import (
    Description,
    describe,
    document_noun,
    names_the_plan,
    side_name,
)
from redline.nlp.plan_proposers import party_of
from redline.nlp.plan_terms import (
    Term,
    bullet_item,
    clause_terms,
    list_items,
    numbered_terms,
    opener_terms,
    opens_list,
    phrase_terms,
    point_numbers,
)
from redline.packs.loader import load_pack
from redline.packs.schema import Pack, PackPlan

# Where a sentence that goes on with the point before stops saying more about it.
_CLAUSE_BREAKS = frozenset({"–", "—", ";", ":"})
_WORDS = re.compile(r"\w+")
# Share of a point's words another point must hold to restate it.
RESTATED = 0.8


@dataclass
class _Group:
    """The phrases of one plan in one article, while the article is read."""

    key: str
    pack_plan: PackPlan | None
    phrases: list[PlanPhrase] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)

    def party(self, pack: Pack) -> str | None:
        if self.pack_plan is not None:
            return party_of(pack, self.pack_plan.proposer)
        return next((p.proposer.party for p in self.phrases if p.proposer), None)


def _compatible(group: _Group, phrase: PlanPhrase, pack: Pack) -> bool:
    party = group.party(pack)
    other = phrase.proposer.party if phrase.proposer else None
    return party is None or other is None or party == other or party in phrase.parties


def _age(group: _Group, owner: dict[int, _Group]) -> tuple[date, int]:
    """Sort key of plans from oldest: announcement date if known, then first mention."""
    announced = group.pack_plan.announced if group.pack_plan else None
    first = min(i for i, g in owner.items() if g is group)
    return (announced or date.max, first)


def _group_phrases(
    phrases: list[PlanPhrase], pack: Pack, published: date | None, stating: set[int],
    heads: list[str],
) -> list[_Group]:
    """One group per plan: named phrases by the pack plan (or size) they name; "X's plan"
    joins the nearest named plan of a compatible side, else a group of its side; "the plan"
    joins the plan named nearest before it with the same head noun ("the framework" after
    "the 20-point framework", though "the 28-point text" came between; ``heads``: the head
    lemmas of the phrases; "the revised plan": the revision named before), else the plan
    named nearest before it ("the original plan": the oldest), or stands alone when no plan
    came before and its sentence lists its terms (``stating``: heads of such phrases)."""
    groups: dict[str, _Group] = {}
    owner: dict[int, _Group] = {}
    for i, phrase in enumerate(phrases):
        if phrase.strength is not Strength.STRONG:
            continue
        plan = match_named(pack, phrase, published)
        key = plan.id if plan else f"points:{phrase.n_points}:{phrase.alias_plans}"
        owner[i] = groups.setdefault(key, _Group(key, plan))
    strong = dict(owner)
    for i, phrase in enumerate(phrases):
        if phrase.strength is not Strength.WEAK:
            continue
        # The nearest named plan of a compatible side, before the phrase first.
        ordered = sorted(strong, key=lambda j: (j > i, abs(j - i)))
        target = next((strong[j] for j in ordered if _compatible(strong[j], phrase, pack)), None)
        if target is None:
            proposer = phrase.proposer
            key = f"party:{proposer.party or proposer.actor}" if proposer else f"phrase:{i}"
            target = groups.setdefault(key, _Group(key, None))
        owner[i] = target
    for i, phrase in enumerate(phrases):
        if phrase.strength is not Strength.ANAPHOR:
            continue
        ordered = sorted(owner, key=lambda j: (j > i, abs(j - i)))
        if phrase.revision:  # "the revised plan": the revision named before
            same = [j for j in ordered if j < i and phrases[j].revision]
        else:
            same = [j for j in ordered if j < i and heads[j] == heads[i]]
        if same and not phrase.original:
            owner[i] = owner[same[0]]
        elif ordered and phrase.original:
            owner[i] = min((owner[j] for j in ordered), key=lambda g: _age(g, owner))
        elif ordered:
            owner[i] = owner[ordered[0]]
        elif phrase.head in stating:
            owner[i] = groups.setdefault(f"described:{i}", _Group(f"described:{i}", None))
    for i, phrase in enumerate(phrases):
        if i in owner:
            owner[i].phrases.append(phrase)
    return [g for g in groups.values() if g.phrases]


def _sentence_terms(
    sent: Span,
    here: list[tuple[int, int]],
    current: int | None,
    after_plan: bool,
    hits: list[IssueHit],
    lexicon: PlanLexicon,
    openers: bool,
) -> list[Term]:
    """The terms one sentence states: through the plan phrases in it, its point markers
    (an ordinal opener, "First, ...", only with ``openers``), or its opening ("Under the
    plan, ..."); only those that name an issue."""
    doc = sent.doc
    found: list[Term] = []
    for head, k in here:
        for start, end in phrase_terms(doc[head], lexicon):
            found.append(Term(k, None, start, end, issues_between(hits, start, end), by=head))
    if current is not None:
        markers = point_numbers(sent, lexicon, openers)
        for k, (marker, numbers) in enumerate(markers):
            # Two points in one sentence: each runs up to the next one's marker.
            segment = (sent.start if k == 0 else marker,
                       markers[k + 1][0] if k + 1 < len(markers) else sent.end)
            for n, start, end in numbered_terms(sent, marker, numbers, segment):
                found.append(Term(current, n, start, end, issues_between(hits, start, end)))
        # A numbered list is the plan's only next to it: far from any plan it is the
        # writer's own list ("In their own words, the two governments: 1. call for ...").
        for n, start, end in list_items(doc, sent.start, sent.end) if openers else ():
            found.append(Term(current, n, start, end, issues_between(hits, start, end)))
        if not found:
            for start, end in opener_terms(sent, lexicon, after_plan):
                found.append(Term(current, None, start, end, issues_between(hits, start, end)))
    # A numbered point that names no issue ("The second point is defence.") stays, so that
    # the sentences that go on with it ("It envisages ...") are its, not the point's before.
    return [t for t in found if t.issues or t.n is not None]


def _continued_issues(
    sent: Span, hits: list[IssueHit], lexicon: PlanLexicon
) -> tuple[str, ...]:
    """Issues of a sentence that goes on with the point before ("And European countries
    could deploy troops..." after "Point three ..."), up to its first clause break."""
    if not len(sent) or sent[0].lower_ not in lexicon.continuation_openers:
        return ()
    end = next((t.i for t in sent if t.text in _CLAUSE_BREAKS), sent.end)
    return issues_between(hits, sent.start, end)


def _continued_terms(
    sent: Span, current: int, group: _Group, hits: list[IssueHit], lexicon: PlanLexicon
) -> tuple[list[Term], bool]:
    """Terms of a sentence that goes on describing the plan ("Ukraine would withdraw X";
    "The second section includes A and B"): only concrete issues, and never a clause that
    holds a mention of the plan itself ("Kyiv would reject the plan"). The flag says whether
    the sentence describes at all ("The first section lists the main terms"), so that the
    description goes on past it."""
    mentions = [(p.start, p.end) for p in group.phrases]
    found: list[Term] = []
    describes = False
    for start, end in continued_terms(sent, lexicon):
        if any(s < end and start < e for s, e in mentions):
            continue
        describes = True
        issues = issues_between(hits, start, end)
        if any(i not in GENERIC_ISSUES for i in issues):
            found.append(Term(current, None, start, end, issues))
    return found, describes


def _collect_terms(
    doc: Doc, groups: list[_Group], hits: list[IssueHit], lexicon: PlanLexicon
) -> None:
    """Attach every term found in the Doc to its plan group."""
    group_at = {p.head: k for k, g in enumerate(groups) for p in g.phrases}
    last_group: int | None = None
    last_numbered: Term | None = None
    after_plan = False
    describing = False  # the sentences since the plan's last mention go on describing it
    listing: int | None = None  # the group whose bulleted list is running
    previous: Span | None = None
    for sent in doc.sents:
        here = [(i, group_at[i]) for i in range(sent.start, sent.end) if i in group_at]
        item = bullet_item(sent)
        if listing is not None and item is not None:
            # "- cap Ukraine's armed forces at 800,000, not 600,000 as in the US draft": one
            # term of the listed plan per item, whatever other plan the item compares it to.
            start, end = item
            issues = issues_between(hits, start, end)
            if issues:
                groups[listing].terms.append(Term(listing, None, start, end, issues))
            continue
        current = here[0][1] if here else last_group
        # "The draft includes:", "According to a copy, it would:" open a list of its terms.
        listing = current if current is not None and opens_list(sent) and (
            here or (after_plan and _plan_pronoun_subject(sent))) else None
        # "First, ..." opens a point only next to the plan or after another point: far from
        # any plan it is the writer's own first remark.
        openers = bool(here) or after_plan or last_numbered is not None
        # After a numbered point, what follows goes on with that point (below), not the plan.
        describing = describing and last_numbered is None
        kept = _sentence_terms(sent, here, current, after_plan or describing, hits, lexicon,
                               openers)
        goes_on = False
        if not kept and current is not None and (here or describing) and (
                last_numbered is None):
            kept, goes_on = _continued_terms(sent, current, groups[current], hits, lexicon)
        describing = bool(kept or here) or goes_on
        numbered = [t for t in kept if t.n is not None]
        extra = () if kept or last_numbered is None else _continued_issues(sent, hits, lexicon)
        if extra and last_numbered is not None:
            terms = groups[last_numbered.group].terms
            grown = replace(
                last_numbered, issues=tuple(dict.fromkeys((*last_numbered.issues, *extra)))
            )
            terms[terms.index(last_numbered)] = grown
            last_numbered = grown
        elif numbered:
            last_numbered = numbered[-1]
        elif kept or here:
            last_numbered = None
        if here and not kept and previous is not None and _gathers_before(sent, lexicon):
            kept = _retro_terms(previous, here[0][1], hits, lexicon)
        for term in kept:
            groups[term.group].terms.append(term)
        previous = sent
        if here:
            last_group = here[-1][1]
        # "The plan has six points. In their own words, the two governments:" - a sentence
        # that opens a list right after the plan hands it on to the list.
        after_plan = bool(here) or (after_plan and opens_list(sent))
    for group in groups:
        group.terms = [t for t in group.terms if t.issues]


def _gathers_before(sent: Span, lexicon: PlanLexicon) -> bool:
    """ "Officials refer to the ideas simply as the Kellogg plan": a definite noun of the
    naming sentence gathers what the sentence before proposed."""
    return any(
        t.lemma_.casefold() in lexicon.retro_nouns
        and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in t.children)
        for t in sent
    )


def _retro_terms(sent: Span, group: int, hits: list[IssueHit],
                 lexicon: PlanLexicon) -> list[Term]:
    """The terms a sentence's proposing verbs state ("Kellogg proposed putting X on hold in
    exchange for Y"), for the plan the next sentence names."""
    found: list[Term] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.casefold() not in lexicon.proposer_verbs:
            continue
        for start, end in clause_terms(verb, lexicon):
            issues = issues_between(hits, start, end)
            if issues:
                found.append(Term(group, None, start, end, issues))
    return found


def _plan_pronoun_subject(sent: Span) -> bool:
    """ "According to a copy seen by the paper, it would:": the plan just named, as "it"."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("it", "they") for t in sent)


def _points(doc: Doc, terms: list[Term]) -> tuple[PlanPoint, ...]:
    """One point per number (issues merged) and per distinct unnumbered excerpt."""
    by_key: dict[object, PlanPoint] = {}
    for term in sorted(terms, key=lambda t: t.start):
        span = doc[term.start : term.end]
        key: object = term.n if term.n is not None else (span.start_char, span.end_char)
        previous = by_key.get(key)
        if previous is not None:
            issues = tuple(dict.fromkeys((*previous.issues, *term.issues)))
            by_key[key] = PlanPoint(previous.n, issues, previous.text, previous.start, previous.end)
            continue
        by_key[key] = PlanPoint(term.n, term.issues, span.text, span.start_char, span.end_char)
    points = list(by_key.values())
    # An unnumbered excerpt another point already says in full ("30-day ceasefire" beside
    # "an immediate 30-day ceasefire in its war") is the same term reported twice.
    kept = [p for p in points if p.n is not None or not any(
        q is not p and _restates(q, p) for q in points)]
    return tuple(sorted(kept, key=lambda p: p.start))


def _restates(longer: PlanPoint, shorter: PlanPoint) -> bool:
    """Whether ``longer`` holds nearly every word and every issue of ``shorter``."""
    words = set(_WORDS.findall(shorter.text.casefold()))
    other = set(_WORDS.findall(longer.text.casefold()))
    return (len(longer.text) > len(shorter.text) and bool(words)
            and len(words & other) >= RESTATED * len(words)
            and set(shorter.issues) <= set(longer.issues))


def _display_name(doc: Doc, phrase: PlanPhrase, lexicon: PlanLexicon) -> str:
    """The phrase without its article and "new"/"proposed"; a bare "plan" takes its
    proposer's name ("Anna Weiss plan")."""
    tokens = list(doc[phrase.start : phrase.end])
    while len(tokens) > 1 and (
        tokens[0].pos_ == "DET" or tokens[0].lower_ in lexicon.anaphoric_modifiers
    ):
        tokens.pop(0)
    name = doc[tokens[0].i : phrase.end].text
    if len(tokens) == 1 and phrase.proposer is not None:
        return f"{phrase.proposer.actor} {name}"
    return name


def _best_phrase(group: _Group) -> PlanPhrase:
    return max(group.phrases, key=lambda p: (p.strength, p.proposer is not None, -p.start))


def _description(doc: Doc, group: _Group, pack: Pack, lexicon: PlanLexicon) -> Description | None:
    """A name from the terms a phrase states ("US proposals on NATO membership"), for a plan
    the pack does not know and no phrase names. A phrase that calls the plan a peace plan
    while stating its terms ("Trump's peace plan calls for X") is the article's name."""
    if group.pack_plan is not None:
        return None
    if any(names_the_plan(doc, p, pack, lexicon) for p in group.phrases):
        return None
    stating = {t.by for t in group.terms if t.by is not None}
    if any(p.head in stating and any(t.lemma_.casefold() in lexicon.qualifiers
                                     for t in doc[p.start : p.end]) for p in group.phrases):
        return None
    return describe(doc, group.terms, group.phrases, pack, lexicon)


def _display_phrase(doc: Doc, group: _Group, pack: Pack, lexicon: PlanLexicon) -> PlanPhrase:
    """The phrase that names the plan best: one with a name of its own before the rest."""
    naming = [p for p in group.phrases if names_the_plan(doc, p, pack, lexicon)]
    return _best_phrase(_Group(group.key, None, naming or group.phrases))


def _to_mention(doc: Doc, group: _Group, pack: Pack, lexicon: PlanLexicon) -> PlanMention:
    best = _best_phrase(group)
    span = doc[best.start : best.end]
    plan = group.pack_plan
    description = _description(doc, group, pack, lexicon)
    if plan is not None:
        name = plan.name
    elif description is not None:
        name = description.name
    else:
        shown = _display_phrase(doc, group, pack, lexicon)
        name = side_name(doc, shown, pack, lexicon) or _display_name(doc, shown, lexicon)
    # An actor the pack does not know keeps the words that name it ("drafted by Freedonia").
    text_proposer = next((p.proposer.actor for p in group.phrases if p.proposer), None) or next(
        (p.named_by for p in group.phrases if p.named_by), None)
    if description is not None and description.proposer:
        text_proposer = description.proposer
    return PlanMention(
        name=name,
        proposer=(plan.proposer if plan and plan.proposer else text_proposer),
        points=_points(doc, group.terms),
        start=span.start_char,
        end=span.end_char,
        n_points=plan.points if plan and plan.points else best.n_points,
        pack_plan=plan.id if plan else None,
        described=description is not None,
    )


def _settle_unnamed(
    doc: Doc, groups: list[_Group], pack: Pack, published: date | None, lexicon: PlanLexicon
) -> list[_Group]:
    """Read "X's plan" as a known plan where the date and terms fit; merge duplicates."""
    by_plan: dict[str, _Group] = {g.pack_plan.id: g for g in groups if g.pack_plan}
    settled: list[_Group] = []
    for group in groups:
        if group.key.startswith("described:") and (
            len(group.terms) < 2 or not any(p.named_by for p in group.phrases)
        ):
            # "the offer to talk": one term is a wish, not a plan; "the terms of the truce
            # include X and Y" with no one proposing them is no one's plan.
            continue
        if group.pack_plan is None and group.key.startswith("party:"):
            term_issues = {i for t in group.terms for i in t.issues}
            nouns = {n for p in group.phrases if (n := document_noun(doc, p, lexicon))}
            plan = match_by_proposer(pack, group.party(pack), published, term_issues, nouns)
            if plan is not None and plan.id in by_plan:
                by_plan[plan.id].phrases.extend(group.phrases)
                by_plan[plan.id].terms.extend(group.terms)
                continue
            qualified = any(p.qualifiers or document_noun(doc, p, lexicon)
                            for p in group.phrases)
            group.pack_plan = plan
            if plan is None and len(group.terms) < 2 and not qualified:
                # "Russia's proposal", "the EU's plan for frozen assets": neither called a
                # peace plan nor listing terms, too vague to stand as a plan of its own.
                continue
        settled.append(group)
    return settled


def _generic_only(doc: Doc, group: _Group, lexicon: PlanLexicon) -> bool:
    """A known plan named only as a kind of thing ("an energy ceasefire can be a first
    step", "to deploy a reassurance force"): every mention a bare name with an indefinite
    determiner, no plan noun, no terms. The article speaks of such truces or forces in
    general, not of the plan."""
    if group.pack_plan is None or group.terms:
        return False
    return all(_generic_mention(doc, p, lexicon) for p in group.phrases)


def _generic_mention(doc: Doc, phrase: PlanPhrase, lexicon: PlanLexicon) -> bool:
    head = doc[phrase.head]
    if lexicon.is_plan_noun(head.lemma_) or lexicon.is_plan_noun(head.lower_):
        return False
    i = phrase.start - 1
    # Back over quote marks and adjectives: "an immediate 30-day ceasefire", "a 'force'".
    while i >= 0 and (doc[i].is_punct or doc[i].pos_ == "ADJ") and doc[i].lower_ not in {
        ".", ";", ":"
    }:
        i -= 1
    return i >= 0 and doc[i].lower_ in lexicon.generic_determiners


# Matchers for callers that bring none, by pack and vocab identity (packs are unhashable);
# both are kept alive with the matcher so their ids are not reused.
_MATCHERS: dict[tuple[int, int], tuple[Pack, Vocab, IssueMatcher]] = {}


def _default_matcher(pack: Pack, vocab: Vocab) -> IssueMatcher:
    """An issue matcher over the pack's cues, tokenised by the plain tokenizer of its
    language over the Doc's vocab (the pipeline component passes its own)."""
    key = (id(pack), id(vocab))
    cached = _MATCHERS.get(key)
    if cached is None or cached[0] is not pack or cached[1] is not vocab:
        tokenizer = get_lang_class(pack.meta.language)(vocab=vocab).tokenizer
        cached = (pack, vocab, IssueMatcher(tokenizer, pack))
        _MATCHERS[key] = cached
    return cached[2]


def extract_plans(
    doc: Doc,
    pack: Pack,
    lexicon: PlanLexicon | None = None,
    matcher: IssueMatcher | None = None,
) -> list[PlanMention]:
    """The plans the article names, one per distinct plan, with their terms, in text order."""
    lexicon = lexicon or load_plan_lexicon()
    phrases = find_plan_phrases(doc, pack, lexicon)
    if not phrases:
        return []
    published: date | None = doc._.published
    hits = (matcher or _default_matcher(pack, doc.vocab)).find(doc)
    stating = {p.head for p in phrases if any(
        issues_between(hits, start, end) for start, end in phrase_terms(doc[p.head], lexicon))}
    heads = [doc[p.head].lemma_.lower() for p in phrases]
    groups = _group_phrases(phrases, pack, published, stating, heads)
    _collect_terms(doc, groups, hits, lexicon)
    groups = _settle_unnamed(doc, groups, pack, published, lexicon)
    groups = [g for g in groups if not _generic_only(doc, g, lexicon)]
    mentions = [_to_mention(doc, g, pack, lexicon) for g in groups]
    return sorted(mentions, key=lambda m: m.start)


class PlanFinder:
    """The pipeline component: sets ``doc._.plans``."""

    def __init__(self, pack: str, tokenizer: Tokenizer) -> None:
        self.pack = load_pack(pack)
        self.lexicon = load_plan_lexicon()
        self.matcher = IssueMatcher(tokenizer, self.pack)

    def __call__(self, doc: Doc) -> Doc:
        doc._.plans = extract_plans(doc, self.pack, self.lexicon, self.matcher)
        return doc


@Language.factory("redline_plans", default_config={"pack": "russia-ukraine"})
def make_plan_finder(nlp: Language, name: str, pack: str) -> PlanFinder:
    return PlanFinder(pack, nlp.tokenizer)
