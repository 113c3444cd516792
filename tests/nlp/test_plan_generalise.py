"""Plans in the ways unseen articles write them: a side's own document ("Sudberg's
memorandum"), a plan's terms spread over the sentences after its name, comma lists the
parser breaks apart, the gist of a plan ("the idea is to ..."), a known plan named only as
a kind of thing ("an energy truce"), and the pack's known plans of 2024-2025 told apart by
date.

The texts are written for these tests (tests/plans/fictional pack, and the Russia-Ukraine
pack where its known plans are the point); the real spaCy model parses them, no actors
component runs.
"""

from __future__ import annotations

from datetime import date

import pytest
from plan_texts import only, plans_of
from spacy.language import Language

from redline.model import PlanMention
from redline.nlp.extensions import register_extensions
from redline.nlp.pipeline import load_model
from redline.packs.loader import load_pack

RUSSIA_UKRAINE = load_pack("russia-ukraine")
# After the fictional ten-point plan (Westland, 2030-05-01).
LATE = date(2030, 5, 20)


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    return load_model()


def texts(plan: PlanMention) -> list[str]:
    return [p.text for p in plan.points]


# A side's own document.

def test_a_sides_memorandum_is_a_plan_named_by_the_side(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Sudberg's memorandum was handed to the mediators on Monday."))
    assert (plan.name, plan.proposer, plan.pack_plan) == (
        "Southern memorandum", "Southland", None)


def test_a_sides_counter_proposal_is_named_by_the_side(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Diplomats expect Westport's counter-proposal by Friday."))
    assert (plan.name, plan.proposer) == ("Western counter-proposal", "Westland")


def test_a_vague_proposal_of_a_side_is_still_no_plan(nlp: Language) -> None:
    assert plans_of(nlp, "Sudberg's proposal was discussed at length.") == []


def test_proposals_a_side_would_present_are_no_known_plan(nlp: Language) -> None:
    # Westland's ten-point plan is recent, but "its own proposals" are yet to be made.
    assert plans_of(nlp, "Anna Weiss said Westland would present its own proposals.",
                    day=LATE) == []


def test_any_document_points_back_to_no_plan(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Westland's ten-point plan was leaked on Monday. Nordgrad says "
                         "any proposal must include a truce.", day=LATE))
    assert plan.points == ()


# Terms over the sentences after the plan's name.

def test_sentences_that_go_on_describing_the_plan_are_its_points(nlp: Language) -> None:
    text = ("Westland handed Nordgrad its ten-point plan on Monday. Under the draft, Southland "
            "would pull its troops back from the border. Northland would free all prisoners, "
            "while sanctions would be lifted in stages. The document also envisages that the "
            "Eastern Pact would stay closed to Southland.")
    plan = only(plans_of(nlp, text, day=LATE))
    assert [p.issues for p in plan.points] == [
        ("border",), ("prisoners",), ("sanctions",), ("alliance",)]
    assert "Northland would free all prisoners" in texts(plan)
    assert "sanctions would be lifted in stages" in texts(plan)


def test_the_description_ends_where_the_article_turns_to_something_else(
    nlp: Language,
) -> None:
    text = ("Westland's ten-point plan was leaked on Monday. Southland would pull its troops "
            "back from the border. Anna Weiss met Ivan Brodsky on Tuesday. Northland would "
            "free all prisoners by the spring, officials hope.")
    plan = only(plans_of(nlp, text, day=LATE))
    assert [p.issues for p in plan.points] == [("border",)]


def test_quoted_words_and_commentary_are_not_terms(nlp: Language) -> None:
    text = ("Westland's ten-point plan was leaked on Monday. \"Southland would never accept a "
            "new border,\" Brodsky said. This would reward the war on the border.")
    plan = only(plans_of(nlp, text, day=LATE))
    assert plan.points == ()


def test_a_conditional_term_keeps_its_condition(nlp: Language) -> None:
    text = ("Westland's ten-point plan was leaked on Monday. Southland would repay the loan "
            "only if Northland lifts its sanctions.")
    plan = only(plans_of(nlp, text, day=LATE))
    assert texts(plan) == ["Southland would repay the loan only if Northland lifts its "
                           "sanctions"]


def test_the_gist_of_a_plan_is_a_term(nlp: Language) -> None:
    text = ("Westland's ten-point plan was leaked on Monday. The idea is to exchange all "
            "prisoners before the winter.")
    plan = only(plans_of(nlp, text, day=LATE))
    assert texts(plan) == ["to exchange all prisoners before the winter"]


def test_a_section_that_lists_items_gives_one_point_each(nlp: Language) -> None:
    text = ("Nordgrad handed over the Northern memorandum on Monday. The first section lists "
            "the main terms of a settlement, among them the recognition of the new border and "
            "the lifting of all sanctions. It also provides for Southland's neutrality, its "
            "refusal to join the Eastern Pact, a ban on foreign troops and the release of all "
            "prisoners.")
    plan = only(plans_of(nlp, text, day=date(2030, 3, 5)))
    assert plan.pack_plan == "northern-memorandum"
    # "Southland's neutrality" and "a ban on foreign troops" name no issue of the pack.
    assert texts(plan) == [
        "the recognition of the new border", "the lifting of all sanctions",
        "its refusal to join the Eastern Pact", "the release of all prisoners"]


def test_a_numbered_point_still_takes_the_sentence_going_on_with_it(nlp: Language) -> None:
    plan = only(plans_of(nlp, "The ten-point plan leaked. Point three requires Southland to stay "
                         "out of the Eastern Pact. Northland would also free all prisoners.",
                         day=LATE))
    assert {p.n for p in plan.points} == {3}


# Known plans named only as a kind of thing.

def test_a_known_truce_named_with_an_indefinite_article_is_no_plan(nlp: Language) -> None:
    assert plans_of(nlp, "Zelensky said an energy truce could be a first step.",
                    RUSSIA_UKRAINE, date(2025, 10, 13)) == []
    plan = only(plans_of(nlp, "Zelensky said the energy truce had been broken.",
                         RUSSIA_UKRAINE, date(2025, 4, 1)))
    assert plan.pack_plan == "energy-ceasefire"


def test_a_force_pledged_as_a_kind_of_thing_is_no_plan(nlp: Language) -> None:
    assert plans_of(nlp, "Twenty countries pledged to send a \"reassurance force\" once the "
                    "fighting stops.", RUSSIA_UKRAINE, date(2025, 9, 5)) == []


# The pack's known plans of 2024-2025.

def test_the_reparations_loan_is_a_known_plan_with_its_terms(nlp: Language) -> None:
    plan = only(plans_of(nlp, "The reparations loan would let Kyiv borrow against frozen "
                         "Russian assets. Kyiv would repay only if Moscow pays reparations.",
                         RUSSIA_UKRAINE, date(2025, 10, 30)))
    assert (plan.pack_plan, plan.proposer) == ("reparations-loan", "Ursula von der Leyen")
    assert all(p.issues == ("sanctions",) for p in plan.points) and len(plan.points) == 2


def test_ukraines_memorandum_is_its_own_plan_beside_russias(nlp: Language) -> None:
    text = ("Moscow's memorandum calls for neutrality. Ukraine's memorandum calls for a "
            "complete ceasefire for 30 days.")
    plans = plans_of(nlp, text, RUSSIA_UKRAINE, date(2025, 6, 3))
    assert {(p.pack_plan, p.proposer) for p in plans} == {
        ("istanbul-memorandum", "Russia"), ("ukraine-roadmap-2025", "Ukraine")}


@pytest.mark.parametrize(("day", "known"), [
    (date(2023, 3, 1), "china-twelve-point-plan"),
    (date(2025, 10, 25), "european-12-point-plan"),
])
def test_a_twelve_point_plan_is_the_one_of_its_time(
    nlp: Language, day: date, known: str
) -> None:
    plan = only(plans_of(nlp, "Officials discussed the 12-point plan on Tuesday.",
                         RUSSIA_UKRAINE, day))
    assert plan.pack_plan == known


def test_a_document_a_side_hands_over_is_named_from_the_terms_it_calls_for(
    nlp: Language,
) -> None:
    # The parser hangs the later items of the list on the verb: they are terms all the same.
    plan = only(plans_of(nlp, "Southland had earlier handed over its own document, which, "
                         "according to press reports, calls for a complete truce for at least "
                         "30 days, the release of all prisoners on both sides and the lifting "
                         "of sanctions."))
    assert (plan.name, plan.proposer) == (
        "Southern document on a truce, prisoners and sanctions", "Southland")
    assert [p.issues for p in plan.points] == [("ceasefire",), ("prisoners",), ("sanctions",)]


def test_an_item_the_parser_makes_a_conjunct_of_the_verb_is_a_term(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Nordgrad handed over the Northern memorandum on Monday. The "
                         "first section lists the main terms, among them the recognition of "
                         "the border, and the release of all prisoners.", day=date(2030, 3, 5)))
    assert texts(plan) == ["the recognition of the border", "the release of all prisoners"]


