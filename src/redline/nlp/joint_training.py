"""Trains the pack's claim scorer and claim finder together.

The scorer drops or relabels the rules' candidates; the finder adds positions read in the
quoted pairs the rules left without one. Each changes what the other should do (a finder that
adds many guesses wants a scorer that keeps fewer, and the other way round), so their
thresholds are chosen together: for each regularisation strength (shared by the two models),
both are fitted with each annotated set held out in turn, and the drop threshold, relabelling
margin and adding threshold are chosen on the strict F1 of the claims they leave between them
over the held-out sets. The figures reported are those cross-validated ones, next to the rules
alone and to each model alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any

import numpy as np

from redline.evaluation import Counts
from redline.model import Claim
from redline.nlp.claim_finder import QUOTED, ClaimFinder
from redline.nlp.claim_scorer import ClaimScorer, apply_decisions, decide
from redline.nlp.claim_training import (
    DROP_GRID,
    NEVER,
    AnnotatedArticle,
    design,
    fit,
    strict_alignment,
    without_group,
)
from redline.nlp.finder_training import ADD_GRID, Scored, finder_design, found_claims

L2_GRID = (0.0003, 0.001, 0.003)
SWAP_GRID = (0.0, 0.1, 0.2, 0.4, NEVER)
# Settings within this much of the best F1 are as good: the most cautious of them is taken.
TOLERANCE = 0.001


@dataclass(frozen=True)
class Thresholds:
    drop_at: float  # drop a candidate at P(no claim) >= drop_at
    swap_margin: float  # relabel one whose likeliest stance leads by this margin
    add_at: float  # add a pair at P(stance) >= add_at

    def caution(self) -> tuple[float, float, float]:
        """Higher is more cautious: fewer pairs added, fewer candidates dropped or relabelled."""
        return (self.add_at, self.drop_at, self.swap_margin)


RULES_ALONE = Thresholds(NEVER, NEVER, NEVER)


@dataclass
class HeldOut:
    """One article's probabilities from the two models fitted without its set."""

    article: AnnotatedArticle
    candidates: Scored
    pairs: Scored


def held_out(articles: list[AnnotatedArticle], l2: float) -> list[HeldOut]:
    """Every article scored by the scorer and finder fitted on the other sets."""
    candidates, pairs = design(articles), finder_design(articles)
    candidate_sets = np.array([a.group for a in articles for _ in a.candidates])
    pair_sets = np.array([a.group for a in articles for _ in a.pairs])
    found = []
    for group in sorted({a.group for a in articles}):
        scorer = fit(without_group(candidates, candidate_sets, group), l2)
        finder = fit(without_group(pairs, pair_sets, group), l2)
        found += [HeldOut(a, [(c, scorer.probabilities(f)) for c, f in a.candidates],
                          [(c, finder.probabilities(f)) for c, f in a.pairs])
                  for a in articles if a.group == group]
    return found


def kept_claims(article: HeldOut, drop_at: float, swap_margin: float) -> list[Claim]:
    """The candidates the scorer keeps, relabelled where it says so."""
    return apply_decisions((c, decide(p, c.stance, drop_at, swap_margin))
                           for c, p in article.candidates)


def claims_at(article: HeldOut, at: Thresholds) -> list[Claim]:
    """The candidates the scorer keeps with the pairs the finder adds."""
    return kept_claims(article, at.drop_at, at.swap_margin) + found_claims(article.pairs,
                                                                           at.add_at)


def counts_at(articles: list[HeldOut], at: Thresholds) -> Counts:
    return grid_counts(articles, [at])[0]


def grid_counts(articles: list[HeldOut], settings: list[Thresholds]) -> list[Counts]:
    """Strict claim counts over the articles at each setting; what the scorer keeps and what
    the finder adds are decided once per threshold of each, not once per setting."""
    kept = {(at.drop_at, at.swap_margin): [kept_claims(a, at.drop_at, at.swap_margin)
                                           for a in articles] for at in settings}
    found = {at.add_at: [found_claims(a.pairs, at.add_at) for a in articles]
             for at in settings}
    totals = []
    for at in settings:
        total = Counts()
        for i, article in enumerate(articles):
            claims = kept[at.drop_at, at.swap_margin][i] + found[at.add_at][i]
            total.add(strict_alignment(claims, article.article.gold))
        totals.append(total)
    return totals


