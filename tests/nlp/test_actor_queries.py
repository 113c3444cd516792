"""Actor queries over the store (``redline.store.actor_queries``) and the ``redline actors``
commands that render them, on extractions built by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app
from redline.model import Article, Extraction, Mention
from redline.store import Store, open_store
from redline.store.actor_queries import actor_articles, actor_counts, stored_actor_names


def mention(actor: str, party: str, start: int, confidence: float = 0.9) -> Mention:
    kind = "state" if actor in ("Russia", "Ukraine") else "person"
    return Mention(start, start + 5, actor[:5], actor, party, "name", confidence, kind)


def add(store: Store, article_id: str, published: date, mentions: list[Mention]) -> None:
    text = f"Article {article_id} " + "word " * 40
    store.add_article(
        Article(
            id=article_id,
            text=text,
            title=f"Title {article_id}",
            published=published,
            source="Test Wire",
        )
    )
    store.save_extraction(article_id, Extraction(article_id, published, "news", tuple(mentions)))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    url = str(tmp_path / "actors.db")
    with open_store(url) as store:
        add(
            store,
            "a1",
            date(2025, 3, 1),
            [
                mention("Vladimir Putin", "russia", 0),
                mention("Vladimir Putin", "russia", 10),
                mention("Russia", "russia", 20, 0.3),
                mention("Ivan Petrovsky", "russia", 30, 0.6),
            ],
        )
        add(
            store,
            "a2",
            date(2025, 4, 1),
            [
                mention("Vladimir Putin", "russia", 0),
                mention("Volodymyr Zelensky", "ukraine", 10),
            ],
        )
    yield url


def test_actor_counts(db: str) -> None:
    with open_store(db) as store:
        counts = actor_counts(store)
        assert (counts[0].name, counts[0].mentions, counts[0].articles) == ("Vladimir Putin", 3, 2)
        assert {c.name for c in counts} == {
            "Vladimir Putin",
            "Russia",
            "Ivan Petrovsky",
            "Volodymyr Zelensky",
        }
        ukraine = actor_counts(store, party="ukraine")
        assert [(c.name, c.party, c.kind) for c in ukraine] == [
            ("Volodymyr Zelensky", "ukraine", "person")
        ]
        assert "Russia" not in {c.name for c in actor_counts(store, min_confidence=0.5)}


def test_actor_articles_and_stored_names(db: str) -> None:
    with open_store(db) as store:
        rows = actor_articles(store, "Vladimir Putin")
        assert [(r.article_id, r.mentions, r.published) for r in rows] == [
            ("a1", 2, date(2025, 3, 1)),
            ("a2", 1, date(2025, 4, 1)),
        ]
        assert actor_articles(store, "Nobody") == []
        assert stored_actor_names(store, "ivan petrovsky") == ["Ivan Petrovsky"]


def test_cli_actors_lists_with_party_filter(db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["actors", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.output and "Volodymyr Zelensky" in result.output
    result = runner.invoke(app, ["actors", "--party", "ukraine", "--db", db])
    assert result.exit_code == 0
    assert "Zelensky" in result.output and "Putin" not in result.output


def test_cli_actors_show_resolves_aliases_and_lists_titles(db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["actors", "show", "Putin", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.output and "party: russia" in result.output
    assert "Russian president (2012-05-07" in result.output
    assert "mentions: 3 in 2 article(s)" in result.output
    result = runner.invoke(app, ["actors", "show", "Zelenskyy", "--db", db])
    assert "Volodymyr Zelensky" in result.output and "mentions: 1 in 1" in result.output


def test_cli_actors_show_unknown_to_pack_and_missing(db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["actors", "show", "ivan petrovsky", "--db", db])
    assert result.exit_code == 0 and "not in the pack" in result.output
    result = runner.invoke(app, ["actors", "show", "No Such Person", "--db", db])
    assert result.exit_code == 2
