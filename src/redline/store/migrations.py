"""Versioned schema migrations, recorded in ``schema_migrations`` and applied on open.

Append a function to ``MIGRATIONS`` to change the schema; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from redline.store import schema


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sa.Connection], None]


def _create_initial_tables(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.INITIAL_TABLES))


def _create_warnings_table(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.ingest_warnings])


def _add_described_plans(conn: sa.Connection) -> None:
    # Databases made after the column joined the table definition have it from migration 1.
    columns = {c["name"] for c in sa.inspect(conn).get_columns("plan_mentions")}
    if "described" not in columns:
        conn.execute(sa.text(
            "ALTER TABLE plan_mentions ADD COLUMN described BOOLEAN NOT NULL DEFAULT FALSE"))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create articles, records and plan registry tables", _create_initial_tables),
    Migration(2, "create ingest_warnings", _create_warnings_table),
    Migration(3, "plan_mentions.described", _add_described_plans),
)


def applied_versions(conn: sa.Connection) -> set[int]:
    schema.metadata.create_all(conn, tables=[schema.schema_migrations])
    rows = conn.execute(sa.select(schema.schema_migrations.c.version))
    return {row.version for row in rows}


def migrate(engine: sa.Engine) -> list[int]:
    """Apply the migrations the database lacks, each in its own transaction; return them."""
    with engine.begin() as conn:
        done = applied_versions(conn)
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(
                sa.insert(schema.schema_migrations).values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=datetime.now(UTC),
                )
            )
        applied.append(migration.version)
    return applied


__all__ = ["MIGRATIONS", "Migration", "applied_versions", "migrate"]
