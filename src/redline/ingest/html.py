"""HTML articles: main text and metadata (title, date, url, site name) through trafilatura."""

from __future__ import annotations

from pathlib import Path

from redline.errors import EmptyInputError
from redline.ingest.article import WarningSink, log_warning, make_article
from redline.ingest.files import DEFAULT_MAX_BYTES, read_text_limited
from redline.ingest.normalise import normalise_text
from redline.model import Article


def parse_html_article(html: str, origin: str, warn: WarningSink = log_warning) -> Article:
    """The Article in an HTML page; EmptyInputError when trafilatura finds no main text."""
    import trafilatura  # imported on first use: it is slow to import and often not needed

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        raise EmptyInputError(origin, "no main text found in the HTML page", stage="parse")
    return make_article(
        normalise_text(text),
        origin=origin,
        url=getattr(document, "url", None),
        title=getattr(document, "title", None),
        source=getattr(document, "sitename", None) or getattr(document, "hostname", None),
        published=getattr(document, "date", None),
        declared_origin="html",
        warn=warn,
    )


def read_html_article(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, warn: WarningSink = log_warning
) -> Article:
    """Read one HTML article; raises an InputError subclass when it cannot land."""
    return parse_html_article(read_text_limited(path, max_bytes), str(path), warn)


__all__ = ["parse_html_article", "read_html_article"]
