"""Commands over the store: ``positions``, ``timeline``, ``shifts``, ``conflicts``, ``brief``,
``export``; each reads records, calls a pure analysis, and renders a table, JSON or CSV."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from redline.analysis import export as exports
from redline.analysis.briefing import build_briefing, render_briefing
from redline.analysis.charts import stance_colour
from redline.analysis.conflicts import DEFAULT_WINDOW_DAYS as CONFLICT_WINDOW_DAYS
from redline.analysis.conflicts import Conflict, conflict_rows, find_conflicts
from redline.analysis.positions import DEFAULT_WINDOW_DAYS, PositionMatrix, position_matrix
from redline.analysis.positions import matrix_rows as position_rows
from redline.analysis.shifts import Shift, detect_shifts, shift_rows
from redline.analysis.sourcing import citation_labels
from redline.analysis.timeline import IssueTimeline, build_timeline, timeline_rows
from redline.cli.actor_names import canonical_actor_name
from redline.cli.app import EXIT_USAGE, app, console, err_console
from redline.cli.options import DEFAULT_PACK, DbOption, opened_store
from redline.cli.output import OutputFormat, echo_csv, echo_json
from redline.errors import PackError

if TYPE_CHECKING:
    from redline.store import Store


class BriefFormat(StrEnum):
    md = "md"
    html = "html"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportWhat(StrEnum):
    claims = "claims"
    quotes = "quotes"
    plans = "plans"
    actors = "actors"
    articles = "articles"


class RowKind(StrEnum):
    party = "party"
    actor = "actor"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
PackOption = Annotated[str, typer.Option(help="Domain pack for issue labels and ordering.")]
SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
DEMO_SHIFTS = 10


# -- shared plumbing ------------------------------------------------------------------------


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err_console.print(Text.assemble(("error: ", "bold red"), message))
    return typer.Exit(code)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _fail(f"{option} {value!r} is not a date (expected YYYY-MM-DD)") from None


def _pack_order(pack: str) -> tuple[dict[str, str], list[str]]:
    """Issue labels (in pack order) and party order; empty when the pack cannot be loaded."""
    from redline.packs import load_pack

    try:
        loaded = load_pack(pack)
    except PackError as exc:
        err_console.print(f"[yellow]warning:[/yellow] {exc}; showing issue ids")
        return {}, []
    return {i.id: i.label for i in loaded.issues}, [p.id for p in loaded.parties]


def _canonical_actor(name: str, pack: str) -> str:
    """The pack's canonical name for what the user typed: a name, alias, metonym or surname.

    Claims are stored under canonical names, so ``--actor Putin`` would otherwise find nothing.
    A surname that fits several actors, or a name the pack does not know, is left as typed.
    """
    from redline.packs import load_pack

    try:
        loaded = load_pack(pack)
    except PackError:
        return name
    return canonical_actor_name(name, loaded, surnames_of_persons_only=False) or name


def _check_issues(issues: Sequence[str | None], labels: dict[str, str]) -> None:
    """Refuse an issue id the pack does not know, rather than print an empty result."""
    unknown = [i for i in issues if i is not None and labels and i not in labels]
    if unknown:
        raise _fail(f"unknown issue {unknown[0]!r}; the pack's issues are: {', '.join(labels)}")


def _emit_data(rows: Sequence[dict[str, Any]], fmt: OutputFormat) -> None:
    """Print rows for scripts: a JSON array, or CSV with a header (empty output for no rows)."""
    if fmt is OutputFormat.json:
        echo_json(rows)
    else:
        echo_csv(rows)


def _checked_pack_order(
    pack: str, issues: Sequence[str | None]
) -> tuple[dict[str, str], list[str]]:
    """The pack's issue labels and party order, after refusing an issue id it does not know."""
    labels, parties = _pack_order(pack)
    _check_issues(issues, labels)
    return labels, parties


