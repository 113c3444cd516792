"""Statement dates resolved against the publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline.nlp.dates import resolve_statement_date

PUBLISHED = date(2025, 1, 3)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin said on Thursday that talks were possible.", date(2025, 1, 2)),
        ("Lavrov said yesterday that Russia was not satisfied.", date(2025, 1, 2)),
        ("Naryshkin said last week that Russia held the initiative.", date(2024, 12, 27)),
        ("At his press conference on Dec. 26, Putin rejected the idea.", date(2024, 12, 26)),
        ("On 11 March 2025 Ukraine agreed to the truce.", date(2025, 3, 11)),
        ("On January 2, Kyiv said it wanted guarantees.", date(2025, 1, 2)),
        ("Russia rejected the ceasefire.", PUBLISHED),
        ("Russia said today that it rejected the plan.", PUBLISHED),
    ],
)
def test_relative_and_absolute_dates(text: str, expected: date) -> None:
    assert resolve_statement_date(text, PUBLISHED) == expected


def test_a_date_later_in_the_year_than_publication_is_last_year() -> None:
    assert resolve_statement_date("on Dec. 29, TASS quoted Lavrov", date(2025, 1, 3)) == date(
        2024, 12, 29
    )


def test_no_publication_date_gives_none() -> None:
    assert resolve_statement_date("Putin said on Thursday", None) is None


@given(st.text(max_size=200), st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_any_text_resolves_to_a_date(text: str, published: date) -> None:
    resolved = resolve_statement_date(text, published)
    assert resolved is not None
    if not any(c.isdigit() for c in text):  # only relative words: a recent past day
        assert published - timedelta(days=30) <= resolved <= published
