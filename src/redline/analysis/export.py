"""Flat exports of stored records for pandas, DuckDB or a spreadsheet: CSV, JSON Lines, Parquet.

Each kind of record has a fixed list of typed columns, so an export has the same shape
whether it holds a million rows or none; evidence and provenance become plain columns.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal

from redline.analysis.sourcing import UNKNOWN_PARTY, claim_date, source_key
from redline.model import (
    UNNAMED_SOURCE,
    Article,
    Claim,
    Provenance,
    SourcedClaim,
    SourcedPlan,
    SourcedQuote,
)

ExportKind = Literal["claims", "quotes", "plans", "actors", "articles"]
ExportFormat = Literal["csv", "jsonl", "parquet"]
Row = dict[str, Any]
EVIDENCE_SEPARATOR = " | "
POSITION_FIELDS = ("actor", "party", "issue", "stance", "status", "plan")


ColumnType = Literal["string", "date", "float", "int", "bool"]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType


_PROVENANCE = [
    Column("article_id", "string"),
    Column("published", "date"),
    Column("source", "string"),
    Column("url", "string"),
    Column("title", "string"),
    Column("cluster", "string"),
    Column("extractor_version", "string"),
]

COLUMNS: dict[str, list[Column]] = {
    "claims": [
        Column("actor", "string"),
        Column("party", "string"),
        Column("issue", "string"),
        Column("stance", "string"),
        Column("status", "string"),
        Column("plan", "string"),
        Column("date", "date"),
        Column("statement_date", "date"),
        Column("confidence", "float"),
        Column("optional", "bool"),
        Column("evidence", "string"),
        Column("evidence_start", "int"),
        Column("evidence_end", "int"),
        Column("evidence_count", "int"),
        *_PROVENANCE,
    ],
    "quotes": [
        Column("speaker", "string"),
        Column("party", "string"),
        Column("kind", "string"),
        Column("text", "string"),
        Column("start", "int"),
        Column("end", "int"),
        Column("cue", "string"),
        Column("resolution", "string"),
        Column("confidence", "float"),
        Column("sentence", "string"),
        *_PROVENANCE,
    ],
    "plans": [
        Column("name", "string"),
        Column("pack_plan", "string"),
        Column("proposer", "string"),
        Column("n_points", "int"),
        Column("points_listed", "int"),
        Column("point_issues", "string"),
        Column("points_json", "string"),
        Column("start", "int"),
        Column("end", "int"),
        *_PROVENANCE,
    ],
    "actors": [
        Column("actor", "string"),
        Column("party", "string"),
        Column("claims", "int"),
        Column("quotes", "int"),
        Column("sources", "int"),
        Column("issues", "string"),
        Column("first_seen", "date"),
        Column("last_seen", "date"),
    ],
    "articles": [
        Column("id", "string"),
        Column("title", "string"),
        Column("url", "string"),
        Column("published", "date"),
        Column("source", "string"),
        Column("origin", "string"),
        Column("date_origin", "string"),
        Column("cluster", "string"),
        Column("chars", "int"),
        Column("text", "string"),
    ],
}


def _provenance(provenance: Provenance) -> Row:
    return {
        "article_id": provenance.article_id,
        "published": provenance.published,
        "source": provenance.source,
        "url": provenance.url,
        "title": provenance.title,
        "cluster": source_key(provenance),
        "extractor_version": provenance.extractor_version,
    }


def claim_position(claim: Claim) -> Row:
    """The fields every flat view of a claim starts with, in this order: who takes which stance
    on what, how sure we are (status), and under which plan."""
    return {name: getattr(claim, name) for name in POSITION_FIELDS}


def claim_export_rows(claims: Iterable[SourcedClaim]) -> list[Row]:
    rows = []
    for record in claims:
        claim = record.claim
        evidence = claim.evidence
        rows.append(
            {
                **claim_position(claim),
                "date": claim_date(record),
                "statement_date": claim.statement_date,
                "confidence": claim.confidence,
                "optional": claim.optional,
                "evidence": EVIDENCE_SEPARATOR.join(" ".join(e.text.split()) for e in evidence),
                "evidence_start": evidence[0].start if evidence else None,
                "evidence_end": evidence[0].end if evidence else None,
                "evidence_count": len(evidence),
                **_provenance(record.provenance),
            }
        )
    return rows


def quote_export_rows(quotes: Iterable[SourcedQuote]) -> list[Row]:
    rows = []
    for record in quotes:
        quote = record.quote
        rows.append(
            {
                "speaker": quote.speaker,
                "party": quote.party,
                "kind": quote.kind,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "cue": quote.cue,
                "resolution": quote.resolution,
                "confidence": quote.confidence,
                "sentence": quote.sentence.text if quote.sentence else None,
                **_provenance(record.provenance),
            }
        )
    return rows


def plan_export_rows(plans: Iterable[SourcedPlan]) -> list[Row]:
    rows = []
    for record in plans:
        plan = record.plan
        points = [{"n": p.n, "issues": list(p.issues), "text": p.text} for p in plan.points]
        issues = sorted({issue for p in plan.points for issue in p.issues})
        rows.append(
            {
                "name": plan.name,
                "pack_plan": plan.pack_plan,
                "proposer": plan.proposer,
                "n_points": plan.n_points,
                "points_listed": len(plan.points),
                "point_issues": ",".join(issues),
                "points_json": json.dumps(points, ensure_ascii=False),
                "start": plan.start,
                "end": plan.end,
                **_provenance(record.provenance),
            }
        )
    return rows


def actor_export_rows(
    claims: Iterable[SourcedClaim], quotes: Iterable[SourcedQuote] = ()
) -> list[Row]:
    """One row per actor seen in claims or as a quote speaker, with counts and dates."""
    parties: dict[str, str] = {}
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"claims": 0, "quotes": 0})
    sources: dict[str, set[str]] = defaultdict(set)
    issues: dict[str, set[str]] = defaultdict(set)
    days: dict[str, list[date]] = defaultdict(list)
    for record in claims:
        name = record.claim.actor
        parties.setdefault(name, record.claim.party or UNKNOWN_PARTY)
        counts[name]["claims"] += 1
        sources[name].add(source_key(record.provenance))
        issues[name].add(record.claim.issue)
        if (day := claim_date(record)) is not None:
            days[name].append(day)
    for quoted in quotes:
        name = quoted.quote.speaker
        if not name or name == UNNAMED_SOURCE:
            continue  # an unknown or unnamed speaker is no actor
        parties.setdefault(name, quoted.quote.party or UNKNOWN_PARTY)
        counts[name]["quotes"] += 1
        sources[name].add(source_key(quoted.provenance))
        if quoted.provenance.published is not None:
            days[name].append(quoted.provenance.published)
    return [
        {
            "actor": name,
            "party": parties[name],
            "claims": counts[name]["claims"],
            "quotes": counts[name]["quotes"],
            "sources": len(sources[name]),
            "issues": ",".join(sorted(issues[name])),
            "first_seen": min(days[name]) if days[name] else None,
            "last_seen": max(days[name]) if days[name] else None,
        }
        for name in sorted(parties)
    ]


def article_export_rows(
    articles: Iterable[Article], clusters: Mapping[str, str] | None = None
) -> list[Row]:
    """One row per article; ``clusters`` maps article ids to their near-duplicate cluster."""
    clusters = clusters or {}
    return [
        {
            "id": a.id,
            "title": a.title,
            "url": a.url,
            "published": a.published,
            "source": a.source,
            "origin": a.origin,
            "date_origin": a.date_origin,
            "cluster": clusters.get(a.id, a.id),
            "chars": len(a.text),
            "text": a.text,
        }
        for a in articles
    ]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def write_csv(rows: Sequence[Row], kind: ExportKind, stream: IO[str]) -> None:
    names = [c.name for c in COLUMNS[kind]]
    writer = csv.DictWriter(stream, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _plain(row.get(k)) for k in names})


def write_jsonl(rows: Sequence[Row], kind: ExportKind, stream: IO[str]) -> None:
    names = [c.name for c in COLUMNS[kind]]
    for row in rows:
        record = {k: _plain(row.get(k)) for k in names}
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def arrow_table(rows: Sequence[Row], kind: ExportKind) -> Any:
    """The rows as a ``pyarrow.Table`` with the kind's fixed schema."""
    import pyarrow as pa  # imported here: only Parquet needs it, and it is slow to load

    types = {
        "string": pa.string(),
        "date": pa.date32(),
        "float": pa.float64(),
        "int": pa.int64(),
        "bool": pa.bool_(),
    }
    schema = pa.schema([pa.field(c.name, types[c.type]) for c in COLUMNS[kind]])
    columns = {c.name: [row.get(c.name) for row in rows] for c in COLUMNS[kind]}
    return pa.Table.from_pydict(columns, schema=schema)


def write_parquet(rows: Sequence[Row], kind: ExportKind, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(arrow_table(rows, kind), path)
