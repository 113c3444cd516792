"""The general English lexicon used to resolve references to actors (pronouns, role nouns,
collective heads), read from ``nlp/resources/pronouns.yaml``; no domain facts live here."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from redline.errors import PackError
from redline.nlp.resource_files import read_mapping

RESOURCE = Path(__file__).parent / "resources" / "pronouns.yaml"


@dataclass(frozen=True)
class PronounSense:
    """What a pronoun can stand for: a gender (or any) and the actor kinds allowed."""

    gender: str  # male | female | any
    kinds: frozenset[str]
    same_sentence: bool = False  # only resolved to an antecedent in its own sentence


@dataclass(frozen=True)
class ActorLexicon:
    pronouns: dict[str, PronounSense]
    role_groups: tuple[frozenset[str], ...]
    specific_roles: frozenset[str]
    collective_heads: frozenset[str]
    title_blockers: frozenset[str]
    title_fillers: frozenset[str]
    place_prepositions: frozenset[str]
    motion_verbs: frozenset[str]
    group_nouns: dict[str, str]
    group_links: frozenset[str]
    proxy_plurals: frozenset[str] = frozenset()
    place_object_verbs: frozenset[str] = frozenset()
    unnamed_heads: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    document_verbs: frozenset[str] = frozenset()
    expletive_heads: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()  # "Mr", "Ms", "Sir": not a first name
    # Broader role word -> narrower role words it also covers ("diplomat" -> "spokesman").
    role_supersets: dict[str, frozenset[str]] = field(default_factory=dict)
    role_genders: dict[str, str] = field(default_factory=dict)  # "spokeswoman" -> female
    # The role groups' words in the file's order, the usual word of each group first.
    role_lists: tuple[tuple[str, ...], ...] = ()
    role_words: frozenset[str] = frozenset()  # every word of every role group or superset

    def __post_init__(self) -> None:
        words = frozenset(word for group in self.role_groups for word in group)
        object.__setattr__(self, "role_words", words | frozenset(self.role_supersets))

    def is_bare_title(self, name: str) -> bool:
        """ "PM", "Prime Minister", "the President": words of a role, not anyone's name."""
        words = name.casefold().replace("'s", " ").split()
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                chunk = " ".join(words[i : i + size])
                if chunk in self.role_words or (size == 1 and chunk in self.title_fillers):
                    i += size
                    break
            else:
                return False
        return bool(words)

    def reference_groups(self, word: str) -> frozenset[int]:
        """The role groups a description with ``word`` may refer to: its own and, for a broad
        word ("the diplomat", "the official"), those of the narrower roles it covers."""
        groups = set(self.role_groups_of(word))
        for narrower in self.role_supersets.get(word, frozenset()):
            groups |= self.role_groups_of(narrower)
        return frozenset(groups)

    def role_groups_of(self, word: str) -> frozenset[int]:
        """Indices of the role groups a word belongs to ("tycoon" -> the business group)."""
        return frozenset(i for i, group in enumerate(self.role_groups) if word in group)

    def roles_in(self, phrase: str) -> frozenset[int]:
        """Role groups named in a phrase, longest words first ("Ukrainian head of state" ->
        the president group only, not "head")."""
        words = phrase.casefold().replace("'s", " ").split()
        found: set[int] = set()
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                groups = self.role_groups_of(" ".join(words[i : i + size]))
                if groups:
                    found |= groups
                    i += size
                    break
            else:
                i += 1
        return frozenset(found)


def _words(raw: Any, key: str) -> frozenset[str]:
    values = raw.get(key) or []
    if not isinstance(values, list):
        raise PackError(str(RESOURCE), [f"{key}: expected a list"])
    return frozenset(str(v).casefold() for v in values)


def parse_lexicon(raw: dict[str, Any]) -> ActorLexicon:
    pronouns = {
        str(word).casefold(): PronounSense(
            gender=str(sense.get("gender", "any")),
            kinds=frozenset(sense.get("kinds", ["person"])),
            same_sentence=bool(sense.get("same_sentence", False)),
        )
        for word, sense in (raw.get("pronouns") or {}).items()
    }
    groups = tuple(
        frozenset(str(w).casefold() for w in group) for group in raw.get("role_groups") or []
    )
    return ActorLexicon(
        pronouns=pronouns,
        role_groups=groups,
        specific_roles=_words(raw, "specific_roles"),
        collective_heads=_words(raw, "collective_heads"),
        title_blockers=_words(raw, "title_blockers"),
        title_fillers=_words(raw, "title_fillers"),
        place_prepositions=_words(raw, "place_prepositions"),
        motion_verbs=_words(raw, "motion_verbs"),
        group_nouns={str(k).casefold(): str(v) for k, v in (raw.get("group_nouns") or {}).items()},
        group_links=_words(raw, "group_links"),
        proxy_plurals=_words(raw, "proxy_plurals"),
        place_object_verbs=_words(raw, "place_object_verbs"),
        unnamed_heads=_words(raw, "unnamed_heads"),
        document_nouns=_words(raw, "document_nouns"),
        document_verbs=_words(raw, "document_verbs"),
        expletive_heads=_words(raw, "expletive_heads"),
        honorifics=_words(raw, "honorifics"),
        role_lists=tuple(tuple(str(w).casefold() for w in g) for g in raw.get("role_groups") or []),
        role_genders={
            str(w).casefold(): str(gender)
            for gender, words in (raw.get("gendered_roles") or {}).items()
            for w in words or []
        },
        role_supersets={
            str(k).casefold(): frozenset(str(w).casefold() for w in v or [])
            for k, v in (raw.get("role_supersets") or {}).items()
        },
    )


@lru_cache(maxsize=1)
def load_lexicon() -> ActorLexicon:
    def error(message: str) -> PackError:
        return PackError(str(RESOURCE), [message])

    return parse_lexicon(read_mapping(RESOURCE, "actor lexicon", error))
