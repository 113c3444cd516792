"""Sentence-level rules of claim extraction: which cues are hypothetical or predicted,
which issue cues count for a frame, anaphora, complements, and the hedges of outlets."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from redline.nlp.claim_frames import Frame, controlled_by_object, matrix_subjects, subtree_ids
from redline.nlp.claim_holders import Holder, HolderIndex
from redline.nlp.claim_segments import Segment
from redline.nlp.issues import GENERIC_ISSUES, IssueHit, concrete_issues
from redline.nlp.stance import StanceCue, StanceLexicon

ANAPHORS = frozenset({"this", "that", "it", "them", "these", "those", "such"})
# Modals that make a narrative clause a prediction or a hypothesis, not a position taken.
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "will", "'ll", "wo", "ca"})
# Past forms a report's "will" and "can" take in reported speech.
BACKSHIFTED_MODALS = frozenset({"would", "could"})


def issues_for(
    frame: Frame, hits: list[IssueHit], blocked: set[int], doc: Doc | None = None,
    cue_tokens: frozenset[int] = frozenset(),
) -> list[str]:
    """The issues of the cues inside a frame's object. A cue that runs into the stance
    predicate itself ("ruled out giving up territory" read at "give up") counts when the rest
    of it lies in the object."""
    def covers(area: set[int], hit: IssueHit) -> bool:
        span = range(hit.start, hit.end)
        if all(i in area for i in span):
            return True
        # through the predicate: the rest must name something ("give up territory")
        return all(i in area or i in cue_tokens for i in span) and any(
            i in area and (doc is None or doc[i].pos_ in ("NOUN", "PROPN")) for i in span
        )

    def within(area: set[int]) -> list[IssueHit]:
        return [
            h for h in hits
            if covers(area, h) and not blocked.intersection(range(h.start, h.end))
        ]

    inside = within(frame.region) or within(frame.demoted) or within(frame.secondary)
    if doc is not None:
        core = [h for h in inside if is_term(doc, h, inside, cue_tokens)]
        inside = core or inside
    if doc is None:
        return concrete_issues([h.issue for h in inside])
    return drop_covering_generics(doc, inside)


LOCATIVE_PREPS = frozenset({"in", "near", "at", "along", "on", "from", "inside", "across"})


def _placed(doc: Doc, hit: IssueHit, cue_tokens: frozenset[int]) -> Token | None:
    """What a cue says the place of, when it only says where: the word its preposition
    hangs on."""
    root = doc[hit.start : hit.end].root
    for _ in range(3):  # "in the Kherson and Zaporizhzhia regions": up to the place noun
        if root.dep_ not in ("compound", "nmod", "amod", "conj") or root.head.i == root.i:
            break
        root = root.head
    if (
        root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS
        and root.head.i not in cue_tokens
        and not (root.head.lower_ == "on" and root.head.head.i in cue_tokens)  # "agreed on"
        and root.head.head.pos_ in ("NOUN", "VERB", "PROPN", "AUX")
    ):
        return root.head.head
    return None


def locative(doc: Doc, hit: IssueHit, cue_tokens: frozenset[int] = frozenset()) -> bool:
    """A cue that only says where ("soldiers captured in Kursk", "a zone near Crimea"); the
    preposition of the stance predicate itself is no place ("insist on neutral status")."""
    return _placed(doc, hit, cue_tokens) is not None


def is_term(doc: Doc, hit: IssueHit, hits: list[IssueHit],
            cue_tokens: frozenset[int] = frozenset()) -> bool:
    """A cue that names a term, not only a place; a place that narrows the issue it is the
    place of (the pack's ``refines``) is a term of its own: "a ceasefire along the current
    line"."""
    placed = _placed(doc, hit, cue_tokens)
    return placed is None or any(
        other.issue in hit.refines and other.start <= placed.i < other.end for other in hits
    )


def drop_covering_generics(doc: Doc, hits: list[IssueHit]) -> list[str]:
    """A generic issue ("the deal", "talks") gives way to a concrete one in the same phrase
    ("the deal on a ceasefire", "dialogue on normalising relations") but not to one beside
    it ("a ceasefire and a meeting between the leaders")."""
    concrete = [h for h in hits if h.issue not in GENERIC_ISSUES]
    kept: list[str] = []
    for hit in hits:
        if hit.issue in GENERIC_ISSUES and concrete:
            root = doc[hit.start : hit.end].root
            own = subtree_ids(root)
            if any(c.start in own or hit.start in _phrase_ids(doc[c.start:c.end].root)
                   for c in concrete):
                continue
            if not beside(doc, root, concrete):
                continue
        kept.append(hit.issue)
    return list(dict.fromkeys(kept))


def _phrase_ids(token: Token) -> set[int]:
    """A noun phrase without the phrases coordinated into it: in "a ceasefire and a
    meeting" the meeting is beside the ceasefire, not part of it."""
    ids = {token.i}
    for child in token.children:
        if child.dep_ not in ("conj", "cc"):
            ids |= _phrase_ids(child)
    return ids


def beside(doc: Doc, root: Token, concrete: list[IssueHit]) -> bool:
    """Whether a generic hit is coordinated with a concrete one (a list of terms), also
    when the parser hangs it on a word inside the concrete phrase ("a ceasefire of 30 days
    and a leaders' summit")."""
    for hit in concrete:
        other = doc[hit.start : hit.end].root
        related = other.head.i in (root.i, root.head.i) or root.head.i == other.i
        if related and "conj" in (other.dep_, root.dep_):
            return True
        if root.dep_ == "conj" and root.head.i in _phrase_ids(other):
            return True
    return False


def hypothetical(token: Token, lexicon: StanceLexicon, seg: Segment) -> bool:
    """Inside a condition ("if Ukraine agreed ...", "should Ukraine be pushed to sign") or a
    question ("asked whether he would consider easing sanctions", "asked if Russia would
    accept a pause")."""
    node = token
    for _ in range(6):
        if not seg.start <= node.i < seg.end:
            return False  # the parse ran across a line break
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if "whether" in marks or (node.dep_ == "ccomp" and "if" in marks
                                  and node.head.lemma_.lower() in lexicon.question_verbs):
            return True
        if node.dep_ == "advcl":
            inverted = any(
                c.dep_ == "aux" and c.lower_ in ("should", "were", "had") and c.i < node.i
                and any(s.dep_.startswith("nsubj") and s.i > c.i for s in node.children)
                for c in node.children
            )
            if marks & lexicon.condition_words or inverted:
                return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def predicted(token: Token, cue: StanceCue, in_quote: bool, reported: bool = False) -> bool:
    """A narrative prediction ("Putin will reject the plan") is nobody's stated position.

    In reported speech of any source, "would" and "could" are the source's "will" and "can"
    put in the past ("officials said Moscow would insist on ..."): a position reported."""
    if cue.kind in ("threat", "condition", "consequence", "intention") or in_quote:
        return False
    if cue.stance == "threaten":
        return False
    head = token.head if cue.kind in ("adjective", "evaluation", "phrase") else token
    modals = {c.lower_ for c in head.children if c.dep_ == "aux"} & HYPOTHETICAL_MODALS
    if reported and modals and modals <= BACKSHIFTED_MODALS:
        return False
    modal = bool(modals)
    # "would never accept" reports a settled refusal, not a guess.
    return modal and not (cue.negated and cue.stance == "accept")


def segment_subject(doc: Doc, seg: Segment, cue: StanceCue, index: HolderIndex) -> list[Token]:
    """When the parse ran a caption line into this one, the subject it found lies outside;
    the first actor named at the top level of the segment before the cue stands in."""
    for i in range(seg.start, min(cue.start, seg.end)):
        token = doc[i]
        if i not in index.by_token:
            continue
        node, nested = token, False
        while seg.start <= node.head.i < seg.end and node.head.i != node.i:
            if node.dep_ in ("relcl", "acl", "appos", "pobj", "dobj"):
                nested = True
                break
            node = node.head
        if not nested:
            return [token]
    return []


def names_a_title(doc: Doc, hit: IssueHit, title_nouns: frozenset[str]) -> bool:
    """ "Trump's former director of national intelligence", "Russia's Commissioner for Human
    Rights": a cue in the "of"/"for" phrase of a noun of office names the office, not an
    issue."""
    root = doc[hit.start : hit.end].root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "for") or prep.dep_ != "prep":
        return False
    return prep.head.pos_ in ("NOUN", "PROPN") and prep.head.lemma_.lower() in title_nouns


