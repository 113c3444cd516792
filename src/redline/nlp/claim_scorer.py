"""The claim scorer: a multinomial logistic regression, trained on a pack's annotated
articles, that reads the rules' candidate claims (``claim_features``) and says for each how
likely it is to be each stance or no claim at all.

The rules propose, the scorer disposes: a candidate the scorer finds most likely to be no
claim is dropped, one it finds clearly more likely to be another stance is relabelled, and
every kept claim gets the scorer's probability as its confidence. A pack without a scorer
file keeps the rules' claims as they are.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from redline.errors import PackError
from redline.model import STANCES, Claim
from redline.nlp.claim_features import Features
from redline.nlp.status import RANK

SCORER_FILE = "claim_scorer.json"
NO_CLAIM = "none"
CLASSES: tuple[str, ...] = (*STANCES, NO_CLAIM)
FORMAT = 1


@dataclass(frozen=True)
class Decision:
    """What the scorer makes of one candidate."""

    stance: str | None  # the stance kept, or None when the candidate is dropped
    confidence: float


@dataclass(frozen=True)
class ClaimScorer:
    """Weights per feature and class, and the two thresholds tuned on held-out folds."""

    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]
    drop_at: float = 0.5  # P(no claim) at or above which a candidate is dropped
    swap_margin: float = 0.2  # how much likelier another stance must be to relabel
    classes: tuple[str, ...] = CLASSES
    about: dict[str, Any] | None = None  # what it was trained on, and its figures

    def probabilities(self, features: Features) -> dict[str, float]:
        scores = list(self.bias)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def decide(self, stance: str, features: Features) -> Decision:
        return decide(self.probabilities(features), stance, self.drop_at, self.swap_margin)

    def rescore(self, scored: Iterable[tuple[Claim, Features]]) -> list[Claim]:
        """The claims the scorer keeps, relabelled where it says so, merged again so that
        each (actor, issue, stance) is one claim."""
        return apply_decisions([(c, self.decide(c.stance, f)) for c, f in scored])

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "classes": list(self.classes),
            "drop_at": self.drop_at,
            "swap_margin": self.swap_margin,
            "bias": [round(b, 4) for b in self.bias],
            "weights": {n: [round(w, 4) for w in row] for n, row in sorted(self.weights.items())},
            "about": self.about or {},
        }


def decide(probs: dict[str, float], stance: str, drop_at: float, swap_margin: float
           ) -> Decision:
    """Drop a candidate likeliest to be no claim, relabel one clearly likelier to be another
    stance, keep the rest."""
    if probs[NO_CLAIM] >= drop_at:
        return Decision(None, probs[NO_CLAIM])
    best = max(STANCES, key=lambda s: probs[s])
    if best != stance and probs[best] - probs[stance] >= swap_margin:
        return Decision(best, probs[best])
    return Decision(stance, probs[stance])


def apply_decisions(decided: Iterable[tuple[Claim, Decision]]) -> list[Claim]:
    """The kept claims with their decided stance and confidence, one per (actor, issue,
    stance), in order of first evidence."""
    kept: dict[tuple[str, str, str], Claim] = {}
    for claim, decision in decided:
        if decision.stance is None:
            continue
        new = replace(claim, stance=decision.stance, confidence=round(decision.confidence, 3))
        key = (new.actor.casefold(), new.issue, new.stance)
        kept[key] = _merge(kept[key], new) if key in kept else new
    return sorted(kept.values(), key=lambda c: c.evidence[0].start)


def scorer_text(scorer: ClaimScorer) -> str:
    """The scorer file: JSON with one line per feature, so a retrained scorer diffs by line."""
    return model_text(scorer.to_json())


def model_text(data: dict[str, Any]) -> str:
    """A model's JSON with its ``weights`` last, one line per feature."""
    data = dict(data)
    weights = data.pop("weights")
    head = json.dumps(data, indent=1)[:-2]  # without the closing brace
    rows = ",\n".join(f"  {json.dumps(name)}: {json.dumps(row)}" for name, row in weights.items())
    return f'{head},\n "weights": {{\n{rows}\n }}\n}}\n'


def _merge(one: Claim, other: Claim) -> Claim:
    """Two candidates that the scorer made one (actor, issue, stance)."""
    evidence = tuple(dict.fromkeys((*one.evidence, *other.evidence)))
    return replace(
        one, evidence=tuple(sorted(evidence, key=lambda e: e.start)),
        status=min(one.status, other.status, key=lambda s: RANK.get(s, 0)),
        plan=one.plan or other.plan, confidence=max(one.confidence, other.confidence),
        statement_date=one.statement_date or other.statement_date,
    )


def scorer_from_json(data: dict[str, Any], origin: str = "claim scorer") -> ClaimScorer:
    """Read a scorer file's content; a malformed one is a PackError naming the file."""
    try:
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown format {data.get('format')!r} (expected {FORMAT})")
        classes = tuple(data["classes"])
        if set(classes) != set(CLASSES):
            raise ValueError(f"classes {classes} are not {CLASSES}")
        width = len(classes)
        weights = {str(n): tuple(float(w) for w in row) for n, row in data["weights"].items()}
        bias = tuple(float(b) for b in data["bias"])
        if len(bias) != width or any(len(row) != width for row in weights.values()):
            raise ValueError(f"every weight row needs {width} values, one per class")
        return ClaimScorer(weights, bias, float(data["drop_at"]), float(data["swap_margin"]),
                           classes, dict(data.get("about") or {}))
    except (KeyError, TypeError, ValueError) as exc:
        raise PackError(origin, [f"not a claim scorer: {exc}"]) from exc


def load_scorer(pack_dir: Path) -> ClaimScorer | None:
    """The pack's claim scorer, or None when the pack has none."""
    data = read_model_file(pack_dir / SCORER_FILE, "claim scorer")
    return None if data is None else scorer_from_json(data, str(pack_dir / SCORER_FILE))


def read_model_file(path: Path, what: str) -> dict[str, Any] | None:
    """A pack's model file as a JSON object, or None when there is none; one that cannot be
    read or is no object is a PackError naming the file."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackError(str(path), [f"cannot read the {what}: {exc}"]) from exc
    if not isinstance(data, dict):
        raise PackError(str(path), [f"not a {what}: expected a JSON object"])
    return data


__all__ = ["CLASSES", "NO_CLAIM", "SCORER_FILE", "ClaimScorer", "Decision", "apply_decisions",
           "decide", "load_scorer", "model_text", "read_model_file", "scorer_from_json",
           "scorer_text"]
