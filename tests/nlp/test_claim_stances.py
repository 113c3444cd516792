"""Stance, issue and holder read from the frame around the cue, whole pipeline, sentences of
our own: readiness to bring sanctions threatens, a call made on someone demands, a third
party's appeal for a truce proposes, negated opinion verbs, denied existentials, intentions
that take a stance, what is off the table, a plan no cue covers."""

from __future__ import annotations

import pytest
from claim_texts import claims


@pytest.mark.parametrize(("text", "stance"), [
    ("Trump said he was ready to move to a second phase of sanctions on Moscow.", "threaten"),
    ("Trump said he was ready to pass tough new sanctions against Russian banks.", "threaten"),
    ("Trump said he was ready to lift sanctions on Russian banks.", "propose"),
    ("Trump said he was ready to discuss sanctions relief.", "accept"),
])
def test_readiness_to_bring_a_coercive_measure_threatens(text: str, stance: str) -> None:
    found = claims(text)
    assert ("Donald Trump", "sanctions", stance) in found
    assert {s for a, i, s in found if i == "sanctions"} == {stance}


def test_a_call_made_on_someone_demands_whatever_the_sentence_says_besides() -> None:
    found = claims("Sybiha called on partners to speed up deliveries of air defence systems, "
                   "saying Russia had answered every peace initiative with more missiles.")
    assert ("Andrii Sybiha", "military_aid", "demand") in found


def test_a_modal_governs_the_verbs_coordinated_under_it() -> None:
    found = claims("Putin must stop the killing and come to the table, Starmer said.")
    assert ("Keir Starmer", "negotiation_format", "demand") in found


def test_not_thinking_a_thing_practical_rejects_it() -> None:
    found = claims("Trump said he did not think it was practical for Kyiv to join NATO.")
    assert ("Donald Trump", "nato_membership", "reject") in found
    assert ("Donald Trump", "nato_membership", "accept") not in found


def test_an_intention_to_take_a_stance_is_that_stance() -> None:
    found = claims("We will continue to ask for more Patriot systems before the winter, "
                   "Sybiha said.")
    assert ("Andrii Sybiha", "military_aid", "demand") in found
    assert ("Andrii Sybiha", "military_aid", "accept") not in found


def test_someone_a_quoted_speaker_talks_of_is_not_the_speaker() -> None:
    found = claims('"Every time they reject a ceasefire, they show the world who wants war," '
                   "Sybiha said.")
    assert ("Andrii Sybiha", "ceasefire", "reject") not in found
    # In reported speech the pronoun is the speaker.
    found = claims("Sybiha said they were ready to agree to a ceasefire at once.")
    assert ("Andrii Sybiha", "ceasefire", "accept") in found


def test_what_is_off_the_table_is_rejected() -> None:
    assert ("Yuri Ushakov", "negotiation_format", "reject") in claims(
        "Ushakov said any talks with Kyiv were off the table.")
    assert ("Volodymyr Zelensky", "territory_crimea", "reject") in claims(
        "Ceding Crimea is off the table, Zelensky said.")


def test_planning_for_a_force_proposes_it() -> None:
    found = claims("The United Kingdom and France continue to plan for a multinational force "
                   "of European troops in Ukraine.")
    assert {("United Kingdom", "peacekeepers", "propose"),
            ("France", "peacekeepers", "propose")} <= found


def test_a_denied_existence_in_someones_words_rejects_it() -> None:
    assert ("Sergey Lavrov", "peacekeepers", "reject") in claims(
        "There will be no NATO troops in Ukraine, Lavrov said.")
    assert ("Pete Hegseth", "peacekeepers", "reject") in claims(
        '"There will not be U.S. troops deployed to Ukraine," Hegseth said.')
    # A fact reported without a modal is no position.
    assert not claims("There was no agreement on a ceasefire, Lavrov said.")


def test_what_remains_a_condition_is_demanded_by_whoever_says_so() -> None:
    found = claims("Peskov repeated that recognition of Crimea remained a condition for any "
                   "settlement.")
    assert ("Dmitry Peskov", "territory_crimea", "demand") in found