def complement_of(inner: Token, outer: Token) -> bool:
    """Whether ``inner`` is the verbal complement of ``outer`` ("refused to accept")."""
    head = inner.head
    if head.dep_ in ("prep", "prt") and head.head.i == outer.i:
        return inner.dep_ in ("pcomp", "dobj", "xcomp")
    if head.i != outer.i or inner.i < outer.i:
        return False
    if inner.dep_ in ("xcomp", "pcomp") or (inner.dep_ == "dobj" and inner.pos_ == "VERB"):
        return True
    # "ruled out ceding ...", parsed as an adverbial clause right after the verb
    between = inner.doc[outer.i + 1 : inner.i]
    return (
        inner.dep_ == "advcl" and inner.tag_ == "VBG"
        and not any(t.is_punct for t in between)
        and not any(c.dep_ in ("nsubj", "mark") for c in inner.children)
    )


def media_status(span: Span, index: HolderIndex, media_verbs: frozenset[str]) -> str:
    """ "Bloomberg reported", "according to the Financial Times": known through another
    outlet's reporting, not the actor's own words."""
    for token in span:
        mention = index.by_token.get(token.i)
        if mention is None or mention.kind != "media":
            continue
        head = token.head
        if token.dep_ == "nsubj" and head.lemma_.lower() in media_verbs:
            return "reported"
        after_according = head.i > 0 and head.doc[head.i - 1].lower_ == "according"
        if token.dep_ == "pobj" and head.lower_ == "to" and after_according:
            return "reported"
    return "stated"


