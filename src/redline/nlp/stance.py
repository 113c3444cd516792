"""Stance cues: the predicates and frames by which an actor proposes, demands, accepts,
rejects or threatens, read from the general lexicon in ``resources/stance.yaml``
(loaded by ``stance_lexicon``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from redline.nlp.stance_lexicon import (
    RESOURCE,
    LexiconError,
    StanceLexicon,
    load_stance_lexicon,
)

FLIPS: dict[str, str | None] = {
    "accept": "reject",
    "reject": "accept",
    "propose": None,  # "did not propose" says nothing about what one wants
    "demand": None,
    "threaten": None,
}
PARTICLE_DEPS = frozenset({"prt", "prep", "mark", "agent"})
# Verbs through which readiness reaches the act itself: "ready to consider sending troops".
CONSIDERING = frozenset({"consider", "contemplate", "discuss", "explore", "look"})


@dataclass(frozen=True)
class StanceCue:
    """A stance predicate found in a sentence: the token that carries it and how it was read."""

    stance: str
    token: int  # doc index of the head token of the cue
    # verb | phrasal | noun | adjective | phrase | threat | condition | consequence | intention
    # | ultimatum
    kind: str
    start: int  # doc token span of the cue words
    end: int
    negated: bool = False
    clause: int | None = None  # condition cues: the condition's head; ultimatums: the act


def is_negated(token: Token, lexicon: StanceLexicon) -> bool:
    """A negator on the predicate, on its copula or auxiliary, or a negating governor."""
    heads = [token]
    if token.dep_ in ("acomp", "attr", "oprd", "xcomp", "dobj") and token.head != token:
        heads.append(token.head)  # "are not satisfied", "would not accept the deal"
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" or (
                child.lower_ in lexicon.negators
                and child.dep_ in ("advmod", "det", "neg", "nsubj", "nsubjpass")
            ):  # "nobody is signing off on it", "none would accept"
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                g.dep_ == "det" and g.lower_ in lexicon.negators for g in child.children
            ):  # "no troops would be stationed", "no country will recognise"
                return True
    governor = token.head.lemma_.lower()
    if token.dep_ in ("xcomp", "dobj", "pcomp") and governor in lexicon.negating_verbs:
        return True
    clause = heads[-1]
    if (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lexicon.neg_raising_verbs
            and any(c.dep_ == "neg" for c in clause.head.children)):
        return True  # "did not think it was practical"
    if (token.dep_ in ("xcomp", "ccomp") and governor in lexicon.permission_verbs
            and any(c.dep_ == "neg" for c in token.head.children)):
        return True  # "does not allow him to give up territory"
    return _negating_governor(token, lexicon)


def _negating_governor(token: Token, lexicon: StanceLexicon) -> bool:
    # "have trouble accepting", "it is difficult for Putin to agree"
    if token.dep_ not in ("xcomp", "pcomp", "acl", "ccomp", "advcl") or token.head.i == token.i:
        return False
    head = token.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    governors = [head, *(c for c in head.children if c.dep_ in ("acomp", "dobj", "attr"))]
    return any(g.lemma_.lower() in lexicon.negating_governors for g in governors)


def has_modal(token: Token, lexicon: StanceLexicon) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in lexicon.modals for c in token.children)


def _match_words(
    sent: Span, words: tuple[str, ...], lowered: list[str], present: set[str]
) -> list[tuple[int, int]]:
    """Where a phrase's words stand in a sentence, given the sentence's lowered words."""
    if words[0] not in present:
        return []
    found: list[tuple[int, int]] = []
    n = len(words)
    for i in range(len(lowered) - n + 1):
        if lowered[i] == words[0] and tuple(lowered[i : i + n]) == words:
            found.append((sent.start + i, sent.start + i + n))
    if not found and n > 1 and present.issuperset(words):
        # 'saw "no sense" in their presence': quotation marks inside a phrase do not break it
        kept = [i for i, t in enumerate(sent) if not t.is_quote]
        for k in range(len(kept) - n + 1):
            window = kept[k : k + n]
            if tuple(lowered[i] for i in window) == words:
                found.append((sent.start + window[0], sent.start + window[-1] + 1))
    return found


def _late_particle(verb: Token, particle: str) -> bool:
    """ "brushed the idea of a ceasefire aside": the particle after the object, which the
    parser may hang on the object's last word; no other verb comes between."""
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.pos_ in ("VERB", "AUX") or token.is_punct:
            return False
        if token.lower_ == particle and token.dep_ in ("advmod", "prt"):
            return verb in token.ancestors
    return False


