"""The ``claims`` command: list stored positions (who proposes, demands, accepts, rejects or
threatens what) with their status, date, source and evidence, as a table, JSON or CSV.

Reads through ``Store.read_claims``; an actor given by surname or alias ("Putin") is turned
into its canonical name with the pack before the query.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from redline.cli.app import EXIT_USAGE, app, console, err_console
from redline.cli.options import DEFAULT_PACK, DateOption, DbOption, PackOption, opened_store
from redline.errors import PackError, StoreError
from redline.model import STANCES, STATUSES, SourcedClaim
from redline.packs.loader import load_pack
from redline.packs.schema import Pack

CSV_FIELDS = (
    "date", "actor", "party", "issue", "stance", "status", "plan", "confidence", "source",
    "article_id", "evidence",
)


class ClaimFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def canonical_actor(name: str, pack: Pack) -> str:
    """The canonical actor for a name, alias, metonym or unambiguous surname."""
    folded = name.strip().casefold()
    for actor in pack.actors:
        names = [actor.name, *actor.aliases, *actor.metonyms]
        if folded in (n.casefold() for n in names):
            return actor.name
    persons = [a.name for a in pack.actors if a.kind == "person"]
    by_surname = [n for n in persons if n.split()[-1].casefold() == folded]
    return by_surname[0] if len(by_surname) == 1 else name.strip()


def claim_row(item: SourcedClaim) -> dict[str, Any]:
    """One stored claim as plain JSON-ready fields."""
    claim, source = item.claim, item.provenance
    day = claim.statement_date or source.published
    return {
        "date": day.isoformat() if day else None,
        "actor": claim.actor,
        "party": claim.party,
        "issue": claim.issue,
        "stance": claim.stance,
        "status": claim.status,
        "plan": claim.plan,
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
    for column in ("date", "actor", "party", "issue", "stance", "status", "evidence", "source"):
        table.add_column(column, overflow="fold")
    for row in rows:
        evidence = row["evidence"][0]["text"] if row["evidence"] else ""
        more = len(row["evidence"]) - 1
        table.add_row(
            row["date"] or "?", row["actor"], row["party"], row["issue"], row["stance"],
            row["status"], evidence + (f" (+{more} more)" if more > 0 else ""),
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
        err_console.print(
            f"error: {option} must be one of {', '.join(choices)} (got {value!r})",
            markup=False, highlight=False,
        )
        raise typer.Exit(EXIT_USAGE)


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
    pack: PackOption = DEFAULT_PACK,
    db: DbOption = None,
    output: Annotated[
        ClaimFormat, typer.Option("--format", help="Output format.")
    ] = ClaimFormat.table,
) -> None:
    """List positions with their actor, issue, stance, status, date and evidence."""
    _check_choice(stance, STANCES, "--stance")
    _check_choice(status, STATUSES, "--status")
    try:
        loaded = load_pack(pack)
    except PackError as exc:
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from exc
    _check_choice(issue, tuple(loaded.issue_ids()), "--issue")
    wanted = canonical_actor(actor, loaded) if actor else None
    first: date | None = since.date() if since else None
    last: date | None = until.date() if until else None
    with opened_store(db) as store:
        try:
            found = store.read_claims(actor=wanted, party=party, issue=issue, stance=stance,
                                      status=status, since=first, until=last)
        except StoreError as exc:
            err_console.print(f"error: {exc}", markup=False, highlight=False)
            raise typer.Exit(EXIT_USAGE) from exc
    rows = [claim_row(c) for c in found]
    if output is ClaimFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif output is ClaimFormat.csv:
        typer.echo(to_csv(rows), nl=False)
    elif not rows:
        console.print("no claims found", markup=False)
    else:
        console.print(_table(rows))
