"""Plans an article describes by their terms without naming them (tests/plans/fictional.py
pack, and the Gaza pack for another negotiation's style): detected from the terms their own
sentence lists, proposer through the side that put them forward, named from that side and
the issues of the terms, and merged with name-only mentions of the same side.

The real spaCy model parses the sentences; no actors component runs, so proposers come from
the pack fallback.
"""

from __future__ import annotations

from datetime import date

import pytest
from plan_texts import only, plans_of
from spacy.language import Language

from redline.nlp.extensions import register_extensions
from redline.nlp.pipeline import load_model
from redline.packs.loader import load_pack

GAZA = load_pack("gaza-ceasefire")


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    return load_model()


def test_infinitives_after_a_proposal_put_forward_by_a_side(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Nordgrad said it could not accept the proposals put forward by "
                         "envoys of the Southland government to freeze the front line and to "
                         "exchange all prisoners."))
    assert (plan.name, plan.proposer, plan.described, plan.pack_plan) == (
        "Southern proposals on the border and prisoners", "Southland", True, None)
    assert [(p.issues, p.text) for p in plan.points] == [
        (("border",), "to freeze the front line"), (("prisoners",), "to exchange all prisoners")]


def test_an_offer_that_would_see_terms(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Sudberg's offer would see a truce along the border and the "
                         "release of all prisoners, officials said."))
    assert plan.name == "Southern offer on a truce, the border and prisoners"
    assert plan.proposer == "Southland"


def test_a_headline_name_merges_with_the_described_terms(nlp: Language) -> None:
    text = ("Nordgrad rejects Westland's peace plan\n\nNordgrad on Tuesday dismissed the terms "
            "drawn up by Anna Weiss, which call for a truce and for all prisoners to be "
            "released. A spokesman said Westland's plan was dead.")
    plan = only(plans_of(nlp, text))
    assert (plan.name, plan.proposer, plan.described) == (
        "Western terms on a truce and prisoners", "Anna Weiss", True)
    assert text[plan.start : plan.end] == "Westland's peace plan"  # the first mention


def test_another_negotiation_names_its_own_sides_and_issues(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Cairo's proposal calls for a six-week truce and the release of "
                         "hostages in exchange for Palestinian prisoners.", GAZA,
                         date(2025, 2, 1)))
    assert plan.name == "Egyptian proposal on ceasefire, hostages and Palestinian prisoners"
    offer = only(plans_of(nlp, "Hamas said it had received the offer presented by Egyptian "
                          "mediators to agree a six-week truce and to free ten hostages.", GAZA,
                          date(2025, 2, 1)))
    assert (offer.name, offer.proposer) == ("Egyptian offer on ceasefire and hostages", "Egypt")


def test_a_plan_with_a_name_of_its_own_keeps_it(nlp: Language) -> None:
    plan = only(plans_of(nlp, "The Harmony Initiative, drafted by Westland, calls for a truce "
                         "and a prisoner exchange."))
    assert (plan.name, plan.described) == ("Harmony Initiative", False)


def test_described_terms_that_fit_a_known_plan_are_that_plan(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Nordgrad rejected the proposals put forward by Westland to "
                         "freeze the front line and to exchange all prisoners.",
                         day=date(2030, 5, 20)))
    assert (plan.pack_plan, plan.described) == ("ten-point-plan", False)


def test_offers_and_terms_without_listed_terms_are_no_plans(nlp: Language) -> None:
    assert plans_of(nlp, "In terms of timing, the offer to talk stands, Nordgrad said.") == []
    # One term is a wish, not a plan.
    assert plans_of(nlp, "Sudberg's offer would see a truce.") == []


def test_a_first_remark_far_from_the_plan_is_no_point(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Westland's ten-point plan was leaked. Nordgrad was silent. "
                         "Sudberg said little. Firstly, it is worth noting that the truce has "
                         "failed.", day=date(2030, 5, 20)))
    assert plan.points == ()


def test_a_peace_plan_stating_its_own_terms_keeps_the_article_name(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Sudberg's peace plan calls for a truce and the release of all "
                         "prisoners."))
    assert (plan.name, plan.described) == ("Sudberg's peace plan", False)


def test_proposals_attributed_to_a_side_with_their_terms_listed(nlp: Language) -> None:
    plan = only(plans_of(nlp, "Nordgrad said it was not satisfied with proposals attributed to "
                         "the team of Anna Weiss, including freezing the front line for a year "
                         "and exchanging all prisoners."))
    assert (plan.name, plan.proposer) == (
        "Western proposals on the border and prisoners", "Anna Weiss")
    assert [p.text for p in plan.points] == ["freezing the front line for a year",
                                             "exchanging all prisoners"]


def test_described_terms_need_someone_proposing_them(nlp: Language) -> None:
    assert plans_of(nlp, "The proposals would freeze the front line and free all prisoners.") == []
    plan = only(plans_of(nlp, "Nordgrad studied the proposals drafted by Freedonia, which would "
                         "freeze the front line and free all prisoners."))
    assert (plan.name, plan.proposer) == ("Freedonia proposals on the border and prisoners",
                                          "Freedonia")
