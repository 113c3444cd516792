"""Cuts sentences at line breaks and marks the lines that are not prose: headlines, photo
captions and sidebar labels, which the parser often glues onto the next sentence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from redline.nlp.doc_cache import cached, text_of

# A line that does not end like a sentence is a headline, caption or sidebar label.
SENTENCE_ENDINGS = tuple(".!?\"'”’:;)…")
CAPTION_MARKERS = ("pictured", "photo:", "getty images", "click here", "read more")


@dataclass(frozen=True)
class Segment:
    """Tokens [start, end) of one sentence on one line."""

    start: int
    end: int
    start_char: int
    end_char: int
    caption: bool


def _line_is_caption(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    lowered = stripped.lower()
    if any(marker in lowered for marker in CAPTION_MARKERS):
        return True
    return not stripped.endswith(SENTENCE_ENDINGS)


def segments_of(doc: Doc) -> tuple[Segment, ...]:
    """Every sentence of the Doc, cut at line breaks, with caption lines marked (computed
    once per Doc)."""
    return cached(doc, "segments", _segments)


def _segments(doc: Doc) -> tuple[Segment, ...]:
    text = text_of(doc)
    segments: list[Segment] = []
    if not len(doc):
        return ()
    # Without a parser or sentencizer the whole text is one sentence.
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        start = sent.start
        for token in sent:
            if "\n" in token.text or token.i == sent.end - 1:
                end = token.i if "\n" in token.text else token.i + 1
                if end > start:
                    segments.append(_segment(doc, text, start, end))
                start = token.i + 1
    return tuple(segments)


def _segment(doc: Doc, text: str, start: int, end: int) -> Segment:
    while end > start and doc[end - 1].is_space:
        end -= 1
    while start < end and doc[start].is_space:
        start += 1
    start_char = doc[start].idx if start < end else doc[start - 1].idx
    end_char = doc[end - 1].idx + len(doc[end - 1].text) if end > start else start_char
    line_start = text.rfind("\n", 0, start_char) + 1
    line_end = text.find("\n", end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return Segment(start, end, start_char, end_char, _line_is_caption(line))
