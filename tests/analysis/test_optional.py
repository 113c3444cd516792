"""Borderline (optional) claims: a fallback for positions, never the start of a finding."""

from __future__ import annotations

from datetime import date

from redline.analysis.briefing import new_stances
from redline.analysis.conflicts import find_conflicts
from redline.analysis.positions import position_matrix
from redline.analysis.shifts import detect_shifts

from .records import claim

D = date


def test_a_superseded_stance_does_not_dispute_the_standing_one() -> None:
    # One article: aid suspended (superseded, optional), then resumed (the standing stance).
    records = [
        claim(
            "Trump",
            "military_aid",
            "reject",
            D(2025, 3, 11),
            party="us",
            article="x",
            optional=True,
        ),
        claim("Trump", "military_aid", "accept", D(2025, 3, 11), party="us", article="x"),
    ]
    cell = position_matrix(records, by="actor").cell("Trump", "military_aid")
    assert cell is not None and cell.stance == "accept" and not cell.disputed


def test_only_borderline_claims_still_give_a_position() -> None:
    records = [claim("Rutte", "peace_plan", "reject", D(2025, 3, 1), party="nato", optional=True)]
    cell = position_matrix(records).cell("nato", "peace_plan")
    assert cell is not None and cell.stance == "reject"


def test_borderline_claims_start_no_shift_conflict_or_news() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 3, 1), article="a"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 5), article="b", optional=True),
        claim("Putin", "sanctions", "demand", D(2025, 3, 5), article="b", optional=True),
    ]
    assert detect_shifts(records) == []
    assert find_conflicts(records) == []
    assert new_stances(records, "demand", D(2025, 3, 1), None) == []
    firm = [*records[:1], claim("Putin", "ceasefire", "accept", D(2025, 3, 5), article="b")]
    assert len(detect_shifts(firm)) == 1 and len(find_conflicts(firm)) == 1
