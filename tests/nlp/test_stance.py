"""Stance cues from the lexicon: verbs, frames, negation, conditions; and issue cues."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from redline.nlp.issue_coreference import coreferent_hits
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


@pytest.mark.parametrize(
    ("text", "word", "stance"),
    [
        ("Germany has swung firmly behind the idea.", "swung", "accept"),
        ("Trump said he would hold off on new tariffs.", "hold", "reject"),
        ("Moscow has repeatedly vowed to retaliate.", "vowed", "threaten"),
        ("France pledged to deploy a reassurance force.", "pledged", "propose"),
        ("The leaders pledged to keep up sanctions.", "pledged", "accept"),
        ("Peskov called the seizure theft.", "theft", "reject"),
        ("She described the guarantees as a danger for Europe.", "danger", "reject"),
        ("Macron called the idea of a frozen conflict a mistake.", "mistake", "reject"),
        ("Borders must not be changed by force.", "changed", "reject"),
        ("He sees no point in the presence of such forces.", "point", "reject"),
    ],
)
def test_stance_of_wider_frames(nlp: Language, text: str, word: str, stance: str) -> None:
    assert (word, stance) in stances(nlp, text)


def test_harm_done_by_a_measure_is_a_consequence_not_a_threat(nlp: Language) -> None:
    doc = nlp("Putin warned that handing over the missiles would wreck the thaw.")
    cues = find_stance_cues(doc[:], load_stance_lexicon())
    assert [(doc[c.token].text, c.kind, c.stance) for c in cues] == [
        ("wreck", "consequence", "reject")
    ]
    actor = nlp("Putin warned that Russia would destroy any troops sent to Ukraine.")
    kinds = {c.kind for c in find_stance_cues(actor[:], load_stance_lexicon())}
    assert "consequence" not in kinds  # an actor doing harm threatens; a measure is judged


def test_intentions_take_their_stance_from_verb_and_negation(nlp: Language) -> None:
    lexicon = load_stance_lexicon()
    found = {}
    for text in ("Washington said it would resume security assistance.",
                 "Kyiv said it will not surrender territory.",
                 "Moscow said it would hand over the bodies of soldiers."):
        doc = nlp(text)
        found.update({doc[c.token].lemma_: c.stance for c in find_stance_cues(doc[:], lexicon)
                      if c.kind == "intention"})
    assert found == {"resume": "accept", "surrender": "reject", "hand": "propose"}


def test_definite_noun_repeating_an_issue_head_takes_its_issue(nlp: Language) -> None:
    doc = nlp("Leaders discussed the reparations loan. Belgium blocked the loan and the plan.")
    matcher = IssueMatcher(nlp.tokenizer, load_pack("russia-ukraine"))
    found = coreferent_hits(doc, matcher.find(doc))
    assert [(h.text, h.issue) for h in found] == [("loan", "sanctions")]
    assert coreferent_hits(nlp("Belgium blocked the loan."), []) == []


def test_a_packs_anaphor_stands_for_the_issue_only_after_its_cue(nlp: Language) -> None:
    matcher = IssueMatcher(nlp.tokenizer, load_pack("russia-ukraine"))
    doc = nlp("Kyiv wants the Zaporizhzhia nuclear plant back. Moscow says the station is "
              "Russian. Russia annexed Crimea in 2014. Few expect the peninsula to return.")
    found = coreferent_hits(doc, matcher.find(doc), matcher.anaphors)
    assert [(h.text, h.issue) for h in found] == [
        ("station", "nuclear_plant"), ("peninsula", "territory_crimea")]
    # Before any cue of the issue, or without a definite article, the noun names nothing.
    doc = nlp("Voters queued at the station. A station was shelled. The plant is safe.")
    assert coreferent_hits(doc, matcher.find(doc), matcher.anaphors) == []


@pytest.mark.parametrize(("text", "issue"), [
    ("Territory Kyiv holds should come under the NATO umbrella.", "nato_membership"),
    ("The allies offered Kyiv very strong guarantees.", "security_guarantees"),
    ("Moscow wants its diplomatic properties back.", "relations"),
    ("No deal will be recognised if it is reached without Ukraine's participation.",
     "negotiation_format"),
    ("The plan would freeze territorial lines near where they are.", "frontline_freeze"),
    ("Kyiv asked for the return of Ukrainian children taken to Russia.", "humanitarian"),
    ("Moscow pressed for an easing of restrictions on Russian banks.", "sanctions"),
    ("Its path to the EU must stay open.", "eu_membership"),
    ("Hungary is still blocking the opening of the first negotiating cluster.", "eu_membership"),
    ("A return to the country's pre-2014 borders is an unrealistic objective.",
     "territory_regions"),
    ("Where decisions about Ukraine are made, Ukraine must be in the room.",
     "negotiation_format"),
    ("Moscow remains open to a political and diplomatic settlement.", "negotiation_format"),
    ("We do not need guarantors who do not help Ukraine.", "security_guarantees"),
    ("Any foreign units that appeared in Ukraine would become targets.", "peacekeepers"),
    ("He floated autonomous zones in eastern Ukraine.", "territory_regions"),
    ("Any peace process needs the participation of both parties.", "negotiation_format"),
    ("New Delhi would not sign the Bürgenstock communiqué.", "peace_plan"),
])
def test_general_phrasings_of_the_issues_are_cued(nlp: Language, text: str, issue: str) -> None:
    matcher = IssueMatcher(nlp.tokenizer, load_pack("russia-ukraine"))
    assert issue in {h.issue for h in matcher.find(nlp(text))}


@pytest.mark.parametrize(("text", "condition"), [
    ("Russia will not negotiate while Ukrainian troops remain in Kursk.", True),
    ("Ukraine will not join NATO, while leaving open its path to the EU.", False),
    ("Ukraine is talking to Europe while Russia keeps bombing.", False),
])
def test_while_is_a_condition_only_under_a_refusal(nlp: Language, text: str,
                                                   condition: bool) -> None:
    doc = nlp(text)
    cues = find_stance_cues(doc[:], load_stance_lexicon())
    assert any(c.kind == "condition" for c in cues) is condition
