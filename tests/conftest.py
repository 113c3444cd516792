"""Fixtures for every test folder: the shared seed corpus, its gold files and the reference
scorer.

They live in ``shared/`` beside the checkout (``../shared``), which CI provides and a bare
clone lacks. A test that asks for one of them is skipped, with the same reason everywhere,
when it is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under shared/, or a skip of the calling test when it is not there."""
    path = SHARED_DIR.joinpath(*parts)
    if not SHARED_DIR.is_dir():
        pytest.skip(
            f"shared/ not found at {SHARED_DIR} (the seed corpus, gold files and reference "
            "scorer live beside the checkout)"
        )
    if not path.exists():
        pytest.skip(f"{path} not found in shared/")
    return path


@pytest.fixture(scope="session")
def seed_articles() -> Path:
    """The seed articles, one text file each (``shared/corpus/seeds``)."""
    return shared_path("corpus", "seeds")


@pytest.fixture(scope="session")
def seed_gold() -> Path:
    """The seed articles' gold files, ``NAME.gold.json`` (``shared/gold/seeds``)."""
    return shared_path("gold", "seeds")


@pytest.fixture(scope="session")
def reference_scorer_path() -> Path:
    """The reference scorer script (``shared/gold/score.py``)."""
    return shared_path("gold", "score.py")


@pytest.fixture(scope="session")
def reference_scorer(reference_scorer_path: Path) -> ModuleType:
    """The reference scorer, imported as a module (``score``, ``align``, ``same_actor``...)."""
    spec = importlib.util.spec_from_file_location("reference_score", reference_scorer_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
