"""The database tables, as SQLAlchemy Core ``Table`` objects (portable: SQLite and PostgreSQL).

Migrations create them (see ``migrations.py``); queries everywhere use these objects, never
SQL strings. ``start`` and ``end`` are quoted by SQLAlchemy where the dialect needs it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

metadata = sa.MetaData()


def _row_id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def _note_columns() -> list[sa.Column[Any]]:
    """What ``rejected`` and ``ingest_warnings`` record about an input: where, when and why."""
    return [
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    ]


def _span_columns() -> list[sa.Column[int]]:
    """Character offsets of a record in its article's text."""
    return [
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    ]


def _owner_fk(name: str, type_: sa.types.TypeEngine[Any], target: str) -> sa.Column[Any]:
    """A required, indexed reference to the row a record belongs to, deleted along with it."""
    return sa.Column(
        name, type_, sa.ForeignKey(target, ondelete="CASCADE"), nullable=False, index=True
    )


schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("source", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("date_origin", sa.String(20), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("version_of", sa.String(64), nullable=True),
    sa.Column("duplicate_of", sa.String(64), nullable=True),
    sa.Column("cluster", sa.String(64), nullable=False),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("extractor_version", sa.String(100), nullable=True),
    sa.Index("ix_articles_url", "url"),
    sa.Index("ix_articles_published", "published"),
)

rejected = sa.Table(
    "rejected",
    metadata,
    _row_id(),
    *_note_columns(),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("name", sa.String(300), primary_key=True),
    sa.Column("party", sa.String(60)),
    sa.Column("kind", sa.String(40)),
)


def _article_fk() -> sa.Column[str]:
    return _owner_fk("article_id", sa.String(64), "articles.id")


mentions = sa.Table(
    "mentions",
    metadata,
    _row_id(),
    _article_fk(),
    *_span_columns(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("actor", sa.String(300), nullable=False, index=True),
    sa.Column("party", sa.String(60)),
    sa.Column("resolution", sa.String(40)),
    sa.Column("confidence", sa.Float),
    sa.Column("kind", sa.String(40)),
)

quotes = sa.Table(
    "quotes",
    metadata,
    _row_id(),
    _article_fk(),
    *_span_columns(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("speaker", sa.String(300), index=True),
    sa.Column("party", sa.String(60)),
    sa.Column("kind", sa.String(20)),
    sa.Column("cue", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("resolution", sa.String(40)),
    sa.Column("confidence", sa.Float),
    sa.Column("sentence_start", sa.Integer),
    sa.Column("sentence_end", sa.Integer),
    sa.Column("extractor_version", sa.String(100)),
)

claims = sa.Table(
    "claims",
    metadata,
    _row_id(),
    _article_fk(),
    sa.Column("actor", sa.String(300), nullable=False, index=True),
    sa.Column("party", sa.String(60)),
    sa.Column("issue", sa.String(60), nullable=False, index=True),
    sa.Column("stance", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("plan", sa.Text, nullable=True),
    sa.Column("statement_date", sa.Date, nullable=True),
    sa.Column("confidence", sa.Float),
    sa.Column("optional", sa.Boolean, nullable=False, default=False),
    sa.Column("extractor_version", sa.String(100)),
)

claim_evidence = sa.Table(
    "claim_evidence",
    metadata,
    _row_id(),
    _owner_fk("claim_id", sa.Integer(), "claims.id"),
    *_span_columns(),
    sa.Column("text", sa.Text, nullable=False),
)

plans = sa.Table(
    "plans",
    metadata,
    _row_id(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("proposer", sa.String(300)),
    sa.Column("n_points", sa.Integer),
    sa.Column("revision_of", sa.Integer, sa.ForeignKey("plans.id"), nullable=True),
    sa.Column("first_reported", sa.Date),
    sa.Column("last_reported", sa.Date),
)

plan_mentions = sa.Table(
    "plan_mentions",
    metadata,
    _row_id(),
    _article_fk(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("proposer", sa.String(300)),
    sa.Column("n_points", sa.Integer),
    sa.Column("pack_plan", sa.String(200)),
    *_span_columns(),
    sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=True),
    # Named from its terms, not by the article (added by migration 3).
    sa.Column("described", sa.Boolean, nullable=False, server_default=sa.false()),
)

plan_points = sa.Table(
    "plan_points",
    metadata,
    _row_id(),
    _owner_fk("plan_mention_id", sa.Integer(), "plan_mentions.id"),
    sa.Column("n", sa.Integer, nullable=True),
    sa.Column("issues", sa.Text, nullable=False),  # a JSON list of issue ids
    sa.Column("text", sa.Text, nullable=False),
    *_span_columns(),
)

# Notes on inputs that landed with a caveat (an unparseable date stored as unknown, a
# dateline without a year): added by migration 2, shown by ``redline rejected``.
ingest_warnings = sa.Table(
    "ingest_warnings",
    metadata,
    _row_id(),
    *_note_columns(),
)

# The tables of migration 1, in creation order.
INITIAL_TABLES: tuple[sa.Table, ...] = (
    articles, rejected, actors, mentions, quotes, claims, claim_evidence,
    plans, plan_mentions, plan_points,
)

__all__ = [
    "INITIAL_TABLES",
    "actors",
    "articles",
    "claim_evidence",
    "claims",
    "ingest_warnings",
    "mentions",
    "metadata",
    "plan_mentions",
    "plan_points",
    "plans",
    "quotes",
    "rejected",
    "schema_migrations",
]
