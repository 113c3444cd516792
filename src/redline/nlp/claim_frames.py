"""The frame of a stance cue in the parse: which tokens name the holder of the position and
which tokens state its object (where the issue is read from)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from redline.nlp.stance import (
    StanceCue,
    StanceLexicon,
    consequence_subject,
    has_modal,
    judging_governor,
)

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Clauses that take their subject from the verb they hang on: "agreed to ...", "..., saying".
INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
# Verbs through which a stance noun in the subject reaches its content: "One of Putin's
# demands is a halt to ...", "conditions which include ...".
LINKING_VERBS = frozenset({"be", "include", "involve", "mean", "remain", "require", "entail"})
# Prepositions that introduce who holds an evaluation: "unacceptable to us", "a red line for
# Kyiv".
HOLDER_PREPS = frozenset({"to", "for"})
# A noun's prepositional holder: "the proposal by France", "demands from Moscow".
NOUN_HOLDER_PREPS = frozenset({"by", "from"})
# Children of a verb that lie outside its object even when they follow it.
NON_OBJECT_DEPS = frozenset({"punct", "cc", "mark", "aux", "auxpass", "neg", "advmod", "npadvmod"})
MAX_CLIMB = 3
# Passive verbs that raise the subject of their infinitive: "Putin is said to be insisting
# that ...", "Kyiv is understood to have rejected ...": the passive subject is the one who
# insists or rejects (the hedge itself is read by the status rules).
RAISING_PASSIVES = frozenset({"say", "report", "believe", "understand", "think", "know",
                              "rumour", "rumor", "see", "allege", "claim"})
# Writings whose content a participle states, held by whoever wrote, signed or sent them:
# "co-authored a paper proposing to put the NATO bid on hold", "signed a decree banning …".
WRITINGS = frozenset({"paper", "report", "letter", "memo", "memorandum", "document",
                      "resolution", "bill", "draft", "article", "decree", "law", "note"})
# Subordinators of a reason or purpose clause, which explains a position rather than stating
# its object: "could answer with nuclear weapons because it would be impossible to tell ...".
REASON_MARKS = frozenset({"because", "since", "as"})
# Adjuncts of time: "after more than eight hours of talks", "ahead of the summit".
TIME_PREPS = frozenset({"after", "before", "during", "following", "ahead", "amid", "since"})
TIME_MARKS = frozenset({"after", "before", "while", "when", "until"})


@dataclass
class Frame:
    """Holder tokens and object tokens of one cue."""

    holders: list[Token]
    via: str
    region: set[int]
    demoted: set[int] = field(default_factory=set)  # counted only when the region has no issue
    secondary: set[int] = field(default_factory=set)  # counted when neither has an issue
    fallback_holders: list[Token] = field(default_factory=list)
    allow_plan_holder: bool = True


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def subjects_of(verb: Token, depth: int = 0) -> tuple[list[Token], str]:
    """The active subject (or passive agent) of a verb, climbing through inheriting clauses.

    A passive subject is never the holder: "Ukraine was pushed to sign" says nothing of what
    Ukraine wants."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects, "agent"
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return [], "subject"
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        if subjects[0].lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return [verb.head], "subject"
        return subjects, "subject"
    if verb.dep_ == "relcl":
        return [verb.head], "subject"
    dated = _dated_subject(verb)
    if dated is not None:
        return [dated], "subject"
    writing = verb.head
    if (verb.dep_ == "acl" and verb.tag_ == "VBG" and writing.dep_ == "dobj"
            and writing.lemma_.lower() in WRITINGS and depth < MAX_CLIMB):
        return subjects_of(writing.head, depth + 1)  # the author of the paper proposing …
    antecedent = misattached_predicate(verb)
    if antecedent is not None:
        return [antecedent], "subject"
    if depth < MAX_CLIMB and verb.dep_ in INHERITING_DEPS and verb.head.i != verb.i:
        # (a participle is the subject's: "co-authored a paper proposing to …")
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
        if verb.dep_ in ("xcomp", "advcl") and not participle and controlled_by_object(verb):
            return [], "subject"
        raised = raised_subjects(verb)
        if raised:
            return raised, "subject"
        return subjects_of(verb.head, depth + 1)
    return [], "subject"


