"""Reading the word lists under ``nlp/resources/`` (and the pack-wide vocabularies): one place
that turns a missing, unreadable or malformed file into an error naming the file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from redline.errors import RedlineError


class LexiconError(RedlineError):
    """A lexicon resource file is missing or malformed."""


_BOOL = "tag:yaml.org,2002:bool"


class WordListLoader(yaml.SafeLoader):
    """YAML as word lists need it: only true/false are booleans (YAML 1.2). Under YAML 1.1's
    rules the words "no", "on", "off", "yes" in a list would silently become booleans."""


WordListLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordListLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_mapping(
    path: Path, what: str, error: Callable[[str], Exception] = LexiconError
) -> dict[str, Any]:
    """The YAML mapping in ``path``; ``error(message)`` is raised, the message starting with
    the file's path, when it cannot be read, is not YAML or is not a mapping."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=WordListLoader)
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.__class__.__name__})") from exc
    except yaml.YAMLError as exc:
        raise error(f"{path}: {what} is not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise error(f"{path}: top level must be a mapping")
    return data


def string_list(data: dict[str, Any], key: str, path: Path) -> list[str]:
    """``data[key]`` as stripped strings; a LexiconError naming the file when it is not a
    list of strings."""
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{path}: '{key}' must be a list of strings")
    return [v.strip() for v in value]


__all__ = ["LexiconError", "WordListLoader", "read_mapping", "string_list"]
