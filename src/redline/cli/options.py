"""Options and helpers every command shares: the database, the pack, dates, opening the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated

import typer

from redline.cli.app import EXIT_USAGE, err_console
from redline.errors import StoreError
from redline.store import Store, open_store

DEFAULT_PACK = "russia-ukraine"

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL or SQLite file path [default: $REDLINE_DB, else redline.db]."
    ),
]
PackOption = Annotated[str, typer.Option("--pack", help="Domain pack: built-in name or folder.")]
DateOption = Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], show_default=False)]


def open_store_or_exit(db: str | None) -> Store:
    """Open the store, or exit with a usage error that names the database and the problem."""
    try:
        return open_store(db)
    except StoreError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from exc


@contextmanager
def opened_store(db: str | None) -> Iterator[Store]:
    """The store for the length of a command, closed afterwards."""
    store = open_store_or_exit(db)
    try:
        yield store
    finally:
        store.close()
