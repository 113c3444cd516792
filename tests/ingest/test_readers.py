"""Reading every input kind, and every kind of bad input, into Articles or Rejections."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from redline.ingest import article_id, read_inputs
from redline.model import Article, Rejection

BODY = ("Ukraine said on Tuesday it was ready to accept a 30-day ceasefire proposed by the "
        "United States, after talks in Jeddah that lasted most of the day.")
HEADER = "url: https://example.org/a\ntitle: Kyiv accepts truce\npublished: 2025-03-11\n" \
         "source: Example Wire\n---\n"


def read_all(*paths: Path | str, **options: object) -> tuple[list[Article], list[Rejection]]:
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for item in read_inputs(list(paths), **options):  # type: ignore[arg-type]
        (rejections if isinstance(item, Rejection) else articles).append(item)
    return articles, rejections


def test_text_file_with_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(HEADER + BODY + "\n", encoding="utf-8")
    [article], rejections = read_all(path)
    assert rejections == []
    assert article.text == BODY
    assert article.title == "Kyiv accepts truce"
    assert article.url == "https://example.org/a"
    assert article.source == "Example Wire"
    assert article.published == date(2025, 3, 11)
    assert article.date_origin == "header"
    assert article.origin == str(path)
    assert article.id == article_id(BODY, "https://example.org/a")


def test_text_offsets_index_the_normalised_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    raw = "\ufefftitle: t\r\n---\r\nKyiv\xa0said “no”.\r\nMoscow said 'yes'."
    path.write_bytes(raw.encode("utf-8"))
    [article], _ = read_all(path)
    assert article.text == "Kyiv said “no”.\nMoscow said 'yes'."
    start = article.text.index("“")
    assert article.text[start : start + 4] == "“no”"


def test_text_without_header_and_markdown_and_no_extension(tmp_path: Path) -> None:
    for name in ("plain.txt", "notes.md", "README"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    articles, rejections = read_all(tmp_path)
    assert rejections == []
    assert len(articles) == 3
    assert all(a.title is None and a.published is None for a in articles)
    assert all(a.date_origin == "unknown" for a in articles)


def test_dateline_date_is_used_when_no_header_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("published: unknown\n---\nJEDDAH, March 11, 2025 (Wire) - " + BODY)
    [article], _ = read_all(path)
    assert article.published == date(2025, 3, 11)
    assert article.date_origin == "dateline"


def test_unparseable_header_date_lands_as_unknown_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("published: next Tuesday\n---\n" + BODY)
    warnings: list[Rejection] = []
    [article], rejections = read_all(path, warn=warnings.append)
    assert rejections == []
    assert article.published is None
    assert article.date_origin == "unknown"
    [warning] = warnings
    assert warning.source == str(path)
    assert warning.stage == "parse"
    assert "unparseable date 'next Tuesday'" in warning.reason
    assert "stored as unknown" in warning.reason


def test_html_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Truce talks</title>"
        '<meta property="og:title" content="Kyiv accepts truce">'
        '<meta property="article:published_time" content="2025-03-11T18:00:00Z">'
        '<meta property="og:site_name" content="Example Post">'
        '<link rel="canonical" href="https://example.org/truce"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Kyiv accepts truce</h1>"
        f"<p>{BODY}</p><p>Moscow said it would study the proposal before giving any answer, "
        "and officials declined to say when that might be.</p></article>"
        "<footer>Copyright Example Post</footer></body></html>",
        encoding="utf-8",
    )
    [article], rejections = read_all(path)
    assert rejections == []
    assert BODY in article.text
    assert "Copyright" not in article.text
    assert article.title == "Kyiv accepts truce"
    assert article.url == "https://example.org/truce"
    assert article.source == "Example Post"
    assert article.published == date(2025, 3, 11)
    assert article.date_origin == "html"


def test_html_without_main_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>")
    articles, [rejection] = read_all(path)
    assert articles == []
    assert rejection.source == str(path)
    assert "no main text" in rejection.reason


def test_jsonl_lines_land_and_bad_lines_are_rejected_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": BODY, "url": "https://example.org/1", "published": "2025-03-11",
                    "source": "Wire", "title": "One"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Moscow said it would study the proposal.", "published": "soon"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, rejections = read_all(path)
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:6"]
    first, last = articles
    assert first.published == date(2025, 3, 11) and first.date_origin == "jsonl"
    assert first.title == "One" and first.source == "Wire"
    assert last.published is None
    assert [(r.source, r.stage) for r in rejections] == [
        (f"{path}:2", "parse"), (f"{path}:4", "parse"), (f"{path}:5", "parse")]
    assert "malformed JSON" in rejections[0].reason
    assert "'text'" in rejections[2].reason


def test_jsonl_line_over_limit_is_rejected_and_the_next_line_lands(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    big = json.dumps({"text": "word " * 500})
    path.write_text(big + "\n" + json.dumps({"text": BODY}) + "\n")
    articles, [rejection] = read_all(path, max_bytes=1000)
    assert [a.text for a in articles] == [BODY]
    assert rejection.source == f"{path}:1"
    assert "over the limit" in rejection.reason


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    _, [rejection] = read_all(path)
    assert rejection.stage == "decode" and "binary" in rejection.reason


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "Kyiv’s négociateurs said the “café” talks – in Genève – were constructive."
    path.write_bytes(("title: Légende\n---\n" + text).encode("cp1252"))
    [article], rejections = read_all(path)
    assert rejections == []
    assert article.text == text
    assert article.title == "Légende"


def test_empty_and_blank_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\u00a0\n\t\n")
    (tmp_path / "header-only.txt").write_text("title: x\n---\n")
    articles, rejections = read_all(tmp_path)
    assert articles == []
    assert len(rejections) == 3
    assert all("empty" in r.reason for r in rejections)


def test_huge_file_is_rejected_from_its_size_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    _, [rejection] = read_all(path)
    assert rejection.source == str(path)
    assert "over the limit" in rejection.reason and "50.0 MB" in rejection.reason


def test_huge_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    filler = "Talks went on. " * 7000  # about 100 KB a line
    with path.open("w") as handle:
        lines = 0
        while handle.tell() <= 50 * 1024 * 1024:
            handle.write(json.dumps({"text": f"Story {lines}. {filler}"}) + "\n")
            lines += 1
    articles, rejections = read_all(path)
    assert rejections == []
    assert len({a.id for a in articles}) == lines


def test_missing_path_is_a_rejection(tmp_path: Path) -> None:
    _, [rejection] = read_all(tmp_path / "nope.txt")
    assert rejection.source == str(tmp_path / "nope.txt")
    assert rejection.reason == "no such file or directory"


def test_folder_with_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "good.txt").write_text(HEADER + BODY)
    (tmp_path / "sub" / "deeper" / "also.md").write_text("Moscow rejected the proposal.")
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "sub" / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / ".hidden.txt").write_text("ignored on purpose")
    articles, rejections = read_all(tmp_path)
    assert sorted(Path(a.origin or "").name for a in articles) == ["also.md", "good.txt"]
    reasons = {Path(r.source).name: r.reason for r in rejections}
    assert reasons.keys() == {"image.png", "bad.txt"}
    assert "unsupported file type '.png'" in reasons["image.png"]


def test_same_text_and_url_give_the_same_id_and_url_changes_it() -> None:
    assert article_id(BODY, None) == article_id(BODY, None)
    assert article_id(BODY, "https://example.org/a") != article_id(BODY, None)
    assert len(article_id(BODY, None)) == 16
