"""The ``redline_quotes`` spaCy component and its lexicon file."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from redline.model import Article
from redline.nlp.extensions import register_extensions
from redline.nlp.pipeline import build_pipeline, load_model, make_doc
from redline.nlp.quote_lexicon import LexiconError, load_speech_lexicon
from redline.nlp.quotes import QuotesComponent, extract_quotes


def test_factory_is_registered() -> None:
    assert Language.has_factory("redline_quotes")


def test_component_runs_without_the_actors_component() -> None:
    register_extensions()
    nlp = load_model()
    nlp.add_pipe("redline_quotes", config={"pack": "russia-ukraine"})
    doc = nlp("“We will keep talking to everyone who wants peace,” the minister said.")
    quotes = doc._.quotes
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].text == "We will keep talking to everyone who wants peace,"
    assert quotes[0].cue == "said"


def test_component_sets_an_empty_list_when_nothing_is_quoted() -> None:
    register_extensions()
    nlp = load_model()
    doc = QuotesComponent("russia-ukraine")(nlp("Talks resumed on Monday in Geneva."))
    assert doc._.quotes == []


def test_broken_lexicon_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "speech.yaml"
    bad.write_text("verbs: say\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"speech\.yaml"):
        load_speech_lexicon(bad)


def test_missing_lexicon_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_speech_lexicon(tmp_path / "absent.yaml")


@pytest.mark.slow
def test_end_to_end_through_the_pipeline_with_the_pack() -> None:
    nlp = build_pipeline()
    text = (
        "The Kremlin rejected the proposal on Tuesday.\n"
        "“There can be no talk of a ceasefire on these terms,” Kremlin spokesman Dmitry Peskov "
        "told reporters.\n"
        "“We have said this many times before,” he added.\n"
    )
    article = Article(id="t", text=text, published=date(2025, 3, 1))
    doc = nlp(make_doc(nlp, article))
    direct = [(q.speaker, q.party) for q in doc._.quotes if q.kind == "direct"]
    assert direct == [("Dmitry Peskov", "russia"), ("Dmitry Peskov", "russia")]


def _speakers(text: str) -> list[str]:
    nlp = build_pipeline()
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published=date(2025, 3, 1))))
    return [q.speaker for q in doc._.quotes if q.kind == "direct"]


def test_a_name_written_surname_first_is_shortened_to_its_first_word() -> None:
    text = ("Chinese Foreign Minister Wang Yi met European envoys in Munich on Monday. “The most "
            "urgent task is to achieve a ceasefire as early as possible,” Minister Wang said.")
    assert _speakers(text) == ["Wang Yi"]


def test_a_surname_after_a_name_taken_for_an_organisation_is_that_person() -> None:
    # the small model labels "Matteo Bruni" an organisation here
    text = ("The Vatican's spokesman, Matteo Bruni, spoke later. Bruni said the Pope hoped for "
            "“a diplomatic solution for a just and lasting peace”.")
    assert _speakers(text) == ["Matteo Bruni"]


def test_a_courtesy_title_and_surname_take_the_full_name_of_the_byline() -> None:
    text = ("By Tomasz Wielgosz and Anna-Lena Bräuer\n\n"
            "The draft treaty of 2022 was published last week.\n\n"
            "“The draft shows a Russia that wanted a disarmed Ukraine,” said Dr Wielgosz.")
    assert _speakers(text) == ["Tomasz Wielgosz"]


def test_the_role_word_goes_to_the_one_whose_title_it_is() -> None:
    text = ("After the meeting, Starmer said Vladimir Putin had shown he was not serious about "
            "peace.\n“Putin’s actions have shown that he is the barrier to peace. He continues "
            "to bomb children,” he said.\n“We need to go further now to take Russian oil and "
            "gas off the global market,” the prime minister said.")
    assert _speakers(text)[-1] == "Keir Starmer"


_WORDS = ["said", "he", "she", "Putin", "the", "official", "told", "reporters", "we", "will"]
_PIECES = [*_WORDS, ",", ".", ":", "\n", "\n\n", "‘", "’", "“", "”", '"', "'", "«", "»", "—"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_extracts_without_error(pieces: list[str]) -> None:
    register_extensions()
    nlp = _model()
    text = " ".join(pieces)
    doc = nlp(text)
    doc._.mentions = []
    for quote in extract_quotes(doc):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert quote.kind in ("direct", "indirect", "fragment")


@lru_cache(maxsize=1)
def _model() -> Language:
    return load_model()


def test_a_pack_surname_that_begins_a_strangers_name_is_a_first_name() -> None:
    text = ("“Nobody here is ready to give up land for a pause,” pollster Anton Melnychuk said "
            "on Friday.")
    assert _speakers(text) == ["Anton Melnychuk"]


def test_a_hyphenated_name_keeps_its_hyphens() -> None:
    text = ("“A frozen war is a war that can restart at any time,” "
            "Hans-Peter Berger-Lindqvist told reporters.")
    assert _speakers(text) == ["Hans-Peter Berger-Lindqvist"]


def test_a_surname_label_above_the_full_name_is_that_person() -> None:
    text = ("• Austin: “We will not walk away from Ukraine”\n\n"
            "The US defence secretary, Lloyd Austin, spoke by video link on Wednesday.")
    assert _speakers(text) == ["Lloyd Austin"]
