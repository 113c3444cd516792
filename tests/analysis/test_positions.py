"""The position matrix: windows, ranks, ties, disputes, as-of dates, parties, duplicates."""

from __future__ import annotations

from datetime import date

from redline.analysis.positions import matrix_rows, position_matrix

from .records import claim, sample_claims

D = date


def test_latest_window_wins_over_older_claims() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 3, 1)),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 20)),
    ]
    cell = position_matrix(records, by="actor").cell("Putin", "ceasefire")
    assert cell is not None
    assert (cell.stance, cell.date, cell.disputed) == ("accept", D(2025, 3, 20), False)


def test_stated_outranks_a_more_recent_report_within_the_window() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 3, 15), status="stated"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 18), status="reported"),
    ]
    cell = position_matrix(records, by="actor").cell("Putin", "ceasefire")
    assert cell is not None
    assert cell.stance == "reject" and cell.status == "stated"
    assert cell.disputed and cell.alternatives == ("accept",)
    # Outside the window the report is simply newer, and stands.
    narrow = position_matrix(records, by="actor", window_days=2).cell("Putin", "ceasefire")
    assert narrow is not None and narrow.stance == "accept" and not narrow.disputed


def test_tie_on_rank_and_date_goes_to_more_independent_sources() -> None:
    day = D(2025, 3, 10)
    records = [
        claim("Peskov", "ceasefire", "reject", day, article="r1"),
        claim("Peskov", "ceasefire", "accept", day, article="a1"),
        claim("Peskov", "ceasefire", "accept", day, article="a2"),
    ]
    cell = position_matrix(records, by="actor").cell("Peskov", "ceasefire")
    assert cell is not None
    assert (cell.stance, cell.sources, cell.disputed) == ("accept", 2, True)


def test_full_tie_is_deterministic_and_disputed() -> None:
    day = D(2025, 3, 10)
    forward = [
        claim("Peskov", "ceasefire", "accept", day, article="a1"),
        claim("Peskov", "ceasefire", "reject", day, article="r1"),
    ]
    backward = list(reversed(forward))
    first = position_matrix(forward, by="actor").cell("Peskov", "ceasefire")
    second = position_matrix(backward, by="actor").cell("Peskov", "ceasefire")
    assert first == second
    assert first is not None and first.disputed


def test_syndicated_duplicates_are_not_counted_twice() -> None:
    day = D(2025, 3, 2)
    records = [
        claim("Putin", "territory_regions", "demand", day, article="a1", source="Reuters"),
        claim(
            "Putin", "territory_regions", "demand", day, article="a2", source="Yahoo", cluster="a1"
        ),
        claim("Putin", "territory_regions", "demand", day, article="a1", source="Reuters"),
    ]
    cell = position_matrix(records).cell("russia", "territory_regions")
    assert cell is not None and cell.sources == 1


def test_as_of_before_any_claim_gives_an_empty_matrix() -> None:
    matrix = position_matrix(sample_claims(), as_of=D(2024, 1, 1))
    assert matrix.is_empty and matrix.rows == () and matrix_rows(matrix) == []


def test_as_of_hides_later_claims_and_undated_ones() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 3, 1)),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 20)),
        claim("Putin", "sanctions", "reject", None),
    ]
    matrix = position_matrix(records, by="actor", as_of=D(2025, 3, 10))
    cell = matrix.cell("Putin", "ceasefire")
    assert cell is not None and cell.stance == "reject"
    assert matrix.cell("Putin", "sanctions") is None
    undated = position_matrix(records, by="actor").cell("Putin", "sanctions")
    assert undated is not None and undated.date is None


def test_an_actor_without_party_lands_in_the_unknown_row() -> None:
    records = [claim("Someone", "ceasefire", "accept", D(2025, 3, 1), party="")]
    by_party = position_matrix(records)
    assert by_party.rows == ("unknown",)
    by_actor = position_matrix(records, by="actor")
    assert by_actor.row_parties == {"Someone": "unknown"}


def test_party_rows_merge_actors_and_follow_the_given_order() -> None:
    matrix = position_matrix(
        sample_claims(), row_order=["us", "ukraine", "russia"], issue_order=["sanctions"]
    )
    assert matrix.rows[:3] == ("us", "ukraine", "russia")
    assert matrix.issues[0] == "sanctions"
    russia = matrix.cell("russia", "ceasefire")
    # Putin's stated acceptance (03-18) is the latest; the Kremlin's denial (03-14) is in the
    # window, so the cell shows the disagreement.
    assert russia is not None
    assert (russia.stance, russia.date, russia.disputed) == ("accept", D(2025, 3, 18), True)


def test_issue_filter_and_flat_rows() -> None:
    matrix = position_matrix(sample_claims(), issues=["peacekeepers"])
    assert matrix.issues == ("peacekeepers",)
    rows = matrix_rows(matrix)
    assert {(r["party"], r["stance"]) for r in rows} == {("russia", "reject"), ("uk", "propose")}


def test_a_zero_day_window_keeps_only_the_latest_day() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 3, 19), status="stated"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 20), status="alleged"),
    ]
    cell = position_matrix(records, by="actor", window_days=0).cell("Putin", "ceasefire")
    assert cell is not None and cell.stance == "accept" and not cell.disputed
    wider = position_matrix(records, by="actor", window_days=1).cell("Putin", "ceasefire")
    assert wider is not None and wider.stance == "reject" and wider.disputed


def test_flat_rows_carry_evidence_and_citations() -> None:
    matrix = position_matrix(sample_claims(), issues=["military_aid"])
    (row,) = matrix_rows(matrix)
    assert row["citations"] == "Reuters, 2025-03-19"
    assert row["urls"] == "https://news.example/a12"
    assert str(row["evidence"]).startswith("The Kremlin said a complete halt")


def test_a_claim_without_actor_has_a_visible_row() -> None:
    matrix = position_matrix([claim("", "ceasefire", "accept", D(2025, 3, 1))], by="actor")
    assert matrix.rows == ("(unknown actor)",)


def test_a_fresh_rumour_does_not_freshen_an_older_statement() -> None:
    records = [
        claim("Putin", "ceasefire", "accept", D(2025, 3, 1), article="a", status="stated"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 7), article="b", status="alleged"),
        claim("Putin", "ceasefire", "reject", D(2025, 3, 5), article="c", status="stated"),
    ]
    cell = position_matrix(records, by="actor").cell("Putin", "ceasefire")
    assert cell is not None and cell.stance == "reject" and cell.disputed


def test_a_position_outranks_a_threat_made_to_win_it() -> None:
    records = [
        claim("Putin", "territory_regions", "demand", D(2025, 11, 20), article="d1"),
        claim("Putin", "territory_regions", "threaten", D(2025, 11, 27), article="t1"),
        claim("Putin", "territory_regions", "threaten", D(2025, 11, 27), article="t2"),
    ]
    cell = position_matrix(records, by="actor").cell("Putin", "territory_regions")
    assert cell is not None
    assert (cell.stance, cell.alternatives) == ("demand", ("threaten",))
    # A threat alone, or a threat on the record against a reported position, still shows.
    alone = position_matrix(records[1:], by="actor").cell("Putin", "territory_regions")
    assert alone is not None and alone.stance == "threaten"
    reported = [claim("Putin", "territory_regions", "demand", D(2025, 11, 20),
                      status="reported"), *records[1:]]
    firmer = position_matrix(reported, by="actor").cell("Putin", "territory_regions")
    assert firmer is not None and firmer.stance == "threaten"
