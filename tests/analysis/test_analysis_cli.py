"""The analysis commands end to end, through typer's runner, on a small real SQLite store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from rich.console import Console
from typer.testing import CliRunner

from redline.analysis.positions import position_matrix
from redline.cli import app
from redline.cli.analysis_commands import matrix_table, render_demo_summary
from redline.store import open_store

from .records import fill_store, sample_claims, sample_plans

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("store") / "redline.db"
    with open_store(str(path)) as store:
        fill_store(store, sample_claims(), sample_plans())
    return f"sqlite:///{path}"


def run(*args: str) -> tuple[int, str]:
    """Exit code, and stdout on success (the data) or everything on failure (the messages)."""
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout if result.exit_code == 0 else result.output


def test_positions_table_json_and_csv(db: str) -> None:
    code, out = run("positions", "--db", db)
    assert code == 0 and "russia" in out and "accept ?" in out
    code, out = run("positions", "--db", db, "--format", "json", "--issue", "ceasefire")
    rows = json.loads(out)
    assert code == 0 and {r["party"] for r in rows} == {"russia", "ukraine"}
    russia = next(r for r in rows if r["party"] == "russia")
    assert russia["disputed"] is True and russia["sources"] == 2
    code, out = run("positions", "--db", db, "--format", "csv", "--by", "actor")
    header = next(csv.reader(io.StringIO(out)))
    assert code == 0 and header[:3] == ["actor", "party", "issue"]


def test_positions_before_any_claim_says_so(db: str) -> None:
    code, out = run("positions", "--db", db, "--as-of", "2024-01-01")
    assert code == 0 and "No claims on or before 2024-01-01" in out
    code, out = run("positions", "--db", db, "--as-of", "2024-01-01", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_a_bad_date_is_a_usage_error(db: str) -> None:
    code, out = run("positions", "--db", db, "--as-of", "March 3")
    assert code == 2 and "not a date" in out


def test_timeline_needs_an_actor_or_a_party(db: str) -> None:
    code, out = run("timeline", "--db", db)
    assert code == 2 and "--actor" in out
    code, out = run("timeline", "--db", db, "--actor", "Russia", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["change"] for r in rows] == ["", "reversal"]
    code, out = run("timeline", "--db", db, "--party", "ukraine")
    assert code == 0 and "reject" in out and "2025-03-20" in out


def test_shifts_and_conflicts(db: str) -> None:
    code, out = run("shifts", "--db", db, "--format", "json")
    shifts = [(r["subject"], r["kind"]) for r in json.loads(out)]
    assert code == 0 and shifts == [
        ("Volodymyr Zelensky", "reversal"),
        ("Dmitry Medvedev", "new_threat"),
        ("Donald Trump", "new_threat"),
    ]
    code, out = run("shifts", "--db", db, "--min-sources", "2", "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, out = run("shifts", "--db", db, "--since", "2025-03-25")
    assert code == 0 and "No shifts since 2025-03-25" in out
    code, out = run("conflicts", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["actor"], r["kind"]) for r in rows] == [("Russia", "denial")]


def test_brief_markdown_and_html(db: str, tmp_path: Path) -> None:
    code, out = run("brief", "--db", db, "--since", "2025-03-10", "--until", "2025-03-31")
    assert code == 0 and out.startswith("# Briefing: 2025-03-10 to 2025-03-31")
    assert "30-day ceasefire proposal" in out
    target = tmp_path / "brief.html"
    code, _ = run("brief", "--db", db, "--since", "2025-03-10", "-f", "html", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    assert code == 0 and html.startswith("<!DOCTYPE html>") and "<svg" in html
    code, out = run("brief", "--db", db, "--since", "2025-03-10", "--until", "2025-03-01")
    assert code == 2 and "before --since" in out


def test_exports(db: str, tmp_path: Path) -> None:
    code, out = run("export", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(sample_claims())
    assert {r["cluster"] for r in rows if r["article_id"] == "a1-copy"} == {"a1"}
    code, out = run("export", "--db", db, "--what", "articles", "--format", "jsonl")
    articles = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(articles) == 19
    target = tmp_path / "plans.parquet"
    code, _ = run("export", "--db", db, "--what", "plans", "-f", "parquet", "-o", str(target))
    assert code == 0 and pq.read_table(target).num_rows == 3
    code, out = run("export", "--db", db, "--what", "actors", "-f", "parquet")
    assert code == 2 and "--out" in out


def test_an_unusable_database_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "x.db"
    code, out = run("positions", "--db", f"sqlite:///{missing}")
    assert code == 2 and "error" in out


def test_demo_summary_renders_matrix_and_shifts(db: str) -> None:
    console = Console(record=True, width=200)
    with open_store(db) as store:
        render_demo_summary(store, console)
    text = console.export_text()
    assert "Positions as of latest" in text and "Latest shifts" in text
    assert "new threat" in text


def test_an_unknown_issue_is_refused(db: str) -> None:
    code, out = run("shifts", "--db", db, "--issue", "ceasfire")
    assert code == 2 and "unknown issue 'ceasfire'" in out and "ceasefire" in out


def test_timeline_reads_a_surname_as_the_canonical_actor(db: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", db, "--actor", "putin", "-f", "json"])
    rows = json.loads(result.stdout)
    assert result.exit_code == 0 and {r["actor"] for r in rows} == {"Vladimir Putin"}
    assert "reading 'putin' as 'Vladimir Putin'" in result.stderr
    assert {r["issue"] for r in rows} == {"territory_regions", "ceasefire", "military_aid"}


def test_positions_by_actor_table(db: str) -> None:
    code, out = run("positions", "--db", db, "--by", "actor")
    assert code == 0 and "Positions as of latest" in out
    matrix = position_matrix(sample_claims(), by="actor")
    console = Console(record=True, width=250)
    console.print(matrix_table(matrix, {}))
    text = console.export_text()
    assert "Vladimir Putin" in text and "(russia)" in text and "reject ?" in text
