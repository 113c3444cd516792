"""The ``redline_claims`` spaCy component: who proposes, demands, accepts, rejects or
threatens what, with how sure the article is and when it was said.

``extract_claims(doc, pack)`` reads stance cues (``stance``), their frames in the parse
(``claim_frames``), the holders (``claim_holders``), issues (``issues``), hedges (``status``)
and dates (``dates``), links positions to the plan they are about (``claim_plans``), then
keeps one claim per (actor, issue, stance) with every sentence that supports it as evidence
(``claim_assembly``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from redline.model import WHOLE_PLAN, Claim, Mention, TextSpan
from redline.nlp.claim_assembly import (
    Candidate,
    ClaimDraft,
    is_belligerent,
    is_reciprocal,
    merge_drafts,
    plan_point_drafts,
)
from redline.nlp.claim_features import Features, candidate_features
from redline.nlp.claim_finder import (
    PAIR_KINDS,
    ClaimFinder,
    finder_pairs,
    load_finder,
    pair_features,
)
from redline.nlp.claim_frames import (
    Frame,
    contrasted,
    frame_of,
    matrix_subjects,
    misattached_predicate,
    subjects_of,
    subtree_ids,
)
from redline.nlp.claim_holders import Holder, HolderIndex
from redline.nlp.claim_plans import narrow_plan_issue, plan_in, proposer_party
from redline.nlp.claim_rules import (
    ANAPHORS,
    answers_in_kind,
    antecedent_issues,
    asks_a_question,
    asserts_own_side,
    complement_of,
    definite_anaphor,
    desire_governor,
    exhorted,
    harms_only_others,
    has_object,
    hypothetical,
    issues_for,
    judges_a_person,
    media_status,
    names_a_title,
    object_anaphor,
    object_is_anaphor,
    own_intention,
    predicted,
    segment_subject,
    states_plan_content,
)
from redline.nlp.claim_scorer import ClaimScorer, load_scorer
from redline.nlp.claim_segments import Segment, segments_of
from redline.nlp.dates import resolve_statement_date
from redline.nlp.doc_cache import text_of
from redline.nlp.genre import detect_genre
from redline.nlp.issue_coreference import with_coreferent_hits, with_plan_hits
from redline.nlp.issue_similarity import IssueSimilarity
from redline.nlp.issues import IssueHit, IssueMatcher, concrete_issues
from redline.nlp.plan_lexicon import load_plan_lexicon
from redline.nlp.stance import (
    StanceCue,
    StanceLexicon,
    find_stance_cues,
    has_modal,
    is_negated,
    load_stance_lexicon,
    resolve_stance,
)
from redline.nlp.status import HedgeLexicon, hedge_status, load_hedge_lexicon, strongest
from redline.packs.loader import load_pack, resolve_pack_dir
from redline.packs.schema import Pack

# Nouns that show a call is for one's own plan (a proposal) rather than a demand on another.
PROPOSAL_NOUNS = frozenset({"plan", "proposal", "blueprint", "initiative", "framework", "roadmap"})
VERBAL_KINDS = frozenset({"verb", "phrasal", "threat", "obligation", "intention"})
# Stances whose object may set an alternative aside ("X rather than Y").
POSITIVE_STANCES = frozenset({"propose", "demand", "accept"})
# Quote speakers found by position only, not by a verb of saying.
GUESSED_SPEAKERS = frozenset({"nearby"})
# The consequence clause of a condition ("talks would not be constructive unless ...") is
# part of the condition, not an evaluation of its own.
EVALUATIVE_KINDS = frozenset({"adjective", "evaluation", "phrase"})
# What the main clause of a condition does, when it is an offer: its object and complements,
# not its adjuncts ("according to people briefed on the talks").
OFFER_DEPS = frozenset({"dobj", "xcomp", "ccomp", "attr", "oprd", "acomp", "prt", "prep"})
# Cues whose object may name its issue by words of the issue's definition, not by a cue.
SIMILARITY_KINDS = frozenset({"verb", "phrasal", "obligation", "noun", "adjective", "phrase",
                              "evaluation"})
# Cues whose pronoun object may point back past the sentence ("ready for it"); in an
# obligation or a threat "it" is mostly the war itself ("should have ended it").
ANAPHORIC_KINDS = frozenset(
    {"verb", "phrasal", "noun", "adjective", "evaluation", "phrase", "consequence"}
)


@dataclass
class ClaimContext:
    """What extraction needs besides the Doc: the pack and the lexicons."""

    pack: Pack
    issues: IssueMatcher
    stance: StanceLexicon
    hedges: HedgeLexicon
    plan_nouns: frozenset[str] = frozenset()  # heads of plan phrases ("proposal", "framework")
    similar: IssueSimilarity | None = None  # the issue closest in words, where no cue names one


def make_context(pack: Pack, tokenizer: Callable[[str], Doc]) -> ClaimContext:
    return ClaimContext(pack, IssueMatcher(tokenizer, pack), load_stance_lexicon(),
                        load_hedge_lexicon(), load_plan_lexicon().plan_nouns,
                        IssueSimilarity(pack))


def _adjust_stance(stance: str, cue: StanceCue, holders: list[Holder], seg: Span,
                   index: HolderIndex, process: bool = False) -> str:
    verb = seg.doc[cue.token]
    if stance == "demand" and cue.kind == "obligation" and _on_both_sides(verb):
        return "propose"  # "both armies should stop at the battle line": a term for both
    if stance != "demand" or cue.kind not in ("phrasal", "verb"):
        return stance
    if any(h.via == "plan" for h in holders):
        return "propose"  # a plan "calls for" its own terms
    if process and not _addressee(verb, index):
        return "propose"  # "requested direct talks": asking, of no one, for what both do
    addressed = _addressed(verb, index) if process else []
    if addressed and not any(is_belligerent(index.pack, m.party) for m in addressed):
        return "propose"  # "asked Switzerland to host the summit": a venue, not a concession
    if (cue.kind == "phrasal" and not _addressee(verb, index)
            and any(t.lemma_.lower() in PROPOSAL_NOUNS and not _in_other_clause(t, cue)
                    for t in seg)):
        return "propose"  # "X called for ... - a plan endorsed by Y": a call for one's own plan
    return stance


def _called_on(verb: Token) -> list[Token]:
    """Whom a call is made on: "called on partners to ...", "urged upon Kyiv"."""
    return [g for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ in ("on", "upon")
            for g in p.children if g.dep_ == "pobj"]


def _addresses_one_side(verb: Token, index: HolderIndex, side_nouns: frozenset[str]) -> bool:
    """ "urged the Russian president to come to the table": the call is made on one named
    actor (not on "both sides" or "the parties")."""
    addressed = [c for c in verb.children if c.dep_ == "dobj"] + _called_on(verb)
    for target in addressed:
        both = target.lemma_.lower() in side_nouns and target.tag_ in ("NNS", "NNPS")
        both = both or any(c.lower_ in ("both", "two", "all") for c in target.children)
        if not both and index.mentions_of(target):
            return True
    return False


def _points_back(token: Token, war_nouns: frozenset[str]) -> bool:
    """Whether a word of the object may point back to a measure named before: "it", "this
    idea"; not "demands that Kyiv ..." (a relative or complementiser word), "this war" (the
    war itself), nor "which it itself started" (the subject of a relative clause acts)."""
    return (token.lower_ in ANAPHORS and token.tag_ != "WDT" and token.dep_ != "mark"
            and not (token.dep_ == "det" and token.head.lemma_.lower() in war_nouns)
            and not (token.dep_ == "nsubj" and token.head.dep_ == "relcl"))


def _in_other_clause(token: Token, cue: StanceCue) -> bool:
    """Whether the token lies in a clause with a subject of its own below or beside the cue
    ("..., saying Russia had answered every peace initiative with missiles")."""
    node = token
    while node.head.i != node.i and node.i != cue.token:
        node = node.head
        if node.i != cue.token and node.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
    return False


def _on_both_sides(verb: Token) -> bool:
    """Whether an obligation binds both sides ("both sides should", "Russia and Ukraine
    must", "all parties should"): a proposed term, not a demand on the other side."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in ("both", "all") or any(
            c.lower_ in ("both", "all", "two") and c.dep_ in ("det", "predet", "nummod", "amod")
            for c in subject.children
        ):
            return True
        if any(c.dep_ == "conj" for c in subject.children):
            return True
    return False


def _forbids_other_side(verb: Token, holder: Holder, index: HolderIndex) -> bool:
    """ "Ukraine must not join NATO", in Moscow's words: an obligation to refrain laid on an
    actor of another side insists that it concede, so it is a demand (not "borders must not
    be changed", where nobody is made to refrain)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    parties = {m.party for s in subjects for _, m in index.mentions_of(s)}
    return bool(parties) and None not in parties and holder.party not in parties


def _addressed(verb: Token, index: HolderIndex) -> list[Mention]:
    """The actors a call, request or directive is made on ("asked Switzerland to ...",
    "told Kyiv to accept")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + _called_on(verb)
    return [m for o in objects for _, m in index.mentions_of(o)]


def _addressee(verb: Token, index: HolderIndex) -> bool:
    """ "called on Moscow to respond", "pressed Kyiv": the call is made on an actor, so it
    demands of that actor whatever plan it names."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for p in verb.children if p.dep_ in ("prep", "prt")
                for g in p.children if g.dep_ == "pobj"]
    # "called on partners to ...": a call made on someone, named by the pack or not
    return bool(_called_on(verb)) or any(index.mentions_of(o) for o in objects)


def _person_over_state(holders: list[Holder], index: HolderIndex, doc: Doc,
                       token: Token, report_verbs: frozenset[str]) -> list[Holder]:
    """ "Putin said the Kremlin was prepared …": the person who says it holds the position."""
    if not holders or any(h.kind == "person" for h in holders):
        return holders
    speakers = index.resolve(token, matrix_subjects(token, report_verbs), "speaker")
    people = [s for s in speakers if s.kind == "person"]
    if people and all(h.party == people[0].party for h in holders):
        return people
    return holders


def _holders(
    index: HolderIndex, doc: Doc, cue: StanceCue, frame: Frame, report_verbs: frozenset[str]
) -> list[Holder]:
    token = doc[cue.token]
    quote = index.quote_at(token)
    if quote is not None and quote.resolution in GUESSED_SPEAKERS and frame.fallback_holders:
        # "X raged that the delivery 'could end badly'": the verb of saying names who speaks,
        # which beats a speaker guessed from the quote's surroundings.
        reporters = [
            holder for candidate in frame.fallback_holders
            for found, mention in index.mentions_of(candidate)
            if (holder := index.from_mention(found, mention, "speaker")) is not None
        ]
        if reporters:
            return reporters
    saved = index.plans
    if not frame.allow_plan_holder:
        index.plans = []
    try:
        candidates = frame.holders
        voicing = frame.fallback_holders[0].head if frame.fallback_holders else None
        if (cue.kind == "noun" and not candidates and voicing is not None
                and not any(c.dep_ == "neg" for c in voicing.children)):
            # "the Russians had signalled a willingness to ...": whoever voices the noun
            # holds it, in reported speech too (not "Russia cannot have a veto")
            candidates = frame.fallback_holders
        holders = index.resolve(token, candidates, frame.via, strict=cue.kind == "noun")
        if not holders and frame.fallback_holders:
            holders = index.resolve(token, frame.fallback_holders, "subject")
    finally:
        index.plans = saved
    if cue.kind != "noun" and index.quote_at(token) is None:
        holders = _person_over_state(holders, index, doc, token, report_verbs)
    return holders


def _object_is_stance_noun(verb: Token, noun_cues: set[int]) -> bool:
    """The verb's direct object, or the head of "a list of demands", is a stance noun."""
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        if child.i in noun_cues:
            return True
        of_objects = [g for p in child.children if p.lower_ == "of" for g in p.children]
        if any(g.i in noun_cues for g in of_objects):
            return True
    return False


def _only(token: Token, cue: StanceCue) -> bool:
    """ "would only agree to", "is only ready for": acceptance restricted to what is named."""
    if cue.kind not in ("verb", "phrasal", "adjective"):
        return False
    doc = token.doc
    before = token.i - 1
    if before > 0 and doc[before].pos_ == "AUX":
        before -= 1  # "is only ready", "only be agreed"
    return before >= 0 and doc[before].lower_ == "only" and doc[before].dep_ == "advmod"


def _reported_speech(token: Token, report_verbs: frozenset[str]) -> bool:
    """The clause is what someone is said to say: a verb of saying above it ("officials said
    Moscow would …") or set into it ("Putin, the people said, could agree …")."""
    chain = [token, *token.ancestors]
    if not any(node.lemma_.lower() in report_verbs for node in chain[1:]) and not any(
            c.dep_ == "parataxis" and c.lemma_.lower() in report_verbs
            for node in chain for c in node.children):
        return False
    return bool(matrix_subjects(token, report_verbs))


def _noun_has_holder(frame: Frame) -> bool:
    return bool(frame.holders or frame.fallback_holders)


@dataclass
class SentenceState:
    """Issues of the latest positions, for anaphora ("balked at this idea")."""

    recent: list[str]
    previous: list[str] = field(default_factory=list)  # concrete issues named just before


def segment_drafts(
    doc: Doc, seg: Segment, ctx: ClaimContext, index: HolderIndex, hits: list[IssueHit],
    state: SentenceState,
) -> list[ClaimDraft]:
    """Claim drafts of one sentence segment (a sentence cut at line breaks)."""
    drafts: list[ClaimDraft] = []
    span = doc[seg.start : seg.end]
    seg_hits = [h for h in hits if seg.start <= h.start and h.end <= seg.end]
    base_status = strongest(
        hedge_status(span, ctx.hedges), media_status(span, index, ctx.hedges.media_verbs)
    )
    evidence = TextSpan(seg.start_char, seg.end_char, span.text)
    interrogative = span.text.rstrip().rstrip("”’\"'").endswith("?")
    cues = find_stance_cues(span, ctx.stance)
    condition_mains = {c.token for c in cues if c.kind == "condition"}
    # "if Russia stops the strikes, we will respond in kind": the same measure offered by
    # both sides is proposed, and the answer is no threat
    in_kind = {c.token for c in cues if c.kind == "condition" and c.stance == "demand"
               and c.clause is not None
               and issues_for(Frame([], "", subtree_ids(doc[c.clause])), seg_hits, set(), doc)
               and answers_in_kind(doc[c.token], doc[c.clause], ctx.stance.reciprocal_answers)}
    verbal = [c.token for c in cues if c.kind in VERBAL_KINDS]
    noun_cues = {c.token for c in cues if c.kind == "noun"}
    inside = set(range(seg.start, seg.end))
    frames = [frame_of(doc, cue, ctx.stance) for cue in cues]
    found_issues: list[str] = []
    # What is demanded or proposed may itself contain "agree"/"refuse": the terms of the
    # demand ("conditions include Kyiv agreeing never to join NATO"), not a position taken.
    terms: set[int] = set()
    for cue, frame in zip(cues, frames, strict=True):
        if frame is not None and resolve_stance(cue) in ("demand", "propose"):
            asserted = [subtree_ids(doc[c.token]) for c in cues
                        if _own_side_clause(doc, cue, c, index)
                        or _relative_assertion(doc[c.token], index)]
            terms |= frame.region.difference(*asserted)
    # "ruled out ceding", "refused to accept": the inner predicate is what the outer one
    # accepts or rejects, so it is read through the outer one, not on its own.
    complements: dict[int, list[StanceCue]] = {}
    # "will keep tightening sanctions", "will continue to ask for Patriots": an intention to
    # take a stance is that stance itself.
    stance_intentions: set[int] = set()
    for outer in cues:
        if outer.kind not in VERBAL_KINDS and outer.kind != "adjective":
            continue  # "not prepared to accept": readiness is read with what it is ready for
        for inner in cues:
            if (inner.kind in VERBAL_KINDS and inner.token != outer.token
                    and complement_of(doc[inner.token], doc[outer.token])
                    and not _own_side_clause(doc, outer, inner, index)):
                if outer.kind == "intention":
                    stance_intentions.add(outer.token)
                    continue
                complements.setdefault(outer.token, []).append(inner)
    embedded = {inner.token for inners in complements.values() for inner in inners}
    readied = {inner.token for outer in cues if outer.kind == "adjective"
               for inner in complements.get(outer.token, [])}
    embedded |= stance_intentions
    # "supported Trump's position that the line of contact should be the starting point":
    # an obligation inside what is accepted or rejected is that content, not a new demand.
    endorsed: set[int] = set()
    for cue, frame in zip(cues, frames, strict=True):
        if (frame is not None and cue.kind in ("verb", "phrasal")
                and resolve_stance(cue) in ("accept", "reject")):
            endorsed |= frame.region
    embedded |= {c.token for c in cues if c.kind == "obligation" and c.token in endorsed}
    # A condition or trade nested in another cue's object is a position of its own ("wanted
    # Kyiv to withdraw in exchange for a freeze": the freeze is offered, not demanded).
    clauses = [subtree_ids(doc[c.clause]) for c in cues
               if c.kind == "condition" and c.clause is not None]
    demanded_clauses = [subtree_ids(doc[c.clause]) for c in cues if c.kind == "condition"
                        and c.stance == "demand" and c.clause is not None]
    # "agree or face sanctions": the sanctions are faced, not part of what is demanded; the
    # act is read through the ultimatum
    clauses += [subtree_ids(doc[c.token]) for c in cues if c.kind == "ultimatum"]
    embedded |= {c.token for c in cues if c.kind in VERBAL_KINDS
                 and any(u.kind == "ultimatum" and u.clause == c.token for u in cues)}
    vetoes = {c.token for c in cues if c.kind == "condition" and c.clause is not None
              and doc[c.start].lower_ in ctx.stance.release_words
              and not issues_for(Frame([], "", subtree_ids(doc[c.clause])), seg_hits, set(), doc)}
    for cue, frame in zip(cues, frames, strict=True):
        token = doc[cue.token]
        stance = resolve_stance(cue)
        if cue.kind == "adjective" and cue.negated and cue.token in complements:
            stance = "reject"  # "not ready to accept", "not prepared to sign"
        if stance is None or frame is None:
            continue
        if cue.kind not in ("condition", "ultimatum"):
            for clause in clauses:
                if cue.token not in clause:
                    frame.region -= clause
        if stance in ("accept", "reject") and cue.kind in VERBAL_KINDS and cue.token in terms:
            continue
        if cue.token in embedded and not (cue.kind == "condition" and cue.token in readied):
            continue  # a condition on what one is ready for is still demanded
        if (cue.kind == "phrase" and stance in POSITIVE_STANCES and not frame.holders
                and any(cue.token in clause for clause in demanded_clauses)):
            continue  # "open to talks, but only on the basis of …": the basis is demanded
        if cue.kind in ("verb", "phrasal") and asks_a_question(token, ctx.stance):
            continue
        if cue.kind == "evaluation" and judges_a_person(token, index):
            continue
        if cue.token in in_kind:
            if cue.kind == "threat":
                continue
            if cue.kind == "condition":
                stance = "propose"
        if stance == "accept" and not cue.negated and _only(token, cue):
            stance = "demand"  # "Moscow would only agree to a settlement that …": a condition
        inner_stances = {resolve_stance(c) for c in complements.get(cue.token, [])}
        if cue.kind == "adjective" and not cue.negated and inner_stances == {"reject"}:
            stance = "reject"  # "ready to reject the plan"
        if stance == "demand" and cue.kind in ("verb", "phrasal") and "reject" in inner_stances:
            # "urged Kyiv to hold off on it", "asked Kyiv not to accept it": pressing another
            # to refuse something rejects it
            stance = "reject"
        elif stance in ("reject", "threaten") and cue.kind in ("verb", "phrasal") and (
            stance == "reject" or "reject" in inner_stances
        ):
            predicates = [cue.token, *(c.token for c in complements.get(cue.token, []))]
            # the parse may hang the way out on the object ("block the plan to fund Ukraine
            # unless ..."); it still lifts the refusal
            reach = set(predicates) | {i for c in complements.get(cue.token, [])
                                       for i in subtree_ids(doc[c.token])}
            if any(v in reach for v in vetoes):
                # "threatening to block the plan unless others share the risks", "refused to
                # sign unless ...": a refusal with a way out demands it; the way out names no
                # issue, so the demand is on what is refused
                stance = "demand"
            elif stance == "threaten":
                stance = "reject"  # "threatened to block the sanctions package"
        light = token.lemma_.lower() in ctx.stance.light_verbs
        if light and cue.kind in ("verb", "phrasal") and _object_is_stance_noun(token, noun_cues):
            continue  # "set out its terms", "presented demands": the noun says what it is
        # "if peace came, he sees no point in foreign troops": a refusal in the main clause
        # of a condition is said outright; other judgements there are hypothetical
        judged = cue.kind in EVALUATIVE_KINDS and not (cue.kind == "phrase" and stance == "reject")
        if cue.kind != "condition" and (
            hypothetical(token, ctx.stance, seg)
            or (cue.token in condition_mains and judged)
            or (token.head.i in condition_mains and judged)
        ):
            continue
        quote = index.quote_at(token)
        if quote is None and interrogative:
            continue  # "Is there any scenario in which Ukraine accepts …?": a question asked
        named_quote = quote is not None and index.speaker_holder(quote) is not None
        # reported speech the quotes did not take ("Putin, the people said, could agree …")
        reported = (quote is not None and bool(quote.speaker)) or _reported_speech(
            token, ctx.stance.report_verbs)
        if predicted(token, cue, named_quote, reported):
            continue
        if cue.kind == "noun" and not _noun_has_holder(frame):
            continue
        prenominal = token.i < token.head.i and token.head.pos_ in ("NOUN", "PROPN")
        if (cue.kind in ("verb", "phrasal") and (token.dep_ == "amod" or prenominal)
                and misattached_predicate(token) is None):
            continue  # "Trump's proposed peace plan" describes, it takes no position
        if stance not in ("demand", "propose"):
            for other in verbal:  # a nested stance predicate states its own position
                if other != cue.token and other in frame.region and other not in embedded:
                    frame.region -= subtree_ids(doc[other])
        wisher = desire_governor(token, ctx.stance.desire_verbs)
        if wisher is not None and cue.kind in ("verb", "phrasal") and stance != "threaten":
            # "we want to see Russia accept the truce": what one wishes another does is demanded
            stance = "demand"
            frame.holders, frame.via = subjects_of(wisher)
            frame.fallback_holders = matrix_subjects(wisher, ctx.stance.report_verbs)
        if (cue.kind in ("verb", "phrasal") and stance in ("accept", "propose")
                and exhorted(token, ctx.stance.exhortation_nouns)):
            stance = "demand"  # "it is time (for Russia) to agree to a ceasefire"
            frame.holders = []
            frame.fallback_holders = matrix_subjects(token, ctx.stance.report_verbs)
        frame.region &= inside
        set_aside = (contrasted(doc, frame.region, ctx.stance.obligation_modals)
                     if stance in POSITIVE_STANCES else set())
        frame.region -= set_aside
        if frame.holders and not any(t.i in inside for t in frame.holders):
            frame.holders = segment_subject(doc, seg, cue, index)
        frame.holders = [t for t in frame.holders if t.i in inside]
        frame.fallback_holders = [t for t in frame.fallback_holders if t.i in inside]
        holders = _holders(index, doc, cue, frame, ctx.stance.report_verbs)
        if states_plan_content(token, ctx.plan_nouns):
            # "According to the plan, Putin would stay ...": the plan's terms, held by its
            # proposer (as plan terms), not by the clause's subject
            holders = [h for h in holders if h.via == "plan"]
        if not holders:
            continue
        if asserts_own_side(doc, cue, holders, index):
            continue
        if cue.kind == "intention" and not own_intention(doc, cue, holders, index, ctx.stance):
            continue
        if cue.kind == "consequence" and harms_only_others(doc, cue, holders, index,
                                                           ctx.stance.warning_verbs):
            continue
        blocked = {t.i for h in frame.holders for t in h.subtree if t.i not in frame.region}
        own = range(cue.start, cue.end) if cue.kind in VERBAL_KINDS else range(0)
        issues = issues_for(frame, seg_hits, blocked, doc, frozenset(own))
        source = "issue:cue"
        if cue.kind == "intention" and not issues:
            continue  # "Moscow would study it": an intention names its own term
        anaphoric = any(
            _points_back(doc[i], ctx.stance.war_nouns) for i in frame.region | frame.demoted
        ) or (
            definite_anaphor(doc, frame.region, ctx.stance.anaphoric_nouns)
        )
        carries = not (cue.kind == "condition" and cue.stance == "demand")
        if carries and anaphoric and (not issues or object_is_anaphor(doc, frame)):
            # "balked at this idea", "condemned it", "we will achieve this by force"
            outside = blocked | frame.region  # "this proposal" is not its own antecedent
            # The antecedent is in this sentence, in the positions just reported, or else
            # among the measures the sentence before named ("... the ceasefire would cover
            # the whole front. Ukraine was ready for it, he said").
            issues = antecedent_issues(seg_hits, cue, outside) or state.recent or issues
            source = "issue:anaphor"
            if (not issues and cue.kind in ANAPHORIC_KINDS
                    and object_anaphor(doc, cue, frame, ctx.stance.anaphoric_nouns)):
                issues = state.previous
        elif not issues and cue.kind in VERBAL_KINDS and not has_object(doc, frame):
            issues = state.recent  # "'Russia refused,' a source said"
            source = "issue:recent"
        if (not issues and not anaphoric and ctx.similar is not None
                and cue.kind in SIMILARITY_KINDS):
            # "Russia's memorandum sought considerably lower limits": no cue, but the words of
            # the object belong to one issue
            near = ctx.similar.closest(doc, frame.region - blocked)
            issues = [near] if near else []
            source = "issue:similar"
        if not issues and stance == "threaten" and not seg_hits:
            # "Moscow has vowed to retaliate": a threat naming no measure answers the one
            # named just before
            issues = state.previous
            source = "issue:previous"
        if not issues:
            continue
        issues = narrow_plan_issue(issues, frame, index, doc, seg, ctx.plan_nouns)
        process = all((known := ctx.pack.issue(i)) is not None and known.process
                     for i in issues) and not any(
            doc[i].lemma_.lower() in ctx.stance.inclusion_nouns for i in frame.region)
        stance = _adjust_stance(stance, cue, holders, span, index, process)
        plan = plan_in(frame, index, doc, seg, ctx.plan_nouns)
        own_plan = proposer_party(index, plan)
        denied = (_denied_issues(issues, frame, seg_hits, token, ctx.stance)
                  if stance == "demand" and cue.kind in ("verb", "phrasal") else set())
        cue_word = token.lemma_.lower()
        signals = {source, *(["negated"] if cue.negated else []),
                   *(["quote"] if quote is not None else []),
                   *(["named_quote"] if named_quote else []),
                   *(["wish"] if wisher is not None else []),
                   *(["anaphoric"] if anaphoric else []),
                   *(["several_issues"] if len(issues) > 1 else []),
                   *(["several_holders"] if len(holders) > 1 else [])}
        # "he told Trump to ...", with "he" taken for Trump: no one directs himself
        addressed = ({m.actor for m in _addressed(token, index)}
                     if cue_word in ctx.stance.directive_verbs else set())
        for holder in holders:
            if holder.actor in addressed:
                continue
            status = strongest(base_status, holder.floor)
            # "Washington pressed Kyiv to sign on to its plan": pressing for one's own plan
            # proposes it
            held = "propose" if stance == "demand" and own_plan == holder.party else stance
            # "Grossi called for the local ceasefire to be extended", "Fidan called on both
            # sides to work towards a ceasefire": a third party calling for what both sides
            # would do together puts it forward
            mediating = (held == "demand" and cue.kind == "phrasal"
                         and token.lemma_.lower() in ctx.stance.appeal_verbs
                         and not is_belligerent(ctx.pack, holder.party)
                         and not _addresses_one_side(token, index, ctx.stance.side_nouns))
            for issue in issues:
                # "insisted that no Western troops be stationed": demanding it not happen
                kept = "reject" if issue in denied else held
                if (kept == "reject" and cue.kind == "obligation"
                        and is_negated(token, ctx.stance)
                        and _forbids_other_side(token, holder, index)):
                    kept = "demand"
                if mediating and kept == "demand" and is_reciprocal(ctx.pack, issue):
                    kept = "propose"
                marks = {f"via:{holder.via}", *(["denied"] if issue in denied else []),
                         *(["mediating"] if mediating else [])}
                drafts.append(ClaimDraft(holder.actor, holder.party, issue, kept, status,
                                         evidence, plan.name if plan else None, cue.kind,
                                         cue_word, frozenset(signals | marks)))
        if stance != "threaten":
            # "... sanctions would follow. Putin did not accept.": what is accepted or refused
            # without an object is what was put forward, not the threat that backs it
            found_issues.extend(issues)
        if set_aside:
            # "go directly to a peace agreement rather than a ceasefire": the alternative set
            # aside is rejected by the same holders
            aside = Frame(frame.holders, frame.via, set_aside)
            for issue in issues_for(aside, seg_hits, blocked, doc):
                for holder in holders:
                    drafts.append(ClaimDraft(holder.actor, holder.party, issue, "reject",
                                             strongest(base_status, holder.floor), evidence,
                                             None, cue.kind, cue_word,
                                             frozenset({*signals, "set_aside"})))
        if cue.kind in ("condition", "ultimatum") and cue.stance == "threaten" and frame.demoted:
            # The condition itself is what the threatener demands.
            demand = Frame(frame.holders, frame.via, frame.demoted & inside)
            for issue in issues_for(demand, seg_hits, blocked, doc):
                for holder in holders:
                    drafts.append(ClaimDraft(holder.actor, holder.party, issue, "demand",
                                             strongest(base_status, holder.floor), evidence,
                                             None, cue.kind, cue_word,
                                             frozenset({*signals, "threat_condition"})))
        if cue.kind == "condition" and cue.stance == "demand" and _offers(token, cue, frame,
                                                                          cues, ctx.stance):
            # "he would freeze the front line if Ukraine left Donetsk": what the holder would
            # do in return is offered
            offered = {i for c in token.children if c.dep_ in OFFER_DEPS
                       and c.lower_ not in ("according", "after", "before", "during")
                       for i in subtree_ids(c)}
            offer = Frame(frame.holders, frame.via, offered & inside - set(frame.region))
            for issue in issues_for(offer, seg_hits, blocked, doc, frozenset({token.i})):
                for holder in holders:
                    drafts.append(ClaimDraft(holder.actor, holder.party, issue, "propose",
                                             strongest(base_status, holder.floor), evidence,
                                             None, cue.kind, cue_word,
                                             frozenset({*signals, "offer"})))
    if found_issues:
        state.recent = list(dict.fromkeys(found_issues))
    return drafts


def _offers(main: Token, cue: StanceCue, frame: Frame, cues: list[StanceCue],
            lexicon: StanceLexicon) -> bool:
    """Whether the main clause of a condition is the holder's own conditional act ("we would
    halt strikes if ..."): its subject is the holder, it is modal, neither negated nor
    restricted by "only", and no stance word of its own says what it is."""
    if cue.clause is None or frame.via != "subject" or not frame.holders:
        return False
    if not any(h.head.i == main.i and h.dep_ == "nsubj" for h in frame.holders):
        return False
    if any(c.token == main.i for c in cues if c.kind != "condition"):
        return False
    if any(c.dep_ == "neg" or c.lower_ == "only" for c in main.children):
        return False
    # "Ukraine was ready to give up its bid if it received guarantees": a readiness offers
    ready = any(c.dep_ == "acomp" and lexicon.adjectives.get(c.lemma_.lower()) in
                ("accept", "propose") and not any(g.dep_ == "neg" for g in c.children)
                for c in main.children)
    return ready or has_modal(main, lexicon)


def _relative_assertion(verb: Token, index: HolderIndex) -> bool:
    """ "asked for Tomahawks, which Washington has declined to provide": a relative clause
    with a named subject of its own is the narrator's aside on that actor, not part of what
    the outer predicate demands."""
    if verb.dep_ != "relcl" or any(c.tag_ == "MD" for c in verb.children):
        return False  # "sanctions that Trump could sign" says what might be, not a position
    return any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")
               and bool(index.mentions_of(c)) for c in verb.children)


