"""Quality gate for quotes: the whole pipeline over the seed articles, scored against the gold
files with the reference scorer. Floors are pinned below; raise them as the extractor improves.

Skips when the shared folder (``../shared`` beside the checkout) is not there.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from redline.model import Article, Quote
from redline.nlp.pipeline import build_pipeline, make_doc

# Measured 0.935 / 0.935 (strict / party) when these were pinned.
FLOORS = {"quotes_strict": 0.90, "quotes_party": 0.92}

pytestmark = pytest.mark.slow


def _article(path: Path) -> Article:
    header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    published = fields.get("published", "unknown")
    day = date.fromisoformat(published) if published != "unknown" else None
    return Article(id=path.stem, text=body, published=day, source=fields.get("source"))


def _gold_quotes(quotes: list[Quote]) -> list[dict[str, Any]]:
    return [
        {"speaker": q.speaker, "party": q.party, "text": q.text}
        for q in quotes
        if q.kind == "direct" and len(q.text.split()) >= 5
    ]


@pytest.fixture(scope="module")
def scores(
    tmp_path_factory: pytest.TempPathFactory,
    seed_articles: Path,
    seed_gold: Path,
    reference_scorer: ModuleType,
) -> dict[str, Any]:
    nlp = build_pipeline()
    out = tmp_path_factory.mktemp("quote_predictions")
    for path in sorted(seed_articles.glob("*.txt")):
        article = _article(path)
        doc = nlp(make_doc(nlp, article))
        for quote in doc._.quotes:
            # Every record points into the article (a quote split by its cue starts the same).
            assert article.text[quote.start : quote.end].startswith(quote.text[:20])
        record = {"article": path.name, "quotes": _gold_quotes(doc._.quotes)}
        (out / f"{path.stem}.json").write_text(json.dumps(record), encoding="utf-8")
    result, _ = reference_scorer.score(str(seed_gold), str(out))
    return dict(result)


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_quote_f1_stays_above_its_floor(scores: dict[str, Any], figure: str) -> None:
    assert scores[figure]["f1"] >= FLOORS[figure], scores[figure]