def _phrasal_stance(token: Token, lexicon: StanceLexicon) -> tuple[str, int] | None:
    """A verb + particle frame: the stance and the end of the frame."""
    lemma = token.lemma_.lower()
    doc = token.doc
    for key, stance in lexicon.phrasal.items():
        if key[0] != lemma:
            continue
        particles = key[1:]
        following = tuple(t.lower_ for t in doc[token.i + 1 : token.i + 1 + len(particles)])
        if following == particles:
            return stance, token.i + 1 + len(particles)
        if len(particles) == 1 and any(
            c.lower_ == particles[0] and c.dep_ in PARTICLE_DEPS and c.i > token.i
            for c in token.children
        ):
            return stance, token.i + 1
        if len(particles) == 1 and _late_particle(token, particles[0]):
            return stance, token.i + 1
    return None


def find_stance_cues(sent: Span, lexicon: StanceLexicon) -> list[StanceCue]:
    """Every stance cue of one sentence, in text order."""
    cues: list[StanceCue] = []
    for token in sent:
        lemma = token.lemma_.lower()
        adjective = _adjective_cue(token, lexicon)
        if adjective is not None:
            cues.append(adjective)
            continue
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.tag_ == "VBN") or (
                _mistagged_verb(token)):
            if lemma in lexicon.negating_verbs and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.non_answers
                for c in token.children
            ):
                continue  # "declined to comment", "refused to elaborate": no position taken
            phrasal = _phrasal_stance(token, lexicon)
            if phrasal:
                stance, end = phrasal
                cues.append(StanceCue(stance, token.i, "phrasal", token.i, end,
                                      is_negated(token, lexicon)))
                continue
            if _obliged(token, lexicon):
                # "Ukraine must cede territory", in someone's words: the speaker demands it;
                # "borders must not be changed by force": the speaker rejects the change.
                stance = "reject" if is_negated(token, lexicon) else "demand"
                if stance == "reject" and _kept_measure(token, lexicon):
                    stance = "demand"  # "sanctions must not be lifted": they are to stay
                cues.append(StanceCue(stance, token.i, "obligation", token.i, token.i + 1))
                continue
            if lemma in lexicon.directive_verbs and _directs(token):
                # "warned Russia to agree to a truce": the act is demanded of the addressee
                cues.append(StanceCue("demand", token.i, "verb", token.i, token.i + 1,
                                      is_negated(token, lexicon)))
                continue
            if _denied_existence(token, lexicon):
                # "there will be no NATO troops in Ukraine", in someone's words: the speaker
                # rejects them (a plain "there was no agreement" reports a fact)
                cues.append(StanceCue("reject", token.i, "obligation", token.i, token.i + 1))
                continue
            if lemma in lexicon.object_only and any(c.dep_ == "xcomp" for c in token.children):
                continue  # "seeks to gain": an aim, not a demand
            if _coerces(token, lexicon) and not _complements_cue(token, cues):
                cues.append(StanceCue("threaten", token.i, "threat", token.i, token.i + 1,
                                      is_negated(token, lexicon)))
                continue
            nominal = ("propose" if lemma in lexicon.nominal_proposals
                       else "demand" if lemma in lexicon.nominal_demands else None)
            if nominal is not None and any(
                c.dep_ == "dobj" and c.pos_ == "NOUN" for c in token.children
            ):
                cues.append(StanceCue(nominal, token.i, "verb", token.i, token.i + 1,
                                      is_negated(token, lexicon)))
                continue
            committed = _commitment(token, lexicon)
            if committed is not None:
                cues.append(StanceCue(committed, token.i, "verb", token.i, token.i + 1,
                                      is_negated(token, lexicon)))
                continue
            if lemma in lexicon.verbs and token.pos_ != "AUX" and _proposes(token, lexicon):
                cues.append(StanceCue(lexicon.verbs[lemma], token.i, "verb", token.i, token.i + 1,
                                      is_negated(token, lexicon)))
                continue
            warns = lemma in lexicon.warning_verbs and (
                _has_threat_phrase(token, lexicon) or any(  # "vowed to retaliate"
                    c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.threat_verbs
                    for c in token.children
                ) or _warns_of_coercion(token, lexicon)
            )
            if warns or (has_modal(token, lexicon) and (
                lemma in lexicon.threat_verbs or _has_threat_phrase(token, lexicon)
            )):
                cues.append(StanceCue("threaten", token.i, "threat", token.i, token.i + 1,
                                      is_negated(token, lexicon)))
                continue

        elif token.pos_ == "NOUN" and lemma in lexicon.evaluation_nouns and (
            (judge := judging_governor(token, lexicon)) is not None
            or _stated_condition(token, lexicon)
        ):
            judge = judge or token.head  # "neutral status is a condition": the copula
            cues.append(StanceCue(lexicon.evaluation_nouns[lemma], token.i, "evaluation", token.i,
                                  token.i + 1, is_negated(judge, lexicon)))
        elif token.pos_ == "NOUN" and (evaluated := _judged_by_adjective(token, lexicon)):
            stance, judge = evaluated
            cues.append(StanceCue(stance, token.i, "evaluation", token.i, token.i + 1,
                                  is_negated(judge, lexicon)))
        elif token.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns:
            if not _noun_takes_stance(token, lexicon):
                continue
            cues.append(StanceCue(lexicon.nouns[lemma], token.i, "noun", token.i, token.i + 1,
                                  is_negated(token, lexicon)))
    lowered = [t.lower_ for t in sent]
    present = set(lowered)
    for words, stance in lexicon.phrases.items():
        for start, end in _match_words(sent, words, lowered, present):
            root = sent.doc[start:end].root
            own_negator = any(t.dep_ == "neg" or t.lower_ in lexicon.negators
                              for t in sent.doc[start:end])
            if root.dep_ == "neg" and root.head.i != root.i:
                root = root.head  # "is not up for discussion": the predicate carries it
            negated = stance != "reject" and not own_negator and is_negated(root, lexicon)
            cues.append(StanceCue(stance, root.i, "phrase", start, end, negated))
    cues.extend(_condition_cues(sent, lexicon, lowered, present))
    cues.extend(_ultimatum_cues(sent, lexicon))
    consequences = _consequence_cues(sent, lexicon)
    if consequences:
        # "warned that supplying the missiles would mean escalation" judges the measure by its
        # consequence; it does not threaten to act.
        judged = {c.token for c in consequences}
        cues = [c for c in cues if not (c.kind == "threat" and (
            c.token in judged
            or any(k.dep_ == "ccomp" and k.i in judged for k in sent.doc[c.token].children)
        ))]
        cues.extend(consequences)
    taken = {c.token for c in cues}
    doc = sent.doc
    cues.extend(c for c in _disavowals(sent, lexicon) if c.token not in taken)
    taken = {c.token for c in cues}
    cues.extend(c for c in _intention_cues(sent, lexicon) if c.token not in taken
                # "would form the basis of a settlement": the object states the stance
                and not any(k.i in taken and k.dep_ in ("dobj", "attr")
                            for k in doc[c.token].children))
    return sorted(cues, key=lambda c: (c.start, c.kind))


