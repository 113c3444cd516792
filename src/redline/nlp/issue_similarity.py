"""The issue a stretch of text is closest to, by its words, when no cue of the pack names one.

Each issue is a bag of content words from its label, definition and cues. A stretch scores
the issues by the words it shares with each, weighted by how few issues use the word (a word
of every issue says nothing), and one issue is returned only when it leads clearly: "lower
limits" names no cue, but "limits" belongs to army limits alone. No model, no download: the
words are the pack's own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from redline.packs.schema import Pack

CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_WORD = re.compile(r"[a-z][a-z-]+")


def normal(word: str) -> str:
    """A crude common form for matching a definition's words with a text's lemmas: lower
    case, a plural "s" dropped ("limits" and "limit" meet)."""
    word = word.casefold().strip("'-")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(texts: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text.casefold()):
            if word not in STOP_WORDS and len(word) > 2:
                found.add(normal(word))
    return found


class IssueSimilarity:
    """Scores stretches of a Doc against the pack's issues by shared, telling words."""

    # With the 21 issues of the Russia–Ukraine pack a word of one issue weighs log 21 = 3.0,
    # so the default asks for two telling words (one alone was wrong more often than right
    # on the development sets), and for the best issue to lead the next by half again.
    def __init__(self, pack: Pack, min_score: float = 5.0, lead: float = 1.5) -> None:
        # Who is named says nothing of what is at issue ("Ukraine", "Moscow", "Zelensky").
        names = _words([text for actor in pack.actors
                        for text in (actor.name, *actor.aliases, *actor.metonyms)])
        names |= _words([text for party in pack.parties
                         for text in (party.name, *party.adjectives)])
        self.bags = {
            issue.id: _words([issue.label, issue.definition, *issue.cues, *issue.lemma_cues])
            - names
            for issue in pack.issues
        }
        count = len(self.bags) or 1
        frequency: dict[str, int] = {}
        for bag in self.bags.values():
            for word in bag:
                frequency[word] = frequency.get(word, 0) + 1
        # A word of one issue weighs log(N); a word of half of them, log(2).
        self.weights = {w: math.log(count / n) for w, n in frequency.items()}
        self.min_score = min_score
        self.lead = lead

    def scores(self, doc: Doc, tokens: Iterable[int]) -> dict[str, float]:
        words = {normal(doc[i].lemma_) for i in tokens
                 if doc[i].pos_ in CONTENT_POS and not doc[i].is_stop}
        return {
            issue: sum(self.weights[w] for w in words & bag)
            for issue, bag in self.bags.items()
        }

    def closest(self, doc: Doc, tokens: Iterable[int]) -> str | None:
        """The one issue the tokens are clearly closest to, or None."""
        ranked = sorted(self.scores(doc, tokens).items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < self.min_score:
            return None
        if len(ranked) > 1 and ranked[0][1] < self.lead * ranked[1][1]:
            return None
        return ranked[0][0]
