"""JSON Lines: one article per line (``text`` plus optional ``url``, ``title``, ``published``,
``source``). The file is streamed line by line, so its size is not limited, only each line's;
a bad line is rejected on its own (source ``path:LINE``) and the rest of the file lands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from redline.errors import EncodingError, InputError, MalformedError, TooLargeError
from redline.ingest.article import WarningSink, article_from_fields, log_warning
from redline.ingest.files import DEFAULT_MAX_BYTES, describe_size
from redline.ingest.normalise import normalise_text
from redline.model import Article, Rejection

_CHUNK = 1024 * 1024


def parse_json_article(line: str, origin: str, warn: WarningSink = log_warning) -> Article:
    """The Article in one JSON line; MalformedError when it is not an object with ``text``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedError(origin, f"malformed JSON: {exc.msg} at column {exc.colno}",
                             stage="parse") from exc
    if not isinstance(record, dict):
        raise MalformedError(origin, f"expected a JSON object, got {type(record).__name__}",
                             stage="parse")
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedError(origin, "missing or non-string field 'text'", stage="parse")
    return article_from_fields(
        normalise_text(text), record, origin=origin, declared_origin="jsonl", warn=warn
    )


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of at most ``max_bytes``; a longer line yields None and is skipped whole."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


def read_jsonl(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, warn: WarningSink = log_warning
) -> Iterator[Article | Rejection]:
    """Articles of a JSON Lines file, with a Rejection for each bad line; blank lines are skipped.

    Raises InputError when the file itself cannot be opened.
    """
    try:
        handle = path.open("rb")
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such file or directory", stage="read") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}", stage="read") from exc
    with handle:
        for number, raw in _lines(handle, max_bytes):
            origin = f"{path}:{number}"
            try:
                if raw is None:
                    raise TooLargeError(
                        origin, f"line is over the limit of {describe_size(max_bytes)}"
                    )
                if not raw.strip():
                    continue
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise EncodingError(origin, "line is not UTF-8", stage="decode") from exc
                yield parse_json_article(line, origin, warn)
            except InputError as exc:
                yield Rejection(exc.source, exc.stage, exc.reason)


__all__ = ["parse_json_article", "read_jsonl"]
