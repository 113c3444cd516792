"""The batch driver, with an injected fake extractor instead of the NLP pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from redline.errors import PackError
from redline.ingest.batch import ingest_paths
from redline.model import Article, Claim, Extraction, Rejection, TextSpan
from redline.store import Store, open_store

WIRE = ("Ukraine said on Tuesday it was ready to accept a 30-day ceasefire proposed by the "
        "United States, after talks in Jeddah that lasted most of the day. Washington said it "
        "would resume intelligence sharing and security assistance at once. Officials in "
        "Moscow said they would study the proposal before answering.")


class FakeExtractor:
    """Claims one 'ceasefire' position per article; fails on articles whose text says FAIL."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: Iterable[Article], pack: str) -> Iterator[
            tuple[Article, Extraction | Rejection]]:
        for article in articles:
            self.seen.append(article.id)
            if "FAIL" in article.text:
                yield article, Rejection(article.origin or "", "extract", "component broke")
                continue
            evidence = (TextSpan(0, 10, article.text[:10]),)
            claim = Claim("Ukraine", "ukraine", "ceasefire", "accept", "stated", evidence)
            yield article, Extraction(article.id, article.published, "news", claims=(claim,),
                                      extractor_version=f"fake/{pack}")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "batch.db")) as opened:
        yield opened


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(
        "url: https://example.org/wire\npublished: 2025-03-11\nsource: Wire\n---\n" + WIRE)
    (folder / "copy.txt").write_text(
        "url: https://example.org/copy\npublished: 2025-03-12\nsource: Paper\n---\n"
        + WIRE.replace("on Tuesday", "late on Tuesday"))
    (folder / "undated.txt").write_text("published: soon\n---\nMoscow rejected the plan.")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "feed.jsonl").write_text('{"text": "Kyiv welcomed the talks."}\n{oops\n')
    return folder


def test_ingest_stores_extracts_and_reports(store: Store, inputs: Path) -> None:
    fake = FakeExtractor()
    report = ingest_paths(store, [inputs], pack="russia-ukraine", extractor=fake)
    assert report.count("new") == 3
    assert report.count("near_duplicate") == 1
    assert report.ingested == 4 and report.extracted == 4
    assert sorted(Path(r.source).name for r in report.rejections) == ["broken.txt",
                                                                     "feed.jsonl:2"]
    assert not report.all_landed
    [warning] = report.warnings
    assert "unparseable date 'soon'" in warning.reason
    assert len(store.list_rejections()) == 2 and len(store.list_warnings()) == 1
    assert {c.provenance.extractor_version for c in store.read_claims()} == {"fake/russia-ukraine"}
    clusters = {c.provenance.source: c.provenance.cluster for c in store.read_claims()}
    assert clusters["Wire"] == clusters["Paper"]  # one story, one independent source


def test_second_ingest_adds_nothing_and_extracts_nothing(store: Store, inputs: Path) -> None:
    ingest_paths(store, [inputs], extractor=FakeExtractor())
    again = FakeExtractor()
    report = ingest_paths(store, [inputs], extractor=again)
    assert report.ingested == 0 and report.count("duplicate") == 4
    assert again.seen == []
    assert len(store.list_articles()) == 4
    assert report.warnings == [] and len(store.list_warnings()) == 1
    assert len(report.rejections) == 2  # the run still says what did not land...
    assert len(store.list_rejections()) == 2  # ...but the table does not grow


def test_no_extract_then_a_later_run_completes_the_extraction(store: Store,
                                                              inputs: Path) -> None:
    fake = FakeExtractor()
    first = ingest_paths(store, [inputs], extract=False, extractor=fake)
    assert first.extracted == 0 and fake.seen == []
    assert len(store.pending_extraction()) == 4
    second = ingest_paths(store, [inputs], extractor=fake)
    assert second.ingested == 0 and second.extracted == 4
    assert store.pending_extraction() == []


def test_a_failed_extraction_is_rejected_and_retried_next_run(store: Store,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "fail.txt"
    path.write_text("This article will FAIL in the extractor.")
    report = ingest_paths(store, [path], extractor=FakeExtractor())
    assert [(r.stage, r.reason) for r in report.rejections] == [("extract", "component broke")]
    assert len(store.pending_extraction()) == 1
    retry = FakeExtractor()
    ingest_paths(store, [path], extractor=retry)
    assert len(retry.seen) == 1


def test_an_extractor_that_breaks_rejects_every_pending_article(store: Store,
                                                                inputs: Path) -> None:
    def broken(articles: Iterable[Article], pack: str) -> Iterator[
            tuple[Article, Extraction | Rejection]]:
        raise ImportError("no component")
        yield  # pragma: no cover

    report = ingest_paths(store, [inputs], extractor=broken)
    extract_rejections = [r for r in report.rejections if r.stage == "extract"]
    assert len(extract_rejections) == 4
    assert all("ImportError: no component" in r.reason for r in extract_rejections)
    assert len(store.pending_extraction()) == 4  # nothing lost: they wait for the next run


def test_an_unknown_pack_is_raised_to_the_caller(store: Store, inputs: Path) -> None:
    def needs_pack(articles: Iterable[Article], pack: str) -> Iterator[
            tuple[Article, Extraction | Rejection]]:
        raise PackError(pack, ["not found"])
        yield  # pragma: no cover

    with pytest.raises(PackError):
        ingest_paths(store, [inputs], pack="nope", extractor=needs_pack)


def test_new_version_of_an_article(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("url: https://example.org/a\n---\n" + WIRE)
    first = ingest_paths(store, [path], extract=False)
    path.write_text("url: https://example.org/a\n---\n" + WIRE + " Russia later said no.")
    second = ingest_paths(store, [path], extract=False)
    assert second.count("version") == 1
    [result] = second.results
    assert result.related == first.results[0].article_id
    assert len(store.list_articles()) == 2


def test_missing_path_is_rejected_and_the_rest_lands(store: Store, inputs: Path) -> None:
    report = ingest_paths(store, [inputs / "nope.txt", inputs / "wire.txt"], extract=False)
    assert report.ingested == 1
    [rejection] = report.rejections
    assert rejection.reason == "no such file or directory"


def test_reextract_outdated_runs_articles_of_older_extractors_again(store: Store,
                                                                    inputs: Path) -> None:
    ingest_paths(store, [inputs], extractor=FakeExtractor())  # versions "fake/russia-ukraine"
    again = FakeExtractor()
    ingest_paths(store, [inputs], extractor=again)
    assert again.seen == []
    report = ingest_paths(store, [inputs], extractor=again, reextract_outdated=True)
    assert len(again.seen) == 4 and report.extracted == 4
