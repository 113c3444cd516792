"""Indirect speech: the content a speech verb or "according to" phrase attributes to a speaker
("Putin said that deferring NATO membership would not be satisfactory"), for the claims stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from redline.model import Quote, TextSpan
from redline.nlp.doc_cache import text_of
from redline.nlp.quote_cues import SourcePhrase
from redline.nlp.quote_marks import QUOTE_MARKS
from redline.nlp.quote_speakers import Speaker

# Above this share of its characters inside a direct quote, the content is that quote.
MAX_QUOTED_SHARE = 0.5
MAX_CONFIDENCE = 0.8


def states_content(verb: Token, clause: Token, question_verbs: frozenset[str]) -> bool:
    """Whether ``clause`` is what the speaker said: not a question ("asked what the US could
    do", "whether …"), nor the complement of a participle with no speaker of its own, nor a
    sentence before a semicolon that the parser hung on the verb after it."""
    if verb.lemma_.lower() in question_verbs:
        return False
    if verb.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        return False
    if clause.i < verb.i and any(t.text == ";" for t in verb.doc[clause.right_edge.i : verb.i]):
        return False  # "Russia has not accepted it; instead, Putin has proposed …": misparsed
    return not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _opened(text: str) -> bool:
    """Whether ``text`` has more quote marks that open than close (by position)."""
    marks = [i for i, c in enumerate(text) if c in QUOTE_MARKS]
    opening = sum(1 for i in marks if i == 0 or text[i - 1].isspace())
    return opening > len(marks) - opening


class ReportedSpeech:
    """Builds indirect Quote records for one Doc."""

    def __init__(
        self,
        doc: Doc,
        quoted: list[tuple[int, int]],
        sentence_of: Callable[[int, int], TextSpan | None],
        paragraph_of: Callable[[int], tuple[int, int]],
        question_verbs: frozenset[str],
    ) -> None:
        self.doc = doc
        self.paragraph_of = paragraph_of  # a parse can run across a paragraph break
        self.question_verbs = question_verbs
        self.text = text_of(doc)
        self.quoted = quoted
        self.sentence_of = sentence_of

    def _record(
        self, tokens: list[Token], speaker: Speaker, cue: str, cue_start: int, cue_end: int
    ) -> Iterator[Quote]:
        while tokens and tokens[0].is_punct:
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct and tokens[-1].text not in QUOTE_MARKS:
            tokens = tokens[:-1]
        if not tokens:
            return
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        text = self.text
        if end < len(text) and text[end] in QUOTE_MARKS and _opened(text[start:end]):
            end += 1  # keep the closing mark of a quote the content opened
        inside = sum(min(end, b) - max(start, a) for a, b in self.quoted if a < end and start < b)
        if inside > MAX_QUOTED_SHARE * (end - start):
            return  # the content is a direct quote, reported as such
        yield Quote(
            text=text[start:end],
            start=start,
            end=end,
            speaker=speaker.actor,
            party=speaker.party,
            kind="indirect",
            cue=cue,
            cue_start=cue_start,
            cue_end=cue_end,
            resolution=speaker.resolution,
            confidence=round(min(MAX_CONFIDENCE, speaker.confidence), 2),
            sentence=self.sentence_of(min(start, cue_start), max(end, cue_end)),
        )

    def from_verb(self, verb: Token, speaker: Speaker) -> Iterator[Quote]:
        """The complement clause of a speech verb: "told reporters (that) Moscow was ready"."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses or not states_content(verb, clauses[0], self.question_verbs):
            return
        low, high = self.paragraph_of(verb.idx)
        tokens = sorted((t for t in clauses[0].subtree if low <= t.idx < high), key=lambda t: t.i)
        yield from self._record(tokens, speaker, verb.text, verb.idx, verb.idx + len(verb.text))

    def from_source_phrase(self, phrase: SourcePhrase, speaker: Speaker) -> Iterator[Quote]:
        """The clause an "according to X" phrase hangs on, without the phrase itself."""
        anchor = phrase.first.head
        if anchor is phrase.first or anchor.pos_ not in ("VERB", "AUX"):
            anchor = phrase.first.sent.root
        own = {t.i for t in phrase.first.subtree} | {phrase.first.i, phrase.last.i}
        low, high = self.paragraph_of(phrase.first.idx)
        tokens = [t for t in anchor.subtree if t.i not in own and low <= t.idx < high]
        end = phrase.last.idx + len(phrase.last.text)
        cue = self.text[phrase.first.idx : end]
        yield from self._record(tokens, speaker, cue, phrase.first.idx, end)
