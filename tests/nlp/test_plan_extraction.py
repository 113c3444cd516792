"""Plan finding on small texts of our own, over a fictional pack (tests/plans/fictional.py):
named plans by alias and size, proposers, dates, numbered points in words and digits,
unnumbered terms, merging of repeated mentions and refusals (intentions, negated terms).

The real spaCy model parses the sentences (it loads in well under a second); mentions are
either left to the pack fallback or set by hand, never taken from the actors component.
"""

from __future__ import annotations

from datetime import date

import pytest
from plan_texts import FICTIONAL, only
from plan_texts import plans_of as shared_plans_of
from spacy.language import Language

from redline.model import Mention, PlanMention
from redline.nlp.extensions import register_extensions
from redline.nlp.pipeline import load_model

# A date by which every plan of the fictional pack (tests/plans) has been announced.
LATE = date(2030, 5, 20)


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    return load_model()


def plans_of(
    nlp: Language, text: str, day: date | None = LATE, mentions: list[Mention] | None = None
) -> list[PlanMention]:
    return shared_plans_of(nlp, text, FICTIONAL, day, mentions)


def points_by_number(plan: PlanMention) -> dict[int | None, tuple[str, ...]]:
    return {p.n: p.issues for p in plan.points}


def test_point_numbers_in_words_and_in_digits(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Westland unveiled its ten-point plan on Monday. Point four requires "
                         "a truce along the line of control. Point 5 calls for the exchange of "
                         "all prisoners."))
    assert (plan.name, plan.pack_plan, plan.n_points) == ("10-point plan", "ten-point-plan", 10)
    assert points_by_number(plan) == {4: ("ceasefire", "border"), 5: ("prisoners",)}
    assert plan.points[1].text == "Point 5 calls for the exchange of all prisoners"


def test_points_one_and_two_share_out_the_listed_objects(nlp: Language) -> None:
    plan = only(plans_of(nlp, "The 10-point plan was welcomed in Sudberg. Its points one and two "
                         "involve an immediate truce and a prisoner exchange."))
    assert [(p.n, p.issues, p.text) for p in plan.points] == [
        (1, ("ceasefire",), "an immediate truce"),
        (2, ("prisoners",), "a prisoner exchange"),
    ]


def test_ordinal_point_and_pronoun_opener(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Westland unveiled its ten-point plan. The third point of the plan "
                         "would lift sanctions on Nordgrad. It also includes a truce."))
    assert points_by_number(plan) == {3: ("sanctions",), None: ("ceasefire",)}


def test_numbered_list_items(nlp: Language) -> None:
    text = ("Westland published the ten-point plan on Friday.\n1. A truce along the line of "
            "control.\n2. The release of all prisoners.\n")
    plan = only(plans_of(nlp, text))
    assert points_by_number(plan) == {1: ("ceasefire", "border"), 2: ("prisoners",)}


def test_unnumbered_terms_split_at_the_coordination(nlp: Language) -> None:
    plan = only(plans_of(nlp, "The Weiss plan calls for a truce and for all prisoners to be "
                         "released.", day=date(2030, 2, 1)))
    assert plan.pack_plan == "weiss-plan"
    assert [(p.n, p.issues) for p in plan.points] == [
        (None, ("ceasefire",)), (None, ("prisoners",))]
    assert plan.points[1].text == "all prisoners to be released"


def test_appositive_plan_belongs_to_the_subject(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Envoy Anna Weiss has called for the front line to be frozen and "
                         "for all prisoners to be released – a plan backed by Westland.",
                         day=date(2030, 2, 1)))
    assert plan.proposer == "Anna Weiss"
    assert [p.text for p in plan.points] == ["the front line to be frozen",
                                             "all prisoners to be released"]


def test_repeated_mentions_of_one_plan_are_one_record(nlp: Language) -> None:
    text = ("Westland's ten-point plan was presented in Sudberg. The plan calls for a truce. "
            "Nordgrad said the 10-point plan was a trap, and Westland's peace plan would fail.")
    plan = only(plans_of(nlp, text))
    assert plan.pack_plan == "ten-point-plan"
    assert text[plan.start : plan.end] == "Westland's ten-point plan"


def test_two_different_plans_stay_apart(nlp: Language) -> None:
    text = ("Nordgrad answered the ten-point plan with the Northern memorandum. The memorandum "
            "demands that Southland never join the Eastern Pact.")
    found = plans_of(nlp, text)
    assert [p.pack_plan for p in found] == ["ten-point-plan", "northern-memorandum"]
    assert found[1].proposer == "Northland"
    assert points_by_number(found[1]) == {None: ("alliance",)}


def test_unknown_plan_keeps_its_phrase_and_size(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Diplomats say a new 12-point peace plan drafted by Freedonia will "
                         "be presented next week. The plan calls for a truce."))
    assert (plan.name, plan.pack_plan, plan.n_points) == ("12-point peace plan", None, 12)
    assert plan.proposer == "Freedonia"
    assert points_by_number(plan) == {None: ("ceasefire",)}


def test_a_named_proposer_the_pack_does_not_know_is_another_plan(nlp: Language) -> None:
    # Freedonia is not Westland: its "ten-point plan" is not the pack's.
    plan = only(plans_of(nlp, "A ten-point plan drafted by Freedonia was leaked."))
    assert plan.pack_plan is None


def test_proposer_plan_is_read_by_date(nlp: Language) -> None:
    text = "Westland's peace plan was rejected by Nordgrad."
    assert only(plans_of(nlp, text, day=date(2030, 2, 1))).pack_plan == "weiss-plan"
    assert only(plans_of(nlp, text, day=date(2030, 5, 20))).pack_plan == "ten-point-plan"
    assert only(plans_of(nlp, text, day=None)).pack_plan is None


