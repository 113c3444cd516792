"""Reading the word lists under ``nlp/resources/`` (and the pack-wide vocabularies): one place
that turns a missing, unreadable or malformed file into an error naming the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from redline.errors import RedlineError


class LexiconError(RedlineError):
    """A lexicon resource file is missing or malformed."""


def read_mapping(
    path: Path, what: str, error: Callable[[str], Exception] = LexiconError
) -> dict[str, Any]:
    """The YAML mapping in ``path``; ``error(message)`` is raised, the message starting with
    the file's path, when it cannot be read, is not YAML or is not a mapping."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
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


__all__ = ["LexiconError", "read_mapping", "string_list"]
