"""End-to-end tests of ``redline ingest``, ``articles``, ``show``, ``rejected`` and ``demo``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redline.cli.ingest_commands  # noqa: F401  (registers the commands on the app)
import redline.ingest.batch as batch
from redline.cli.app import app
from redline.model import Article, Claim, Extraction, Quote, Rejection, TextSpan

runner = CliRunner()


def fake_extractor(articles: Iterable[Article], pack: str) -> Iterator[
        tuple[Article, Extraction | Rejection]]:
    """One claim and one quote per article, so counts are predictable."""
    for article in articles:
        span = TextSpan(0, 5, article.text[:5])
        yield article, Extraction(
            article.id, article.published, "news",
            claims=(Claim("Ukraine", "ukraine", "ceasefire", "accept", "stated", (span,)),),
            quotes=(Quote(article.text[:5], 0, 5, "Someone", "other", "direct"),),
            extractor_version="fake")


@pytest.fixture(autouse=True)
def no_real_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "default_extractor", fake_extractor)
    monkeypatch.delenv("REDLINE_DB", raising=False)


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def listed_ids(output: str) -> list[str]:
    return re.findall(r"^│ ([0-9a-f]{10}) ", output, flags=re.MULTILINE)


def test_seeds_ingest_once_and_list(tmp_path: Path, seed_articles: Path) -> None:
    db = str(tmp_path / "x.db")
    code, output = invoke("ingest", str(seed_articles), "--db", db, "--no-extract")
    assert code == 0, output
    assert "ingested 5 article(s): 5 new" in output
    code, output = invoke("articles", "--db", db)
    assert code == 0
    assert len(listed_ids(output)) == 5
    assert "5 article(s)" in output
    code, output = invoke("ingest", str(seed_articles), "--db", db)
    assert code == 0
    assert "ingested 0 article(s)" in output and "5 unchanged" in output
    assert "extracted 5" in output  # the first run stored them without extraction
    code, output = invoke("ingest", str(seed_articles), "--db", db)
    assert "extracted 0" in output


def test_ingest_with_bad_inputs_exits_1_and_lists_them(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("title: Good\npublished: 2025-03-11\n---\nKyiv agreed.")
    (folder / "bad.bin.txt").write_bytes(b"\x00\xff" * 100)
    (folder / "odd.pdf").write_bytes(b"%PDF-1.4")
    (folder / "when.txt").write_text("published: someday\n---\nMoscow refused.")
    db = str(tmp_path / "x.db")
    code, output = invoke("ingest", str(folder), str(tmp_path / "missing"), "--db", db)
    assert code == 1
    assert "rejected 3" in output
    assert "binary file" in output and "unsupported file type '.pdf'" in output
    assert "no such file or directory" in output
    assert "unparseable date 'someday'; stored as unknown" in output
    code, output = invoke("rejected", "--db", db)
    assert code == 0
    assert "3 rejected, 1 warning(s)" in output


def test_show_articles_filters_and_prefixes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("title: Early\npublished: 2024-12-03\nsource: Wire\n---\n"
                                    "Moscow rejected the plan.")
    (tmp_path / "b.txt").write_text("title: Late\npublished: 2025-03-11\nsource: Paper\n---\n"
                                    "Kyiv accepted the truce.")
    db = str(tmp_path / "x.db")
    assert invoke("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db)[0] == 0
    code, output = invoke("articles", "--db", db, "--since", "2025-01-01")
    assert code == 0 and "Late" in output and "Early" not in output
    code, output = invoke("articles", "--db", db, "--source", "wire")
    [article_id] = listed_ids(output)
    code, output = invoke("show", article_id[:6], "--db", db)
    assert code == 0
    assert "Moscow rejected the plan." in output
    assert "1 claims" in output and "1 quotes" in output and "fake" in output
    code, output = invoke("show", "zzzz", "--db", db)
    assert code == 1 and "no article" in output


def test_bad_date_option_and_no_arguments_are_usage_errors(tmp_path: Path) -> None:
    assert invoke("articles", "--since", "March", "--db", str(tmp_path / "x.db"))[0] == 2
    assert invoke("ingest")[0] == 2


def test_unopenable_database_is_a_usage_error(tmp_path: Path) -> None:
    code, output = invoke("articles", "--db", str(tmp_path / "no" / "dir" / "x.db"))
    assert code == 2 and "cannot" in output


def test_database_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Kyiv accepted the truce.")
    monkeypatch.setenv("REDLINE_DB", str(tmp_path / "env.db"))
    assert invoke("ingest", str(tmp_path / "a.txt"))[0] == 0
    assert (tmp_path / "env.db").exists()


def test_demo_ingests_the_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = invoke("demo")
    assert code == 0, output
    assert (tmp_path / "demo.db").exists()
    assert "15 new" in output
    assert "1 near-duplicate(s)" in output
    assert re.search(r"records:.* 16 quotes, 16 claims", output)
    code, again = invoke("demo")  # recreated, not appended to
    assert code == 0 and "1 near-duplicate(s)" in again and "unchanged" in again
    assert "0 unchanged" in again


def test_max_size_option(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("Talks went on. " * 200)
    code, output = invoke("ingest", str(tmp_path / "big.txt"), "--db", str(tmp_path / "x.db"),
                          "--max-size", "0.001")
    assert code == 1 and "over the limit" in output
