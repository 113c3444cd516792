"""Quality gate for plans on the seed gold set (``../shared``): the plans component alone,
over the real model, must keep the figures it reached. Floors are pinned below as measured;
raise them when the extractor improves, never lower them without saying why.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from redline.ingest.files import DEFAULT_MAX_BYTES
from redline.ingest.text import read_text_article
from redline.model import PlanMention, Rejection
from redline.nlp.extensions import register_extensions
from redline.nlp.pipeline import load_model, make_doc
from redline.nlp.plans import PlanFinder

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds"

# Measured 2026-11-22: 4 of 5 gold plans found, 1 spurious (the Kyiv Post opinion piece names
# "Trump's peace plan", which the gold calls "US proposals on NATO deferral and peacekeepers").
PLANS_F1_FLOOR = 0.8
# Share of the gold issues of numbered points that the found points carry (measured 0.82).
POINT_ISSUE_RECALL_FLOOR = 0.8


def _reference() -> ModuleType:
    path = SHARED / "gold" / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score_plans", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def found() -> dict[str, list[PlanMention]]:
    if not SEEDS.exists() or not GOLD.exists():
        pytest.skip(f"seed articles not found under {SHARED} (shared/ is absent)")
    register_extensions()
    nlp: Language = load_model()
    nlp.add_pipe("redline_plans")  # the factory registers when redline.nlp.plans is imported
    assert isinstance(nlp.get_pipe("redline_plans"), PlanFinder)
    results: dict[str, list[PlanMention]] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        article = read_text_article(path, DEFAULT_MAX_BYTES, lambda _warning: None)
        assert not isinstance(article, Rejection)
        results[path.stem] = list(nlp(make_doc(nlp, article))._.plans)
    return results


@pytest.mark.slow
def test_seed_plans_are_found(found: dict[str, list[PlanMention]]) -> None:
    reference = _reference()
    tp = fp = fn = 0
    for stem, plans in found.items():
        gold = json.loads((GOLD / f"{stem}.gold.json").read_text(encoding="utf-8"))["plans"]
        matched, spurious, missed, _ = reference.align(
            [{"name": p.name} for p in plans], gold,
            lambda p, g: reference.plan_names_match(p["name"], g["name"]))
        tp, fp, fn = tp + matched, fp + spurious, fn + missed
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= PLANS_F1_FLOOR, (tp, fp, fn)


@pytest.mark.slow
def test_seed_numbered_points_carry_their_issues(found: dict[str, list[PlanMention]]) -> None:
    wanted = hit = 0
    for stem, plans in found.items():
        gold = json.loads((GOLD / f"{stem}.gold.json").read_text(encoding="utf-8"))["plans"]
        for gold_plan in gold:
            numbered = [p for p in gold_plan["points"] if p["n"] is not None]
            if not numbered:
                continue
            ours = {p.n: set(p.issues) for plan in plans for p in plan.points if p.n is not None}
            for gold_point in numbered:
                wanted += len(gold_point["issues"])
                hit += len(set(gold_point["issues"]) & ours.get(gold_point["n"], set()))
    assert wanted > 0
    assert hit / wanted >= POINT_ISSUE_RECALL_FLOOR, (hit, wanted)
