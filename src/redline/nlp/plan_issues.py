"""A small issue-cue matcher over the pack's ``issues[].cues`` and ``lemma_cues``, used to
tag the terms of plans. Words are compared after folding case and punctuation, so
"cease-fire" and "cease fire" match alike; where cues overlap, the longest wins.

(The claims component has its own matcher in ``redline.nlp.issues``; the two read the same
pack data and can be merged once that interface settles.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from redline.packs.schema import Pack

_WORD = re.compile(r"\w+")
# Issues that name the negotiation or the package as a whole; a term that also names a
# concrete issue is about that one.
GENERIC_ISSUES: frozenset[str] = frozenset({"peace_plan"})


@dataclass(frozen=True)
class CueHit:
    """One cue of one issue, as token offsets [start, end)."""

    issue: str
    start: int
    end: int


def _cue_words(cue: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(cue.casefold().replace("’", "'")))


class CueMatcher:
    """Finds a pack's issue cues in Docs."""

    def __init__(self, pack: Pack) -> None:
        self._surface: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._lemma: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for issue in pack.issues:
            for table, cues in ((self._surface, issue.cues), (self._lemma, issue.lemma_cues)):
                for cue in cues:
                    words = _cue_words(cue)
                    if words:
                        table.setdefault(words[0], []).append((words, issue.id))

    def find(self, doc: Doc) -> list[CueHit]:
        """Every cue in the Doc, longest first where cues overlap, in text order."""
        candidates: list[CueHit] = []
        for table, attr in ((self._surface, "text"), (self._lemma, "lemma_")):
            words: list[str] = []
            owners: list[int] = []
            for token in doc:
                for word in _WORD.findall(getattr(token, attr).casefold()):
                    words.append(word)
                    owners.append(token.i)
            for i, word in enumerate(words):
                for cue, issue in table.get(word, []):
                    if tuple(words[i : i + len(cue)]) == cue:
                        candidates.append(CueHit(issue, owners[i], owners[i + len(cue) - 1] + 1))
        taken: set[int] = set()
        kept: list[CueHit] = []
        for hit in sorted(candidates, key=lambda h: (h.start - h.end, h.start)):
            if not taken.intersection(range(hit.start, hit.end)):
                kept.append(hit)
                taken.update(range(hit.start, hit.end))
        return sorted(kept, key=lambda h: h.start)


def issues_between(hits: list[CueHit], start: int, end: int) -> tuple[str, ...]:
    """Distinct issues of the hits inside tokens [start, end), generic ones dropped when a
    concrete one is present."""
    found = list(dict.fromkeys(h.issue for h in hits if h.start >= start and h.end <= end))
    concrete = [i for i in found if i not in GENERIC_ISSUES]
    return tuple(concrete or found)