def test_a_document_a_side_will_present_is_a_plan_all_the_same(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Sudberg will present its counter-proposal to the mediators."))
    assert (plan.name, plan.proposer) == ("Southern counter-proposal", "Southland")


def test_a_sides_document_is_not_read_as_its_known_plan_of_another_kind(
    nlp: Language,
) -> None:
    # Ukraine's latest known plan is its memorandum of June: a counter-proposal is another.
    plan = only(plans_of(nlp, "Ukraine's counter-proposal was sent to Washington on Sunday.",
                         RUSSIA_UKRAINE, date(2025, 11, 26)))
    assert (plan.name, plan.pack_plan) == ("Ukrainian counter-proposal", None)
    memo = only(plans_of(nlp, "Kyiv's memorandum was handed over on Monday.",
                         RUSSIA_UKRAINE, date(2025, 6, 3)))
    assert memo.pack_plan == "ukraine-roadmap-2025"


def test_a_term_reported_twice_is_one_point(nlp: Language) -> None:
    text = ("Westland's ten-point plan calls for a truce. Under the plan, Southland would agree "
            "to a truce along the whole border within a week.")
    plan = only(plans_of(nlp, text, day=LATE))
    assert texts(plan) == ["Southland would agree to a truce along the whole border within a "
                           "week"]


def test_a_coalition_plan_may_be_credited_to_one_of_its_members(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Britain's reassurance force would deploy after a ceasefire.",
                         RUSSIA_UKRAINE, date(2025, 9, 5)))
    assert (plan.pack_plan, plan.proposer) == ("reassurance-force", "Coalition of the Willing")


