"""The claim scorer: how it keeps, drops and relabels candidates, its file, the labels it is
trained on, and the fit on examples small enough to check by hand."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from redline.errors import PackError
from redline.model import Article, Claim, TextSpan
from redline.nlp.claim_scorer import (
    CLASSES,
    SCORER_FILE,
    ClaimScorer,
    load_scorer,
    scorer_from_json,
    scorer_text,
)
from redline.nlp.claim_training import AnnotatedArticle, design, fit, label_candidates, train
from redline.nlp.pipeline import build_pipeline, make_doc
from redline.packs.loader import resolve_pack_dir

ONE = TextSpan(0, 30, "Kyiv demanded a full ceasefire.")
TWO = TextSpan(40, 80, "Kyiv later proposed a full ceasefire.")


def claim(stance: str, evidence: TextSpan = ONE, actor: str = "Ukraine") -> Claim:
    return Claim(actor, "ukraine", "ceasefire", stance, "stated", (evidence,))


def one_hot_scorer(**rows: tuple[float, ...]) -> ClaimScorer:
    """A scorer whose feature ``name`` adds ``rows[name]`` to the class scores."""
    return ClaimScorer({n: r for n, r in rows.items()}, (0.0,) * len(CLASSES),
                       drop_at=0.5, swap_margin=0.2)


# Class order: propose, demand, accept, reject, threaten, none.
DEMAND = (0.0, 5.0, 0.0, 0.0, 0.0, 0.0)
NOTHING = (0.0, 0.0, 0.0, 0.0, 0.0, 5.0)
UNSURE = (2.0, 2.2, 0.0, 0.0, 0.0, 0.0)


def test_probabilities_are_a_distribution_over_the_stances_and_no_claim() -> None:
    probs = one_hot_scorer(a=DEMAND).probabilities({"a": 1.0, "unknown": 1.0})
    assert set(probs) == set(CLASSES)
    assert sum(probs.values()) == pytest.approx(1.0)
    assert max(probs, key=probs.__getitem__) == "demand"


def test_a_candidate_likeliest_to_be_no_claim_is_dropped() -> None:
    assert one_hot_scorer(n=NOTHING).decide("propose", {"n": 1.0}).stance is None


def test_a_clearly_likelier_stance_relabels_and_a_close_one_does_not() -> None:
    scorer = one_hot_scorer(d=DEMAND, u=UNSURE)
    assert scorer.decide("propose", {"d": 1.0}).stance == "demand"
    assert scorer.decide("propose", {"u": 1.0}).stance == "propose"


def test_rescoring_merges_candidates_relabelled_into_one_claim() -> None:
    scorer = one_hot_scorer(d=DEMAND, n=NOTHING)
    claims = scorer.rescore([(claim("demand"), {"d": 1.0}),
                             (claim("propose", TWO), {"d": 1.0}),
                             (claim("accept", TWO, "Russia"), {"n": 1.0})])
    assert len(claims) == 1
    assert claims[0].stance == "demand"
    assert claims[0].evidence == (ONE, TWO)
    assert 0.9 < claims[0].confidence <= 1.0  # the scorer's probability, not the rule's


def test_the_scorer_file_reads_back_as_the_same_scorer(tmp_path: Path) -> None:
    scorer = one_hot_scorer(d=DEMAND, n=NOTHING)
    (tmp_path / SCORER_FILE).write_text(scorer_text(scorer), encoding="utf-8")
    assert load_scorer(tmp_path) == ClaimScorer(scorer.weights, scorer.bias, 0.5, 0.2,
                                                about={})


def test_a_pack_without_a_scorer_has_none(tmp_path: Path) -> None:
    assert load_scorer(tmp_path) is None


@pytest.mark.parametrize("content, problem", [
    ("{not json", "cannot read"),
    ("[1, 2]", "expected a JSON object"),
    ('{"format": 9}', "unknown format"),
])
def test_a_broken_scorer_file_names_the_file_and_the_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    (tmp_path / SCORER_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_scorer(tmp_path)
    assert SCORER_FILE in str(caught.value) and problem in str(caught.value)


def test_weight_rows_must_have_one_value_per_class() -> None:
    data = one_hot_scorer(d=DEMAND).to_json()
    data["weights"]["d"] = [1.0, 2.0]
    with pytest.raises(PackError, match="one per class"):
        scorer_from_json(data)


def test_labels_are_the_matched_stance_the_gold_stance_of_the_same_position_or_none() -> None:
    gold = [
        {"actor": "Ukraine", "party": "ukraine", "issue": "ceasefire", "stance": "accept"},
        {"actor": "Russia", "party": "russia", "issue": "sanctions", "stance": "demand"},
    ]
    candidates = [
        claim("accept"),  # matches
        Claim("Russia", "russia", "sanctions", "propose", "stated", (ONE,)),  # wrong stance
        Claim("Russia", "russia", "ceasefire", "reject", "stated", (ONE,)),  # not in gold
        claim("demand"),  # the gold position of Ukraine on the ceasefire is already matched
    ]
    assert label_candidates(candidates, gold) == ["accept", "demand", "none", "none"]


def article(group: str, rows: list[tuple[str, str]]) -> AnnotatedArticle:
    """An article whose candidates carry one feature each and the label given."""
    found = AnnotatedArticle(group, f"{group}-a", [], [])
    for feature, label in rows:
        found.candidates.append((claim("propose"), {feature: 1.0}))
        found.labels.append(label)
    return found


def test_the_fit_learns_which_feature_goes_with_which_class() -> None:
    data = design([article("x", [("a", "demand")] * 5 + [("b", "none")] * 5)])
    scorer = fit(data, l2=0.001)
    assert max(scorer.probabilities({"a": 1.0}).items(), key=lambda kv: kv[1])[0] == "demand"
    assert scorer.probabilities({"b": 1.0})["none"] > 0.8


def test_training_needs_two_sets_to_cross_validate() -> None:
    with pytest.raises(ValueError, match="two annotated sets"):
        train([article("x", [("a", "demand")])])


def test_training_reports_cross_validated_figures_per_held_out_set() -> None:
    gold = [{"actor": "Ukraine", "party": "ukraine", "issue": "ceasefire", "stance": "propose"}]
    sets = []
    for group in ("x", "y"):
        item = article(group, [("good", "propose"), ("bad", "none")])
        item.candidates[1] = (claim("reject"), {"bad": 1.0})
        item.gold = gold
        sets.append(item)
    training = train(sets, filtering=True)
    figures = training.figures["cross_validated"]
    assert set(figures["per_set"]) == {"x", "y"}
    assert figures["rules"]["fp"] == 2  # the two rejects
    assert figures["scored"]["fp"] == 0 and figures["scored"]["tp"] == 2
    assert training.scorer.drop_at < 1.0
    # Without filtering the same thresholds are recorded, and the scorer keeps everything.
    scoring_only = train(sets).scorer
    assert scoring_only.about is not None and scoring_only.about["drop_at"] < 1.0
    rules = [c for c, _ in sets[0].candidates]
    assert [c.stance for c in scoring_only.rescore(sets[0].candidates)] == [
        c.stance for c in rules]


def test_the_pipeline_keeps_the_rules_candidates_beside_the_scored_claims() -> None:
    text = ("Ukraine said on Tuesday it was ready to accept a 30-day ceasefire proposed by the "
            "United States. Russia rejected the proposal.")
    article_ = Article(id="t", text=text, published=date(2025, 3, 12))
    rules = build_pipeline(scorer=False)
    doc = rules(make_doc(rules, article_))
    assert [c for c, _ in doc._.claim_candidates] == doc._.claims
    assert all(f"rule:{c.stance}" in f for c, f in doc._.claim_candidates)
    scored = build_pipeline()
    doc = scored(make_doc(scored, article_))
    kept = {(c.actor, c.issue) for c in doc._.claims}
    assert kept <= {(c.actor, c.issue) for c, _ in doc._.claim_candidates}


def test_the_built_in_pack_scorer_says_what_it_was_trained_on() -> None:
    scorer = load_scorer(resolve_pack_dir("russia-ukraine"))
    assert scorer is not None and scorer.about is not None
    assert scorer.about["sets"] and not any(s.startswith("heldout") for s in scorer.about["sets"])
    data = json.loads((resolve_pack_dir("russia-ukraine") / SCORER_FILE).read_text())
    assert set(data["classes"]) == set(CLASSES)
