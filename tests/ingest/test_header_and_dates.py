"""The ``key: value`` header and publication dates (declared and from datelines)."""

from __future__ import annotations

from datetime import date

import pytest

from redline.errors import MalformedError
from redline.ingest.header import split_header
from redline.ingest.published import find_dateline, parse_declared_date


def test_header_is_split_from_body() -> None:
    split = split_header("url: unknown\ntitle: A: B\npublished: 2025-03-11\n---\nBody line.\n")
    assert split.has_header
    assert split.fields == {"url": "unknown", "title": "A: B", "published": "2025-03-11"}
    assert split.body == "Body line.\n"


def test_text_without_header_is_all_body() -> None:
    text = "Talks resumed in Istanbul.\n---\nMore text."
    split = split_header(text)
    assert not split.has_header
    assert split.body == text


def test_key_lines_without_end_marker_are_body() -> None:
    text = "Note: this is prose.\nAnd more prose."
    assert split_header(text).body == text


def test_dash_line_first_is_not_a_header() -> None:
    assert not split_header("---\nBody").has_header


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-03-11", date(2025, 3, 11)), ("2025-3-1", date(2025, 3, 1)),
     ("2025-11-27T10:15:00Z", date(2025, 11, 27)), (" 2024-12-03 ", date(2024, 12, 3))],
)
def test_declared_dates_parse(value: str, expected: date) -> None:
    assert parse_declared_date(value, "a.txt") == expected


@pytest.mark.parametrize("value", ["13/03/2025", "yesterday", "2025-02-30", "2025"])
def test_unparseable_declared_date_raises_naming_the_value(value: str) -> None:
    with pytest.raises(MalformedError) as info:
        parse_declared_date(value, "a.txt")
    assert repr(value) in info.value.reason


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("WASHINGTON, March 11, 2025 (Wire) - Ukraine said it would accept.", date(2025, 3, 11)),
        ("Talks stall\nBy Staff | Updated at 2025-03-13 11:45 | 3 hours ago\nText.",
         date(2025, 3, 13)),
        ("11 March 2025\nUkraine accepted the proposal.", date(2025, 3, 11)),
        ("Headline\n\nSept. 4, 2025\n\nLeaders met in Paris.", date(2025, 9, 4)),
    ],
)
def test_datelines_are_found(body: str, expected: date) -> None:
    assert find_dateline(body).published == expected


def test_a_date_inside_prose_is_not_a_dateline() -> None:
    body = ("Ever since the full-scale invasion began on February 24, 2022, negotiators on both "
            "sides have tried and failed to agree on the terms of even a short truce at the front.")
    assert find_dateline(body).published is None


def test_dateline_without_year_gives_no_date_and_says_why() -> None:
    found = find_dateline("KYIV, Nov 21 (Wire) - Ukraine received a draft plan.")
    assert found.published is None
    assert found.note is not None and "no year" in found.note


def test_dateline_is_only_looked_for_near_the_top() -> None:
    body = "\n".join(["A line of prose."] * 10 + ["March 11, 2025"])
    assert find_dateline(body).published is None