def _intention_cues(sent: Span, lexicon: StanceLexicon) -> list[StanceCue]:
    """What an actor says it will do: "it would resume military aid", "we will not surrender
    territory". Whether it is said of the speaker's own side is checked with the holders."""
    cues: list[StanceCue] = []
    for token in sent:
        lemma = token.lemma_.lower()
        verbal = token.pos_ == "VERB" or _mistagged_verb(token)
        if not verbal or lemma in lexicon.non_intent_verbs or (
                lemma in lexicon.intransitive_non_intents
                and not any(c.dep_ == "dobj" for c in token.children)):
            continue
        if lemma in lexicon.verbs or lemma in lexicon.threat_verbs:
            continue  # a stance verb states its own stance; force is a threat
        modals = {c.lower_ for c in token.children if c.dep_ == "aux"}
        reported = token.dep_ == "ccomp" and token.head.lemma_.lower() in lexicon.report_verbs
        if modals.isdisjoint(lexicon.intent_modals) and not (
            reported and not modals.isdisjoint(lexicon.reported_modals)
        ):
            continue
        if not any(c.dep_ == "nsubj" for c in token.children):
            continue  # "sanctions would be lifted": nobody commits to it
        negated = is_negated(token, lexicon)
        stance = "accept" if lemma in lexicon.accepting_verbs else "propose"
        cues.append(StanceCue("reject" if negated else stance, token.i, "intention", token.i,
                              token.i + 1))
    return cues


