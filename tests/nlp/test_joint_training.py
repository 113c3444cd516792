"""The claim scorer and claim finder trained together: one cross-validation chooses the
scorer's drop and relabel thresholds and the finder's adding threshold."""

from __future__ import annotations

import pytest

from redline.model import Claim, TextSpan
from redline.nlp.claim_scorer import CLASSES
from redline.nlp.claim_training import NEVER, AnnotatedArticle, label_candidates
from redline.nlp.joint_training import (
    RULES_ALONE,
    HeldOut,
    Thresholds,
    claims_at,
    train_claim_models,
)

CANDIDATE = TextSpan(0, 31, "Kyiv proposed a full ceasefire.")
QUOTED = TextSpan(40, 84, "“Sanctions relief comes first,” Lavrov said.")
GOLD = [{"actor": "Ukraine", "party": "ukraine", "issue": "ceasefire", "stance": "propose"},
        {"actor": "Sergey Lavrov", "party": "russia", "issue": "sanctions", "stance": "demand"}]


def candidate(stance: str) -> Claim:
    return Claim("Ukraine", "ukraine", "ceasefire", stance, "stated", (CANDIDATE,))


def quoted_pair() -> Claim:
    return Claim("Sergey Lavrov", "russia", "sanctions", "propose", "stated", (QUOTED,))


def article(group: str, i: int) -> AnnotatedArticle:
    """The rules read one right position and one wrong one (a word the scorer can learn to
    drop); a quoted pair carries the word of the position the rules missed, another noise."""
    candidates = [(candidate("propose"), {"rule=good": 1.0}),
                  (candidate("reject"), {"rule=bad": 1.0})]
    pairs = [(quoted_pair(), {"w=demand": 1.0}),
             (Claim("Sergey Lavrov", "russia", "ceasefire", "propose", "stated", (QUOTED,)),
              {"w=noise": 1.0})]
    found = AnnotatedArticle(group, f"{group}{i}", GOLD, candidates, pairs=pairs)
    found.labels = label_candidates([c for c, _ in candidates], GOLD)
    return found


def test_both_models_tuned_together_beat_either_alone() -> None:
    models = train_claim_models([article(g, i) for g in ("x", "y") for i in range(6)])
    cross = models.figures["cross_validated"]
    assert cross["rules"]["fp"] == 12 and cross["rules"]["fn"] == 12
    assert cross["scorer_alone"]["fp"] == 0 and cross["scorer_alone"]["fn"] == 12
    assert cross["finder_alone"]["fn"] == 0 and cross["finder_alone"]["fp"] == 12
    assert cross["both"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 24, "fp": 0,
                             "fn": 0}
    assert set(cross["per_set"]) == {"x", "y"}
    # The models written carry the thresholds chosen, and drop, relabel and add with them.
    assert min(models.scorer.drop_at, models.scorer.swap_margin) < NEVER
    assert models.finder.add_at < NEVER
    assert [c.stance for c in models.scorer.rescore(article("z", 0).candidates)] == ["propose"]
    assert models.finder.stance_of({"w=demand": 1.0}).stance == "demand"
    assert models.finder.stance_of({"w=noise": 1.0}).stance is None


def probabilities(likeliest: str) -> dict[str, float]:
    return {c: 0.95 if c == likeliest else 0.01 for c in CLASSES}


def test_the_rules_alone_setting_keeps_every_candidate_and_adds_no_pair() -> None:
    held = HeldOut(article("x", 0), [(candidate("reject"), probabilities("none"))],
                   [(quoted_pair(), probabilities("demand"))])
    assert [c.stance for c in claims_at(held, RULES_ALONE)] == ["reject"]
    both = claims_at(held, Thresholds(drop_at=0.5, swap_margin=NEVER, add_at=0.5))
    assert [(c.actor, c.stance) for c in both] == [("Sergey Lavrov", "demand")]


def test_training_needs_two_sets() -> None:
    with pytest.raises(ValueError, match="two annotated sets"):
        train_claim_models([article("x", 0)])
