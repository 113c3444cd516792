"""Speaker attribution on small texts of our own: cues after and before, inverted, split,
continuing paragraphs, pronouns, unnamed sources, institutions, documents and indirect speech.

Mentions are built by hand (a tiny matcher over a test pack), so these tests do not depend on
the actors component; the real spaCy model parses the sentences (it loads in well under a second).
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from redline.model import UNNAMED_SOURCE, Mention, Quote
from redline.nlp.extensions import register_extensions
from redline.nlp.pipeline import load_model
from redline.nlp.quote_lexicon import load_speech_lexicon
from redline.nlp.quote_speakers import outer_speech_subject
from redline.nlp.quotes import extract_quotes
from redline.packs.schema import Pack

PACK = Pack.model_validate(
    {
        "meta": {"name": "test"},
        "parties": [
            {"id": "north", "name": "Northland", "adjectives": ["Northern"]},
            {"id": "south", "name": "Southland", "adjectives": ["Southern"]},
            {"id": "other", "name": "Other"},
        ],
        "actors": [
            {"name": "Northland", "party": "north", "kind": "state", "metonyms": ["Nordgrad"]},
            {"name": "Southland", "party": "south", "kind": "state", "metonyms": ["Sudberg"]},
            {"name": "Ivan Brodsky", "party": "north", "gender": "male"},
            {"name": "Olga Marin", "party": "north", "gender": "female"},
            {"name": "Pablo Ortega", "party": "south", "gender": "male"},
            {"name": "Tom Hale", "party": "south", "gender": "male"},
        ],
        "issues": [],
    }
)
NAMES = {
    "Ivan Brodsky": "Ivan Brodsky",
    "Brodsky": "Ivan Brodsky",
    "Olga Marin": "Olga Marin",
    "Marin": "Olga Marin",
    "Pablo Ortega": "Pablo Ortega",
    "Ortega": "Pablo Ortega",
    "Tom Hale": "Tom Hale",
    "Hale": "Tom Hale",
    "Northland": "Northland",
    "Nordgrad": "Northland",
    "Southland": "Southland",
    "Sudberg": "Southland",
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    return load_model()


def hand_mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set()
    for surface in sorted(NAMES, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if taken & set(range(match.start(), match.end())):
                continue
            taken.update(range(match.start(), match.end()))
            actor = PACK.actor(NAMES[surface])
            assert actor is not None
            resolution = "name" if surface == actor.name else "surname"
            found.append(
                Mention(
                    match.start(),
                    match.end(),
                    surface,
                    actor.name,
                    actor.party,
                    resolution,
                    0.9,
                    actor.kind,
                )
            )
    return sorted(found, key=lambda m: m.start)


def run(nlp: Language, text: str, extra: tuple[Mention, ...] = ()) -> list[Quote]:
    doc: Doc = nlp(text)
    doc._.mentions = sorted([*hand_mentions(text), *extra], key=lambda m: m.start)
    doc._.published = date(2025, 1, 1)
    return extract_quotes(doc, PACK)


def direct(quotes: list[Quote]) -> list[tuple[str, str, str]]:
    return [(q.text, q.speaker, q.party) for q in quotes if q.kind == "direct"]


def test_cue_after_the_quote(nlp: Language) -> None:
    quotes = run(nlp, "‘We will never sign a deal like this one,’ Brodsky said on Monday.")
    assert direct(quotes) == [("We will never sign a deal like this one,", "Ivan Brodsky", "north")]
    assert quotes[0].cue == "said" and quotes[0].resolution == "surname"
    assert quotes[0].sentence is not None and quotes[0].sentence.text.endswith("Monday.")


def test_cue_after_with_a_title_between(nlp: Language) -> None:
    text = "“The border must be settled before anything else,” deputy minister Olga Marin told TV."
    assert direct(run(nlp, text)) == [
        ("The border must be settled before anything else,", "Olga Marin", "north")
    ]


def test_inverted_cue(nlp: Language) -> None:
    text = (
        "The proposal could “open the way to a lasting settlement,” said Pablo Ortega, the envoy."
    )
    assert direct(run(nlp, text)) == [
        ("open the way to a lasting settlement,", "Pablo Ortega", "south")
    ]


def test_cue_before_with_a_colon(nlp: Language) -> None:
    text = "Speaking in the capital, Hale told reporters: “Nobody here wants a frozen conflict.”"
    quotes = run(nlp, text)
    assert direct(quotes) == [("Nobody here wants a frozen conflict.", "Tom Hale", "south")]
    assert quotes[0].cue == "told reporters"


def test_relative_clause_speaker(nlp: Language) -> None:
    text = "The line came from Ivan Brodsky, who said in May, “there is nothing left to discuss.”"
    assert direct(run(nlp, text)) == [
        ("there is nothing left to discuss.", "Ivan Brodsky", "north")
    ]


def test_split_sentence_is_one_quote(nlp: Language) -> None:
    text = "‘We are not against talks,’ Ortega said, ‘but we want them held in a neutral city.’"
    quotes = direct(run(nlp, text))
    assert quotes == [
        (
            "We are not against talks, but we want them held in a neutral city.",
            "Pablo Ortega",
            "south",
        )
    ]


def test_second_sentence_after_the_cue_is_a_separate_quote(nlp: Language) -> None:
    text = "‘We are not against talks at all,’ Ortega said. ‘The venue is what matters to us.’"
    assert direct(run(nlp, text)) == [
        ("We are not against talks at all,", "Pablo Ortega", "south"),
        ("The venue is what matters to us.", "Pablo Ortega", "south"),
    ]


def test_continuing_paragraphs_keep_the_speaker(nlp: Language) -> None:
    text = (
        "Marin added: “The first step is a halt to the shelling of cities.\n\n"
        "“The second step is the exchange of every prisoner we hold.\n\n"
        "“The third is a conference on the border itself.”\n"
    )
    quotes = direct(run(nlp, text))
    assert [q[1] for q in quotes] == ["Olga Marin"] * 3
    assert quotes[0][0] == "The first step is a halt to the shelling of cities."


def test_open_paragraph_takes_the_cue_where_the_quotation_ends(nlp: Language) -> None:
    text = (
        "‘The old plan gives the south nothing it has asked for in two years.\n"
        "‘We will not take it up again,’ Hale said.\n"
    )
    assert [q[1] for q in direct(run(nlp, text))] == ["Tom Hale", "Tom Hale"]


def test_pronoun_takes_the_last_speaker(nlp: Language) -> None:
    text = (
        "Olga Marin said the talks had stalled over the border.\n"
        "“It seems to me nobody wants to move first,” she added."
    )
    assert direct(run(nlp, text)) == [
        ("It seems to me nobody wants to move first,", "Olga Marin", "north")
    ]


def test_pronoun_respects_gender(nlp: Language) -> None:
    text = (
        "Tom Hale met Olga Marin in the capital on Tuesday.\n"
        "Hale said the meeting was useful. Marin said it was too early to judge.\n"
        "“We have heard these promises many times before,” she said."
    )
    assert direct(run(nlp, text))[0][1] == "Olga Marin"


def test_pronoun_under_another_speech_verb(nlp: Language) -> None:
    text = "Hale said he told Brodsky the plan was ‘dead on arrival in its present form’ anyway."
    assert direct(run(nlp, text)) == [("dead on arrival in its present form", "Tom Hale", "south")]


def test_a_second_subject_the_parse_gives_a_speech_verb_is_passed_over(nlp: Language) -> None:
    # "Aboard Air Force One, Hale said he thought …" as the parser sometimes reads it: the
    # place as a second subject of "said"
    words = ["Aboard", "Air", "Force", "One", ",", "Hale", "said", "he", "thought", "so"]
    heads = [3, 2, 3, 6, 6, 6, 6, 8, 6, 8]
    deps = ["compound", "compound", "compound", "nsubj", "punct", "nsubj", "ROOT", "nsubj",
            "ccomp", "advmod"]
    lemmas = ["aboard", "air", "force", "one", ",", "Hale", "say", "he", "think", "so"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    subject = outer_speech_subject(doc[8], load_speech_lexicon())
    assert subject is not None and subject.text == "Hale"


def test_bare_quote_paragraph_continues_the_speaker(nlp: Language) -> None:
    text = (
        "Brodsky has said he could end the fighting quickly without saying how.\n"
        "‘I cannot tell you how, because then it would not work at all.’\n"
    )
    assert direct(run(nlp, text))[0][1] == "Ivan Brodsky"


def test_unnamed_source_with_party_adjective(nlp: Language) -> None:
    text = "A senior Northern source told the paper: ‘It is hard for us to accept this version.’"
    assert direct(run(nlp, text)) == [
        ("It is hard for us to accept this version.", UNNAMED_SOURCE, "north")
    ]


def test_unnamed_source_inherits_party_from_the_group_mentioned_before(nlp: Language) -> None:
    text = (
        "Southern officials briefed on the talks have warned the deal is fragile.\n"
        "One official said: “There is a lot of pressure to give up everything at once.”"
    )
    assert direct(run(nlp, text))[0][1:] == (UNNAMED_SOURCE, "south")


def test_unnamed_source_affiliated_by_metonym(nlp: Language) -> None:
    text = "‘We expect nothing from this round of talks,’ Nordgrad sources said."
    assert direct(run(nlp, text))[0][1:] == (UNNAMED_SOURCE, "north")


def test_unnamed_source_without_party(nlp: Language) -> None:
    text = "‘Nobody believes the deadline will hold this time,’ one diplomat said."
    assert direct(run(nlp, text))[0][1:] == (UNNAMED_SOURCE, "other")


def test_source_close_to_a_leader_is_not_the_leader(nlp: Language) -> None:
    text = "‘He will not give an inch on the border,’ a source close to Brodsky said."
    assert direct(run(nlp, text))[0][1] == UNNAMED_SOURCE


def test_institution_statement_goes_to_its_state(nlp: Language) -> None:
    text = (
        "‘Only full membership can guarantee our security,’ the foreign ministry in Sudberg said."
    )
    assert direct(run(nlp, text))[0][1:] == ("Southland", "south")


def test_according_to(nlp: Language) -> None:
    text = "According to Marin, the offer might “form the basis of a future agreement” in time."
    assert direct(run(nlp, text))[0][1] == "Olga Marin"


def test_document_is_attributed_to_its_author(nlp: Language) -> None:
    text = (
        "In his spring paper for a think tank, Hale argued for a freeze of the front.\n"
        "The talks went nowhere that year.\n"
        "‘A freeze is the quickest way to stop the killing,’ the paper concluded."
    )
    quotes = run(nlp, text)
    assert direct(quotes)[0][1] == "Tom Hale"
    assert quotes[-1].resolution == "document" or any(q.resolution == "document" for q in quotes)


def test_inner_quote_goes_to_its_own_speaker(nlp: Language) -> None:
    text = "‘As Ortega said last year, “Nobody wins a war like this one.” We agree,’ Hale said."
    quotes = {q.text: q.speaker for q in run(nlp, text) if q.kind == "direct"}
    assert quotes["Nobody wins a war like this one."] == "Pablo Ortega"
    assert (
        quotes["As Ortega said last year, “Nobody wins a war like this one.” We agree,"]
        == "Tom Hale"
    )


def test_short_quote_is_a_fragment_with_its_speaker(nlp: Language) -> None:
    quotes = run(nlp, "Brodsky called the offer ‘dead on arrival’ on Friday.")
    assert [(q.kind, q.text, q.speaker) for q in quotes if q.kind != "indirect"] == [
        ("fragment", "dead on arrival", "Ivan Brodsky")
    ]


def test_prediction_is_not_a_cue(nlp: Language) -> None:
    text = "Brodsky will insist on terms ‘as broad as the ones he set out before the war began’."
    assert all(q.cue != "insist" for q in run(nlp, text))


def test_unattributed_quote_has_no_speaker(nlp: Language) -> None:
    quotes = run(
        nlp, "The banner in the square read “bring our sons home alive this year” all week."
    )
    assert [(q.speaker, q.party) for q in quotes if q.kind == "direct"] == [("", "")]


def test_quoted_headline_is_not_speech(nlp: Language) -> None:
    quotes = run(nlp, "Headlines screamed “Northland Rejects Southern Peace Offer Outright.”")
    assert [q.kind for q in quotes] == ["fragment"]


def test_headline_colon_names_the_speaker(nlp: Language) -> None:
    quotes = run(nlp, "Marin: ‘We will not give up a single village in these talks’")
    assert direct(quotes) == [
        ("We will not give up a single village in these talks", "Olga Marin", "north")
    ]


def test_a_topic_after_the_speaker_of_a_colon_label_is_not_the_speaker(nlp: Language) -> None:
    quotes = run(nlp, "Marin, on the Olympics: ‘We will not give up a single village in these "
                      "talks’")
    assert direct(quotes) == [
        ("We will not give up a single village in these talks", "Olga Marin", "north")
    ]


def test_caption_signed_with_a_dash(nlp: Language) -> None:
    quotes = run(nlp, "“Nobody should doubt our resolve on this point.” — Tom Hale")
    assert direct(quotes) == [
        ("Nobody should doubt our resolve on this point.", "Tom Hale", "south")
    ]


def test_repeated_quote_is_reported_once(nlp: Language) -> None:
    text = (
        "The plan could “form the basis for future talks,” said Pablo Ortega.\n"
        "According to Ortega, the plan might “form the basis for future talks” soon.\n"
    )
    assert len(direct(run(nlp, text))) == 1


def test_indirect_speech_with_its_content(nlp: Language) -> None:
    quotes = run(nlp, "Marin told reporters that Northland was ready to resume the talks.")
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert len(indirect) == 1
    assert indirect[0].speaker == "Olga Marin"
    assert indirect[0].text == "that Northland was ready to resume the talks"
    assert indirect[0].cue == "told"


def test_spans_point_into_the_text(nlp: Language) -> None:
    text = "Before the talks, ‘We are ready to meet them halfway,’ Ortega said.\nHe left."
    for quote in run(nlp, text):
        assert text[quote.start : quote.end] == quote.text
        if quote.cue_start is not None and quote.cue_end is not None:
            assert text[quote.cue_start : quote.cue_end] == quote.cue


def test_participle_goes_with_the_sentence_speaker(nlp: Language) -> None:
    text = (
        "Marin said Nordgrad had also proposed a summit of the two leaders, adding: "
        "“This would be the logical next step toward peace.”"
    )
    assert direct(run(nlp, text))[0][1] == "Olga Marin"


def test_unnamed_person_with_an_indefinite_article(nlp: Language) -> None:
    text = "“We will not trade our land for promises,” a Southern soldier near the front told us."
    assert direct(run(nlp, text))[0][1:] == (UNNAMED_SOURCE, "south")


def test_new_unnamed_group_does_not_inherit_a_party(nlp: Language) -> None:
    text = (
        "A senior Northern diplomat said: “Everyone is waiting to see what happens next.”\n"
        "Two sources familiar with the matter said: “The meeting could take place next week.”"
    )
    assert [q[1:] for q in direct(run(nlp, text))] == [
        (UNNAMED_SOURCE, "north"),
        (UNNAMED_SOURCE, "other"),
    ]


def test_the_official_refers_back_to_an_unnamed_official(nlp: Language) -> None:
    text = (
        "According to a senior Southern official, a new package is being prepared.\n"
        "“We will keep up the pressure for as long as it takes,” the official said."
    )
    assert direct(run(nlp, text))[0][1:] == (UNNAMED_SOURCE, "south")


def test_role_noun_with_a_possessor_speaks_for_that_side(nlp: Language) -> None:
    text = "Hale's spokesman said the minister “remains committed to the talks until the end”."
    assert direct(run(nlp, text))[0][1:] == (UNNAMED_SOURCE, "south")


def test_a_question_put_to_someone_is_not_their_indirect_speech(nlp: Language) -> None:
    text = "Asked whether Northland would accept, Brodsky replied: “Not at all, not ever, never.”"
    quotes = run(nlp, text)
    assert [q.kind for q in quotes if q.kind == "indirect"] == []
    assert direct(quotes)[0][1] == "Ivan Brodsky"


def test_added_names_the_speaker_of_a_distant_pronoun(nlp: Language) -> None:
    text = (
        "Olga Marin said on Monday that talks were stalled.\n"
        "Brodsky has been quiet. The border stayed closed all week, a newspaper reported.\n"
        "Markets fell sharply on Wednesday.\n"
        "When asked what could change it, he said: “There are things I could do that would hurt.”\n"
        "Hale added: “But I do not want to do that to anyone.”"
    )
    assert [q[1] for q in direct(run(nlp, text))] == ["Tom Hale", "Tom Hale"]


def test_inner_quote_by_the_outer_speaker_himself(nlp: Language) -> None:
    text = "‘I told them, “we will never agree to such terms”, and they left,’ Brodsky said."
    quotes = {q.text: q.speaker for q in run(nlp, text) if q.kind == "direct"}
    assert quotes["we will never agree to such terms"] == "Ivan Brodsky"


def test_inner_he_is_not_the_outer_speaker(nlp: Language) -> None:
    text = "“He told me ‘no deal, not now’ and walked out of the room,” one diplomat recalled."
    inner = [q for q in run(nlp, text) if q.text == "no deal, not now"]
    assert [(q.kind, q.speaker) for q in inner] == [("fragment", "")]


def test_expletive_it_is_not_a_speaker(nlp: Language) -> None:
    text = "Marin spoke first.\nIt is important to note that no meeting has been confirmed yet."
    assert [q.text for q in run(nlp, text) if q.kind == "indirect"] == []


def test_a_question_is_not_reported_content(nlp: Language) -> None:
    text = "Hale asked what Northland could offer in return for a pause in the fighting."
    assert [q for q in run(nlp, text) if q.kind == "indirect"] == []


def test_according_to_reports_indirect_content(nlp: Language) -> None:
    quotes = run(nlp, "According to Marin, the border talks will resume in the spring.")
    indirect = [(q.speaker, q.cue, q.text) for q in quotes if q.kind == "indirect"]
    assert indirect == [
        ("Olga Marin", "According to", "the border talks will resume in the spring")
    ]


def test_hard_wrapped_article_keeps_the_cue_on_the_next_line(nlp: Language) -> None:
    text = (
        "The minister spoke to reporters on Monday after the long meeting.\n"
        "“We are not going to give up any of our land, not now and not\n"
        "ever, whatever they offer us,” Brodsky said before he left the\n"
        "room.\n"
        "\n"
        "Talks are due to resume next week in a neutral city, though no\n"
        "date has been set for the next round yet, officials in the capital\n"
        "said on Tuesday.\n"
    )
    assert [q[1] for q in direct(run(nlp, text))] == ["Ivan Brodsky"]


def test_quote_after_a_sentence_introducing_the_speaker(nlp: Language) -> None:
    text = (
        "Hale said the talks were useful.\n"
        "Marin was blunt. “We reject this plan entirely and without any reservation.”"
    )
    assert direct(run(nlp, text))[0][1] == "Olga Marin"


def test_participle_after_a_comma_is_a_cue(nlp: Language) -> None:
    text = "Brodsky hit back on Telegram, writing: 'Their threats will not stop us from defending.'"
    assert direct(run(nlp, text))[0][1] == "Ivan Brodsky"


def test_apposed_name_beats_a_description_over_the_head(nlp: Language) -> None:
    text = "The Northern leader's chief of staff, Olga Marin, said: “The plans are well advanced.”"
    wrong = Mention(0, 28, text[:28], "Ivan Brodsky", "north", "description", 0.6, "person")
    assert direct(run(nlp, text, (wrong,)))[0][1] == "Olga Marin"


def test_unknown_named_speaker_is_not_replaced_by_a_neighbour(nlp: Language) -> None:
    text = (
        "Hale said the talks were useful.\n"
        "“That was a mistake we will not repeat again,” the deputy governor of the region said."
    )
    assert direct(run(nlp, text))[0][1] == ""


def test_speaker_outside_the_pack_keeps_the_full_name(nlp: Language) -> None:
    text = (
        "Analysts were cautious on Monday.\n"
        "“Time is on the side of the stronger army here,” said Samuel Hartley, a historian.\n"
        "“Neither side will give ground before the winter,” Hartley told the newspaper."
    )
    assert [q[1] for q in direct(run(nlp, text))] == ["Samuel Hartley", "Samuel Hartley"]


def test_split_sentence_resuming_with_a_capital(nlp: Language) -> None:
    text = "‘If they come to the table in good faith,’ Hale said, ‘I will meet them myself.’"
    assert direct(run(nlp, text)) == [
        (
            "If they come to the table in good faith, I will meet them myself.",
            "Tom Hale",
            "south",
        )
    ]


def test_pronoun_prefers_the_subject_of_the_sentence_before(nlp: Language) -> None:
    text = (
        "Brodsky said on Monday that the offer was not serious.\n"
        "Hale, meanwhile, visited troops near the border. “We will hold every position we have,” "
        "he said."
    )
    assert direct(run(nlp, text))[0][1] == "Tom Hale"


def test_embedded_post_signed_with_a_handle(nlp: Language) -> None:
    text = "“Nobody should doubt our resolve on this point.” — Tom Hale (@tomhale) March 3, 2025"
    assert direct(run(nlp, text))[0][1] == "Tom Hale"


def test_passive_cue_takes_the_agent(nlp: Language) -> None:
    text = "“There will be no deal before the spring at the earliest,” the paper was told by Marin."
    assert direct(run(nlp, text))[0][1] == "Olga Marin"


def test_quote_broken_over_a_line_keeps_its_cue(nlp: Language) -> None:
    text = "‘We will take the plan and read it carefully.\nThen we will reject it,’ Brodsky said."
    quotes = direct(run(nlp, text))
    assert [q[1] for q in quotes] == ["Ivan Brodsky"]
    assert quotes[0][0].endswith("reject it,")


def test_long_title_between_quote_and_verb(nlp: Language) -> None:
    text = (
        "“We will never accept a border drawn by force of arms,” Southland's ambassador to the "
        "United Nations, Tom Hale, told the council."
    )
    assert direct(run(nlp, text))[0][1] == "Tom Hale"


def test_two_speakers_joined_by_and(nlp: Language) -> None:
    text = "“We stand together on every point of this plan,” Hale and Ortega said in a statement."
    assert direct(run(nlp, text))[0][1] == "Tom Hale"


def test_a_hyphenated_name_the_entity_recogniser_missed_keeps_its_hyphens(
        nlp: Language) -> None:
    text = "“A frozen war can restart at any time,” said Hans-Peter Berger-Lindqvist."
    doc: Doc = nlp(text)
    doc.ents = []  # the name is read from the parse alone
    doc._.mentions = []
    doc._.published = date(2025, 1, 1)
    assert [q.speaker for q in extract_quotes(doc, PACK)] == ["Hans-Peter Berger-Lindqvist"]
