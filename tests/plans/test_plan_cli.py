"""The ``plans`` commands end to end over a temporary database: list (table and JSON), show,
compare, and the usage errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app
from redline.cli.app import console
from redline.store import Store

from .builders import claim, mention, point
from .conftest import Publish

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_console() -> Iterator[None]:
    # Tables wrap at the console width; widen it so cells read as one line.
    width = console.width
    console.width = 250
    yield
    console.width = width


@pytest.fixture
def db(tmp_path: Path, store: Store, publish: Publish) -> str:
    publish("Wire", date(2025, 11, 20), [mention(
        "28-point plan", "United States", 28, "us-28-point-plan",
        points=(point(None, ("army_limits",), "Ukraine to cut back on its army"),
                point(None, ("nato_membership",), "be excluded from NATO")))],
        claims=[claim("Ukraine", "ukraine", "army_limits", "reject", "28-point plan",
                      date(2025, 11, 21)),
                claim("Vladimir Putin", "russia", "peace_plan", "accept", "28-point plan")])
    publish("Daily", date(2025, 11, 24), [
        mention("28-point plan", "United States", 28, "us-28-point-plan"),
        mention("19-point plan", "United States", 19, "geneva-19-point-plan",
                points=(point(None, ("nato_membership",), "NATO membership left open"),))],
        claims=[claim("Ukraine", "ukraine", "nato_membership", "accept", "19-point plan",
                      date(2025, 11, 24))])
    return str(tmp_path / "plans.db")


def test_list_as_table(db: str) -> None:
    result = runner.invoke(app, ["plans", "--db", db])
    assert result.exit_code == 0, result.output
    assert "28-point plan" in result.output
    assert "19-point plan" in result.output
    assert "2025-11-20" in result.output


def test_list_as_json(db: str) -> None:
    result = runner.invoke(app, ["plans", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["28-point plan"]["sources"] == 2
    assert rows["28-point plan"]["last_reported"] == "2025-11-24"
    assert rows["19-point plan"]["revision_of"] == "28-point plan"


def test_show_lists_points_sources_and_stances(db: str) -> None:
    result = runner.invoke(app, ["plans", "show", "28-point plan", "--db", db])
    assert result.exit_code == 0, result.output
    assert "cut back on its army" in result.output
    assert "ukraine: reject" in result.output
    assert "russia (Vladimir Putin): accept" in result.output  # the plan as a whole


def test_compare_puts_plans_side_by_side(db: str) -> None:
    result = runner.invoke(app, ["plans", "--db", db, "compare", "28-point plan",
                                 "19-point plan"])
    assert result.exit_code == 0, result.output
    assert "nato_membership" in result.output
    assert "NATO membership left open" in result.output
    assert "ukraine: accept" in result.output


def test_unknown_plan_and_single_compare_are_usage_errors(db: str) -> None:
    missing = runner.invoke(app, ["plans", "show", "Marshall plan", "--db", db])
    assert missing.exit_code == 2
    assert "no plan named 'Marshall plan'" in missing.output
    single = runner.invoke(app, ["plans", "compare", "28-point plan", "--db", db])
    assert single.exit_code == 2


def test_unknown_pack_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["plans", "--db", db, "--pack", "no-such-pack"])
    assert result.exit_code == 2
    assert "no-such-pack" in result.output
