"""Loads the general English lexicon of speech (``resources/speech.yaml``) used to find quotes.

The lexicon holds speech verbs, source phrases, the head nouns of unnamed speakers and of
documents, and pronouns: general English only, so the same rules serve any pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from redline.nlp.resource_files import LexiconError, read_mapping

SPEECH_FILE = Path(__file__).parent / "resources" / "speech.yaml"
_LIST_KEYS = (
    "verbs",
    "document_verbs",
    "continuing_verbs",
    "question_verbs",
    "source_phrases",
    "unnamed_heads",
    "unnamed_determiners",
    "document_heads",
    "non_affiliation_preps",
    "elisions",
)
# Lists added later: a lexicon file without them still loads, with the lists empty.
_OPTIONAL_KEYS = ("colon_frame_verbs", "statement_nouns")


@dataclass(frozen=True)
class SpeechLexicon:
    """Word lists for quote attribution, all lower-cased."""

    verbs: frozenset[str]
    document_verbs: frozenset[str]
    continuing_verbs: frozenset[str]
    question_verbs: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]  # each phrase as a tuple of words
    unnamed_heads: frozenset[str]
    unnamed_determiners: frozenset[str]
    document_heads: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> male | female | plural | self | thing
    non_affiliation_preps: frozenset[str]
    elisions: frozenset[str]
    colon_frame_verbs: frozenset[str] = frozenset()
    statement_nouns: frozenset[str] = frozenset()

    def is_speech_lemma(self, lemma: str) -> bool:
        return lemma.lower() in self.verbs


def _words(value: object, key: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{path}: '{key}' must be a list of strings")
    return [v.strip().lower() for v in value]


@lru_cache(maxsize=4)
def load_speech_lexicon(path: Path = SPEECH_FILE) -> SpeechLexicon:
    """Read and check the lexicon; raises LexiconError naming the file and the problem."""
    data = read_mapping(path, "speech lexicon")
    missing = [k for k in (*_LIST_KEYS, "pronouns") if k not in data]
    if missing:
        raise LexiconError(f"{path}: missing keys {', '.join(missing)}")
    lists = {key: _words(data[key], key, path) for key in _LIST_KEYS}
    lists.update({key: _words(data.get(key) or [], key, path) for key in _OPTIONAL_KEYS})
    pronouns = data["pronouns"]
    if not isinstance(pronouns, dict):
        raise LexiconError(f"{path}: 'pronouns' must be a mapping of pronoun to kind")
    return SpeechLexicon(
        verbs=frozenset(lists["verbs"]),
        document_verbs=frozenset(lists["document_verbs"]),
        continuing_verbs=frozenset(lists["continuing_verbs"]),
        question_verbs=frozenset(lists["question_verbs"]),
        source_phrases=tuple(tuple(p.split()) for p in lists["source_phrases"]),
        unnamed_heads=frozenset(lists["unnamed_heads"]),
        unnamed_determiners=frozenset(lists["unnamed_determiners"]),
        document_heads=frozenset(lists["document_heads"]),
        pronouns={str(k).lower(): str(v).lower() for k, v in pronouns.items()},
        non_affiliation_preps=frozenset(lists["non_affiliation_preps"]),
        elisions=frozenset(lists["elisions"]),
        colon_frame_verbs=frozenset(lists["colon_frame_verbs"]),
        statement_nouns=frozenset(lists["statement_nouns"]),
    )
