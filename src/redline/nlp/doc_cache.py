"""Per-Doc values that several components read and that never change once the Doc is parsed,
computed once and kept in ``Doc.user_data``.

``Doc.text`` is rebuilt from every token on each access; an article's text and its sentence
segments are read by the actor, quote, plan and claim components alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

T = TypeVar("T")
_PREFIX = "redline."


def cached(doc: Doc, name: str, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)``, computed on the first call for this Doc and kept for later ones."""
    key = _PREFIX + name
    if key not in doc.user_data:
        doc.user_data[key] = compute(doc)
    value: T = doc.user_data[key]
    return value


def text_of(doc: Doc) -> str:
    """The Doc's text, built once."""
    return cached(doc, "text", lambda d: d.text)


__all__ = ["cached", "text_of"]
