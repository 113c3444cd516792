"""The ``redline claims`` command over a small store built by hand."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redline.cli.claim_commands  # noqa: F401  (registers the command)
from redline.cli.app import app
from redline.model import Article, Claim, Extraction, TextSpan
from redline.store import open_store

TEXT = "Russia rejected the ceasefire on Thursday. Ukraine agreed to the truce."


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "claims.db")
    article = Article(id="a" * 16, text=TEXT, published=date(2025, 3, 14), source="Wire")
    reject = Claim("Russia", "russia", "ceasefire", "reject", "stated",
                   (TextSpan(0, 42, TEXT[:42]),), statement_date=date(2025, 3, 13),
                   confidence=0.9)
    accept = Claim("Ukraine", "ukraine", "ceasefire", "accept", "reported",
                   (TextSpan(43, len(TEXT), TEXT[43:]),), confidence=0.4)
    with open_store(path) as store:
        stored = store.add_article(article)
        article_id = getattr(stored, "article_id", None) or article.id
        store.save_extraction(
            article_id, Extraction(article_id, article.published, "news", claims=(reject, accept))
        )
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["claims", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_lists_claims_with_evidence(db: str) -> None:
    rows = json.loads(run("--db", db, "--format", "json"))
    found = {(r["actor"], r["stance"]) for r in rows}
    assert found == {("Russia", "reject"), ("Ukraine", "accept")}
    russia = next(r for r in rows if r["actor"] == "Russia")
    assert russia["evidence"][0]["text"] == TEXT[:42]
    assert russia["date"] == "2025-03-13"


def test_filters_by_stance_status_and_actor_alias(db: str) -> None:
    rows = json.loads(run("--db", db, "--format", "json", "--stance", "accept"))
    assert [r["actor"] for r in rows] == ["Ukraine"]
    rows = json.loads(run("--db", db, "--format", "json", "--status", "stated"))
    assert [r["actor"] for r in rows] == ["Russia"]


def test_min_confidence_keeps_the_claims_the_extractor_is_surer_of(db: str) -> None:
    rows = json.loads(run("--db", db, "--format", "json", "--min-confidence", "0.5"))
    assert [r["actor"] for r in rows] == ["Russia"]
    assert "0.90" in run("--db", db)  # the table shows how sure


def test_csv_has_one_line_per_claim(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("--db", db, "--format", "csv"))))
    assert sorted(r["actor"] for r in rows) == ["Russia", "Ukraine"]


def test_table_output(db: str) -> None:
    assert "reject" in run("--db", db)


def test_unknown_stance_is_a_usage_error(db: str) -> None:
    result = CliRunner().invoke(app, ["claims", "--db", db, "--stance", "maybe"])
    assert result.exit_code == 2
    assert "--stance" in result.output


def test_dates_filter_on_statement_date(db: str) -> None:
    rows = json.loads(run("--db", db, "--format", "json", "--until", "2025-03-13"))
    assert [r["actor"] for r in rows] == ["Russia"]
