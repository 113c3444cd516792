"""Runs the redline pipeline over articles and turns each processed Doc into an Extraction.

Also converts an Extraction to the gold schema of the annotation guide (the output of
``redline extract``). One article that breaks the pipeline is returned as a Rejection; the
rest of the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path, PurePath
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from redline import EXTRACTOR_VERSION
from redline.ingest import read_inputs
from redline.model import Article, Extraction, Rejection
from redline.nlp.pipeline import build_pipeline, make_doc

# The guide counts direct quotations of at least five words; shorter ones are fragments.
MIN_QUOTE_WORDS = 5


def build_extraction(article: Article, doc: Doc) -> Extraction:
    """Collect what the components set on the Doc into one record."""
    return Extraction(
        article_id=article.id,
        published=article.published,
        genre=doc._.genre or "news",
        mentions=tuple(doc._.mentions or ()),
        quotes=tuple(doc._.quotes or ()),
        claims=tuple(doc._.claims or ()),
        plans=tuple(doc._.plans or ()),
        extractor_version=EXTRACTOR_VERSION,
    )


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _process_one(nlp: Language, article: Article) -> Extraction | Rejection:
    try:
        return build_extraction(article, nlp(make_doc(nlp, article)))
    except Exception as exc:  # one bad document never stops the batch
        origin = article.origin or article.id
        return Rejection(origin, "extract", f"{exc.__class__.__name__}: {exc}")


def extract_articles(
    articles: Iterable[Article],
    pack: str = "russia-ukraine",
    nlp: Language | None = None,
    batch_size: int = 16,
    scorer: bool = True,
    finder: bool = True,
) -> Iterator[tuple[Article, Extraction | Rejection]]:
    """Extract mentions, quotes, plans and claims from each article, in input order."""
    nlp = nlp or build_pipeline(pack, scorer=scorer, finder=finder)
    for batch in _batches(articles, batch_size):
        try:
            docs = list(nlp.pipe(make_doc(nlp, a) for a in batch))
        except Exception:
            # Find the culprit: run the batch again one article at a time.
            for article in batch:
                yield article, _process_one(nlp, article)
            continue
        for article, doc in zip(batch, docs, strict=True):
            yield article, build_extraction(article, doc)


@dataclass(frozen=True)
class OutputName:
    article: str  # the gold file's "article" field: the input file name
    json: str  # the output file name: NAME.json


def output_name(article: Article) -> OutputName:
    """``NAME.EXT`` gives ``NAME.json``; line N of ``NAME.jsonl`` gives ``NAME-N.json``."""
    origin = article.origin or article.id
    path, _, line = (
        origin.rpartition(":") if origin.rsplit(":", 1)[-1].isdigit() else (origin, "", "")
    )
    name = PurePath(path).name
    stem = PurePath(path).stem
    if line:
        return OutputName(article=f"{name}:{line}", json=f"{stem}-{line}.json")
    return OutputName(article=name, json=f"{stem}.json")


@dataclass
class ExtractSummary:
    written: list[Path]
    rejections: list[Rejection]


def write_gold_files(
    paths: Iterable[Path | str],
    out: Path,
    pack: str = "russia-ukraine",
    on_article: Callable[[], None] | None = None,
    scorer: bool = True,
    finder: bool = True,
) -> ExtractSummary:
    """Extract every article under ``paths`` into ``out/NAME.json`` (gold schema)."""
    out.mkdir(parents=True, exist_ok=True)
    articles: list[Article] = []
    summary = ExtractSummary([], [])
    for item in read_inputs(paths):
        if isinstance(item, Rejection):
            summary.rejections.append(item)
        else:
            articles.append(item)
    for article, result in extract_articles(articles, pack=pack, scorer=scorer,
                                              finder=finder):
        if on_article:
            on_article()
        if isinstance(result, Rejection):
            summary.rejections.append(result)
            continue
        name = output_name(article)
        target = out / name.json
        record = to_gold_dict(result, article_name=name.article)
        target.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
        summary.written.append(target)
    return summary


def to_gold_dict(extraction: Extraction, article_name: str) -> dict[str, Any]:
    """The extraction in the gold schema of the annotation guide (§2)."""
    claims = []
    for claim in extraction.claims:
        record: dict[str, Any] = {
            "actor": claim.actor,
            "party": claim.party,
            "issue": claim.issue,
            "stance": claim.stance,
            "status": claim.status,
            "evidence": claim.evidence[0].text if claim.evidence else "",
        }
        if claim.plan:
            record["plan"] = claim.plan
        if claim.statement_date:
            record["date"] = claim.statement_date.isoformat()
        claims.append(record)
    quotes = [
        {"speaker": q.speaker, "party": q.party, "text": q.text}
        for q in extraction.quotes
        # A quote whose speaker we could not tell stays in the store but is not a gold quote.
        if q.kind == "direct" and q.speaker and len(q.text.split()) >= MIN_QUOTE_WORDS
    ]
    plans = [
        {
            "name": plan.name,
            "proposer": plan.proposer,
            "points": [{"n": p.n, "issues": list(p.issues), "text": p.text} for p in plan.points],
        }
        for plan in extraction.plans
    ]
    return {
        "article": article_name,
        "published": extraction.published.isoformat() if extraction.published else "unknown",
        "genre": extraction.genre,
        "claims": claims,
        "quotes": quotes,
        "plans": plans,
        "extractor_version": extraction.extractor_version,
    }
