"""Where the database is: ``--db URL`` if given, else ``$REDLINE_DB``, else ``redline.db``."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "sqlite:///redline.db"
ENV_VAR = "REDLINE_DB"


def resolve_db_url(url: str | None = None) -> str:
    """A SQLAlchemy URL; a bare path (no ``scheme://``) means a SQLite file at that path."""
    chosen = url or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser()}"


__all__ = ["DEFAULT_DB", "ENV_VAR", "resolve_db_url"]