def test_plan_reported_long_before_its_announcement_is_not_it(nlp: Language) -> None:
    plan = only(plans_of(nlp, "The six-point plan was discussed.", day=date(2029, 1, 1)))
    assert plan.pack_plan is None


def test_mentions_from_the_actors_component_name_the_proposer(nlp: Language) -> None:
    text = "The envoy's plan calls for a truce."
    envoy = Mention(start=0, end=10, text="The envoy", actor="Anna Weiss", party="west",
                    resolution="description", confidence=0.8)
    plan = only(plans_of(nlp, text, day=date(2030, 2, 1), mentions=[envoy]))
    assert (plan.proposer, plan.pack_plan) == ("Anna Weiss", "weiss-plan")


def test_intentions_and_bare_plurals_are_not_plans(nlp: Language) -> None:
    assert plans_of(nlp, "Western plans to send more troops to the border worry Nordgrad.") == []
    assert plans_of(nlp, "Nordgrad rejected plans for a truce.") == []
    assert plans_of(nlp, "Westland's plan to send troops to the border stalled.") == []


def test_a_plan_to_end_the_war_is_a_peace_plan(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Westland's plan to end the war was welcomed in Sudberg.",
                         day=date(2030, 2, 1)))
    assert plan.pack_plan == "weiss-plan"


def test_negated_terms_are_not_listed(nlp: Language) -> None:
    plan = only(plans_of(nlp, "The ten-point plan does not commit Westland to lift sanctions. "
                         "The plan would freeze the front line."))
    assert [p.issues for p in plan.points] == [("border",)]


def test_spans_point_into_the_text(nlp: Language) -> None:
    text = "Westland's ten-point plan was leaked. Point four requires a truce."
    plan = only(plans_of(nlp, text))
    point = plan.points[0]
    assert text[point.start : point.end] == point.text == "Point four requires a truce"


def test_two_points_in_one_sentence_are_cut_apart(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Westland's ten-point plan was leaked. Point four requires a truce "
                         "along the line of control, and point 5 calls for the release of all "
                         "prisoners."))
    assert [(p.n, p.issues, p.text) for p in plan.points] == [
        (4, ("ceasefire", "border"), "Point four requires a truce along the line of control"),
        (5, ("prisoners",), "point 5 calls for the release of all prisoners"),
    ]


def test_relative_clause_and_passive_proposer(nlp: Language) -> None:
    text = ("The plan was drafted by Anna Weiss. It is a plan that would freeze the front line "
            "and that requires a truce.")
    plan = only(plans_of(nlp, text, day=date(2030, 2, 1)))
    assert (plan.proposer, plan.pack_plan) == ("Anna Weiss", "weiss-plan")
    assert {i for p in plan.points for i in p.issues} == {"border", "ceasefire"}


def test_a_vague_proposal_with_no_terms_is_not_a_plan(nlp: Language) -> None:
    assert plans_of(nlp, "Nordgrad's proposal was discussed at length.", day=None) == []
    plan = only(plans_of(nlp, "Nordgrad's ceasefire proposal was discussed.", day=None))
    assert (plan.name, plan.proposer) == ("Nordgrad's ceasefire proposal", "Northland")


def test_size_stated_by_the_clause_and_the_original_plan(nlp: Language) -> None:
    text = ("Westland and Southland have drawn up a revised framework after talks in Sudberg, "
            "replacing the ten-point plan. The new framework has six points. The original plan "
            "required Southland to accept a truce.")
    found = {p.pack_plan: p for p in plans_of(nlp, text, day=date(2030, 6, 5))}
    assert sorted(found, key=str) == ["six-point-plan", "ten-point-plan"]
    assert found["six-point-plan"].proposer == "Westland"
    assert found["six-point-plan"].points == ()
    assert [p.issues for p in found["ten-point-plan"].points] == [("ceasefire",)]


def test_a_subject_the_pack_does_not_know_does_not_block_a_known_plan(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Diplomats presented the ten-point plan. The Gazette published "
                         "the 10-point plan in full."))
    assert plan.pack_plan == "ten-point-plan"


def test_a_sentence_going_on_with_a_point_adds_its_issues(nlp: Language) -> None:
    plan = only(plans_of(nlp, "The ten-point plan leaked. Point three requires Southland to stay "
                         "out of the Eastern Pact. And it would also free all prisoners – but "
                         "Nordgrad objects."))
    assert points_by_number(plan) == {3: ("alliance", "prisoners")}


def test_a_definite_plan_noun_joins_the_plan_with_that_noun(nlp: Language) -> None:
    plans = plans_of(nlp, "The 12-point framework that Westland presented on Monday replaces the "
                     "ten-point plan. Point four of the framework requires a truce along the "
                     "line of control.")
    by_size = {p.n_points: p for p in plans}
    assert points_by_number(by_size[12]) == {4: ("ceasefire", "border")}
    assert not by_size[10].points


def test_a_point_that_names_no_issue_keeps_the_sentences_that_go_on_with_it(
        nlp: Language) -> None:
    plan = only(plans_of(nlp, "Westland unveiled its ten-point plan. The first point is a truce "
                         "along the line of control. The second point is defence. It envisages "
                         "the exchange of all prisoners."))
    # The prisoners are the second point's, not the first's; the second has no issue of its
    # own, so it lists only what the sentence after it adds.
    assert points_by_number(plan) == {1: ("ceasefire", "border"), 2: ("prisoners",)}


def test_a_document_a_side_handed_over_is_that_sides(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Those terms remain those of the memorandum Northland handed over "
                         "on Friday."))
    assert plan.proposer == "Northland"
