"""The reader of the word lists under nlp/resources: YAML 1.1's boolean words stay words."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.nlp.resource_files import LexiconError, read_mapping, string_list
from redline.nlp.stance_lexicon import load_stance_lexicon


def test_yes_no_on_off_in_a_word_list_are_words(tmp_path: Path) -> None:
    path = tmp_path / "words.yaml"
    path.write_text("negators: [not, no, never]\npreps: [for, on, off, yes]\nflag: true\n")
    data = read_mapping(path, "test words")
    assert data["negators"] == ["not", "no", "never"]
    assert data["preps"] == ["for", "on", "off", "yes"]
    assert data["flag"] is True


def test_the_shipped_stance_lexicon_negates_with_no() -> None:
    lexicon = load_stance_lexicon()
    assert "no" in lexicon.negators
    assert "on" in lexicon.prepositional_nouns["call"]


def test_a_list_with_a_number_is_rejected_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "words.yaml"
    path.write_text("verbs: [say, 12]\n")
    with pytest.raises(LexiconError, match=r"words\.yaml"):
        string_list(read_mapping(path, "test words"), "verbs", path)
