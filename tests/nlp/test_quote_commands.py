"""The ``redline quotes`` command over a small store built by hand."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app
from redline.cli.quote_commands import canonical_speaker
from redline.model import Article, Extraction, Quote
from redline.packs.loader import load_pack
from redline.store import open_store

runner = CliRunner()

TEXT_A = "‘We will not withdraw from the region at all,’ Putin said. Kyiv said ‘no deal’."
TEXT_B = "“The talks must include Ukraine from the first day,” Zelensky said on Monday."


def _quote(text: str, body: str, speaker: str, party: str, kind: str = "direct") -> Quote:
    start = body.index(text)
    return Quote(text, start, start + len(text), speaker, party, kind, cue="said")


@pytest.fixture()
def db(tmp_path: Path) -> str:
    url = str(tmp_path / "quotes.db")
    store = open_store(url)
    for article_id, body, day, source, quotes in (
        (
            "a" * 16,
            TEXT_A,
            date(2025, 1, 5),
            "Outlet A",
            (
                _quote(
                    "We will not withdraw from the region at all,",
                    TEXT_A,
                    "Vladimir Putin",
                    "russia",
                ),
                _quote("no deal", TEXT_A, "Ukraine", "ukraine", "fragment"),
            ),
        ),
        (
            "b" * 16,
            TEXT_B,
            date(2025, 3, 1),
            "Outlet B",
            (
                _quote(
                    "The talks must include Ukraine from the first day,",
                    TEXT_B,
                    "Volodymyr Zelensky",
                    "ukraine",
                ),
            ),
        ),
    ):
        store.add_article(Article(article_id, body, published=day, source=source))
        store.save_extraction(article_id, Extraction(article_id, day, "news", quotes=quotes))
    store.close()
    return url


def _json(args: list[str]) -> list[dict[str, object]]:
    result = runner.invoke(app, ["quotes", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert isinstance(rows, list)
    return rows


def test_lists_direct_quotes_with_provenance(db: str) -> None:
    rows = _json(["--db", db])
    assert {r["speaker"] for r in rows} == {"Vladimir Putin", "Volodymyr Zelensky"}
    putin = next(r for r in rows if r["speaker"] == "Vladimir Putin")
    assert putin["published"] == "2025-01-05"
    assert putin["source"] == "Outlet A"
    assert putin["article_id"] == "a" * 16


def test_filters(db: str) -> None:
    assert [r["speaker"] for r in _json(["--db", db, "--party", "ukraine"])] == [
        "Volodymyr Zelensky"
    ]
    assert [r["speaker"] for r in _json(["--db", db, "--since", "2025-02-01"])] == [
        "Volodymyr Zelensky"
    ]
    assert [r["speaker"] for r in _json(["--db", db, "--search", "withdraw"])] == ["Vladimir Putin"]
    assert [r["kind"] for r in _json(["--db", db, "--kind", "all"])].count("fragment") == 1


def test_speaker_by_surname(db: str) -> None:
    assert [r["speaker"] for r in _json(["--db", db, "--speaker", "Putin"])] == ["Vladimir Putin"]


def test_table_output(db: str) -> None:
    result = runner.invoke(app, ["quotes", "--db", db])
    assert result.exit_code == 0
    assert "Putin" in result.output and "Outlet B" in result.output


def test_bad_date_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["quotes", "--db", db, "--since", "last week"])
    assert result.exit_code == 2


def test_canonical_speaker_keeps_unknown_names() -> None:
    pack = load_pack("russia-ukraine")
    assert canonical_speaker("Nobody In Particular", pack) == "Nobody In Particular"