def _disavowals(sent: Span, lexicon: StanceLexicon) -> list[StanceCue]:
    """ "They have no plans to send troops", "does not have any intention of delivering
    missiles": having no intention of an act rejects it. The cue is the verb of having, so
    that its subject holds the refusal and the act is its object."""
    cues: list[StanceCue] = []
    for token in sent:
        if token.lemma_.lower() != "have" or token.pos_ not in ("VERB", "AUX"):
            continue
        for noun in token.children:
            if noun.dep_ != "dobj" or noun.lemma_.lower() not in lexicon.intention_nouns:
                continue
            none = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
            if not (none or is_negated(token, lexicon)):
                continue
            acts = [c for c in noun.subtree
                    if c.pos_ == "VERB" and c.head.i in (noun.i, *(p.i for p in noun.children))]
            if acts:
                cues.append(StanceCue("reject", token.i, "intention", noun.i, noun.i + 1))
                break
    return cues


def _directs(verb: Token) -> bool:
    """ "told Kyiv to accept the deal": an addressee and an infinitive after it."""
    addressed = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    return addressed and any(
        c.dep_ == "xcomp" and c.i > verb.i and any(a.lower_ == "to" for a in c.children)
        for c in verb.children)


def _ultimatum_cues(sent: Span, lexicon: StanceLexicon) -> list[StanceCue]:
    """ "stop the fighting or face sanctions": a verb of facing coordinated by "or" with the
    act demanded. The cue's clause is that act."""
    cues: list[StanceCue] = []
    for token in sent:
        if (token.lemma_.lower() not in lexicon.ultimatum_verbs or token.dep_ != "conj"
                or token.head.pos_ not in ("VERB", "AUX")):
            continue
        ors = [c for c in token.head.children
               if c.dep_ == "cc" and c.lower_ == "or" and c.i < token.i]
        if ors:
            cues.append(StanceCue("threaten", token.i, "ultimatum", ors[-1].i, ors[-1].i + 1,
                                  clause=token.head.i))
    return cues


def _complements_cue(token: Token, cues: list[StanceCue]) -> bool:
    """ "prepared to impose sanctions", "threatened to impose tariffs": the act is read
    through the cue that governs it."""
    return token.dep_ == "xcomp" and any(
        c.token == token.head.i and c.kind != "intention" for c in cues
    )


