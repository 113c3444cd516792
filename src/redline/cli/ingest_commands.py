"""Commands for articles: ``ingest``, ``articles``, ``show``, ``rejected`` and ``demo``.

Exit codes: 0 when every input landed, 1 when some were rejected (a missing path is a
rejected input, with its reason, not a usage error), 2 on usage errors (bad options, a
database that cannot be opened, an unknown pack).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from redline.cli.app import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, app, console, err_console
from redline.cli.options import DateOption, DbOption, opened_store
from redline.cli.progress import progress_bar
from redline.errors import PackError, RedlineError, StoreError
from redline.ingest.batch import DEFAULT_PACK, IngestReport, ingest_paths
from redline.ingest.files import DEFAULT_MAX_BYTES
from redline.ingest.sources import is_supported, walk_files
from redline.store import Store, StoredArticle

ID_WIDTH = 10
MB = 1024 * 1024
TITLE_WIDTH = 70


def print_report(report: IngestReport, out: Console = console) -> None:
    """The end-of-run summary: counts, then every rejection and warning with its reason."""
    out.print(
        f"ingested {report.ingested} article(s): {report.count('new')} new, "
        f"{report.count('version')} new version(s), "
        f"{report.count('near_duplicate')} near-duplicate(s); "
        f"{report.count('duplicate')} unchanged; extracted {report.extracted}; "
        f"rejected {len(report.rejections)}",
        highlight=False, soft_wrap=True,
    )
    for rejection in report.rejections:
        out.print(f"  [red]rejected[/red] {rejection.source} ({rejection.stage}): "
                  f"{rejection.reason}", highlight=False, soft_wrap=True)
    for warning in report.warnings:
        out.print(f"  [yellow]warning[/yellow] {warning.source} ({warning.stage}): "
                  f"{warning.reason}", highlight=False, soft_wrap=True)


def run_ingest(store: Store, paths: list[Path], pack: str, extract: bool,
               max_bytes: int = DEFAULT_MAX_BYTES, reextract: bool = False) -> IngestReport:
    try:
        return ingest_paths(store, paths, pack=pack, extract=extract, max_bytes=max_bytes,
                            progress=progress_bar, reextract_outdated=reextract)
    except PackError as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from exc
    except RedlineError as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_REJECTED) from exc


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(
        help="Article files (.txt/.md, .html/.htm, .jsonl/.ndjson) or folders of them.")],
    db: DbOption = None,
    pack: Annotated[str, typer.Option(help="Domain pack for extraction: name or folder.")] = (
        DEFAULT_PACK),
    no_extract: Annotated[bool, typer.Option(
        "--no-extract", help="Store the articles only; extract on a later run.")] = False,
    reextract: Annotated[bool, typer.Option(
        "--reextract", help="Also extract again the articles an older extractor version "
        "processed.")] = False,
    max_size: Annotated[float, typer.Option(
        "--max-size", min=0.001, help="Largest document to read, in MB (a JSON Lines file is "
        "streamed: the limit applies to each line).")] = DEFAULT_MAX_BYTES / MB,
) -> None:
    """Read articles into the database, then extract the ones not extracted yet.

    Exits 0 when every input landed and 1 when some were rejected (listed with reasons, and
    kept in the database: see ``redline rejected``).
    """
    with opened_store(db) as store:
        report = run_ingest(store, paths, pack, extract=not no_extract,
                            max_bytes=int(max_size * MB), reextract=reextract)
    print_report(report)
    raise typer.Exit(EXIT_OK if report.all_landed else EXIT_REJECTED)


def _marker(stored: StoredArticle) -> str:
    if stored.duplicate_of:
        return f"≈ {stored.duplicate_of[:ID_WIDTH]}"
    if stored.version_of:
        return f"new version of {stored.version_of[:ID_WIDTH]}"
    return ""


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def articles_table(stored: list[StoredArticle]) -> Table:
    table = Table(title="articles")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=18)
    table.add_column("title")
    table.add_column("copy of", no_wrap=True)
    for item in stored:
        article = item.article
        table.add_row(
            article.id[:ID_WIDTH],
            article.published.isoformat() if article.published else "unknown",
            article.source or "",
            _shorten(article.title or article.text.replace("\n", " "), TITLE_WIDTH),
            _marker(item),
        )
    return table


@app.command()
def articles(
    since: DateOption = None,
    until: DateOption = None,
    source: Annotated[str | None, typer.Option(help="Only this outlet (case-insensitive).")] = None,
    db: DbOption = None,
) -> None:
    """List stored articles (dates as YYYY-MM-DD)."""
    with opened_store(db) as store:
        stored = store.list_articles(
            since=since.date() if since else None,
            until=until.date() if until else None,
            source=source,
        )
    console.print(articles_table(stored))
    console.print(f"{len(stored)} article(s)")


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="Article id or a unique prefix of it.")],
    db: DbOption = None,
) -> None:
    """Show one article: metadata, text, and counts of its stored records."""
    with opened_store(db) as store:
        try:
            stored = store.get_article(article)
        except StoreError as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_REJECTED) from exc
        counts = store.count_records(stored.id)
    a = stored.article
    meta = Table.grid(padding=(0, 2))
    for key, value in (
        ("id", a.id), ("title", a.title), ("source", a.source), ("url", a.url),
        ("published", f"{a.published or 'unknown'} (from {a.date_origin})"),
        ("origin", a.origin), ("cluster", stored.cluster), ("version of", stored.version_of),
        ("duplicate of", stored.duplicate_of),
        ("extracted by", stored.extractor_version or "not extracted yet"),
        ("records", ", ".join(f"{n} {name}" for name, n in counts.items())),
    ):
        if value:
            meta.add_row(f"[bold]{key}[/bold]", str(value))
    console.print(meta)
    console.print()
    console.print(a.text, markup=False, highlight=False)


@app.command()
def rejected(db: DbOption = None) -> None:
    """List the inputs that did not land, and the warnings on those that did."""
    with opened_store(db) as store:
        notes = store.list_rejections()
        warnings = store.list_warnings()
    for title, rows in (("rejected", notes), ("warnings", warnings)):
        table = Table("when", "source", "stage", "reason", title=title)
        for note in rows:
            table.add_row(note.at.strftime("%Y-%m-%d %H:%M"), note.source, note.stage,
                          note.reason)
        console.print(table)
    console.print(f"{len(notes)} rejected, {len(warnings)} warning(s)")


# What ``redline demo`` prints after ingesting the samples, in order. Other modules append
# their own sections (a position matrix, the latest shifts): each gets the store and console.
DemoSection = Callable[[Store, Console], None]


def demo_articles(store: Store, out: Console) -> None:
    out.print(articles_table(store.list_articles()))


def demo_counts(store: Store, out: Console) -> None:
    quotes = store.read_quotes()
    claims = store.read_claims()
    plans = store.read_plan_mentions()
    out.print(
        f"[bold]records:[/bold] {store.count_actors()} actors, {len(quotes)} quotes, "
        f"{len(claims)} claims, {len(plans)} plan mentions",
        highlight=False,
    )


DEMO_SECTIONS: list[DemoSection] = [demo_articles, demo_counts]


def sample_files(folder: Path) -> list[Path]:
    return [path for path in walk_files(folder) if is_supported(path)]


def _remove_sqlite_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


@app.command()
def demo(
    db: Annotated[Path, typer.Option(help="SQLite file for the demo (recreated each run).")] = (
        Path("demo.db")),
    pack: Annotated[str, typer.Option(help="Domain pack: name or folder.")] = DEFAULT_PACK,
) -> None:
    """Ingest the bundled sample articles with extraction and summarise what was found."""
    _remove_sqlite_file(db)
    with resources.as_file(resources.files("redline") / "samples") as folder:
        files = sample_files(folder)
        with opened_store(str(db)) as store:
            report = run_ingest(store, files, pack, extract=True)
            print_report(report)
            for section in DEMO_SECTIONS:
                section(store, console)
    raise typer.Exit(EXIT_OK if report.all_landed else EXIT_REJECTED)


__all__ = ["DEMO_SECTIONS", "DemoSection", "articles_table", "print_report", "run_ingest"]
