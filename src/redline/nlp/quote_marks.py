"""Finds quotation marks in running text and pairs them into quoted spans.

Each mark is judged from its neighbours (opening, closing or apostrophe), then marks are paired
per paragraph with a stack. A quote left open at the end of a paragraph runs to that end, and a
paragraph that starts with an opening mark after it continues the quotation (news convention).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Role = Literal["open", "close", "apostrophe", "either"]
Family = Literal["single", "double"]

SINGLE_MARKS = "‘’'‚‹›"
DOUBLE_MARKS = '“”"„«»'
QUOTE_MARKS = SINGLE_MARKS + DOUBLE_MARKS
# When position says nothing, the glyph decides; straight marks toggle.
_OPENING_GLYPHS = "‘‚‹“„«"
_CLOSING_GLYPHS = "’›”»"
# Characters after which a mark starts a quotation: "said: ‘", "(“", "– ‘".
_OPEN_CONTEXT = set("([{<—–-/:;") | set(_OPENING_GLYPHS) | {"'", '"'}
# Characters before which a mark ends a quotation: "’,", "”.", "’)".
_CLOSE_CONTEXT = set(".,;:!?)]}>—–-…") | set(_CLOSING_GLYPHS) | {"'", '"'}
_END_PUNCT = set(".,!?;:…")
# Lines no longer than this, most of them running on, mean text hard-wrapped at a fixed width.
WRAP_WIDTH = 100
# The longest quotation we let run to the end of its paragraph without a closing mark.
MAX_OPEN_QUOTE = 1500
_DECADE = re.compile(r"\d\d?s\b|\d\d\b")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Mark:
    """One quotation-mark character and what it does at its position."""

    pos: int
    char: str
    family: Family
    role: Role


@dataclass(frozen=True)
class QuoteSpan:
    """A paired quotation: the marks and the quoted text between them."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the quote runs to paragraph end
    start: int  # first character of the quoted text
    end: int  # end (exclusive) of the quoted text, outer white space removed
    depth: int  # 0 for a quote in the narrative, 1 for a quote inside a quote...
    paragraph: int  # index of the paragraph (line) it sits in
    continues: bool = False  # the paragraph re-opens a quotation left open by the one before

    @property
    def after(self) -> int:
        """Offset just past the closing mark (or the quoted text when unclosed)."""
        return self.close + 1 if self.close is not None else self.end


def family_of(char: str) -> Family:
    return "single" if char in SINGLE_MARKS else "double"


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def classify_mark(text: str, pos: int, elisions: Iterable[str] = ()) -> Role:
    """Whether the mark at ``pos`` opens, closes, or is an apostrophe, from its neighbours."""
    char = text[pos]
    family = family_of(char)
    prev = text[pos - 1] if pos > 0 else ""
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    if family == "single" and prev.isalnum() and nxt.isalnum():
        return "apostrophe"  # don’t, Putin’s, Trump‘s
    if family == "single" and (_is_space(prev) or prev in _OPEN_CONTEXT):
        rest = text[pos + 1 : pos + 12]
        if _DECADE.match(rest):
            return "apostrophe"  # ’90s, '22
        word = _WORD.match(rest)
        if word and word.group(0).lower() in set(elisions):
            return "apostrophe"  # ’em, ’til
    opens = _is_space(prev) or prev in _OPEN_CONTEXT
    closes = _is_space(nxt) or nxt in _CLOSE_CONTEXT
    if opens and closes:
        # "’”" after a closer, or a mark with space on both sides: let the glyph or the
        # pairing decide.
        return "close" if prev in _CLOSING_GLYPHS else "either"
    if opens:
        return "open"
    if closes or prev in _END_PUNCT:
        return "close"  # "negotiation,’ he", "war‘,", "war.”Next"
    return "either"


def find_marks(text: str, elisions: Iterable[str] = ()) -> list[Mark]:
    """Every quotation mark in ``text`` with its role."""
    elision_set = frozenset(elisions)
    return [
        Mark(i, ch, family_of(ch), classify_mark(text, i, elision_set))
        for i, ch in enumerate(text)
        if ch in QUOTE_MARKS
    ]