def _dated_subject(verb: Token) -> Token | None:
    """ "On Monday Trump threatened …": with no comma after the date, the parser makes the
    name the object of the date's preposition, and the verb has no subject."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i or prep.i != verb.sent.start:
            continue
        for name in prep.children:
            dates = [c for c in name.children if c.dep_ == "compound" and c.ent_type_ == "DATE"]
            if name.dep_ == "pobj" and name.pos_ == "PROPN" and dates and name.i == verb.i - 1:
                return name
    return None


def raised_subjects(verb: Token) -> list[Token]:
    """ "Putin is said to be insisting": the passive subject of a raising verb is the subject
    of the infinitive that hangs on it."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in RAISING_PASSIVES:
        return []
    return [c for c in head.children if c.dep_ == "nsubjpass"]


def misattached_predicate(verb: Token) -> Token | None:
    """ "Zelensky, who attended the summit, called on leaders to ...": the parser often hangs
    the main verb after a relative clause on the clause's last noun as a participle. A past
    form right after the comma that closes a relative clause is the main verb of the noun the
    clause describes; returns that noun."""
    if verb.tag_ not in ("VBD", "VBN") or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if verb.dep_ == "amod":
        # "Russia's negotiator, Vladimir Medinsky, floated short truces": with no verb found,
        # the parser makes the noun phrase the root and the verb a modifier of its object
        root = verb.sent.root
        if root.pos_ in ("NOUN", "PROPN") and root.i < verb.i < verb.head.i:
            return root
        return None
    if verb.dep_ != "acl":
        return None
    noun = verb.head
    if (verb.tag_ in ("VBD", "VBN") and noun.dep_ == "ROOT" and noun.pos_ in ("PROPN", "NOUN")
            and not any(c.dep_ in ("nsubj", "agent") for c in verb.children)):
        # "Ukraine's delegation, led by Umerov, pressed for ...": no main verb was found, so
        # the finite verb after the apposition is the noun's
        return noun
    node = verb.head
    for _ in range(4):
        if node.dep_ == "relcl" and node.head.pos_ in ("PROPN", "NOUN"):
            relative = any(c.tag_ in ("WP", "WDT") for c in node.children)
            return node.head if relative and node.head.i < verb.i else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def controlled_by_object(verb: Token) -> bool:
    """ "convince Russia to accept", "called on Putin to accept": the object, not the subject,
    would do the act, and nothing says it wants to."""
    head = verb.head
    return any(
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
        for c in head.children
        if c.i < verb.i
    )


CLIMB_DEPS = frozenset(
    {"conj", "xcomp", "acomp", "attr", "dobj", "prep", "pobj", "advcl", "appos", "dep"}
)


def matrix_subjects(token: Token, report_verbs: frozenset[str] = frozenset()) -> list[Token]:
    """The subject of the verb a complement clause reports: "Putin said [the Kremlin was …]",
    "[Russia is ready to talk], Lavrov said" (however the parser attached it)."""
    clause = token
    for _ in range(MAX_CLIMB + 3):
        if clause.head.i == clause.i:
            return _trailing_reporter(clause, report_verbs)
        if clause.dep_ == "relcl" and any(_reporting_that(c, clause) for c in clause.children):
            # "told reporters on the sidelines of the forum that Moscow was ready": a "that"
            # clause the parser hung on the nearest noun reports to the verb above it
            reporter = next((a for a in clause.ancestors if a.lemma_.lower() in report_verbs),
                            None)
            if reporter is not None:
                subjects, _ = subjects_of(reporter)
                return subjects
        reported = clause.head.lemma_.lower() in report_verbs
        # A clause before a verb that reports nothing was hung there by the parser across a
        # semicolon or a dash ("Russia has not accepted it; instead, Putin has proposed …").
        before_other = clause.i < clause.head.i and not reported
        if (clause.dep_ in ("ccomp", "parataxis") and not before_other) or (
            reported and clause.dep_ in CLIMB_DEPS
        ):
            subjects, _ = subjects_of(clause.head)
            if clause.head.lemma_.lower() == "be":
                return [_whose(s) for s in subjects]
            return subjects
        if clause.dep_ in CLIMB_DEPS:
            clause = clause.head
            continue
        return []
    return []


def _reporting_that(child: Token, clause: Token) -> bool:
    """The "that" of a clause hung on a noun reports it when it is the clause's marker, or
    when the parser took it for the object of a clause that has a subject of its own ("said
    on the margins that Germany would support …")."""
    if child.lower_ != "that" or child.i > clause.i:
        return False
    return child.dep_ == "mark" or (
        child.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in clause.children))


