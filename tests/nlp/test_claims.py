"""Claims from small texts of our own: stance frames, negation, conditions, holders.

The parse comes from the real spaCy model (it loads in well under a second); mentions,
quotes and plans are set by hand so these tests do not depend on the other components.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from redline.model import Claim, Mention, PlanMention, PlanPoint, Quote
from redline.nlp.claims import ClaimContext, extract_claims, make_context
from redline.nlp.pipeline import load_model
from redline.packs.loader import load_pack

ACTORS: dict[str, tuple[str, str, str]] = {
    "Ukraine": ("Ukraine", "ukraine", "state"),
    "Kyiv": ("Ukraine", "ukraine", "state"),
    "Russia": ("Russia", "russia", "state"),
    "Moscow": ("Russia", "russia", "state"),
    "the Kremlin": ("Russia", "russia", "state"),
    "Putin": ("Vladimir Putin", "russia", "person"),
    "Trump": ("Donald Trump", "us", "person"),
    "Kellogg": ("Keith Kellogg", "us", "person"),
    "Malofeyev": ("Konstantin Malofeyev", "russia", "person"),
    "Peskov": ("Dmitry Peskov", "russia", "person"),
    "France": ("France", "france", "state"),
    "Zelensky": ("Volodymyr Zelensky", "ukraine", "person"),
    "the US": ("United States", "us", "state"),
    "Washington": ("United States", "us", "state"),
    "Reuters": ("Reuters", "other", "media"),
    "Medvedev": ("Dmitry Medvedev", "russia", "person"),
    "Germany": ("Germany", "germany", "state"),
    "John Healey": ("John Healey", "uk", "person"),
    "European leaders": ("European Union", "eu", "institution"),
    "the European Union": ("European Union", "eu", "institution"),
    "the EU": ("European Union", "eu", "institution"),
    "the US Treasury": ("United States", "us", "institution"),
    "the Treasury": ("United States", "us", "institution"),
    "Britain": ("United Kingdom", "uk", "state"),
    "European officials": ("European Union", "eu", "institution"),
    "American": ("United States", "us", "state"),
}

MakeDoc = Callable[..., Doc]
Ctx = ClaimContext


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def ctx(nlp: Language) -> ClaimContext:
    return make_context(load_pack("russia-ukraine"), nlp.tokenizer)


def _mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set()
    for surface in sorted(ACTORS, key=len, reverse=True):
        actor, party, kind = ACTORS[surface]
        pattern = re.escape(surface).replace("the", "[Tt]he", 1)
        for match in re.finditer(rf"\b{pattern}\b", text):
            if taken.intersection(range(match.start(), match.end())):
                continue
            taken.update(range(match.start(), match.end()))
            found.append(
                Mention(match.start(), match.end(), surface, actor, party, "name", 0.9, kind)
            )
    return sorted(found, key=lambda m: m.start)


@pytest.fixture(scope="module")
def make_doc(nlp: Language) -> MakeDoc:
    def build(
        text: str,
        quotes: list[Quote] | None = None,
        plans: list[PlanMention] | None = None,
        published: date | None = date(2025, 3, 13),
    ) -> Doc:
        doc = nlp(text)
        doc._.mentions = _mentions(text)
        doc._.quotes = quotes or []
        doc._.plans = plans or []
        doc._.published = published
        return doc

    return build


def claims_of(doc: Doc, ctx: ClaimContext) -> set[tuple[str, str, str]]:
    return {(c.actor, c.issue, c.stance) for c in _claims(doc, ctx)}


def _claims(doc: Doc, ctx: ClaimContext) -> list[Claim]:
    return extract_claims(doc, ctx.pack, ctx)


def test_agreeing_to_a_ceasefire_is_accept(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine agreed to a 30-day ceasefire on Tuesday.")
    assert claims_of(doc, ctx) == {("Ukraine", "ceasefire", "accept")}


def test_relative_clause_object_is_the_issue(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Envoys discussed a 30-day ceasefire, which Ukraine agreed to this week.")
    assert ("Ukraine", "ceasefire", "accept") in claims_of(doc, ctx)


def test_negated_acceptance_is_rejection(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia would never accept foreign peacekeepers in Ukraine.")
    assert claims_of(doc, ctx) == {("Russia", "peacekeepers", "reject")}


def test_not_satisfied_with_is_rejection(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia is not satisfied with the offer to postpone NATO membership.")
    assert ("Russia", "nato_membership", "reject") in claims_of(doc, ctx)


def test_refusing_is_rejection(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The Kremlin refused to commit to any truce agreement.")
    assert ("Russia", "ceasefire", "reject") in claims_of(doc, ctx)


def test_speaker_of_reported_speech_holds_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = (
        "Peskov said that Moscow would categorically reject any freezing of the current front line."
    )
    start = text.index("Moscow")
    quote = Quote(text[start:-1], start, len(text) - 1, "Dmitry Peskov", "russia", "indirect")
    doc = make_doc(text, quotes=[quote])
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "frontline_freeze", "reject")}


def test_person_who_says_it_holds_a_state_position(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin told reporters that the Kremlin was open to negotiations.")
    assert claims_of(doc, ctx) == {("Vladimir Putin", "negotiation_format", "accept")}


def test_condition_is_a_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Putin said the war would only end once Ukrainian troops withdraw from Donetsk."
    )
    assert claims_of(doc, ctx) == {("Vladimir Putin", "territory_regions", "demand")}


def test_conditional_threat_and_its_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Malofeyev said that if the US failed to end its military aid to Ukraine, "
        "Moscow could launch a tactical nuclear weapon."
    )
    found = claims_of(doc, ctx)
    assert ("Konstantin Malofeyev", "nuclear", "threaten") in found
    assert ("Konstantin Malofeyev", "military_aid", "demand") in found


def test_call_for_removal_is_a_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Malofeyev also called for the removal of Zelensky as part of a deal.")
    assert ("Konstantin Malofeyev", "ukraine_leadership", "demand") in claims_of(doc, ctx)


def test_passive_agent_holds_the_position(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The peace plan was endorsed by Trump last week.")
    assert claims_of(doc, ctx) == {("Donald Trump", "peace_plan", "accept")}


def test_passive_subject_does_not_hold_the_position(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine was pushed to sign a peace deal.")
    assert claims_of(doc, ctx) == set()


def test_possessed_conditions_list_several_issues(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Putin's conditions include Kyiv ceding four regions and agreeing never to join NATO."
    )
    found = claims_of(doc, ctx)
    assert ("Vladimir Putin", "territory_regions", "demand") in found
    assert ("Vladimir Putin", "nato_membership", "demand") in found


def test_suggesting_to_deploy_is_a_proposal(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("France has suggested it could deploy peacekeeping forces.")
    assert claims_of(doc, ctx) == {("France", "peacekeepers", "propose")}


def test_anaphoric_object_takes_the_earlier_issue(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "France has suggested it could deploy peacekeepers, but Moscow has balked at this idea."
    )
    assert ("Russia", "peacekeepers", "reject") in claims_of(doc, ctx)


def test_evaluation_is_held_by_whom_to(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Territorial concessions are a red line for Kyiv.")
    assert claims_of(doc, ctx) == {("Ukraine", "territory_regions", "reject")}


def test_prediction_by_the_author_is_no_claim(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin will reject the peace plan.")
    assert claims_of(doc, ctx) == set()


def test_would_in_reported_speech_of_sources_is_their_report(make_doc: MakeDoc,
                                                             ctx: Ctx) -> None:
    text = ("Two officials said Moscow would also insist on the lifting of sanctions "
            "as part of any settlement.")
    start = text.index("Moscow")
    quote = Quote(text[start:-1], start, len(text) - 1, "unnamed source", "russia",
                  "indirect", "said", resolution="unnamed")
    doc = make_doc(text, quotes=[quote])
    assert ("Russia", "sanctions", "demand") in claims_of(doc, ctx)


def test_will_in_reported_speech_of_sources_stays_a_prediction(make_doc: MakeDoc,
                                                               ctx: Ctx) -> None:
    text = "Putin will reject the peace plan, sources said."
    end = text.index(",")
    quote = Quote(text[:end], 0, end, "unnamed source", "russia", "indirect", "said",
                  resolution="unnamed")
    doc = make_doc(text, quotes=[quote])
    assert claims_of(doc, ctx) == set()


def test_author_voice_is_no_claim(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("I think we must reject any ceasefire that rewards aggression.")
    assert claims_of(doc, ctx) == set()


def test_caption_lines_are_skipped(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin rejected the ceasefire proposal in Moscow\nThe talks went on.")
    assert claims_of(doc, ctx) == set()


def test_one_claim_per_key_with_all_evidence(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia rejected the ceasefire. Later, Moscow again rejected a truce.")
    claims = _claims(doc, ctx)
    assert [(c.actor, c.issue, c.stance) for c in claims] == [("Russia", "ceasefire", "reject")]
    assert len(claims[0].evidence) == 2
    for span in claims[0].evidence:
        assert doc.text[span.start : span.end] == span.text


def test_status_from_hedges(make_doc: MakeDoc, ctx: Ctx) -> None:
    alleged = make_doc("Putin has allegedly offered to halt the advance at current positions.")
    assert {c.status for c in _claims(alleged, ctx)} == {"alleged"}
    reported = make_doc("Russia rejected the ceasefire, three sources told Reuters.")
    assert {c.status for c in _claims(reported, ctx)} == {"reported"}
    relayed = make_doc("Putin has reportedly offered to halt the advance at current positions.")
    assert {c.status for c in _claims(relayed, ctx)} == {"reported"}
    stated = make_doc("Russia rejected the ceasefire.")
    assert {c.status for c in _claims(stated, ctx)} == {"stated"}


def test_statement_date_resolves_against_publication(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("On Thursday, Russia rejected the ceasefire.", published=date(2025, 3, 15))
    assert [c.statement_date for c in _claims(doc, ctx)] == [date(2025, 3, 13)]
    undated = make_doc("Russia rejected the ceasefire.", published=None)
    assert [c.statement_date for c in _claims(undated, ctx)] == [None]


def test_plan_terms_are_proposals_of_the_proposer(make_doc: MakeDoc, ctx: Ctx) -> None:
    from redline.model import PlanPoint

    text = "The unconfirmed plan would see all sanctions lifted."
    point = PlanPoint(None, ("sanctions",), text[:-1], 0, len(text) - 1)
    plan = PlanMention("seven-point plan", "United States", (point,), 4, 21)
    doc = make_doc(text, plans=[plan])
    claims = _claims(doc, ctx)
    assert [(c.actor, c.issue, c.stance, c.plan, c.status) for c in claims] == [
        ("United States", "sanctions", "propose", "seven-point plan", "alleged")
    ]


def test_ruling_out_a_concession_rejects_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Zelensky has ruled out ceding any part of Donetsk to Russia.")
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "territory_regions", "reject")}


def test_obligation_in_someones_words_is_their_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = "Peskov said that Kyiv must withdraw its troops from Donetsk."
    start = text.index("Kyiv")
    quote = Quote(text[start:-1], start, len(text) - 1, "Dmitry Peskov", "russia", "indirect")
    doc = make_doc(text, quotes=[quote])
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "territory_regions", "demand")}


def test_obligation_in_the_authors_voice_is_no_claim(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Kyiv must receive security guarantees before any ceasefire.")
    assert claims_of(doc, ctx) == set()


def test_judging_verb_gives_the_evaluation_to_its_subject(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia called the deployment of peacekeepers unacceptable.")
    assert claims_of(doc, ctx) == {("Russia", "peacekeepers", "reject")}


def test_readiness_to_impose_sanctions_is_a_threat(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Trump said he was ready to impose new sanctions on Russia.")
    assert claims_of(doc, ctx) == {("Donald Trump", "sanctions", "threaten")}


def test_place_names_give_way_to_the_object(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia proposed a prisoner exchange for soldiers captured in Kursk.")
    assert claims_of(doc, ctx) == {("Russia", "humanitarian", "propose")}


def test_scare_quote_speaker_does_not_override_reported_speech(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    text = "Peskov said that foreign peacekeepers were 'absolutely unacceptable' to Moscow."
    start = text.index("foreign")
    indirect = Quote(text[start:-1], start, len(text) - 1, "Dmitry Peskov", "russia", "indirect")
    frag_start = text.index("absolutely")
    fragment = Quote("absolutely unacceptable", frag_start, frag_start + 23, "United States",
                     "us", "fragment")
    doc = make_doc(text, quotes=[indirect, fragment])
    assert {c.actor for c in _claims(doc, ctx)} <= {"Dmitry Peskov", "Russia"}
    assert ("us" not in {c.party for c in _claims(doc, ctx)})


def test_extract_claims_without_a_context(make_doc: MakeDoc) -> None:
    doc = make_doc("Russia's demand for a buffer zone was rejected by Ukraine's allies, Kyiv said.")
    claims = extract_claims(doc, load_pack("russia-ukraine"))
    assert ("Russia", "buffer_zone", "demand") in {(c.actor, c.issue, c.stance) for c in claims}


def test_a_doc_without_sentences_or_components_gives_no_claims(ctx: Ctx) -> None:
    import spacy

    blank = spacy.blank("en")
    doc = blank("Russia rejected the ceasefire.")
    assert extract_claims(doc, ctx.pack) == []
    assert extract_claims(blank(""), ctx.pack) == []


def test_trailing_said_gives_the_position_to_the_speaker(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia is prepared to resume negotiations with Ukraine, Peskov said.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "negotiation_format", "accept")}


def test_light_verb_with_a_stance_noun_takes_its_stance(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia set out Moscow's terms for peace, including a withdrawal from Donetsk.")
    assert claims_of(doc, ctx) == {("Russia", "territory_regions", "demand")}


def test_the_goal_of_conditions_is_not_demanded(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Moscow has set out its conditions for a ceasefire.")
    assert ("Russia", "ceasefire", "demand") not in claims_of(doc, ctx)
    demand = make_doc("Russia's demand for a buffer zone was clear.")
    assert claims_of(demand, ctx) == {("Russia", "buffer_zone", "demand")}


def test_warning_of_harm_is_a_threat(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Trump warned Moscow of severe consequences if it did not agree to a ceasefire.")
    assert ("Donald Trump", "ceasefire", "threaten") in claims_of(doc, ctx)


# --- recall on unseen styles: anaphora, coreference, judgements, consequences, intentions ---


def test_pronoun_object_points_to_the_sentence_before(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Zelensky said the ceasefire would cover the whole front line. "
        "Ukraine was ready for it, Zelensky added."
    )
    assert ("Volodymyr Zelensky", "ceasefire", "accept") in claims_of(doc, ctx)


def test_definite_general_noun_points_to_the_sentence_before(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc(
        "Leaders in Paris discussed sending peacekeepers to Ukraine. "
        "Zelensky welcomed the pledges on Friday."
    )
    assert ("Volodymyr Zelensky", "peacekeepers", "accept") in claims_of(doc, ctx)


def test_repeated_head_noun_keeps_the_issue_of_its_first_mention(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc(
        "Brussels is weighing a reparations loan for Kyiv. Zelensky backed the loan on Monday."
    )
    assert ("Volodymyr Zelensky", "sanctions", "accept") in claims_of(doc, ctx)


def test_negated_obligation_is_a_rejection(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("France said that borders must not be changed by force.")
    assert claims_of(doc, ctx) == {("France", "territory_regions", "reject")}


def test_negated_permission_negates_its_complement(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Zelensky said the constitution does not allow Ukraine to give up territory.")
    assert claims_of(doc, ctx) == {("Ukraine", "territory_regions", "reject")}


def test_judging_a_measure_with_a_negative_noun_rejects_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Peskov called any seizure of the frozen assets theft.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "sanctions", "reject")}


def test_warning_of_a_measure_s_harm_rejects_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin warned that supplying Tomahawks would wreck the thaw with Washington.")
    assert claims_of(doc, ctx) == {("Vladimir Putin", "military_aid", "reject")}


def test_harmful_consequence_of_a_condition_is_no_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Peskov said that if Tomahawks are sent, it would mean a new round of tension.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "military_aid", "reject")}


def test_pledge_to_act_offers_and_pledge_to_keep_backs(make_doc: MakeDoc, ctx: Ctx) -> None:
    offer = make_doc("France pledged to send troops to Ukraine.")
    assert claims_of(offer, ctx) == {("France", "peacekeepers", "propose")}
    backing = make_doc("Germany pledged to keep up sanctions on Russia.")
    assert claims_of(backing, ctx) == {("Germany", "sanctions", "accept")}


def test_stated_intention_of_one_s_own_side(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Zelensky said Ukraine will not surrender territory.")
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "territory_regions", "reject")}
    forecast = make_doc("Trump said Russia would not surrender territory.")
    assert claims_of(forecast, ctx) == set()


def test_time_adjuncts_are_not_the_object(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine said Kyiv was ready to accept a ceasefire after eight hours of talks.")
    assert claims_of(doc, ctx) == {("Ukraine", "ceasefire", "accept")}


def test_verb_of_saying_beats_a_guessed_quote_speaker(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = "Medvedev raged that supplying Tomahawks 'could end badly for everyone'."
    start = text.index("could")
    end = text.index("'.")
    guessed = Quote(text[start:end], start, end, "Donald Trump", "us", "direct",
                    resolution="nearby")
    doc = make_doc(text, quotes=[guessed])
    assert claims_of(doc, ctx) == {("Dmitry Medvedev", "military_aid", "reject")}


def test_best_course_is_proposed_and_the_alternative_rejected(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Trump wrote that the best way forward was to go directly to a peace agreement "
        "rather than a mere ceasefire."
    )
    assert claims_of(doc, ctx) == {
        ("Donald Trump", "peace_plan", "propose"),
        ("Donald Trump", "ceasefire", "reject"),
    }


def test_main_verb_hung_after_a_relative_clause_keeps_its_subject(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc(
        "Zelensky, who attended the summit, called on leaders to approve new sanctions quickly."
    )
    assert ("Volodymyr Zelensky", "sanctions", "demand") in claims_of(doc, ctx)


def test_pressing_for_one_s_own_plan_proposes_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = "Washington pressed Kyiv to sign on to the US peace plan."
    start = text.index("the US peace plan")
    plan = PlanMention("US peace plan", "United States", (), start,
                       start + len("the US peace plan"))
    doc = make_doc(text, plans=[plan])
    assert ("United States", "peace_plan", "propose") in claims_of(doc, ctx)
    assert ("United States", "peace_plan", "demand") not in claims_of(doc, ctx)


def test_what_causes_concern_is_rejected_by_who_says_so(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Trump said he might send Tomahawks to Ukraine. "
        "Peskov said the issue was causing extreme concern in Moscow."
    )
    assert ("Dmitry Peskov", "military_aid", "reject") in claims_of(doc, ctx)


def test_a_plan_term_that_bans_something_rejects_it() -> None:
    from redline.nlp.claim_assembly import point_stance

    bans = frozenset({"ban", "non-recognition"})
    assert point_stance("a ban on the deployment of foreign troops", bans) == "reject"
    assert point_stance("non-recognition of the annexed territories", bans) == "reject"
    assert point_stance("the full withdrawal of Ukrainian troops", bans) == "propose"


def test_harm_wished_on_the_other_side_is_no_rejection(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Zelensky said new sanctions would hurt Russia badly.")
    assert ("Volodymyr Zelensky", "sanctions", "reject") not in claims_of(doc, ctx)
    warned = make_doc("Peskov warned that new sanctions would hurt Russia and the US alike.")
    assert ("Dmitry Peskov", "sanctions", "reject") in claims_of(warned, ctx)


# --- plan terms by the proposer's role ---------------------------------------------------


def _plan_with_terms(text: str, proposer: str, terms: list[tuple[str, str]]) -> PlanMention:
    from redline.model import PlanPoint

    points = tuple(
        PlanPoint(None, (issue,), words, text.index(words), text.index(words) + len(words))
        for words, issue in terms
    )
    return PlanMention("memorandum", proposer, points, text.index("memorandum"),
                       text.index("memorandum") + len("memorandum"))


def test_a_warring_sides_terms_are_its_demands(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = ("The memorandum lists the recognition of Crimea as Russian, limits on the size of "
            "Ukraine's army and a 30-day ceasefire.")
    plan = _plan_with_terms(text, "Russia", [
        ("the recognition of Crimea as Russian", "territory_crimea"),
        ("limits on the size of Ukraine's army", "army_limits"),
        ("a 30-day ceasefire", "ceasefire"),
    ])
    claims = {(c.actor, c.issue, c.stance) for c in _claims(make_doc(text, plans=[plan]), ctx)
              if c.plan == "memorandum"}
    # a truce is taken by both sides together: offered, not demanded
    assert claims == {("Russia", "territory_crimea", "demand"), ("Russia", "army_limits", "demand"),
                      ("Russia", "ceasefire", "propose")}


def test_a_mediators_terms_are_proposals(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = "The memorandum lists limits on the size of Ukraine's army."
    plan = _plan_with_terms(text, "United States",
                            [("limits on the size of Ukraine's army", "army_limits")])
    claims = {(c.actor, c.issue, c.stance) for c in _claims(make_doc(text, plans=[plan]), ctx)
              if c.plan == "memorandum"}
    assert claims == {("United States", "army_limits", "propose")}


def test_terms_read_off_a_leaked_draft_are_all_reported(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = ("According to the memorandum, which was obtained by several outlets, Ukraine would "
            "hold elections. The text also caps Ukraine's army at 600,000 troops.")
    plan = _plan_with_terms(text, "United States", [
        ("Ukraine would hold elections", "ukraine_leadership"),
        ("caps Ukraine's army at 600,000 troops", "army_limits"),
    ])
    claims = [c for c in _claims(make_doc(text, plans=[plan]), ctx) if c.plan == "memorandum"]
    assert {(c.issue, c.status) for c in claims} == {
        ("ukraine_leadership", "reported"), ("army_limits", "reported")
    }


def test_pack_gives_each_party_its_role() -> None:
    pack = load_pack("russia-ukraine")
    roles = {p.id: p.role for p in pack.parties}
    assert roles["russia"] == roles["ukraine"] == "belligerent"
    assert roles["us"] == "mediator" and roles["france"] == "third"
    gaza = load_pack("gaza-ceasefire")
    assert {p.id for p in gaza.parties if p.role == "belligerent"} == {"israel", "hamas"}


# --- "the two sides" ---------------------------------------------------------------------


def test_the_two_sides_are_the_sides_at_the_table(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Kyiv's delegation held talks with the US in Jeddah. Russia was not present. "
                   "The two sides agreed to exchange prisoners of war.")
    assert {(c.actor, c.issue, c.stance) for c in _claims(doc, ctx)} >= {
        ("Ukraine", "humanitarian", "accept"), ("United States", "humanitarian", "accept")
    }
    assert not any(c.actor == "Russia" and c.issue == "humanitarian" for c in _claims(doc, ctx))


def test_the_two_sides_unresolved_without_sides_at_the_table(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Russia and Ukraine fought on. The two sides agreed to exchange prisoners.")
    assert claims_of(doc, ctx) == set()


def test_a_speaker_speaks_for_his_own_side(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = ("Moscow's delegation met Kyiv's delegation. Peskov said both sides had agreed to "
            "exchange prisoners of war.")
    start = text.index("both")
    quote = Quote(text[start:-1], start, len(text) - 1, "Dmitry Peskov", "russia", "indirect")
    doc = make_doc(text, quotes=[quote])
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "humanitarian", "accept"),
                                   ("Ukraine", "humanitarian", "accept")}


# --- what a call asks for ----------------------------------------------------------------


def test_urging_another_to_hold_off_rejects(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Washington urged Germany to hold off on seizing frozen Russian assets.")
    assert claims_of(doc, ctx) == {("United States", "sanctions", "reject")}


def test_asking_another_not_to_accept_rejects(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("France asked Kyiv not to accept the ceasefire terms.")
    assert claims_of(doc, ctx) == {("France", "ceasefire", "reject")}


def test_urging_another_to_accept_demands(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("France urged Russia to accept the ceasefire.")
    assert claims_of(doc, ctx) == {("France", "ceasefire", "demand")}


def test_calling_on_an_actor_about_a_proposal_demands(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Trump called on Moscow to respond quickly to the ceasefire proposal.")
    assert claims_of(doc, ctx) == {("Donald Trump", "ceasefire", "demand")}


# --- which plan a position is about ------------------------------------------------------


def _us_plan(text: str, name: str, n_points: int | None = None) -> PlanMention:
    start = text.index(name)
    return PlanMention(name, "United States", (), start, start + len(name), n_points=n_points)


def test_a_later_naming_by_count_of_points_is_the_plan(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = ("The US unveiled a 28-point plan. Washington pressed Kyiv to sign on to a 28-point "
            "peace framework.")
    doc = make_doc(text, plans=[_us_plan(text, "28-point plan", 28)])
    claims = {(c.actor, c.issue, c.stance, c.plan) for c in _claims(doc, ctx)}
    # pressing another to sign one's own plan proposes it
    assert ("United States", "peace_plan", "propose", "28-point plan") in claims


def test_a_sides_proposal_is_the_plan_of_that_side(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = ("The US floated a 30-day ceasefire proposal on Tuesday. Peskov voiced his opposition "
            "to Washington's proposed deal.")
    plan = _us_plan(text, "30-day ceasefire proposal")
    doc = make_doc(text, plans=[replace(plan, name="30-day ceasefire proposal",
                                        pack_plan="us-30-day-ceasefire")])
    claims = {(c.actor, c.issue, c.stance, c.plan) for c in _claims(doc, ctx)}
    assert ("Dmitry Peskov", "ceasefire", "reject", "30-day ceasefire proposal") in claims


def test_a_refusal_with_a_way_out_is_a_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Germany refused to back the use of frozen Russian assets unless other "
                   "capitals share the risks.")
    assert claims_of(doc, ctx) == {("Germany", "sanctions", "demand")}


def test_a_threat_to_block_unless_is_a_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Germany is threatening to block the plan to use frozen Russian assets unless "
                   "other capitals agree to share the risks.")
    assert claims_of(doc, ctx) == {("Germany", "sanctions", "demand")}


def test_what_one_would_do_in_return_is_offered(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin said he would freeze the front line if Ukraine pulled out of Donetsk, "
                   "according to people briefed on the talks.")
    assert claims_of(doc, ctx) == {("Vladimir Putin", "frontline_freeze", "propose"),
                                   ("Vladimir Putin", "territory_regions", "demand")}


def test_only_if_is_a_condition_not_an_offer(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin said he would only freeze the front line if Ukraine pulled out of "
                   "Donetsk.")
    assert ("Vladimir Putin", "frontline_freeze", "propose") not in claims_of(doc, ctx)
    assert ("Vladimir Putin", "territory_regions", "demand") in claims_of(doc, ctx)


PLAN_CONTENT = [
    # the seed sentence: the main clause states the plan's content, "outlined" is no act of Putin
    "According to the plan, Putin would stay close to the territory his troops have seized, "
    "as outlined in an unconfirmed seven-point plan to end the war.",
    "Under the deal, Russia agrees to a ceasefire along the front line.",
    "According to the draft, Ukraine accepts limits on the size of its army.",
    "In the plan, Russia offers to return the Zaporizhzhia nuclear plant.",
    "According to the memorandum, Kyiv proposes a buffer zone.",
    "Under the proposal, Moscow would accept a ceasefire along the front line.",
]


@pytest.mark.parametrize("text", PLAN_CONTENT)
def test_a_clause_stating_a_plans_content_gives_its_subject_no_position(
    make_doc: MakeDoc, ctx: Ctx, text: str
) -> None:
    holders = {c.actor for c in _claims(make_doc(text), ctx)}
    assert holders.isdisjoint({"Vladimir Putin", "Russia", "Ukraine"})


def test_a_plans_content_is_held_by_its_proposer(make_doc: MakeDoc, ctx: Ctx) -> None:
    from redline.model import PlanPoint

    text = ("According to the plan, Putin would stay close to the territory his troops have "
            "seized, as outlined in an unconfirmed seven-point plan to end the war.")
    term = "Putin would stay close to the territory his troops have seized"
    point = PlanPoint(None, ("territory_regions",), term, text.index(term),
                      text.index(term) + len(term))
    start = text.index("seven-point plan")
    plan = PlanMention("seven-point plan", "United States", (point,), start, start + 16)
    claims = {(c.actor, c.issue, c.stance) for c in _claims(make_doc(text, plans=[plan]), ctx)}
    assert ("Vladimir Putin", "peace_plan", "propose") not in claims
    assert ("United States", "territory_regions", "propose") in claims


def test_an_actors_own_position_beside_a_source_or_plan_stays(make_doc: MakeDoc, ctx: Ctx) -> None:
    sourced = make_doc("According to Reuters, Putin proposed a truce.")
    assert [(c.actor, c.issue, c.stance, c.status) for c in _claims(sourced, ctx)] == [
        ("Vladimir Putin", "ceasefire", "propose", "reported")
    ]
    under = make_doc("Russia agreed to a ceasefire under the US plan.")
    assert ("Russia", "ceasefire", "accept") in claims_of(under, ctx)
    own = make_doc("In its memorandum, Russia demanded a buffer zone.")
    assert claims_of(own, ctx) == {("Russia", "buffer_zone", "demand")}


def test_plan_content_in_another_pack(nlp: Language, make_doc: MakeDoc) -> None:
    gaza = make_context(load_pack("gaza-ceasefire"), nlp.tokenizer)

    def claims_in(text: str) -> set[tuple[str, str, str]]:
        doc = make_doc(text)
        doc._.mentions = [
            Mention(m.start(), m.end(), name, name, name.lower(), "name", 0.9, kind)
            for name, kind in (("Hamas", "group"), ("Israel", "state"))
            for m in re.finditer(name, text)
        ]
        return claims_of(doc, gaza)

    assert claims_in("Under the deal, Hamas agrees to release the hostages.") == set()
    assert claims_in("According to the draft, Israel accepts a ceasefire.") == set()
    assert claims_in("Hamas agreed to release the hostages.") == {("Hamas", "hostages", "accept")}
    assert claims_in("According to Israel, Hamas agreed to release the hostages.") == {
        ("Hamas", "hostages", "accept")
    }


def test_subject_raised_by_a_passive_report_verb_holds_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin is said to be insisting that Kyiv gives up its bid to join NATO.")
    claims = _claims(doc, ctx)
    assert {(c.actor, c.issue, c.stance) for c in claims} >= {
        ("Vladimir Putin", "nato_membership", "demand")
    }
    assert {c.status for c in claims if c.actor == "Vladimir Putin"} != {"stated"}


def test_a_prediction_about_someone_is_not_raised(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Germany is not expected to block the ceasefire.")
    assert claims_of(doc, ctx) == set()


def test_a_title_after_a_name_does_not_hide_the_person(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("John Healey MP called on Moscow to accept the ceasefire.")
    assert ("John Healey", "ceasefire", "demand") in claims_of(doc, ctx)


def test_a_threat_naming_no_measure_answers_the_one_before(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "The EU wants to use frozen Russian assets to fund Ukraine. "
        "Moscow has repeatedly vowed to retaliate."
    )
    assert ("Russia", "sanctions", "threaten") in claims_of(doc, ctx)


def test_a_threat_with_its_own_issue_keeps_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "The EU wants to use frozen Russian assets to fund Ukraine. "
        "Medvedev has threatened Western capitals with nuclear annihilation."
    )
    assert claims_of(doc, ctx) == {("Dmitry Medvedev", "nuclear", "threaten")}


def _unnamed_quote(text: str, words: str, party: str) -> Quote:
    start = text.index(words)
    return Quote(words, start, start + len(words), "unnamed source", party, "direct")


def test_an_unnamed_source_speaks_for_its_side(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = '"We will not accept a cap on the size of the army," a senior official said.'
    words = "We will not accept a cap on the size of the army,"
    sided = _claims(make_doc(text, quotes=[_unnamed_quote(text, words, "ukraine")]), ctx)
    assert [(c.actor, c.issue, c.stance, c.status) for c in sided] == [
        ("Ukraine", "army_limits", "reject", "reported")
    ]
    sideless = make_doc(text, quotes=[_unnamed_quote(text, words, "other")])
    assert claims_of(sideless, ctx) == set()


def test_an_unnamed_source_reporting_a_named_actor_keeps_the_actor(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    text = '"Putin rejected the ceasefire outright," a Ukrainian official said.'
    words = "Putin rejected the ceasefire outright,"
    doc = make_doc(text, quotes=[_unnamed_quote(text, words, "ukraine")])
    assert claims_of(doc, ctx) == {("Vladimir Putin", "ceasefire", "reject")}


def test_a_negative_subject_negates_the_predicate(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = '"Nobody is signing off on the ceasefire this week," a US official said.'
    words = "Nobody is signing off on the ceasefire this week,"
    doc = make_doc(text, quotes=[_unnamed_quote(text, words, "us")])
    assert claims_of(doc, ctx) == {("United States", "ceasefire", "reject")}


@pytest.mark.parametrize("text", [
    "Kyiv had proposed an immediate 30-day ceasefire and a meeting between the two leaders.",
    "Kyiv was ready for a ceasefire of 30 days and a leaders' summit.",
])
def test_a_meeting_coordinated_with_a_ceasefire_is_an_issue_of_its_own(
    make_doc: MakeDoc, ctx: Ctx, text: str
) -> None:
    issues = {issue for _, issue, _ in claims_of(make_doc(text), ctx)}
    assert issues == {"ceasefire", "negotiation_format"}




def test_a_relative_that_is_not_an_anaphor(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "The talks ended without a ceasefire, with Moscow pressing demands that Kyiv called "
        "unacceptable."
    )
    assert claims_of(doc, ctx) == set()
    doc = make_doc("Moscow is pressing demands for a buffer zone.")
    assert claims_of(doc, ctx) == {("Russia", "buffer_zone", "demand")}


def test_what_any_agreement_must_include_is_demanded(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Peskov said any agreement must include the lifting of sanctions.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "sanctions", "demand")}
    # A given document's content is its proposer's, not a demand of the subject's.
    doc = make_doc("Peskov said the agreement would include the lifting of sanctions.")
    assert ("Dmitry Peskov", "sanctions", "demand") not in claims_of(doc, ctx)


def test_a_particle_after_the_object_completes_the_phrasal_verb(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Peskov brushed the idea of a ceasefire aside.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "ceasefire", "reject")}


def test_a_reporting_clause_set_off_inside_the_reported_one_holds_it(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Ukraine, Peskov said, must return to neutrality.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "nato_membership", "demand")}


def test_a_sides_priority_is_its_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine's priority remained a full ceasefire.")
    assert claims_of(doc, ctx) == {("Ukraine", "ceasefire", "demand")}


def test_a_plan_term_that_denies_its_issue_is_the_proposers_rejection(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    text = (
        "The US plan sets out the terms. Under it, no NATO troops would be stationed in "
        "Ukraine, and a ceasefire would start at once."
    )
    denied = "no NATO troops would be stationed in Ukraine"
    granted = "a ceasefire would start at once"
    points = tuple(
        PlanPoint(None, (issue,), words, text.index(words), text.index(words) + len(words))
        for words, issue in ((denied, "peacekeepers"), (granted, "ceasefire"))
    )
    plan = PlanMention("US plan", "United States", points, 4, 11)
    found = claims_of(make_doc(text, plans=[plan]), ctx)
    assert ("United States", "peacekeepers", "reject") in found
    assert ("United States", "ceasefire", "propose") in found
    assert ("United States", "peacekeepers", "propose") not in found


def test_a_that_clause_the_parser_coordinated_is_still_the_complement(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc(
        "Putin is also said to have insisted, again, that Ukraine renounce NATO membership "
        "and that no Western troops be stationed on its soil."
    )
    assert claims_of(doc, ctx) == {
        ("Vladimir Putin", "nato_membership", "demand"),
        ("Vladimir Putin", "peacekeepers", "reject"),
    }


def test_demanding_that_none_of_a_thing_come_rejects_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia demanded that no Western troops be stationed in Ukraine.")
    assert claims_of(doc, ctx) == {("Russia", "peacekeepers", "reject")}
    # A negated verb demands the outcome: neutrality is a position on NATO membership.
    doc = make_doc("Russia demanded that Ukraine never join NATO.")
    assert claims_of(doc, ctx) == {("Russia", "nato_membership", "demand")}


def test_a_negating_determiner_on_the_subject_negates_the_predicate(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Peskov said no Russian official would accept a ceasefire.")
    assert ("Dmitry Peskov", "ceasefire", "reject") in claims_of(doc, ctx)


def test_an_adverb_inside_a_hedge_phrase_keeps_the_hedge(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin is also said to have demanded a buffer zone.")
    assert [(c.issue, c.status) for c in _claims(doc, ctx)] == [("buffer_zone", "alleged")]


def test_having_no_choice_but_to_act_threatens(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Trump said he would have no other choice but to impose sanctions on Russia.")
    assert claims_of(doc, ctx) == {("Donald Trump", "sanctions", "threaten")}


def test_what_a_side_needs_from_others_it_demands(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Zelensky said Ukraine needed more long-range weapons.")
    assert ("Volodymyr Zelensky", "military_aid", "demand") in claims_of(doc, ctx)


def test_the_subject_of_a_demand_noun_attribute_is_the_demand(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Neutrality is Russia's main demand.")
    assert claims_of(doc, ctx) == {("Russia", "nato_membership", "demand")}


def test_insisting_on_ones_own_sides_refusal_is_a_rejection(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Zelensky insisted that Ukraine would never recognise Russian control over the "
        "occupied territory."
    )
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "territory_regions", "reject")}


def test_only_makes_a_time_clause_a_condition(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia would agree to a truce only after Ukraine withdraws from Donetsk.")
    assert ("Russia", "territory_regions", "demand") in claims_of(doc, ctx)
    doc = make_doc("Russia agreed to a truce after Ukraine withdrew from Donetsk.")
    assert ("Russia", "territory_regions", "demand") not in claims_of(doc, ctx)


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin called the sanctions an unfriendly act.", ("Vladimir Putin", "sanctions", "reject")),
    ("Zelensky called the new sanctions a very important signal.",
     ("Volodymyr Zelensky", "sanctions", "accept")),
])
def test_an_evaluative_adjective_on_a_judged_noun_takes_a_stance(
    make_doc: MakeDoc, ctx: Ctx, text: str, expected: tuple[str, str, str]
) -> None:
    assert claims_of(make_doc(text), ctx) == {expected}


def test_a_neutral_judged_noun_takes_no_stance(make_doc: MakeDoc, ctx: Ctx) -> None:
    assert claims_of(make_doc("Putin called the sanctions a signal."), ctx) == set()


def test_declining_to_comment_takes_no_position(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The Kremlin declined to comment on the sanctions.")
    assert claims_of(doc, ctx) == set()
    doc = make_doc("The Kremlin refused to discuss the sanctions.")
    assert claims_of(doc, ctx) == {("Russia", "sanctions", "reject")}


def test_readiness_to_consider_an_own_act_offers_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("France is ready to consider sending troops to Ukraine.")
    assert claims_of(doc, ctx) == {("France", "peacekeepers", "propose")}


def test_an_obligation_on_both_sides_proposes_the_term(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Trump said both armies should stop at the current front line.")
    assert claims_of(doc, ctx) == {("Donald Trump", "frontline_freeze", "propose")}
    doc = make_doc("Trump said Ukraine should stop at the current front line.")
    assert claims_of(doc, ctx) == {("Donald Trump", "frontline_freeze", "demand")}


def test_they_after_a_coordinated_speaker_is_each_of_them(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("European leaders and Zelensky said they strongly supported a ceasefire.")
    assert claims_of(doc, ctx) == {
        ("European Union", "ceasefire", "accept"),
        ("Volodymyr Zelensky", "ceasefire", "accept"),
    }


def test_an_obligation_inside_what_is_supported_is_its_content(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc(
        "Zelensky supported Trump's position that the current line of contact should be the "
        "starting point of talks."
    )
    assert ("Volodymyr Zelensky", "frontline_freeze", "accept") in claims_of(doc, ctx)
    assert ("Volodymyr Zelensky", "frontline_freeze", "demand") not in claims_of(doc, ctx)


def test_thanking_someone_for_a_measure_accepts_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Zelensky thanked Trump for the new sanctions.")
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "sanctions", "accept")}


def test_they_after_a_coordinated_subject_is_the_group(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia and Ukraine met in Istanbul on Friday. They agreed to a ceasefire.")
    assert claims_of(doc, ctx) == {
        ("Russia", "ceasefire", "accept"), ("Ukraine", "ceasefire", "accept")
    }


def test_the_counted_leaders_are_those_listed_before(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Zelensky travelled to Paris together with Trump, Putin and John Healey. Afterwards "
        "the four leaders agreed to a ceasefire."
    )
    found = claims_of(doc, ctx)
    assert {("Donald Trump", "ceasefire", "accept"), ("Vladimir Putin", "ceasefire", "accept"),
            ("John Healey", "ceasefire", "accept")} <= found
    # Three leaders cannot be a group of four.
    doc = make_doc(
        "Zelensky travelled to Paris together with Trump, Putin, Medvedev and John Healey. "
        "Afterwards the three leaders agreed to a ceasefire."
    )
    assert claims_of(doc, ctx) == set()


def test_imposing_sanctions_is_a_threat_even_when_done(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Hours later, the US Treasury imposed sanctions on two oil companies.")
    assert claims_of(doc, ctx) == {("United States", "sanctions", "threaten")}


def test_adopting_a_package_of_sanctions_is_a_threat(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The European Union this month adopted its 18th package of sanctions.")
    assert claims_of(doc, ctx) == {("European Union", "sanctions", "threaten")}


def test_lifting_sanctions_is_no_threat(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The Treasury lifted sanctions on a Belarusian airline.")
    assert ("United States", "sanctions", "threaten") not in claims_of(doc, ctx)


def test_an_intention_to_keep_up_pressure_is_the_threat(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The EU said it would keep strengthening sanctions on Russia.")
    assert claims_of(doc, ctx) == {("European Union", "sanctions", "threaten")}


def test_only_before_an_adjunct_makes_it_a_condition(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Peskov said a summit was possible only after a ceasefire.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "ceasefire", "demand")}


def test_a_condition_naming_no_measure_demands_what_it_restricts(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc(
        "Peskov said a meeting between Putin and Zelensky could happen only as a result of "
        "concrete agreements."
    )
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "negotiation_format", "demand")}


def test_only_before_a_date_is_no_condition(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Peskov said talks could resume only in January.")
    assert claims_of(doc, ctx) == set()


def test_only_before_if_restricts_a_plain_main_clause(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Peskov said a summit was possible only if a ceasefire was agreed.")
    assert ("Dmitry Peskov", "ceasefire", "demand") in claims_of(doc, ctx)


def test_a_condition_on_readiness_is_demanded(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine is ready to give up its NATO bid if it receives security guarantees.")
    assert ("Ukraine", "security_guarantees", "demand") in claims_of(doc, ctx)


def test_declaring_a_truce_proposes_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("On 28 April Putin ordered a unilateral ceasefire for three days.")
    assert claims_of(doc, ctx) == {("Vladimir Putin", "ceasefire", "propose")}


def test_announcing_that_reports_and_proposes_nothing(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin announced that the truce was over.")
    assert ("Vladimir Putin", "ceasefire", "propose") not in claims_of(doc, ctx)


def test_an_adjective_after_its_noun_is_judged_by_the_verb(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Putin called the amendments to the peace plan absolutely unacceptable.")
    assert claims_of(doc, ctx) == {("Vladimir Putin", "peace_plan", "reject")}


def test_committing_to_a_force_offers_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Britain has committed to a multinational force for Ukraine.")
    assert claims_of(doc, ctx) == {("United Kingdom", "peacekeepers", "propose")}


def test_as_soon_as_is_a_condition(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc(
        "Putin said Moscow would order a ceasefire as soon as Kyiv pulled its troops out of "
        "the four regions."
    )
    found = claims_of(doc, ctx)
    assert ("Vladimir Putin", "territory_regions", "demand") in found
    assert ("Vladimir Putin", "territory_regions", "propose") not in found


def test_seeing_no_reason_to_act_rejects_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Zelensky said Ukraine saw no reason to weaken sanctions.")
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "sanctions", "reject")}


def test_an_institution_relays_what_its_leader_did(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The Kremlin announced that Putin had declared a ceasefire.")
    assert claims_of(doc, ctx) == {("Vladimir Putin", "ceasefire", "propose")}


def test_an_answer_in_kind_to_a_halt_proposes_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("'If Russia is ready to stop the fighting, we will respond in kind,' "
                   "Zelensky said.")
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "ceasefire", "propose")}


def test_an_answer_in_kind_to_an_attack_stays_a_threat(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("'If Russia strikes our cities, we will respond in kind,' Zelensky said.")
    found = claims_of(doc, ctx)
    assert all(stance != "propose" for _, _, stance in found)


def test_the_preposition_of_the_stance_verb_is_no_place(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia insisted on Ukraine's neutral status and on the reduction of its "
                   "military potential.")
    found = claims_of(doc, ctx)
    assert ("Russia", "nato_membership", "demand") in found
    assert ("Russia", "army_limits", "demand") in found


def test_what_is_not_up_for_discussion_is_insisted_on(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The Kremlin said the status of Crimea is not up for discussion.")
    assert claims_of(doc, ctx) == {("Russia", "territory_crimea", "demand")}
    doc = make_doc("Zelensky said Ukraine's territorial integrity was non-negotiable.")
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "territory_regions", "demand")}


def test_what_is_called_a_condition_is_demanded(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Peskov said a ceasefire was a precondition for talks.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "ceasefire", "demand")}


def test_asking_no_one_for_talks_proposes_them(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine requested direct talks between the heads of state.")
    assert claims_of(doc, ctx) == {("Ukraine", "negotiation_format", "propose")}
    doc = make_doc("Ukraine insisted on a seat at the negotiating table.")
    assert claims_of(doc, ctx) == {("Ukraine", "negotiation_format", "demand")}


def test_threatening_to_block_rejects(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Germany threatened to block the new sanctions package.")
    assert claims_of(doc, ctx) == {("Germany", "sanctions", "reject")}


def test_a_way_out_hung_on_the_object_still_lifts_the_refusal(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Germany is threatening to hold up the plan to use frozen Russian assets "
                   "unless other capitals agree to share the risks.")
    assert claims_of(doc, ctx) == {("Germany", "sanctions", "demand")}


def test_saying_it_is_time_to_agree_demands_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    text = "Zelensky said it was time for Russia to accept the ceasefire."
    start = text.index("it was")
    quote = Quote(text[start:-1], start, len(text) - 1, "Volodymyr Zelensky", "ukraine",
                  "indirect")
    doc = make_doc(text, quotes=[quote])
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "ceasefire", "demand")}
    doc = make_doc("Russia agreed for the first time that Washington could offer security "
                   "guarantees.")
    assert all(stance != "demand" for _, _, stance in claims_of(doc, ctx))


def test_coordinated_adjectives_name_both_sides(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("American and European officials proposed a prisoner exchange.")
    assert claims_of(doc, ctx) == {("United States", "humanitarian", "propose"),
                                   ("European Union", "humanitarian", "propose")}


def test_a_question_takes_no_position(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Asked whether he would consider easing sanctions, Trump declined to comment.")
    assert claims_of(doc, ctx) == set()
    doc = make_doc("Zelensky wondered whether Russia would accept the ceasefire.")
    assert claims_of(doc, ctx) == set()
    doc = make_doc("Zelensky asked Trump for more air defence.")
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "military_aid", "demand")}


def test_a_verb_hung_on_a_verbless_subject_is_its_predicate(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine's delegation, led by Zelensky, pressed for an exchange of prisoners "
                   "and proposed a ceasefire.")
    found = claims_of(doc, ctx)
    assert ("Ukraine", "ceasefire", "propose") in found


def test_seeking_is_a_demand(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine is seeking an exchange of prisoners.")
    assert claims_of(doc, ctx) == {("Ukraine", "humanitarian", "demand")}


def test_stepping_up_pressure_is_a_threat(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Germany will step up pressure on Moscow.")
    assert claims_of(doc, ctx) == {("Germany", "sanctions", "threaten")}


def test_a_participle_says_the_whole_noun_phrase_before_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The Kremlin said a moratorium on strikes against energy facilities, agreed "
                   "by Putin in a telephone call with Trump, had been honoured.")
    assert ("Vladimir Putin", "ceasefire", "accept") in claims_of(doc, ctx)


def test_a_place_after_the_copula_is_no_issue(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine is ready to meet the Russian leader in any format, in a neutral "
                   "country.")
    assert claims_of(doc, ctx) == {("Ukraine", "negotiation_format", "accept")}


def test_a_readiness_on_a_condition_offers_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Ukraine was ready to give up its bid to join NATO if it received binding "
                   "guarantees.")
    found = claims_of(doc, ctx)
    assert ("Ukraine", "nato_membership", "propose") in found
    assert ("Ukraine", "security_guarantees", "demand") in found


def test_a_group_named_with_whom_one_travelled_holds_later_positions(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Zelensky travelled to Paris together with Trump, John Healey and Kellogg. "
                   "The talks lasted all day. The weather was cold. "
                   "The leaders welcomed the news. They called on Putin to accept the ceasefire.")
    found = claims_of(doc, ctx)
    for actor in ("Volodymyr Zelensky", "Donald Trump", "John Healey", "Keith Kellogg"):
        assert (actor, "ceasefire", "demand") in found


def test_warning_that_sanctions_would_follow_threatens(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("If Moscow refused, Trump warned, a massive new package of sanctions would "
                   "follow.")
    assert ("Donald Trump", "sanctions", "threaten") in claims_of(doc, ctx)
    doc = make_doc("Peskov warned that the sanctions had failed.")
    assert ("Dmitry Peskov", "sanctions", "threaten") not in claims_of(doc, ctx)


def test_a_sides_adjective_owns_a_stance_noun(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("The central Russian demand is that Ukraine withdraw from Donetsk.")
    assert claims_of(doc, ctx) == {("Russia", "territory_regions", "demand")}


def test_calling_a_measure_not_serious_rejects_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Zelensky said the Easter truce was not serious.")
    assert claims_of(doc, ctx) == {("Volodymyr Zelensky", "ceasefire", "reject")}
    doc = make_doc("Zelensky said Putin was not serious about the ceasefire.")
    assert ("Volodymyr Zelensky", "ceasefire", "reject") not in claims_of(doc, ctx)


def test_a_measure_said_to_be_a_bad_thing_is_rejected(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Peskov said that the sanctions were an unfriendly act.")
    assert claims_of(doc, ctx) == {("Dmitry Peskov", "sanctions", "reject")}


def test_an_object_no_cue_names_takes_the_issue_its_words_belong_to(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Russia demanded much lower ceilings on the size of Kyiv's forces.")
    assert claims_of(doc, ctx) == {("Russia", "army_limits", "demand")}


def test_expecting_a_measure_demands_it(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia expects the gradual lifting of sanctions.")
    assert claims_of(doc, ctx) == {("Russia", "sanctions", "demand")}


def test_quotation_marks_do_not_break_a_phrase(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc('Putin saw "no sense" in the presence of foreign troops in Ukraine.')
    assert ("Vladimir Putin", "peacekeepers", "reject") in claims_of(doc, ctx)


def test_good_for_someone_names_whom_it_serves_not_who_judges(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Trump said the talks were positive for Russia and Ukraine.")
    found = claims_of(doc, ctx)
    assert ("Russia", "negotiation_format", "accept") not in found
    doc = make_doc("Peskov said the ceasefire was unacceptable for Russia.")
    assert ("Dmitry Peskov", "ceasefire", "reject") in claims_of(doc, ctx)


def test_a_bare_refusal_answers_the_offer_not_the_threat(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Trump proposed a ceasefire. Trump warned that new sanctions would follow. "
                   "Putin did not accept.")
    found = claims_of(doc, ctx)
    assert ("Vladimir Putin", "ceasefire", "reject") in found
    assert ("Vladimir Putin", "sanctions", "reject") not in found


def test_a_general_noun_after_a_comma_restates_the_phrase_before(
    make_doc: MakeDoc, ctx: Ctx
) -> None:
    doc = make_doc("Russia rejected a 30-day ceasefire, an idea put forward by Washington.")
    found = claims_of(doc, ctx)
    assert ("United States", "ceasefire", "propose") in found
    assert ("Russia", "ceasefire", "reject") in found


def test_what_a_side_says_it_could_do_is_an_offer(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Russia signalled that Moscow could halt its advance along the current lines.")
    assert claims_of(doc, ctx) == {("Russia", "frontline_freeze", "propose")}


def test_what_another_side_thinks_it_could_do_is_no_offer(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("Washington believes Moscow could halt its advance along the current lines.")
    assert claims_of(doc, ctx) == set()


def test_a_ceasefire_along_the_current_line_freezes_the_front(make_doc: MakeDoc,
                                                              ctx: Ctx) -> None:
    doc = make_doc("Ukraine agreed to a ceasefire along the current line.")
    assert claims_of(doc, ctx) == {("Ukraine", "ceasefire", "accept"),
                                   ("Ukraine", "frontline_freeze", "accept")}
    doc = make_doc("Putin rejected a ceasefire in the Black Sea.")
    assert claims_of(doc, ctx) == {("Vladimir Putin", "ceasefire", "reject")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow was prepared to accept an immediate ceasefire.",
         ("Russia", "ceasefire", "accept")),
        ("Moscow was not prepared to accept an immediate ceasefire.",
         ("Russia", "ceasefire", "reject")),
        ("Kyiv is ready to reject the plan.", ("Ukraine", "peace_plan", "reject")),
    ],
)
def test_readiness_takes_the_stance_it_is_ready_for(make_doc: MakeDoc, ctx: Ctx, text: str,
                                                    expected: tuple[str, str, str]) -> None:
    assert claims_of(make_doc(text), ctx) == {expected}


def test_a_refusal_under_a_condition_is_said_outright(make_doc: MakeDoc, ctx: Ctx) -> None:
    doc = make_doc("If a lasting peace is reached, Putin sees no point in foreign troops in "
                   "Ukraine.")
    assert claims_of(doc, ctx) == {("Vladimir Putin", "peacekeepers", "reject")}
    doc = make_doc("If a lasting peace is reached, Putin would find the plan good.")
    assert claims_of(doc, ctx) == set()
