"""Ingestion: files, folders and JSON Lines in, normalised ``Article`` records (or a
``Rejection`` saying why not) out. One module per source kind; ``read_inputs`` dispatches."""

from __future__ import annotations

from redline.ingest.article import article_id, make_article
from redline.ingest.files import DEFAULT_MAX_BYTES
from redline.ingest.normalise import normalise_text
from redline.ingest.sources import is_supported, read_file, read_inputs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "article_id",
    "is_supported",
    "make_article",
    "normalise_text",
    "read_file",
    "read_inputs",
]
