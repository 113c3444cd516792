"""Quality gate for plans on the seed gold set (``../shared``): the plans component alone,
over the real model, must keep the figures it reached. Floors are pinned below as measured;
raise them when the extractor improves, never lower them without saying why.
"""

from __future__ import annotations

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
from redline.nlp.plan_proposers import party_of
from redline.nlp.plans import PlanFinder
from redline.packs.loader import load_pack

# Measured 2026-11-22: 5 of 5 gold plans found, none spurious (before plans described by
# their terms were named from them: 4 of 5, the Kyiv Post opinion piece giving "Donald Trump's
# Ukraine Peace Plan" from a quoted headline).
PLANS_F1_FLOOR = 0.98
# Share of the gold issues of numbered points that the found points carry (measured 0.82).
POINT_ISSUE_RECALL_FLOOR = 0.8


@pytest.fixture(scope="module")
def found(seed_articles: Path, seed_gold: Path) -> dict[str, list[PlanMention]]:
    register_extensions()
    nlp: Language = load_model()
    nlp.add_pipe("redline_plans")  # the factory registers when redline.nlp.plans is imported
    assert isinstance(nlp.get_pipe("redline_plans"), PlanFinder)
    results: dict[str, list[PlanMention]] = {}
    for path in sorted(seed_articles.glob("*.txt")):
        article = read_text_article(path, DEFAULT_MAX_BYTES, lambda _warning: None)
        assert not isinstance(article, Rejection)
        results[path.stem] = list(nlp(make_doc(nlp, article))._.plans)
    return results


@pytest.mark.slow
def test_seed_plans_are_found(
    found: dict[str, list[PlanMention]], seed_gold: Path, reference_scorer: ModuleType
) -> None:
    reference = reference_scorer
    tp = fp = fn = 0
    for stem, plans in found.items():
        gold = json.loads((seed_gold / f"{stem}.gold.json").read_text(encoding="utf-8"))["plans"]
        matched, spurious, missed, _ = reference.align(
            [{"name": p.name} for p in plans], gold,
            lambda p, g: reference.plan_names_match(p["name"], g["name"]))
        tp, fp, fn = tp + matched, fp + spurious, fn + missed
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= PLANS_F1_FLOOR, (tp, fp, fn)


@pytest.mark.slow
def test_seed_numbered_points_carry_their_issues(
    found: dict[str, list[PlanMention]], seed_gold: Path
) -> None:
    wanted = hit = 0
    for stem, plans in found.items():
        gold = json.loads((seed_gold / f"{stem}.gold.json").read_text(encoding="utf-8"))["plans"]
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


@pytest.mark.slow
def test_a_proposal_described_by_its_terms_is_named_from_them(
    found: dict[str, list[PlanMention]],
) -> None:
    # The opinion piece quotes a headline on "Trump's peace plan" and Lavrov rejecting "the
    # proposals made by representatives of the president-elect's team to postpone X and to
    # deploy Y": one US plan, named from its side and the issues of its terms.
    (plan,) = next(plans for stem, plans in found.items() if stem.startswith("001_"))
    assert plan.described and plan.pack_plan is None
    # Without the actors component "the president-elect's team" is not resolved here, and
    # the proposer is the one the other phrases name: of the US side either way.
    assert party_of(load_pack("russia-ukraine"), plan.proposer) == "us"
    assert [p.issues for p in plan.points] == [("nato_membership",), ("peacekeepers",)]
    assert plan.name == "US proposals on NATO membership and peacekeepers"
