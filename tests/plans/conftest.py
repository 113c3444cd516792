"""Fixtures for the plan registry tests: a fresh SQLite store and a helper that stores an
article with the plan mentions an extractor would have found in it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from redline.model import Article, Claim, Extraction, PlanMention
from redline.store import Store, open_store

Publish = Callable[..., Article]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "plans.db")) as opened:
        yield opened


@pytest.fixture
def publish(store: Store) -> Publish:
    """Store an article (text made unique unless given) with its plans and claims."""

    def _publish(source: str, day: date | None, plans: list[PlanMention],
                 claims: list[Claim] | None = None, text: str | None = None) -> Article:
        body = text or f"{source} reports on {day}: " + " ".join(
            f"{p.name} {hashlib.sha1(f'{source}{day}{p.name}'.encode()).hexdigest()}"
            for p in plans
        ) + " " + hashlib.sha1(f"{source}{day}".encode()).hexdigest() * 8
        article = Article(id=hashlib.sha256(f"{source}|{day}|{body}".encode()).hexdigest()[:32],
                          text=body, source=source, published=day, origin=f"{source}.txt")
        store.add_article(article)
        store.save_extraction(article.id, Extraction(
            article_id=article.id, published=day, genre="news", plans=tuple(plans),
            claims=tuple(claims or ())))
        return article

    return _publish
