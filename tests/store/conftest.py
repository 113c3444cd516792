"""Fixtures for store tests: each test gets a fresh, empty store on every backend.

SQLite always runs. PostgreSQL runs when ``$REDLINE_TEST_POSTGRES_URL`` names a database
(e.g. ``postgresql+psycopg://redline:redline@127.0.0.1/redline_test``) and is skipped, with
the reason, otherwise; each test there gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from redline.store import Store, open_store

POSTGRES_ENV = "REDLINE_TEST_POSTGRES_URL"
POSTGRES_URL = os.environ.get(POSTGRES_ENV, "")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql", id="postgresql",
        marks=pytest.mark.skipif(
            not POSTGRES_URL,
            reason=f"set ${POSTGRES_ENV} (e.g. postgresql+psycopg://user:pw@127.0.0.1/db) "
                   "to run the store tests on PostgreSQL"),
    ),
]


class Scratch:
    """Fresh, empty databases on one backend, each removed when its block ends."""

    def __init__(self, backend: str, folder: Path, admin: sa.Engine | None) -> None:
        self.backend = backend
        self.folder = folder
        self.admin = admin

    @contextmanager
    def url(self) -> Iterator[str]:
        """The URL of a new empty database: a SQLite file, or a PostgreSQL schema of its own
        (chosen through the connection's ``search_path``)."""
        name = f"redline_test_{uuid.uuid4().hex[:12]}"
        if self.admin is None:
            yield f"sqlite:///{self.folder / name}.db"
            return
        with self.admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
        url = self.admin.url.update_query_dict({"options": f"-csearch_path={name}"})
        try:
            yield url.render_as_string(hide_password=False)
        finally:
            with self.admin.begin() as conn:
                conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))

    @contextmanager
    def store(self) -> Iterator[Store]:
        with self.url() as url, open_store(url) as opened:
            yield opened


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[sa.Engine]:
    """An engine on the test PostgreSQL database, for creating and dropping schemas."""
    engine = sa.create_engine(POSTGRES_URL)
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def scratch(request: pytest.FixtureRequest, tmp_path: Path) -> Scratch:
    admin = request.getfixturevalue("postgres_admin") if request.param == "postgresql" else None
    return Scratch(request.param, tmp_path, admin)


@pytest.fixture
def db_url(scratch: Scratch) -> Iterator[str]:
    """A fresh database URL that can be opened (and reopened) with ``open_store``."""
    with scratch.url() as url:
        yield url


@pytest.fixture
def store(scratch: Scratch) -> Iterator[Store]:
    with scratch.store() as opened:
        yield opened
