"""Frames on hand-built parses: the misparses of the small model that the frames repair,
fixed here so the tests do not depend on how a model version happens to parse a sentence."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from redline.nlp.claim_frames import misattached_predicate

VOCAB = English().vocab


def parsed(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """(word, dependency, head index, coarse tag, fine tag) per token."""
    return Doc(VOCAB, words=[r[0] for r in rows], deps=[r[1] for r in rows],
               heads=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows])


def test_a_verb_parsed_as_its_objects_modifier_after_an_apposition_is_the_main_verb() -> None:
    # "Russia's chief negotiator, Vladimir Medinsky, floated short truces.": the parser found
    # no verb, made the noun phrase the root and "floated" a modifier of "truces"
    doc = parsed([
        ("Russia", "poss", 3, "PROPN", "NNP"), ("'s", "case", 0, "PART", "POS"),
        ("chief", "amod", 3, "ADJ", "JJ"), ("negotiator", "ROOT", 3, "NOUN", "NN"),
        (",", "punct", 3, "PUNCT", ","), ("Vladimir", "compound", 6, "PROPN", "NNP"),
        ("Medinsky", "appos", 3, "PROPN", "NNP"), (",", "punct", 3, "PUNCT", ","),
        ("floated", "amod", 10, "VERB", "VBN"), ("short", "amod", 10, "ADJ", "JJ"),
        ("truces", "appos", 3, "NOUN", "NNS"), (".", "punct", 3, "PUNCT", "."),
    ])
    assert misattached_predicate(doc[8]) == doc[3]


def test_a_participle_inside_a_noun_phrase_stays_a_modifier() -> None:
    # "Trump's proposed peace plan was leaked."
    doc = parsed([
        ("Trump", "poss", 4, "PROPN", "NNP"), ("'s", "case", 0, "PART", "POS"),
        ("proposed", "amod", 4, "VERB", "VBN"), ("peace", "compound", 4, "NOUN", "NN"),
        ("plan", "nsubjpass", 6, "NOUN", "NN"), ("was", "auxpass", 6, "AUX", "VBD"),
        ("leaked", "ROOT", 6, "VERB", "VBN"), (".", "punct", 6, "PUNCT", "."),
    ])
    assert misattached_predicate(doc[2]) is None
