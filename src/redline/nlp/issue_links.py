"""Issue cues made of two words that the parse ties together rather than the word order:
"cap its army", "the army would be capped", "the size of Ukraine's armed forces", "the
fighting must stop". A phrase list would need every determiner, possessive and voice; a
linked cue names the two words once (pack data: ``linked_cues``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from redline.packs.schema import Pack

# How far apart, in tokens, two linked words may stand.
MAX_GAP = 8


@dataclass(frozen=True)
class _Word:
    """A lemma, with the lemmas that must be among its dependants ("armed force")."""

    lemma: str
    modifiers: tuple[str, ...] = ()

    @classmethod
    def parse(cls, entry: str) -> _Word:
        *modifiers, lemma = entry.lower().split()
        return cls(lemma, tuple(modifiers))

    def fits(self, token: Token) -> bool:
        if self.lemma not in (token.lemma_.lower(), token.lower_):
            return False
        dependants = {w for c in token.children for w in (c.lemma_.lower(), c.lower_)}
        return all(m in dependants for m in self.modifiers)


@dataclass(frozen=True)
class _Link:
    issue: str
    words: tuple[_Word, ...]
    linked: tuple[_Word, ...]


def _neighbours(token: Token) -> Iterator[Token]:
    """The tokens one arc away, and those one preposition away ("limits on the army")."""
    for child in token.children:
        yield child
        if child.pos_ == "ADP":
            yield from child.children
    if token.head is not token:
        yield token.head
        if token.head.pos_ == "ADP" and token.head.head is not token.head:
            yield token.head.head


class LinkedCueMatcher:
    """Finds a pack's linked cues in a parsed Doc, as (issue, start, end) token spans."""

    def __init__(self, pack: Pack) -> None:
        self.links = [
            _Link(issue.id, tuple(_Word.parse(w) for w in cue.words),
                  tuple(_Word.parse(w) for w in cue.linked))
            for issue in pack.issues for cue in issue.linked_cues
        ]
        # each link under the words that may start it, so a token meets only its own links
        self.by_word: dict[str, list[int]] = {}
        for n, link in enumerate(self.links):
            for word in {w.lemma for w in link.words}:
                self.by_word.setdefault(word, []).append(n)

    def find(self, doc: Doc) -> list[tuple[str, int, int]]:
        if not self.links or not doc.has_annotation("DEP"):
            return []
        found: list[tuple[str, int, int]] = []
        for token in doc:
            lemma, lower = token.lemma_.lower(), token.lower_
            numbers = self.by_word.get(lemma, [])
            if lower != lemma:
                numbers = sorted({*numbers, *self.by_word.get(lower, ())})
            for link in (self.links[n] for n in numbers):
                if not any(w.fits(token) for w in link.words):
                    continue
                partner = next((n for n in _neighbours(token)
                                if abs(n.i - token.i) <= MAX_GAP
                                and any(w.fits(n) for w in link.linked)), None)
                if partner is not None:
                    found.append((link.issue, min(token.i, partner.i), max(token.i, partner.i) + 1))
        return found
