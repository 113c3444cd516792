"""Normalisation: properties over any text, and the specific replacements it promises."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from redline.ingest.normalise import normalise_field, normalise_text

# Any code point, lone surrogates included (they arrive through JSON "\ud800" escapes).
any_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=300)


def _is_bad(char: str) -> bool:
    return (unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t") or char in (
        "\ufeff\r\u2028\u2029")


@given(any_text)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(any_text)
def test_output_has_no_control_characters_bom_or_cr(text: str) -> None:
    assert not any(_is_bad(char) for char in normalise_text(text))


@given(any_text)
def test_output_is_nfc(text: str) -> None:
    out = normalise_text(text)
    assert unicodedata.normalize("NFC", out) == out


@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), max_size=200))
def test_length_is_kept_for_precomposed_text_without_invisibles(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert len(normalise_text(text)) == len(text)


def test_line_endings_become_lf() -> None:
    assert normalise_text("a\r\nb\rc\u2028d\x0ce") == "a\nb\nc\nd\ne"


def test_odd_spaces_become_plain_spaces_one_for_one() -> None:
    assert normalise_text("a\xa0b\u2009c\u202fd\u3000e") == "a b c d e"


def test_bom_zero_width_and_soft_hyphen_are_removed() -> None:
    assert normalise_text("\ufeffnego\xadtiations\u200b") == "negotiations"


def test_control_characters_removed_but_newline_and_tab_kept() -> None:
    assert normalise_text("a\x00b\x07c\td\ne\x7f") == "abc\td\ne"


def test_c1_controls_read_as_windows_1252_punctuation() -> None:
    assert normalise_text("\x93peace\x94 \x96 talks\x92") == "“peace” – talks’"


def test_quote_marks_are_kept_as_written() -> None:
    text = "“curly” \"straight\" ‘single’ 'plain' «guillemets» „low”"
    assert normalise_text(text) == text


def test_result_is_nfc() -> None:
    assert normalise_text("Zelen\u0073\u030ckyy") == "Zelenškyy"


def test_normalise_field_folds_space_and_unknown() -> None:
    assert normalise_field("  The\xa0Kyiv   Post ") == "The Kyiv Post"
    assert normalise_field("unknown") is None
    assert normalise_field("") is None
    assert normalise_field(None) is None
