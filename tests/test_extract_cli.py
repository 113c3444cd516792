"""End to end through the CLI: ``redline extract`` writes gold-schema JSON, ``redline eval``
prints the reference scorer's figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from redline.cli import app

ARTICLE = """title: Talks resume
published: 2025-03-12
source: Example Wire
---
Ukraine said on Tuesday it was ready to accept a 30-day ceasefire proposed by the United States.
"We are ready to take this step, and now the ball is in Russia's court," Volodymyr Zelensky said.
"""


def test_extract_writes_one_gold_file_per_article(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(articles), "--out", str(out)])
    assert result.exit_code == 1, result.output  # the empty file is rejected, the other lands
    record = json.loads((out / "talks.json").read_text(encoding="utf-8"))
    assert record["article"] == "talks.txt"
    assert record["published"] == "2025-03-12"
    assert set(record) >= {"genre", "claims", "quotes", "plans"}
    speakers = {q["speaker"] for q in record["quotes"]}
    assert speakers == {"Volodymyr Zelensky"}
    assert not (out / "empty.json").exists()


def test_eval_prints_the_reference_figures(
    tmp_path: Path, seed_gold: Path, reference_scorer_path: Path
) -> None:
    pred = tmp_path / "pred"
    pred.mkdir()
    # A partial prediction: the first article's gold claims, nothing for the others.
    first = sorted(seed_gold.glob("*.gold.json"))[0]
    record = json.loads(first.read_text(encoding="utf-8"))
    record["claims"] = record["claims"][::2]
    (pred / first.name.replace(".gold.json", ".json")).write_text(json.dumps(record))
    ours = CliRunner().invoke(app, ["eval", "--gold", str(seed_gold), "--pred", str(pred)])
    reference = subprocess.run(
        [sys.executable, str(reference_scorer_path), str(seed_gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert ours.exit_code == 0
    assert ours.output.strip() == reference.stdout.strip()


def test_eval_needs_exactly_one_source_of_predictions(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path)])
    assert result.exit_code == 2
