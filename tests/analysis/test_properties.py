"""Properties that must hold for any input: order does not matter, copies add nothing."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from redline.analysis.conflicts import find_conflicts
from redline.analysis.positions import PositionMatrix, position_matrix
from redline.analysis.shifts import detect_shifts
from redline.analysis.sourcing import source_key
from redline.model import STANCES, STATUSES, SourcedClaim

from .records import claim

START = date(2025, 3, 1)


@st.composite
def claims(draw: st.DrawFn) -> SourcedClaim:
    day = draw(st.one_of(st.none(), st.integers(0, 40).map(lambda n: START + timedelta(n))))
    article = draw(st.sampled_from(["a", "b", "c", "d", "e"]))
    return claim(
        draw(st.sampled_from(["Putin", "Peskov", "Zelensky"])),
        draw(st.sampled_from(["ceasefire", "peacekeepers"])),
        draw(st.sampled_from(STANCES)),
        day,
        party=draw(st.sampled_from(["russia", "ukraine", ""])),
        status=draw(st.sampled_from(STATUSES)),
        article=f"{article}-{day}",
        optional=draw(st.booleans()),
    )


record_lists = st.lists(claims(), max_size=25)


def summary(matrix: PositionMatrix) -> dict[tuple[str, str], tuple[object, ...]]:
    return {
        key: (c.stance, c.status, c.date, c.sources, c.disputed, c.alternatives)
        for key, c in matrix.cells.items()
    }


def syndicated_copies(records: list[SourcedClaim]) -> list[SourcedClaim]:
    """Each record again, as printed by another outlet that took the story from the wire."""
    return [
        replace(
            r,
            provenance=replace(
                r.provenance,
                article_id=r.provenance.article_id + "-copy",
                source="Aggregator",
                cluster=source_key(r.provenance),
            ),
        )
        for r in records
    ]


@settings(max_examples=60, deadline=None)
@given(record_lists, st.randoms(use_true_random=False))
def test_order_of_records_does_not_matter(records: list[SourcedClaim], rng: random.Random) -> None:
    shuffled = list(records)
    rng.shuffle(shuffled)
    for by in ("party", "actor"):
        assert summary(position_matrix(records, by=by)) == summary(position_matrix(shuffled, by=by))
    shifts = [(s.subject, s.issue, s.kind, s.date) for s in detect_shifts(records)]
    assert shifts == [(s.subject, s.issue, s.kind, s.date) for s in detect_shifts(shuffled)]
    spans = {(c.actor, c.issue, c.start, c.end) for c in find_conflicts(records)}
    assert spans == {(c.actor, c.issue, c.start, c.end) for c in find_conflicts(shuffled)}


@settings(max_examples=60, deadline=None)
@given(record_lists)
def test_syndicated_copies_change_nothing(records: list[SourcedClaim]) -> None:
    doubled = records + syndicated_copies(records)
    assert summary(position_matrix(records)) == summary(position_matrix(doubled))
    assert len(find_conflicts(records)) == len(find_conflicts(doubled))
    assert len(detect_shifts(records)) == len(detect_shifts(doubled))


@settings(max_examples=60, deadline=None)
@given(record_lists, st.integers(0, 40))
def test_as_of_never_shows_a_later_claim(records: list[SourcedClaim], offset: int) -> None:
    as_of = START + timedelta(offset)
    matrix = position_matrix(records, as_of=as_of)
    for cell in matrix.cells.values():
        assert cell.date is not None and cell.date <= as_of
        assert cell.sources >= 1


@settings(max_examples=60, deadline=None)
@given(record_lists)
def test_every_conflict_has_two_independent_sources(records: list[SourcedClaim]) -> None:
    for conflict in find_conflicts(records):
        forward = {source_key(r.provenance) for r in conflict.forward}
        against = {source_key(r.provenance) for r in conflict.against}
        assert forward and against and len(forward | against) >= 2