def has_object(doc: Doc, frame: Frame) -> bool:
    return any(doc[i].pos_ in ("NOUN", "PROPN", "PRON", "VERB") for i in frame.region)


def asserts_own_side(doc: Doc, cue: StanceCue, holders: list[Holder], index: HolderIndex) -> bool:
    """ "Kelin insisted that the Kremlin will approach a ceasefire with caution": a demand verb
    over a clause about one's own side asserts, it does not demand."""
    if cue.stance != "demand" or cue.kind != "verb":
        return False
    parties = {h.party for h in holders}
    for clause in doc[cue.token].children:
        if clause.dep_ != "ccomp":
            continue
        if any(c.lower_ in ("should", "must") for c in clause.children):
            return False
        for subject in clause.children:
            if subject.dep_ in ("nsubj", "nsubjpass"):
                found = index.mentions_of(subject)
                if found and all(m.party in parties for _, m in found):
                    return True
    return False


def antecedent_issues(hits: list[IssueHit], cue: StanceCue, blocked: set[int]) -> list[str]:
    """Issues named earlier in the same sentence, the likeliest antecedent of "it"."""
    before = [
        h for h in hits if h.end <= cue.start and not blocked.intersection(range(h.start, h.end))
    ]
    return concrete_issues([h.issue for h in before])


def object_is_anaphor(doc: Doc, frame: Frame) -> bool:
    """The first noun phrase of the object is "this idea", "such a move", "it"."""
    for i in sorted(frame.region):
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            if token.pos_ == "PRON":
                return token.lower_ in ANAPHORS
            return any(c.lower_ in ANAPHORS for c in token.children if c.dep_ in ("det", "amod"))
    return False


def harms_only_others(doc: Doc, cue: StanceCue, holders: list[Holder], index: HolderIndex,
                      warning_verbs: frozenset[str]) -> bool:
    """ "Zelensky said sanctions would hurt Russia's economy": harm that falls only on the other
    side is wished for, not warned against, unless it is said as a warning ("Medvedev warned
    the delivery could end badly for Trump")."""
    verb = doc[cue.token]
    governor = verb.head
    while governor.dep_ in ("conj", "xcomp") and governor.head.i != governor.i:
        governor = governor.head
    if governor.i != verb.i and governor.lemma_.lower() in warning_verbs:
        return False
    harmed = {
        m.party
        for child in verb.children if child.i > verb.i
        for token in child.subtree
        for m in index.mentions_at(token)
    }
    parties = {h.party for h in holders}
    return bool(harmed) and harmed.isdisjoint(parties)


