"""Every name a package exports in ``__all__`` exists (as httpx checks its own)."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize(
    "module",
    ["redline.ingest", "redline.ingest.batch", "redline.ingest.sources", "redline.store",
     "redline.store.schema", "redline.store.migrations", "redline.ingest.near_duplicates"],
)
def test_all_names_exist(module: str) -> None:
    imported = importlib.import_module(module)
    missing = [name for name in imported.__all__ if not hasattr(imported, name)]
    assert missing == []
