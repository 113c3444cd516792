"""Timelines: an actor's or party's claims in date order, grouped by issue, marking each change.

Claims on the same day with the same actor and stance are one entry with several sources
(syndicated copies counted once). An entry is a *change* when its stance differs from the
subject's previous dated stance on that issue; a change between incompatible stances is a
*reversal*. Undated claims come last and never mark a change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from redline.analysis.sourcing import (
    Citation,
    chronological,
    citation_labels,
    citation_urls,
    citations,
    claim_date,
    deduplicate,
    evidence_text,
    incompatible,
    party_of,
    strongest,
)
from redline.model import SourcedClaim


@dataclass(frozen=True)
class TimelineEntry:
    """One stance taken on one day, with every source that reports it."""

    date: date | None
    actor: str
    party: str
    issue: str
    stance: str
    status: str  # the strongest status among its sources
    evidence: str
    sources: tuple[Citation, ...]
    records: tuple[SourcedClaim, ...]
    previous_stance: str | None  # the subject's stance before this one, when it changed

    @property
    def changed(self) -> bool:
        return self.previous_stance is not None

    @property
    def reversal(self) -> bool:
        return self.previous_stance is not None and incompatible(self.previous_stance, self.stance)


@dataclass(frozen=True)
class IssueTimeline:
    issue: str
    entries: tuple[TimelineEntry, ...]


class _SubjectDays:
    """The stances each subject took on its last two dated days, to tell a change from a
    second stance taken the same day (proposing and demanding at once is not a change)."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[date, set[str]]] = {}
        self._before: dict[str, set[str]] = {}

    def previous_change(self, subject: str, day: date | None, stance: str) -> str | None:
        """Record the stance; return the earlier stance it departs from, if it does."""
        if day is None:
            return None
        last = self._last.get(subject)
        if last is not None and last[0] == day:
            prior = self._before.get(subject, set())
            last[1].add(stance)
        else:
            prior = last[1] if last is not None else set()
            self._before[subject] = prior
            self._last[subject] = (day, {stance})
        if not prior or stance in prior:
            return None
        clashing = sorted(s for s in prior if incompatible(s, stance))
        return clashing[0] if clashing else sorted(prior)[0]


def _matches(record: SourcedClaim, actor: str | None, party: str | None, issue: str | None) -> bool:
    claim = record.claim
    if actor is not None and claim.actor.casefold() != actor.casefold():
        return False
    if party is not None and party_of(record).casefold() != party.casefold():
        return False
    return issue is None or claim.issue == issue


def _entries(records: list[SourcedClaim]) -> list[list[SourcedClaim]]:
    """Group one issue's records into (day, actor, stance) entries, oldest first."""
    groups: dict[tuple[date | None, str, str], list[SourcedClaim]] = {}
    for record in chronological(records):
        key = (claim_date(record), record.claim.actor, record.claim.stance)
        groups.setdefault(key, []).append(record)
    return list(groups.values())


def build_timeline(
    claims: Iterable[SourcedClaim],
    *,
    actor: str | None = None,
    party: str | None = None,
    issue: str | None = None,
    issue_order: Sequence[str] = (),
) -> list[IssueTimeline]:
    """Chronological claims of an actor or party (or everyone), one timeline per issue.

    Changes are tracked per actor, except when only ``party`` is given: then per party (the
    party's stance changes when any of its actors takes a different one).
    """
    by_issue: dict[str, list[SourcedClaim]] = defaultdict(list)
    for record in deduplicate(claims):
        if _matches(record, actor, party, issue):
            by_issue[record.claim.issue].append(record)
    rank = {value: i for i, value in enumerate(issue_order)}
    timelines = []
    for issue_id in sorted(by_issue, key=lambda i: (rank.get(i, len(rank)), i)):
        days = _SubjectDays()
        entries = []
        for group in _entries(by_issue[issue_id]):
            first = group[0]
            track_party = party is not None and actor is None
            subject = party_of(first) if track_party else first.claim.actor
            day = claim_date(first)
            before = days.previous_change(subject, day, first.claim.stance)
            best = strongest(group)
            entries.append(
                TimelineEntry(
                    date=day,
                    actor=first.claim.actor,
                    party=party_of(first),
                    issue=issue_id,
                    stance=first.claim.stance,
                    status=best.claim.status,
                    evidence=evidence_text(best),
                    sources=tuple(citations(group)),
                    records=tuple(group),
                    previous_stance=before,
                )
            )
        timelines.append(IssueTimeline(issue_id, tuple(entries)))
    return timelines


def timeline_rows(timelines: Iterable[IssueTimeline]) -> list[dict[str, object]]:
    """One flat row per entry, for JSON and CSV output."""
    rows: list[dict[str, object]] = []
    for timeline in timelines:
        for entry in timeline.entries:
            rows.append(
                {
                    "issue": timeline.issue,
                    "date": entry.date.isoformat() if entry.date else None,
                    "actor": entry.actor,
                    "party": entry.party,
                    "stance": entry.stance,
                    "status": entry.status,
                    "change": ("reversal" if entry.reversal else "change") if entry.changed else "",
                    "previous_stance": entry.previous_stance or "",
                    "sources": citation_labels(entry.sources),
                    "urls": citation_urls(entry.sources),
                    "evidence": entry.evidence,
                }
            )
    return rows
