"""Names for the plans an article describes by their terms rather than by a name: "the
proposals made by the president-elect's team to postpone X and to deploy Y" becomes "US
proposals on NATO membership and peacekeepers", built from the proposer's side and the
short labels of the issues its terms name (pack data), so the name says what the plan is.

A phrase with a word of its own beyond its proposer, plan noun and qualifiers ("the
Harmony Initiative", "a 12-point plan") names the plan; "Trump's Ukraine peace plan" does
not, and gives way to the described name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from redline.model import Mention
from redline.nlp.issues import concrete_issues
from redline.nlp.plan_lexicon import PlanLexicon
from redline.nlp.plan_mentions import PlanPhrase, Strength
from redline.nlp.plan_proposers import Proposer, actor_name_tokens
from redline.nlp.plan_terms import Term
from redline.packs.schema import Pack

# A name lists at most this many issues: a longer list reads as a summary, not a name.
MAX_NAMED_ISSUES = 3


def _in_mention(token: Token, mentions: list[Mention]) -> bool:
    return any(m.start < token.idx + len(token) and token.idx < m.end for m in mentions)


def _vague_word(token: Token, lexicon: PlanLexicon, mentions: list[Mention],
                names: set[int]) -> bool:
    """A word that does not tell one plan from another: grammar, a plan noun, a qualifier
    ("peace"), a marker ("new", "revised") or a name of an actor or side."""
    lower, lemma = token.lower_, token.lemma_.casefold()
    return (
        token.is_punct or token.is_space or token.pos_ in {"DET", "PART", "PRON", "ADP", "CCONJ"}
        or lower in {"'s", "’s"}
        or lexicon.is_plan_noun(lemma) or lexicon.is_plan_noun(lower)
        or bool({lemma, lower} & lexicon.described_nouns)
        or lemma in lexicon.qualifiers
        or lower in lexicon.anaphoric_modifiers | lexicon.novelty_markers
        or lower in lexicon.original_markers | lexicon.revision_markers
        or _in_mention(token, mentions) or token.i in names
    )


def document_noun(doc: Doc, phrase: PlanPhrase, lexicon: PlanLexicon) -> str | None:
    """The phrase's plan noun as written, lower-cased, where it names a document by itself
    ("memorandum", "counter-proposal", "term sheet"); None for "plan", "proposals"..."""
    head = doc[phrase.head]
    forms = [head.lower_, head.lemma_.casefold()]
    if phrase.head >= phrase.start + 1:
        forms.insert(0, f"{doc[phrase.head - 1].lower_} {head.lower_}")
    if phrase.head >= phrase.start + 2 and doc[phrase.head - 1].text == "-":
        forms.insert(0, f"{doc[phrase.head - 2].lower_}-{head.lower_}")
    return next((form for form in forms if lexicon.is_document(form)), None)


def side_name(doc: Doc, phrase: PlanPhrase, pack: Pack, lexicon: PlanLexicon) -> str | None:
    """ "Russia's memorandum", "Kyiv's counter-proposal": a document of one side, named by
    the side and the noun ("Russian memorandum", "Ukrainian counter-proposal"); None when
    the phrase has no document noun or no side."""
    noun = document_noun(doc, phrase, lexicon)
    if noun is None:
        return None
    written = _written_side(doc, phrase, pack)
    if written is not None:
        return f"{written} {noun}"  # "the European counter-proposal, drafted by Britain, …"
    proposer = phrase.proposer
    if proposer is None or proposer.party is None:
        return None
    party = pack.party(proposer.party)
    if party is None or party.id == "other":
        return None
    return f"{party.short_name()} {noun}"


def _written_side(doc: Doc, phrase: PlanPhrase, pack: Pack) -> str | None:
    """A side's adjective written in the phrase before its noun ("European", "Ukrainian"),
    as written: the text's own name for whose document it is."""
    adjectives = {
        adjective.casefold() for party in pack.parties for adjective in party.adjectives
    }
    words = list(doc[phrase.start : phrase.head])
    # "the European counter-proposal": the parser may hang the adjective on "counter".
    words += [t for w in doc[phrase.start : phrase.head + 1] for t in w.lefts if t.i < phrase.start]
    for token in words:
        if token.dep_ in ("amod", "compound") and token.text.casefold() in adjectives:
            return token.text
    return None


def names_the_plan(doc: Doc, phrase: PlanPhrase, pack: Pack, lexicon: PlanLexicon) -> bool:
    """Whether the phrase gives the plan a name of its own: a size or a known alias, a
    side's document ("Russia's memorandum"), or a word beyond its proposer, plan noun and
    qualifiers."""
    if phrase.strength is Strength.STRONG or side_name(doc, phrase, pack, lexicon):
        return True
    mentions: list[Mention] = list(doc._.mentions or [])
    span = doc[phrase.start : phrase.end]
    names = actor_name_tokens(span, pack)
    return any(not _vague_word(t, lexicon, mentions, names) for t in span)


def _plan_noun(doc: Doc, head: int, lexicon: PlanLexicon) -> str:
    """The plan noun as written, with the word before it where the two are one noun
    ("term sheet"), lower-cased."""
    token = doc[head]
    if head > 0 and f"{doc[head - 1].lower_} {token.lower_}" in lexicon.plan_nouns:
        return f"{doc[head - 1].lower_} {token.lower_}"
    return token.lower_


def _side(pack: Pack, proposer: Proposer | None, named_by: str | None) -> str | None:
    """How the name calls the proposer: its side's short name, else the actor, else the
    words that named it."""
    if proposer is not None:
        party = pack.party(proposer.party) if proposer.party else None
        if party is not None and party.id != "other":
            return party.short_name()
        return proposer.actor
    return named_by


def _listed(labels: list[str]) -> str:
    if len(labels) < 2:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} and {labels[-1]}"


@dataclass(frozen=True)
class Description:
    """A plan named from its terms, and its proposer as the stating phrase names it."""

    name: str
    proposer: str | None


def describe(
    doc: Doc, terms: list[Term], phrases: list[PlanPhrase], pack: Pack, lexicon: PlanLexicon
) -> Description | None:
    """ "US proposals on NATO membership and peacekeepers": the side of the proposer, the
    plan noun of the phrase that states the terms, and the issues of those terms in text
    order; None when no phrase states terms with an issue. The proposer is the one the
    stating phrase names, else the first any phrase names."""
    stated = sorted((t for t in terms if t.by is not None and t.issues), key=lambda t: t.start)
    if not stated:
        return None
    issues = concrete_issues([i for t in stated for i in t.issues])[:MAX_NAMED_ISSUES]
    labels = [issue.short_label() for i in issues if (issue := pack.issue(i)) is not None]
    stating = {t.by for t in stated}
    phrase = next(p for p in phrases if p.head in stating)
    proposer = phrase.proposer or next((p.proposer for p in phrases if p.proposer), None)
    named_by = phrase.named_by or next((p.named_by for p in phrases if p.named_by), None)
    side = _side(pack, proposer, named_by)
    noun = _plan_noun(doc, phrase.head, lexicon)
    described = f"{noun} on {_listed(labels)}" if labels else noun
    name = f"{side} {described}" if side else described[:1].upper() + described[1:]
    return Description(name, proposer.actor if proposer else named_by)
