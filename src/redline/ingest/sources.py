"""Dispatch of input paths to their readers by file extension, through folders recursively.

Every input either becomes an Article or a Rejection: nothing raises out of ``read_inputs``,
and nothing is dropped silently (hidden files and folders, whose names start with a dot,
are skipped on purpose when walking a folder).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from redline.errors import InputError
from redline.ingest.article import WarningSink, log_warning
from redline.ingest.files import DEFAULT_MAX_BYTES
from redline.ingest.html import read_html_article
from redline.ingest.jsonl import read_jsonl
from redline.ingest.text import read_text_article
from redline.model import Article, Rejection

Reader = Callable[[Path, int, WarningSink], Iterable[Article | Rejection]]


def _single(read: Callable[[Path, int, WarningSink], Article]) -> Reader:
    return lambda path, max_bytes, warn: (read(path, max_bytes, warn),)


READERS: dict[str, Reader] = {
    ".txt": _single(read_text_article),
    ".md": _single(read_text_article),
    "": _single(read_text_article),
    ".html": _single(read_html_article),
    ".htm": _single(read_html_article),
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}


def is_supported(path: Path) -> bool:
    """True when ``path`` has an extension some reader takes."""
    return path.suffix.lower() in READERS


def walk_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, in a stable order, hidden entries skipped."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, warn: WarningSink = log_warning
) -> Iterator[Article | Rejection]:
    """Articles and rejections from one file; never raises."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield Rejection(str(path), "read", f"unsupported file type {path.suffix!r}")
        return
    try:
        yield from reader(path, max_bytes, warn)
    except InputError as exc:
        yield Rejection(exc.source, exc.stage, exc.reason)
    except Exception as exc:  # a bug on one input must not stop the batch
        yield Rejection(str(path), "read", f"unexpected {exc.__class__.__name__}: {exc}")


def read_inputs(
    paths: Iterable[Path | str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    warn: WarningSink = log_warning,
) -> Iterator[Article | Rejection]:
    """Articles and rejections from files and folders (recursively), in a stable order.

    A missing path is a Rejection (stage ``read``), like any other input that cannot land.
    """
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            for file in walk_files(path):
                yield from read_file(file, max_bytes, warn)
        elif path.exists():
            yield from read_file(path, max_bytes, warn)
        else:
            yield Rejection(str(path), "read", "no such file or directory")


__all__ = ["READERS", "is_supported", "read_file", "read_inputs", "walk_files"]
