"""The batch driver: read inputs, store articles, then extract what has no extraction yet.

One bad document never stops a batch: read errors, extraction failures and store failures
each become a Rejection recorded in the store, and the run goes on. Extraction covers every
stored article without one, so a run interrupted between storing and extracting is completed
by the next run. The extractor is injected (default: ``redline.nlp.extraction``), so the
driver is tested without the NLP pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from redline import EXTRACTOR_VERSION
from redline.errors import PackError, StoreError
from redline.ingest.files import DEFAULT_MAX_BYTES
from redline.ingest.sources import read_inputs
from redline.model import Article, Extraction, Rejection
from redline.store import AddResult, Store
from redline.store.plan_registry import update_plan_registry

Extractor = Callable[[Iterable[Article], str], Iterator[tuple[Article, Extraction | Rejection]]]
# Same shape as ``redline.cli.progress.progress_bar``: (label, total) -> context giving advance().
Progress = Callable[[str, int | None], AbstractContextManager[Callable[[], None]]]
DEFAULT_PACK = "russia-ukraine"


def default_extractor(articles: Iterable[Article], pack: str) -> Iterator[
        tuple[Article, Extraction | Rejection]]:
    # Imported here: loading spaCy is only worth it when there is something to extract.
    from redline.nlp.extraction import extract_articles

    return extract_articles(articles, pack=pack)


def _no_progress(_label: str, _total: int | None) -> AbstractContextManager[Callable[[], None]]:
    return nullcontext(lambda: None)


@dataclass
class IngestReport:
    """What one run did."""

    results: list[AddResult] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)
    extracted: int = 0

    def count(self, status: str) -> int:
        return sum(1 for result in self.results if result.status == status)

    @property
    def ingested(self) -> int:
        """Articles stored by this run (new, new versions and near-duplicates)."""
        return sum(1 for result in self.results if result.added)

    @property
    def all_landed(self) -> bool:
        return not self.rejections


def store_inputs(
    store: Store,
    paths: Iterable[Path | str],
    report: IngestReport,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress = _no_progress,
) -> None:
    """Read every input and store the articles; rejections and warnings go to the store.

    A warning is kept only when its article is stored: re-reading an unchanged file with an
    unparseable date does not record the same warning again.
    """
    pending_warnings: list[Rejection] = []
    with progress("reading", None) as advance:
        for item in read_inputs(paths, max_bytes=max_bytes, warn=pending_warnings.append):
            advance()
            if isinstance(item, Rejection):
                reject(store, report, item)
            else:
                try:
                    result = store.add_article(item)
                    report.results.append(result)
                except StoreError as exc:
                    reject(store, report, Rejection(item.origin or item.id, "store", str(exc)))
                else:
                    if result.added:
                        for warning in pending_warnings:
                            report.warnings.append(warning)
                            store.add_warning(warning)
            pending_warnings.clear()


def extract_pending(
    store: Store,
    report: IngestReport,
    pack: str = DEFAULT_PACK,
    extractor: Extractor | None = None,
    progress: Progress = _no_progress,
    outdated_than: str | None = None,
) -> None:
    """Extract every stored article that has no extraction yet (or, with ``outdated_than``,
    one made by another extractor version) and save each result."""
    extractor = extractor or default_extractor
    pending = store.pending_extraction(outdated_than)
    if not pending:
        return
    done: set[str] = set()
    with progress("extracting", len(pending)) as advance:
        try:
            for article, result in extractor(pending, pack):
                advance()
                done.add(article.id)
                save_result(store, report, article, result)
        except PackError:
            raise
        except Exception as exc:
            # The extractor itself broke (a model or component that cannot load): every
            # article left is recorded as not extracted; they stay pending for the next run.
            reason = f"extractor failed: {exc.__class__.__name__}: {exc}"
            for article in pending:
                if article.id not in done:
                    reject(store, report, Rejection(article.origin or article.id, "extract",
                                                    reason))


def save_result(store: Store, report: IngestReport, article: Article,
                result: Extraction | Rejection) -> None:
    if isinstance(result, Rejection):
        reject(store, report, result)
        return
    try:
        store.save_extraction(article.id, result)
        report.extracted += 1
    except StoreError as exc:
        reject(store, report, Rejection(article.origin or article.id, "store", str(exc)))


def reject(store: Store, report: IngestReport, rejection: Rejection) -> None:
    report.rejections.append(rejection)
    store.add_rejection(rejection)


def ingest_paths(
    store: Store,
    paths: Iterable[Path | str],
    pack: str = DEFAULT_PACK,
    extract: bool = True,
    extractor: Extractor | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress = _no_progress,
    reextract_outdated: bool = False,
) -> IngestReport:
    """Ingest files and folders into ``store``, then (unless ``extract`` is False) extract.

    With ``reextract_outdated``, articles extracted by an older extractor version are
    extracted again.
    """
    report = IngestReport()
    store_inputs(store, paths, report, max_bytes=max_bytes, progress=progress)
    if extract:
        outdated_than = EXTRACTOR_VERSION if reextract_outdated else None
        extract_pending(store, report, pack=pack, extractor=extractor, progress=progress,
                        outdated_than=outdated_than)
        if report.extracted:
            # New plan mentions: merge them into the registry of plans across articles.
            update_plan_registry(store, pack)
    return report


__all__ = [
    "DEFAULT_PACK",
    "Extractor",
    "IngestReport",
    "Progress",
    "default_extractor",
    "extract_pending",
    "ingest_paths",
    "store_inputs",
]