def _coerces(token: Token, lexicon: StanceLexicon) -> bool:
    """ "imposed sanctions on Rosneft", "adopted its 18th package of sanctions", "Russia was
    hit with tariffs": a coercive verb whose object (or passive subject) is a coercive
    measure, directly or as what a collective noun is made of ("package of sanctions")."""
    if token.lemma_.lower() not in lexicon.coercion_verbs:
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"]  # "hit with tariffs"
    for head in objects:
        nouns = [head] + [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"]
        nouns += [c for n in list(nouns) for c in n.children if c.dep_ == "conj"]
        if any(n.lemma_.lower() in lexicon.coercion_nouns for n in nouns):
            return True
    return False


def _kept_measure(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "Sanctions must not be lifted", "the pressure should not be eased": a coercive
    measure that must not be taken away is to be kept."""
    if verb.lemma_.lower() not in lexicon.relief_verbs:
        return False
    return any(c.dep_ in ("nsubjpass", "nsubj") and c.lemma_.lower() in lexicon.coercion_nouns
               for c in verb.children)


def _brings_coercion(act: Token, lexicon: StanceLexicon) -> bool:
    """ "ready to move to a second phase of sanctions", "ready to pass bone-crushing
    sanctions": an act that brings a coercive measure (not one that lifts it, nor talks)."""
    lemma = act.lemma_.lower()
    if lemma in lexicon.relief_verbs or lemma in lexicon.accepting_verbs:
        return False
    return _names_coercion(act, lexicon)


def _names_coercion(act: Token, lexicon: StanceLexicon, before: int | None = None) -> bool:
    """Whether what follows the act (up to ``before``) names a coercive measure."""
    end = len(act.doc) if before is None else before
    return any(t.lemma_.lower() in lexicon.coercion_nouns and t.pos_ == "NOUN"
               for t in act.subtree if act.i < t.i < end)


def _warns_of_coercion(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "warned that new sanctions would follow", "If Moscow refused, they warned, a package
    of sanctions would follow": a warning whose clause brings a coercive measure."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and has_modal(c, lexicon)]
    return any(t.lemma_.lower() in lexicon.coercion_nouns and t.pos_ == "NOUN"
               for clause in clauses for t in clause.subtree)


def _commitment(token: Token, lexicon: StanceLexicon) -> str | None:
    """ "pledged to deploy a force" offers it; "vowed to keep up sanctions" backs them; a
    pledge of force or harm ("vowed to retaliate") is a threat, read elsewhere."""
    if token.lemma_.lower() not in lexicon.commitment_verbs:
        return None
    act = next((c for c in token.children if c.dep_ == "xcomp" and c.i > token.i), None)
    if act is None and not _has_threat_phrase(token, lexicon):
        # "has committed to a multinational force": the measure committed to is offered;
        # committing to talks accepts them
        goal = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
        if goal is not None:
            # "is committed to a peace process" states support, not an offer
            state = any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in token.children)
            table = goal.lemma_.lower() in lexicon.table_nouns
            return "accept" if state or table else "propose"
    if act is None or _has_threat_phrase(token, lexicon):
        return None
    verb = act.lemma_.lower()
    if verb in lexicon.threat_verbs:
        return None
    return "accept" if verb in lexicon.accepting_verbs else "propose"


def _judged_by_adjective(noun: Token, lexicon: StanceLexicon) -> tuple[str, Token] | None:
    """ "called the sanctions an unfriendly act": a judged noun whose adjective evaluates."""
    stances = {lexicon.evaluative_adjectives.get(c.lemma_.lower()) for c in noun.children
               if c.dep_ == "amod"} - {None}
    if len(stances) != 1:
        return None
    judge = judging_governor(noun, lexicon)
    if judge is None and noun.dep_ == "attr" and noun.head.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in noun.head.children
    ):
        judge = noun.head  # "the deal was a positive development": the speaker judges it
    if judge is None:
        return None
    stance = stances.pop()
    return (stance, judge) if stance is not None else None


def _stated_condition(noun: Token, lexicon: StanceLexicon) -> bool:
    """ "neutral status is a fundamental condition for us": what is said to be a condition is
    demanded; "a ceasefire is a trap": what is said to be a trap is rejected. Only a named
    thing is judged so ("it is a mistake" may judge anything)."""
    stance = lexicon.evaluation_nouns.get(noun.lemma_.lower())
    if stance is None or noun.dep_ != "attr" or noun.head.lemma_.lower() != "be":
        return False
    subjects = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if stance == "demand":
        return bool(subjects)
    return any(c.pos_ in ("NOUN", "PROPN") for c in subjects)


def judging_governor(noun: Token, lexicon: StanceLexicon) -> Token | None:
    """The judging verb an evaluative noun is predicated by: "called the plan theft",
    "branded the idea a matter of concern", "described the guarantees as a danger"."""
    node = noun
    if node.dep_ == "appos":
        # "called the idea of a frozen conflict a mistake", parsed as an apposition to the
        # end of the object: the object is the judged phrase
        node = node.head
        for _ in range(4):
            if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
                break
            node = node.head
    elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.i != node.head.i:
        node = node.head.head  # "a matter of concern", "guarantees of danger"
    head = node.head
    if node.dep_ == "pobj" and head.lower_ == "as":
        head, node = head.head, head
    if node.dep_ not in ("oprd", "attr", "dobj", "ccomp", "xcomp", "prep", "npadvmod"):
        return None
    if head.i == node.i or head.pos_ not in ("VERB", "AUX"):
        return None
    return head if head.lemma_.lower() in lexicon.judging_verbs else None


