"""Quote-mark classification and pairing on small texts of every published style."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline.nlp.quote_lexicon import load_speech_lexicon
from redline.nlp.quote_marks import QUOTE_MARKS, classify_mark, pair_quotes, paragraphs

ELISIONS = load_speech_lexicon().elisions


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in pair_quotes(text, ELISIONS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will not retreat from here” today.", ["we will not retreat from here"]),
        ("She said ‘the door is open to talks’ again.", ["the door is open to talks"]),
        ('They said "the talks are over for now" later.', ["the talks are over for now"]),
        ("He said 'the talks are over for now' later.", ["the talks are over for now"]),
        ("Er sagte „wir bleiben hier bis zum Ende“ gestern.", ["wir bleiben hier bis zum Ende"]),
        ("Il a dit « nous ne partirons jamais d'ici » hier.", ["nous ne partirons jamais d'ici"]),
    ],
)
def test_every_mark_style_pairs(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_letters_on_both_sides_make_an_apostrophe() -> None:
    text = "Biden‘s envoy said: ‘We don’t accept the minister’s terms,’ and left."
    assert quoted(text) == ["We don’t accept the minister’s terms,"]


def test_closing_with_the_wrong_mark_still_closes() -> None:
    text = "He warned it left Europe ‘at the edge of a wider war‘, and walked out."
    assert quoted(text) == ["at the edge of a wider war"]


def test_plural_possessive_is_not_a_closing_mark() -> None:
    text = "‘The generals’ plans will fail in the spring,’ she said."
    assert quoted(text) == ["The generals’ plans will fail in the spring,"]


def test_stray_possessive_without_an_open_quote_is_ignored() -> None:
    assert quoted("The allies’ position hardened as the Baltics’ leaders met.") == []


def test_decades_and_elisions_are_apostrophes() -> None:
    text = "Back in the ’90s he said ‘give ’em what they asked for,’ they recall."
    assert quoted(text) == ["give ’em what they asked for,"]


def test_trailing_comma_inside_the_marks_is_kept() -> None:
    assert quoted("‘We are ready for a deal today,’ he said.") == ["We are ready for a deal today,"]


def test_nested_quotes_with_the_same_straight_mark() -> None:
    text = "He said: 'They told me, 'Oh, we weren't asked'. Well, you were there all along.'"
    spans = pair_quotes(text, ELISIONS)
    outer = [text[q.start : q.end] for q in spans if q.depth == 0]
    inner = [text[q.start : q.end] for q in spans if q.depth == 1]
    assert outer == ["They told me, 'Oh, we weren't asked'. Well, you were there all along."]
    assert inner == ["Oh, we weren't asked"]


def test_nested_double_inside_single() -> None:
    text = "‘As the general said, “Nobody wins a war like this.” We agree,’ the memo read."
    spans = pair_quotes(text, ELISIONS)
    assert [(text[q.start : q.end], q.depth) for q in spans] == [
        ("As the general said, “Nobody wins a war like this.” We agree,", 0),
        ("Nobody wins a war like this.", 1),
    ]


def test_quote_spanning_several_sentences_is_one_span() -> None:
    text = "‘We take it. Then we reject it. That is all,’ he said."
    assert quoted(text) == ["We take it. Then we reject it. That is all,"]


def test_unclosed_paragraph_continues_when_the_next_reopens() -> None:
    text = (
        "She added: ‘The first thing is a ceasefire on the ground.\n"
        "‘The second thing is an exchange of all prisoners,’ she said.\n"
    )
    spans = pair_quotes(text, ELISIONS)
    assert [text[q.start : q.end] for q in spans] == [
        "The first thing is a ceasefire on the ground.",
        "The second thing is an exchange of all prisoners,",
    ]
    assert spans[0].close is None and not spans[0].continues
    assert spans[1].continues and spans[1].close is not None


def test_unclosed_quote_before_an_ordinary_paragraph_stops_there() -> None:
    text = "A source told us: ‘It will be hard to agree this week.\nThe talks resumed on Monday.\n"
    spans = pair_quotes(text, ELISIONS)
    assert [text[q.start : q.end] for q in spans] == ["It will be hard to agree this week."]
    assert spans[0].close is None


def test_mismatched_family_closes_after_end_punctuation() -> None:
    assert quoted("He said “we are leaving now.’ Then he left.") == ["we are leaving now."]


def test_apostrophe_classification_from_neighbours() -> None:
    assert classify_mark("don’t", 3) == "apostrophe"
    assert classify_mark("said ‘no", 5) == "open"
    assert classify_mark("no,’ he", 3) == "close"
    assert classify_mark("the ’90s", 4, ELISIONS) == "apostrophe"


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n") + list(QUOTE_MARKS)), max_size=60))
def test_pairing_never_fails_and_spans_stay_inside_the_text(text: str) -> None:
    blocks = paragraphs(text)
    for span in pair_quotes(text, ELISIONS):
        assert 0 <= span.open < span.start <= span.end <= len(text)
        assert span.close is None or span.end <= span.close
        start, end = blocks[span.paragraph]
        assert start <= span.open < end


def test_hard_wrapped_text_pairs_across_line_breaks() -> None:
    text = (
        "The minister spoke to reporters on Monday after the meeting and\n"
        "said: “We are not going to give up any of our land, not now\n"
        "and not ever, whatever they offer us,” before leaving the room.\n"
        "\n"
        "Talks are due to resume next week in a neutral city, officials\n"
        "said, though no date has been set for the next round yet.\n"
    )
    assert quoted(text) == [
        "We are not going to give up any of our land, not now\n"
        "and not ever, whatever they offer us,"
    ]


def test_quote_broken_over_a_line_is_joined() -> None:
    text = "He said: ‘We take the plan and read it.\nThen we reject all of it,’ he added.\n"
    assert quoted(text) == ["We take the plan and read it.\nThen we reject all of it,"]


def test_possessive_on_the_next_line_does_not_join() -> None:
    text = "He said: ‘We take the plan and read it.\nThe generals’ view was different.\n"
    assert quoted(text) == ["We take the plan and read it."]
