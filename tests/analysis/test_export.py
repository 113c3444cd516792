"""Exports: flat columns with a fixed shape, in CSV, JSON Lines and Parquet."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq

from redline.analysis import export
from redline.model import UNNAMED_SOURCE, Article, Quote, SourcedQuote, TextSpan

from .records import prov, sample_claims, sample_plans


def test_claim_rows_flatten_evidence_and_provenance() -> None:
    rows = export.claim_export_rows(sample_claims())
    first = rows[0]
    assert first["actor"] == "Vladimir Putin" and first["source"] == "Reuters"
    assert first["date"] == date(2025, 3, 2) and first["evidence_count"] == 1
    assert first["url"] == "https://news.example/a1"
    copy = rows[1]
    assert copy["cluster"] == "a1" and copy["article_id"] == "a1-copy"


def test_csv_and_jsonl_have_every_column() -> None:
    rows = export.plan_export_rows(sample_plans())
    buffer = io.StringIO()
    export.write_csv(rows, "plans", buffer)
    parsed = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert list(parsed[0]) == [c.name for c in export.COLUMNS["plans"]]
    assert json.loads(parsed[0]["points_json"])[0]["n"] == 1
    lines = io.StringIO()
    export.write_jsonl(rows, "plans", lines)
    records = [json.loads(line) for line in lines.getvalue().splitlines()]
    assert records[0]["published"] == "2025-03-11" and records[0]["point_issues"] == (
        "ceasefire,military_aid"
    )


def test_parquet_keeps_types_and_empty_exports_keep_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "claims.parquet"
    export.write_parquet(export.claim_export_rows(sample_claims()), "claims", path)
    table = pq.read_table(path)
    assert table.num_rows == len(sample_claims())
    assert str(table.schema.field("date").type) == "date32[day]"
    empty = tmp_path / "none.parquet"
    export.write_parquet([], "quotes", empty)
    assert pq.read_table(empty).schema.names == [c.name for c in export.COLUMNS["quotes"]]


def test_actor_rows_count_claims_and_sources() -> None:
    rows = {r["actor"]: r for r in export.actor_export_rows(sample_claims())}
    putin = rows["Vladimir Putin"]
    assert putin["claims"] == 4 and putin["sources"] == 3  # the copy shares its cluster
    assert putin["first_seen"] == date(2025, 3, 2) and putin["last_seen"] == date(2025, 3, 19)
    assert rows["Someone Unplaced"]["party"] == "unknown"


def test_article_rows() -> None:
    article = Article(id="x", text="Some text.", published=date(2025, 1, 2), source="AP")
    (row,) = export.article_export_rows([article], {"x": "c1"})
    assert row["chars"] == 10 and row["cluster"] == "c1"


def test_quote_rows_and_speakers_in_the_actor_list() -> None:
    provenance = prov("q1", date(2025, 3, 4), "TASS")
    quotes = [
        SourcedQuote(
            Quote(
                "We will not accept troops",
                0,
                25,
                "Sergei Lavrov",
                "russia",
                "direct",
                cue="said",
                sentence=TextSpan(0, 30, "sentence"),
            ),
            provenance,
        ),
        SourcedQuote(
            Quote("talks are close to a deal", 40, 65, UNNAMED_SOURCE, "", "direct"), provenance
        ),
    ]
    rows = export.quote_export_rows(quotes)
    assert rows[0]["sentence"] == "sentence" and rows[0]["source"] == "TASS"
    actors = export.actor_export_rows([], quotes)
    assert [(a["actor"], a["quotes"], a["claims"]) for a in actors] == [("Sergei Lavrov", 1, 0)]