def harmful(verb: Token, lexicon: StanceLexicon) -> bool:
    """Whether a clause says its subject would do harm: "would wreck the thaw", "could end
    badly", "would mean a new stage of escalation"."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.harm_verbs:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in lexicon.harm_adverbs for c in verb.children):
        return True
    if lemma not in lexicon.consequence_verbs:
        return False
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "prep", "attr")]
    return any(t.lemma_.lower() in lexicon.harm_nouns for o in objects for t in o.subtree)


def alarming(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "The issue was causing extreme concern": what causes alarm to the one who says so
    is rejected by them."""
    if verb.lemma_.lower() not in lexicon.causative_verbs:
        return False
    return any(
        c.dep_ == "dobj" and lexicon.evaluation_nouns.get(c.lemma_.lower()) == "reject"
        for c in verb.children
    )


def consequence_subject(verb: Token) -> Token | None:
    """The measure a harmful clause is about: its subject, unless the subject is an actor
    (then it is a threat or a forecast, not a judgement of a measure)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")),
                   None)
    if subject is None:
        return None
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in ("it", "this", "that"):
        return None
    return subject


def _consequence_cues(sent: Span, lexicon: StanceLexicon) -> list[StanceCue]:
    """ "Supplying the missiles would wreck the thaw", "if troops are sent, it would mean
    tension": to warn that a measure would do harm is to reject it."""
    cues: list[StanceCue] = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if not (has_modal(token, lexicon) and harmful(token, lexicon)) and not alarming(
            token, lexicon
        ):
            continue
        if consequence_subject(token) is not None:
            cues.append(StanceCue("reject", token.i, "consequence", token.i, token.i + 1,
                                  is_negated(token, lexicon)))
    return cues


def _noun_takes_stance(noun: Token, lexicon: StanceLexicon) -> bool:
    """"a call for talks" is a demand; "a phone call with Putin" is not."""
    preps = lexicon.prepositional_nouns.get(noun.lemma_.lower())
    if preps is None:
        return True
    return any(c.dep_ in ("prep", "acl") and c.lower_ in preps for c in noun.children) or any(
        c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in noun.children
    )


PREDICATIVE_DEPS = frozenset({"acomp", "attr", "oprd", "ROOT", "conj", "xcomp", "ccomp", "amod"})


def _adjective_cue(token: Token, lexicon: StanceLexicon) -> StanceCue | None:
    """Predicative adjectives and participles: "open to talks", "was prepared for"."""
    if token.pos_ not in ("ADJ", "VERB") or token.dep_ not in PREDICATIVE_DEPS:
        return None
    if token.pos_ == "VERB" and token.tag_ != "VBN":
        return None
    if token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                   for c in token.children):
        return None  # "have committed to deploying troops": a perfect verb, no adjective
    word = token.lower_
    if token.dep_ == "amod" and word not in lexicon.evaluations:
        return None
    negated = is_negated(token, lexicon)
    if word in lexicon.adjectives:
        stance = lexicon.adjectives[word]
        complement = next((c for c in token.children if c.dep_ == "xcomp"), None)
        # "ready to consider putting troops on the ground": the act considered is the offer
        inner = next((c for c in complement.children if c.dep_ in ("xcomp", "ccomp")
                      and c.pos_ == "VERB"), None) if complement is not None else None
        if complement is not None and complement.lemma_.lower() in CONSIDERING and inner:
            complement = inner
        act = complement.lemma_.lower() if complement is not None else None
        if stance == "accept" and (act in lexicon.threat_verbs or (
                complement is not None and _brings_coercion(complement, lexicon))):
            stance = "threaten"  # "ready to impose sanctions", "ready to pass sanctions"
        elif stance == "accept" and act is not None and act not in lexicon.accepting_verbs:
            stance = "propose"  # "ready to pass a law": an offer
        return StanceCue(stance, token.i, "adjective", token.i, token.i + 1, negated)
    if word in lexicon.evaluations:
        owners = [token, token.head] if token.dep_ in ("acomp", "attr") else [token]
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.epistemic_verbs
               for owner in owners for c in owner.children):
            return None  # "impossible to tell whether ...": a judgement of knowledge
        return StanceCue(lexicon.evaluations[word], token.i, "evaluation", token.i, token.i + 1,
                         negated)
    return None