def test_commitment_as_an_adjective_accepts_but_a_perfect_verb_is_no_adjective() -> None:
    # (The person who says his state holds a position holds it.)
    assert ("Dmitry Peskov", "negotiation_format", "accept") in claims(
        "Peskov said Russia remained committed to settling the conflict through negotiations.")
    found = claims("France has committed to deploying troops to Ukraine after a ceasefire.")
    assert ("France", "peacekeepers", "accept") not in found


def test_what_will_not_work_is_rejected() -> None:
    assert ("Sergey Lavrov", "frontline_freeze", "reject") in claims(
        'Lavrov said a freeze of the conflict along the current line "will not work" for '
        "Russia.")


def test_a_third_partys_call_for_a_truce_proposes_it_a_sides_demands_it() -> None:
    assert ("Hakan Fidan", "ceasefire", "propose") in claims(
        "Fidan called on the two sides to work towards a ceasefire.")
    assert ("Volodymyr Zelensky", "ceasefire", "demand") in claims(
        "Zelensky called for a full ceasefire.")
    # A call made on one side demands of it, whoever makes it.
    assert ("Keir Starmer", "negotiation_format", "demand") in claims(
        "Starmer called on Putin to come to the table.")


def test_a_named_plan_no_cue_covers_is_the_whole_plan() -> None:
    found = claims("Lavrov dismissed Zelensky's peace formula as an ultimatum.")
    assert ("Sergey Lavrov", "peace_plan", "reject") in found


def test_leaving_a_place_is_an_intention_only_with_its_object() -> None:
    assert ("Volodymyr Zelensky", "territory_regions", "reject") in claims(
        "Zelensky has said Ukraine will not leave Donbas.")
    assert not claims("Zelensky said he will leave for Washington on Monday to discuss Donbas.")


def test_such_a_step_points_back_to_the_measure_named_before() -> None:
    found = claims("Washington is considering sending Tomahawks to Kyiv. Such a step would mean "
                   '"a serious round of escalation", the Kremlin spokesman said.')
    assert ("Dmitry Peskov", "military_aid", "reject") in found


def test_an_obligations_auxiliaries_are_part_of_its_terms() -> None:
    # The cue of the issue runs through "must be": "child must be returned".
    assert ("Ursula von der Leyen", "humanitarian", "demand") in claims(
        'Ursula von der Leyen spoke in Washington. "Every single child must be returned to '
        'their families," she said.')


def test_the_four_are_the_four_named_together_just_before() -> None:
    found = claims("Merz travelled to Kyiv together with President Emmanuel Macron, Prime "
                   "Minister Keir Starmer and Prime Minister Donald Tusk. Standing beside "
                   "Zelensky, the four demanded that Russia agree to a 30-day ceasefire.")
    for leader in ("Friedrich Merz", "Emmanuel Macron", "Keir Starmer", "Donald Tusk"):
        assert (leader, "ceasefire", "demand") in found


def test_a_verb_the_tagger_took_for_a_noun_still_rejects() -> None:
    found = claims('Zakharova said Moscow "categorically rejects" any scenario involving '
                   "troops from NATO countries in Ukraine.")
    assert ("Maria Zakharova", "peacekeepers", "reject") in found


def test_an_agreement_something_is_said_to_be_takes_no_position() -> None:
    found = claims('Zelensky said the talks had gone well. "Now it is a truly equal agreement '
                   'that creates an opportunity for investment," he said.')
    assert ("Volodymyr Zelensky", "negotiation_format", "accept") not in found


def test_a_verb_coordinated_with_a_readiness_states_its_own_position() -> None:
    found = claims("Britain and France are prepared to lead a multinational force in Ukraine, "
                   'and want Washington to commit to a "backstop" such as air cover, two '
                   "European officials said.")
    assert ("United Kingdom", "peacekeepers", "propose") in found
    assert ("United Kingdom", "security_guarantees", "propose") not in found


def test_this_war_and_a_complementiser_point_back_to_no_measure() -> None:
    found = claims("Zakharova said Moscow rejects any deployment of NATO troops in Ukraine. "
                   'Zelensky answered that "Russia must end this war, which it itself started".')
    assert not any(actor == "Volodymyr Zelensky" for actor, _, _ in found)


