"""Decoding bytes: UTF-8, byte-order marks, legacy encodings, and refusals of binary data."""

from __future__ import annotations

import codecs
import os

import pytest

from redline.errors import EncodingError
from redline.ingest.decode import decode_bytes, looks_binary

TEXT = ("Le président a déclaré que la «paix» était proche – même à Genève, où l’on négocie "
        "depuis des semaines. Kyiv’s negotiators said the café talks were “constructive”.")


def test_utf8_decodes() -> None:
    assert decode_bytes(TEXT.encode("utf-8"), "a.txt") == TEXT


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_are_honoured(encoding: str) -> None:
    decoded = decode_bytes(TEXT.encode(encoding), "a.txt")
    assert decoded.lstrip("\ufeff") == TEXT


def test_windows_1252_is_detected() -> None:
    assert decode_bytes(TEXT.encode("cp1252"), "a.txt") == TEXT


def test_short_latin1_english_is_not_read_as_cjk() -> None:
    text = "Kyiv said the talks were constructive, naïve as that sounds."
    assert decode_bytes(text.encode("latin-1"), "a.txt") == text


def test_cyrillic_legacy_encoding_is_detected() -> None:
    text = "Путин заявил, что переговоры в Стамбуле продолжатся на следующей неделе."
    assert decode_bytes(text.encode("cp1251"), "a.txt") == text


def test_binary_is_refused_with_reason() -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    with pytest.raises(EncodingError) as info:
        decode_bytes(data, "image.txt")
    assert info.value.source == "image.txt"
    assert "binary" in info.value.reason
    assert info.value.stage == "decode"


def test_random_bytes_are_refused() -> None:
    with pytest.raises(EncodingError):
        decode_bytes(os.urandom(4000), "noise.txt")


def test_looks_binary() -> None:
    assert looks_binary(b"abc\x00def")
    assert not looks_binary(b"plain text\n\twith tabs\r\n")
    assert not looks_binary(codecs.BOM_UTF8 + b"text")


def test_valid_utf8_with_nul_bytes_is_binary() -> None:
    with pytest.raises(EncodingError, match="binary"):
        decode_bytes(b"\x00" * 4096, "zeros.txt")