def _mistagged_verb(token: Token) -> bool:
    """ 'Moscow "categorically rejects" any scenario': a word the tagger took for a plural
    noun that heads a clause with a subject and an object is its verb."""
    return (token.pos_ == "NOUN" and token.dep_ in ("ROOT", "ccomp", "conj")
            and any(c.dep_ == "nsubj" for c in token.children)
            and any(c.dep_ == "dobj" for c in token.children))


def _denied_existence(token: Token, lexicon: StanceLexicon) -> bool:
    """ "there will be no ...", "there can be no ...", "there will not be ...": a modal
    existential that is denied."""
    if token.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in token.children):
        return False
    modal = any(c.dep_ == "aux" and (c.lower_ in lexicon.modals or c.lower_ == "can")
                for c in token.children)
    denied = any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "attr" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in token.children)
    return modal and denied


def _obliged(token: Token, lexicon: StanceLexicon) -> bool:
    """An obligation on someone other than the speaker: "Kyiv must withdraw"."""
    modal = any(c.dep_ == "aux" and c.lower_ in lexicon.obligation_modals for c in token.children)
    # "Russia has to withdraw", "Europe needs to act": the verb with a "to" complement
    periphrastic = token.lemma_.lower() in lexicon.obligation_verbs and any(
        c.dep_ == "xcomp" and c.i > token.i and any(a.lower_ == "to" for a in c.children)
        for c in token.children
    )
    if not (modal or periphrastic):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(s.lower_ in ("i", "we") for s in subjects)


def _proposes(token: Token, lexicon: StanceLexicon) -> bool:
    """Weak proposal verbs ("suggest") propose only with a modal clause or a non-clause."""
    if token.lemma_.lower() not in lexicon.weak_proposals:
        return True
    for child in token.children:
        if child.dep_ == "ccomp":
            return has_modal(child, lexicon) or any(
                c.lower_ == "should" for c in child.children
            )
    return True


def _has_threat_phrase(token: Token, lexicon: StanceLexicon) -> bool:
    words = [t.lower_ for t in token.subtree]
    for phrase in lexicon.threat_phrases:
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
            return True
    return False


def threatens(token: Token, lexicon: StanceLexicon) -> bool:
    """Whether a clause threatens force or harm: a threat phrase under a future or modal verb."""
    return _has_threat_phrase(token, lexicon) and (
        has_modal(token, lexicon) or token.lemma_.lower() in lexicon.threat_verbs
    )


def _condition_cues(
    sent: Span, lexicon: StanceLexicon, lowered: list[str], present: set[str]
) -> list[StanceCue]:
    """Conditions ("only if", "once", "unless") under a main clause: demands."""
    cues: list[StanceCue] = []
    for token in sent:
        # "only after", "only when": "only" makes a time clause a condition
        restricted = token.i > 0 and sent.doc[token.i - 1].lower_ == "only"
        # "will order a ceasefire as soon as Kyiv pulls out": like "once"
        soon = token.lower_ == "as" and token.i > 1 and sent.doc[token.i - 1].lower_ == "soon"
        # "will not negotiate while troops remain in Kursk": a refusal that lasts as long as
        # something does demands its end
        lasting = token.lower_ in lexicon.negated_condition_words
        if token.dep_ != "mark" or not (
            token.lower_ in lexicon.condition_words or restricted or soon or lasting
        ):
            continue
        clause = token.head
        main = clause.head
        if lasting and not (main.pos_ in ("VERB", "AUX") and is_negated(main, lexicon)
                            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)):
            continue  # not "will not join NATO, while leaving open its path to the EU"
        if soon and main.lower_ == "soon" and main.head.i != main.i:
            main = main.head
        if clause.dep_ not in ("advcl", "ccomp", "conj") or main == clause:
            continue
        # "would consider further sanctions if Moscow refused", "would face new sanctions
        # unless ...": a coercive measure held out
        coercive = (has_modal(main, lexicon) and main.lemma_.lower() not in lexicon.relief_verbs
                    and _names_coercion(main, lexicon, clause.left_edge.i))
        stance = "threaten" if threatens(main, lexicon) or coercive else "demand"
        if stance == "demand" and harmful(main, lexicon):
            continue  # "if troops are sent, it would mean tension": a rejection (consequence)
        cues.append(StanceCue(stance, main.i, "condition", token.i, token.i + 1,
                              clause=clause.i))
    cues.extend(_restricted_adjuncts(sent))
    cues.extend(_necessary_adjuncts(sent, lexicon))
    for words in lexicon.condition_phrases:
        for start, _end in _match_words(sent, words, lowered, present):
            head = sent.doc[start]
            stance = "demand"
            if words in lexicon.exchange_phrases and _demanded(head.head, lexicon):
                stance = "propose"  # the price offered for a demand
            cues.append(StanceCue(stance, head.head.i, "condition", start, _end,
                                  clause=head.i))
    return cues


