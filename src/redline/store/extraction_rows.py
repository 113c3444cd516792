"""Writing one article's extraction: the old records go, the new ones come, in the caller's
transaction, and the actors seen are upserted (portable select-then-write, no dialect upsert)."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from redline.model import UNNAMED_SOURCE, Extraction
from redline.store import schema


def delete_records(conn: sa.Connection, article_id: str) -> None:
    """Remove the mentions, quotes, claims and plan mentions stored for an article."""
    claim_ids = sa.select(schema.claims.c.id).where(schema.claims.c.article_id == article_id)
    conn.execute(sa.delete(schema.claim_evidence).where(
        schema.claim_evidence.c.claim_id.in_(claim_ids)))
    plan_ids = sa.select(schema.plan_mentions.c.id).where(
        schema.plan_mentions.c.article_id == article_id)
    conn.execute(sa.delete(schema.plan_points).where(
        schema.plan_points.c.plan_mention_id.in_(plan_ids)))
    for table in (schema.mentions, schema.quotes, schema.claims, schema.plan_mentions):
        conn.execute(sa.delete(table).where(table.c.article_id == article_id))


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the database returned no id for an inserted row")
    return int(key[0])


def insert_records(conn: sa.Connection, article_id: str, extraction: Extraction) -> None:
    version = extraction.extractor_version
    if extraction.mentions:
        conn.execute(sa.insert(schema.mentions), [
            {"article_id": article_id, "start": m.start, "end": m.end, "text": m.text,
             "actor": m.actor, "party": m.party, "resolution": m.resolution,
             "confidence": m.confidence, "kind": m.kind}
            for m in extraction.mentions
        ])
    if extraction.quotes:
        conn.execute(sa.insert(schema.quotes), [
            {"article_id": article_id, "start": q.start, "end": q.end, "text": q.text,
             "speaker": q.speaker, "party": q.party, "kind": q.kind, "cue": q.cue,
             "cue_start": q.cue_start, "cue_end": q.cue_end, "resolution": q.resolution,
             "confidence": q.confidence,
             "sentence_start": q.sentence.start if q.sentence else None,
             "sentence_end": q.sentence.end if q.sentence else None,
             "extractor_version": version}
            for q in extraction.quotes
        ])
    for claim in extraction.claims:
        claim_id = _new_id(conn.execute(sa.insert(schema.claims).values(
            article_id=article_id, actor=claim.actor, party=claim.party, issue=claim.issue,
            stance=claim.stance, status=claim.status, plan=claim.plan,
            statement_date=claim.statement_date, confidence=claim.confidence,
            optional=claim.optional, extractor_version=version,
        )))
        if claim.evidence:
            conn.execute(sa.insert(schema.claim_evidence), [
                {"claim_id": claim_id, "start": e.start, "end": e.end, "text": e.text}
                for e in claim.evidence
            ])
    for plan in extraction.plans:
        plan_id = _new_id(conn.execute(sa.insert(schema.plan_mentions).values(
            article_id=article_id, name=plan.name, proposer=plan.proposer,
            n_points=plan.n_points, pack_plan=plan.pack_plan, start=plan.start, end=plan.end,
            described=plan.described,
        )))
        if plan.points:
            conn.execute(sa.insert(schema.plan_points), [
                {"plan_mention_id": plan_id, "n": p.n, "issues": json.dumps(list(p.issues)),
                 "text": p.text, "start": p.start, "end": p.end}
                for p in plan.points
            ])


def _seen_actors(extraction: Extraction) -> dict[str, dict[str, Any]]:
    """Actor name -> {party, kind}; mentions know the kind, claims and quotes only the party."""
    seen: dict[str, dict[str, Any]] = {}
    for mention in extraction.mentions:
        seen.setdefault(mention.actor, {"party": mention.party, "kind": mention.kind})
    people = [(q.speaker, q.party) for q in extraction.quotes]
    people += [(c.actor, c.party) for c in extraction.claims]
    for name, party in people:
        if name and name != UNNAMED_SOURCE:
            seen.setdefault(name, {"party": party, "kind": None})
    return seen


def upsert_actors(conn: sa.Connection, extraction: Extraction) -> None:
    seen = _seen_actors(extraction)
    if not seen:
        return
    table = schema.actors
    existing = {
        row.name: row
        for row in conn.execute(sa.select(table).where(table.c.name.in_(list(seen))))
    }
    new = [{"name": name, **values} for name, values in seen.items() if name not in existing]
    if new:
        conn.execute(sa.insert(table), new)
    for name, row in existing.items():
        values = seen[name]
        changes: dict[str, Any] = {}
        if values["party"] and values["party"] != row.party:
            changes["party"] = values["party"]
        if values["kind"] and row.kind in (None, "", "unknown"):
            changes["kind"] = values["kind"]
        if changes:
            conn.execute(sa.update(table).where(table.c.name == name).values(**changes))


__all__ = ["delete_records", "insert_records", "upsert_actors"]