def _period(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """The dates of ``--since`` and ``--until``, each None when not given."""
    return _parse_date(since, "--since"), _parse_date(until, "--until")


def _stance_text(stance: str, suffix: str = "") -> Text:
    return Text(f" {stance}{suffix} ", style=f"bold white on {stance_colour(stance)}")


# -- positions ------------------------------------------------------------------------------


def _cell_text(matrix: PositionMatrix, row: str, issue: str) -> Text | str:
    cell = matrix.cell(row, issue)
    if cell is None:
        return ""
    text = _stance_text(cell.stance, " ?" if cell.disputed else "")
    day = cell.date.isoformat() if cell.date else "undated"
    text.append(f"\n{day}\n{cell.status} · {cell.sources} src")
    if cell.disputed:
        text.append(f"\nalso {', '.join(cell.alternatives)}", style="italic")
    return text


def matrix_table(matrix: PositionMatrix, labels: dict[str, str]) -> Table:
    """The position matrix as a rich table: a coloured stance, date and source count per cell.

    The shorter dimension becomes the columns (usually the parties), so the table stays
    readable in a terminal; issues then run down the side.
    """
    when = matrix.as_of.isoformat() if matrix.as_of else "latest"
    table = Table(title=f"Positions as of {when}", show_lines=True)

    def heading(row: str) -> str:
        party = matrix.row_parties.get(row, "")
        return row if matrix.row_kind == "party" or not party else f"{row}\n({party})"

    if len(matrix.rows) <= len(matrix.issues):
        table.add_column("issue", style="bold")
        for row in matrix.rows:
            table.add_column(heading(row), overflow="fold")
        for issue in matrix.issues:
            cells = [_cell_text(matrix, row, issue) for row in matrix.rows]
            table.add_row(labels.get(issue, issue), *cells)
        return table
    table.add_column(matrix.row_kind, style="bold")
    for issue in matrix.issues:
        table.add_column(labels.get(issue, issue), overflow="fold")
    for row in matrix.rows:
        cells = [_cell_text(matrix, row, issue) for issue in matrix.issues]
        table.add_row(heading(row), *cells)
    return table


@app.command()
def positions(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Positions on this date.")] = None,
    by: Annotated[RowKind, typer.Option(help="Rows: parties or actors.")] = RowKind.party,
    issue: Annotated[
        list[str] | None, typer.Option("--issue", "-i", help="Only these issues (repeatable).")
    ] = None,
    window_days: Annotated[
        int, typer.Option(min=0, help="Days before the latest claim that still count as current.")
    ] = DEFAULT_WINDOW_DAYS,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """Where each party (or actor) stands on each issue: the latest stance, its status and sources.

    Within the latest WINDOW-DAYS of claims, stated outranks reported outranks alleged; "?"
    marks a cell whose sources disagree.
    """
    day = _parse_date(as_of, "--as-of")
    labels, parties = _checked_pack_order(pack, issue or [])
    with opened_store(db) as store:
        claims = store.read_claims(until=day)
    matrix = position_matrix(
        claims,
        by=by.value,
        as_of=day,
        issues=issue or None,
        issue_order=list(labels),
        row_order=parties,
        window_days=window_days,
    )
    if matrix.is_empty and fmt is OutputFormat.table:
        when = f"on or before {day}" if day else "in the store"
        console.print(f"No claims {when}{' on ' + ', '.join(issue) if issue else ''}.")
        return
    if fmt is OutputFormat.table:
        console.print(matrix_table(matrix, labels))
    else:
        _emit_data(position_rows(matrix), fmt)


# -- timeline -------------------------------------------------------------------------------


def timeline_tables(timelines: Sequence[IssueTimeline], labels: dict[str, str]) -> list[Table]:
    tables = []
    for timeline in timelines:
        table = Table(title=labels.get(timeline.issue, timeline.issue), title_justify="left")
        for name in ("date", "actor", "stance", "status", "evidence", "sources"):
            table.add_column(name, overflow="fold")
        for entry in timeline.entries:
            stance = _stance_text(entry.stance)
            if entry.changed:
                mark = "reversal" if entry.reversal else "change"
                stance.append(f"\n{mark} from {entry.previous_stance}", style="bold")
            table.add_row(
                entry.date.isoformat() if entry.date else "undated",
                entry.actor,
                stance,
                entry.status,
                entry.evidence,
                "\n".join(c.label() for c in entry.sources),
            )
        tables.append(table)
    return tables


@app.command()
def timeline(
    actor: Annotated[str | None, typer.Option(help="Canonical actor name.")] = None,
    party: Annotated[str | None, typer.Option(help="Party id (russia, ukraine, us...).")] = None,
    issue: Annotated[str | None, typer.Option("--issue", "-i", help="Only this issue.")] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """An actor's or party's claims in date order, grouped by issue, marking each change."""
    if actor is None and party is None:
        raise _fail("give --actor NAME or --party PARTY")
    if actor is not None and (canonical := _canonical_actor(actor, pack)) != actor:
        if canonical.casefold() != actor.casefold():
            err_console.print(f"reading {actor!r} as {canonical!r}")
        actor = canonical
    labels, _ = _checked_pack_order(pack, [issue])
    with opened_store(db) as store:
        claims = store.read_claims(actor=actor, party=party, issue=issue)
    timelines = build_timeline(
        claims, actor=actor, party=party, issue=issue, issue_order=list(labels)
    )
    if not timelines and fmt is OutputFormat.table:
        console.print(f"No claims for {actor or party}{' on ' + issue if issue else ''}.")
        return
    if fmt is OutputFormat.table:
        for table in timeline_tables(timelines, labels):
            console.print(table)
    else:
        _emit_data(timeline_rows(timelines), fmt)


# -- shifts and conflicts -------------------------------------------------------------------


def shifts_table(shifts: Sequence[Shift], labels: dict[str, str], title: str = "Shifts") -> Table:
    table = Table(title=title, show_lines=True)
    for name in ("date", "who", "issue", "change", "before", "after"):
        table.add_column(name, overflow="fold")
    for shift in shifts:
        change = Text()
        if shift.before:
            change.append_text(_stance_text(shift.before.stance))
            change.append(" → ")
        change.append_text(_stance_text(shift.after.stance))
        change.append(f"\n{shift.kind.replace('_', ' ')}")
        change.append(f"\n{shift.confirmations} source(s)", style="dim")
        sides = []
        for side in (shift.before, shift.after):
            if side is None:
                sides.append("")
                continue
            cites = citation_labels(side.citations)
            sides.append(f"{side.date} ({side.status}) {side.evidence}\n[{cites}]")
        table.add_row(
            shift.date.isoformat(),
            f"{shift.subject} ({shift.party})",
            labels.get(shift.issue, shift.issue),
            change,
            *sides,
        )
    return table


@app.command()
def shifts(
    since: SinceOption = None,
    until: UntilOption = None,
    by: Annotated[RowKind, typer.Option(help="Track actors or whole parties.")] = RowKind.actor,
    issue: Annotated[str | None, typer.Option("--issue", "-i", help="Only this issue.")] = None,
    min_sources: Annotated[
        int, typer.Option(min=1, help="Only shifts whose new stance this many sources report.")
    ] = 1,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """Changes of stance (reversals, dropped demands, hardening, new threats), newest first."""
    start, end = _period(since, until)
    labels, _ = _checked_pack_order(pack, [issue])
    with opened_store(db) as store:
        # The whole history is read: a shift in the period may depart from an older position.
        claims = store.read_claims(issue=issue, until=end)
    found = detect_shifts(
        claims, by=by.value, since=start, until=end, issue=issue, min_confirmations=min_sources
    )
    if fmt is not OutputFormat.table:
        _emit_data(shift_rows(found), fmt)
    elif not found:
        console.print(f"No shifts{' since ' + str(start) if start else ''}.")
    else:
        console.print(shifts_table(found, labels))


def conflicts_table(found: Sequence[Conflict], labels: dict[str, str]) -> Table:
    table = Table(title="Contradictions", show_lines=True)
    for name in ("period", "who", "issue", "clash", "for", "against"):
        table.add_column(name, overflow="fold")
    for conflict in found:
        forward = citation_labels(conflict.forward_citations)
        against = citation_labels(conflict.against_citations)
        table.add_row(
            f"{conflict.start} to {conflict.end}",
            f"{conflict.actor} ({conflict.party})",
            labels.get(conflict.issue, conflict.issue),
            f"{conflict.stances()}\n{conflict.kind}",
            f"{conflict.forward_evidence}\n[{forward}]",
            f"{conflict.against_evidence}\n[{against}]",
        )
    return table


@app.command()
def conflicts(
    since: SinceOption = None,
    until: UntilOption = None,
    issue: Annotated[str | None, typer.Option("--issue", "-i", help="Only this issue.")] = None,
    window_days: Annotated[
        int, typer.Option(min=0, help="How many days apart two reports may be and still clash.")
    ] = CONFLICT_WINDOW_DAYS,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """Independent reports that put one actor on both sides of an issue in the same period."""
    start, end = _period(since, until)
    labels, _ = _checked_pack_order(pack, [issue])
    with opened_store(db) as store:
        claims = store.read_claims(issue=issue)
    found = find_conflicts(claims, since=start, until=end, issue=issue, window_days=window_days)
    if fmt is not OutputFormat.table:
        _emit_data(conflict_rows(found), fmt)
    elif not found:
        console.print("No contradictions found.")
    else:
        console.print(conflicts_table(found, labels))


# -- briefing and export --------------------------------------------------------------------


@app.command()
def brief(
    since: Annotated[str, typer.Option(help="Start of the period (YYYY-MM-DD).")],
    until: UntilOption = None,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="md or html.")] = (
        BriefFormat.md
    ),
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None,
    db: DbOption = None,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """What changed in a period: new plans, shifts, new demands and threats, contradictions."""
    start = _parse_date(since, "--since")
    assert start is not None
    end = _parse_date(until, "--until")
    if end is not None and end < start:
        raise _fail(f"--until {end} is before --since {start}")
    labels, parties = _pack_order(pack)
    with opened_store(db) as store:
        claims = store.read_claims(until=end)
        plans = store.read_plan_mentions()
    briefing = build_briefing(
        claims, plans, since=start, until=end, issue_labels=labels, party_order=parties
    )
    document = render_briefing(briefing, fmt.value)
    if out is None:
        typer.echo(document, nl=False)
        return
    try:
        out.write_text(document, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot write {out}: {exc.strerror}") from exc
    err_console.print(f"briefing written to {out}")


def _export_rows(store: Store, what: ExportWhat) -> list[dict[str, Any]]:
    if what is ExportWhat.claims:
        return exports.claim_export_rows(store.read_claims())
    if what is ExportWhat.quotes:
        return exports.quote_export_rows(store.read_quotes())
    if what is ExportWhat.plans:
        return exports.plan_export_rows(store.read_plan_mentions())
    if what is ExportWhat.actors:
        return exports.actor_export_rows(store.read_claims(), store.read_quotes())
    stored = store.list_articles()
    return exports.article_export_rows(
        [s.article for s in stored], {s.id: s.cluster for s in stored}
    )


@app.command("export")
def export_records(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = (
        ExportFormat.csv
    ),
    what: Annotated[ExportWhat, typer.Option(help="Which records.")] = ExportWhat.claims,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (stdout if omitted).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export records as flat CSV, JSON Lines or Parquet for pandas, DuckDB or a spreadsheet."""
    if fmt is ExportFormat.parquet and out is None:
        raise _fail("--format parquet needs --out FILE (it is a binary format)")
    with opened_store(db) as store:
        rows = _export_rows(store, what)
    kind = cast(exports.ExportKind, what.value)
    try:
        if fmt is ExportFormat.parquet:
            assert out is not None
            exports.write_parquet(rows, kind, out)
        elif out is None:
            writer = exports.write_csv if fmt is ExportFormat.csv else exports.write_jsonl
            writer(rows, kind, sys.stdout)
        else:
            with out.open("w", encoding="utf-8", newline="") as stream:
                writer = exports.write_csv if fmt is ExportFormat.csv else exports.write_jsonl
                writer(rows, kind, stream)
    except BrokenPipeError:
        _reader_went_away()
    except OSError as exc:
        raise _fail(f"cannot write {out}: {exc.strerror}") from exc
    if out is not None:
        err_console.print(f"exported {len(rows)} {kind} to {out}")


def _reader_went_away() -> None:
    """``redline export | head``: stop quietly, and keep Python from complaining at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# -- for ``redline demo`` -------------------------------------------------------------------


def render_demo_summary(store: Store, out: Console | None = None, pack: str = DEFAULT_PACK) -> None:
    """Print the party-by-issue position matrix and the latest shifts of a store."""
    out = out or console
    labels, parties = _pack_order(pack)
    claims = store.read_claims()
    matrix = position_matrix(claims, by="party", issue_order=list(labels), row_order=parties)
    if matrix.is_empty:
        out.print("No claims in the store yet.")
        return
    out.print(matrix_table(matrix, labels))
    latest = detect_shifts(claims)[:DEMO_SHIFTS]
    if latest:
        out.print(shifts_table(latest, labels, title="Latest shifts"))
    else:
        out.print("No shifts of stance detected yet.")