def _own_side_clause(doc: Doc, outer: StanceCue, inner: StanceCue, index: HolderIndex) -> bool:
    """ "Zelensky insisted that Ukraine would never recognise …": a demand verb over a clause
    about the speaker's own side asserts that side's position (``asserts_own_side``), so the
    inner predicate stands on its own, held by the speaker."""
    if outer.stance != "demand" or outer.kind != "verb":
        return False
    verb, clause = doc[outer.token], doc[inner.token]
    if clause.dep_ != "ccomp" or clause.head.i != verb.i:
        return False
    speakers = [m.party for c in verb.children if c.dep_ == "nsubj"
                for _, m in index.mentions_of(c)]
    actors = [m.party for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
              for _, m in index.mentions_of(c)]
    return bool(speakers and actors) and set(actors) <= set(speakers)


def term_negates(span: Span, issue: str, hits: list[IssueHit], lexicon: StanceLexicon) -> bool:
    """Whether a plan term denies its issue wherever it names it: "no NATO troops would be
    stationed". A negated verb is not enough: "Ukraine will not join NATO" is the plan's
    proposal on NATO membership."""
    own = [h for h in hits if h.issue == issue and span.start <= h.start and h.end <= span.end]
    if not own:
        return False
    return all(_none_of(span.doc[h.start : h.end].root, lexicon) for h in own)


