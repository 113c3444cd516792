"""Records the store returns beside the shared model: articles with their storage facts, the
outcome of adding an article, and rows of the rejected and warnings tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from redline.model import Article, Mention, Provenance

AddStatus = Literal["new", "duplicate", "version", "near_duplicate"]


@dataclass(frozen=True)
class AddResult:
    """What adding one article did. ``related`` is the article it duplicates exactly
    (``duplicate``), the earlier version (``version``) or the first-seen copy
    (``near_duplicate``); ``cluster`` is its near-duplicate cluster id."""

    status: AddStatus
    article_id: str
    cluster: str
    related: str | None = None
    similarity: float | None = None

    @property
    def added(self) -> bool:
        return self.status != "duplicate"


@dataclass(frozen=True)
class StoredArticle:
    """An article with what the store knows about it."""

    article: Article
    ingested_at: datetime
    cluster: str
    version_of: str | None = None
    duplicate_of: str | None = None
    extractor_version: str | None = None

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class StoredNote:
    """A row of the ``rejected`` or ``ingest_warnings`` table."""

    id: int
    source: str
    stage: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class SourcedMention:
    mention: Mention
    provenance: Provenance


__all__ = ["AddResult", "AddStatus", "SourcedMention", "StoredArticle", "StoredNote"]
