"""How analyses date, rank and count sourced records: one place for the rules every view shares.

A record's date is its statement date when the article gives one, else the publication date.
A source is a near-duplicate cluster (syndicated copies are one source), falling back to the
article id. Statuses rank stated > reported > alleged. Two stances are incompatible when one
is ``reject`` and the other is ``propose`` or ``accept``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from redline.model import STANCES, STATUSES, Provenance, SourcedClaim

# Lower is stronger: a position on the record outranks a leak, a leak outranks a rumour.
STATUS_RANK: dict[str, int] = {status: rank for rank, status in enumerate(STATUSES)}
# Stances that say yes to something on an issue; ``reject`` says no. A claim names the issue,
# not the direction, so ``demand`` and ``reject`` often state one hard line twice (demanding
# that Ukraine renounce NATO, rejecting its membership): they are not counted as a clash.
# ``threaten`` is pressure that goes with any stance.
OPEN_STANCES = frozenset({"propose", "accept"})
UNKNOWN_PARTY = "unknown"
UNKNOWN_ACTOR = "(unknown actor)"


def claim_date(record: SourcedClaim) -> date | None:
    """The day the position was taken: statement date, else the article's publication date."""
    return record.claim.statement_date or record.provenance.published


def source_key(provenance: Provenance) -> str:
    """The independent source a record comes from: its near-duplicate cluster, or its article."""
    return provenance.cluster or provenance.article_id


def status_rank(status: str) -> int:
    """Rank of a status (0 is strongest); an unknown status ranks below every known one."""
    return STATUS_RANK.get(status, len(STATUS_RANK))


def stance_order(stance: str) -> int:
    """A fixed order of stances, used only to make ties deterministic."""
    return STANCES.index(stance) if stance in STANCES else len(STANCES)


def incompatible(first: str, second: str) -> bool:
    """Whether one actor cannot hold both stances on one issue at once."""
    pair = {first, second}
    return "reject" in pair and bool(pair & OPEN_STANCES)


def party_of(record: SourcedClaim) -> str:
    """The claim's party, or ``unknown`` when the extractor could not place the actor."""
    return record.claim.party or UNKNOWN_PARTY


def strongest(records: Iterable[SourcedClaim]) -> SourcedClaim:
    """The record with the strongest status (the first of equals)."""
    return min(records, key=lambda r: status_rank(r.claim.status))


def independent_sources(records: Iterable[SourcedClaim]) -> int:
    """How many independent sources (clusters) the records come from."""
    return len({source_key(r.provenance) for r in records})


def deduplicate(records: Iterable[SourcedClaim]) -> list[SourcedClaim]:
    """Drop repeated records: one position per (source, actor, issue, stance, date).

    Syndicated copies of a story and records stored twice say the same thing once; the copy
    kept is the firmest (strongest status, then not borderline), so a duplicate never weakens
    a position, whatever order the records come in.
    """

    def firmness(record: SourcedClaim) -> tuple[int, bool]:
        return (status_rank(record.claim.status), record.claim.optional)

    best: dict[tuple[str, str, str, str, date | None], SourcedClaim] = {}
    for record in records:
        c = record.claim
        key = (source_key(record.provenance), c.actor, c.issue, c.stance, claim_date(record))
        kept = best.get(key)
        if kept is None or firmness(record) < firmness(kept):
            best[key] = record
    return list(best.values())


def firm(records: Iterable[SourcedClaim]) -> list[SourcedClaim]:
    """The records that are not borderline.

    Extractors mark a claim ``optional`` when the reading is borderline or when the article
    reports the stance as superseded by a later one; such a claim must not start a shift, a
    contradiction or a "new demand" on its own.
    """
    return [r for r in records if not r.claim.optional]


def settled(records: Sequence[SourcedClaim]) -> list[SourcedClaim]:
    """The firm records, or all of them when every one is borderline (better than nothing)."""
    return firm(records) or list(records)


def chronological(records: Iterable[SourcedClaim]) -> list[SourcedClaim]:
    """Sort records oldest first; undated records go last, in a stable order."""
    return sorted(
        records,
        key=lambda r: (
            claim_date(r) is None,
            claim_date(r) or date.min,
            r.provenance.source or "",
            r.provenance.article_id,
        ),
    )


@dataclass(frozen=True)
class Citation:
    """A source as a reader sees it: outlet, date and link."""

    source: str
    published: date | None
    url: str | None
    title: str | None
    article_id: str

    def label(self) -> str:
        day = self.published.isoformat() if self.published else "undated"
        return f"{self.source}, {day}"


def citation(provenance: Provenance) -> Citation:
    return Citation(
        source=provenance.source or "unknown outlet",
        published=provenance.published,
        url=provenance.url,
        title=provenance.title,
        article_id=provenance.article_id,
    )


def citations(records: Iterable[SourcedClaim]) -> list[Citation]:
    """One citation per independent source, oldest first."""
    seen: dict[str, Citation] = {}
    for record in chronological(records):
        seen.setdefault(source_key(record.provenance), citation(record.provenance))
    return list(seen.values())


def citation_labels(cited: Iterable[Citation]) -> str:
    """Citations on one line, for a table cell or a flat row: "Outlet, date; Outlet, date"."""
    return "; ".join(c.label() for c in cited)


def citation_urls(cited: Iterable[Citation]) -> str:
    """The links of the citations that have one, separated by spaces."""
    return " ".join(c.url for c in cited if c.url)


def evidence_text(record: SourcedClaim, limit: int = 240) -> str:
    """The first evidence sentence of a claim, folded to one line and shortened for display."""
    if not record.claim.evidence:
        return ""
    text = " ".join(record.claim.evidence[0].text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def best_evidence(records: Iterable[SourcedClaim]) -> str:
    """The evidence shown for a group of claims: that of the one with the strongest status."""
    return evidence_text(strongest(records))
