"""Shifts: detected changes of an actor's or party's stance on an issue, with before and after.

Each subject's dated claims on an issue are read day by day. A day's position is its
strongest stance (status rank, then independent sources); a day whose sources hold
incompatible stances is a dispute, left to ``conflicts``, and skipped here. Between one
position and the next, these transitions are shifts:

- ``reversal``: between ``reject`` and ``propose`` or ``accept``;
- ``demand_dropped``: from demanding to proposing or accepting;
- ``hardened``: from proposing or accepting to demanding;
- ``new_threat``: the first day the subject threatens on the issue.

Moving between proposing and accepting, or among demanding, rejecting and threatening (one
hard line put several ways), is no shift. A leak or rumour followed within the conflict
window by an on-the-record statement of the opposite stance is a denial, reported by
``conflicts``, not a shift. Borderline (``optional``) claims are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from redline.analysis.conflicts import DEFAULT_WINDOW_DAYS as DENIAL_WINDOW_DAYS
from redline.analysis.sourcing import (
    Citation,
    best_evidence,
    citation_labels,
    citations,
    claim_date,
    deduplicate,
    firm,
    incompatible,
    independent_sources,
    party_of,
    source_key,
    stance_order,
    status_rank,
)
from redline.model import SourcedClaim

ShiftKind = Literal["reversal", "demand_dropped", "hardened", "new_threat"]
SubjectKind = Literal["actor", "party"]


@dataclass(frozen=True)
class Position:
    """A subject's stance on one day, with the claims that carry it."""

    date: date
    stance: str
    status: str
    records: tuple[SourcedClaim, ...]

    @property
    def citations(self) -> list[Citation]:
        return citations(self.records)

    @property
    def evidence(self) -> str:
        return best_evidence(self.records)


@dataclass(frozen=True)
class Shift:
    subject: str  # actor name or party id
    party: str
    issue: str
    kind: ShiftKind
    before: Position | None  # None for a first-ever threat
    after: Position
    # Independent sources that report the new stance, on the day or later, until the next shift.
    confirmations: int = 1

    @property
    def date(self) -> date:
        return self.after.date

    def label(self) -> str:
        before = self.before.stance if self.before else "—"
        return f"{before} → {self.after.stance}"


def transition_kind(before: str, after: str) -> ShiftKind | None:
    """The kind of shift from one stance to another, or None when it is no shift."""
    if before == after:
        return None
    if incompatible(before, after):
        return "reversal"
    if before == "demand" and after in ("propose", "accept"):
        return "demand_dropped"
    if before in ("propose", "accept") and after == "demand":
        return "hardened"
    return None


def _day_position(day: date, records: list[SourcedClaim]) -> Position | None:
    """The strongest stance of one day, or None when the day's sources contradict each other."""
    by_stance: dict[str, list[SourcedClaim]] = defaultdict(list)
    for record in records:
        by_stance[record.claim.stance].append(record)
    stances = list(by_stance)
    if any(incompatible(a, b) for a in stances for b in stances):
        return None

    def score(stance: str) -> tuple[int, int, int]:
        group = by_stance[stance]
        rank = min(status_rank(r.claim.status) for r in group)
        return (rank, -independent_sources(group), stance_order(stance))

    winner = min(stances, key=score)
    group = by_stance[winner]
    status = min((r.claim.status for r in group), key=status_rank)
    return Position(day, winner, status, tuple(group))


def _is_denial(before: Position, after: Position) -> bool:
    """A stated reversal soon after a leak or rumour denies it rather than shifting."""
    return (
        before.status != "stated"
        and after.status == "stated"
        and incompatible(before.stance, after.stance)
        and (after.date - before.date).days <= DENIAL_WINDOW_DAYS
    )


def _subject_shifts(subject: str, issue: str, records: list[SourcedClaim]) -> list[Shift]:
    by_day: dict[date, list[SourcedClaim]] = defaultdict(list)
    for record in records:
        day = claim_date(record)
        if day is not None:  # an undated claim cannot be placed before or after another
            by_day[day].append(record)
    shifts: list[Shift] = []
    backing: list[set[str]] = []  # per shift, the sources that report its new stance
    threat: int | None = None  # index of the subject's first threat
    standing: int | None = None  # index of the latest change of stance
    previous: Position | None = None
    for day in sorted(by_day):
        threats = [r for r in by_day[day] if r.claim.stance == "threaten"]
        if threats and threat is None:
            status = min((r.claim.status for r in threats), key=status_rank)
            after = Position(day, "threaten", status, tuple(threats))
            party = party_of(threats[0])
            shifts.append(Shift(subject, party, issue, "new_threat", previous, after))
            backing.append(set())
            threat = len(shifts) - 1
        if threat is not None:
            backing[threat].update(source_key(r.provenance) for r in threats)
        current = _day_position(day, by_day[day])
        if current is None:
            continue
        if previous is not None:
            kind = transition_kind(previous.stance, current.stance)
            if kind is not None and not _is_denial(previous, current):
                party = party_of(current.records[0])
                shifts.append(Shift(subject, party, issue, kind, previous, current))
                backing.append(set())
                standing = len(shifts) - 1
        if standing is not None and current.stance == shifts[standing].after.stance:
            backing[standing].update(source_key(r.provenance) for r in current.records)
        previous = current
    return [replace(s, confirmations=len(b)) for s, b in zip(shifts, backing, strict=True)]


def detect_shifts(
    claims: Iterable[SourcedClaim],
    *,
    by: SubjectKind = "actor",
    since: date | None = None,
    until: date | None = None,
    issue: str | None = None,
    min_confirmations: int = 1,
) -> list[Shift]:
    """Every shift whose new position falls within [since, until], newest first.

    The whole history is read, so a shift inside the period is found even when the position
    it departs from is older than ``since``. ``min_confirmations`` drops shifts whose new
    stance fewer independent sources report (one report may be one extraction error).
    """
    grouped: dict[tuple[str, str], list[SourcedClaim]] = defaultdict(list)
    for record in firm(deduplicate(claims)):
        if issue is not None and record.claim.issue != issue:
            continue
        subject = record.claim.actor if by == "actor" else party_of(record)
        grouped[(subject, record.claim.issue)].append(record)
    shifts = [
        shift
        for (subject, issue_id), records in grouped.items()
        for shift in _subject_shifts(subject, issue_id, records)
        if (since is None or shift.date >= since)
        and (until is None or shift.date <= until)
        and shift.confirmations >= min_confirmations
    ]
    return sorted(shifts, key=lambda s: (-s.date.toordinal(), s.subject, s.issue))


def shift_rows(shifts: Iterable[Shift]) -> list[dict[str, object]]:
    """One flat row per shift, for JSON and CSV output."""
    rows: list[dict[str, object]] = []
    for shift in shifts:
        before = shift.before
        rows.append(
            {
                "date": shift.date.isoformat(),
                "subject": shift.subject,
                "party": shift.party,
                "issue": shift.issue,
                "kind": shift.kind,
                "before_stance": before.stance if before else None,
                "before_date": before.date.isoformat() if before else None,
                "before_status": before.status if before else None,
                "before_sources": citation_labels(before.citations) if before else "",
                "before_evidence": before.evidence if before else "",
                "after_stance": shift.after.stance,
                "confirmations": shift.confirmations,
                "after_status": shift.after.status,
                "after_sources": citation_labels(shift.after.citations),
                "after_evidence": shift.after.evidence,
            }
        )
    return rows
