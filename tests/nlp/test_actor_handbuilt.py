"""The actors component on hand-built Docs and a tiny pack of its own: no spaCy model, no
built-in pack, so these tests pin the logic itself (matching, dates, pronoun salience)."""

from __future__ import annotations

from datetime import date

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from redline.nlp.actor_index import ActorIndex, surnames_of
from redline.nlp.actors import ActorRecognizer
from redline.packs.schema import Pack

PACK = Pack.model_validate(
    {
        "meta": {"name": "tiny"},
        "parties": [
            {"id": "north", "name": "Northland", "adjectives": ["Northern"]},
            {"id": "south", "name": "Southland", "adjectives": ["Southern"]},
            {"id": "other", "name": "Other"},
        ],
        "actors": [
            {"name": "Northland", "party": "north", "kind": "state", "metonyms": ["Nordgrad"]},
            {"name": "Southland", "party": "south", "kind": "state", "aliases": ["SL"]},
            {
                "name": "Ivan Brodsky",
                "party": "north",
                "gender": "male",
                "titles": [{"title": "Northern president", "to": "2025-01-01"}],
            },
            {
                "name": "Olga Marin",
                "party": "north",
                "gender": "female",
                "titles": [{"title": "Northern president", "from": "2025-01-01"}],
            },
            {"name": "Pablo Ortega", "party": "south", "gender": "male", "epithets": ["El Toro"]},
            {"name": "Pope Clement", "party": "other", "gender": "male", "surnames": []},
        ],
        "issues": [],
    }
)


BLANK = spacy.blank("en")


def blank() -> Language:
    return BLANK


def parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str]) -> Doc:
    pos = ["PRON" if w.lower() in ("he", "she", "it") else "PROPN" for w in words]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def recognise(doc: Doc, nlp: Language, published: date | None) -> list[tuple[str, str, str]]:
    doc._.published = published
    ActorRecognizer(nlp, "unused", index=ActorIndex(PACK))(doc)
    return [(m.text, m.actor, m.resolution) for m in doc._.mentions]


def test_surnames_derived_unless_given() -> None:
    assert surnames_of(PACK.actors[2]) == ["Brodsky"]
    assert surnames_of(PACK.actors[5]) == []
    assert surnames_of(PACK.actors[0]) == []  # states have none


def test_names_metonyms_epithets_and_case_sensitive_alias() -> None:
    nlp = blank()
    doc = nlp.make_doc("Nordgrad told Pablo Ortega and El Toro that SL and sl differ .")
    assert recognise(doc, nlp, None) == [
        ("Nordgrad", "Northland", "metonym"),
        ("Pablo Ortega", "Pablo Ortega", "name"),
        ("El Toro", "Pablo Ortega", "epithet"),
        ("SL", "Southland", "alias"),
    ]


def test_title_holder_depends_on_the_date() -> None:
    nlp = blank()
    before = recognise(nlp.make_doc("the Northern president spoke"), nlp, date(2024, 6, 1))
    after = recognise(nlp.make_doc("the Northern president spoke"), nlp, date(2025, 6, 1))
    undated = recognise(nlp.make_doc("the Northern president spoke"), nlp, None)
    assert before == [("Northern president", "Ivan Brodsky", "title")]
    assert after == [("Northern president", "Olga Marin", "title")]
    assert undated == [("Northern president", "Olga Marin", "title")]


def test_title_then_name_is_one_mention_and_the_name_decides() -> None:
    nlp = blank()
    doc = nlp.make_doc("Northern president Ivan Brodsky spoke")
    assert recognise(doc, nlp, date(2025, 6, 1)) == [
        ("Northern president Ivan Brodsky", "Ivan Brodsky", "name")
    ]


def test_party_adjective_before_collective_head() -> None:
    nlp = blank()
    doc = nlp.make_doc("Southern officials disagreed")
    assert recognise(doc, nlp, None) == [("Southern officials", "Southland", "adjective")]


def test_pronoun_takes_the_previous_main_subject_of_its_gender() -> None:
    nlp = blank()
    # "Olga Marin told Ivan Brodsky no . She left ." with a hand-made parse.
    words = ["Olga", "Marin", "told", "Ivan", "Brodsky", "no", ".", "She", "left", "."]
    heads = [1, 2, 2, 4, 2, 2, 2, 8, 8, 8]
    deps = [
        "compound",
        "nsubj",
        "ROOT",
        "compound",
        "dobj",
        "dobj",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
    ]
    doc = parsed(nlp, words, heads, deps)
    assert recognise(doc, nlp, None)[-1] == ("She", "Olga Marin", "pronoun")
    words[7] = "He"
    doc = parsed(nlp, words, heads, deps)
    assert recognise(doc, nlp, None)[-1] == ("He", "Ivan Brodsky", "pronoun")


WORDS = [
    "Nordgrad",
    "Ivan",
    "Brodsky",
    "he",
    "she",
    "it",
    "Northern",
    "officials",
    "the",
    "president",
    "El",
    "Toro",
    "SL",
    "Brodsky's",
    "Brodsky‘s",
    ",",
    ".",
    "\n",
    "said",
    "-",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([None, date(2024, 1, 1)]))
def test_any_text_gives_sorted_mentions_whose_spans_match(
    words: list[str], day: date | None
) -> None:
    nlp = BLANK
    doc = nlp.make_doc(" ".join(words))
    recognise(doc, nlp, day)
    mentions = doc._.mentions
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(doc.text)
        assert doc.text[m.start : m.end] == m.text
        assert m.party in PACK.party_ids()


def test_transliteration_keys_and_edit_distance() -> None:
    from redline.nlp.actor_index import transliteration_key, within_one_edit

    assert transliteration_key("Zelenskiy") == transliteration_key("Zelenskyy")
    assert transliteration_key("Zelenskyi") == transliteration_key("Zelensky")
    assert within_one_edit("lavrov", "lavrof") and within_one_edit("kelin", "kelyn")
    assert within_one_edit("abc", "abcd") and not within_one_edit("abc", "abde")
    assert ActorIndex(PACK).spelling_variant(["Iwan", "Brodski"]) is not None
    assert ActorIndex(PACK).spelling_variant(["Olga", "Brodski"]) is None  # another initial
