"""Claims of a text of our own under the whole pipeline with the built-in pack, as (actor,
issue, stance) triples; the pipeline is built once per test session. These are the rules'
claims (no claim scorer, no claim finder): the tests that use them check how the rules read a
sentence, and the scorer and the finder have tests of their own."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from spacy.language import Language

from redline.model import Article
from redline.nlp.pipeline import build_pipeline, make_doc


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return build_pipeline("russia-ukraine", scorer=False, finder=False)


def claims(text: str, published: date = date(2025, 11, 24)) -> set[tuple[str, str, str]]:
    article = Article(id="t", text=text, published=published, source="test")
    doc = _nlp()(make_doc(_nlp(), article))
    return {(c.actor, c.issue, c.stance) for c in doc._.claims}
