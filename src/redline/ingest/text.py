"""Plain text articles (.txt, .md, no extension) with the optional ``key: value`` header."""

from __future__ import annotations

from pathlib import Path

from redline.ingest.article import WarningSink, article_from_fields, log_warning
from redline.ingest.files import DEFAULT_MAX_BYTES, read_text_limited
from redline.ingest.header import split_header
from redline.ingest.normalise import normalise_text
from redline.model import Article


def parse_text_article(
    raw: str, origin: str, warn: WarningSink = log_warning
) -> Article:
    """The Article in a decoded text: header fields as metadata, the rest as body."""
    split = split_header(normalise_text(raw))
    return article_from_fields(
        split.body, split.fields, origin=origin, declared_origin="header", warn=warn
    )


def read_text_article(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, warn: WarningSink = log_warning
) -> Article:
    """Read one text article; raises an InputError subclass when it cannot land."""
    return parse_text_article(read_text_limited(path, max_bytes), str(path), warn)


__all__ = ["parse_text_article", "read_text_article"]
