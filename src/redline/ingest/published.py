"""Publication dates: strict parsing of declared dates, and datelines near the top of a body.

A date is never guessed silently: a declared date that does not parse is an error the caller
turns into a warning, and a dateline without a year ("KYIV, Nov 21 (Reuters)") gives no date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from redline.errors import MalformedError

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z ]*)?\s*$")
_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].lower()] = _number
    _MONTHS[calendar.month_abbr[_number].lower()] = _number
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)
_YEARLESS = re.compile(rf"\b{_MONTH}\s+{_DAY}\b", re.IGNORECASE)
# A dateline: a place in capitals, then a comma, at the start of a line ("KYIV, ...").
_PLACE = re.compile(r"^[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?,\s*")
_CUE = re.compile(r"\b(?:published|updated|created|posted|dated|first published)\b[^0-9A-Za-z]*"
                  r"(?:at|on)?\s*$", re.IGNORECASE)
# Only the first few lines of a body can hold its dateline or byline.
DATELINE_LINES = 5
# A line this short that holds a date is a byline or date line, not prose.
SHORT_LINE = 120
# How far into a line a dateline date may start.
SCAN_CHARS = 200


def parse_declared_date(value: str, source: str) -> date:
    """Parse a date declared in a header or a JSON field: ISO ``YYYY-MM-DD`` (a time may follow).

    Raises MalformedError naming the value when it does not parse.
    """
    match = _ISO.match(value)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    raise MalformedError(source, f"unparseable date {value!r}", stage="parse")


@dataclass(frozen=True)
class Dateline:
    """What the top of a body says about its date: a date, or a note on why there is none."""

    published: date | None
    note: str | None = None


def _as_date(match: re.Match[str]) -> date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _is_dateline_position(line: str, start: int) -> bool:
    prefix = line[:start]
    if len(line) <= SHORT_LINE or not prefix.strip():
        return True
    return bool(_CUE.search(prefix)) or (bool(_PLACE.match(line)) and len(prefix) <= 60)


def find_dateline(body: str) -> Dateline:
    """The date of a dateline or byline in the first lines of ``body``, if one is there."""
    lines = [line for line in body.split("\n", 40)[:40] if line.strip()][:DATELINE_LINES]
    for line in lines:
        head = line[:SCAN_CHARS]  # a dateline opens its line; prose further on is not read
        for pattern in _DATE_PATTERNS:
            for match in pattern.finditer(head):
                if _is_dateline_position(line, match.start()):
                    found = _as_date(match)
                    if found is not None:
                        return Dateline(found)
    for line in lines:
        place = _PLACE.match(line)
        yearless = _YEARLESS.match(line, place.end()) if place else None
        if yearless:
            return Dateline(None, f"dateline {yearless.group(0)!r} has no year; date unknown")
    return Dateline(None)


__all__ = ["DATELINE_LINES", "Dateline", "find_dateline", "parse_declared_date"]
