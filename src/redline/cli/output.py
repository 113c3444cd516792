"""How commands print records for scripts: ``--format table|json|csv``, a JSON array, or CSV
with a header row taken from the records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

import typer


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def echo_json(rows: Sequence[dict[str, Any]]) -> None:
    """Print rows as an indented JSON array; dates and other values print as strings."""
    typer.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))


def echo_csv(rows: Sequence[dict[str, Any]]) -> None:
    """Print rows as CSV with the first row's keys as header; no output at all for no rows."""
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    typer.echo(buffer.getvalue(), nl=False)
