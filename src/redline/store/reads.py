"""Reads that return model records with their provenance (article, outlet, date, cluster)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from redline.model import (
    Article,
    Claim,
    Mention,
    PlanMention,
    PlanPoint,
    Provenance,
    Quote,
    SourcedClaim,
    SourcedPlan,
    SourcedQuote,
    TextSpan,
)
from redline.store import schema
from redline.store.records import SourcedMention, StoredArticle

A = schema.articles
_PROVENANCE_COLUMNS = (
    A.c.id.label("a_id"), A.c.published.label("a_published"), A.c.source.label("a_source"),
    A.c.url.label("a_url"), A.c.title.label("a_title"), A.c.cluster.label("a_cluster"),
    A.c.extractor_version.label("a_extractor_version"),
)


def article_from_row(row: Any) -> StoredArticle:
    article = Article(
        id=row.id, text=row.text, title=row.title, url=row.url, published=row.published,
        source=row.source, origin=row.origin, date_origin=row.date_origin,
    )
    return StoredArticle(
        article=article, ingested_at=row.ingested_at, cluster=row.cluster,
        version_of=row.version_of, duplicate_of=row.duplicate_of,
        extractor_version=row.extractor_version,
    )


def _provenance(row: Any) -> Provenance:
    return Provenance(
        article_id=row.a_id, published=row.a_published, source=row.a_source, url=row.a_url,
        title=row.a_title, cluster=row.a_cluster or row.a_id,
        extractor_version=row.a_extractor_version or "",
    )


def _equals_folded(column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(column) == value.lower()


def _by_article_date(*extra: sa.ColumnElement[Any]) -> list[sa.ColumnElement[Any]]:
    # Undated articles last, portably (no NULLS LAST).
    return [A.c.published.is_(None), A.c.published, A.c.id, *extra]


def select_claims(
    conn: sa.Connection,
    actor: str | None = None,
    party: str | None = None,
    issue: str | None = None,
    stance: str | None = None,
    status: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[SourcedClaim]:
    C = schema.claims
    when = sa.func.coalesce(C.c.statement_date, A.c.published)
    query = sa.select(C, *_PROVENANCE_COLUMNS).join(A, A.c.id == C.c.article_id)
    for column, value in ((C.c.actor, actor), (C.c.party, party), (C.c.issue, issue),
                          (C.c.stance, stance), (C.c.status, status)):
        if value is not None:
            query = query.where(_equals_folded(column, value))
    if since is not None:
        query = query.where(when >= since)
    if until is not None:
        query = query.where(when <= until)
    rows = conn.execute(query.order_by(*_by_article_date(C.c.id))).all()
    evidence: dict[int, list[TextSpan]] = defaultdict(list)
    ids = [row.id for row in rows]
    for start in range(0, len(ids), 500):  # stay under bound-parameter limits
        E = schema.claim_evidence
        chunk = ids[start : start + 500]
        for e in conn.execute(sa.select(E).where(E.c.claim_id.in_(chunk)).order_by(E.c.id)):
            evidence[e.claim_id].append(TextSpan(e.start, e.end, e.text))
    return [
        SourcedClaim(
            Claim(actor=row.actor, party=row.party, issue=row.issue, stance=row.stance,
                  status=row.status, evidence=tuple(evidence[row.id]), plan=row.plan,
                  statement_date=row.statement_date, confidence=row.confidence,
                  optional=bool(row.optional)),
            _provenance(row),
        )
        for row in rows
    ]


def select_quotes(
    conn: sa.Connection,
    speaker: str | None = None,
    party: str | None = None,
    since: date | None = None,
    search: str | None = None,
) -> list[SourcedQuote]:
    Q = schema.quotes
    query = sa.select(Q, A.c.text.label("a_text"), *_PROVENANCE_COLUMNS).join(
        A, A.c.id == Q.c.article_id)
    if speaker is not None:
        query = query.where(_equals_folded(Q.c.speaker, speaker))
    if party is not None:
        query = query.where(_equals_folded(Q.c.party, party))
    if since is not None:
        query = query.where(A.c.published >= since)
    if search:
        query = query.where(sa.func.lower(Q.c.text).contains(search.lower(), autoescape=True))
    result = []
    for row in conn.execute(query.order_by(*_by_article_date(Q.c.id))):
        sentence = None
        if row.sentence_start is not None and row.sentence_end is not None:
            sentence = TextSpan(row.sentence_start, row.sentence_end,
                                row.a_text[row.sentence_start : row.sentence_end])
        quote = Quote(
            text=row.text, start=row.start, end=row.end, speaker=row.speaker, party=row.party,
            kind=row.kind, cue=row.cue, cue_start=row.cue_start, cue_end=row.cue_end,
            resolution=row.resolution, confidence=row.confidence, sentence=sentence,
        )
        result.append(SourcedQuote(quote, _provenance(row)))
    return result


def select_plan_mentions(conn: sa.Connection) -> list[SourcedPlan]:
    P, PP = schema.plan_mentions, schema.plan_points
    rows = conn.execute(sa.select(P, *_PROVENANCE_COLUMNS).join(A, A.c.id == P.c.article_id)
                        .order_by(*_by_article_date(P.c.id))).all()
    points: dict[int, list[PlanPoint]] = defaultdict(list)
    for p in conn.execute(sa.select(PP).order_by(PP.c.id)):
        points[p.plan_mention_id].append(
            PlanPoint(n=p.n, issues=tuple(json.loads(p.issues)), text=p.text, start=p.start,
                      end=p.end))
    return [
        SourcedPlan(
            PlanMention(name=row.name, proposer=row.proposer, points=tuple(points[row.id]),
                        start=row.start, end=row.end, n_points=row.n_points,
                        pack_plan=row.pack_plan, described=bool(row.described)),
            _provenance(row),
        )
        for row in rows
    ]


def select_mentions(conn: sa.Connection, actor: str | None = None) -> list[SourcedMention]:
    M = schema.mentions
    query = sa.select(M, *_PROVENANCE_COLUMNS).join(A, A.c.id == M.c.article_id)
    if actor is not None:
        query = query.where(_equals_folded(M.c.actor, actor))
    return [
        SourcedMention(
            Mention(start=row.start, end=row.end, text=row.text, actor=row.actor,
                    party=row.party, resolution=row.resolution, confidence=row.confidence,
                    kind=row.kind),
            _provenance(row),
        )
        for row in conn.execute(query.order_by(*_by_article_date(M.c.id)))
    ]


def count_records(conn: sa.Connection, article_id: str) -> dict[str, int]:
    """How many mentions, quotes, claims and plan mentions are stored for an article."""
    tables: Sequence[tuple[str, sa.Table]] = (
        ("mentions", schema.mentions), ("quotes", schema.quotes),
        ("claims", schema.claims), ("plans", schema.plan_mentions),
    )
    return {
        name: conn.execute(sa.select(sa.func.count()).select_from(table)
                           .where(table.c.article_id == article_id)).scalar_one()
        for name, table in tables
    }


__all__ = [
    "article_from_row",
    "count_records",
    "select_claims",
    "select_mentions",
    "select_plan_mentions",
    "select_quotes",
]
