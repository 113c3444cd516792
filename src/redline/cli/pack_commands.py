"""Commands for domain packs: ``pack list``, ``pack show NAME`` and ``pack check PATH``.

``pack check`` reports every problem with its file and line and exits 1 when there is any.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from redline.cli.app import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, app, console, err_console
from redline.errors import PackError
from redline.packs.checker import check_pack
from redline.packs.loader import available_packs, load_pack, resolve_pack_dir

pack_app = typer.Typer(help="Domain packs: list, show and check them.", no_args_is_help=True)
app.add_typer(pack_app, name="pack")

PackArgument = Annotated[str, typer.Argument(help="A built-in pack name or a pack folder.")]


@pack_app.command("list")
def list_packs() -> None:
    """The built-in packs with their descriptions."""
    table = Table("pack", "description", "actors", "issues", "plans")
    for name in available_packs():
        try:
            pack = load_pack(name)
        except PackError as exc:
            table.add_row(name, f"[red]invalid[/red]: {len(exc.problems)} problem(s)", "", "", "")
            continue
        table.add_row(
            name,
            pack.meta.description,
            str(len(pack.actors)),
            str(len(pack.issues)),
            str(len(pack.plans)),
        )
    console.print(table)


@pack_app.command("show")
def show_pack(name: PackArgument) -> None:
    """A pack's parties and the number of actors, issues and plans it holds."""
    try:
        pack = load_pack(name)
        folder = resolve_pack_dir(name)
    except PackError as exc:
        for problem in exc.problems:
            err_console.print(f"error: {problem}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from exc
    console.print(f"[bold]{pack.meta.name}[/bold] ({folder})", highlight=False)
    if pack.meta.description:
        console.print(pack.meta.description, highlight=False)
    kinds: dict[str, int] = {}
    for actor in pack.actors:
        kinds[actor.kind] = kinds.get(actor.kind, 0) + 1
    by_kind = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    console.print(f"actors: {len(pack.actors)} ({by_kind})", highlight=False)
    console.print(f"issues: {len(pack.issues)}", highlight=False)
    console.print(f"plans: {len(pack.plans)}", highlight=False)
    titles = sum(len(a.titles) for a in pack.actors)
    console.print(f"titles: {titles}", highlight=False)
    table = Table("party", "name", "adjectives", "actors")
    for party in pack.parties:
        count = sum(1 for a in pack.actors if a.party == party.id)
        table.add_row(party.id, party.name, ", ".join(party.adjectives), str(count))
    console.print(table)


@pack_app.command("check")
def check(target: PackArgument) -> None:
    """Validate a pack: YAML, schema and cross-references, each problem with file and line."""
    problems = check_pack(target)
    for problem in problems:
        console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    if problems:
        err_console.print(f"{len(problems)} problem(s) in pack {target}", highlight=False)
        raise typer.Exit(EXIT_REJECTED)
    console.print(f"pack {target}: ok", highlight=False)
    raise typer.Exit(EXIT_OK)