def _necessary_adjuncts(sent: Span, lexicon: StanceLexicon) -> list[StanceCue]:
    """ "a durable peace was impossible without eliminating the root causes", "peace cannot be
    reached without ...": what the clause cannot be without is a condition of it."""
    cues: list[StanceCue] = []
    for token in sent:
        if token.lower_ != "without" or token.dep_ != "prep":
            continue
        head = token.head
        # "impossible without", however the parser hung "without" (on the adjective or on
        # its copula)
        judged = [head, *(c for c in head.children if c.dep_ in ("acomp", "attr"))]
        impossible = any(lexicon.evaluations.get(t.lower_) == "reject" and t.pos_ == "ADJ"
                         for t in judged)
        if not (impossible or (head.pos_ in ("VERB", "AUX") and is_negated(head, lexicon))):
            continue
        if not any(c.dep_ in ("pobj", "pcomp") for c in token.children):
            continue
        main = head.head if head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr") else head
        cues.append(StanceCue("demand", main.i, "condition", token.i, token.i + 1,
                              clause=token.i))
    return cues


def _restricted_adjuncts(sent: Span) -> list[StanceCue]:
    """ "could happen only as a result of agreements", "made sense only to sign a finished
    agreement", "possible only after a ceasefire": "only" before an adjunct makes it a
    condition of the clause it modifies. A date or time ("only in January") is a forecast."""
    cues: list[StanceCue] = []
    for token in sent:
        if token.lower_ != "only" or token.dep_ != "advmod":
            continue
        adjunct = token.head
        if adjunct.i != token.i + 1 and not (
            adjunct.i == token.i + 2 and sent.doc[token.i + 1].lower_ == "to"
        ):
            continue
        if adjunct.dep_ == "prep":
            objects = [c for c in adjunct.children if c.dep_ == "pobj"]
            if not objects or any(o.ent_type_ in ("DATE", "TIME") for o in objects):
                continue
        elif not (adjunct.dep_ in ("advcl", "xcomp") and adjunct.pos_ == "VERB"
                  and any(c.dep_ == "aux" and c.lower_ == "to" for c in adjunct.children)):
            continue
        main = adjunct.head
        if main.i == adjunct.i or main.pos_ not in ("VERB", "AUX"):
            continue
        cues.append(StanceCue("demand", main.i, "condition", token.i, token.i + 1,
                              clause=adjunct.i))
    return cues


def _demanded(main: Token, lexicon: StanceLexicon) -> bool:
    """Whether a clause is what a demand verb asks for ("wanted Ukraine to withdraw")."""
    for verb in (main, main.head):
        if lexicon.verbs.get(verb.lemma_.lower()) == "demand" and verb.pos_ == "VERB":
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "conj"):
            break
    return False


def resolve_stance(cue: StanceCue) -> str | None:
    """The stance a cue expresses once negation is applied; None when negation voids it."""
    if not cue.negated:
        return cue.stance
    return FLIPS.get(cue.stance)


__all__ = [
    "RESOURCE",
    "LexiconError",
    "StanceCue",
    "StanceLexicon",
    "consequence_subject",
    "find_stance_cues",
    "harmful",
    "has_modal",
    "is_negated",
    "judging_governor",
    "load_stance_lexicon",
    "resolve_stance",
    "threatens",
]