# A bulleted list opened by a sentence about the plan, and a side written into the name.

@pytest.fixture(scope="module")
def nlp_lines() -> Language:
    """The model with redline's line-break component: each list item is a sentence."""
    register_extensions()
    model = load_model()
    model.add_pipe("redline_line_breaks", before="parser")
    return model


def test_bullets_after_a_colon_sentence_are_the_plans_terms(nlp_lines: Language) -> None:
    text = (
        "Diplomats expect Westport's counter-proposal by Friday. According to a copy seen "
        "by this newspaper, it would:\n"
        "- start talks on the border from the current front line;\n"
        "- swap all prisoners within a month, unlike the Northern memorandum;\n"
        "- keep sanctions in place until a final deal."
    )
    plan = next(p for p in plans_of(nlp_lines, text) if p.proposer == "Westland")
    assert [p.issues for p in plan.points] == [("border",), ("prisoners",), ("sanctions",)]


def test_a_side_written_in_the_phrase_names_the_document(nlp: Language) -> None:
    # Drafted by Westland's advisers, but the article calls it the Northern counter-proposal.
    text = (
        "Talks turned to the Northern counter-proposal, drafted by advisers of Westport and "
        "Sudberg."
    )
    assert only(plans_of(nlp, text)).name == "Northern counter-proposal"


def test_an_alias_names_its_plan_whoever_drafted_it(nlp: Language) -> None:
    text = "The Nordgrad memorandum, drafted by Westport, was handed over on Monday."
    plan = only(plans_of(nlp, text, day=LATE))
    assert (plan.pack_plan, plan.proposer) == ("northern-memorandum", "Northland")


def test_a_naming_sentence_gathers_the_proposals_stated_before(nlp: Language) -> None:
    text = (
        "In a paper published in June, Anna Weiss proposed freezing the front line and "
        "swapping all prisoners. Diplomats refer to the ideas simply as the Weiss plan."
    )
    plan = only(plans_of(nlp, text, day=LATE))
    assert plan.pack_plan == "weiss-plan"
    assert {i for p in plan.points for i in p.issues} == {"border", "prisoners"}


def test_a_naming_sentence_without_a_gathering_noun_takes_nothing_before(
    nlp: Language,
) -> None:
    text = (
        "In a paper published in June, Anna Weiss proposed freezing the front line and "
        "swapping all prisoners. Diplomats discussed the Weiss plan on Monday."
    )
    assert only(plans_of(nlp, text, day=LATE)).points == ()