@pytest.mark.parametrize(("text", "claim"), [
    ('Lavrov said a durable peace was impossible without eliminating the "root causes" of '
     "the conflict, including NATO expansion.", ("Sergey Lavrov", "nato_membership", "demand")),
    ("Peskov said peace cannot be reached without recognition of the new regions.",
     ("Dmitry Peskov", "territory_regions", "demand")),
])
def test_what_a_thing_cannot_be_without_is_demanded(text: str,
                                                    claim: tuple[str, str, str]) -> None:
    found = claims(text)
    assert claim in found
    assert (claim[0], claim[1], "reject") not in found
    assert not claims("Zelensky travelled to Brussels without his foreign minister.")


@pytest.mark.parametrize("text", [
    '"Ukraine must not join NATO," Lavrov said.',
    '"Ukraine must be neutral and must not join NATO," Lavrov said.',
    '"Ukraine must stay neutral and must never join NATO," Lavrov said.',
])
def test_an_obligation_to_refrain_laid_on_the_other_side_demands(text: str) -> None:
    found = claims(text)
    assert ("Sergey Lavrov", "nato_membership", "demand") in found
    assert ("Sergey Lavrov", "nato_membership", "reject") not in found


def test_an_obligation_to_refrain_laid_on_nobody_rejects() -> None:
    found = claims("Macron said that borders must not be changed by force.")
    assert ("Emmanuel Macron", "territory_regions", "reject") in found


def test_a_negated_clause_with_a_modal_of_its_own_is_no_contrast() -> None:
    found = claims('"Both sides should stop at the battle line, and Ukraine will not be '
                   'getting Tomahawks for now," Trump said.')
    assert ("Donald Trump", "military_aid", "propose") not in found


@pytest.mark.parametrize("text", [
    '"A ceasefire is a trap," Lavrov said.',
    '"A ceasefire is a road to nowhere: it would give the West time to rearm," Lavrov said.',
])
def test_what_is_said_to_be_a_trap_or_a_dead_end_is_rejected(text: str) -> None:
    assert ("Sergey Lavrov", "ceasefire", "reject") in claims(text)


def test_what_a_pronoun_is_said_to_be_judges_nothing_named() -> None:
    assert claims('"It is a trap," Lavrov said of the meeting.') == set()


@pytest.mark.parametrize("text", [
    "Trump warned Russia to agree to a ceasefire or face crushing sanctions.",
    "Trump gave Putin ten days to stop the fighting or face tariffs on buyers of Russian oil.",
    '"Russia must agree to a truce or face sanctions," Trump said.',
    "Trump slashed his deadline for Putin to stop the fighting in Ukraine from 50 days to just "
    "ten days - or face crushing sanctions and tariffs on countries that buy Russian oil.",
])
def test_an_ultimatum_demands_the_act_and_threatens_what_is_faced(text: str) -> None:
    found = claims(text)
    assert ("Donald Trump", "ceasefire", "demand") in found
    assert ("Donald Trump", "sanctions", "threaten") in found
    assert ("Donald Trump", "ceasefire", "accept") not in found
    assert ("Donald Trump", "sanctions", "demand") not in found


def test_a_coercive_measure_to_be_faced_on_a_condition_threatens() -> None:
    found = claims("Brussels told Moscow it would face new sanctions if it did not accept "
                   "the truce.")
    assert ("European Union", "sanctions", "threaten") in found
    assert ("European Union", "sanctions", "propose") not in found


def test_telling_someone_to_accept_demands_it() -> None:
    found = claims("Trump told Zelensky to accept the peace deal.")
    assert ("Donald Trump", "peace_plan", "demand") in found
    assert ("Donald Trump", "peace_plan", "accept") not in found


def test_no_one_directs_himself() -> None:
    assert claims("Trump told Trump to accept the peace deal.") == set()


def test_a_refusal_while_something_lasts_demands_its_end() -> None:
    found = claims("Putin said Russia will not negotiate with Kiev while Ukrainian troops "
                   "remain in Kursk region.")
    assert ("Vladimir Putin", "territory_kursk", "demand") in found


