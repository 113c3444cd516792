"""The model loader and the tokenizer adjustments redline makes to it."""

from __future__ import annotations

import pytest

from redline.errors import ModelError
from redline.nlp.pipeline import load_model


def test_left_quote_used_as_apostrophe_is_split_off_as_a_possessive() -> None:
    nlp = load_model()
    words = [t.text for t in nlp.make_doc("Donald Trump‘s plan and Moscow`s demands")]
    assert words == ["Donald", "Trump", "‘s", "plan", "and", "Moscow", "`s", "demands"]
    assert nlp.vocab["‘s"].norm_ == "'s"


def test_opening_quote_before_a_word_is_not_split() -> None:
    nlp = load_model()
    words = [t.text for t in nlp.make_doc("‘see you,’ he said")]
    assert words[:2] == ["‘", "see"]


def test_a_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_SPACY_MODEL", "no_such_model_xyz")
    with pytest.raises(ModelError, match="no_such_model_xyz"):
        load_model()


def test_every_line_starts_a_sentence() -> None:
    from redline.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    doc = nlp(
        "Putin rejected the plan\nA tank fires at positions near the front\nHe left. Then he spoke."
    )
    starts = [sent.text.split()[0] for sent in doc.sents]
    assert starts == ["Putin", "A", "He", "Then"]


def test_a_list_item_is_one_sentence_with_its_bullet() -> None:
    from redline.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    doc = nlp("The plan says:\n- the front lines would be frozen;\n• elections would be held.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "The plan says:", "- the front lines would be frozen;", "• elections would be held."
    ]


def test_a_sentence_ending_on_a_one_letter_name_ends_there() -> None:
    from redline.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    doc = nlp("“We will not give up,” the minister wrote on X. Zelensky said the same on Monday.")
    assert [sent.text for sent in doc.sents] == [
        "“We will not give up,” the minister wrote on X.", "Zelensky said the same on Monday."]


def test_an_initial_inside_a_name_does_not_end_a_sentence() -> None:
    from redline.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    doc = nlp("The envoy met John F. Kennedy Jr. in Washington on Monday.")
    assert len(list(doc.sents)) == 1


def test_a_pronoun_opening_the_next_sentence_is_resolved() -> None:
    from redline.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    doc = nlp("Foreign Minister Dmytro Kuleba wrote on X. He added that Kyiv would not give in.")
    he = next(m for m in doc._.mentions if m.text == "He")
    assert he.actor == "Dmytro Kuleba"
