"""Hedges decide how sure the article is: stated, reported or alleged."""

from __future__ import annotations

import pytest
import spacy

from redline.nlp.status import hedge_status, load_hedge_lexicon, strongest


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russia rejected the plan, Peskov told reporters.", "stated"),
        ("Lavrov told TASS that Russia was not satisfied.", "stated"),
        ("Russia rejected the plan, three sources told the Financial Times.", "reported"),
        ("According to a leaked document, Russia wants a buffer zone.", "reported"),
        # "reportedly" says the position is known through others' reporting (guide §2.1:
        # reported), not that the article doubts it
        ("Putin has reportedly offered to halt the advance.", "reported"),
        ("Putin has apparently offered to halt the advance.", "alleged"),
        ("Rumour has it that the talks were tense.", "alleged"),
        ("The unconfirmed plan would lift sanctions, sources told the paper.", "alleged"),
        ("Waltz also allegedly said the US was ready to sign.", "alleged"),
        ("What the plan holds, according to the draft circulated last week:", "reported"),
        ("The text, a copy of which was seen by Reuters, caps the army.", "reported"),
    ],
)
def test_hedge_status(blank: spacy.language.Language, text: str, status: str) -> None:
    assert hedge_status(blank(text)[:], load_hedge_lexicon()) == status


def test_alleged_beats_reported_beats_stated() -> None:
    assert strongest("stated", "reported") == "reported"
    assert strongest("reported", "alleged", "stated") == "alleged"
    assert strongest("stated") == "stated"
