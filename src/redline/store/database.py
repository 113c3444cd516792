"""The ``Store``: one database of articles and extracted records, opened and migrated on open.

Each write is one transaction: an article lands whole or not at all, and an article's
extraction replaces the previous one whole, so an interrupted run leaves nothing half-written.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from redline.errors import StoreError
from redline.model import Article, Extraction, Rejection, SourcedClaim, SourcedPlan, SourcedQuote
from redline.store import extraction_rows, reads, schema
from redline.store.migrations import migrate
from redline.store.records import AddResult, SourcedMention, StoredArticle, StoredNote
from redline.store.url import resolve_db_url

if TYPE_CHECKING:
    from redline.ingest.near_duplicates import NearDuplicateIndex

A = schema.articles
# Candidates checked exactly per new article: LSH rarely proposes more than one or two.
MAX_CANDIDATES = 5


class ArticleNotFoundError(StoreError):
    """No stored article has this id or id prefix."""


class AmbiguousIdError(StoreError):
    """More than one stored article starts with this id prefix."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL cannot corrupt the database; it only skips an fsync per commit, which
    # matters with one transaction per article.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(url: str) -> sa.Engine:
    try:
        engine = sa.create_engine(url)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Articles, rejections and extracted records in one SQL database (SQLite by default)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._index: NearDuplicateIndex | None = None
        try:
            migrate(engine)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open or migrate database {engine.url!r}: {exc}") from exc

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    # -- articles ----------------------------------------------------------------------
    def _near_duplicates(self) -> NearDuplicateIndex:
        """The LSH index, rebuilt from the stored signatures the first time it is needed."""
        # datasketch (and the scipy it loads) is imported only when articles are added.
        from redline.ingest.near_duplicates import NearDuplicateIndex, signature_from_bytes

        if self._index is None:
            index = NearDuplicateIndex()
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(A.c.id, A.c.minhash)
                                    .where(A.c.minhash.is_not(None))
                                    .order_by(A.c.ingested_at, A.c.id))
                for row in rows:
                    index.add(row.id, signature_from_bytes(row.minhash))
            self._index = index
        return self._index

    def add_article(self, article: Article) -> AddResult:
        """Store an article unless it is already there; link versions and near-duplicates."""
        from redline.ingest.near_duplicates import signature, signature_bytes

        try:
            existing = self._cluster_of(article.id)
            if existing is not None:
                return AddResult("duplicate", article.id, existing, related=article.id)
            index = self._near_duplicates()
            minhash = signature(article.text)
            with self.engine.begin() as conn:
                result = self._place(conn, article, index, minhash)
                conn.execute(sa.insert(A).values(
                    id=article.id, url=article.url, title=article.title,
                    published=article.published, source=article.source, origin=article.origin,
                    date_origin=article.date_origin, text=article.text, ingested_at=_now(),
                    version_of=result.related if result.status == "version" else None,
                    duplicate_of=result.related if result.status == "near_duplicate" else None,
                    cluster=result.cluster, minhash=signature_bytes(minhash),
                    extractor_version=None,
                ))
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                f"cannot store article {article.id} ({article.origin}): {exc}") from exc
        index.add(article.id, minhash)
        return result

    def _cluster_of(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            cluster = conn.execute(sa.select(A.c.cluster).where(A.c.id == article_id)).scalar()
        return None if cluster is None else str(cluster)

    def _place(self, conn: sa.Connection, article: Article, index: NearDuplicateIndex,
               minhash: Any) -> AddResult:
        """Decide whether a new article is a new version, a near-duplicate or new."""
        from redline.ingest.near_duplicates import THRESHOLD, containment

        if article.url:
            previous = conn.execute(
                sa.select(A.c.id, A.c.cluster).where(A.c.url == article.url)
                .order_by(A.c.ingested_at.desc(), A.c.id.desc()).limit(1)).first()
            if previous is not None:
                return AddResult("version", article.id, previous.cluster, related=previous.id)
        for candidate, _estimate in index.find(minhash)[:MAX_CANDIDATES]:
            row = conn.execute(sa.select(A.c.text, A.c.cluster).where(A.c.id == candidate)).first()
            if row is None:
                continue
            overlap = containment(article.text, row.text)
            if overlap >= THRESHOLD:
                first = row.cluster or candidate
                return AddResult("near_duplicate", article.id, first, related=first,
                                 similarity=overlap)
        return AddResult("new", article.id, article.id)

    def list_articles(self, since: date | None = None, until: date | None = None,
                      source: str | None = None) -> list[StoredArticle]:
        query = sa.select(A)
        if since is not None:
            query = query.where(A.c.published >= since)
        if until is not None:
            query = query.where(A.c.published <= until)
        if source is not None:
            query = query.where(sa.func.lower(A.c.source) == source.lower())
        query = query.order_by(A.c.published.is_(None), A.c.published, A.c.ingested_at, A.c.id)
        with self.engine.connect() as conn:
            return [reads.article_from_row(row) for row in conn.execute(query)]

    def get_article(self, id_or_prefix: str) -> StoredArticle:
        """The article with this id or unique id prefix; typed errors when none or several."""
        key = id_or_prefix.strip().lower()
        if not key:
            raise ArticleNotFoundError("no article id given")
        with self.engine.connect() as conn:
            exact = conn.execute(sa.select(A).where(A.c.id == key)).first()
            if exact is not None:
                return reads.article_from_row(exact)
            rows = conn.execute(sa.select(A).where(A.c.id.startswith(key, autoescape=True))
                                .order_by(A.c.id).limit(6)).all()
        if not rows:
            raise ArticleNotFoundError(f"no article with id or prefix {id_or_prefix!r}")
        if len(rows) > 1:
            shown = ", ".join(row.id for row in rows[:5])
            raise AmbiguousIdError(f"prefix {id_or_prefix!r} matches several articles: {shown}")
        return reads.article_from_row(rows[0])

    def pending_extraction(self, current_version: str | None = None) -> list[Article]:
        """Stored articles that have no extraction yet (new, or left by an interrupted run);
        with ``current_version``, also those extracted by any other extractor version."""
        wanted: sa.ColumnElement[bool] = A.c.extractor_version.is_(None)
        if current_version is not None:
            wanted = sa.or_(wanted, A.c.extractor_version != current_version)
        query = sa.select(A).where(wanted).order_by(A.c.ingested_at, A.c.id)
        with self.engine.connect() as conn:
            return [reads.article_from_row(row).article for row in conn.execute(query)]

    # -- rejections and warnings -------------------------------------------------------
    def add_rejection(self, rejection: Rejection) -> None:
        self._add_note(schema.rejected, rejection)

    def add_warning(self, warning: Rejection) -> None:
        """Record a note on an input that landed with a caveat (an unknown date, say)."""
        self._add_note(schema.ingest_warnings, warning)

    def _add_note(self, table: sa.Table, note: Rejection) -> None:
        """Insert a note unless the same one (source, stage, reason) is already recorded, so
        re-running over the same bad input does not pile up copies."""
        same = sa.select(table.c.id).where(
            table.c.source == note.source, table.c.stage == note.stage,
            table.c.reason == note.reason).limit(1)
        with self.engine.begin() as conn:
            if conn.execute(same).first() is None:
                conn.execute(sa.insert(table).values(
                    source=note.source, stage=note.stage, reason=note.reason, at=_now()))

    def list_rejections(self) -> list[StoredNote]:
        return self._list_notes(schema.rejected)

    def list_warnings(self) -> list[StoredNote]:
        return self._list_notes(schema.ingest_warnings)

    def _list_notes(self, table: sa.Table) -> list[StoredNote]:
        with self.engine.connect() as conn:
            return [StoredNote(row.id, row.source, row.stage, row.reason, row.at)
                    for row in conn.execute(sa.select(table).order_by(table.c.id))]

    # -- extraction --------------------------------------------------------------------
    def save_extraction(self, article_id: str, extraction: Extraction) -> None:
        """Replace the article's stored records by ``extraction``, in one transaction."""
        try:
            with self.engine.begin() as conn:
                if conn.execute(sa.select(A.c.id).where(A.c.id == article_id)).first() is None:
                    raise ArticleNotFoundError(f"no stored article {article_id!r} to extract")
                extraction_rows.delete_records(conn, article_id)
                extraction_rows.insert_records(conn, article_id, extraction)
                extraction_rows.upsert_actors(conn, extraction)
                conn.execute(sa.update(A).where(A.c.id == article_id)
                             .values(extractor_version=extraction.extractor_version))
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot save extraction of article {article_id}: {exc}") from exc

    def read_claims(self, actor: str | None = None, party: str | None = None,
                    issue: str | None = None, stance: str | None = None,
                    status: str | None = None, since: date | None = None,
                    until: date | None = None) -> list[SourcedClaim]:
        """Stored claims, filtered (names case-insensitively; dates on the statement date,
        else the article date), in article date order."""
        with self.engine.connect() as conn:
            return reads.select_claims(conn, actor, party, issue, stance, status, since, until)

    def read_quotes(self, speaker: str | None = None, party: str | None = None,
                    since: date | None = None, search: str | None = None) -> list[SourcedQuote]:
        with self.engine.connect() as conn:
            return reads.select_quotes(conn, speaker, party, since, search)

    def read_plan_mentions(self) -> list[SourcedPlan]:
        with self.engine.connect() as conn:
            return reads.select_plan_mentions(conn)

    def read_mentions(self, actor: str | None = None) -> list[SourcedMention]:
        with self.engine.connect() as conn:
            return reads.select_mentions(conn, actor)

    def count_records(self, article_id: str) -> dict[str, int]:
        with self.engine.connect() as conn:
            return reads.count_records(conn, article_id)

    def count_actors(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(schema.actors)).scalar_one()

    def migrations(self) -> list[tuple[int, str]]:
        """The applied migrations: (version, name)."""
        M = schema.schema_migrations
        with self.engine.connect() as conn:
            return [(r.version, r.name) for r in conn.execute(sa.select(M).order_by(M.c.version))]


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating if needed) the database at ``url``, ``$REDLINE_DB`` or
    ``redline.db``; a bare path means a SQLite file."""
    return Store(create_engine(resolve_db_url(url)))


__all__ = ["AmbiguousIdError", "ArticleNotFoundError", "Store", "open_store"]