def test_a_coercive_measure_held_out_on_a_condition_threatens() -> None:
    found = claims("Trump said he would consider further sanctions against Russia if Moscow "
                   "refused to come to the table.")
    assert ("Donald Trump", "sanctions", "threaten") in found
    assert ("Donald Trump", "sanctions", "propose") not in found


@pytest.mark.parametrize(("text", "claim"), [
    ("The Kremlin has described the summit as pointless.",
     ("Russia", "negotiation_format", "reject")),
    ("Lavrov said the attempts to convene a peace summit without Russia are doomed.",
     ("Sergey Lavrov", "negotiation_format", "reject")),
    ("Zelensky also hit out at talk of a quick ceasefire.",
     ("Volodymyr Zelensky", "ceasefire", "reject")),
    ("Yermak said there can be no talk of a freezing of the war.",
     ("Andriy Yermak", "frontline_freeze", "reject")),
])
def test_more_ways_of_rejecting(text: str, claim: tuple[str, str, str]) -> None:
    assert claim in claims(text)


def test_asking_a_third_party_to_host_talks_proposes_them() -> None:
    assert ("Volodymyr Zelensky", "negotiation_format", "propose") in claims(
        "Zelensky asked Switzerland to host the Global Peace Summit.")
    assert ("Volodymyr Zelensky", "negotiation_format", "demand") in claims(
        "Zelensky asked Russia to come to the table.")


def test_having_no_plans_for_an_act_rejects_it_for_each_of_a_list() -> None:
    found = claims("Germany, the UK and the US have all said they have no plans to send "
                   "their own troops to fight in Ukraine.")
    assert ("Germany", "peacekeepers", "reject") in found
    assert ("United Kingdom", "peacekeepers", "reject") in found
    # the noun of intention is the cue, not a plan the sentence is about
    assert not any(i == "peace_plan" for _, i, _ in found)


def test_a_noun_of_intention_names_no_plan() -> None:
    found = claims("The Kremlin said on Monday that Putin had no plans to call Macron.")
    assert not any(i == "peace_plan" for _, i, _ in found)


def test_entering_the_alliance_is_membership() -> None:
    found = claims("Lavrov said Russia would not agree to any scenario in which Ukraine "
                   "entered the alliance.")
    assert ("Sergey Lavrov", "nato_membership", "reject") in found


def test_could_in_reported_speech_the_quotes_did_not_take_is_a_position() -> None:
    found = claims("Putin, the people said, could agree to freeze the conflict along the "
                   "current front lines.")
    assert ("Vladimir Putin", "frontline_freeze", "accept") in found


def test_a_that_clause_the_parser_hangs_on_an_adjunct_is_still_reported() -> None:
    found = claims("Annalena Baerbock said on the margins that Germany would support any "
                   "future arrangement to secure a ceasefire.")
    assert ("Annalena Baerbock", "ceasefire", "accept") in found


def test_a_narrators_would_is_still_no_position() -> None:
    found = claims("The fear in Kyiv is that Washington would accept a freeze of the front "
                   "line.")
    assert not any(i == "frontline_freeze" for _, i, _ in found)


def test_a_participle_after_a_paper_is_its_authors_position() -> None:
    found = claims("Keith Kellogg co-authored a paper this year proposing to put Ukraine's "
                   "NATO bid on hold for an extended period.")
    assert ("Keith Kellogg", "nato_membership", "propose") in found


def test_agreeing_only_to_a_kind_of_settlement_demands_it() -> None:
    found = claims("Peskov repeated that Moscow would only agree to a settlement that took into "
                   "account the realities in the four regions.")
    assert ("Dmitry Peskov", "territory_regions", "demand") in found
    assert ("Dmitry Peskov", "territory_regions", "accept") not in found


def test_only_too_happy_is_no_restriction() -> None:
    found = claims("Peskov was only too happy to agree to a ceasefire.")
    assert ("Dmitry Peskov", "ceasefire", "demand") not in found


def test_an_adjective_passes_its_subject_to_the_infinitive() -> None:
    assert ("Ukraine", "frontline_freeze", "reject") in claims(
        "Ukrainian officials were quick to reject any idea of freezing the conflict.")


