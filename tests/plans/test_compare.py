"""Stances on plans and their points, and plans side by side: pure functions over
hand-built registry plans and sourced claims."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from redline.analysis.plan_compare import (
    claims_on_plan,
    compare_plans,
    latest_by_party,
    point_stances,
)
from redline.model import Provenance, SourcedClaim
from redline.store.plan_registry import PointReport, RegistryPlan, RegistryPoint

from .builders import claim


def sourced(actor: str, party: str, issue: str, stance: str, plan: str, day: date,
            status: str = "stated") -> SourcedClaim:
    return SourcedClaim(claim(actor, party, issue, stance, plan, None, status),
                        Provenance(article_id=f"{actor}{day}", published=day, source="Wire"))


def registry_plan(name: str, points: list[tuple[int | None, tuple[str, ...], str]]) -> RegistryPlan:
    return RegistryPlan(
        id=1, name=name, proposer="Westland", n_points=10, revision_of=None,
        first_reported=date(2030, 5, 1), last_reported=date(2030, 5, 9), sources=2,
        points=tuple(RegistryPoint(n, issues, (PointReport(text, "a1", date(2030, 5, 1), "Wire",
                                                           "a1"),))
                     for n, issues, text in points),
    )


TEN = registry_plan("10-point plan", [(1, ("ceasefire",), "an immediate truce"),
                                      (4, ("border", "alliance"), "Point four freezes the line")])
SIX = registry_plan("6-point plan", [(2, ("border",), "a border commission")])


def test_latest_stance_of_each_party_wins() -> None:
    claims = [
        sourced("Northland", "north", "ceasefire", "reject", "10-point plan", date(2030, 5, 2)),
        sourced("Ivan Brodsky", "north", "ceasefire", "accept", "10-point plan", date(2030, 5, 7)),
        sourced("Southland", "south", "ceasefire", "accept", "10-point plan", date(2030, 5, 3),
                "reported"),
    ]
    stances = latest_by_party(claims)
    assert [(s.party, s.actor, s.stance, s.status, s.day) for s in stances] == [
        ("north", "Ivan Brodsky", "accept", "stated", date(2030, 5, 7)),
        ("south", "Southland", "accept", "reported", date(2030, 5, 3)),
    ]


def test_claims_attach_to_the_plan_they_name_and_the_point_of_their_issue() -> None:
    claims = [
        sourced("Northland", "north", "alliance", "reject", "the 10-point plan", date(2030, 5, 2)),
        sourced("Northland", "north", "peace_plan", "reject", "10-point peace plan",
                date(2030, 5, 3)),
        sourced("Southland", "south", "sanctions", "demand", "10-point plan", date(2030, 5, 4)),
        sourced("Southland", "south", "ceasefire", "accept", "6-point plan", date(2030, 5, 4)),
    ]
    assert len(claims_on_plan(TEN, claims)) == 3
    rows = point_stances(TEN, claims)
    whole, first, fourth = rows
    assert whole.point is None
    # The plan as a whole: its package claims and claims on issues no point covers.
    assert [(s.party, s.stance) for s in whole.stances] == [
        ("north", "reject"), ("south", "demand")]
    assert first.stances == ()  # the 6-point plan's ceasefire claim is not about this plan
    assert [(s.party, s.stance) for s in fourth.stances] == [("north", "reject")]


def test_compare_lays_plans_side_by_side_issue_by_issue() -> None:
    claims = [sourced("Northland", "north", "border", "reject", "6-point plan", date(2030, 6, 2))]
    rows = compare_plans([TEN, SIX], claims)
    assert [r.issue for r in rows] == ["peace_plan", "ceasefire", "border", "alliance"]
    border = rows[2]
    assert border.texts == (("4. Point four freezes the line",), ("2. a border commission",))
    assert border.stances[0] == ()
    assert [(s.party, s.stance) for s in border.stances[1]] == [("north", "reject")]
    assert rows[1].texts == (("1. an immediate truce",), ())


def test_claims_attach_to_a_described_plan_by_its_exact_names() -> None:
    plan = replace(registry_plan("Western proposals on the border and prisoners",
                                 [(None, ("border",), "to freeze the line")]),
                   described=True, names=("Western proposals on the border and prisoners",
                                          "Western offer on the border and prisoners"))
    day = date(2030, 5, 2)
    own = sourced("Ivan Brodsky", "north", "border", "oppose",
                  "Western offer on the border and prisoners", day)
    other = sourced("Ivan Brodsky", "north", "border", "oppose",
                    "Western proposals on the border and sanctions", day)
    assert claims_on_plan(plan, [own, other]) == [own]
    named = replace(plan, described=False)
    assert claims_on_plan(named, [own, other]) == [own, other]
