"""Plain text articles (.txt, .md, no extension) with the optional ``key: value`` header."""

from __future__ import annotations

from pathlib import Path

from redline.ingest.article import WarningSink, log_warning, make_article
from redline.ingest.decode import decode_bytes
from redline.ingest.files import DEFAULT_MAX_BYTES, read_bytes_limited
from redline.ingest.header import split_header
from redline.ingest.normalise import normalise_text
from redline.model import Article


def parse_text_article(
    raw: str, origin: str, warn: WarningSink = log_warning
) -> Article:
    """The Article in a decoded text: header fields as metadata, the rest as body."""
    split = split_header(normalise_text(raw))
    fields = split.fields
    return make_article(
        split.body,
        origin=origin,
        url=fields.get("url"),
        title=fields.get("title"),
        source=fields.get("source"),
        published=fields.get("published"),
        declared_origin="header",
        warn=warn,
    )


def read_text_article(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, warn: WarningSink = log_warning
) -> Article:
    """Read one text article; raises an InputError subclass when it cannot land."""
    data = read_bytes_limited(path, max_bytes)
    return parse_text_article(decode_bytes(data, str(path)), str(path), warn)


__all__ = ["parse_text_article", "read_text_article"]
