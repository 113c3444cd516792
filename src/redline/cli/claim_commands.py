"""The ``claims`` command: list stored positions (who proposes, demands, accepts, rejects or
threatens what) with their status, date, source and evidence, as a table, JSON or CSV.

Reads through ``Store.read_claims``, after ``actor_names`` has turned an actor given by
surname, alias or metonym ("Putin") into the pack's canonical name.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated, Any

import typer
from rich.table import Table

from redline.analysis.export import claim_position
from redline.analysis.sourcing import claim_date
from redline.cli.actor_names import canonical_actor_name
from redline.cli.app import app, console
from redline.cli.options import (
    DEFAULT_PACK,
    DateOption,
    DbOption,
    PackOption,
    exit_on_error,
    load_pack_or_exit,
    opened_store,
    usage_error,
)
from redline.cli.output import OutputFormat, echo_json
from redline.errors import StoreError
from redline.model import STANCES, STATUSES, SourcedClaim

CSV_FIELDS = (
    "date", "actor", "party", "issue", "stance", "status", "plan", "confidence", "source",
    "article_id", "evidence",
)


def claim_row(item: SourcedClaim) -> dict[str, Any]:
    """One stored claim as plain JSON-ready fields."""
    claim, source = item.claim, item.provenance
    day = claim_date(item)
    return {
        "date": day.isoformat() if day else None,
        **claim_position(claim),
        "confidence": claim.confidence,
        "optional": claim.optional,
        "source": source.source,
        "article_id": source.article_id,
        "evidence": [
            {"start": span.start, "end": span.end, "text": span.text} for span in claim.evidence
        ],
    }


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(show_lines=True)
    for column in ("date", "actor", "party", "issue", "stance", "status", "sure", "evidence",
                   "source"):
        table.add_column(column, overflow="fold")
    for row in rows:
        evidence = row["evidence"][0]["text"] if row["evidence"] else ""
        more = len(row["evidence"]) - 1
        table.add_row(
            row["date"] or "?", row["actor"], row["party"], row["issue"], row["stance"],
            row["status"], f"{row['confidence']:.2f}",
            evidence + (f" (+{more} more)" if more > 0 else ""),
            row["source"] or "",
        )
    return table


def to_csv(rows: list[dict[str, Any]]) -> str:
    """One line per claim; the best evidence sentence in the last column."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        flat = dict(row)
        flat["evidence"] = row["evidence"][0]["text"] if row["evidence"] else ""
        writer.writerow(flat)
    return buffer.getvalue()


def _check_choice(value: str | None, choices: tuple[str, ...], option: str) -> None:
    if value is not None and value not in choices:
        raise usage_error(f"{option} must be one of {', '.join(choices)} (got {value!r})")


@app.command("claims")
def claims(
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor: canonical name, alias or surname.")
    ] = None,
    party: Annotated[str | None, typer.Option("--party", help="Party id, e.g. russia.")] = None,
    issue: Annotated[str | None, typer.Option("--issue", help="Issue id, e.g. ceasefire.")] = None,
    stance: Annotated[
        str | None, typer.Option("--stance", help="propose|demand|accept|reject|threaten.")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="stated|reported|alleged.")
    ] = None,
    since: DateOption = None,
    until: DateOption = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0,
                            help="Only claims the extractor is at least this sure of (the "
                                 "pack's claim scorer's probability).")
    ] = 0.0,
    pack: PackOption = DEFAULT_PACK,
    db: DbOption = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.table,
) -> None:
    """List positions with their actor, issue, stance, status, confidence, date and evidence."""
    _check_choice(stance, STANCES, "--stance")
    _check_choice(status, STATUSES, "--status")
    loaded = load_pack_or_exit(pack)
    _check_choice(issue, tuple(loaded.issue_ids()), "--issue")
    wanted = (canonical_actor_name(actor, loaded) or actor.strip()) if actor else None
    first: date | None = since.date() if since else None
    last: date | None = until.date() if until else None
    with opened_store(db) as store, exit_on_error(StoreError):
        found = store.read_claims(actor=wanted, party=party, issue=issue, stance=stance,
                                  status=status, since=first, until=last)
    rows = [claim_row(c) for c in found if c.claim.confidence >= min_confidence]
    if output is OutputFormat.json:
        echo_json(rows)
    elif output is OutputFormat.csv:
        typer.echo(to_csv(rows), nl=False)
    elif not rows:
        console.print("no claims found", markup=False)
    else:
        console.print(_table(rows))
