"""Trains the claim finder on annotated articles (collected by ``claim_training.collect``).

Each quoted pair is labelled by the gold claims: the stance of a gold claim of the same
actor on the same issue (one whose evidence is the pair's sentence first, any other next),
or no claim. A multinomial logistic regression is fitted; its regularisation and the
probability at which a pair becomes a claim are chosen by leave-one-set-out
cross-validation, on the strict F1 of the rules' claims together with the pairs', so the
figures it reports are for articles it did not see.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from redline.evaluation import Counts, overlap_ok, same_actor
from redline.model import STANCES, Claim
from redline.nlp.claim_finder import QUOTED, ClaimFinder
from redline.nlp.claim_scorer import CLASSES, NO_CLAIM, ClaimScorer, Decision, apply_decisions
from redline.nlp.claim_training import (
    NEVER,
    AnnotatedArticle,
    Design,
    Record,
    fit,
    matrix,
    strict_alignment,
    without_group,
)

ADD_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, NEVER)
L2_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03)
TOLERANCE = 0.001


def pair_label(claim: Claim, gold: list[Record]) -> str:
    """The stance gold gives the pair's actor on its issue, from the pair's own sentence
    first; no claim when gold has none."""
    same = [g for g in gold if g.get("issue") == claim.issue and g.get("stance") in STANCES
            and same_actor(claim.actor, g.get("actor", ""))]
    here = [g for g in same if overlap_ok(g.get("evidence", ""), claim.evidence[0].text)]
    found = here or same
    return str(found[0]["stance"]) if found else NO_CLAIM


def _labels(article: AnnotatedArticle) -> list[str]:
    return [pair_label(claim, article.gold) for claim, _ in article.pairs]


def finder_design(articles: list[AnnotatedArticle]) -> Design:
    """Every quoted pair of the articles, labelled by their gold."""
    return matrix([f for a in articles for _, f in a.pairs],
                  [label for a in articles for label in _labels(a)])


# The probabilities of each pair of one article: (claim, {class: probability}).
Scored = list[tuple[Claim, dict[str, float]]]


def found_claims(scored: Scored, add_at: float) -> list[Claim]:
    """The claims of the pairs whose likeliest stance reaches ``add_at``."""
    decided = []
    for claim, probs in scored:
        best = max(STANCES, key=lambda s: probs[s])
        if probs[best] >= add_at:
            decided.append((replace(claim, stance=best), Decision(best, probs[best])))
    return apply_decisions(decided)


def claims_with(article: AnnotatedArticle, scored: Scored, add_at: float) -> list[Claim]:
    """The rules' claims with the pairs the finder adds at ``add_at``."""
    return [c for c, _ in article.candidates] + found_claims(scored, add_at)


def counts_at(scored: list[tuple[AnnotatedArticle, Scored]], add_at: float) -> Counts:
    total = Counts()
    for article, probs in scored:
        total.add(strict_alignment(claims_with(article, probs, add_at), article.gold))
    return total


@dataclass
class FinderTraining:
    finder: ClaimFinder
    figures: dict[str, Any]


def train_finder(articles: list[AnnotatedArticle],
                 pair_kinds: tuple[str, ...] = (QUOTED,)) -> FinderTraining:
    """Choose the regularisation and threshold by leave-one-set-out cross-validation, then
    fit on every article; the figures are the cross-validated ones. ``pair_kinds`` are the
    kinds of pair the articles were collected with, which the finder is to read."""
    groups = sorted({a.group for a in articles})
    if len(groups) < 2:
        raise ValueError("training needs at least two annotated sets to cross-validate")
    results: list[tuple[float, float, float]] = []  # (F1, l2, add_at), every setting tried
    folds_by_l2: dict[float, list[tuple[AnnotatedArticle, Scored]]] = {}
    per_l2: dict[str, float] = {}
    everything = finder_design(articles)
    row_groups = np.array([a.group for a in articles for _ in a.pairs])
    for l2 in L2_GRID:
        scored: list[tuple[AnnotatedArticle, Scored]] = []
        for group in groups:
            model = fit(without_group(everything, row_groups, group), l2)
            scored += [(a, [(c, model.probabilities(f)) for c, f in a.pairs])
                       for a in articles if a.group == group]
        folds_by_l2[l2] = scored
        results += [(counts_at(scored, add_at).f1, l2, add_at) for add_at in ADD_GRID]
        per_l2[str(l2)] = round(max(f1 for f1, at, _ in results if at == l2), 4)
    # The most cautious setting (fewest pairs added) within TOLERANCE of the best: gains
    # smaller than that are noise on a few hundred articles, and every pair added is a
    # guess.
    top = max(f1 for f1, _, _ in results)
    near = [(add_at, f1, l2) for f1, l2, add_at in results if f1 >= top - TOLERANCE]
    add_at, _, l2 = max(near)
    per_set: dict[str, Any] = {}
    rules_total, found_total = Counts(), Counts()
    for group in groups:
        held = [(a, s) for a, s in folds_by_l2[l2] if a.group == group]
        rules, found = counts_at(held, NEVER), counts_at(held, add_at)
        per_set[group] = {"rules": rules.figures(), "with_finder": found.figures()}
        rules_total.add(rules)
        found_total.add(found)
    labels = [CLASSES[i] for i in everything.y]
    figures = {
        "sets": groups, "articles": len(articles),
        "pairs": len(labels), "labels": {c: labels.count(c) for c in CLASSES},
        "l2": l2, "add_at": add_at, "cv_f1_by_l2": per_l2, "cv_f1_best": round(top, 4),
        "cross_validated": {"rules": rules_total.figures(), "with_finder": found_total.figures(),
                            "per_set": per_set},
    }
    model = fit(everything, l2)
    # The model's own drop and relabel thresholds are not used by the finder.
    finder_model = ClaimScorer(model.weights, model.bias, NEVER, NEVER, about=figures)
    return FinderTraining(ClaimFinder(finder_model, add_at, figures, pair_kinds), figures)


__all__ = ["ADD_GRID", "FinderTraining", "Scored", "finder_design", "found_claims", "pair_label",
           "train_finder"]
