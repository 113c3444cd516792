"""``redline demo`` through the real NLP pipeline (slow: loads the spaCy model)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redline.cli.ingest_commands  # noqa: F401  (registers the commands on the app)
from redline.cli.app import app
from redline.store import open_store


@pytest.mark.slow
def test_demo_extracts_records_from_every_sample(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "rejected 0" in result.output
    counts = re.search(r"records: (\d+) actors, (\d+) quotes, (\d+) claims, (\d+) plan",
                       result.output)
    assert counts is not None and all(int(n) > 0 for n in counts.groups())
    with open_store(str(db)) as store:
        assert store.pending_extraction() == []
        stored = store.list_articles()
        assert len(stored) == 16
        # Every record's span points into its article's text.
        texts = {s.id: s.article.text for s in stored}
        for sourced in store.read_quotes():
            text = texts[sourced.provenance.article_id]
            assert 0 <= sourced.quote.start < sourced.quote.end <= len(text)
        # The syndicated copy shares its original's cluster: one independent source.
        clusters = {s.cluster for s in stored}
        assert len(clusters) == 15
