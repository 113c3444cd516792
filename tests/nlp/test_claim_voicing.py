"""Stance nouns in reported speech: who voices the noun holds it, not the reporter, unless
the voicing verb is denied. Whole pipeline, sentences of our own."""

from __future__ import annotations

from claim_texts import claims


def test_a_side_that_signals_a_willingness_holds_it_in_anothers_words() -> None:
    found = claims("A European official said the Russians had signalled a willingness to "
                   "freeze the front in the Zaporizhzhia region.")
    assert ("Russia", "frontline_freeze", "accept") in found
    assert not any(actor == "European Union" for actor, _, _ in found)


def test_a_position_of_someones_equated_with_a_clause_is_theirs() -> None:
    found = claims("Washington's position, as I understand it, is that elections in Ukraine "
                   "should follow a ceasefire.")
    assert ("United States", "ukraine_leadership", "demand") in found
    found = claims("The position of the Kremlin is that Ukraine must withdraw its troops from "
                   "Donetsk.")
    assert ("Russia", "territory_regions", "demand") in found


def test_conditions_someone_set_out_are_theirs() -> None:
    found = claims("The conditions Putin set out in June include Kyiv's renunciation of NATO "
                   "membership.")
    assert ("Vladimir Putin", "nato_membership", "demand") in found
    # The noun is the subject of the relative clause, not its object: nobody set it out.
    assert not claims("The demands that reached Kyiv include a ban on foreign troops.")
