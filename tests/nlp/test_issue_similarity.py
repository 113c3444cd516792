"""The issue closest in words, for objects that no cue of the pack names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.nlp.issue_similarity import IssueSimilarity, normal
from redline.nlp.pipeline import load_model
from redline.packs.loader import load_pack


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def similar() -> IssueSimilarity:
    return IssueSimilarity(load_pack("russia-ukraine"))


def closest(nlp: Language, similar: IssueSimilarity, text: str) -> str | None:
    doc = nlp(text)
    return similar.closest(doc, range(len(doc)))


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("much lower ceilings on the size of its forces", "army_limits"),
        ("the fund and its critical minerals", "resources"),
        ("the plan's text and its drafts", "peace_plan"),
    ],
)
def test_words_of_one_issue_name_it(nlp: Language, similar: IssueSimilarity, text: str,
                                    issue: str) -> None:
    assert closest(nlp, similar, text) == issue


@pytest.mark.parametrize("text", ["an end to the war", "a new partnership",
                                  "Ukraine and Russia"])
def test_few_or_shared_words_name_nothing(nlp: Language, similar: IssueSimilarity,
                                          text: str) -> None:
    assert closest(nlp, similar, text) is None


def test_names_of_actors_say_nothing(similar: IssueSimilarity) -> None:
    for bag in similar.bags.values():
        assert not bag & {"ukraine", "russia", "moscow", "kremlin", "zelensky", "putin"}


def test_plural_and_singular_meet() -> None:
    assert normal("limits") == normal("limit") == "limit"
    assert normal("Guarantees") == "guarantee"
    assert normal("countries") == "country"
    assert normal("status") == "status"
