"""Sentence-level rules of claim extraction: which cues are hypothetical or predicted,
which issue cues count for a frame, anaphora, complements, and the hedges of outlets."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from redline.nlp.claim_frames import Frame, controlled_by_object, subtree_ids
from redline.nlp.claim_holders import Holder, HolderIndex
from redline.nlp.claim_segments import Segment
from redline.nlp.issues import GENERIC_ISSUES, IssueHit, concrete_issues
from redline.nlp.stance import StanceCue, StanceLexicon

ANAPHORS = frozenset({"this", "that", "it", "them", "these", "those", "such"})
# Modals that make a narrative clause a prediction or a hypothesis, not a position taken.
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "will", "'ll", "wo", "ca"})


def issues_for(
    frame: Frame, hits: list[IssueHit], blocked: set[int], doc: Doc | None = None
) -> list[str]:
    def within(area: set[int]) -> list[IssueHit]:
        return [
            h for h in hits
            if all(i in area for i in range(h.start, h.end))
            and not blocked.intersection(range(h.start, h.end))
        ]

    inside = within(frame.region) or within(frame.demoted) or within(frame.secondary)
    if doc is not None:
        core = [h for h in inside if not locative(doc, h)]
        inside = core or inside
    if doc is None:
        return concrete_issues([h.issue for h in inside])
    return drop_covering_generics(doc, inside)


LOCATIVE_PREPS = frozenset({"in", "near", "at", "along", "on", "from", "inside", "across"})


def locative(doc: Doc, hit: IssueHit) -> bool:
    """A cue that only says where ("soldiers captured in Kursk", "a zone near Crimea")."""
    root = doc[hit.start : hit.end].root
    for _ in range(3):  # "in the Kherson and Zaporizhzhia regions": up to the place noun
        if root.dep_ not in ("compound", "nmod", "amod", "conj") or root.head.i == root.i:
            break
        root = root.head
    return (
        root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS
        and root.head.head.pos_ in ("NOUN", "VERB", "PROPN")
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
            if any(c.start in own or hit.start in subtree_ids(doc[c.start:c.end].root)
                   for c in concrete):
                continue
            if not beside(doc, root, concrete):
                continue
        kept.append(hit.issue)
    return list(dict.fromkeys(kept))


def beside(doc: Doc, root: Token, concrete: list[IssueHit]) -> bool:
    """Whether a generic hit is coordinated with a concrete one (a list of terms)."""
    for hit in concrete:
        other = doc[hit.start : hit.end].root
        related = other.head.i in (root.i, root.head.i) or root.head.i == other.i
        if related and "conj" in (other.dep_, root.dep_):
            return True
    return False


def hypothetical(token: Token, lexicon: StanceLexicon, seg: Segment) -> bool:
    """Inside a condition ("if Ukraine agreed ...", "should Ukraine be pushed to sign")."""
    node = token
    for _ in range(6):
        if not seg.start <= node.i < seg.end:
            return False  # the parse ran across a line break
        if node.dep_ == "advcl":
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
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


def predicted(token: Token, cue: StanceCue, in_quote: bool) -> bool:
    """A narrative prediction ("Putin will reject the plan") is nobody's stated position."""
    if cue.kind in ("threat", "condition") or cue.stance == "threaten" or in_quote:
        return False
    head = token.head if cue.kind in ("adjective", "evaluation", "phrase") else token
    modal = any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in head.children)
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
