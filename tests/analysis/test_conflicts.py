"""Contradictions: independent sources, windows, denials, and syndicated copies."""

from __future__ import annotations

from datetime import date

from redline.analysis.conflicts import conflict_rows, find_conflicts

from .records import claim, sample_claims

D = date


def test_the_sample_denial_is_found() -> None:
    (conflict,) = find_conflicts(sample_claims())
    assert (conflict.actor, conflict.issue, conflict.kind) == ("Russia", "ceasefire", "denial")
    assert conflict.stances() == "accept vs reject"
    assert [c.source for c in conflict.forward_citations] == ["Financial Times"]
    assert [c.source for c in conflict.against_citations] == ["RIA Novosti"]


def test_two_stated_reports_that_clash_are_a_contradiction() -> None:
    records = [
        claim("Putin", "peacekeepers", "accept", D(2025, 3, 1), article="a"),
        claim("Putin", "peacekeepers", "reject", D(2025, 3, 3), article="b"),
    ]
    (conflict,) = find_conflicts(records)
    assert conflict.kind == "contradiction"
    assert (conflict.start, conflict.end) == (D(2025, 3, 1), D(2025, 3, 3))


def test_copies_of_one_story_do_not_contradict_each_other() -> None:
    records = [
        claim("Putin", "peacekeepers", "accept", D(2025, 3, 1), article="a"),
        claim("Putin", "peacekeepers", "reject", D(2025, 3, 1), article="b", cluster="a"),
    ]
    assert find_conflicts(records) == []


def test_claims_far_apart_are_a_shift_not_a_conflict() -> None:
    records = [
        claim("Putin", "peacekeepers", "accept", D(2025, 1, 1), article="a"),
        claim("Putin", "peacekeepers", "reject", D(2025, 3, 1), article="b"),
    ]
    assert find_conflicts(records) == []
    assert len(find_conflicts(records, window_days=90)) == 1


def test_compatible_stances_and_undated_claims_do_not_conflict() -> None:
    records = [
        claim("Putin", "sanctions", "demand", D(2025, 3, 1), article="a"),
        claim("Putin", "sanctions", "threaten", D(2025, 3, 2), article="b"),
        claim("Putin", "sanctions", "reject", None, article="c"),
    ]
    assert find_conflicts(records) == []


def test_chained_reports_form_one_conflict_and_periods_filter() -> None:
    records = [
        claim("Putin", "ceasefire", "accept", D(2025, 3, 1), article="a"),
        claim("Putin", "ceasefire", "reject", D(2025, 3, 10), article="b"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 20), article="c"),
    ]
    (conflict,) = find_conflicts(records)
    assert len(conflict.forward) == 2 and len(conflict.against) == 1
    assert find_conflicts(records, since=D(2025, 3, 21)) == []
    assert find_conflicts(records, until=D(2025, 2, 28)) == []
    row = conflict_rows([conflict])[0]
    assert row["start"] == "2025-03-01" and row["end"] == "2025-03-20"


def test_actor_names_match_case_insensitively() -> None:
    records = [
        claim("Putin", "ceasefire", "accept", D(2025, 3, 1), article="a"),
        claim("putin", "ceasefire", "reject", D(2025, 3, 2), article="b"),
    ]
    assert len(find_conflicts(records)) == 1
