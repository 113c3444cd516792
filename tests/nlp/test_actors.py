"""The actors component on small texts: every resolution kind, dated titles on both sides of a
tenure change, pronoun chains, descriptions, unknown people, and the helper functions."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from redline.model import Mention
from redline.nlp.actors import ActorRecognizer, mention_at, mentions_in, resolve_speaker_span
from redline.nlp.pipeline import load_model


@pytest.fixture
def run(nlp: Language, recognizer: ActorRecognizer):  # type: ignore[no-untyped-def]
    def run(text: str, published: date | None = date(2025, 3, 1)) -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = published
        return recognizer(nlp(doc))

    return run


def found(doc: Doc, text: str) -> Mention:
    """The mention whose text is exactly ``text`` (the first one)."""
    for mention in doc._.mentions:
        if mention.text == text:
            return mention
    raise AssertionError(f"no mention {text!r} in {[m.text for m in doc._.mentions]}")


def test_full_name_and_spelling_variants(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Volodymyr Zelenskyy met Sergei Lavrov and Dmitri Peskov.")
    assert found(doc, "Volodymyr Zelenskyy").actor == "Volodymyr Zelensky"
    assert found(doc, "Sergei Lavrov").actor == "Sergey Lavrov"
    mention = found(doc, "Dmitri Peskov")
    assert (mention.actor, mention.party, mention.resolution) == (
        "Dmitry Peskov",
        "russia",
        "alias",
    )


def test_surname_after_full_name_is_more_confident_than_alone(run) -> None:  # type: ignore[no-untyped-def]
    alone = found(run("Putin spoke on Tuesday."), "Putin")
    doc = run("Vladimir Putin arrived. Later Putin spoke.")
    after = doc._.mentions[-1]
    assert after.text == "Putin" and after.resolution == "surname"
    assert alone.resolution == "surname" and alone.confidence < after.confidence


def test_a_name_written_surname_first_is_shortened_to_its_first_word(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("China's envoy Li Hui arrived in Kyiv on Monday. Li said China wanted talks.")
    assert found(doc, "Li").actor == "Li Hui"


def test_a_bullet_before_a_surname_is_no_first_name(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Key events\n• Zelensky: “Russia should attend the second summit”")
    assert found(doc, "Zelensky").actor == "Volodymyr Zelensky"


def test_metonyms_and_aliases(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("The Kremlin rejected the plan, while Washington and Kiev welcomed it.")
    assert (found(doc, "Kremlin").actor, found(doc, "Kremlin").resolution) == ("Russia", "metonym")
    assert found(doc, "Washington").actor == "United States"
    assert found(doc, "Kiev").actor == "Ukraine"


def test_possessive_metonym_and_glued_apostrophe(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Moscow’s demands grew as Donald Trump‘s envoy left.")
    assert found(doc, "Moscow").actor == "Russia"
    assert found(doc, "Donald Trump").actor == "Donald Trump"


def test_place_use_of_a_capital_is_low_confidence(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Witkoff flew to Moscow. Moscow rejected the truce.")
    place, actor = [m for m in doc._.mentions if m.text == "Moscow"]
    assert place.confidence < 0.5 < actor.confidence


def test_short_acronym_is_case_sensitive(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("'It is unacceptable to us,' she said. The US disagreed.")
    assert [m.actor for m in doc._.mentions if m.text.casefold() == "us"] == ["United States"]


@pytest.mark.parametrize(
    ("published", "holder"),
    [(date(2024, 9, 15), "Jens Stoltenberg"), (date(2024, 11, 15), "Mark Rutte")],
)
def test_dated_title_on_both_sides_of_a_tenure_change(run, published, holder) -> None:  # type: ignore[no-untyped-def]
    doc = run("The NATO secretary general called for more air defence.", published)
    mention = found(doc, "NATO secretary general")
    assert (mention.actor, mention.resolution) == (holder, "title")


@pytest.mark.parametrize(
    ("published", "holder"),
    [(date(2025, 1, 10), "Joe Biden"), (date(2025, 2, 10), "Donald Trump"), (None, "Donald Trump")],
)
def test_us_president_by_date_and_current_holder_without_date(run, published, holder) -> None:  # type: ignore[no-untyped-def]
    assert found(run("The US president spoke.", published), "US president").actor == holder


def test_title_blocked_by_former_and_foreign_adjective(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("A former Russian president and the Chinese vice president met.")
    assert not [m for m in doc._.mentions if m.actor in ("Vladimir Putin", "JD Vance")]


def test_title_and_name_are_one_mention(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Russian President Vladimir Putin said no.")
    assert [(m.text, m.actor) for m in doc._.mentions] == [
        ("Russian President Vladimir Putin", "Vladimir Putin")
    ]


def test_possessive_description_resolves_through_dated_titles(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Russia's foreign minister said talks were possible.", date(2025, 3, 1))
    mention = found(doc, "Russia's foreign minister")
    assert (mention.actor, mention.resolution) == ("Sergey Lavrov", "title")
    assert not [m for m in doc._.mentions if m.text == "Russia"]


def test_epithet(run) -> None:  # type: ignore[no-untyped-def]
    mention = found(run("Mad Vlad has refused again."), "Mad Vlad")
    assert (mention.actor, mention.resolution) == ("Vladimir Putin", "epithet")


def test_party_adjective_before_collective_noun(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Russian officials said the Ukrainian side and European officials disagreed.")
    assert found(doc, "Russian officials").actor == "Russia"
    assert found(doc, "Russian officials").resolution == "adjective"
    assert found(doc, "European officials").actor == "European Union"
    assert not [m for m in run("A Russian tank fired.")._.mentions]


def test_pronoun_chain_across_sentences(run) -> None:  # type: ignore[no-untyped-def]
    doc = run(
        "Maria Zakharova spoke to reporters. She said the plan was dead. "
        "Then she left, and her deputy stayed."
    )
    pronouns = [m for m in doc._.mentions if m.resolution == "pronoun"]
    assert [m.text for m in pronouns] == ["She", "she", "her"]
    assert {m.actor for m in pronouns} == {"Maria Zakharova"}


def test_pronoun_prefers_the_previous_main_subject(run) -> None:  # type: ignore[no-untyped-def]
    doc = run(
        "Konstantin Malofeyev told the FT that Trump would only win if he backed down. "
        "He warned of nuclear war."
    )
    assert found(doc, "He").actor == "Konstantin Malofeyev"


def test_pronoun_respects_gender(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Maria Zakharova answered Sergey Lavrov. He said nothing.")
    assert found(doc, "He").actor == "Sergey Lavrov"


def test_it_refers_to_a_state_subject_in_its_own_sentence(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Moscow has annexed four regions, and it is demanding more.")
    assert found(doc, "it").actor == "Russia"
    assert not [m for m in run("It is unclear whether talks will resume.")._.mentions]


def test_role_description_learned_from_an_appositive(run) -> None:  # type: ignore[no-untyped-def]
    doc = run(
        "Russian tycoon Ivan Petrovsky slammed the plan. Donald Trump disagreed. "
        "The tycoon said it was a trick."
    )
    mention = found(doc, "The tycoon")
    assert (mention.actor, mention.party, mention.resolution) == (
        "Ivan Petrovsky",
        "russia",
        "description",
    )


def test_role_description_from_pack_titles(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Steve Witkoff landed in Moscow. Vladimir Putin met the envoy.")
    assert found(doc, "the envoy").actor == "Steve Witkoff"


def test_role_of_three_words_with_of(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Vladimir Putin met Steve Witkoff. The head of state said troops would advance.")
    assert found(doc, "The head of state").actor == "Vladimir Putin"


def test_broad_role_after_an_unnamed_source_is_not_the_named_person(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Vladimir Putin spoke on Monday. A source in Moscow told reporters the talks had "
            "stalled. The official said troops would advance.")
    assert all(m.actor != "Vladimir Putin" for m in run(text)._.mentions
               if m.text.lower() == "the official")
    named = run("Vladimir Putin spoke on Monday. The official said troops would advance.")
    assert found(named, "The official").actor == "Vladimir Putin"


def test_description_with_party_adjective(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Vladimir Putin spoke. The Russian commander said troops would advance.")
    assert found(doc, "The Russian commander").actor == "Vladimir Putin"


def test_unknown_person_kept_with_party_from_descriptor_and_surname(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Russian banker Oleg Tarasenko criticised the deal. Tarasenko said it was weak.")
    full = found(doc, "Oleg Tarasenko")
    assert (full.actor, full.party, full.resolution) == ("Oleg Tarasenko", "russia", "ner")
    later = found(doc, "Tarasenko")
    assert (later.actor, later.resolution) == ("Oleg Tarasenko", "surname")


def test_pack_wins_over_ner_mistakes(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Trump spoke to Kyiv on Monday.")
    assert found(doc, "Trump").actor == "Donald Trump"
    assert found(doc, "Kyiv").actor == "Ukraine"
    assert all(m.resolution != "ner" for m in doc._.mentions)


def test_linked_group(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("A Kremlin-linked think tank advised Putin. The think tank wrote a paper.")
    group = found(doc, "Kremlin-linked think tank")
    assert (group.actor, group.party, group.kind) == (
        "Kremlin-linked think tank",
        "russia",
        "group",
    )
    assert found(doc, "The think tank").actor == "Kremlin-linked think tank"


def test_mentions_are_sorted_and_spans_match_text(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Kremlin aide Yuri Ushakov said Washington's proposal was a respite. He left.")
    starts = [m.start for m in doc._.mentions]
    assert starts == sorted(starts)
    for m in doc._.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_mention_at_and_mentions_in(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Russian President Vladimir Putin met Steve Witkoff.")
    inner = doc.text.index("Putin")
    assert mention_at(doc, inner, inner + 5).actor == "Vladimir Putin"  # type: ignore[union-attr]
    assert mention_at(doc, 0, 0) is None
    assert [m.actor for m in mentions_in(doc, 0, len(doc.text))] == [
        "Vladimir Putin",
        "Steve Witkoff",
    ]
    assert mentions_in(doc, 0, inner) == []


@pytest.mark.parametrize(
    ("text", "subject", "actor"),
    [
        ("Kremlin aide Yuri Ushakov said no.", "Kremlin aide Yuri Ushakov", "Yuri Ushakov"),
        (
            "Putin's ambassador to London, Andrey Kelin, insisted on caution.",
            "Putin's ambassador to London, Andrey Kelin",
            "Andrey Kelin",
        ),
        (
            "Russian tycoon Konstantin Malofeyev, who is sanctioned by the West, slammed it.",
            "Russian tycoon Konstantin Malofeyev, who is sanctioned by the West",
            "Konstantin Malofeyev",
        ),
        ("The foreign ministry in Kyiv said the same.", "The foreign ministry in Kyiv", "Ukraine"),
        (
            "The Russian Foreign Ministry issued a statement.",
            "The Russian Foreign Ministry",
            "Russia",
        ),
    ],
)
def test_resolve_speaker_span(run, text: str, subject: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    doc = run(text)
    start = doc.text.index(subject)
    span = doc.char_span(start, start + len(subject))
    assert span is not None
    mention = resolve_speaker_span(doc, span)
    assert mention is not None and mention.actor == actor


def test_resolve_speaker_span_pronoun_and_bare_possessor(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Sergey Lavrov arrived. He said Putin's forces would advance.")
    he = doc.char_span(doc.text.index("He"), doc.text.index("He") + 2)
    forces = doc.char_span(doc.text.index("Putin's"), doc.text.index(" would"))
    assert he is not None and forces is not None
    assert resolve_speaker_span(doc, he).actor == "Sergey Lavrov"  # type: ignore[union-attr]
    assert resolve_speaker_span(doc, forces) is None


def test_component_registered_and_runs_in_a_pipeline(nlp: Language) -> None:
    import spacy

    pipeline = spacy.load(nlp.path) if nlp.path else load_model()
    pipeline.add_pipe("redline_actors", config={"pack": "russia-ukraine"})
    doc = pipeline("Keir Starmer met Emmanuel Macron in Paris.")
    assert [m.actor for m in doc._.mentions][:2] == ["Keir Starmer", "Emmanuel Macron"]


def test_same_group_named_two_ways_is_one_actor(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("A Kremlin-linked think tank wrote a memo. The pro-Kremlin think tank was cited.")
    groups = {m.actor for m in doc._.mentions if m.kind == "group"}
    assert groups == {"Kremlin-linked think tank"}


def test_document_is_attributed_to_its_author(run) -> None:  # type: ignore[no-untyped-def]
    doc = run(
        "A classified document from a Kremlin-linked think tank was leaked. "
        "Officials were worried. The document said peacekeepers were unacceptable. "
        "It also suggests a buffer zone."
    )
    documents = [m for m in doc._.mentions if m.resolution == "document"]
    assert [m.text for m in documents] == ["document", "document"]
    assert {m.actor for m in documents} == {"Kremlin-linked think tank"}
    assert found(doc, "It").actor == "Kremlin-linked think tank"


def test_entourage_speaks_for_the_side(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Putin mouthpieces have warned against peacekeepers.")
    proxy = found(doc, "Putin mouthpieces")
    assert (proxy.actor, proxy.kind, proxy.resolution) == ("Russia", "state", "description")
    assert found(doc, "Putin").actor == "Vladimir Putin"
    government = found(run("Zelensky's government rejected it."), "Zelensky's government")
    assert (government.actor, government.party) == ("Ukraine", "ukraine")
    assert not [m for m in run("Putin's forces attacked.")._.mentions if m.kind == "state"]


def test_expletive_it_is_not_resolved(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Moscow rejected the idea. 'It is absolutely unacceptable to us,' she said.")
    assert not [m for m in doc._.mentions if m.text == "It"]


def test_unlisted_transliteration_of_a_pack_person(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Sergiy Lavrov met the press. Ivan Lavrov, a farmer, did not.")
    assert found(doc, "Sergiy Lavrov").actor == "Sergey Lavrov"
    stranger = found(doc, "Ivan Lavrov")
    assert (stranger.actor, stranger.resolution) == ("Ivan Lavrov", "ner")


def test_surname_needing_an_introduction(run) -> None:  # type: ignore[no-untyped-def]
    alone = run("Austin is hot in summer.")._.mentions
    assert not [m for m in alone if m.actor == "Lloyd Austin"]
    doc = run("Lloyd Austin spoke in Brussels. Austin said aid would continue.", date(2024, 6, 1))
    assert [m.actor for m in doc._.mentions if m.text == "Austin"] == ["Lloyd Austin"]


def test_title_owned_by_another_country_is_not_the_pack_holder(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Britain's national security adviser flew to Kyiv.", date(2025, 2, 1))
    assert not [m for m in doc._.mentions if m.actor == "Mike Waltz"]


def test_dateline_is_a_place(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("KYIV, Feb 12 (Reuters) - Kyiv rejected the plan.")
    dateline, actor = [m for m in doc._.mentions if m.actor == "Ukraine"][:2]
    assert dateline.confidence < 0.5 < actor.confidence


def test_a_persons_subordinate_is_not_the_person(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Vladimir Putin spoke. Putin's aide said nothing.")
    assert not [m for m in doc._.mentions if "aide" in m.text]


def test_bare_surname_goes_to_the_latest_person_of_that_name(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Sergey Lavrov spoke. Ivan Lavrov, a farmer, agreed. Lavrov said yes.")
    assert doc._.mentions[-1].text == "Lavrov"
    assert doc._.mentions[-1].actor == "Ivan Lavrov"


@pytest.mark.parametrize("text", ["", "   \n\n ", "…", "'’‘`", "The."])
def test_degenerate_texts(run, text: str) -> None:  # type: ignore[no-untyped-def]
    assert run(text)._.mentions == []


def test_published_may_be_a_datetime_or_iso_string(nlp: Language, recognizer) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    for published in (datetime(2024, 9, 15, 12, 0), "2024-09-15"):
        doc = nlp.make_doc("The NATO secretary general spoke.")
        doc._.published = published
        assert recognizer(nlp(doc))._.mentions[0].actor == "Jens Stoltenberg"


def test_full_name_wins_over_a_straddling_title(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Vladimir Putin's spokesman Dmitry Peskov said no.")
    assert [m.actor for m in doc._.mentions] == ["Vladimir Putin", "Dmitry Peskov"]
    alone = run("Putin's spokesman said no.")
    assert [m.actor for m in alone._.mentions] == ["Dmitry Peskov"]


def test_capitals_visited_or_struck_are_places(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Li Hui visited Kyiv and Moscow. Kyiv and Moscow agreed.")
    confidences = [m.confidence for m in doc._.mentions if m.actor in ("Ukraine", "Russia")]
    assert confidences[:2] == [0.3, 0.3] and min(confidences[2:]) > 0.5


def test_unnamed_source_of_a_side(run) -> None:  # type: ignore[no-untyped-def]
    mention = found(run("A senior Russian source told Reuters it was hard."), "Russian source")
    assert (mention.actor, mention.party, mention.resolution) == ("Russia", "russia", "unnamed")
    sources = found(run("According to Kremlin sources, talks stalled."), "Kremlin sources")
    assert (sources.actor, sources.resolution) == ("Russia", "unnamed")


def test_title_in_apposition_belongs_to_the_named_person(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Sergei Naryshkin, the head of Russia's SVR Foreign Intelligence Service, spoke.")
    assert {m.actor for m in doc._.mentions if m.kind == "person"} == {"Sergei Naryshkin"}
    doc = run(
        "Michael Waltz, Trump's nominated national security adviser, met him.", date(2025, 1, 3)
    )
    assert not [m for m in doc._.mentions if m.actor == "Jake Sullivan"]


def test_named_entity_noise_is_not_a_person(run) -> None:  # type: ignore[no-untyped-def]
    doc = run(
        "Donald Trump and Vladimir Putin attend a press conference. Brendan SMIALOWSKI / AFP\n"
        "Russian missiles struck homes in Kryvyi Rih and Dnipro."
    )
    assert all(m.resolution != "ner" for m in doc._.mentions)


def test_role_word_modifying_another_noun_is_no_reference(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("Vladimir Putin spoke. At the General Assembly, the US voted no.")
    assert not [m for m in doc._.mentions if "General" in m.text]


def test_a_description_of_another_side_is_no_apposition(run) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "the Russian strongman" on Lukashenko; it is the subject of "said"
    doc = run("Speaking alongside his pal, Belarus dictator Alexander Lukashenko, the Russian "
              "strongman said he was open to more talks.", date(2025, 8, 2))
    assert found(doc, "Russian strongman").actor == "Vladimir Putin"


def test_tabloid_names_of_the_us_president(run) -> None:  # type: ignore[no-untyped-def]
    doc = run("POTUS spoke on Friday. Later The Donald said more.", date(2025, 8, 2))
    assert found(doc, "POTUS").actor == "Donald Trump"
    assert found(doc, "The Donald").actor == "Donald Trump"
