"""Property tests for parsing: headers round-trip, and no text or bytes make a reader crash."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from redline.errors import InputError
from redline.ingest.header import split_header
from redline.ingest.jsonl import parse_json_article
from redline.ingest.sources import read_inputs
from redline.ingest.text import parse_text_article
from redline.model import Article, Rejection

keys = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)
values = st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp"]),
                 max_size=40).map(str.strip)


@given(st.dictionaries(keys, values, min_size=1, max_size=6), st.text(max_size=200))
def test_header_fields_and_body_round_trip(fields: dict[str, str], body: str) -> None:
    text = "".join(f"{key}: {value}\n" for key, value in fields.items()) + "---\n" + body
    split = split_header(text)
    assert split.has_header
    assert split.fields == fields
    assert split.body == body


@given(st.text(max_size=400))
def test_text_parsing_gives_an_article_or_a_typed_error(text: str) -> None:
    try:
        article = parse_text_article(text, "t.txt", warn=lambda _warning: None)
    except InputError as exc:
        assert exc.source == "t.txt"
    else:
        assert article.text and article.text == article.text.strip()
        assert "\r" not in article.text and "\ufeff" not in article.text


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["text", "url", "title", "published",
                                                       "source", "x"]), inner, max_size=5),
                    max_leaves=10))
def test_any_json_value_gives_an_article_or_a_typed_error(value: object) -> None:
    try:
        parse_json_article(json.dumps(value), "f.jsonl:1", warn=lambda _warning: None)
    except InputError as exc:
        assert exc.source == "f.jsonl:1"


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([".txt", ".html", ".jsonl", ".md", ".doc"]))
def test_any_bytes_in_any_file_kind_never_crash(tmp_path_factory: object, data: bytes,
                                                suffix: str) -> None:
    folder = tmp_path_factory.mktemp("bytes")  # type: ignore[attr-defined]
    path = Path(folder) / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_inputs([path], warn=lambda _warning: None))
    assert all(isinstance(item, Article | Rejection) for item in items)
    if suffix != ".jsonl":
        assert len(items) == 1
