"""Text normalisation that keeps character offsets honest: almost every change replaces one
character by one character, so spans found in the normalised text stay meaningful.

What changes: a byte-order mark or zero-width no-break space is removed; CRLF and lone CR
become LF, as do the Unicode line and paragraph separators, vertical tab, form feed and NEL;
every odd Unicode space (no-break, thin, ideographic...) becomes a plain space; C1 control
characters that are really Windows-1252 punctuation read as Latin-1 (``\\x93`` for a curly
quote) become that punctuation; other control characters and soft hyphens are removed
(``\\n`` and ``\\t`` are kept); lone surrogates become U+FFFD; the result is in Unicode NFC.

What does not change: quotation marks. Curly, straight, single, guillemets and low-9 quotes are
all kept as written, because the quote extractor needs to see them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Characters that end a line in Unicode's eyes, beyond LF itself.
_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
# Invisible characters that carry no text: BOM / zero-width no-break space, zero-width space,
# word joiner, soft hyphen.
_INVISIBLE = "\ufeff\u200b\u2060\u00ad"


def _cp1252_punctuation(code: int) -> str | None:
    """The Windows-1252 character for a C1 code point, when that code page defines one."""
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=1)
def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0x20):
        if chr(code) not in "\n\t":
            table[code] = None
    table[0x7F] = None
    for code in range(0x80, 0xA0):
        table[code] = _cp1252_punctuation(code)
    for char in _LINE_BREAKS:
        table[ord(char)] = "\n"
    for char in _INVISIBLE:
        table[ord(char)] = None
    for code in range(0x80, 0x3001):
        if code != 0x20 and unicodedata.category(chr(code)) == "Zs":
            table[code] = " "
    for code in range(0xD800, 0xE000):
        table[code] = "\ufffd"
    return table


def normalise_text(text: str) -> str:
    """The normalised form of ``text`` (idempotent; never raises on any ``str``)."""
    text = text.replace("\r\n", "\n").translate(_translation_table())
    return unicodedata.normalize("NFC", text)


def normalise_field(value: object) -> str | None:
    """A metadata value (title, url, source) on one line, or None when empty or 'unknown'."""
    if value is None:
        return None
    text = " ".join(normalise_text(str(value)).split())
    if not text or text.casefold() in UNKNOWN_MARKERS:
        return None
    return text


# Values that mean "not known" in headers and JSON fields.
UNKNOWN_MARKERS: frozenset[str] = frozenset({"unknown", "n/a", "none", "null", "-"})

__all__ = ["UNKNOWN_MARKERS", "normalise_field", "normalise_text"]
