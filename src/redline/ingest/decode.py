"""Bytes to text: UTF-8 first, a byte-order mark when there is one, else a confident guess by
charset-normalizer; binary data and undecidable bytes are refused with a reason."""

from __future__ import annotations

import codecs

from charset_normalizer import CharsetMatch, from_bytes

from redline.errors import EncodingError

# How much of the start of a file the binary sniff looks at.
_SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newlines, form feed, escape) above which a file is
# not text in any single-byte encoding.
_MAX_CONTROL_SHARE = 0.05
# charset-normalizer's "chaos" (mess) score above which its guess is not trusted.
_MAX_CHAOS = 0.2
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = "cp1252"
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control bytes near the start."""
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_SHARE


def _best_guess(data: bytes) -> CharsetMatch | None:
    """charset-normalizer's guess, with Windows-1252 preferred when it reads as cleanly: short
    mostly-English texts otherwise come out as a CJK encoding that happens to fit the bytes."""
    guesses = [from_bytes(data).best(), from_bytes(data, cp_isolation=[_WESTERN]).best()]
    found = [g for g in guesses if g is not None]
    if not found:
        return None
    return min(found, key=lambda g: (g.chaos, g.encoding != _WESTERN))


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source``; raise EncodingError when it is not text."""
    bom_encoding = _bom_encoding(data)
    if bom_encoding:
        try:
            return data.decode(bom_encoding)
        except UnicodeDecodeError as exc:
            raise EncodingError(source, f"invalid {bom_encoding} after its byte-order mark: {exc}",
                                stage="decode") from exc
    # Before UTF-8: NUL bytes are valid UTF-8, but no text file has them.
    if looks_binary(data):
        raise EncodingError(source, "binary file (not text)", stage="decode")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = _best_guess(data)
    if best is None or best.chaos > _MAX_CHAOS:
        raise EncodingError(source, "not UTF-8 and no confident guess of its encoding",
                            stage="decode")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise EncodingError(source, f"cannot decode as {best.encoding}: {exc}",
                            stage="decode") from exc


__all__ = ["decode_bytes", "looks_binary"]
