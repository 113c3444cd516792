"""Queries about actors over the store: who is mentioned how often, and where; plain
functions taking a ``Store``, rendered by ``redline actors``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from redline.store import Store
from redline.store import schema as tables

__all__ = ["ActorArticle", "ActorCount", "actor_articles", "actor_counts", "stored_actor_names"]


@dataclass(frozen=True)
class ActorCount:
    """One actor with how often and in how many articles it is mentioned."""

    name: str
    party: str | None
    kind: str | None
    mentions: int
    articles: int


@dataclass(frozen=True)
class ActorArticle:
    """One article an actor appears in, with the number of mentions there."""

    article_id: str
    title: str | None
    published: date | None
    source: str | None
    mentions: int


def actor_counts(
    store: Store, party: str | None = None, min_confidence: float = 0.0
) -> list[ActorCount]:
    """Actors with their mention and article counts, most mentioned first."""
    m = tables.mentions
    query = (
        sa.select(
            m.c.actor,
            sa.func.max(m.c.party).label("party"),
            sa.func.max(m.c.kind).label("kind"),
            sa.func.count().label("mentions"),
            sa.func.count(sa.distinct(m.c.article_id)).label("articles"),
        )
        .where(m.c.confidence >= min_confidence)
        .group_by(m.c.actor)
        .order_by(sa.desc("mentions"), m.c.actor)
    )
    if party is not None:
        query = query.where(m.c.party == party)
    with store.engine.connect() as conn:
        return [
            ActorCount(row.actor, row.party, row.kind, row.mentions, row.articles)
            for row in conn.execute(query)
        ]


def actor_articles(store: Store, actor: str) -> list[ActorArticle]:
    """The articles an actor (canonical name) appears in, most mentions first."""
    m, a = tables.mentions, tables.articles
    query = (
        sa.select(
            a.c.id,
            a.c.title,
            a.c.published,
            a.c.source,
            sa.func.count().label("mentions"),
        )
        .join(a, a.c.id == m.c.article_id)
        .where(m.c.actor == actor)
        .group_by(a.c.id, a.c.title, a.c.published, a.c.source)
        .order_by(sa.desc("mentions"), a.c.published, a.c.id)
    )
    with store.engine.connect() as conn:
        return [
            ActorArticle(row.id, row.title, row.published, row.source, row.mentions)
            for row in conn.execute(query)
        ]


def stored_actor_names(store: Store, name: str) -> list[str]:
    """Actor names in the store equal to ``name`` ignoring case (for actors the pack lacks)."""
    m = tables.mentions
    query = sa.select(m.c.actor).distinct().where(sa.func.lower(m.c.actor) == name.lower())
    with store.engine.connect() as conn:
        return [row[0] for row in conn.execute(query)]
