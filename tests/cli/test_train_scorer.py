"""``redline train-scorer``, ``train-finder`` and ``train-claims``: annotated sets in, model
files and cross-validated figures out; ``redline extract --no-scorer`` keeps the rules' own
claims and ``--no-finder`` adds none of the finder's."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from redline.cli import app
from redline.nlp.claim_finder import load_finder
from redline.nlp.claim_scorer import load_scorer

ARTICLE = """title: {title}
published: 2025-03-12
---
Ukraine said on Tuesday it was ready to accept a 30-day ceasefire proposed by the United States.
Russia rejected any deployment of European troops in Ukraine.
"""
GOLD = [{"actor": "Ukraine", "party": "ukraine", "issue": "ceasefire", "stance": "accept",
         "status": "stated", "evidence": "ready to accept a 30-day ceasefire"}]


def annotated_set(root: Path, name: str, article: str = ARTICLE,
                  claims: list[dict[str, str]] = GOLD) -> Path:
    folder = root / name
    (folder / "articles").mkdir(parents=True)
    (folder / "gold").mkdir()
    (folder / "articles" / f"{name}1.txt").write_text(article.format(title=name), "utf-8")
    gold = {"article": f"{name}1.txt", "claims": claims, "quotes": [], "plans": []}
    (folder / "gold" / f"{name}1.gold.json").write_text(json.dumps(gold), "utf-8")
    return folder


def test_train_scorer_writes_a_scorer_and_prints_the_held_out_figures(tmp_path: Path) -> None:
    sets = [str(annotated_set(tmp_path, name)) for name in ("a", "b")]
    out = tmp_path / "pack" / "claim_scorer.json"
    result = CliRunner().invoke(app, ["train-scorer", *sets, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "with the scorer" in result.output and "written to" in result.output
    scorer = load_scorer(out.parent)
    assert scorer is not None and scorer.about is not None
    assert scorer.about["sets"] == ["a", "b"] and scorer.about["articles"] == 2


def test_train_scorer_refuses_a_folder_that_is_no_annotated_set(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train-scorer", str(tmp_path), str(tmp_path),
                                      "--out", str(tmp_path / "s.json")])
    assert result.exit_code == 2
    assert "articles/ and gold/" in result.output


def test_extract_without_the_scorer_writes_the_rules_claims(tmp_path: Path) -> None:
    folder = annotated_set(tmp_path, "a")
    result = CliRunner().invoke(app, ["extract", str(folder / "articles"), "--out",
                                      str(tmp_path / "out"), "--no-scorer"])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "out" / "a1.json").read_text(encoding="utf-8"))
    assert ("Ukraine", "ceasefire", "accept") in {
        (c["actor"], c["issue"], c["stance"]) for c in record["claims"]}


QUOTED = """title: {title}
published: 2025-03-13
---
“Sanctions relief is the first thing on our list,” Russian Foreign Minister Sergei Lavrov said.
"""
QUOTED_GOLD = [{"actor": "Sergey Lavrov", "party": "russia", "issue": "sanctions",
                "stance": "demand", "status": "stated",
                "evidence": "Sanctions relief is the first thing on our list"}]


def quoted_set(root: Path, name: str) -> Path:
    return annotated_set(root, name, QUOTED, QUOTED_GOLD)


def test_train_finder_writes_a_finder_and_prints_the_held_out_figures(tmp_path: Path) -> None:
    sets = [str(quoted_set(tmp_path, name)) for name in ("a", "b")]
    out = tmp_path / "pack" / "claim_finder.json"
    result = CliRunner().invoke(app, ["train-finder", *sets, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "with the finder" in result.output and "2 pairs" in result.output
    finder = load_finder(out.parent)
    assert finder is not None and finder.about is not None
    assert finder.about["sets"] == ["a", "b"] and finder.about["pairs"] == 2
    assert finder.about["labels"]["demand"] == 2
    assert finder.pair_kinds == ("quote",)


SUBJECT = """title: {title}
published: 2025-03-13
---
The Kremlin has talked at length about sanctions relief in recent weeks.
"""
SUBJECT_GOLD = [{"actor": "Russia", "party": "russia", "issue": "sanctions",
                 "stance": "demand", "status": "stated",
                 "evidence": "The Kremlin has talked at length about sanctions relief"}]


def test_train_finder_learns_subject_pairs_only_when_asked(tmp_path: Path) -> None:
    sets = [str(annotated_set(tmp_path, name, SUBJECT, SUBJECT_GOLD)) for name in ("a", "b")]
    for kinds, pairs in (("quote", 0), ("quote,subject", 2)):
        out = tmp_path / kinds / "claim_finder.json"
        result = CliRunner().invoke(app, ["train-finder", *sets, "--out", str(out),
                                          "--pair-kinds", kinds])
        assert result.exit_code == 0, result.output
        finder = load_finder(out.parent)
        assert finder is not None and finder.about is not None
        assert finder.about["pairs"] == pairs
        assert finder.pair_kinds == tuple(kinds.split(","))
    result = CliRunner().invoke(app, ["train-finder", *sets, "--out", str(tmp_path / "x.json"),
                                      "--pair-kinds", "rumour"])
    assert result.exit_code != 0 and "--pair-kinds" in result.output


def test_extract_without_the_finder_writes_no_claim_the_finder_would_add(tmp_path: Path) -> None:
    folder = quoted_set(tmp_path, "a")
    claims = {}
    for flag in ("--finder", "--no-finder"):
        out = tmp_path / flag
        result = CliRunner().invoke(app, ["extract", str(folder / "articles"), "--out",
                                          str(out), flag])
        assert result.exit_code == 0, result.output
        record = json.loads((out / "a1.json").read_text(encoding="utf-8"))
        claims[flag] = {(c["actor"], c["issue"]) for c in record["claims"]}
    assert claims["--no-finder"] <= claims["--finder"]
    assert ("Sergey Lavrov", "sanctions") not in claims["--no-finder"]


def test_train_claims_writes_both_models_tuned_together(tmp_path: Path) -> None:
    sets = [str(quoted_set(tmp_path, name)) for name in ("a", "b")]
    pack = tmp_path / "pack"
    result = CliRunner().invoke(app, ["train-claims", *sets, "--pack-dir", str(pack)])
    assert result.exit_code == 0, result.output
    assert "finder alone" in result.output and "both" in result.output
    scorer, finder = load_scorer(pack), load_finder(pack)
    assert scorer is not None and finder is not None
    assert scorer.about == finder.about
    assert finder.about is not None and finder.about["sets"] == ["a", "b"]
    assert (scorer.drop_at, scorer.swap_margin, finder.add_at) == (
        finder.about["drop_at"], finder.about["swap_margin"], finder.about["add_at"])
