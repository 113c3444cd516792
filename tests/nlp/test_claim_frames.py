"""Frames on hand-built parses: the misparses of the small model that the frames repair,
fixed here so the tests do not depend on how a model version happens to parse a sentence."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from redline.nlp.claim_frames import matrix_subjects, misattached_predicate

VOCAB = English().vocab


LEMMAS = {"said": "say", "proposed": "propose", "rejected": "reject", "told": "tell", "was": "be"}


def parsed(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """(word, dependency, head index, coarse tag, fine tag) per token."""
    words = [r[0] for r in rows]
    return Doc(VOCAB, words=words, deps=[r[1] for r in rows], heads=[r[2] for r in rows],
               pos=[r[3] for r in rows], tags=[r[4] for r in rows],
               lemmas=[LEMMAS.get(w, w.lower()) for w in words])


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


def _clause_before(verb: str) -> Doc:
    # "Russia rejected it ; Putin VERB ." with the first clause hung on the second verb
    return parsed([
        ("Russia", "nsubj", 1, "PROPN", "NNP"), ("rejected", "ccomp", 5, "VERB", "VBD"),
        ("it", "dobj", 1, "PRON", "PRP"), (";", "punct", 5, "PUNCT", ":"),
        ("Putin", "nsubj", 5, "PROPN", "NNP"), (verb, "ROOT", 5, "VERB", "VBD"),
        (".", "punct", 5, "PUNCT", "."),
    ])


def test_a_clause_before_a_verb_of_saying_is_what_its_subject_says() -> None:
    doc = _clause_before("said")
    assert [t.text for t in matrix_subjects(doc[1], frozenset({"say"}))] == ["Putin"]


def test_a_clause_before_any_other_verb_was_hung_there_by_the_parser() -> None:
    doc = _clause_before("proposed")
    assert matrix_subjects(doc[1], frozenset({"say"})) == []


def test_a_that_clause_hung_on_a_noun_reports_to_the_verb_above_it() -> None:
    # "Peskov told reporters at the forum that Moscow was ready.": the parser made the clause
    # a relative clause of "forum"
    doc = parsed([
        ("Peskov", "nsubj", 1, "PROPN", "NNP"), ("told", "ROOT", 1, "VERB", "VBD"),
        ("reporters", "dobj", 1, "NOUN", "NNS"), ("at", "prep", 1, "ADP", "IN"),
        ("the", "det", 5, "DET", "DT"), ("forum", "pobj", 3, "NOUN", "NN"),
        ("that", "mark", 8, "SCONJ", "IN"), ("Moscow", "nsubj", 8, "PROPN", "NNP"),
        ("was", "relcl", 5, "AUX", "VBD"), ("ready", "acomp", 8, "ADJ", "JJ"),
        (".", "punct", 1, "PUNCT", "."),
    ])
    assert [t.text for t in matrix_subjects(doc[8], frozenset({"tell"}))] == ["Peskov"]
    # A true relative clause ("the forum that Moscow hosted") reports nothing.
    doc = parsed([
        ("Peskov", "nsubj", 1, "PROPN", "NNP"), ("praised", "ROOT", 1, "VERB", "VBD"),
        ("the", "det", 3, "DET", "DT"), ("forum", "dobj", 1, "NOUN", "NN"),
        ("that", "dobj", 6, "PRON", "WDT"), ("Moscow", "nsubj", 6, "PROPN", "NNP"),
        ("hosted", "relcl", 3, "VERB", "VBD"), (".", "punct", 1, "PUNCT", "."),
    ])
    assert matrix_subjects(doc[6], frozenset({"tell"})) == []