def _whose(noun: Token) -> Token:
    """ "Washington's position is that elections should follow a ceasefire": the clause a
    noun of someone's is equated with is what its owner says."""
    if noun.pos_ != "NOUN":
        return noun
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            if owner is not None and owner.pos_ == "PROPN":
                return owner
    return noun


def _trailing_reporter(root: Token, report_verbs: frozenset[str]) -> list[Token]:
    """ "Russia will never give up the regions, Medvedev wrote", "Ukraine, the minister said,
    must return to neutrality": the parser often hangs the reporting clause under the
    reported one, after it or set off inside it."""
    for child in root.children:
        if (
            (child.i > root.i or child.dep_ == "parataxis")
            and child.dep_ in ("parataxis", "ccomp", "advcl", "conj")
            and child.lemma_.lower() in report_verbs
        ):
            subjects, _ = subjects_of(child)
            return subjects
    return []


def _minus(region: set[int], tokens: list[Token]) -> set[int]:
    for token in tokens:
        region -= subtree_ids(token)
    return region


def _condition_clauses(verb: Token, lexicon: StanceLexicon) -> list[Token]:
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in lexicon.condition_words for m in c.children)
    ]


def contrasted(doc: Doc, region: set[int], modals: frozenset[str] = frozenset()) -> set[int]:
    """What an object sets aside: "a peace agreement rather than a ceasefire", "a settlement
    instead of a truce", "a peace agreement, and not a mere ceasefire"."""
    roots: list[Token] = []
    for i in sorted(region):
        token = doc[i]
        before = doc[i - 1].lower_ if i > 0 else ""
        if (token.lower_, before) in (("than", "rather"), ("of", "instead")):
            roots.extend(c for c in token.children if c.dep_ == "pobj")
            roots.extend(c for c in token.head.children if c.dep_ == "conj" and c.i > i)
        elif (token.dep_ == "neg" and token.head.dep_ == "conj" and token.i < token.head.i
              and not any(c.dep_ == "aux" and c.lower_ in modals for c in token.head.children)):
            # not "must be neutral and must not join NATO": a second obligation adds a term
            roots.append(token.head)
    return {t for root in roots for t in subtree_ids(root)} & region


def _time_adjuncts(head: Token) -> list[Token]:
    """ "after eight hours of talks", "ahead of the summit", "while talks went on": when it
    was said, not what it is about."""
    def timed(child: Token) -> bool:
        if child.dep_ == "prep":
            return child.lower_ in TIME_PREPS
        marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
        return child.dep_ == "advcl" and bool(marks & TIME_MARKS)

    return [child for child in head.children if timed(child)]


def _reason_clauses(verb: Token) -> list[Token]:
    return [
        c for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in REASON_MARKS
                                     for m in c.children)
    ]


def _own_clauses(verb: Token, any_subject: bool = False) -> list[Token]:
    """Coordinated clauses: "..., but Moscow has balked"; for a stance verb also those that
    share its subject ("called on Moscow to accept and said they were ready to ...")."""
    return [
        c for c in verb.children
        if c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX")
        and (any_subject or any(g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for g in c.children))
        and not _that_clause(c)
    ]


