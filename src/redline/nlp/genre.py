"""Tells news from opinion, analysis and official readouts, from the title, the outlet's
markers and the author's own voice in the body (first person outside quotes)."""

from __future__ import annotations

import re

_OPINION_TITLE = re.compile(
    r"^\s*(?:opinion|op-ed|comment|column|editorial|view|viewpoint|letter)\s*[:|\-–—]",
    re.IGNORECASE,
)
_ANALYSIS_TITLE = re.compile(
    r"^\s*(?:analysis|explainer|explained|news analysis|fact check)\s*[:|\-–—]", re.IGNORECASE
)
_READOUT_TITLE = re.compile(
    r"\b(?:readout|read-out|joint statement|communiqu[eé])\b", re.IGNORECASE
)
_OPINION_MARKERS = re.compile(
    r"views expressed (?:here |in this article )?are (?:the author['’]s|those of the author)"
    r"|opinion piece|this column|op-ed",
    re.IGNORECASE,
)
_ANALYSIS_MARKERS = re.compile(r"\b(?:news analysis|analysis by|this analysis)\b", re.IGNORECASE)
_READOUT_MARKERS = re.compile(
    r"\b(?:the (?:two )?(?:leaders|presidents|ministers) (?:discussed|agreed|reaffirmed)"
    r"|held a (?:telephone|phone) (?:conversation|call) with)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I think|I believe|in my view|I would argue|we must|we should)\b")
_QUOTED = re.compile(r"[“\"‘][^”\"’]{0,400}[”\"’]")
# The author's own voice: this many first-person hedges outside quotes make a piece opinion.
OPINION_VOICE_MIN = 2


def detect_genre(text: str, title: str | None = None) -> str:
    """news | opinion | analysis | readout."""
    head = title or text.lstrip().split("\n", 1)[0]
    if _OPINION_TITLE.search(head) or _OPINION_MARKERS.search(text):
        return "opinion"
    if _ANALYSIS_TITLE.search(head) or _ANALYSIS_MARKERS.search(text[:2000]):
        return "analysis"
    if _READOUT_TITLE.search(head) or len(_READOUT_MARKERS.findall(text)) >= 2:
        return "readout"
    unquoted = _QUOTED.sub(" ", text)
    if len(_FIRST_PERSON.findall(unquoted)) >= OPINION_VOICE_MIN:
        return "opinion"
    return "news"
