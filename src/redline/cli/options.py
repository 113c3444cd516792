"""Options and helpers every command shares: the database, the pack, dates, opening the store,
and turning the library's typed errors into a message and the usage exit code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated

import typer

from redline.cli.app import EXIT_USAGE, err_console
from redline.errors import PackError, StoreError
from redline.packs.loader import load_pack
from redline.packs.schema import Pack
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


def usage_error(message: str) -> typer.Exit:
    """Print ``error: MESSAGE`` as typed (no markup) and return the usage exit to raise."""
    err_console.print(f"error: {message}", markup=False, highlight=False)
    return typer.Exit(EXIT_USAGE)


@contextmanager
def exit_on_error(*errors: type[Exception]) -> Iterator[None]:
    """Within the block, any of ``errors`` becomes its message and the usage exit code."""
    try:
        yield
    except errors as exc:
        raise usage_error(str(exc)) from exc


def load_pack_or_exit(pack: str) -> Pack:
    """Load the pack, or exit with a usage error that names the pack and the problem."""
    with exit_on_error(PackError):
        return load_pack(pack)


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
