"""Contradictions: reports that put one actor on both sides of an issue in the same period.

Two claims conflict when they name the same actor and issue, hold incompatible stances
(``reject`` against ``propose`` or ``accept``), come from different independent
sources (syndicated copies of one story are one source), and are dated at most
``window_days`` apart. Conflicting claims are joined into one conflict per connected group.
A conflict is a *denial* when one side is on the record (stated) and the other is known only
from leaks or rumour (reported or alleged); otherwise it is a *contradiction*. Undated
claims are left out (without a date there is no "same period"), and so are borderline
(``optional``) ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from redline.analysis.sourcing import (
    Citation,
    best_evidence,
    chronological,
    citation_labels,
    citations,
    claim_date,
    deduplicate,
    firm,
    incompatible,
    party_of,
    source_key,
)
from redline.model import SourcedClaim

ConflictKind = Literal["contradiction", "denial"]
DEFAULT_WINDOW_DAYS = 14


@dataclass(frozen=True)
class Conflict:
    actor: str
    party: str
    issue: str
    kind: ConflictKind
    forward: tuple[SourcedClaim, ...]  # the claims that propose or accept
    against: tuple[SourcedClaim, ...]  # the claims that reject
    start: date
    end: date

    @property
    def forward_citations(self) -> list[Citation]:
        return citations(self.forward)

    @property
    def against_citations(self) -> list[Citation]:
        return citations(self.against)

    @property
    def forward_evidence(self) -> str:
        return best_evidence(self.forward)

    @property
    def against_evidence(self) -> str:
        return best_evidence(self.against)

    def stances(self) -> str:
        forward = sorted({r.claim.stance for r in self.forward})
        return f"{'/'.join(forward)} vs reject"


class _Groups:
    """Union-find over claim indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def _kind(forward: list[SourcedClaim], against: list[SourcedClaim]) -> ConflictKind:
    forward_stated = any(r.claim.status == "stated" for r in forward)
    against_stated = any(r.claim.status == "stated" for r in against)
    return "denial" if forward_stated != against_stated else "contradiction"


def _actor_conflicts(records: list[SourcedClaim], window_days: int) -> list[Conflict]:
    dated = [(r, d) for r in chronological(records) if (d := claim_date(r)) is not None]
    groups = _Groups(len(dated))
    linked: set[int] = set()
    for i, (first, first_day) in enumerate(dated):
        for j in range(i + 1, len(dated)):
            second, second_day = dated[j]
            if (second_day - first_day).days > window_days:
                break  # sorted by date: every later claim is further away
            if not incompatible(first.claim.stance, second.claim.stance):
                continue
            if source_key(first.provenance) == source_key(second.provenance):
                continue
            groups.join(i, j)
            linked.update((i, j))
    members: dict[int, list[int]] = defaultdict(list)
    for i in sorted(linked):
        members[groups.find(i)].append(i)
    conflicts = []
    for indices in members.values():
        claims = [dated[i][0] for i in indices]
        days = [dated[i][1] for i in indices]
        forward = [r for r in claims if r.claim.stance != "reject"]
        against = [r for r in claims if r.claim.stance == "reject"]
        first = claims[0]
        conflicts.append(
            Conflict(
                actor=first.claim.actor,
                party=party_of(first),
                issue=first.claim.issue,
                kind=_kind(forward, against),
                forward=tuple(forward),
                against=tuple(against),
                start=min(days),
                end=max(days),
            )
        )
    return conflicts


def find_conflicts(
    claims: Iterable[SourcedClaim],
    *,
    since: date | None = None,
    until: date | None = None,
    issue: str | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> list[Conflict]:
    """Every conflict that overlaps [since, until], newest first."""
    grouped: dict[tuple[str, str], list[SourcedClaim]] = defaultdict(list)
    for record in firm(deduplicate(claims)):
        if issue is None or record.claim.issue == issue:
            grouped[(record.claim.actor.casefold(), record.claim.issue)].append(record)
    conflicts = [
        conflict
        for records in grouped.values()
        for conflict in _actor_conflicts(records, window_days)
        if (since is None or conflict.end >= since) and (until is None or conflict.start <= until)
    ]
    return sorted(conflicts, key=lambda c: (-c.end.toordinal(), c.actor, c.issue))


def conflict_rows(conflicts: Iterable[Conflict]) -> list[dict[str, object]]:
    """One flat row per conflict, for JSON and CSV output."""
    rows: list[dict[str, object]] = []
    for conflict in conflicts:
        rows.append(
            {
                "actor": conflict.actor,
                "party": conflict.party,
                "issue": conflict.issue,
                "kind": conflict.kind,
                "stances": conflict.stances(),
                "start": conflict.start.isoformat(),
                "end": conflict.end.isoformat(),
                "forward_sources": citation_labels(conflict.forward_citations),
                "forward_evidence": conflict.forward_evidence,
                "against_sources": citation_labels(conflict.against_citations),
                "against_evidence": conflict.against_evidence,
            }
        )
    return rows