def own_intention(doc: Doc, cue: StanceCue, holders: list[Holder], index: HolderIndex,
                  lexicon: StanceLexicon) -> bool:
    """An intention counts when it is said, by its actor or the actor's side, of that side:
    "Washington said it would resume aid", "'We will not give away land,' he said"; not a
    narrator's forecast, nor one side's forecast of another ("Trump said Putin would ...").
    A third party's plain "will" proposes nothing ("the Kremlin will approach a ceasefire with
    caution"); an offer says what it could do ("Russia signalled it could halt its advance")."""
    report_verbs = lexicon.report_verbs
    verb = doc[cue.token]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    quote = index.quote_at(verb)
    first_person = subject.lower_ in ("i", "we")
    if first_person:
        return quote is not None and quote.kind != "fragment"
    offered = any(c.dep_ == "aux" and c.lower_ in lexicon.reported_modals for c in verb.children)
    if cue.stance == "propose" and not offered:
        return False
    # "Germany, the UK and the US said they have no plans ...": a pronoun is no mention,
    # but the holders found for it are its parties
    subjects = {m.party for _, m in index.mentions_of(subject)}
    if not subjects and subject.pos_ == "PRON":
        subjects = {h.party for h in holders}
    if not subjects:
        return False
    # an unnamed source speaks for its side ("a spokesperson for Zelensky's office said Kyiv
    # would never trade territory")
    speaker = (index.speaker_holder(quote) or index.unnamed_side(quote)
               if quote is not None else None)
    reporting = {m.party for token in matrix_subjects(verb, report_verbs)
                 for _, m in index.mentions_of(token)}
    if speaker is None:
        reporters = reporting
    elif subject.pos_ == "PRON":
        reporters = {speaker.party} | reporting  # "Germany, the UK and the US said they ..."
    else:
        reporters = {speaker.party}
    return bool(reporters) and subjects <= reporters


def object_anaphor(doc: Doc, cue: StanceCue, frame: Frame, nouns: frozenset[str]) -> bool:
    """The object opens with a pointer back ("ready for it", "welcomed the pledges", "balked
    at this idea"): a pronoun that is not the cue's subject nor a relative or complementiser
    word, or a noun made definite that is a general noun or determined by "this"/"that"."""
    for i in sorted(frame.region):
        token = doc[i]
        own_subject = (
            cue.kind != "consequence"  # whose subject is the measure judged
            and token.head.i == cue.token and token.dep_ in ("nsubj", "nsubjpass", "expl")
        )
        if own_subject or token.dep_ == "mark" or token.tag_ in ("WDT", "WP", "WP$"):
            continue
        if token.pos_ == "PRON":
            return token.lower_ in ANAPHORS
        if token.pos_ in ("NOUN", "PROPN"):
            dets = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "amod")}
            general = token.lemma_.lower() in nouns and "the" in dets
            return general or bool(dets & ANAPHORS)
    return False


def desire_governor(token: Token, desire_verbs: frozenset[str]) -> Token | None:
    """ "needs to see Putin sign up to a ceasefire", "expects Kyiv to accept": the verb that
    wishes another party's act, whose subject demands it (None when there is none)."""
    clause = token
    for _ in range(3):
        if clause.dep_ != "conj" or clause.head.i == clause.i:
            break
        clause = clause.head  # "come to the table and sign up"
    governor = clause.head
    if clause.dep_ not in ("ccomp", "xcomp") or governor.i == clause.i:
        return None
    if governor.lemma_.lower() not in desire_verbs:
        return None
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    if own_subject or controlled_by_object(clause):
        return governor
    return None


def definite_anaphor(doc: Doc, region: set[int], nouns: frozenset[str]) -> bool:
    """ "balked at the idea", "pitched the scheme": a definite general noun that points back
    to a measure named before."""
    return any(
        doc[i].lemma_.lower() in nouns
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "such")
                for c in doc[i].children)
        for i in region
    )


# Documents whose content a clause may state ("under the deal, Russia would ..."), besides
# the plan nouns of the plan lexicon. Not "document": "..., according to the document" mostly
# relays the position of the actor who wrote it (a status, not a plan's terms).
CONTENT_NOUNS = frozenset({"deal", "agreement", "accord", "treaty", "terms", "draft",
                           "memorandum", "plan", "proposal"})
# Verbs by which a plan states its terms: "the plan would see Russia keep ..."; not "say",
# by which a paper relays its author's position.
CONTENT_VERBS = frozenset({"see", "envisage", "envision", "foresee", "stipulate", "provide",
                           "outline", "include", "require", "propose"})
# Prepositions that frame a clause as a document's content only when fronted ("Under the
# plan, ..."); after the verb they say under what a position was taken ("agreed to a truce
# under the US plan").
FRONTED_CONTENT_PREPS = frozenset({"under", "in"})
MAX_CONTENT_CLIMB = 4
# Determiners that make a document noun mean any document of the kind, not a given plan.
GENERIC_DETERMINERS = frozenset({"any", "every", "no"})


