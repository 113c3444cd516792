"""Scores predicted extractions against gold files, exactly as the reference scorer does.

The matching rules follow the annotation guide (§3): claims matched one-to-one per article at a
strict level (same actor after canonicalisation) and a party level; quotes matched by speaker
and token overlap; plans by name overlap; optional gold items dropped when unmatched; figures
micro-averaged over articles.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

Record = dict[str, Any]
Matcher = Callable[[Record, Record], bool]
FIGURES = ("claims_strict", "claims_party", "quotes_strict", "quotes_party", "plans")
PLAN_NAME_STOPWORDS = frozenset({"plan", "the", "proposal", "peace", "us"})


@lru_cache(maxsize=1 << 16)
def fold(text: str | None) -> str:
    """Lower-case, strip accents, and fold runs of white space into one space."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@lru_cache(maxsize=1 << 16)
def same_actor(a: str, b: str) -> bool:
    """Same canonical actor, allowing transliteration variants (Sergei/Sergey)."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    if len(ta) < 2 or len(tb) < 2:
        return False
    return ta[0][0] == tb[0][0] and edit_distance(ta[-1], tb[-1]) <= 1


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def overlap_ok(a: str, b: str) -> bool:
    """The two texts share at least half of the shorter one's tokens."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    pool = list(tb)
    common = 0
    for token in ta:
        if token in pool:
            pool.remove(token)
            common += 1
    return common >= 0.5 * min(len(ta), len(tb))


def claim_matcher(level: str) -> Matcher:
    def match(pred: Record, gold: Record) -> bool:
        if pred.get("issue") != gold.get("issue") or pred.get("stance") != gold.get("stance"):
            return False
        if level == "party":
            return bool(pred.get("party") == gold.get("party"))
        return same_actor(pred.get("actor", ""), gold.get("actor", ""))

    return match


def quote_matcher(level: str) -> Matcher:
    def match(pred: Record, gold: Record) -> bool:
        if level == "party":
            who = pred.get("party") == gold.get("party")
        else:
            who = same_actor(pred.get("speaker", ""), gold.get("speaker", ""))
        return who and overlap_ok(pred.get("text", ""), gold.get("text", ""))

    return match


def plan_names_match(a: str, b: str) -> bool:
    na = set(tokens(a)) - PLAN_NAME_STOPWORDS
    nb = set(tokens(b)) - PLAN_NAME_STOPWORDS
    if not na or not nb:
        return False
    return len(na & nb) / len(na | nb) >= 0.5


def dedupe_claims(claims: Iterable[Record], level: str) -> list[Record]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for claim in claims:
        who = claim.get("party") if level == "party" else fold(claim.get("actor", ""))
        key = (who, claim.get("issue"), claim.get("stance"))
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


def dedupe_gold(claims: list[Record], level: str) -> list[Record]:
    """At party level, one gold claim per key; the merged claim is required if any member is."""
    if level != "party":
        return claims
    merged: dict[tuple[Any, ...], Record] = {}
    for claim in claims:
        key = (claim.get("party"), claim.get("issue"), claim.get("stance"))
        if key not in merged or (merged[key].get("optional") and not claim.get("optional")):
            merged[key] = claim
    return list(merged.values())


@dataclass
class Alignment:
    tp: int
    fp: int
    fn: int
    pairs: list[tuple[Record, Record]]


def align(preds: list[Record], golds: list[Record], match: Matcher) -> Alignment:
    """Greedy one-to-one matching: required gold first, then optional gold."""
    required = [g for g in golds if not g.get("optional")]
    optional = [g for g in golds if g.get("optional")]
    free = list(preds)
    pairs = []
    for gold in required:
        for pred in free:
            if match(pred, gold):
                pairs.append((pred, gold))
                free.remove(pred)
                break
    for gold in optional:
        for pred in free:
            if match(pred, gold):
                free.remove(pred)
                break
    return Alignment(len(pairs), len(free), len(required) - len(pairs), pairs)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, alignment: Alignment | Counts) -> None:
        self.tp += alignment.tp
        self.fp += alignment.fp
        self.fn += alignment.fn

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    def figures(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Score:
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in FIGURES})
    status_ok: int = 0
    status_n: int = 0
    articles: int = 0

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {k: c.figures() for k, c in self.counts.items()}
        result["status_accuracy"] = (
            round(self.status_ok / self.status_n, 3) if self.status_n else None
        )
        result["articles"] = self.articles
        return result


def score_article(score: Score, gold: Record, pred: Record) -> None:
    for level in ("strict", "party"):
        claims = align(
            dedupe_claims(pred.get("claims", []), level),
            dedupe_gold(gold.get("claims", []), level),
            claim_matcher(level),
        )
        score.counts[f"claims_{level}"].add(claims)
        if level == "strict":
            for p, g in claims.pairs:
                score.status_n += 1
                score.status_ok += p.get("status") == g.get("status")
        quotes = align(pred.get("quotes", []), gold.get("quotes", []), quote_matcher(level))
        score.counts[f"quotes_{level}"].add(quotes)
    plans = align(
        pred.get("plans", []),
        gold.get("plans", []),
        lambda p, g: plan_names_match(p.get("name", ""), g.get("name", "")),
    )
    score.counts["plans"].add(plans)
    score.articles += 1


def score_dirs(gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    """Score every ``NAME.gold.json`` in gold_dir against ``NAME.json`` in pred_dir."""
    score = Score()
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold_path.name[: -len(".gold.json")]
        pred_path = Path(pred_dir) / f"{name}.json"
        pred = json.loads(pred_path.read_text(encoding="utf-8")) if pred_path.exists() else {}
        score_article(score, gold, pred)
    return score.as_dict()


def format_score(result: dict[str, Any]) -> str:
    """The same lines the reference scorer prints."""
    lines = [f"articles: {result['articles']}"]
    for key in FIGURES:
        r = result[key]
        lines.append(
            f"{key:14} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
            f"(tp {r['tp']} fp {r['fp']} fn {r['fn']})"
        )
    lines.append(f"status accuracy over strict matches: {result['status_accuracy']}")
    return "\n".join(lines)
