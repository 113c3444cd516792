"""The exception tree of redline. The library raises these; the CLI turns them into messages.

    RedlineError
    ├── InputError            an input could not be read or parsed (names the file and problem)
    │   ├── EncodingError     bytes that are not text in any encoding we accept
    │   ├── EmptyInputError   nothing left after normalisation
    │   ├── TooLargeError     over the configured size limit
    │   └── MalformedError    a header, JSON line or date that does not parse
    ├── PackError             a domain pack is missing or invalid (lists every problem)
    ├── ModelError            the spaCy model cannot be loaded
    └── StoreError            the database cannot be opened, migrated or written
"""

from __future__ import annotations


class RedlineError(Exception):
    """Base of every error redline raises on purpose."""


class InputError(RedlineError):
    """An input could not be read or parsed."""

    def __init__(self, source: str, reason: str, stage: str = "read") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.stage = stage


class EncodingError(InputError):
    """The bytes are not text in any encoding we accept."""


class EmptyInputError(InputError):
    """Nothing is left after normalisation."""


class TooLargeError(InputError):
    """The input is larger than the configured limit."""


class MalformedError(InputError):
    """A header, JSON line or date does not parse."""


class PackError(RedlineError):
    """A domain pack is missing or invalid."""

    def __init__(self, pack: str, problems: list[str]) -> None:
        super().__init__(f"pack {pack}: " + "; ".join(problems))
        self.pack = pack
        self.problems = problems


class ModelError(RedlineError):
    """The spaCy model cannot be loaded."""


class StoreError(RedlineError):
    """The database cannot be opened, migrated or written."""


__all__ = [
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "MalformedError",
    "ModelError",
    "PackError",
    "RedlineError",
    "StoreError",
    "TooLargeError",
]
