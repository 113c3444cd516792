"""Speaker attribution patterns that news copy uses beyond "X said": colon frames without a
verb of saying, "described X as ‘…’", role descriptions of someone named earlier, pronoun chains
and bare titles. Sentences of our own, run through the whole pipeline with the real pack.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest
from spacy.language import Language

from redline.model import Article, Quote
from redline.nlp.pipeline import build_pipeline, make_doc


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return build_pipeline("russia-ukraine")


def quotes_of(text: str, published: date | None = date(2025, 5, 20)) -> list[Quote]:
    article = Article(id="t", text=text, published=published, source="test")
    doc = _nlp()(make_doc(_nlp(), article))
    return [q for q in doc._.quotes if q.kind != "indirect"]


def speakers(text: str, published: date | None = date(2025, 5, 20)) -> list[str]:
    return [q.speaker for q in quotes_of(text, published)]


# -- 1. colon frames with no verb of saying ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Emmanuel Macron met Ukrainian troops on Monday. France's president was blunter: "
            "“There is an aggressor and there is a victim in this war.”",
            "Emmanuel Macron",
        ),
        (
            "Reporters asked Keir Starmer about the ceasefire. His answer was short: “We will "
            "not accept a deal that rewards the invader.”",
            "Keir Starmer",
        ),
        (
            "Donald Trump spoke to reporters at the White House. His message to Moscow was "
            "clear: “Stop the killing now or face very heavy sanctions.”",
            "Donald Trump",
        ),
        (
            "Kaja Kallas did not mince words: “Russia does not want peace, it wants Ukraine gone "
            "from the map.”",
            "Kaja Kallas",
        ),
        (
            "Mark Rutte put it bluntly: “If Ukraine falls, we will all pay a far higher price "
            "later on.”",
            "Mark Rutte",
        ),
        (
            "Volodymyr Zelensky met troops near Pokrovsk. He went further: “No one will trade "
            "our land behind our backs, not now and not ever.”",
            "Volodymyr Zelensky",
        ),
        (
            "Kaja Kallas was asked about the summit. Her reply: “Europe must be at the table, or "
            "there is no deal at all.”",
            "Kaja Kallas",
        ),
        (
            "Asked whether talks would resume, Dmitry Peskov was curt: “There are no plans for a "
            "new round of talks this month.”",
            "Dmitry Peskov",
        ),
        (
            "Vladimir Putin met Steve Witkoff in St Petersburg. The Kremlin chief's verdict was "
            "upbeat: “We have made real progress on several points of the plan.”",
            "Vladimir Putin",
        ),
    ],
)
def test_colon_frame_names_its_subject_or_possessor(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_colon_after_a_statement_with_no_one_behind_it_stays_unattributed() -> None:
    text = "The statement was clear: “The Russian Federation will not accept foreign troops.”"
    assert speakers(text) == [""]


def test_colon_after_an_event_clause_takes_the_cue_after_the_quote() -> None:
    text = (
        "Russia launched 200 drones overnight: “It was the worst night since the war began,” "
        "a resident said."
    )
    assert speakers(text) == ["unnamed source"]


# -- 2. describe / call / brand / dismiss as ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Sergey Lavrov described the European proposal as “a cynical attempt to buy time for "
            "Kyiv's army.”",
            "Sergey Lavrov",
        ),
        (
            "Volodymyr Zelensky called the Russian memorandum “an ultimatum dressed up as a peace "
            "offer.”",
            "Volodymyr Zelensky",
        ),
        (
            "Dmitry Peskov branded it “a provocation that changes nothing on the ground.”",
            "Dmitry Peskov",
        ),
        (
            "Kaja Kallas dismissed it as “a theatre of peace staged for the American audience.”",
            "Kaja Kallas",
        ),
        (
            "Maria Zakharova labelled the proposal “a cheap trick designed to keep the weapons "
            "flowing.”",
            "Maria Zakharova",
        ),
    ],
)
def test_labelling_verbs_attribute_to_their_subject(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_short_labels_are_fragments() -> None:
    quotes = quotes_of("Kaja Kallas dismissed the offer as “pure theatre”.")
    assert [(q.speaker, q.kind) for q in quotes] == [("Kaja Kallas", "fragment")]


# -- 3. role descriptions of someone named with a title -------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Maria Zakharova, the foreign ministry spokeswoman, spoke on Thursday. “Europe wants "
            "this war to go on for years,” the diplomat said.",
            "Maria Zakharova",
        ),
        (
            "Foreign Ministry spokeswoman Anna Petrova said talks had stalled. “We are still "
            "waiting for a serious answer from them,” the diplomat stressed.",
            "Anna Petrova",
        ),
        (
            "Ukraine's foreign minister Andrii Sybiha arrived in Brussels. “Nobody will decide "
            "for Ukraine without Ukraine at the table,” the official noted.",
            "Andrii Sybiha",
        ),
        (
            "Keir Starmer hosted European leaders in London. “We stand with Ukraine for as long "
            "as it takes, full stop,” the PM said.",
            "Keir Starmer",
        ),
        (
            "Senator Lindsey Graham introduced the sanctions bill. “Putin is playing Trump and "
            "the whole world for fools,” the Republican said.",
            "Lindsey Graham",
        ),
        (
            "Dmitry Peskov took questions by phone. “There is no alternative to direct talks "
            "with Kyiv at this stage,” the Kremlin mouthpiece said.",
            "Dmitry Peskov",
        ),
    ],
)
def test_role_description_finds_the_titled_person(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_the_official_stays_unnamed_when_the_article_used_the_word_for_someone_unnamed() -> None:
    text = (
        "A senior Ukrainian official said the talks were hard. Volodymyr Zelensky was in Kyiv. "
        "“We will see what they bring on Friday,” the official added."
    )
    assert speakers(text) == ["unnamed source"]


# -- 4. pronoun chains -----------------------------------------------------------------------


def test_pronoun_follows_the_subject_chain_past_a_speaker_paragraphs_earlier() -> None:
    text = (
        "Donald Trump has urged a quick deal.\n\n"
        "Volodymyr Zelensky has ruled out giving up land, and most of his rivals agree with him. "
        "On Sunday he went further. “We will never recognise occupied territory as Russian,” he "
        "told a press conference."
    )
    assert speakers(text) == ["Volodymyr Zelensky"]


def test_pronoun_after_reported_speech_is_its_speaker_not_the_person_in_its_complement() -> None:
    text = (
        "Keir Starmer said that the coalition would not be intimidated by President Putin. He "
        "said: “We will keep up the pressure until Russia comes to the table.”"
    )
    assert speakers(text) == ["Keir Starmer"]


def test_pronoun_after_an_unplaceable_title_subject_is_not_the_person_in_the_object() -> None:
    text = (
        "The Prime Minister said that the coalition would not be intimidated by President "
        "Putin. He said: “We will keep up the pressure until Russia comes to the table.”"
    )
    assert speakers(text, None) == [""]


# -- 5. "tell X:" inside a sentence whose subject is a title -----------------------------------


def test_colon_quote_after_tell_goes_to_the_sentence_subject() -> None:
    text = (
        "Donald Trump was in a combative mood on Friday. The President spent the morning on the "
        "phone, warning he might tell the Russian leader: “If you do not stop, the sanctions "
        "will be crushing.”"
    )
    assert speakers(text) == ["Donald Trump"]


# -- bare titles are never speakers ----------------------------------------------------------


@pytest.mark.parametrize("title", ["the PM", "the President", "the Prime Minister"])
def test_a_bare_title_is_never_a_speaker(title: str) -> None:
    text = f"“We stand with Ukraine for as long as it takes, full stop,” {title} said."
    found = speakers(text, None)
    assert found == [""]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Maria Zakharova spoke first. Dmitry Peskov later echoed her. “Europe wants this war "
            "to go on for years,” the spokeswoman said.",
            "Maria Zakharova",
        ),
        (
            "Dmitry Peskov spoke first. Maria Zakharova later echoed him. “Europe wants this war "
            "to go on for years,” the spokesman said.",
            "Dmitry Peskov",
        ),
    ],
)
def test_a_gendered_role_word_skips_the_other_gender(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_pronoun_after_a_placed_title_subject_is_that_person() -> None:
    text = (
        "Keir Starmer met allies in London. The Prime Minister said that the coalition would "
        "not be intimidated by President Putin. He said: “We will keep up the pressure until "
        "Russia comes to the table.”"
    )
    assert speakers(text) == ["Keir Starmer"]


def test_a_courtesy_title_before_a_known_surname_is_not_a_stranger() -> None:
    text = (
        "Ms Kallas, the EU's top diplomat, was even more direct: “Russia is the aggressor, and "
        "Russia must pay for the damage.”"
    )
    assert speakers(text) == ["Kaja Kallas"]


def test_an_unplaced_ministry_is_not_a_speaker_name() -> None:
    text = (
        "The Foreign Ministry's reaction was swift: “Kyiv's statements are a provocation aimed "
        "at derailing the talks.”"
    )
    assert speakers(text) == [""]


def test_pronoun_looks_past_a_sentence_without_a_person_subject() -> None:
    text = (
        "Donald Trump said on Friday that a deal was close.\n\n"
        "Volodymyr Zelensky visited Kharkiv on Monday. The trip was not announced in advance. "
        "“We will hold this city whatever it takes,” he said."
    )
    assert speakers(text) == ["Volodymyr Zelensky"]


def test_a_pronoun_of_the_wrong_gender_is_not_given_to_the_last_speaker() -> None:
    text = (
        "Donald Trump said on Friday that a deal was close.\n\n"
        "“We will hold this city whatever it takes,” she said."
    )
    assert speakers(text) == [""]


# -- 2. cues that belong to another clause or sentence ------------------------------------


def test_a_second_quote_in_a_sentence_is_the_main_subjects() -> None:
    # The first quote's after-cue ("told reporters") has no speaker between; it must not leave
    # "told" unattributed for the second quote.
    text = (
        "Keir Starmer, who had said on Monday that “nothing will change until Moscow stops "
        "the bombing”, told reporters on Tuesday that Britain would act “as soon as the "
        "coalition is ready to move”."
    )
    assert speakers(text) == ["Keir Starmer", "Keir Starmer"]


def test_a_participle_after_the_quote_keeps_the_main_subject() -> None:
    text = (
        "Marco Rubio said in an interview that “the occupied regions will not come back soon,” "
        "adding that Zelensky knew this."
    )
    assert speakers(text) == ["Marco Rubio"]


def test_a_verb_in_a_subordinate_clause_after_the_quote_is_not_its_cue() -> None:
    text = (
        "On Monday Emmanuel Macron said the draft “could be a starting point for serious "
        "talks”, though he complained that Europe had not been consulted."
    )
    assert speakers(text) == ["Emmanuel Macron"]


def test_a_new_sentence_stating_its_own_content_does_not_attribute_the_quote() -> None:
    text = (
        "Kaja Kallas called the proposal “a reward for aggression dressed up as peace.” "
        "Dmitry Peskov stressed that Moscow had not seen the text."
    )
    assert speakers(text) == ["Kaja Kallas"]


def test_a_quote_opened_by_a_colon_takes_the_colon_clause_not_the_next_sentence() -> None:
    text = (
        "Donald Trump, asked by reporters on Monday whether he had promised Kyiv more "
        "missiles, said: “No, we never talked about that at all.” Later, Dmitry Peskov said "
        "the Kremlin was calm."
    )
    assert speakers(text)[0] == "Donald Trump"


# -- 3. verbs of manner, lemmas the small model misses, titles as speakers ----------------


def test_a_verb_of_manner_before_a_colon_introduces_its_subjects_words() -> None:
    text = "In a late-night post, Dmitry Medvedev sneered: “Europe is playing a game it will lose.”"
    assert speakers(text) == ["Dmitry Medvedev"]


def test_a_verb_of_manner_with_an_object_does_not_frame_the_quote() -> None:
    text = "The plan lists the terms: “a ceasefire along the current line of contact.”"
    assert speakers(text) == [""]


def test_an_irregularly_lemmatised_speech_verb_still_cues() -> None:
    # The small model lemmatises "raged" as "rag".
    text = (
        "Dmitry Medvedev raged that sending the missiles ‘would end badly for everyone in "
        "Washington’."
    )
    assert speakers(text) == ["Dmitry Medvedev"]


def test_a_title_the_pack_gives_someone_names_the_speaker() -> None:
    text = (
        "“Recognition of the new regions is imperative for any settlement,” the top Russian "
        "diplomat said on Monday."
    )
    assert speakers(text, date(2025, 4, 28)) == ["Sergey Lavrov"]


def test_a_name_run_on_after_an_institution_is_the_speaker() -> None:
    text = (
        "Official spokeswoman of the Russian Foreign Ministry Maria Zakharova described the "
        "plan as “a recipe for endless war on the continent.”"
    )
    assert speakers(text) == ["Maria Zakharova"]


# -- 4. salience: narrative subjects before names inside quotes ---------------------------


def test_a_bare_title_does_not_point_into_a_quote() -> None:
    text = (
        "Donald Trump said he was disappointed.\n\n"
        "“We thought we had a deal, and then President Putin goes out and launches rockets "
        "at Kyiv,” the President said."
    )
    assert speakers(text) == ["Donald Trump"]


def test_a_bare_title_prefers_the_sentences_main_subject() -> None:
    text = (
        "The row began after Donald Trump told reporters that he might warn Putin directly "
        "unless the Russian president ended the war.\n\n"
        "‘If this war is not settled, we are going to send them missiles,’ the President said."
    )
    assert speakers(text) == ["Donald Trump"]


def test_a_pronoun_skips_a_sentence_whose_subject_is_a_thing() -> None:
    text = (
        "Vladimir Putin spoke after the summit. A lasting settlement, he said, required "
        "that “all the primary causes” of the conflict be removed. He also warned Europe not "
        "to “throw a wrench in the works of the peace process”."
    )
    assert speakers(text)[-1] == "Vladimir Putin"


def test_a_pronoun_reaches_a_person_the_pack_does_not_know() -> None:
    text = (
        "Dmitry Peskov told reporters that talks were possible.\n\n"
        "Leonid Slutsky, a senior Russian lawmaker, was more dismissive. Russia was winning, "
        "he wrote on Telegram, and any deal “will be on our terms, not American ones.”"
    )
    assert speakers(text)[-1] == "Leonid Slutsky"


def test_a_surname_in_capitals_names_the_person() -> None:
    assert speakers("TRUMP: “CRIMEA WAS LOST YEARS AGO, EVERYBODY KNOWS IT”") == ["Donald Trump"]


def test_a_possessive_pronoun_does_not_stop_a_pronoun_looking_back() -> None:
    text = (
        "A senior official said the talks had stalled.\n\n"
        "Donald Trump reacted within hours. In a post on his social network, he called the "
        "remarks “very harmful to the peace negotiations with Russia”."
    )
    assert speakers(text)[-1] == "Donald Trump"



def reported_speakers(text: str) -> list[str]:
    article = Article(id="t", text=text, published=date(2025, 5, 20), source="test")
    doc = _nlp()(make_doc(_nlp(), article))
    return [q.speaker for q in doc._.quotes if q.kind == "indirect"]


def test_a_sentence_before_a_semicolon_is_not_what_the_next_verb_reports() -> None:
    text = ("Russia has not accepted the 30-day ceasefire that Washington proposed in March; "
            "instead, Putin has proposed direct talks with Ukraine.")
    assert "Vladimir Putin" not in reported_speakers(text)
    reported = "Peskov said that Russia had not accepted the ceasefire; talks would go on."
    assert reported_speakers(reported) == ["Dmitry Peskov"]


def test_a_dateline_in_capitals_never_speaks() -> None:
    text = ("ST PETERSBURG, June 20 (Wire) - Russian President Vladimir Putin said on Friday "
            "that Moscow was ready to keep negotiating with Ukraine.")
    assert "ST PETERSBURG" not in reported_speakers(text)
    assert reported_speakers("NATO said on Friday that it would not send troops.") == ["NATO"]
