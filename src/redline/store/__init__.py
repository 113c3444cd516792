"""The store: articles, rejections and extracted records in SQL (SQLAlchemy Core; SQLite by
default, written so PostgreSQL can follow). Library first: the CLI sits on top.

    store = open_store("redline.db")
    store.add_article(article)            # -> AddResult(status="new" | "duplicate" | ...)
    store.save_extraction(article.id, extraction)
    store.read_claims(actor="Vladimir Putin", issue="ceasefire")
"""

from __future__ import annotations

from redline.store.database import (
    AmbiguousIdError,
    ArticleNotFoundError,
    Store,
    open_store,
)
from redline.store.records import AddResult, SourcedMention, StoredArticle, StoredNote
from redline.store.url import resolve_db_url

__all__ = [
    "AddResult",
    "AmbiguousIdError",
    "ArticleNotFoundError",
    "SourcedMention",
    "Store",
    "StoredArticle",
    "StoredNote",
    "open_store",
    "resolve_db_url",
]
