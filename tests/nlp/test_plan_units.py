"""Plan building blocks without the spaCy model: the vocabulary, number parsing, alias and
issue-cue matching on hand-built Docs, and matching phrases to known plans by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.tokens import Doc

from redline.errors import PackError
from redline.nlp.issues import IssueMatcher, issues_between
from redline.nlp.plan_lexicon import load_plan_lexicon
from redline.nlp.plan_matching import match_by_proposer, match_named
from redline.nlp.plan_mentions import PlanPhrase, Strength, find_aliases
from redline.nlp.plan_proposers import Proposer, party_of
from redline.packs.loader import load_pack

# The fictional pack of tests/plans: a negotiation between Northland, Southland and Westland.
PACK = load_pack(str(Path(__file__).parents[1] / "plans" / "fixtures" / "fictional"))

LEXICON = load_plan_lexicon()
BLANK = English()
WORDS = {1: "one", 4: "four", 12: "twelve", 19: "nineteen", 28: "twenty-eight", 30: "thirty"}


@pytest.mark.parametrize(("n", "word"), sorted(WORDS.items()))
def test_number_words_and_digits_parse_alike(n: int, word: str) -> None:
    assert LEXICON.number(word) == n
    assert LEXICON.number(word.capitalize()) == n
    assert LEXICON.number(str(n)) == n


@given(st.integers(min_value=1, max_value=999))
def test_any_small_digit_string_is_its_number(n: int) -> None:
    assert LEXICON.number(str(n)) == n
    assert LEXICON.number(f"{n}.") == n  # a list marker "7."


def test_ordinals_and_non_numbers() -> None:
    assert LEXICON.ordinal("Third") == 3
    assert LEXICON.ordinal("twentieth") == 20
    assert LEXICON.number("point") is None
    assert LEXICON.ordinal("plan") is None


def test_vocabulary_has_no_article_marker() -> None:
    # "Article 5" is NATO's treaty far more often than a plan's point.
    assert "article" not in LEXICON.point_markers
    assert {"point", "item", "clause"} <= LEXICON.point_markers


def test_unreadable_vocabulary_is_a_pack_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "plans.yaml"
    bad.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"plans\.yaml"):
        load_plan_lexicon(bad)


def doc_of(words: list[str], lemmas: list[str] | None = None) -> Doc:
    return Doc(BLANK.vocab, words=words, lemmas=lemmas or [w.lower() for w in words])


def test_aliases_match_across_hyphens_case_and_possessives() -> None:
    doc = doc_of(["Nordgrad", "mocked", "Weiss", "'s", "plan", "and", "the", "Ten", "-", "Point",
                  "Plan", "."])
    assert find_aliases(doc, PACK) == [(2, 5, "weiss-plan"), (7, 11, "ten-point-plan")]


def test_cues_match_surface_and_lemmas_longest_first() -> None:
    words = ["They", "froze", "the", "front", "line", "and", "agreed", "a", "truce", "."]
    lemmas = ["they", "freeze", "the", "front", "line", "and", "agree", "a", "truce", "."]
    hits = IssueMatcher(BLANK.tokenizer, PACK).find(doc_of(words, lemmas))
    assert [(h.issue, h.start, h.end) for h in hits] == [
        ("border", 1, 4),  # "freeze the front" (lemmas) beats "front line"
        ("ceasefire", 8, 9),
    ]
    assert issues_between(hits, 0, 10) == ("border", "ceasefire")
    assert issues_between(hits, 5, 10) == ("ceasefire",)


def test_generic_issue_gives_way_to_a_concrete_one() -> None:
    doc = doc_of(["the", "peace", "plan", "sets", "a", "truce"])
    hits = IssueMatcher(BLANK.tokenizer, PACK).find(doc)
    assert issues_between(hits, 0, 6) == ("ceasefire",)
    assert issues_between(hits, 0, 3) == ("peace_plan",)


def phrase(**kwargs: object) -> PlanPhrase:
    base: dict[str, object] = {"start": 0, "end": 2, "head": 1, "strength": Strength.STRONG}
    base.update(kwargs)
    return PlanPhrase(**base)  # type: ignore[arg-type]


def test_size_matches_a_known_plan_only_when_dates_and_sides_fit() -> None:
    assert match_named(PACK, phrase(n_points=10), date(2030, 5, 2)).id == "ten-point-plan"  # type: ignore[union-attr]
    assert match_named(PACK, phrase(n_points=10), date(2029, 1, 1)) is None  # not yet announced
    north = Proposer("Northland", "north")
    assert match_named(PACK, phrase(n_points=10, proposer=north), date(2030, 5, 2)) is None
    assert match_named(PACK, phrase(n_points=10, named_by="Freedonia"), date(2030, 5, 2)) is None
    assert match_named(PACK, phrase(n_points=7), date(2030, 5, 2)) is None


def test_a_new_plan_is_not_one_announced_long_before() -> None:
    assert match_named(PACK, phrase(n_points=10, new=True), date(2030, 5, 10)) is not None
    assert match_named(PACK, phrase(n_points=10, new=True), date(2031, 5, 10)) is None


def test_proposer_plan_is_the_latest_of_that_side_if_the_terms_fit() -> None:
    assert match_by_proposer(PACK, "west", date(2030, 2, 1), set()).id == "weiss-plan"  # type: ignore[union-attr]
    assert match_by_proposer(PACK, "west", date(2030, 7, 1), {"border"}).id == "six-point-plan"  # type: ignore[union-attr]
    # The latest plan of the side does not cover the terms: refuse rather than guess.
    assert match_by_proposer(PACK, "west", date(2030, 7, 1), {"prisoners"}) is None
    assert match_by_proposer(PACK, "west", date(2032, 1, 1), set()) is None  # too old
    assert match_by_proposer(PACK, None, date(2030, 2, 1), set()) is None


def test_party_of_knows_actors_and_party_names() -> None:
    assert party_of(PACK, "Anna Weiss") == "west"
    assert party_of(PACK, "Southland") == "south"
    assert party_of(PACK, "Freedonia") is None


def test_builtin_pack_plans_use_known_issues_and_revisions() -> None:
    pack = load_pack("russia-ukraine")
    issues = set(pack.issue_ids())
    ids = {p.id for p in pack.plans}
    for plan in pack.plans:
        assert set(plan.issues) <= issues, plan.id
        assert plan.revision_of is None or plan.revision_of in ids, plan.id
    by_id = {p.id: p for p in pack.plans}
    assert by_id["geneva-19-point-plan"].revision_of == "us-28-point-plan"
