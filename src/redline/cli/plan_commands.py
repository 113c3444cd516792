"""Commands for plans: ``plans`` (list), ``plans show NAME``, ``plans compare A B [C...]``.

Reads and merges live in ``redline.store.plan_registry``, stances and comparison in
``redline.analysis.plan_compare``; this module only renders.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from redline.analysis.plan_compare import PartyStance, compare_plans, point_stances
from redline.cli.app import EXIT_USAGE, app, console, err_console
from redline.cli.options import DEFAULT_PACK, DbOption, PackOption, open_store_or_exit
from redline.errors import PackError, StoreError
from redline.store import Store
from redline.store.plan_registry import (
    PlanNotFoundError,
    RegistryPlan,
    list_plans,
    read_plan,
    update_plan_registry,
)

plans_app = typer.Typer(help="Peace plans: list, show one with its points, compare several.")
app.add_typer(plans_app, name="plans")


class Format(StrEnum):
    table = "table"
    json = "json"


@dataclass(frozen=True)
class _Options:
    db: str | None
    pack: str


@contextmanager
def _store(db: str | None, pack: str) -> Iterator[Store]:
    store = open_store_or_exit(db)
    try:
        # Keep the registry current with whatever was ingested since it was last built.
        update_plan_registry(store, pack)
        yield store
    except (PackError, StoreError) as exc:
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from exc
    finally:
        store.close()


def _options(ctx: typer.Context, db: str | None) -> _Options:
    parent = ctx.obj if isinstance(ctx.obj, _Options) else _Options(None, DEFAULT_PACK)
    return _Options(db or parent.db, parent.pack)


def _day(day: date | None) -> str:
    return day.isoformat() if day else "?"


def _stance(stance: PartyStance) -> str:
    who = (
        stance.party
        if stance.actor.casefold() in {stance.party, ""}
        else (f"{stance.party} ({stance.actor})")
    )
    return f"{who}: {stance.stance} ({stance.status}, {_day(stance.day)})"


def _plan_json(plan: RegistryPlan) -> dict[str, object]:
    return {
        "name": plan.name,
        "proposer": plan.proposer,
        "n_points": plan.n_points,
        "revision_of": plan.revision_of,
        "first_reported": _day(plan.first_reported),
        "last_reported": _day(plan.last_reported),
        "sources": plan.sources,
        "described": plan.described,
    }


@plans_app.callback(invoke_without_command=True)
def plans(
    ctx: typer.Context,
    db: DbOption = None,
    output: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """List the plans: proposer, first and last reported, points, sources."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = _Options(db, pack)
        return
    with _store(db, pack) as store:
        found = list_plans(store)
    if output is Format.json:
        console.print_json(json.dumps([_plan_json(p) for p in found]))
        return
    table = Table(title=f"{len(found)} plan(s)")
    for column in (
        "plan",
        "proposer",
        "first reported",
        "last reported",
        "points",
        "sources",
        "revises",
    ):
        table.add_column(column)
    for plan in found:
        table.add_row(
            plan.name,
            plan.proposer or "",
            _day(plan.first_reported),
            _day(plan.last_reported),
            str(plan.n_points or ""),
            str(plan.sources),
            plan.revision_of or "",
        )
    console.print(table)


def _read(store: Store, name: str) -> RegistryPlan:
    try:
        return read_plan(store, name)
    except PlanNotFoundError as exc:
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE) from exc


@plans_app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Plan name, e.g. '28-point plan'.")],
    db: DbOption = None,
) -> None:
    """A plan's points with their sources and each party's latest stance on each."""
    options = _options(ctx, db)
    with _store(options.db, options.pack) as store:
        plan = _read(store, name)
        claims = store.read_claims()
    header = f"{plan.name} — proposed by {plan.proposer or '?'}"
    if plan.revision_of:
        header += f", revision of {plan.revision_of}"
    if plan.described:
        header += "\n(unnamed in the articles: named from its proposer and terms)"
    others = [n for n in plan.names if n.casefold() != plan.name.casefold()]
    if others:
        header += f"\nalso reported as: {'; '.join(others)}"
    table = Table(
        title=f"{header}\nreported {_day(plan.first_reported)} to "
        f"{_day(plan.last_reported)} by {plan.sources} source(s)"
    )
    for column in ("point", "issues", "text", "sources", "stances"):
        table.add_column(column, overflow="fold")
    for row in point_stances(plan, claims):
        stances = "\n".join(_stance(s) for s in row.stances)
        if row.point is None:
            table.add_row("whole plan", "", "", "", stances)
            continue
        point = row.point
        sources = "\n".join(
            sorted({f"{r.source or r.article_id[:10]} {_day(r.published)}" for r in point.reports})
        )
        table.add_row(
            str(point.n) if point.n is not None else "–",
            ", ".join(point.issues),
            point.reports[0].text if point.reports else "",
            sources,
            stances,
        )
    console.print(table)


@plans_app.command("compare")
def compare(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(help="Two or more plan names.")],
    db: DbOption = None,
) -> None:
    """Plans side by side, issue by issue: what each says and how each side stands."""
    if len(names) < 2:
        err_console.print("error: compare needs at least two plan names", markup=False)
        raise typer.Exit(EXIT_USAGE)
    options = _options(ctx, db)
    with _store(options.db, options.pack) as store:
        chosen = [_read(store, name) for name in names]
        claims = store.read_claims()
    table = Table(title="Plans compared, issue by issue")
    table.add_column("issue")
    for plan in chosen:
        table.add_column(plan.name, overflow="fold")
    for row in compare_plans(chosen, claims):
        cells = []
        for texts, stances in zip(row.texts, row.stances, strict=True):
            lines = [*texts, *(_stance(s) for s in stances)]
            cells.append("\n".join(lines) if lines else "—")
        table.add_row(row.issue, *cells)
    console.print(table)
