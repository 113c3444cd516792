"""Shift detection: kinds of transitions, denials left to conflicts, periods, parties."""

from __future__ import annotations

from datetime import date

import pytest

from redline.analysis.shifts import detect_shifts, shift_rows, transition_kind

from .records import claim, sample_claims

D = date


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ("reject", "accept", "reversal"),
        ("propose", "reject", "reversal"),
        ("demand", "accept", "demand_dropped"),
        ("accept", "demand", "hardened"),
        ("propose", "accept", None),
        ("demand", "threaten", None),
        ("reject", "reject", None),
        ("demand", "reject", None),
        ("reject", "demand", None),
    ],
)
def test_transition_kinds(before: str, after: str, kind: str | None) -> None:
    assert transition_kind(before, after) == kind


def test_a_reversal_carries_before_and_after_evidence() -> None:
    records = [
        claim(
            "Zelensky",
            "territory_regions",
            "reject",
            D(2025, 2, 1),
            party="ukraine",
            article="z1",
            source="AP",
            evidence="Zelensky ruled out ceding any land.",
        ),
        claim(
            "Zelensky",
            "territory_regions",
            "accept",
            D(2025, 4, 1),
            party="ukraine",
            article="z2",
            source="BBC",
            evidence="Zelensky said he could accept a pause.",
        ),
    ]
    (shift,) = detect_shifts(records)
    assert shift.kind == "reversal" and shift.label() == "reject → accept"
    assert shift.before is not None
    assert shift.before.evidence == "Zelensky ruled out ceding any land."
    assert shift.after.citations[0].source == "BBC"
    assert shift.date == D(2025, 4, 1) and shift.party == "ukraine"


def test_new_threat_is_reported_once() -> None:
    records = [
        claim("Trump", "sanctions", "threaten", D(2025, 3, 7), party="us", article="t1"),
        claim("Trump", "sanctions", "threaten", D(2025, 3, 20), party="us", article="t2"),
    ]
    shifts = detect_shifts(records)
    assert [(s.kind, s.before) for s in shifts] == [("new_threat", None)]


def test_a_denial_of_a_leak_is_not_a_shift_but_a_later_turn_is() -> None:
    records = sample_claims()
    assert not [s for s in detect_shifts(records) if s.subject == "Russia"]
    later = claim("Russia", "ceasefire", "reject", D(2025, 5, 1), article="late", status="stated")
    earlier = claim(
        "Russia", "ceasefire", "accept", D(2025, 4, 1), article="early", status="stated"
    )
    turns = detect_shifts([earlier, later])
    assert [s.kind for s in turns] == ["reversal"]


def test_a_day_with_contradicting_sources_is_skipped() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 3, 1), article="a"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 5), article="b"),
        claim("Putin", "ceasefire", "reject", D(2025, 3, 5), article="c"),
    ]
    assert detect_shifts(records) == []


def test_since_keeps_shifts_that_depart_from_older_positions() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 1, 1), article="a"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 5), article="b"),
    ]
    assert len(detect_shifts(records, since=D(2025, 3, 1))) == 1
    assert detect_shifts(records, since=D(2025, 3, 6)) == []
    assert detect_shifts(records, until=D(2025, 3, 4)) == []


def test_party_level_shifts_combine_actors_and_undated_claims_are_ignored() -> None:
    records = [
        claim("Peskov", "ceasefire", "reject", D(2025, 3, 1), article="a"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 30), article="b"),
        claim("Lavrov", "ceasefire", "reject", None, article="c"),
    ]
    assert detect_shifts(records) == []
    (shift,) = detect_shifts(records, by="party")
    assert shift.subject == "russia" and shift.kind == "reversal"
    row = shift_rows([shift])[0]
    assert row["before_stance"] == "reject" and row["after_stance"] == "accept"


def test_confirmations_count_sources_until_the_next_shift() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 1, 1), article="a"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 1), article="b"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 3), article="c"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 3), article="c-copy", cluster="c"),
        claim("Putin", "ceasefire", "reject", D(2025, 5, 1), article="d"),
        claim("Putin", "ceasefire", "accept", D(2025, 6, 1), article="e"),
    ]
    shifts = detect_shifts(records)
    assert [(s.date, s.confirmations) for s in shifts] == [
        (D(2025, 6, 1), 1),
        (D(2025, 5, 1), 1),
        (D(2025, 3, 1), 2),
    ]
    confirmed = detect_shifts(records, min_confirmations=2)
    assert [s.date for s in confirmed] == [D(2025, 3, 1)]
