"""Trains the claim scorer on annotated articles: the rules' candidates of each article are
labelled by the gold claims (the stance they match, the stance the gold gives the same actor
on the same issue, or no claim), a multinomial logistic regression is fitted, and its two
thresholds and its regularisation are chosen by cross-validation over the annotated sets,
one set held out at a time, so that the figures it reports are for articles it did not see.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from redline.evaluation import Alignment, Counts, align, claim_matcher, same_actor
from redline.ingest import read_inputs
from redline.model import STANCES, Article, Claim
from redline.nlp.claim_features import Features
from redline.nlp.claim_finder import QUOTED, pair_claim
from redline.nlp.claim_scorer import CLASSES, NO_CLAIM, ClaimScorer, apply_decisions, decide
from redline.nlp.extraction import output_name
from redline.nlp.pipeline import build_pipeline, process_articles

Record = dict[str, Any]
STRICT = claim_matcher("strict")
# A threshold no probability reaches: a scorer at it never drops (or relabels) a candidate.
NEVER = 1.01
# Candidate thresholds, and the regularisation strengths tried in cross-validation.
DROP_GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, NEVER)
SWAP_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, NEVER)
L2_GRID = (0.001, 0.003, 0.01, 0.03)


@dataclass
class AnnotatedArticle:
    """The rules' candidates of one article, with the article's gold claims."""

    group: str  # the annotated set it comes from: the unit held out in cross-validation
    name: str
    gold: list[Record]
    candidates: list[tuple[Claim, Features]]
    labels: list[str] = field(default_factory=list)
    # The quoted pairs the rules left without a position, each as the claim it would make
    # (its stance a placeholder) with the claim finder's features.
    pairs: list[tuple[Claim, Features]] = field(default_factory=list)


def as_record(claim: Claim) -> Record:
    return {"actor": claim.actor, "party": claim.party, "issue": claim.issue,
            "stance": claim.stance}


def label_candidates(candidates: Sequence[Claim], gold: list[Record]) -> list[str]:
    """For each candidate: its stance when a gold claim matches it; else the stance a gold
    claim that no candidate matches gives the same actor on the same issue (the rules read
    the right position with the wrong stance); else no claim."""
    records = [as_record(c) for c in candidates]
    unmatched = [g for g in gold if not any(STRICT(r, g) for r in records)]
    labels = []
    for record in records:
        if any(STRICT(record, g) for g in gold):
            labels.append(record["stance"])
            continue
        same = [g for g in unmatched if g.get("issue") == record["issue"]
                and same_actor(record["actor"], g.get("actor", ""))]
        labels.append(same[0]["stance"] if same and same[0].get("stance") in STANCES
                      else NO_CLAIM)
    return labels


def collect(sets: Iterable[tuple[str, Path, Path]], pack: str,
            on_article: Callable[[], None] | None = None,
            pair_kinds: Sequence[str] = (QUOTED,)) -> list[AnnotatedArticle]:
    """Run the rules (without a scorer) over each set's articles and pair every article
    with its gold file ``NAME.gold.json``; articles without gold are skipped. The finder's
    pairs are kept of ``pair_kinds`` only."""
    nlp = build_pipeline(pack, scorer=False, finder=False)
    found: list[AnnotatedArticle] = []
    for group, articles_dir, gold_dir in sets:
        articles = [a for a in read_inputs([articles_dir]) if isinstance(a, Article)]
        for article, doc in process_articles(nlp, articles):
            if on_article is not None:
                on_article()
            stem = output_name(article).json.removesuffix(".json")
            gold_path = gold_dir / f"{stem}.gold.json"
            if not gold_path.is_file():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8")).get("claims", [])
            candidates = list(doc._.claim_candidates or [])
            pairs = [(pair_claim(pair, STANCES[0], "stated", None), features)
                     for pair, features in doc._.finder_pairs or []
                     if pair.kind in pair_kinds]
            labelled = AnnotatedArticle(group, stem, gold, candidates, pairs=pairs)
            labelled.labels = label_candidates([c for c, _ in candidates], gold)
            found.append(labelled)
    return found


@dataclass(frozen=True)
class Design:
    """The feature columns and the examples as a sparse matrix (a pair or candidate fires a
    few dozen of several thousand features)."""

    names: list[str]
    x: sparse.csr_matrix
    y: np.ndarray


def design(articles: list[AnnotatedArticle], names: list[str] | None = None) -> Design:
    return matrix([f for a in articles for _, f in a.candidates],
                  [label for a in articles for label in a.labels], names)


def without_group(data: Design, row_groups: np.ndarray, group: str) -> Design:
    """The examples of every set but ``group`` (``row_groups`` gives each row's set); the
    columns stay, and a column no kept row fires keeps a zero weight."""
    keep = row_groups != group
    return Design(data.names, data.x[keep], data.y[keep])


def matrix(rows: list[Features], labels: list[str], names: list[str] | None = None) -> Design:
    """Examples as a sparse matrix over the feature names (all the rows' names by default)."""
    if names is None:
        names = sorted({n for f in rows for n in f})
    column = {n: i for i, n in enumerate(names)}
    row_index: list[int] = []
    column_index: list[int] = []
    values: list[float] = []
    for r, features in enumerate(rows):
        for name, value in features.items():
            if name in column:
                row_index.append(r)
                column_index.append(column[name])
                values.append(value)
    x = sparse.csr_matrix((np.array(values, dtype=float), (row_index, column_index)),
                          shape=(len(rows), len(names)))
    y = np.array([CLASSES.index(label) for label in labels], dtype=int)
    return Design(names, x, y)


def fit(data: Design, l2: float, steps: int = 600, rate: float = 0.1) -> ClaimScorer:
    """Softmax regression with an L2 penalty, by full-batch Adam from zero weights
    (deterministic)."""
    n, d = data.x.shape
    x, x_t = data.x, data.x.T.tocsr()
    k = len(CLASSES)
    w = np.zeros((d, k))
    b = np.zeros(k)
    onehot = np.eye(k)[data.y] if n else np.zeros((0, k))
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    for step in range(1, steps + 1):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        error = (p - onehot) / max(n, 1)
        grads = (x_t @ error + 2 * l2 * w, error.sum(axis=0))
        for i, (param, grad) in enumerate(zip((w, b), grads, strict=True)):
            m, v = moments[2 * i], moments[2 * i + 1]
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad**2
            param -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    weights = {name: tuple(float(x) for x in w[i]) for i, name in enumerate(data.names)
               if np.abs(w[i]).max() >= 1e-4}
    return ClaimScorer(weights, tuple(float(x) for x in b))


def strict_alignment(claims: list[Claim], gold: list[Record]) -> Alignment:
    return align([as_record(c) for c in claims], gold, STRICT)


def counts_with(scorer: ClaimScorer | None, articles: list[AnnotatedArticle]) -> Counts:
    """Strict claim counts over the articles, with the scorer or (None) the rules alone."""
    total = Counts()
    for article in articles:
        claims = (scorer.rescore(article.candidates) if scorer is not None
                  else [c for c, _ in article.candidates])
        total.add(strict_alignment(claims, article.gold))
    return total


def with_thresholds(scorer: ClaimScorer, drop_at: float, swap_margin: float) -> ClaimScorer:
    return ClaimScorer(scorer.weights, scorer.bias, drop_at, swap_margin, scorer.classes)


# One held-out fold: the scorer fitted without it, and its articles.
Fold = tuple[ClaimScorer, list[AnnotatedArticle]]


def fold_counts(folds: list[Fold], drop_at: float, swap_margin: float) -> Counts:
    """Strict claim counts over every held-out fold, with the thresholds given."""
    total = Counts()
    for scorer, held_out in folds:
        total.add(counts_with(with_thresholds(scorer, drop_at, swap_margin), held_out))
    return total


def tune(folds: list[Fold]) -> tuple[float, float]:
    """The thresholds with the best strict F1 over all held-out folds together; each
    candidate's probabilities are computed once."""
    scored = [(a, [(c, scorer.probabilities(f)) for c, f in a.candidates])
              for scorer, held_out in folds for a in held_out]
    best = (-1.0, NEVER, NEVER)
    for drop_at in DROP_GRID:
        for swap in SWAP_GRID:
            total = Counts()
            for article, probs in scored:
                claims = apply_decisions((c, decide(p, c.stance, drop_at, swap))
                                         for c, p in probs)
                total.add(strict_alignment(claims, article.gold))
            if total.f1 > best[0] + 1e-9:
                best = (total.f1, drop_at, swap)
    return best[1], best[2]


@dataclass
class Training:
    scorer: ClaimScorer
    figures: dict[str, Any]


def train(articles: list[AnnotatedArticle], filtering: bool = False) -> Training:
    """Choose the regularisation and thresholds by leave-one-set-out cross-validation, then
    fit on every article; the figures are the cross-validated ones. Without ``filtering`` the
    scorer keeps every candidate and only gives it a confidence; the thresholds tuned are
    recorded in its figures."""
    groups = sorted({a.group for a in articles})
    if len(groups) < 2:
        raise ValueError("training needs at least two annotated sets to cross-validate")
    best: tuple[float, float, float, float] | None = None
    per_l2: dict[str, float] = {}
    fold_scorers: dict[float, list[Fold]] = {}
    everything = design(articles)
    row_groups = np.array([a.group for a in articles for _ in a.candidates])
    for l2 in L2_GRID:
        folds = []
        for group in groups:
            held_out = [a for a in articles if a.group == group]
            folds.append((fit(without_group(everything, row_groups, group), l2), held_out))
        drop_at, swap = tune(folds)
        total = fold_counts(folds, drop_at, swap)
        per_l2[str(l2)] = round(total.f1, 4)
        fold_scorers[l2] = folds
        if best is None or total.f1 > best[0] + 1e-9:
            best = (total.f1, l2, drop_at, swap)
    assert best is not None
    _, l2, drop_at, swap = best
    per_set: dict[str, Any] = {}
    rules_total, scored_total = Counts(), Counts()
    for scorer, held_out in fold_scorers[l2]:
        rules = counts_with(None, held_out)
        scored = counts_with(with_thresholds(scorer, drop_at, swap), held_out)
        per_set[held_out[0].group] = {"rules": rules.figures(), "scored": scored.figures()}
        rules_total.add(rules)
        scored_total.add(scored)
    final = fit(everything, l2)
    figures = {
        "sets": groups, "articles": len(articles), "filtering": filtering,
        "candidates": sum(len(a.candidates) for a in articles),
        "labels": {c: sum(a.labels.count(c) for a in articles) for c in CLASSES},
        "l2": l2, "drop_at": drop_at, "swap_margin": swap, "cv_f1_by_l2": per_l2,
        "cross_validated": {"rules": rules_total.figures(), "scored": scored_total.figures(),
                            "per_set": per_set},
    }
    if not filtering:
        drop_at = swap = NEVER
    return Training(ClaimScorer(final.weights, final.bias, drop_at, swap, about=figures),
                    figures)


__all__ = ["NEVER", "AnnotatedArticle", "Design", "Training", "collect", "counts_with", "fit",
           "label_candidates", "matrix", "strict_alignment", "train", "without_group"]
