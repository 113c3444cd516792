"""The optional ``key: value`` header of a text article, ended by a line ``---`` (GUIDE §1)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FIELD = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]?(.*)$")
_END = re.compile(r"^-{3,}[ \t]*$")
# A header longer than this is not a header: the file is all body.
MAX_HEADER_LINES = 30


@dataclass(frozen=True)
class SplitText:
    """A text split into its header fields (keys lower-cased) and its body."""

    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""
    has_header: bool = False


def split_header(text: str) -> SplitText:
    """Split a normalised text into header and body; without a valid header all is body.

    A header is one or more ``key: value`` lines at the very start, then a line of dashes.
    Anything else (a dash line after prose, a line that is not ``key: value``) means no header.
    """
    fields: dict[str, str] = {}
    position = 0
    for _ in range(MAX_HEADER_LINES + 1):
        newline = text.find("\n", position)
        line = text[position:] if newline < 0 else text[position:newline]
        if _END.match(line):
            if not fields:
                break
            body = "" if newline < 0 else text[newline + 1 :]
            return SplitText(fields=fields, body=body, has_header=True)
        match = _FIELD.match(line)
        if match is None or newline < 0:
            break
        fields[match.group(1).lower()] = match.group(2).strip()
        position = newline + 1
    return SplitText(body=text)


__all__ = ["MAX_HEADER_LINES", "SplitText", "split_header"]
