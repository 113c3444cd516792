"""Fixtures for the pipeline tests: the real spaCy model and the actors component over the
built-in pack, each loaded once per test module (a module may change its own copy)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.nlp.actors import ActorRecognizer
from redline.nlp.pipeline import load_model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def recognizer(nlp: Language) -> ActorRecognizer:
    return ActorRecognizer(nlp, "russia-ukraine")
