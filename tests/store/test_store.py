"""The store: migrations, articles (identity, versions, near-duplicates), extraction records."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from redline.errors import StoreError
from redline.ingest import make_article
from redline.model import (
    UNNAMED_SOURCE,
    Article,
    Claim,
    Extraction,
    Mention,
    PlanMention,
    PlanPoint,
    Quote,
    Rejection,
    TextSpan,
)
from redline.store import AmbiguousIdError, ArticleNotFoundError, Store, open_store
from redline.store.migrations import MIGRATIONS
from redline.store.url import resolve_db_url

STORY = (
    "Ukraine said on Tuesday it was ready to accept a 30-day ceasefire proposed by the United "
    "States, after talks in Jeddah that lasted most of the day. Washington said it would resume "
    "intelligence sharing and security assistance at once. Officials in Moscow said they would "
    "study the proposal before answering, and declined to say when that might be. The "
    "secretary of state told reporters the next move was up to Russia."
)


def article(text: str = STORY, url: str | None = None, **meta: Any) -> Article:
    return make_article(text, origin="test.txt", url=url, **meta)


def test_migrations_are_recorded_once(db_url: str) -> None:
    with open_store(db_url) as first:
        assert [v for v, _ in first.migrations()] == [m.version for m in MIGRATIONS]
    with open_store(db_url) as second:
        assert len(second.migrations()) == len(MIGRATIONS)
        tables = set(sa.inspect(second.engine).get_table_names())
    assert {"articles", "rejected", "actors", "mentions", "quotes", "claims", "claim_evidence",
            "plan_mentions", "plan_points", "plans", "schema_migrations",
            "ingest_warnings"} <= tables


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "w.db")) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_db_url_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDLINE_DB", raising=False)
    assert resolve_db_url(None) == "sqlite:///redline.db"
    monkeypatch.setenv("REDLINE_DB", "sqlite:////tmp/env.db")
    assert resolve_db_url(None) == "sqlite:////tmp/env.db"
    assert resolve_db_url("postgresql://u@h/db") == "postgresql://u@h/db"
    assert resolve_db_url("/tmp/bare.db") == "sqlite:////tmp/bare.db"


def test_unopenable_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot"):
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))
    with pytest.raises(StoreError):
        open_store("nosuchdialect://x")


def test_adding_the_same_article_twice_adds_nothing(store: Store) -> None:
    a = article(url="https://example.org/a")
    first = store.add_article(a)
    second = store.add_article(a)
    assert (first.status, second.status) == ("new", "duplicate")
    assert first.cluster == first.article_id
    assert len(store.list_articles()) == 1


def test_changed_article_at_same_url_is_a_new_version(store: Store) -> None:
    old = store.add_article(article(url="https://example.org/a"))
    new = store.add_article(article(STORY + " Updated at noon.", url="https://example.org/a"))
    assert new.status == "version"
    assert new.related == old.article_id
    stored = store.get_article(new.article_id)
    assert stored.version_of == old.article_id
    assert stored.cluster == old.cluster


def test_syndicated_copy_is_a_near_duplicate_of_the_first(store: Store) -> None:
    first = store.add_article(article(url="https://example.org/wire", source="Wire"))
    edited = STORY.replace("on Tuesday", "on Tuesday evening").replace(
        "at once", "immediately")
    copy = store.add_article(article(edited, url="https://example.org/copy", source="Paper"))
    other = store.add_article(article(
        "The European Union agreed a new package of sanctions on Russian oil exports, "
        "diplomats said, after weeks of wrangling over exemptions for two member states.",
        url="https://example.org/eu"))
    assert copy.status == "near_duplicate"
    assert copy.related == first.article_id and copy.cluster == first.article_id
    assert copy.similarity is not None and copy.similarity >= 0.8
    assert other.status == "new"
    assert store.get_article(copy.article_id).duplicate_of == first.article_id


def test_near_duplicate_index_survives_reopening(db_url: str) -> None:
    with open_store(db_url) as store:
        first = store.add_article(article(url="https://example.org/wire"))
    with open_store(db_url) as store:
        copy = store.add_article(article(
            STORY.replace("Officials in Moscow", "Russian officials"),
            url="https://example.org/copy"))
    assert copy.status == "near_duplicate" and copy.cluster == first.article_id


def test_a_copy_of_a_copy_joins_the_first_cluster(store: Store) -> None:
    first = store.add_article(article(url="https://example.org/1"))
    store.add_article(article(STORY.replace("Tuesday", "Wednesday"), url="https://example.org/2"))
    third = store.add_article(article(STORY.replace("Jeddah", "Riyadh"), url="https://example.org/3"))
    assert third.cluster == first.article_id and third.related == first.article_id


def test_list_articles_filters_and_orders(store: Store) -> None:
    store.add_article(article("Text one about talks.", published="2025-03-11", source="Wire"))
    store.add_article(article("Text two about truce.", published="2024-12-03", source="Paper"))
    store.add_article(article("Text three, undated."))
    dates = [s.article.published for s in store.list_articles()]
    assert dates == [date(2024, 12, 3), date(2025, 3, 11), None]
    assert [s.article.source for s in store.list_articles(source="wire")] == ["Wire"]
    assert len(store.list_articles(since=date(2025, 1, 1))) == 1
    assert len(store.list_articles(until=date(2025, 1, 1))) == 1


def test_get_article_by_unique_prefix(store: Store) -> None:
    result = store.add_article(article())
    assert store.get_article(result.article_id[:6]).id == result.article_id
    with pytest.raises(ArticleNotFoundError):
        store.get_article("zzzz")


def test_ambiguous_prefix_is_an_error(store: Store) -> None:
    ids = {store.add_article(article(f"Story number {i} about talks.")).article_id
           for i in range(40)}
    prefix = next(p for p in "0123456789abcdef" if sum(i.startswith(p) for i in ids) > 1)
    with pytest.raises(AmbiguousIdError, match="several"):
        store.get_article(prefix)


def test_rejections_and_warnings_are_listed(store: Store) -> None:
    store.add_rejection(Rejection("a.txt", "decode", "binary file (not text)"))
    store.add_warning(Rejection("b.txt", "parse", "unparseable date 'x'; stored as unknown"))
    [rejected] = store.list_rejections()
    [warning] = store.list_warnings()
    assert (rejected.source, rejected.stage, rejected.reason) == (
        "a.txt", "decode", "binary file (not text)")
    assert warning.source == "b.txt"


def _extraction(article_id: str, version: str = "v1") -> Extraction:
    return Extraction(
        article_id=article_id,
        published=date(2025, 3, 11),
        genre="news",
        mentions=(Mention(0, 7, "Ukraine", "Ukraine", "ukraine", "name", 0.9, "state"),),
        quotes=(
            Quote("the next move was up to Russia", 300, 330, "Marco Rubio", "us", "indirect",
                  cue="told", cue_start=290, cue_end=294, resolution="title", confidence=0.7,
                  sentence=TextSpan(0, 10, STORY[0:10])),
            Quote("we will study it", 5, 20, UNNAMED_SOURCE, "russia", "direct"),
        ),
        claims=(
            Claim("Ukraine", "ukraine", "ceasefire", "accept", "stated",
                  evidence=(TextSpan(0, 40, STORY[0:40]), TextSpan(50, 60, STORY[50:60])),
                  plan="30-day ceasefire proposal", statement_date=date(2025, 3, 11),
                  confidence=0.8),
            Claim("United States", "us", "military_aid", "propose", "reported",
                  evidence=(TextSpan(1, 2, STORY[1:2]),), optional=True),
        ),
        plans=(
            PlanMention("30-day ceasefire proposal", "United States",
                        points=(PlanPoint(1, ("ceasefire",), "30-day ceasefire", 40, 56),
                                PlanPoint(None, ("military_aid", "humanitarian"), "aid", 1, 4)),
                        start=30, end=70, n_points=None, pack_plan="us-30-day"),
        ),
        extractor_version=version,
    )


def test_extraction_round_trip_with_provenance(store: Store) -> None:
    result = store.add_article(article(url="https://example.org/a", title="T", source="Wire",
                                       published="2025-03-11"))
    extraction = _extraction(result.article_id)
    store.save_extraction(result.article_id, extraction)
    claims = store.read_claims()
    assert tuple(c.claim for c in claims) == extraction.claims
    provenance = claims[0].provenance
    assert provenance.article_id == result.article_id
    assert (provenance.source, provenance.url, provenance.title) == (
        "Wire", "https://example.org/a", "T")
    assert provenance.cluster == result.cluster
    assert provenance.extractor_version == "v1"
    assert tuple(q.quote for q in store.read_quotes()) == extraction.quotes
    assert tuple(p.plan for p in store.read_plan_mentions()) == extraction.plans
    assert tuple(m.mention for m in store.read_mentions()) == extraction.mentions
    assert store.count_records(result.article_id) == {
        "mentions": 1, "quotes": 2, "claims": 2, "plans": 1}
    assert store.pending_extraction() == []


def test_read_filters(store: Store) -> None:
    result = store.add_article(article(published="2025-03-11"))
    store.save_extraction(result.article_id, _extraction(result.article_id))
    assert [c.claim.issue for c in store.read_claims(actor="ukraine")] == ["ceasefire"]
    assert [c.claim.actor for c in store.read_claims(party="US")] == ["United States"]
    assert store.read_claims(stance="reject") == []
    assert len(store.read_claims(status="reported")) == 1
    assert len(store.read_claims(since=date(2025, 3, 11), until=date(2025, 3, 11))) == 2
    assert store.read_claims(since=date(2025, 3, 12)) == []
    assert [q.quote.speaker for q in store.read_quotes(search="NEXT move")] == ["Marco Rubio"]
    assert store.read_quotes(search="100%") == []
    assert len(store.read_quotes(party="russia")) == 1
    assert len(store.read_mentions(actor="Ukraine")) == 1


def test_saving_again_replaces_the_records(store: Store) -> None:
    result = store.add_article(article())
    store.save_extraction(result.article_id, _extraction(result.article_id, "v1"))
    smaller = Extraction(result.article_id, None, "news", claims=_extraction("x").claims[:1],
                         extractor_version="v2")
    store.save_extraction(result.article_id, smaller)
    assert len(store.read_claims()) == 1
    assert store.read_quotes() == [] and store.read_plan_mentions() == []
    assert store.get_article(result.article_id).extractor_version == "v2"
    with store.engine.connect() as conn:
        evidence = conn.exec_driver_sql("SELECT count(*) FROM claim_evidence").scalar()
        points = conn.exec_driver_sql("SELECT count(*) FROM plan_points").scalar()
    assert (evidence, points) == (2, 0)


def test_actors_are_upserted(store: Store) -> None:
    result = store.add_article(article())
    store.save_extraction(result.article_id, _extraction(result.article_id))
    with store.engine.connect() as conn:
        rows = dict(conn.exec_driver_sql("SELECT name, kind FROM actors").all())
    # Mentions give the kind; claim and quote actors come in too; unnamed sources do not.
    assert rows == {"Ukraine": "state", "Marco Rubio": None, "United States": None}
    store.save_extraction(result.article_id, _extraction(result.article_id))
    assert store.count_actors() == 3


def test_saving_for_an_unknown_article_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError):
        store.save_extraction("nope", _extraction("nope"))


def test_a_failed_extraction_write_leaves_the_old_records(store: Store) -> None:
    result = store.add_article(article())
    store.save_extraction(result.article_id, _extraction(result.article_id))
    # The mentions are written, then a claim without an actor breaks the NOT NULL rule.
    broken = Extraction(result.article_id, None, "news",
                        mentions=(Mention(0, 1, "A", "A", "a", "name", 1.0),),
                        claims=(Claim(None, "x", "ceasefire", "accept", "stated",
                                      evidence=()),),
                        extractor_version="broken")
    with pytest.raises(StoreError):
        store.save_extraction(result.article_id, broken)
    assert len(store.read_claims()) == 2
    assert [m.mention.actor for m in store.read_mentions()] == ["Ukraine"]
    assert store.get_article(result.article_id).extractor_version == "v1"
