"""Commands for actors: ``actors`` (every stored actor with mention counts) and
``actors show NAME`` (an actor's party, aliases, dated titles and the articles it appears in).

The queries live in ``redline.store.actor_queries``; this module only renders them.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from redline.cli.app import EXIT_USAGE, app, console, err_console
from redline.cli.options import (
    DEFAULT_PACK,
    DbOption,
    PackOption,
    load_pack_or_exit,
    open_store_or_exit,
)
from redline.packs.lookup import find_actor
from redline.packs.schema import Actor
from redline.store.actor_queries import actor_articles, actor_counts, stored_actor_names

actors_app = typer.Typer(
    help="Actors found in the stored articles, with mention counts.",
    invoke_without_command=True,
)
app.add_typer(actors_app, name="actors")



@actors_app.callback()
def list_actors(
    ctx: typer.Context,
    party: Annotated[str | None, typer.Option("--party", help="Only this party.")] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="Ignore less confident mentions.")
    ] = 0.0,
    db: DbOption = None,
) -> None:
    """Every actor mentioned in the store, most mentioned first."""
    if ctx.invoked_subcommand is not None:
        return
    store = open_store_or_exit(db)
    try:
        counts = actor_counts(store, party=party, min_confidence=min_confidence)
    finally:
        store.close()
    if not counts:
        console.print("no actors" + (f" of party {party}" if party else ""), highlight=False)
        return
    table = Table("actor", "party", "kind", "mentions", "articles")
    for row in counts:
        table.add_row(
            row.name, row.party or "", row.kind or "", str(row.mentions), str(row.articles)
        )
    console.print(table)


@actors_app.command("show")
def show_actor(
    name: Annotated[str, typer.Argument(help="A name, alias, spelling variant or surname.")],
    db: DbOption = None,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """An actor: party, aliases and dated titles from the pack, and the articles it is in."""
    known = find_actor(load_pack_or_exit(pack), name)
    store = open_store_or_exit(db)
    try:
        stored = stored_actor_names(store, name)
        canonical = known.name if known else (stored[0] if stored else None)
        if canonical is None:
            err_console.print(f"no actor {name!r} in the pack or the store", highlight=False)
            raise typer.Exit(EXIT_USAGE)
        articles = actor_articles(store, canonical)
    finally:
        store.close()
    console.print(f"[bold]{canonical}[/bold]", highlight=False)
    if known is not None:
        _print_pack_facts(known)
    else:
        console.print("not in the pack (found by named-entity recognition)", highlight=False)
    total = sum(a.mentions for a in articles)
    console.print(f"mentions: {total} in {len(articles)} article(s)", highlight=False)
    if articles:
        table = Table("article", "published", "source", "title", "mentions")
        for row in articles:
            table.add_row(
                row.article_id[:10],
                row.published.isoformat() if row.published else "",
                row.source or "",
                (row.title or "")[:70],
                str(row.mentions),
            )
        console.print(table)


def _print_pack_facts(actor: Actor) -> None:
    console.print(f"party: {actor.party}   kind: {actor.kind}", highlight=False)
    others = [*actor.aliases, *actor.metonyms, *actor.epithets]
    if others:
        console.print("also: " + ", ".join(others), highlight=False, soft_wrap=True)
    for title in actor.titles:
        since = title.start.isoformat() if title.start else "…"
        until = title.end.isoformat() if title.end else "…"
        console.print(f"title: {title.title} ({since} – {until})", highlight=False)
    if actor.descriptions:
        console.print("described as: " + ", ".join(actor.descriptions), highlight=False)
