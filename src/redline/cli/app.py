"""The Typer application object every command module registers itself on."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="redline",
    help="Turn news coverage of peace negotiations into a sourced, queryable record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

# Exit codes: 0 all landed, 1 some inputs rejected, 2 usage errors.
EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