def _that_clause(clause: Token) -> bool:
    """ "insisted, again, that Ukraine renounce …": a clause opened by "that" that the parser
    coordinated with the verb is the verb's complement, not a clause of its own."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i
               for c in clause.children) and clause.i > clause.head.i


def _restated_phrase(noun: Token, lexicon: StanceLexicon) -> Token | None:
    """ "a 30-day ceasefire, an idea put forward by Washington": a general noun set after a
    comma restates the noun phrase just before it."""
    if noun.lemma_.lower() not in lexicon.anaphoric_nouns or noun.dep_ not in (
        "appos", "npadvmod", "conj", "dobj", "attr"
    ):
        return None
    comma = noun.left_edge.i - 1
    if comma < 1 or noun.doc[comma].text != ",":
        return None
    before = noun.doc[comma - 1]
    return before if before.pos_ in ("NOUN", "PROPN") else None


def _prices(verb: Token, lexicon: StanceLexicon) -> list[Token]:
    """ "would never trade territory for a ceasefire": what a verb of trading is for is the
    price asked, not the object of the position."""
    if verb.lemma_.lower() not in lexicon.trade_verbs:
        return []
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]


def verb_frame(doc: Doc, cue: StanceCue, lexicon: StanceLexicon) -> Frame:
    verb = doc[cue.token]
    holders, via = subjects_of(verb)
    region: set[int] = set()
    for child in verb.children:
        # The object follows the verb; fronted adjuncts ("In another sign that ...") do not
        # state it. A passive subject is the object: "the proposal was rejected by Moscow".
        if (child.i > verb.i and child.dep_ not in NON_OBJECT_DEPS) or (
            child.dep_ in PASSIVE_SUBJECT_DEPS and via == "agent"
        ):
            region |= subtree_ids(child)
    if cue.kind in ("obligation", "intention"):
        # "must withdraw troops", "must not be changed by force", "will not surrender
        # territory": the verb, its auxiliaries and its agent are part of the terms ("every
        # child must be returned" is one cue of the return of children)
        region.add(verb.i)
        region |= {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
        # "have no plans to send troops": the noun of intention is the cue, not its object
        region -= set(range(cue.start, cue.end)) - {verb.i}
    else:
        region -= set(range(cue.start, cue.end))
        region = _minus(region, [c for c in verb.children if c.dep_ == "agent"])
    conditions = _condition_clauses(verb, lexicon)
    region = _minus(region, conditions)
    region = _minus(region, _reason_clauses(verb))
    region = _minus(region, _time_adjuncts(verb))
    region = _minus(region, _prices(verb, lexicon))
    # The modal of an obligation governs the verbs coordinated under it that have no subject
    # of their own: "must stop the killing and come to the table".
    region = _minus(region, _own_clauses(verb, any_subject=cue.kind != "obligation"))
    if verb.dep_ == "amod" and via == "subject" and holders:
        region |= {i for i in subtree_ids(verb.head) if i > verb.i}  # its object, misparsed
    relative_object = verb.dep_ == "relcl" and holders and holders[0].i != verb.head.i
    if (verb.dep_ == "acl" and misattached_predicate(verb) is None) or relative_object:
        head = verb.head  # "a plan endorsed by Trump", "a truce which Ukraine agreed to"
        region |= set(range(head.left_edge.i, head.i + 1))
        if verb.dep_ == "acl" and head.i < verb.i:
            # "a moratorium on strikes against energy facilities, agreed by Putin": the
            # whole noun phrase before the participle is what it says
            region |= set(range(head.i, verb.i))
        restated = _restated_phrase(head, lexicon)
        if restated is not None:
            region |= subtree_ids(restated)
    secondary: set[int] = set()
    if cue.kind == "threat":
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        region |= {i for s in subjects for i in subtree_ids(s)}  # "deployment would amount to"
        # A vague threat ("things that would be very bad for Russia") takes its issue from
        # the rest of the sentence.
        secondary = set(range(verb.sent.start, verb.sent.end))
    if cue.kind == "obligation":
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        region |= {i for s in subjects for i in subtree_ids(s)}  # "any settlement must ..."
        holders = []  # only the speaker of the words holds it
    demoted = {i for c in conditions for i in subtree_ids(c)} if cue.stance == "threaten" else set()
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)
    # A passive without its agent ("Ukraine was pushed to sign") names no holder, and an
    # obligation is held only by the speaker of the words.
    # An obligation outside quotation marks is held by whoever is reported to state it
    # ("Putin stressed that guarantees must be given to Russia too").
    no_fallback = passive and via != "agent" and cue.kind != "obligation"
    fallback = [] if no_fallback else matrix_subjects(verb, lexicon.report_verbs)
    return Frame(holders, via, region, demoted=demoted, secondary=secondary,
                 fallback_holders=fallback)


RELATIVE_WORDS = frozenset({"who", "which", "that"})


def noun_frame(doc: Doc, cue: StanceCue, lexicon: StanceLexicon) -> Frame:
    noun = doc[cue.token]
    holders: list[Token] = []
    via = "possessor"
    for child in noun.children:
        if child.dep_ == "poss":
            holders.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in NOUN_HOLDER_PREPS:
            holders.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
            if _is_actorish(child):
                holders.append(child)  # "Russian demands", "Kremlin demands"; not "total"
        elif child.dep_ == "acl":
            agent_holders, how = subjects_of(child)  # "the proposals made by X"
            if how == "agent":
                holders.extend(agent_holders)
        elif child.dep_ == "relcl" and child.lemma_.lower() in lexicon.light_verbs:
            # "the conditions Putin set out in June": the noun is what the subject set
            holders.extend(c for c in child.children if c.dep_ in SUBJECT_DEPS
                           and c.lower_ not in RELATIVE_WORDS)
    region = subtree_ids(noun) - {noun.i}
    region = _minus(region, holders)
    demoted: set[int] = set()
    purpose = noun.lemma_.lower() in lexicon.purpose_nouns
    for child in noun.children:
        if purpose and child.dep_ == "prep" and child.lower_ == "for":
            # "conditions for a ceasefire, which include ...": the purpose is demoted, the
            # relative clause listing the terms is not.
            clauses = [t for t in child.subtree if t.dep_ in ("relcl", "acl") and t.i != child.i]
            demoted |= _minus(subtree_ids(child), clauses)
    region -= demoted
    demoted = set()  # the goal of conditions is never what they demand
    secondary: set[int] = set()
    fallback: list[Token] = []
    governor = _governing_verb(noun)
    if governor is not None:
        verb, relation = governor
        lemma = verb.lemma_.lower()
        if relation == "object" and lemma in lexicon.light_verbs:
            fallback, _ = subjects_of(verb)
            # "reiterated his demands, stating that ...": what follows the light verb
            right = [c for c in verb.children if c.i > verb.i and c.dep_ not in NON_OBJECT_DEPS]
            secondary = {i for c in right for i in subtree_ids(c)} - subtree_ids(noun)
            secondary = _minus(secondary, fallback)
        elif relation == "object" and lemma in ("be", "remain"):
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            for subject in subjects:  # "Patrushev's response was a rejection of ..."
                fallback.extend(c for c in subject.children if c.dep_ == "poss")
            if noun.dep_ == "attr" and (purpose or not any(c.dep_ == "prep"
                                                           for c in noun.children)):
                # "Neutrality is Russia's main demand", "recognition of Crimea remained a
                # condition for any settlement": the subject is what is demanded
                for subject in subjects:
                    region |= _minus(subtree_ids(subject), fallback)
                if purpose and not fallback and not holders:
                    # whoever says so holds the condition ("Peskov repeated that ..."); "it
                    # is a truly equal agreement" takes no position
                    fallback = matrix_subjects(verb, lexicon.report_verbs)
        elif relation == "subject" and lemma in LINKING_VERBS:
            region |= _minus(subtree_ids(verb) - {verb.i}, [noun])
    region |= _after_colon(doc, noun, lexicon)
    return Frame(holders, via, region, demoted, secondary, fallback)


def _after_colon(doc: Doc, noun: Token, lexicon: StanceLexicon) -> set[int]:
    """ "Putin set out the conditions for ending the war in June: the withdrawal of Ukrainian
    troops from the four regions and ...": what a colon after a stance noun spells out is its
    content, however the parser hung it. Not past another stance noun, nor into a quote."""
    sentence_end = noun.sent.end
    for token in doc[noun.i + 1 : sentence_end]:
        if token.lemma_.lower() in lexicon.nouns and token.pos_ == "NOUN":
            return set()
        if token.text == ":":
            after = doc[token.i + 1 : sentence_end]
            if any(t.is_quote for t in after[:2]):
                return set()
            return {t.i for t in after}
    return set()


def _governing_verb(noun: Token) -> tuple[Token, str] | None:
    """The verb whose object or subject the noun phrase is, through "of"/"list of" chains."""
    token = noun
    for _ in range(MAX_CLIMB + 1):
        if token.dep_ in ("dobj", "attr", "oprd") and token.head.pos_ in ("VERB", "AUX"):
            return token.head, "object"
        if token.dep_ in SUBJECT_DEPS and token.head.pos_ in ("VERB", "AUX"):
            return token.head, "subject"
        if token.dep_ in ("pobj", "prep", "conj", "appos") and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


def evaluation_frame(doc: Doc, cue: StanceCue, lexicon: StanceLexicon) -> Frame:
    """Adjectives and fixed phrases. Experiencer adjectives ("Russia is open to talks") are
    held by their subject; evaluations ("the pause is unacceptable", "a red line for Kyiv")
    by whom "to"/"for" names, else by the speaker or whoever says or believes it."""
    root = doc[cue.token]
    copula = root.head if root.dep_ in ("acomp", "attr", "oprd", "xcomp", "dobj") else root
    if root.dep_ == "prep" and root.head.lemma_.lower() == "be":
        copula = root.head  # "talks were off the table", "it is out of the question"
    judge = judging_governor(root, lexicon) if root.pos_ == "NOUN" else None
    if judge is None and root.dep_ == "amod" and root.i > root.head.i:
        judge = _postnominal_judge(root, lexicon)
    if judge is not None:
        copula = judge  # "called the plan theft": the judging verb frames the noun
    elif root.dep_ == "nsubj" and root.head.lemma_.lower() == "be":
        copula = root.head  # "the best place for a meeting is Moscow": the predicate says it
    cue_tokens = set(range(cue.start, cue.end))
    subjects = [c for c in copula.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    region = subtree_ids(copula) - cue_tokens
    # "are prepared to lead a force, and want Washington to commit to a backstop": a verb
    # coordinated with a readiness states its own position
    region = _minus(region, _own_clauses(copula, any_subject=cue.kind == "adjective"))
    region = _minus(region, _time_adjuncts(copula))
    if cue.kind == "adjective":
        region = _minus(region, subjects)
        fallback = matrix_subjects(copula, lexicon.report_verbs)
        return Frame(subjects, "subject", region, fallback_holders=fallback,
                     allow_plan_holder=False)
    prep_holders: list[Token] = []
    # "unacceptable for Russia" names who judges; "a great day for Russia" whom it serves
    preps = HOLDER_PREPS if cue.stance != "accept" else HOLDER_PREPS - {"for"}
    for owner in (root, copula):
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and (objects[0].pos_ in ("PROPN", "PRON") or _is_actorish(objects[0])):
                    prep_holders.extend(objects)
    region = _minus(region, prep_holders)
    if root.lemma_.lower() in lexicon.purpose_nouns:
        # "a ceasefire is a precondition for talks": the goal is not what is demanded
        region = _minus(region, [c for c in root.children
                                 if c.dep_ == "prep" and c.lower_ == "for"])
    if not prep_holders and copula.lemma_.lower() in lexicon.judging_verbs:
        # "Ukraine called the memorandum unacceptable": the one who judges holds it
        judges, _ = subjects_of(copula)
        region = _minus(region, judges)
        return Frame(judges, "subject", region, allow_plan_holder=False)
    fallback = matrix_subjects(copula, lexicon.report_verbs)
    return Frame(prep_holders, "subject", region, fallback_holders=fallback,
                 allow_plan_holder=False)


def _postnominal_judge(adjective: Token, lexicon: StanceLexicon) -> Token | None:
    """ "called the amendments to the plan absolutely unacceptable": an adjective after its
    noun is a predicate the parse hung on the noun; the judging verb above frames it."""
    node = adjective.head
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in lexicon.judging_verbs:
            return node
    return None


def _is_actorish(token: Token) -> bool:
    if token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or token.pos_ == "PROPN":
        return True
    return any(c.ent_type_ in ("GPE", "ORG", "NORP") for c in token.lefts)


def _readiness_clause(main: Token, lexicon: StanceLexicon) -> Token | None:
    """The clause whose subject is ready, when a clause is, or is what is offered by, a
    readiness ("was ready to give up its bid to join NATO if ..."), whichever verb of it the
    parse hung the condition on."""
    node = main
    for _ in range(4):
        if any(c.dep_ == "acomp" and c.lower_ in lexicon.adjectives for c in node.children):
            return node
        if node.lower_ in lexicon.adjectives and node.head.i != node.i:
            return node.head
        if node.dep_ not in ("xcomp", "acl", "dobj", "acomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def condition_frame(doc: Doc, cue: StanceCue, lexicon: StanceLexicon) -> Frame | None:
    """A condition clause under a main clause: the holder is the main clause's subject."""
    main = doc[cue.token]
    clause = doc[cue.clause] if cue.clause is not None else None
    if clause is None or clause.i == main.i:
        return None
    word = doc[cue.start].lower_
    # "was ready to give up the bid if ...": readiness on a condition
    ready = _readiness_clause(main, lexicon)
    # A bare "if" marks a condition only under a modal or restrictive main clause.
    restrictive = (has_modal(main, lexicon) or any(c.lower_ == "only" for c in main.children)
                   or (cue.start > 0 and doc[cue.start - 1].lower_ == "only")
                   or ready is not None)
    if word == "if" and cue.end - cue.start == 1 and not restrictive:
        return None
    holders, via = subjects_of(main)
    if not holders and ready is not None:
        holders, via = subjects_of(ready)  # "Ukraine is ready to give up its bid if ..."
    governor = main.head
    if main.dep_ in ("xcomp", "ccomp") and governor.lemma_.lower() in lexicon.verbs:
        # "wanted Ukraine to withdraw in exchange for ...": the one who wants sets the terms
        holders, via = subjects_of(governor)
    fallback = matrix_subjects(main, lexicon.report_verbs)
    if cue.stance == "threaten":
        region = subtree_ids(main) - subtree_ids(clause)
        region = _minus(region, holders)
        return Frame(holders, via, region, demoted=subtree_ids(clause), fallback_holders=fallback)
    region = subtree_ids(clause) - set(range(cue.start, cue.end))
    demoted: set[int] = set()
    if word == "only":
        # "a meeting could happen only as a result of agreements": what is made conditional
        # is what is demanded when the condition names no measure of its own
        demoted = {i for c in main.children if c.dep_ in ("nsubj", "nsubjpass")
                   and not _is_actorish(c) for i in subtree_ids(c)}
        holders = [h for h in holders if h.i not in demoted]
    return Frame(holders, via, region, demoted=demoted, fallback_holders=fallback)


