"""The shared rules: dates, independent sources, status rank, compatibility, deduplication."""

from __future__ import annotations

from datetime import date

from redline.analysis.sourcing import (
    best_evidence,
    citation_labels,
    citation_urls,
    citations,
    claim_date,
    deduplicate,
    incompatible,
    independent_sources,
    party_of,
    status_rank,
)

from .records import claim


def test_statement_date_wins_over_publication_date() -> None:
    record = claim(
        "Putin", "ceasefire", "reject", date(2025, 3, 5), statement_date=date(2025, 3, 1)
    )
    assert claim_date(record) == date(2025, 3, 1)
    assert claim_date(claim("Putin", "ceasefire", "reject", date(2025, 3, 5))) == date(2025, 3, 5)


def test_syndicated_copies_are_one_source() -> None:
    day = date(2025, 3, 5)
    records = [
        claim("Putin", "ceasefire", "reject", day, article="x1", source="AP"),
        claim("Putin", "ceasefire", "reject", day, article="x2", source="Yahoo", cluster="x1"),
        claim("Putin", "ceasefire", "reject", day, article="x3", source="BBC"),
    ]
    assert independent_sources(records) == 2
    assert len(deduplicate(records)) == 2
    assert [c.source for c in citations(records)] == ["AP", "BBC"]


def test_deduplicate_keeps_the_strongest_status() -> None:
    day = date(2025, 3, 5)
    weak = claim("Putin", "ceasefire", "reject", day, article="x1", status="alleged")
    strong = claim("Putin", "ceasefire", "reject", day, article="x1", status="stated")
    assert [r.claim.status for r in deduplicate([weak, strong])] == ["stated"]


def test_status_rank_and_compatibility() -> None:
    assert status_rank("stated") < status_rank("reported") < status_rank("alleged")
    assert status_rank("made-up") > status_rank("alleged")
    assert incompatible("accept", "reject") and incompatible("reject", "propose")
    assert not incompatible("demand", "reject")  # one hard line, put two ways
    assert not incompatible("propose", "accept")
    assert not incompatible("threaten", "reject")


def test_missing_party_is_unknown() -> None:
    assert party_of(claim("Somebody", "ceasefire", "accept", None, party="")) == "unknown"


def test_deduplicate_prefers_a_firm_copy_whatever_the_order() -> None:
    day = date(2025, 3, 5)
    borderline = claim("Putin", "ceasefire", "accept", day, article="x1", optional=True)
    firm = claim("Putin", "ceasefire", "accept", day, article="x1")
    for records in ([borderline, firm], [firm, borderline]):
        assert [r.claim.optional for r in deduplicate(records)] == [False]


def test_citations_on_one_line_and_the_strongest_evidence() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", date(2025, 3, 5), article="r1", source="AP",
              status="reported", evidence="Sources say Putin balked."),
        claim("Putin", "ceasefire", "reject", date(2025, 3, 6), article="s1", source="BBC",
              evidence="Putin said no."),
    ]
    cited = citations(records)
    assert citation_labels(cited) == "AP, 2025-03-05; BBC, 2025-03-06"
    assert citation_urls(cited) == "https://news.example/r1 https://news.example/s1"
    assert best_evidence(records) == "Putin said no."
