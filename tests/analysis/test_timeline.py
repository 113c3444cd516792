"""Timelines: order, grouping of sources, and the marking of changes."""

from __future__ import annotations

from datetime import date

from redline.analysis.timeline import build_timeline, timeline_rows

from .records import claim, sample_claims

D = date


def test_entries_are_chronological_and_grouped_by_issue() -> None:
    timelines = build_timeline(sample_claims(), party="russia", issue_order=["ceasefire"])
    assert timelines[0].issue == "ceasefire"
    days = [e.date for e in timelines[0].entries if e.date is not None]
    assert days == sorted(days)
    assert {t.issue for t in timelines} == {
        "ceasefire",
        "territory_regions",
        "peacekeepers",
        "military_aid",
        "nuclear",
    }


def test_copies_of_one_story_are_one_entry_with_one_source() -> None:
    timelines = build_timeline(sample_claims(), actor="Vladimir Putin", issue="territory_regions")
    (entry,) = timelines[0].entries
    assert len(entry.sources) == 1 and entry.sources[0].source == "Reuters"


def test_independent_reports_of_one_stance_are_one_entry_with_all_sources() -> None:
    day = D(2025, 3, 3)
    records = [
        claim("Lavrov", "peacekeepers", "reject", day, article="p1", source="TASS"),
        claim("Lavrov", "peacekeepers", "reject", day, article="p2", source="AP"),
    ]
    (entry,) = build_timeline(records, actor="lavrov")[0].entries
    assert [c.source for c in entry.sources] == ["AP", "TASS"]


def test_changes_and_reversals_are_marked() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 3, 1)),
        claim("Putin", "ceasefire", "reject", D(2025, 3, 5)),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 9)),
        claim("Putin", "ceasefire", "demand", D(2025, 3, 12)),
    ]
    entries = build_timeline(records, actor="Putin")[0].entries
    assert [e.changed for e in entries] == [False, False, True, True]
    assert entries[2].reversal and entries[2].previous_stance == "reject"
    assert not entries[3].reversal and entries[3].previous_stance == "accept"


def test_two_stances_on_one_day_are_not_a_change_between_them() -> None:
    day = D(2025, 3, 1)
    records = [
        claim("Putin", "ceasefire", "propose", day, article="x"),
        claim("Putin", "ceasefire", "demand", day, article="y"),
    ]
    entries = build_timeline(records, actor="Putin")[0].entries
    assert not any(e.changed for e in entries)


def test_party_timelines_track_the_party_and_undated_claims_come_last() -> None:
    records = [
        claim("Peskov", "ceasefire", "reject", D(2025, 3, 1)),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 9)),
        claim("Lavrov", "ceasefire", "reject", None),
    ]
    entries = build_timeline(records, party="russia")[0].entries
    assert [e.actor for e in entries] == ["Peskov", "Putin", "Lavrov"]
    assert entries[1].changed and not entries[2].changed
    # Per actor, Putin's first stance is no change.
    assert not build_timeline(records, actor="Putin")[0].entries[0].changed


def test_rows_flatten_entries() -> None:
    rows = timeline_rows(build_timeline(sample_claims(), actor="Russia"))
    assert [r["change"] for r in rows] == ["", "reversal"]
    assert rows[1]["previous_stance"] == "accept"
    assert rows[1]["urls"] == "https://news.example/a4"