def _denied_issues(issues: list[str], frame: Frame, hits: list[IssueHit], cue: Token,
                   lexicon: StanceLexicon) -> set[str]:
    """The issues a demand's complement denies outright wherever it names them: in "insisted
    that no Western troops be stationed" the troops are what is refused. A negated verb is
    not enough: "wants a commitment that Ukraine will never join NATO" demands neutrality."""
    denied: set[str] = set()
    for issue in issues:
        own = [h for h in hits if h.issue == issue and h.start in frame.region]
        if own and all(_none_of(cue.doc[h.start : h.end].root, lexicon) for h in own):
            denied.add(issue)
    return denied


def _none_of(token: Token, lexicon: StanceLexicon) -> bool:
    """ "no Western troops", "no sanctions relief": a negating determiner on the cue's noun."""
    return any(c.lower_ in lexicon.negators and c.dep_ == "det" for c in token.children)


@dataclass(frozen=True)
class Reading:
    """What the rules read in one article: who can hold positions, the issues named, and
    the candidate claims."""

    index: HolderIndex
    hits: list[IssueHit]
    candidates: list[Candidate]


def extract_candidates(doc: Doc, pack: Pack, ctx: ClaimContext | None = None
                       ) -> list[Candidate]:
    """The positions the rules read in the article, one per (actor, issue, stance), each with
    the drafts it was merged from."""
    return read_article(doc, pack, ctx).candidates


