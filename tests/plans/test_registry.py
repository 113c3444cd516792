"""The plan registry over a temporary SQLite store: merging one plan across outlets, keeping
different plans apart, linking revisions, merging points, and rebuilding idempotently."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from redline.model import PlanMention
from redline.store import Store, schema
from redline.store.plan_registry import (
    MentionRow,
    PlanNotFoundError,
    PointReport,
    cluster_mentions,
    list_plans,
    merge_points,
    names_match,
    read_plan,
    update_plan_registry,
)

from .builders import mention, point
from .conftest import Publish
from .fictional import PACK


def test_one_unknown_plan_reported_by_two_outlets_in_different_words_is_one_plan(
    store: Store, publish: Publish
) -> None:
    publish("Daily Bugle", date(2030, 3, 2), [mention(
        "Freedonia's 12-point plan", "Freedonia", 12,
        points=(point(4, ("ceasefire",), "Point four requires a truce"),))])
    publish("Planet Wire", date(2030, 3, 9), [mention(
        "12-point peace plan", None, 12,
        points=(point(4, ("ceasefire", "border"), "its fourth point: a truce on the line"),
                point(None, ("prisoners",), "all prisoners to be freed")))])
    assert update_plan_registry(store, PACK) == 1
    (plan,) = list_plans(store)
    assert (plan.n_points, plan.sources, plan.proposer) == (12, 2, "Freedonia")
    assert (plan.first_reported, plan.last_reported) == (date(2030, 3, 2), date(2030, 3, 9))
    full = read_plan(store, "12-point plan")
    fourth = next(p for p in full.points if p.n == 4)
    assert fourth.issues == ("ceasefire", "border")
    assert [r.source for r in fourth.reports] == ["Daily Bugle", "Planet Wire"]
    assert any(p.n is None and p.issues == ("prisoners",) for p in full.points)


def test_pack_plans_merge_by_id_and_keep_the_pack_name(store: Store, publish: Publish) -> None:
    publish("A", date(2030, 5, 2), [mention("10-point plan", "Westland", 10, "ten-point-plan")])
    publish("B", date(2030, 5, 3), [mention("10-point plan", "Westland", 10, "ten-point-plan"),
                                    mention("Weiss plan", "Anna Weiss", None, "weiss-plan")])
    update_plan_registry(store, PACK)
    names = sorted(p.name for p in list_plans(store))
    assert names == ["10-point plan", "Weiss plan"]


def test_same_name_years_apart_is_two_plans(store: Store, publish: Publish) -> None:
    publish("A", date(2030, 1, 1), [mention("Freedonia peace plan", "Freedonia")])
    publish("B", date(2033, 1, 1), [mention("Freedonia peace plan", "Freedonia")])
    assert update_plan_registry(store, PACK) == 2


def test_different_sizes_are_different_plans(store: Store, publish: Publish) -> None:
    publish("A", date(2030, 1, 1), [mention("Freedonia plan", "Freedonia", 12)])
    publish("B", date(2030, 1, 5), [mention("Freedonia plan", "Freedonia", 9)])
    assert update_plan_registry(store, PACK) == 2


def test_revision_links_from_the_pack(store: Store, publish: Publish) -> None:
    publish("A", date(2030, 5, 2), [mention("10-point plan", "Westland", 10, "ten-point-plan")])
    publish("B", date(2030, 6, 2), [mention("6-point plan", "Westland", 6, "six-point-plan")])
    update_plan_registry(store, PACK)
    assert read_plan(store, "6-point plan").revision_of == "10-point plan"
    assert read_plan(store, "10-point plan").revision_of is None


def test_revision_links_from_the_text(store: Store, publish: Publish) -> None:
    text = ("Freedonia's 12-point plan was rejected last month. On Friday its envoys brought "
            "a revised 9-point version of the plan to Sudberg.")
    first = text.index("12-point plan")
    second = text.index("9-point version")
    publish("A", date(2030, 3, 1), [mention("12-point plan", "Freedonia", 12)])
    publish("B", date(2030, 4, 1), [
        mention("12-point plan", "Freedonia", 12, start=first, end=first + 13),
        mention("9-point version", "Freedonia", 9, start=second, end=second + 15),
    ], text=text)
    update_plan_registry(store, PACK)
    assert read_plan(store, "9-point version").revision_of == "12-point plan"
    assert read_plan(store, "12-point plan").revision_of is None


def test_near_duplicate_copies_count_as_one_source(store: Store, publish: Publish) -> None:
    text = ("Westland's ten-point plan calls for a truce along the line of control, officials "
            "in Westport said on Monday, adding that talks would resume in Sudberg next week. "
            "Nordgrad has not answered the proposal, which diplomats describe as final.")
    publish("Wire", date(2030, 5, 2), [mention("10-point plan", "Westland", 10, "ten-point-plan")],
            text=text)
    publish("Reprint", date(2030, 5, 2),
            [mention("10-point plan", "Westland", 10, "ten-point-plan")], text=text + " ")
    update_plan_registry(store, PACK)
    (plan,) = list_plans(store)
    assert plan.sources == 1


def test_rebuilding_is_idempotent_and_sets_every_mention(store: Store, publish: Publish) -> None:
    publish("A", date(2030, 5, 2), [mention("10-point plan", "Westland", 10, "ten-point-plan")])
    publish("B", date(2030, 5, 2), [mention("Freedonia plan", "Freedonia")])
    assert update_plan_registry(store, PACK) == 2
    assert update_plan_registry(store, PACK) == 2
    with store.engine.connect() as conn:
        unset = conn.execute(sa.select(sa.func.count()).select_from(schema.plan_mentions)
                             .where(schema.plan_mentions.c.plan_id.is_(None))).scalar_one()
        plans = conn.execute(sa.select(sa.func.count()).select_from(schema.plans)).scalar_one()
    assert (unset, plans) == (0, 2)


def test_unknown_plan_name_is_a_typed_error_listing_known_ones(
    store: Store, publish: Publish
) -> None:
    publish("A", date(2030, 5, 2), [mention("10-point plan", "Westland", 10, "ten-point-plan")])
    update_plan_registry(store, PACK)
    with pytest.raises(PlanNotFoundError, match="10-point plan"):
        read_plan(store, "Marshall plan")


def test_empty_store_has_no_plans(store: Store) -> None:
    assert update_plan_registry(store, PACK) == 0
    assert list_plans(store) == []


def row(i: int, name: str, day: date, **kwargs: object) -> MentionRow:
    return MentionRow(id=i, article_id=f"a{i}", name=name, proposer=kwargs.get("proposer"),  # type: ignore[arg-type]
                      n_points=kwargs.get("n_points"), pack_plan=kwargs.get("pack_plan"),  # type: ignore[arg-type]
                      published=day, cluster=f"a{i}")


def test_clusters_need_compatible_proposers() -> None:
    rows = [row(1, "Freedonia peace plan", date(2030, 1, 1), proposer="Freedonia"),
            row(2, "Freedonia peace plan", date(2030, 1, 2), proposer="Northland"),
            row(3, "Freedonia peace plan", date(2030, 1, 3))]
    clusters = cluster_mentions(rows, PACK)
    assert [[m.id for m in c.mentions] for c in clusters] == [[1, 3], [2]]


def test_proposers_of_one_side_are_compatible() -> None:
    rows = [row(1, "12-point plan", date(2030, 1, 1), proposer="Anna Weiss", n_points=12),
            row(2, "twelve-point plan", date(2030, 1, 2), proposer="Westland", n_points=12)]
    assert len(cluster_mentions(rows, PACK)) == 1


def test_names_match_by_telling_words() -> None:
    assert names_match("the 28-point plan", "28-point peace plan")
    assert not names_match("28-point plan", "19-point plan")
    assert not names_match("peace plan", "the plan")  # nothing telling on either side


def test_unnumbered_points_join_the_numbered_point_that_covers_them() -> None:
    report = PointReport("x", "a1", date(2030, 1, 1), "A", "a1")
    merged = merge_points([(3, ("alliance", "border"), report), (None, ("alliance",), report),
                           (None, ("prisoners",), report), (None, ("prisoners",), report)])
    assert [(p.n, p.issues, len(p.reports)) for p in merged] == [
        (3, ("alliance", "border"), 2), (None, ("prisoners",), 2)]


def described(name: str, proposer: str, *issues: str) -> PlanMention:
    return mention(name, proposer, described=True,
                   points=tuple(point(None, (i,), f"terms on {i}") for i in issues))


def test_described_plans_merge_by_side_and_issues_not_by_look_alike_names(
    store: Store, publish: Publish
) -> None:
    # Same side, same issues, in other words and by another actor of the side: one plan.
    publish("A", date(2030, 3, 2), [described(
        "Western proposals on the border and prisoners", "Westland", "border", "prisoners")])
    publish("B", date(2030, 3, 9), [described(
        "Western offer on the border and prisoners", "Anna Weiss", "prisoners", "border")])
    # Names that look alike, other issues: another plan.
    publish("C", date(2030, 3, 10), [described(
        "Western proposals on the border and sanctions", "Westland", "sanctions", "alliance")])
    # Same issues from the other side: another plan.
    publish("D", date(2030, 3, 11), [described(
        "Northern proposals on the border and prisoners", "Northland", "border", "prisoners")])
    assert names_match("Western proposals on the border and prisoners",
                       "Western proposals on the border and sanctions")
    assert update_plan_registry(store, PACK) == 3
    plans = {p.name: p for p in list_plans(store)}
    merged = plans["Western proposals on the border and prisoners"]
    assert (merged.sources, merged.described) == (2, True)
    assert set(merged.names) == {"Western proposals on the border and prisoners",
                                 "Western offer on the border and prisoners"}
    assert plans["Western proposals on the border and sanctions"].sources == 1


def test_a_described_plan_joins_a_named_one_of_its_side_by_issues(
    store: Store, publish: Publish
) -> None:
    publish("A", date(2030, 3, 2), [mention(
        "Harmony Initiative", "Westland",
        points=(point(None, ("ceasefire",), "a truce"), point(None, ("prisoners",), "swaps")))])
    publish("B", date(2030, 3, 5), [described(
        "Western terms on a truce and prisoners", "Westland", "ceasefire", "prisoners")])
    publish("C", date(2030, 3, 6), [mention("Harmony plan", "Northland")])
    update_plan_registry(store, PACK)
    names = sorted((p.name, p.sources) for p in list_plans(store))
    # The article's own name wins over one built from terms; Northland's plan stays apart.
    assert names == [("Harmony Initiative", 2), ("Harmony plan", 1)]


def test_a_merged_plan_is_proposed_by_the_side_when_articles_name_different_people(
    store: Store, publish: Publish
) -> None:
    # Two outlets credit one unnamed plan to a minister and to her state: the side stands.
    publish("Daily Bugle", date(2030, 3, 2), [mention("Western truce offer", "Anna Weiss")])
    publish("Planet Wire", date(2030, 3, 4), [mention("Western truce offer", "Anna Weiss")])
    publish("Gazette", date(2030, 3, 5), [mention("Western truce offer", "Westland")])
    update_plan_registry(store, PACK)
    (plan,) = list_plans(store)
    assert (plan.sources, plan.proposer) == (3, "Westland")


def test_a_plan_one_person_is_credited_with_everywhere_keeps_that_person(
    store: Store, publish: Publish
) -> None:
    publish("Daily Bugle", date(2030, 3, 2), [mention("Weiss truce offer", "Anna Weiss")])
    publish("Planet Wire", date(2030, 3, 4), [mention("Weiss truce offer", "Anna Weiss")])
    update_plan_registry(store, PACK)
    (plan,) = list_plans(store)
    assert plan.proposer == "Anna Weiss"
