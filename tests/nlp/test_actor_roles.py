"""Broad role words ("the diplomat", "the official") that refer back to a person introduced
with a narrower title, and the lexicon entries that say which roles they cover."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest
from spacy.language import Language

from redline.model import Article
from redline.nlp.actor_lexicon import load_lexicon, parse_lexicon
from redline.nlp.pipeline import build_pipeline, make_doc


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return build_pipeline("russia-ukraine")


def _resolved(text: str, phrase: str) -> str | None:
    article = Article(id="r", text=text, published=date(2025, 5, 14), source="test")
    doc = _nlp()(make_doc(_nlp(), article))
    at = text.rindex(phrase)
    found = [m for m in doc._.mentions if m.start == at and m.text.lower() == phrase.lower()]
    return found[0].actor if found else None


def test_superset_reaches_the_groups_of_the_roles_it_covers() -> None:
    lexicon = parse_lexicon(
        {
            "role_groups": [["spokesman", "spokeswoman"], ["ambassador"], ["tycoon"]],
            "role_supersets": {"diplomat": ["spokesman", "ambassador"]},
        }
    )
    assert lexicon.reference_groups("diplomat") == frozenset({0, 1})
    assert lexicon.reference_groups("spokeswoman") == frozenset({0})
    assert "diplomat" in lexicon.role_words


def test_the_shipped_lexicon_lets_an_official_be_any_office_holder() -> None:
    lexicon = load_lexicon()
    assert lexicon.role_groups_of("minister") <= lexicon.reference_groups("official")
    assert lexicon.role_groups_of("tycoon").isdisjoint(lexicon.reference_groups("official"))


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        (
            "Maria Zakharova, the foreign ministry spokeswoman, spoke on Thursday. The diplomat "
            "said Europe wanted war.",
            "The diplomat",
            "Maria Zakharova",
        ),
        (
            "Rustem Umerov, Ukraine's defence minister, arrived in Istanbul. The official said "
            "Kyiv was ready to talk.",
            "The official",
            "Rustem Umerov",
        ),
        (
            "Senator Lindsey Graham introduced the bill. Putin is playing Trump for a fool, the "
            "Republican said.",
            "the Republican",
            "Lindsey Graham",
        ),
    ],
)
def test_broad_role_word_resolves_to_the_titled_person(text: str, phrase: str, actor: str) -> None:
    assert _resolved(text, phrase) == actor


def test_broad_role_word_used_for_someone_unnamed_is_not_a_named_person() -> None:
    text = (
        "A senior official said the talks were hard. Rustem Umerov was in Kyiv. The official "
        "said more rounds would follow."
    )
    assert _resolved(text, "The official") is None


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        ("The Kremlin mouthpiece rejected the plan.", "The Kremlin mouthpiece", "Dmitry Peskov"),
        ("The British PM rejected the plan.", "The British PM", "Keir Starmer"),
        ("Britain's premier rejected the plan.", "Britain's premier", "Keir Starmer"),
    ],
)
def test_a_synonym_of_the_role_word_finds_the_title_holder(
    text: str, phrase: str, actor: str
) -> None:
    assert _resolved(text, phrase) == actor


def test_a_pronoun_after_an_unplaced_title_subject_does_not_take_the_object() -> None:
    text = (
        "The Prime Minister said that the coalition would not be intimidated by President Putin. "
        "He said the pressure would go on."
    )
    assert _resolved(text, "He") is None


def test_a_pronoun_after_a_placed_title_subject_takes_that_person() -> None:
    text = (
        "Keir Starmer met allies in London. The Prime Minister said that the coalition would not "
        "be intimidated by President Putin. He said the pressure would go on."
    )
    assert _resolved(text, "He") == "Keir Starmer"


@pytest.mark.parametrize("name", ["PM", "Prime Minister", "the President", "Kremlin"])
def test_bare_titles_are_told_from_names(name: str) -> None:
    assert load_lexicon().is_bare_title(name) is (name != "Kremlin")


def test_a_title_is_never_a_person_of_its_own() -> None:
    article = Article(
        id="b",
        text="The Prime Minister met the President. The PM said talks would go on.",
        published=None,
        source="test",
    )
    doc = _nlp()(make_doc(_nlp(), article))
    assert not [m for m in doc._.mentions if load_lexicon().is_bare_title(m.actor)]


def test_the_diplomat_reaches_back_past_several_sentences_to_the_spokeswoman() -> None:
    text = (
        "Foreign Ministry spokeswoman Maria Zakharova said Moscow had no reply from Kyiv.\n\n"
        "The talks in Istanbul ended after two hours. Both sides agreed to swap prisoners. The "
        "next round has no date. Turkey offered to host it again.\n\n"
        "Kyiv was playing for time, the diplomat stressed."
    )
    assert _resolved(text, "the diplomat") == "Maria Zakharova"


def test_the_diplomat_stays_unnamed_after_an_unnamed_diplomat() -> None:
    text = (
        "A European diplomat said the talks were going nowhere. The talks in Istanbul ended "
        "after two hours. Both sides agreed to swap prisoners. Maria Zakharova, the foreign "
        "ministry spokeswoman, blamed Kyiv. Kyiv was playing for time, the diplomat stressed."
    )
    assert _resolved(text, "the diplomat") is None


def test_bare_title_in_a_readout_is_the_publishing_office_s_principal() -> None:
    text = "The Prime Minister hosted a call with NATO Secretary General Mark Rutte. " \
           "The Prime Minister said a ceasefire was needed."
    article = Article(id="r", text=text, published=date(2025, 3, 15),
                      source="Prime Minister's Office, 10 Downing Street")
    doc = _nlp()(make_doc(_nlp(), article))
    found = [m.actor for m in doc._.mentions if m.text == "The Prime Minister"]
    assert found == ["Keir Starmer", "Keir Starmer"]
    elsewhere = Article(id="r", text=text, published=date(2025, 3, 15), source="Reuters")
    doc = _nlp()(make_doc(_nlp(), elsewhere))
    assert "Keir Starmer" not in {m.actor for m in doc._.mentions}