def states_plan_content(token: Token, plan_nouns: frozenset[str]) -> bool:
    """Whether the clause of a cue states what a plan contains rather than a position of its
    subject: "According to the plan, Putin would stay ...", "Under the deal, Russia agrees
    to ...", "The plan would see Kyiv cede ...", "..., as outlined in a seven-point plan".
    Such a clause's positions are the plan proposer's (the plan terms), not its subject's."""
    nouns = plan_nouns | CONTENT_NOUNS
    node = token
    for _ in range(MAX_CONTENT_CLIMB):
        if _content_adjunct(node, nouns) or _content_subject(node, nouns):
            return True
        if node.head.i == node.i or node.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "dobj",
                                                      "pcomp", "prep", "acomp"):
            return False
        node = node.head
    return False


def _document(noun: Token, nouns: frozenset[str]) -> bool:
    """A plan document not presented as a party's own ("its plan", "Russia's memorandum"),
    nor any document of its kind: in "any agreement must include X" the speaker demands X."""
    if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
        return False
    return not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS)
        for c in noun.children
    )


def _content_adjunct(verb: Token, nouns: frozenset[str]) -> bool:
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    first = min([verb.i, *subjects])
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        word = prep.lower_
        according = word == "according" or (word == "to" and prep.i > 0
                                            and verb.doc[prep.i - 1].lower_ == "according")
        fronted = word in FRONTED_CONTENT_PREPS and prep.i < first
        # "as outlined in a seven-point plan": a reduced passive whose content is the plan's
        as_clause = word == "in" and verb.tag_ == "VBN" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        if not (according or fronted or as_clause):
            continue
        objects = [g for g in prep.subtree if g.dep_ == "pobj"]
        if objects and _document(objects[0], nouns):
            return True
    return False


def _content_subject(verb: Token, nouns: frozenset[str]) -> bool:
    """ "The plan would see Russia keep ...", "the draft envisages Ukraine renouncing ..."."""
    if verb.lemma_.lower() not in CONTENT_VERBS:
        return False
    return any(c.dep_ == "nsubj" and _document(c, nouns) for c in verb.children)


def judges_a_person(adjective: Token, index: HolderIndex) -> bool:
    """ "Putin is not serious about peace": an evaluation of someone named, not of a measure."""
    return adjective.dep_ == "acomp" and any(
        c.i in index.by_token and c.pos_ in ("PROPN", "PRON")
        for c in adjective.head.children if c.dep_ == "nsubj"
    )


def answers_in_kind(
    main: Token, clause: Token, phrases: tuple[tuple[str, ...], ...]
) -> bool:
    """Whether the main clause of a condition only matches it ("if Russia stops the strikes,
    we will respond in kind", "Ukraine will act accordingly, mirroring Russia's actions"):
    outside the condition, it names an answer in kind."""
    condition = subtree_ids(clause)
    words = [t.lemma_.lower() for t in main.subtree if t.i not in condition]
    lowers = [t.lower_ for t in main.subtree if t.i not in condition]
    for phrase in phrases:
        n = len(phrase)
        for seq in (words, lowers):
            if any(tuple(seq[i : i + n]) == phrase for i in range(len(seq) - n + 1)):
                return True
    return False


def exhorted(verb: Token, nouns: frozenset[str]) -> bool:
    """ "Now is the time to stop the killing and agree to a ceasefire": the verb says what it
    is time to do."""
    node = verb
    for _ in range(3):
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
    if node.dep_ not in ("acl", "relcl") or node.head.lemma_.lower() not in nouns:
        return False
    noun = node.head  # said to be the time ("now is the time", "it is time"), not "for the
    # first time"
    return noun.dep_ == "ROOT" or (noun.dep_ in ("attr", "nsubj")
                                   and noun.head.lemma_.lower() == "be")


def asks_a_question(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "Asked whether he would ease sanctions, Trump said ...", "asked if Russia would
    accept": asking a question, or being asked one, takes no position."""
    if verb.lemma_.lower() not in lexicon.question_verbs:
        return False
    if verb.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        return True  # "Asked about the plan, ...": the interviewer asks
    return any(
        c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in ("whether", "if")
                                             for m in c.children)
        for c in verb.children
    )
