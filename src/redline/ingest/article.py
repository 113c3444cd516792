"""Turns a normalised body and its metadata into an ``Article`` with a content-derived id and
an honest publication date (declared, from a dateline, or unknown: never guessed)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping
from datetime import date

from redline.errors import EmptyInputError, MalformedError
from redline.ingest.normalise import UNKNOWN_MARKERS, normalise_field
from redline.ingest.published import find_dateline, parse_declared_date
from redline.model import Article, DateOrigin, Rejection

# Receives notes about inputs that landed with a caveat (an unparseable date, say).
WarningSink = Callable[[Rejection], None]
ID_LENGTH = 16

_log = logging.getLogger("redline.ingest")


def log_warning(warning: Rejection) -> None:
    """The default warning sink: the ``redline.ingest`` logger."""
    _log.warning("%s (%s): %s", warning.source, warning.stage, warning.reason)


def article_id(text: str, url: str | None) -> str:
    """A stable short id from the normalised text and url: the same article gets the same id."""
    digest = hashlib.sha256()
    digest.update(text.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update((url or "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:ID_LENGTH]


def _resolve_date(
    declared: object, body: str, declared_origin: DateOrigin, origin: str, warn: WarningSink
) -> tuple[date | None, DateOrigin]:
    if isinstance(declared, date):
        return declared, declared_origin
    text = normalise_field(declared) if declared is not None else None
    if text is not None and text.casefold() not in UNKNOWN_MARKERS:
        try:
            return parse_declared_date(text, origin), declared_origin
        except MalformedError as exc:
            warn(Rejection(origin, "parse", f"{exc.reason}; stored as unknown"))
            return None, "unknown"
    dateline = find_dateline(body)
    if dateline.published is not None:
        return dateline.published, "dateline"
    if dateline.note:
        warn(Rejection(origin, "parse", dateline.note))
    return None, "unknown"


def make_article(
    body: str,
    *,
    origin: str,
    url: object = None,
    title: object = None,
    source: object = None,
    published: object = None,
    declared_origin: DateOrigin = "header",
    warn: WarningSink = log_warning,
) -> Article:
    """Build the Article for a normalised ``body``; raise EmptyInputError when it is blank."""
    text = body.strip()
    if not text:
        raise EmptyInputError(origin, "empty after normalisation", stage="normalise")
    clean_url = normalise_field(url)
    when, date_origin = _resolve_date(published, text, declared_origin, origin, warn)
    return Article(
        id=article_id(text, clean_url),
        text=text,
        title=normalise_field(title),
        url=clean_url,
        published=when,
        source=normalise_field(source),
        origin=origin,
        date_origin=date_origin,
    )


def article_from_fields(
    body: str,
    fields: Mapping[str, object],
    *,
    origin: str,
    declared_origin: DateOrigin,
    warn: WarningSink = log_warning,
) -> Article:
    """``make_article`` with the metadata (url, title, source, published) read from named
    fields, as a text header or a JSON object gives them; a missing field is None."""
    return make_article(
        body,
        origin=origin,
        url=fields.get("url"),
        title=fields.get("title"),
        source=fields.get("source"),
        published=fields.get("published"),
        declared_origin=declared_origin,
        warn=warn,
    )


__all__ = [
    "ID_LENGTH",
    "WarningSink",
    "article_from_fields",
    "article_id",
    "log_warning",
    "make_article",
]
