"""Extraction throughput and memory, next to plain spaCy over the same texts.

A deterministic corpus of a few hundred articles is built from the seed articles
(``../shared/corpus/seeds``) and the dev articles in ``tests/quality/dev``: each copy gets
its paragraphs rotated and a numbered dateline, so no two texts are identical. We time the
full redline pipeline (actors, quotes, plans, claims) and the bare spaCy model over the same
texts in the same run, and report the ratio. Not a test: run it by hand.

    .venv/bin/python benchmarks/bench_extract.py [--articles 300] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import sys
import time
from datetime import date
from pathlib import Path

from redline.model import Article
from redline.nlp.pipeline import build_pipeline, load_model, make_doc

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    ROOT.parent / "shared" / "corpus" / "seeds",
    ROOT / "tests" / "quality" / "dev" / "articles",
)
RESULTS = ROOT / "benchmarks" / "results" / "extract.json"


def _body(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    _head, sep, body = raw.partition("\n---\n")
    return body if sep else raw


def build_corpus(size: int) -> list[Article]:
    texts = [_body(p) for src in SOURCES if src.is_dir() for p in sorted(src.glob("*.txt"))]
    if not texts:
        raise SystemExit("no source articles found (need ../shared or tests/quality/dev)")
    corpus: list[Article] = []
    for i in range(size):
        paragraphs = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        shift = (i // len(texts)) % max(1, len(paragraphs))
        rotated = paragraphs[shift:] + paragraphs[:shift]
        text = f"DATELINE {i} -\n" + "\n".join(rotated)
        corpus.append(Article(id=f"bench{i:05d}", text=text, published=date(2025, 3, 13)))
    return corpus


def peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def time_full(articles: list[Article]) -> tuple[float, int, int]:
    nlp = build_pipeline()
    start = time.perf_counter()
    tokens = claims = 0
    for doc in nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=16):
        tokens += len(doc)
        claims += len(doc._.claims or ())
    return time.perf_counter() - start, tokens, claims


def time_plain(articles: list[Article]) -> float:
    nlp = load_model()
    start = time.perf_counter()
    for _doc in nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    return time.perf_counter() - start


def profile_claims(articles: list[Article]) -> str:
    """Where the redline components spend their time (the model parse excluded)."""
    nlp = build_pipeline()
    docs = []
    with nlp.select_pipes(disable=["redline_actors", "redline_quotes", "redline_plans",
                                   "redline_claims"]):
        docs = [nlp(make_doc(nlp, a)) for a in articles]
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in docs:
        for name in ("redline_actors", "redline_quotes", "redline_plans", "redline_claims"):
            nlp.get_pipe(name)(doc)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    articles = build_corpus(args.articles)
    build_pipeline()  # load outside the timed region
    full_s, tokens, claims = time_full(articles)
    plain_s = time_plain(articles)
    result = {
        "articles": len(articles),
        "tokens": tokens,
        "claims": claims,
        "full_seconds": round(full_s, 3),
        "plain_spacy_seconds": round(plain_s, 3),
        "full_articles_per_s": round(len(articles) / full_s, 1),
        "full_tokens_per_s": round(tokens / full_s),
        "plain_articles_per_s": round(len(articles) / plain_s, 1),
        "overhead_ratio": round(full_s / plain_s, 2),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    if args.profile:
        print(profile_claims(articles[: min(60, len(articles))]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
