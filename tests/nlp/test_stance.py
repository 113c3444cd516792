"""Stance cues from the lexicon: verbs, frames, negation, conditions; and issue cues."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from redline.nlp.issues import IssueMatcher, concrete_issues
from redline.nlp.pipeline import load_model
from redline.nlp.stance import (
    LexiconError,
    find_stance_cues,
    load_stance_lexicon,
    resolve_stance,
)
from redline.packs.loader import load_pack


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def stances(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    lexicon = load_stance_lexicon()
    return [
        (doc[c.token].text, str(resolve_stance(c)))
        for c in find_stance_cues(doc[:], lexicon)
    ]


@pytest.mark.parametrize(
    ("text", "word", "stance"),
    [
        ("Kellogg has called for the front lines to be frozen.", "called", "demand"),
        ("Moscow has balked at the idea.", "balked", "reject"),
        ("The Kremlin ruled out a truce.", "ruled", "reject"),
        ("France and Britain put forward a plan.", "put", "propose"),
        ("Russia is open to negotiations.", "open", "accept"),
        ("The US is ready to pass a law.", "ready", "propose"),
        ("It is absolutely unacceptable to us.", "unacceptable", "reject"),
        ("Ukraine agreed to the ceasefire.", "agreed", "accept"),
        ("Ukraine did not agree to the ceasefire.", "agree", "reject"),
        ("Russia would never accept peacekeepers.", "accept", "reject"),
        ("Putin refused to accept the plan.", "accept", "reject"),
    ],
)
def test_stance_of_predicates(nlp: Language, text: str, word: str, stance: str) -> None:
    assert (word, stance) in stances(nlp, text)


def test_condition_marks_a_demand(nlp: Language) -> None:
    found = stances(nlp, "The war will only end once Ukrainian troops withdraw.")
    assert ("end", "demand") in found


def test_threat_under_a_modal(nlp: Language) -> None:
    found = stances(nlp, "Moscow could launch a tactical nuclear weapon.")
    assert ("launch", "threaten") in found


def test_suggest_with_a_plain_clause_is_no_proposal(nlp: Language) -> None:
    assert stances(nlp, "Trump suggested he is hopeful about a deal.") == []
    assert ("suggested", "propose") in stances(nlp, "France suggested it could send troops.")


def test_bad_lexicon_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "stance.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"stance\.yaml"):
        load_stance_lexicon(str(bad))


def test_issue_cues_longest_match_and_lemmas(nlp: Language) -> None:
    matcher = IssueMatcher(nlp.tokenizer, load_pack("russia-ukraine"))
    doc = nlp("Russia wants the Zaporizhzhia nuclear power plant and Kyiv deployed troops.")
    issues = [h.issue for h in matcher.find(doc)]
    assert "nuclear_plant" in issues
    assert "territory_regions" not in issues  # Zaporizhzhia is part of the longer cue
    doc = nlp("Europe will deploy troops after a ceasefire.")
    assert {"peacekeepers", "ceasefire"} <= {h.issue for h in matcher.find(doc)}


def test_generic_issues_give_way_to_concrete_ones() -> None:
    assert concrete_issues(["peace_plan", "ceasefire", "ceasefire"]) == ["ceasefire"]
    assert concrete_issues(["peace_plan", "negotiation_format"]) == [
        "peace_plan",
        "negotiation_format",
    ]


def test_every_issue_has_cues() -> None:
    pack = load_pack("russia-ukraine")
    assert len(pack.issues) == 21
    assert all(issue.cues for issue in pack.issues)
