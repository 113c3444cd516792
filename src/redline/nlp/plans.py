"""The ``redline_plans`` spaCy component: finds the peace plans an article names, matches
them to the pack's known plans, and lists the terms the article reports for each.

One ``PlanMention`` per distinct plan per article: "Trump's peace plan", "the plan" and
"Kellogg's plan" in one article are one plan when nothing tells them apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from redline.model import PlanMention, PlanPoint
from redline.nlp.plan_issues import CueHit, CueMatcher, issues_between
from redline.nlp.plan_lexicon import PlanLexicon, load_plan_lexicon
from redline.nlp.plan_matching import match_by_proposer, match_named
from redline.nlp.plan_mentions import PlanPhrase, Strength, find_plan_phrases
from redline.nlp.plan_proposers import party_of
from redline.nlp.plan_terms import (
    Term,
    list_items,
    numbered_terms,
    opener_terms,
    phrase_terms,
    point_numbers,
)
from redline.packs.loader import load_pack
from redline.packs.schema import Pack, PackPlan

# Where a sentence that goes on with the point before stops saying more about it.
_CLAUSE_BREAKS = frozenset({"–", "—", ";", ":"})


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


def _group_phrases(phrases: list[PlanPhrase], pack: Pack, published: date | None) -> list[_Group]:
    """One group per plan: named phrases by the pack plan (or size) they name; "X's plan"
    joins the nearest named plan of a compatible side, else a group of its side; "the plan"
    joins the plan named nearest before it ("the original plan": the oldest)."""
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
        if ordered and phrase.original:
            owner[i] = min((owner[j] for j in ordered), key=lambda g: _age(g, owner))
        elif ordered:
            owner[i] = owner[ordered[0]]
    for i, phrase in enumerate(phrases):
        if i in owner:
            owner[i].phrases.append(phrase)
    return [g for g in groups.values() if g.phrases]


def _sentence_terms(
    sent: Span,
    here: list[tuple[int, int]],
    current: int | None,
    after_plan: bool,
    hits: list[CueHit],
    lexicon: PlanLexicon,
) -> list[Term]:
    """The terms one sentence states: through the plan phrases in it, its point markers,
    or its opening ("Under the plan, ..."); only those that name an issue."""
    doc = sent.doc
    found: list[Term] = []
    for head, k in here:
        for start, end in phrase_terms(doc[head], lexicon):
            found.append(Term(k, None, start, end, issues_between(hits, start, end)))
    if current is not None:
        markers = point_numbers(sent, lexicon)
        for k, (marker, numbers) in enumerate(markers):
            # Two points in one sentence: each runs up to the next one's marker.
            segment = (sent.start if k == 0 else marker,
                       markers[k + 1][0] if k + 1 < len(markers) else sent.end)
            for n, start, end in numbered_terms(sent, marker, numbers, segment):
                found.append(Term(current, n, start, end, issues_between(hits, start, end)))
        for n, start, end in list_items(doc, sent.start, sent.end):
            found.append(Term(current, n, start, end, issues_between(hits, start, end)))
        if not found:
            for start, end in opener_terms(sent, lexicon, after_plan):
                found.append(Term(current, None, start, end, issues_between(hits, start, end)))
    return [t for t in found if t.issues]


def _continued_issues(
    sent: Span, hits: list[CueHit], lexicon: PlanLexicon
) -> tuple[str, ...]:
    """Issues of a sentence that goes on with the point before ("And European countries
    could deploy troops..." after "Point three ..."), up to its first clause break."""
    if not len(sent) or sent[0].lower_ not in lexicon.continuation_openers:
        return ()
    end = next((t.i for t in sent if t.text in _CLAUSE_BREAKS), sent.end)
    return issues_between(hits, sent.start, end)


def _collect_terms(
    doc: Doc, groups: list[_Group], hits: list[CueHit], lexicon: PlanLexicon
) -> None:
    """Attach every term found in the Doc to its plan group."""
    group_at = {p.head: k for k, g in enumerate(groups) for p in g.phrases}
    last_group: int | None = None
    last_numbered: Term | None = None
    after_plan = False
    for sent in doc.sents:
        here = [(i, group_at[i]) for i in range(sent.start, sent.end) if i in group_at]
        current = here[0][1] if here else last_group
        kept = _sentence_terms(sent, here, current, after_plan, hits, lexicon)
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
        for term in kept:
            groups[term.group].terms.append(term)
        if here:
            last_group = here[-1][1]
        after_plan = bool(here)


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
    return tuple(sorted(by_key.values(), key=lambda p: p.start))


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


def _to_mention(doc: Doc, group: _Group, pack: Pack, lexicon: PlanLexicon) -> PlanMention:
    best = _best_phrase(group)
    span = doc[best.start : best.end]
    plan = group.pack_plan
    # An actor the pack does not know keeps the words that name it ("drafted by Freedonia").
    text_proposer = next((p.proposer.actor for p in group.phrases if p.proposer), None) or next(
        (p.named_by for p in group.phrases if p.named_by), None)
    return PlanMention(
        name=plan.name if plan else _display_name(doc, best, lexicon),
        proposer=(plan.proposer if plan and plan.proposer else text_proposer),
        points=_points(doc, group.terms),
        start=span.start_char,
        end=span.end_char,
        n_points=plan.points if plan and plan.points else best.n_points,
        pack_plan=plan.id if plan else None,
    )


def _settle_unnamed(groups: list[_Group], pack: Pack, published: date | None) -> list[_Group]:
    """Read "X's plan" as a known plan where the date and terms fit; merge duplicates."""
    by_plan: dict[str, _Group] = {g.pack_plan.id: g for g in groups if g.pack_plan}
    settled: list[_Group] = []
    for group in groups:
        if group.pack_plan is None and group.key.startswith("party:"):
            term_issues = {i for t in group.terms for i in t.issues}
            plan = match_by_proposer(pack, group.party(pack), published, term_issues)
            if plan is not None and plan.id in by_plan:
                by_plan[plan.id].phrases.extend(group.phrases)
                by_plan[plan.id].terms.extend(group.terms)
                continue
            group.pack_plan = plan
            qualified = any(p.qualifiers for p in group.phrases)
            if plan is None and len(group.terms) < 2 and not qualified:
                # "Russia's proposal", "the EU's plan for frozen assets": neither called a
                # peace plan nor listing terms, too vague to stand as a plan of its own.
                continue
        settled.append(group)
    return settled


def extract_plans(
    doc: Doc,
    pack: Pack,
    lexicon: PlanLexicon | None = None,
    matcher: CueMatcher | None = None,
) -> list[PlanMention]:
    """The plans the article names, one per distinct plan, with their terms, in text order."""
    lexicon = lexicon or load_plan_lexicon()
    phrases = find_plan_phrases(doc, pack, lexicon)
    if not phrases:
        return []
    published: date | None = doc._.published
    groups = _group_phrases(phrases, pack, published)
    hits = (matcher or CueMatcher(pack)).find(doc)
    _collect_terms(doc, groups, hits, lexicon)
    groups = _settle_unnamed(groups, pack, published)
    mentions = [_to_mention(doc, g, pack, lexicon) for g in groups]
    return sorted(mentions, key=lambda m: m.start)


class PlanFinder:
    """The pipeline component: sets ``doc._.plans``."""

    def __init__(self, pack: str) -> None:
        self.pack = load_pack(pack)
        self.lexicon = load_plan_lexicon()
        self.matcher = CueMatcher(self.pack)

    def __call__(self, doc: Doc) -> Doc:
        doc._.plans = extract_plans(doc, self.pack, self.lexicon, self.matcher)
        return doc


@Language.factory("redline_plans", default_config={"pack": "russia-ukraine"})
def make_plan_finder(nlp: Language, name: str, pack: str) -> PlanFinder:
    return PlanFinder(pack)