def read_article(doc: Doc, pack: Pack, ctx: ClaimContext | None = None) -> Reading:
    """The rules' reading of the article (``extract_candidates`` with what it was read by)."""
    ctx = ctx or make_context(pack, _tokenizer_for(doc))
    index = HolderIndex(doc, pack, ctx.stance.role_nouns, ctx.stance.joint_nouns,
                        ctx.stance.side_nouns, ctx.stance.table_nouns)
    hits = with_coreferent_hits(doc, ctx.issues.find(doc), ctx.issues.anaphors)
    hits = [h for h in hits if not names_a_title(doc, h, ctx.stance.title_nouns)]
    whole_plan = WHOLE_PLAN if pack.issue(WHOLE_PLAN) is not None else None
    hits = with_plan_hits(doc, hits, list(doc._.plans or []), whole_plan)
    drafts: list[ClaimDraft] = []
    state = SentenceState([])
    for seg in segments_of(doc):
        if seg.caption:
            continue
        found = segment_drafts(doc, seg, ctx, index, hits, state)
        drafts.extend(found)
        if not found:
            state.recent = []
        named = concrete_issues([h.issue for h in hits if seg.start <= h.start < seg.end])
        state.previous = named or state.previous
    def negated(span: Span, issue: str) -> bool:
        return term_negates(span, issue, hits, ctx.stance)

    # A term that opens on a ban or on a verb of rejection ("4. oppose the use of nuclear
    # weapons") rejects what it names.
    refusals = ctx.stance.prohibition_nouns | {
        verb for verb, stance in ctx.stance.verbs.items() if stance == "reject"}
    drafts.extend(plan_point_drafts(doc, index, ctx.hedges, refusals, negated))
    published = doc._.published
    candidates = []
    for candidate in merge_drafts(drafts, doc, index, ctx.hedges):
        claim = candidate.claim
        date = resolve_statement_date(claim.evidence[0].text, published)
        candidates.append(replace(candidate, claim=replace(claim, statement_date=date)))
    return Reading(index, hits, candidates)


