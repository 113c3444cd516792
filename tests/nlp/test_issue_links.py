"""Linked issue cues: two words tied by the parse ("cap its army", "the army would be
capped"), whatever stands between them, and never when they only sit side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from redline.nlp.issues import IssueMatcher
from redline.packs.loader import load_pack
from redline.packs.schema import Issue, LinkedCue, Pack

FICTIONAL = load_pack(str(Path(__file__).parents[1] / "plans" / "fixtures" / "fictional"))


def _with_issue(pack: Pack, issue: Issue) -> Pack:
    return pack.model_copy(update={"issues": [*pack.issues, issue]})


RIVER = Issue(
    id="river_access",
    label="River access",
    definition="Shipping on the border river.",
    cues=["river shipping"],
    linked_cues=[LinkedCue(words=["open", "close", "blockade"], linked=["river", "strait"]),
                 LinkedCue(words=["zone"], linked=["fishing ground"])],
)


def issues_in(nlp: Language, pack: Pack, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(hit.issue, hit.text) for hit in IssueMatcher(nlp.tokenizer, pack).find(doc)]


@pytest.mark.parametrize(
    "text",
    [
        "Northland will open the river to all ships.",
        "The river would be closed to Southland's ships.",
        "Westland threatened a blockade of the strait.",
    ],
)
def test_words_tied_by_the_parse_cue_the_issue(nlp: Language, text: str) -> None:
    found = issues_in(nlp, _with_issue(FICTIONAL, RIVER), text)
    assert [issue for issue, _ in found] == ["river_access"]


def test_words_in_one_sentence_but_not_tied_cue_nothing(nlp: Language) -> None:
    text = "Northland will open talks while ships wait on the river."
    assert issues_in(nlp, _with_issue(FICTIONAL, RIVER), text) == []


def test_a_two_word_entry_needs_its_modifier(nlp: Language) -> None:
    pack = _with_issue(FICTIONAL, RIVER)
    assert issues_in(nlp, pack, "They proposed a zone around the fishing ground.") == [
        ("river_access", "zone around the fishing ground")]
    assert issues_in(nlp, pack, "They proposed a zone around the ground.") == []


def test_a_written_phrase_wins_over_a_link(nlp: Language) -> None:
    found = issues_in(nlp, _with_issue(FICTIONAL, RIVER), "Northland will open river shipping.")
    assert found == [("river_access", "river shipping")]


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack("russia-ukraine")


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Moscow wants Kyiv to cap its army at 600,000.", "army_limits"),
        ("Under the draft, the army would be capped at 800,000.", "army_limits"),
        ("European leaders said the fighting should stop immediately.", "ceasefire"),
        ("Kyiv could accept a demilitarised area in the east.", "buffer_zone"),
        ("He urged the allies to invite Ukraine into the alliance.", "nato_membership"),
        ("Polish soldiers would not be deployed inside Ukraine.", "peacekeepers"),
        ("Moscow wants its frozen reserves back.", "sanctions"),
    ],
)
def test_the_pack_links_general_wordings(nlp: Language, pack: Pack, text: str,
                                         issue: str) -> None:
    assert issue in [found for found, _ in issues_in(nlp, pack, text)]


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Congress may cut military aid to Kyiv.", "army_limits"),
        ("The EU will freeze the assets of three banks.", "frontline_freeze"),
    ],
)
def test_a_word_tied_to_something_else_is_not_linked(nlp: Language, pack: Pack, text: str,
                                                     issue: str) -> None:
    assert issue not in [found for found, _ in issues_in(nlp, pack, text)]