def test_a_name_after_a_date_without_a_comma_is_the_subject() -> None:
    assert ("Donald Trump", "sanctions", "threaten") in claims(
        "On Monday Trump threatened very severe tariffs on Russia and its buyers.")


def test_not_taking_part_rejects_and_a_question_takes_no_position() -> None:
    assert ("Dmitry Peskov", "negotiation_format", "reject") in claims(
        "Peskov said Russia would not take part in any follow-up to the Swiss peace summit.")
    assert not claims("Is there any scenario in which Ukraine accepts a freeze of the front "
                      "line?")


def test_trading_ones_land_is_the_occupied_regions() -> None:
    assert ("Volodymyr Zelensky", "territory_regions", "reject") in claims(
        "“We will not trade our territory or our sovereignty,” Zelensky said.")


def test_a_relative_clause_with_a_named_subject_is_that_actors_position() -> None:
    found = claims("Kyiv has pressed for more Patriot batteries, which Berlin has so far "
                   "refused to supply.")
    assert ("Germany", "military_aid", "reject") in found
    assert ("Ukraine", "military_aid", "demand") in found


def test_a_relative_clause_with_a_modal_takes_no_position() -> None:
    found = claims("Officials are preparing a list of new sanctions that Biden might approve "
                   "next month.")
    assert ("Joe Biden", "sanctions", "accept") not in found


def test_what_a_trade_is_for_is_the_price_not_the_position() -> None:
    found = claims("Zelensky said Ukraine would never swap its land for a truce.")
    assert ("Volodymyr Zelensky", "territory_regions", "reject") in found
    assert ("Volodymyr Zelensky", "ceasefire", "reject") not in found


def test_an_unnamed_source_speaks_for_the_side_in_an_intention() -> None:
    found = claims("A member of Zelensky's team said on Sunday that Kyiv would not trade land.")
    assert ("Ukraine", "territory_regions", "reject") in found


def test_a_verb_the_tagger_took_for_a_noun_still_states_an_intention() -> None:
    # the quoted "never" makes the tagger read "trade" as a noun
    found = claims('Sybiha said on Monday that Ukraine would "never" trade territory for a '
                   "ceasefire.")
    assert ("Andrii Sybiha", "territory_regions", "reject") in found
    assert ("Andrii Sybiha", "ceasefire", "reject") not in found


@pytest.mark.parametrize("text", [
    "Kyiv rejected the remarks of Trump's director of national intelligence.",
    "Kyiv dismissed the comments of Russia's envoy for prisoner exchanges.",
])
def test_a_title_names_no_issue(text: str) -> None:
    assert not claims(text)


def test_a_basis_named_only_as_a_condition_is_demanded_not_accepted() -> None:
    found = claims("Peskov said Russia was open to talks but only on the basis of what Moscow "
                   "calls the realities in the four regions.")
    assert ("Dmitry Peskov", "territory_regions", "demand") in found
    assert ("Dmitry Peskov", "territory_regions", "accept") not in found


@pytest.mark.parametrize("text", [
    "“The sanctions must not be lifted while Russian troops stand on our land,” Zelensky said.",
    "“The pressure on the Kremlin should not be eased,” Kallas said.",
])
def test_a_coercive_measure_that_must_not_be_taken_away_is_demanded(text: str) -> None:
    found = claims(text)
    assert {s for _, i, s in found if i == "sanctions"} == {"demand"}


@pytest.mark.parametrize(("text", "holder"), [
    ("Peskov noted that Putin had set out the conditions for ending the war last summer: the "
     "withdrawal of Ukrainian troops from Donetsk and Luhansk, and Kyiv's official renunciation "
     "of plans to join NATO.", "Dmitry Peskov"),
    ("On Friday Putin set out his terms for a truce: Ukraine would have to withdraw from the "
     "four regions and formally drop its NATO ambitions.", "Vladimir Putin"),
])
def test_what_a_colon_after_a_stance_noun_spells_out_is_its_content(text: str,
                                                                     holder: str) -> None:
    assert (holder, "nato_membership", "demand") in claims(text)
