"""Finds a pack's surface forms in a Doc with one ``PhraseMatcher`` over token norms (so
"defence"/"defense" and curly/straight apostrophes match alike), built once per pack and vocab."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from redline.nlp.actor_index import ActorIndex, Surface

# A possessive the tokenizer left glued to the name: "Trump‘s" (a left quote used as an
# apostrophe), "Moscow`s".
GLUED_POSSESSIVE = re.compile(r"^(?P<stem>.*\w)[‘`´ʼ′]s$", re.IGNORECASE)


@dataclass(frozen=True)
class RawMatch:
    """A pack phrase found in the text: token range, character range, and what it may name."""

    start: int
    end: int  # exclusive token index
    start_char: int
    end_char: int
    surfaces: tuple[Surface, ...]


class SurfaceMatcher:
    """All of one pack's surface forms, matched case-insensitively on token norms."""

    def __init__(self, index: ActorIndex, make_doc: Callable[[str], Doc]) -> None:
        self.index = index
        probe = make_doc("")
        self.matcher = PhraseMatcher(probe.vocab, attr="NORM")
        self.by_key: dict[str, list[Surface]] = {}
        # Patterns by their last norm, to finish matches that end in a glued possessive.
        self.by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        patterns: dict[str, Doc] = {}
        for surface in index.surfaces:
            pattern = make_doc(surface.phrase)
            norms = tuple(t.norm_ for t in pattern)
            if not norms:
                continue
            key = "\x1f".join(norms)
            if key not in self.by_key:
                self.by_key[key] = []
                patterns[key] = pattern
                self.by_last.setdefault(norms[-1], []).append((norms, key))
            self.by_key[key].append(surface)
        for key, pattern in patterns.items():
            self.matcher.add(key, [pattern])

    def find(self, doc: Doc) -> list[RawMatch]:
        strings = doc.vocab.strings
        found = [
            RawMatch(
                start,
                end,
                doc[start].idx,
                doc[end - 1].idx + len(doc[end - 1].text),
                tuple(self.by_key[strings[match_id]]),
            )
            for match_id, start, end in self.matcher(doc)
        ]
        found.extend(self._glued(doc))
        return found

    def _glued(self, doc: Doc) -> list[RawMatch]:
        found: list[RawMatch] = []
        for token in doc:
            if token.text[-1:] not in ("s", "S") or len(token.text) < 3:
                continue
            glued = GLUED_POSSESSIVE.match(token.text)
            if glued is None:
                continue
            stem = glued.group("stem")
            for norms, key in self.by_last.get(stem.casefold(), ()):
                first = token.i - len(norms) + 1
                if first < 0:
                    continue
                if all(doc[first + k].norm_ == norms[k] for k in range(len(norms) - 1)):
                    found.append(
                        RawMatch(
                            first,
                            token.i + 1,
                            doc[first].idx,
                            token.idx + len(stem),
                            tuple(self.by_key[key]),
                        )
                    )
        return found


@dataclass
class Draft:
    """A mention being built: token and character ranges plus the actor it resolves to."""

    start: int
    end: int  # exclusive token index
    start_char: int
    end_char: int
    actor: str
    party: str
    resolution: str
    confidence: float
    kind: str = "person"
    gender: str | None = None


def draft_text(doc: Doc, draft: Draft) -> str:
    """The text a draft covers, read from its tokens (``doc.text`` rebuilds the whole text)."""
    return doc[draft.start : draft.end].text[: draft.end_char - draft.start_char]


def published_day(doc: Doc) -> date | None:
    """The article's date as a ``date`` (a datetime or ISO string set by a caller is accepted;
    anything else counts as undated)."""
    value = doc._.published
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