@dataclass
class ClaimModels:
    scorer: ClaimScorer
    finder: ClaimFinder
    figures: dict[str, Any]


def _best(results: list[tuple[float, float, Thresholds]]) -> tuple[float, Thresholds]:
    """The most cautious setting within TOLERANCE of the best F1, with its L2."""
    top = max(f1 for f1, _, _ in results)
    near = [(at.caution(), l2, at) for f1, l2, at in results if f1 >= top - TOLERANCE]
    _, l2, at = max(near)
    return l2, at


def train_claim_models(articles: list[AnnotatedArticle],
                       pair_kinds: tuple[str, ...] = (QUOTED,)) -> ClaimModels:
    """Choose the regularisation and the three thresholds by leave-one-set-out
    cross-validation, then fit both models on every article. ``pair_kinds`` are the kinds of
    pair the articles were collected with, which the finder is to read."""
    groups = sorted({a.group for a in articles})
    if len(groups) < 2:
        raise ValueError("training needs at least two annotated sets to cross-validate")
    settings = [Thresholds(d, s, a) for d, s, a in product(DROP_GRID, SWAP_GRID, ADD_GRID)]
    results: list[tuple[float, float, Thresholds]] = []
    by_l2: dict[float, list[HeldOut]] = {}
    for l2 in L2_GRID:
        by_l2[l2] = held_out(articles, l2)
        results += [(counts.f1, l2, at)
                    for counts, at in zip(grid_counts(by_l2[l2], settings), settings, strict=True)]
    l2, chosen = _best(results)
    at_l2 = [r for r in results if r[1] == l2]
    scorer_alone = _best([r for r in at_l2 if r[2].add_at == NEVER])[1]
    finder_alone = _best([r for r in at_l2 if r[2].drop_at == r[2].swap_margin == NEVER])[1]
    compared = {"rules": RULES_ALONE, "scorer_alone": scorer_alone,
                "finder_alone": finder_alone, "both": chosen}
    per_set: dict[str, Any] = {}
    totals = {name: Counts() for name in compared}
    for group in groups:
        held = [h for h in by_l2[l2] if h.article.group == group]
        per_set[group] = {}
        for name, at in compared.items():
            counts = counts_at(held, at)
            per_set[group][name] = counts.figures()
            totals[name].add(counts)
    figures: dict[str, Any] = {
        "sets": groups, "articles": len(articles),
        "candidates": sum(len(a.candidates) for a in articles),
        "pairs": sum(len(a.pairs) for a in articles),
        "l2": l2, "drop_at": chosen.drop_at, "swap_margin": chosen.swap_margin,
        "add_at": chosen.add_at,
        "cv_f1_by_l2": {str(v): round(max(f1 for f1, x, _ in results if x == v), 4)
                        for v in L2_GRID},
        "alone": {"scorer": vars(scorer_alone), "finder": vars(finder_alone)},
        "cross_validated": {**{name: c.figures() for name, c in totals.items()},
                            "per_set": per_set},
    }
    scorer = fit(design(articles), l2)
    finder = fit(finder_design(articles), l2)
    return ClaimModels(
        ClaimScorer(scorer.weights, scorer.bias, chosen.drop_at, chosen.swap_margin,
                    about=figures),
        # The finder's model keeps no drop or relabel thresholds of its own.
        ClaimFinder(ClaimScorer(finder.weights, finder.bias, NEVER, NEVER, about=figures),
                    chosen.add_at, figures, pair_kinds),
        figures)


__all__ = ["ClaimModels", "HeldOut", "Thresholds", "claims_at", "held_out",
           "train_claim_models"]
