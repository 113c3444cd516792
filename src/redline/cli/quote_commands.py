"""The ``quotes`` command: list stored quotations with speaker, date, source and article id.

Reads through ``Store.read_quotes``; a speaker given by surname or alias ("Putin") is read
as the pack's canonical name first (see ``actor_names``).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from redline.cli.actor_names import canonical_actor_name
from redline.cli.app import app, console
from redline.cli.options import (
    DEFAULT_PACK,
    DbOption,
    exit_on_error,
    load_pack_or_exit,
    opened_store,
)
from redline.cli.output import echo_json
from redline.errors import StoreError
from redline.model import SourcedQuote
from redline.packs.schema import Pack


class QuoteFormat(StrEnum):
    table = "table"
    json = "json"


class QuoteKindFilter(StrEnum):
    direct = "direct"
    indirect = "indirect"
    fragment = "fragment"
    transcript = "transcript"  # answer turns of interview transcripts
    all = "all"


def canonical_speaker(name: str, pack: Pack) -> str:
    """The canonical actor for a name, alias or unambiguous surname; the name itself else."""
    return canonical_actor_name(name, pack, metonyms=False) or name.strip()


def quote_row(item: SourcedQuote) -> dict[str, Any]:
    """One stored quote as plain JSON-ready fields."""
    quote, source = item.quote, item.provenance
    return {
        "speaker": quote.speaker,
        "party": quote.party,
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "resolution": quote.resolution,
        "confidence": quote.confidence,
        "published": source.published.isoformat() if source.published else None,
        "source": source.source,
        "article_id": source.article_id,
        "start": quote.start,
        "end": quote.end,
    }


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(show_lines=False)
    table.add_column("date", no_wrap=True)
    table.add_column("speaker", ratio=1)
    table.add_column("party")
    table.add_column("quote", ratio=3, overflow="fold")
    table.add_column("source", ratio=1)
    table.add_column("article", no_wrap=True)
    for row in rows:
        table.add_row(
            row["published"] or "?",
            row["speaker"] or "(unknown)",
            row["party"] or "",
            f"“{row['text']}”",
            row["source"] or "",
            row["article_id"][:8],
        )
    return table


@app.command("quotes")
def quotes(
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Speaker: canonical name, alias or surname.")
    ] = None,
    party: Annotated[str | None, typer.Option("--party", help="Party id, e.g. russia.")] = None,
    since: Annotated[
        datetime | None,
        typer.Option("--since", formats=["%Y-%m-%d"], help="Only articles published on or after."),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Words the quote must contain.")
    ] = None,
    kind: Annotated[
        QuoteKindFilter, typer.Option("--kind", help="Which quotations to list.")
    ] = QuoteKindFilter.direct,
    pack: Annotated[
        str, typer.Option("--pack", help="Pack used to resolve speaker names.")
    ] = DEFAULT_PACK,
    db: DbOption = None,
    output: Annotated[
        QuoteFormat, typer.Option("--format", help="Output format.")
    ] = QuoteFormat.table,
) -> None:
    """List quotations with their speaker, date, source and article id."""
    wanted = canonical_speaker(speaker, load_pack_or_exit(pack)) if speaker else None
    day: date | None = since.date() if since else None
    with opened_store(db) as store, exit_on_error(StoreError):
        found = store.read_quotes(speaker=wanted, party=party, since=day, search=search)
    wanted_kinds = {k.value for k in QuoteKindFilter} if kind is QuoteKindFilter.all else {kind}
    rows = [quote_row(q) for q in found if q.quote.kind in wanted_kinds]
    if output is QuoteFormat.json:
        echo_json(rows)
        return
    if not rows:
        console.print("no quotes found", markup=False)
        return
    console.print(_table(rows))