def extract_claims(doc: Doc, pack: Pack, ctx: ClaimContext | None = None) -> list[Claim]:
    """The positions the rules read in the article, one per (actor, issue, stance)."""
    return [c.claim for c in extract_candidates(doc, pack, ctx)]


def scored_candidates(doc: Doc, pack: Pack, ctx: ClaimContext | None = None
                      ) -> list[tuple[Claim, Features]]:
    """The rules' claims, each with the features the claim scorer reads."""
    return _with_features(read_article(doc, pack, ctx), doc, pack)


def _with_features(reading: Reading, doc: Doc, pack: Pack) -> list[tuple[Claim, Features]]:
    return [(c.claim, candidate_features(c, reading.candidates, doc, pack))
            for c in reading.candidates]


def _tokenizer_for(doc: Doc) -> Callable[[str], Doc]:
    """A tokenizer sharing the Doc's vocabulary, for callers that pass no context."""
    import spacy

    tokenizer: Callable[[str], Doc] = spacy.blank("en", vocab=doc.vocab).tokenizer
    return tokenizer


class ClaimExtractor:
    """Sets ``doc._.claims``, ``doc._.claim_candidates``, ``doc._.finder_pairs`` and
    ``doc._.genre``: the rules' candidates, the pairs they left without a position,
    and the claims: the candidates the pack's claim scorer keeps (all of them when the pack
    has no scorer or ``scorer`` is off) and those its claim finder reads in the pairs (none
    when it has no finder or ``finder`` is off)."""

    def __init__(self, nlp: Language, pack: str, scorer: bool = True,
                 finder: bool = True) -> None:
        self.pack = load_pack(pack)
        self.ctx = make_context(self.pack, nlp.tokenizer)
        pack_dir = resolve_pack_dir(pack)
        self.scorer: ClaimScorer | None = load_scorer(pack_dir) if scorer else None
        self.finder: ClaimFinder | None = load_finder(pack_dir) if finder else None

    def __call__(self, doc: Doc) -> Doc:
        doc._.genre = detect_genre(text_of(doc))
        reading = read_article(doc, self.pack, self.ctx)
        scored = _with_features(reading, doc, self.pack)
        # Without a finder (training, the rules alone) every kind of pair is kept for reading;
        # with one, only the kinds it reads are built.
        kinds = self.finder.pair_kinds if self.finder is not None else PAIR_KINDS
        pairs = [(pair, pair_features(pair)) for pair in
                 finder_pairs(doc, reading.index, reading.hits, reading.candidates, kinds)]
        doc._.claim_candidates = scored
        doc._.finder_pairs = pairs
        claims = (self.scorer.rescore(scored) if self.scorer is not None
                  else [claim for claim, _ in scored])
        if self.finder is not None:
            found = self.finder.find(pairs, reading.index, self.ctx.hedges, doc._.published)
            claims = sorted([*claims, *found], key=lambda c: c.evidence[0].start)
        doc._.claims = claims
        return doc


@Language.factory(
    "redline_claims",
    default_config={"pack": "russia-ukraine", "scorer": True, "finder": True},
    assigns=["doc._.claims", "doc._.claim_candidates", "doc._.finder_pairs", "doc._.genre"],
    requires=["doc._.mentions", "doc._.quotes", "doc._.plans"],
)
def make_claim_extractor(nlp: Language, name: str, pack: str, scorer: bool,
                         finder: bool) -> ClaimExtractor:
    return ClaimExtractor(nlp, pack, scorer, finder)


__all__ = ["ClaimContext", "ClaimExtractor", "Reading", "extract_candidates", "extract_claims",
           "make_context", "read_article", "scored_candidates"]