def ultimatum_frame(doc: Doc, cue: StanceCue, lexicon: StanceLexicon) -> Frame | None:
    """ "warned Russia to agree to a truce or face sanctions": what is to be faced is the
    threat, the act is demanded (``demoted``), and whoever sets the terms holds both: the
    subject above an infinitive act, or the speaker of a finite one ("Russia must agree or
    face sanctions, Trump said")."""
    faced = doc[cue.token]
    if cue.clause is None:
        return None
    act = doc[cue.clause]
    region = subtree_ids(faced) - {cue.start}
    demoted = subtree_ids(act) - subtree_ids(faced) - {cue.start}
    holders: list[Token] = []
    via = "subject"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children)
    if infinitive or not any(c.dep_ in SUBJECT_DEPS for c in act.children):
        for above in act.ancestors:
            if above.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS
                                                     for c in above.children):
                holders, via = subjects_of(above)
                break
    else:
        demoted = _minus(demoted, [c for c in act.children if c.dep_ in SUBJECT_DEPS])
    demoted = _minus(demoted, [c for c in act.children if c.dep_ == "mark"])
    fallback = matrix_subjects(act, lexicon.report_verbs)
    return Frame(holders, via, region, demoted=demoted, fallback_holders=fallback)


def consequence_frame(doc: Doc, cue: StanceCue, lexicon: StanceLexicon) -> Frame | None:
    """ "Supplying the missiles would wreck the thaw": the measure is the subject, or the
    condition when the subject only points to it ("if troops are sent, it would mean ...");
    whoever says so holds the rejection."""
    verb = doc[cue.token]
    subject = consequence_subject(verb)
    if subject is None:
        return None
    region: set[int] = set()
    if subject.lower_ not in ("it", "this", "that"):
        region |= subtree_ids(subject)
    for clause in _condition_clauses(verb, lexicon):
        region |= subtree_ids(clause)
    if not region:
        region = {subject.i}  # a bare "this would ...": read through its antecedent
    fallback = matrix_subjects(verb, lexicon.report_verbs)
    return Frame([], "subject", region, fallback_holders=fallback, allow_plan_holder=False)


def frame_of(doc: Doc, cue: StanceCue, lexicon: StanceLexicon) -> Frame | None:
    if cue.kind in ("verb", "phrasal", "threat", "obligation", "intention"):
        return verb_frame(doc, cue, lexicon)
    if cue.kind == "noun":
        return noun_frame(doc, cue, lexicon)
    if cue.kind in ("adjective", "evaluation", "phrase"):
        return evaluation_frame(doc, cue, lexicon)
    if cue.kind == "condition":
        return condition_frame(doc, cue, lexicon)
    if cue.kind == "consequence":
        return consequence_frame(doc, cue, lexicon)
    if cue.kind == "ultimatum":
        return ultimatum_frame(doc, cue, lexicon)
    return None
