"""Resolves the date a statement was made from the words around it ("on Thursday",
"last week", "Dec. 26", "on 11 March") against the article's publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil import parser as date_parser

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|"
    "sep|sept|september|oct|october|nov|november|dec|december"
)
_MONTH_DAY = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTHS})\.?"
    rf"|(?P<m2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_RELATIVE: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(?:yesterday|last night)\b", re.IGNORECASE), 1),
    (re.compile(r"\b(?:today|this morning|tonight|earlier today)\b", re.IGNORECASE), 0),
    (re.compile(r"\blast week\b", re.IGNORECASE), 7),
    (re.compile(r"\blast month\b", re.IGNORECASE), 30),
    (re.compile(r"\b(?:earlier this week|this week)\b", re.IGNORECASE), 2),
)


def _month_day(match: re.Match[str], published: date) -> date | None:
    day = match.group("d1") or match.group("d2")
    month = match.group("m1") or match.group("m2")
    year = match.group("year")
    try:
        parsed = date_parser.parse(f"{day} {month} {year or published.year}", dayfirst=True)
    except (ValueError, OverflowError):
        return None
    resolved = parsed.date()
    # Without a year, a date after publication is last year's ("Dec. 26" read in January).
    if not year and resolved > published + timedelta(days=1):
        resolved = resolved.replace(year=resolved.year - 1)
    return resolved


def _weekday(name: str, published: date) -> date:
    # News uses a bare weekday for the most recent one on or before publication.
    target = WEEKDAYS.index(name.lower())
    delta = (published.weekday() - target) % 7
    return published - timedelta(days=delta)


def resolve_statement_date(text: str, published: date | None) -> date | None:
    """The date the text says a statement was made; the publication date when it says none;
    None when the article has no date."""
    if published is None:
        return None
    match = _MONTH_DAY.search(text)
    if match:
        resolved = _month_day(match, published)
        if resolved is not None:
            return resolved
    weekday = _WEEKDAY.search(text)
    if weekday:
        return _weekday(weekday.group("day"), published)
    for pattern, days_back in _RELATIVE:
        if pattern.search(text):
            return published - timedelta(days=days_back)
    return published