def _lines(text: str, separator: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for chunk in text.split(separator):
        end = start + len(chunk)
        inner_start, inner_end = _trimmed(text, start, end)
        if inner_end > inner_start:
            spans.append((inner_start, inner_end))
        start = end + len(separator)
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: each line of text, as web copy comes; but in text
    hard-wrapped at a fixed width, the blocks between blank lines."""
    lines = _lines(text, "\n")
    blocks = _lines(text, "\n\n")
    if len(blocks) < len(lines) and _hard_wrapped(text, lines):
        return blocks
    return lines


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Most lines stop short of a fixed width and run on into the next line mid-sentence."""
    if len(lines) < 4:
        return False
    short = sum(1 for s, e in lines if e - s <= WRAP_WIDTH)
    run_on = sum(1 for s, e in lines if text[e - 1 : e].isalnum() or text[e - 1 : e] == ",")
    return short >= 0.9 * len(lines) and run_on >= 0.3 * len(lines)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _possessive_s(text: str, mark: Mark, later: list[Mark]) -> bool:
    """A closing single mark after an s, followed by a word, with another closer to come:
    the plural possessive ("the generals’ plans"), not the end of the quote."""
    prev = text[mark.pos - 1] if mark.pos > 0 else ""
    after = text[mark.pos + 1 : mark.pos + 3]
    if prev not in "sS" or len(after) < 2 or not after[0].isspace() or not after[1].isalnum():
        return False
    return any(m.family == "single" and m.role in ("close", "either") for m in later)


def _pair_paragraph(
    text: str, marks: list[Mark], par_index: int, par_end: int
) -> tuple[list[QuoteSpan], bool]:
    """Pair the marks of one paragraph; returns the spans and whether a quote was left open."""
    spans: list[QuoteSpan] = []
    stack: list[Mark] = []
    for i, mark in enumerate(marks):
        role = mark.role
        if role == "apostrophe":
            continue
        has_same = any(m.family == mark.family for m in stack)
        if role == "either":
            if mark.char in _OPENING_GLYPHS:
                role = "open"
            elif mark.char in _CLOSING_GLYPHS:
                role = "close" if stack else "apostrophe"
            else:
                role = "close" if has_same else "open"
        if role == "open":
            stack.append(mark)
            continue
        if mark.family == "single" and _possessive_s(text, mark, marks[i + 1 :]):
            continue
        if has_same:
            while stack:
                opener = stack.pop()
                if opener.family == mark.family:
                    break
        elif stack and text[mark.pos - 1 : mark.pos] in _END_PUNCT:
            opener = stack.pop()  # mismatched pair: “…war.’
        else:
            continue  # a stray closer: an apostrophe in disguise ("Ukraines’ army")
        start, end = _trimmed(text, opener.pos + 1, mark.pos)
        spans.append(QuoteSpan(opener.pos, mark.pos, start, end, len(stack), par_index))
    left_open = bool(stack)
    if stack:
        opener = stack[0]  # only the outermost runs on; inner unclosed marks are noise
        start, end = _trimmed(text, opener.pos + 1, par_end)
        # A stray mark in text without paragraph breaks would swallow the rest of the article.
        if 0 < end - start <= MAX_OPEN_QUOTE:
            spans.append(QuoteSpan(opener.pos, None, start, end, 0, par_index))
    return spans, left_open


def _join_broken_line(
    text: str, done: list[QuoteSpan], marks: list[Mark]
) -> tuple[QuoteSpan, list[Mark]] | None:
    """Text scraped one sentence per line breaks a quotation over two lines: ‘We take it.⏎
    Then we reject it,’ he said. When the line after an unclosed quote begins (before any
    opening mark) with a closing mark after end punctuation, the quote ends there."""
    unclosed = [q for q in done if q.close is None and q.depth == 0]
    if not unclosed or done[-1] is not unclosed[-1]:
        return None
    previous = unclosed[-1]
    family = family_of(text[previous.open])
    for i, mark in enumerate(marks):
        if mark.role == "apostrophe":
            continue
        closes = mark.role == "close" or (mark.role == "either" and mark.char in _CLOSING_GLYPHS)
        if not closes or mark.family != family or text[mark.pos - 1 : mark.pos] not in _END_PUNCT:
            return None
        start, end = _trimmed(text, previous.open + 1, mark.pos)
        span = QuoteSpan(previous.open, mark.pos, start, end, 0, previous.paragraph)
        return span, marks[:i] + marks[i + 1 :]
    return None


def pair_quotes(text: str, elisions: Iterable[str] = ()) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order of its opening mark."""
    marks = find_marks(text, elisions)
    result: list[QuoteSpan] = []
    previous_open = False
    cursor = 0
    for index, (par_start, par_end) in enumerate(paragraphs(text)):
        own: list[Mark] = []
        while cursor < len(marks) and marks[cursor].pos < par_end:
            if marks[cursor].pos >= par_start:
                own.append(marks[cursor])
            cursor += 1
        joined = _join_broken_line(text, result, own) if previous_open else None
        if joined is not None:
            result[-1], own = joined
        spans, left_open = _pair_paragraph(text, own, index, par_end)
        if previous_open and spans and joined is None:
            first = min(spans, key=lambda s: s.open)
            if first.depth == 0 and not text[par_start : first.open].strip():
                spans = [
                    QuoteSpan(s.open, s.close, s.start, s.end, s.depth, s.paragraph, True)
                    if s is first
                    else s
                    for s in spans
                ]
        previous_open = left_open
        result.extend(spans)
    result.sort(key=lambda s: s.open)
    return result
