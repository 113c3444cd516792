"""Conversion of extractions to the gold schema, and naming of output files."""

from __future__ import annotations

from datetime import date

from redline.model import (
    Article,
    Claim,
    Extraction,
    PlanMention,
    PlanPoint,
    Quote,
    TextSpan,
)
from redline.nlp.extraction import output_name, to_gold_dict


def article(origin: str) -> Article:
    return Article(id="abc", text="text", origin=origin)


def test_output_name_for_a_text_file() -> None:
    name = output_name(article("/data/seeds/000_x.txt"))
    assert (name.article, name.json) == ("000_x.txt", "000_x.json")


def test_output_name_for_a_json_line() -> None:
    name = output_name(article("/data/feed.jsonl:12"))
    assert (name.article, name.json) == ("feed.jsonl:12", "feed-12.json")


def test_gold_dict_keeps_direct_quotes_of_five_words_and_drops_fragments() -> None:
    quotes = (
        Quote("we will never accept this plan", 0, 30, "Sergei Lavrov", "russia", "direct"),
        Quote("dire threat", 40, 51, "Mark Rutte", "nato", "fragment"),
        Quote("only four words here", 60, 80, "Mark Rutte", "nato", "direct"),
        Quote("Moscow was ready to talk", 90, 114, "Dmitry Peskov", "russia", "indirect"),
    )
    extraction = Extraction("abc", date(2025, 3, 1), "news", quotes=quotes)
    gold = to_gold_dict(extraction, "a.txt")
    assert [q["speaker"] for q in gold["quotes"]] == ["Sergei Lavrov"]
    assert gold["published"] == "2025-03-01"


def test_gold_dict_claims_and_plans() -> None:
    claim = Claim(
        actor="Russia",
        party="russia",
        issue="nato_membership",
        stance="demand",
        status="reported",
        evidence=(TextSpan(5, 20, "never join NATO"), TextSpan(40, 50, "again NATO")),
        plan="28-point plan",
        statement_date=date(2025, 11, 20),
    )
    plan = PlanMention(
        name="28-point plan",
        proposer="United States",
        points=(PlanPoint(7, ("nato_membership",), "Ukraine will not join NATO", 0, 10),),
        start=0,
        end=10,
        n_points=28,
    )
    gold = to_gold_dict(Extraction("abc", None, "opinion", claims=(claim,), plans=(plan,)), "a.txt")
    assert gold["published"] == "unknown"
    assert gold["genre"] == "opinion"
    assert gold["claims"] == [
        {
            "actor": "Russia",
            "party": "russia",
            "issue": "nato_membership",
            "stance": "demand",
            "status": "reported",
            "evidence": "never join NATO",
            "plan": "28-point plan",
            "date": "2025-11-20",
        }
    ]
    assert gold["plans"][0]["points"] == [
        {"n": 7, "issues": ["nato_membership"], "text": "Ukraine will not join NATO"}
    ]


def test_gold_dict_drops_quotes_without_a_speaker() -> None:
    quotes = (Quote("words from a headline with no speaker", 0, 36, "", "other", "direct"),)
    gold = to_gold_dict(Extraction("abc", None, "news", quotes=quotes), "a.txt")
    assert gold["quotes"] == []
