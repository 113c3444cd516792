"""The ``redline_actors`` spaCy component: finds every reference to an actor and resolves it
to the pack's canonical name, setting ``doc._.mentions`` (a list of ``Mention``, by start).

References found: full names and spelling variants, surnames, aliases, metonyms ("the
Kremlin", "Moscow"), titles dated by ``doc._.published`` ("the Polish prime minister"),
title + name as one mention, epithets, party adjectives before collective nouns ("Russian
officials"), linked groups ("a Kremlin-linked think tank"), entourages ("Putin mouthpieces":
the side), unnamed sources ("Kremlin sources", resolution ``unnamed``), documents ("the
document": its author, resolution ``document``), people the pack does not know (spaCy PERSON
entities, resolution ``ner``), pronouns and definite descriptions ("the envoy", "Russia's
foreign minister"). Mentions may nest ("Putin mouthpieces" holds "Putin"); the helpers
below prefer the longest.

Helpers for the other components:

- ``mention_at(doc, start_char, end_char)``: the mention overlapping a character span,
  preferring the longest, then the most confident.
- ``mentions_in(doc, start_char, end_char)``: the mentions lying inside a character span.
- ``resolve_speaker_span(doc, span)``: the actor a subject noun phrase denotes (the subtree
  of a speech verb's ``nsubj``), pronouns, descriptions and appositives included.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from redline.model import Mention
from redline.nlp.actor_entities import adjective_mentions, pack_mentions
from redline.nlp.actor_groups import (
    document_mentions,
    group_mentions,
    proxy_mentions,
    unnamed_source_mentions,
)
from redline.nlp.actor_index import ActorIndex, index_for
from redline.nlp.actor_lexicon import load_lexicon
from redline.nlp.actor_matching import Draft, SurfaceMatcher, draft_text
from redline.nlp.actor_ner import ner_mentions, prefer_recent_strangers
from redline.nlp.actor_references import ReferenceResolver
from redline.nlp.extensions import register_extensions

__all__ = [
    "ActorRecognizer",
    "find_mentions",
    "mention_at",
    "mentions_in",
    "resolve_speaker_span",
]


class ActorRecognizer:
    """Finds and resolves actor mentions with one pack; the matcher is built once."""

    def __init__(self, nlp: Language, pack: str, index: ActorIndex | None = None) -> None:
        register_extensions()
        self.index = index or index_for(pack)
        self.matcher = SurfaceMatcher(self.index, nlp.make_doc)
        self.resolver = ReferenceResolver(self.index, nlp.make_doc)

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(doc, self.matcher, self.resolver)
        return doc


@Language.factory(
    "redline_actors",
    default_config={"pack": "russia-ukraine"},
    assigns=["doc._.mentions"],
)
def make_actor_recognizer(nlp: Language, name: str, pack: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, pack)


def find_mentions(doc: Doc, matcher: SurfaceMatcher, resolver: ReferenceResolver) -> list[Mention]:
    """Every actor mention of a Doc, sorted by start."""
    index = matcher.index
    drafts = pack_mentions(doc, matcher)
    drafts += ner_mentions(doc, drafts, index)
    drafts = prefer_recent_strangers(doc, drafts)
    drafts += adjective_mentions(doc, drafts, index)
    drafts = group_mentions(doc, drafts, index)
    drafts += proxy_mentions(doc, drafts, index)
    drafts += unnamed_source_mentions(doc, drafts, index)
    drafts += document_mentions(doc, drafts, index)
    drafts.sort(key=lambda d: (d.start, -d.end))
    references = resolver.resolve(doc, drafts)
    wrappers = [r for r in references if r.end - r.start > 1]
    if wrappers:
        # "NATO's new chief" is Rutte; the "NATO" inside it is not a mention of its own.
        drafts = [d for d in drafts if not any(_inside(d, w) for w in wrappers)]
    drafts += references
    drafts.sort(key=lambda d: (d.start_char, -d.end_char))
    return [_to_mention(doc, d) for d in drafts]


def _inside(inner: Draft, outer: Draft) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner is not outer


def _to_mention(doc: Doc, draft: Draft) -> Mention:
    return Mention(
        start=draft.start_char,
        end=draft.end_char,
        text=draft_text(doc, draft),
        actor=draft.actor,
        party=draft.party,
        resolution=draft.resolution,
        confidence=draft.confidence,
        kind=draft.kind,
    )


# ---- helpers for other components -----------------------------------------------------


def _mentions(doc: Doc) -> list[Mention]:
    return list(doc._.mentions or ())


def mention_at(doc: Doc, start_char: int, end_char: int) -> Mention | None:
    """The mention overlapping a character span, preferring the longest, then the most
    confident; None when no mention overlaps it."""
    best: Mention | None = None
    for mention in _mentions(doc):
        if mention.start >= end_char:
            break
        if mention.end <= start_char:
            continue
        if best is None or (mention.end - mention.start, mention.confidence) > (
            best.end - best.start,
            best.confidence,
        ):
            best = mention
    return best


def mentions_in(doc: Doc, start_char: int, end_char: int) -> list[Mention]:
    """The mentions lying wholly inside a character span, in text order."""
    return [m for m in _mentions(doc) if m.start >= start_char and m.end <= end_char]


def resolve_speaker_span(doc: Doc, span: Span) -> Mention | None:
    """The actor a noun phrase denotes, such as the subject of a speech verb.

    The mention on the phrase's head word wins ("Kremlin aide Yuri Ushakov" is Ushakov);
    then a named appositive ("Putin's ambassador to London, Andrey Kelin"); then, for a
    collective head ("the foreign ministry in Kyiv", "Russia's foreign ministry"), the state
    named inside it. A bare possessor ("Putin's forces") is not the speaker: None.
    """
    start_char = span.start_char
    end_char = span.end_char
    inside = [m for m in _mentions(doc) if m.start < end_char and m.end > start_char]
    if not inside:
        return None
    root = span.root
    on_root = [m for m in inside if m.start <= root.idx < m.end]
    if on_root:
        return max(on_root, key=lambda m: (m.end - m.start, m.confidence))
    for child in root.children:
        if child.dep_ == "appos":
            found = [m for m in inside if m.start <= child.idx < m.end]
            if found:
                return max(found, key=lambda m: m.confidence)
    collective = load_lexicon().collective_heads
    if root.norm_ in collective or root.lemma_.casefold() in collective:
        states = [m for m in inside if m.kind != "person"]
        if states:
            return max(states, key=lambda m: m.confidence)
    return None
