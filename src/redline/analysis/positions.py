"""The position matrix: where each actor or party stands on each issue as of a date.

How a cell is chosen (the same rule everywhere a "current position" is shown):

1. Only claims dated on or before ``as_of`` count; undated claims count only when no
   ``as_of`` is given, and then as older than any dated claim.
2. Recency picks the window: claims dated from ``window_days`` days before the latest
   claim's date ``D`` up to ``D`` (0 keeps ``D`` alone); older claims are history.
3. Within the window, rank beats recency: stated outranks reported outranks alleged. Among
   stances of equal rank the more recent wins (judged by its claims of that rank, so a fresh
   rumour does not freshen an old statement), then the one with more independent sources,
   then a fixed stance order (only to make the choice deterministic). A threat is the means
   by which a side pursues a position, so at equal rank a position (propose, demand, accept,
   reject) outranks a threat; the threat stays listed among the cell's other stances.
4. Borderline claims (``optional``) count only where nothing firmer is on record.
5. The cell counts independent sources (near-duplicate clusters) for the winning stance,
   and is *disputed* when the window also holds an incompatible stance (see ``sourcing``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from redline.analysis.sourcing import (
    UNKNOWN_ACTOR,
    best_evidence,
    citation_labels,
    citation_urls,
    citations,
    claim_date,
    deduplicate,
    incompatible,
    independent_sources,
    party_of,
    settled,
    stance_order,
    status_rank,
)
from redline.model import SourcedClaim

RowKind = Literal["party", "actor"]
DEFAULT_WINDOW_DAYS = 7


@dataclass(frozen=True)
class PositionCell:
    """One actor's or party's current stance on one issue, with what supports it."""

    row: str
    issue: str
    stance: str
    status: str
    date: date | None
    sources: int  # independent sources (clusters) for the winning stance in the window
    disputed: bool  # the window also holds an incompatible stance
    alternatives: tuple[str, ...]  # the other stances seen in the window
    support: tuple[SourcedClaim, ...]  # the winning stance's claims in the window


@dataclass(frozen=True)
class PositionMatrix:
    """Rows (parties or actors) by issues; a missing cell means no position on record."""

    row_kind: RowKind
    as_of: date | None
    rows: tuple[str, ...]
    issues: tuple[str, ...]
    cells: dict[tuple[str, str], PositionCell]
    row_parties: dict[str, str]  # actor rows: the actor's party; party rows: the party itself

    @property
    def is_empty(self) -> bool:
        return not self.cells

    def cell(self, row: str, issue: str) -> PositionCell | None:
        return self.cells.get((row, issue))


def _row_of(record: SourcedClaim, row_kind: RowKind) -> str:
    return party_of(record) if row_kind == "party" else record.claim.actor or UNKNOWN_ACTOR


def _counts_as_of(record: SourcedClaim, as_of: date | None) -> bool:
    day = claim_date(record)
    if as_of is None:
        return True
    return day is not None and day <= as_of


def _latest_window(records: list[SourcedClaim], window_days: int) -> list[SourcedClaim]:
    dated = [d for d in (claim_date(r) for r in records) if d is not None]
    if not dated:
        return records
    start = max(dated) - timedelta(days=max(window_days, 0))
    return [r for r in records if (d := claim_date(r)) is not None and d >= start]


def choose_cell(
    row: str, issue: str, records: Sequence[SourcedClaim], window_days: int = DEFAULT_WINDOW_DAYS
) -> PositionCell | None:
    """Pick the current stance from one row's claims on one issue (rule in the module doc)."""
    if not records:
        return None
    window = _latest_window(settled(deduplicate(records)), window_days)
    by_stance: dict[str, list[SourcedClaim]] = defaultdict(list)
    for record in window:
        by_stance[record.claim.stance].append(record)

    def score(stance: str) -> tuple[int, int, int, int, int]:
        group = by_stance[stance]
        best_rank = min(status_rank(r.claim.status) for r in group)
        # Recency among equals is the recency of the claims at that rank: a fresh rumour
        # does not make an older statement newer.
        days = [
            d.toordinal()
            for r in group
            if status_rank(r.claim.status) == best_rank and (d := claim_date(r)) is not None
        ]
        return (best_rank, stance == "threaten", -max(days, default=0),
                -independent_sources(group), stance_order(stance))

    winner = min(by_stance, key=score)
    support = tuple(by_stance[winner])
    best_status = min((r.claim.status for r in support), key=status_rank)
    days = [d for r in support if (d := claim_date(r)) is not None]
    others = tuple(sorted((s for s in by_stance if s != winner), key=stance_order))
    return PositionCell(
        row=row,
        issue=issue,
        stance=winner,
        status=best_status,
        date=max(days) if days else None,
        sources=independent_sources(support),
        disputed=any(incompatible(winner, other) for other in others),
        alternatives=others,
        support=support,
    )


def position_matrix(
    claims: Iterable[SourcedClaim],
    *,
    by: RowKind = "party",
    as_of: date | None = None,
    issues: Sequence[str] | None = None,
    issue_order: Sequence[str] = (),
    row_order: Sequence[str] = (),
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> PositionMatrix:
    """Build the matrix of current stances from sourced claims.

    ``issues`` restricts the columns; ``issue_order`` and ``row_order`` (e.g. the pack's issue
    and party lists) order them, with anything not listed following alphabetically.
    """
    wanted = set(issues) if issues else None
    grouped: dict[tuple[str, str], list[SourcedClaim]] = defaultdict(list)
    row_parties: dict[str, str] = {}
    for record in claims:
        if wanted is not None and record.claim.issue not in wanted:
            continue
        if not _counts_as_of(record, as_of):
            continue
        row = _row_of(record, by)
        grouped[(row, record.claim.issue)].append(record)
        row_parties.setdefault(row, party_of(record))
    cells = {
        key: cell
        for key, records in grouped.items()
        if (cell := choose_cell(key[0], key[1], records, window_days)) is not None
    }
    rows = _ordered({row for row, _ in cells}, row_order)
    columns = _ordered({issue for _, issue in cells}, issue_order)
    return PositionMatrix(
        row_kind=by,
        as_of=as_of,
        rows=tuple(rows),
        issues=tuple(columns),
        cells=cells,
        row_parties={row: row_parties[row] for row in rows},
    )


def _ordered(values: set[str], preferred: Sequence[str]) -> list[str]:
    rank = {value: i for i, value in enumerate(preferred)}
    return sorted(values, key=lambda v: (rank.get(v, len(rank)), v))


def matrix_rows(matrix: PositionMatrix) -> list[dict[str, object]]:
    """One flat row per cell, for JSON and CSV output."""
    rows: list[dict[str, object]] = []
    for row in matrix.rows:
        for issue in matrix.issues:
            cell = matrix.cell(row, issue)
            if cell is None:
                continue
            rows.append(
                {
                    matrix.row_kind: row,
                    "party": matrix.row_parties.get(row, ""),
                    "issue": issue,
                    "stance": cell.stance,
                    "status": cell.status,
                    "date": cell.date.isoformat() if cell.date else None,
                    "sources": cell.sources,
                    "disputed": cell.disputed,
                    "alternatives": ",".join(cell.alternatives),
                    "evidence": best_evidence(cell.support),
                    "citations": citation_labels(citations(cell.support)),
                    "urls": citation_urls(citations(cell.support)),
                }
            )
    return rows
