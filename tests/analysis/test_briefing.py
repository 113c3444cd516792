"""The briefing: what counts as new in a period, and self-contained Markdown and HTML output."""

from __future__ import annotations

import re
from datetime import date

from redline.analysis.briefing import (
    Briefing,
    build_briefing,
    new_plans,
    new_stances,
    render_briefing,
)
from redline.analysis.charts import heatmap_svg, timeline_svg
from redline.analysis.positions import position_matrix
from redline.analysis.timeline import build_timeline

from .records import claim, sample_claims, sample_plans

D = date
LABELS = {"ceasefire": "Ceasefire", "military_aid": "Military aid"}


def sample_briefing() -> Briefing:
    return build_briefing(
        sample_claims(),
        sample_plans(),
        since=D(2025, 3, 10),
        until=D(2025, 3, 31),
        issue_labels=LABELS,
        party_order=["russia", "ukraine", "us"],
    )


def test_only_plans_first_mentioned_in_the_period_are_new() -> None:
    news = new_plans(sample_plans(), D(2025, 3, 10), D(2025, 3, 31))
    assert [p.name for p in news] == ["30-day ceasefire proposal"]
    assert news[0].proposer == "Donald Trump" and len(news[0].points) == 2


def test_new_demands_are_first_demands_in_the_period() -> None:
    records = [
        claim("Putin", "territory_regions", "demand", D(2025, 1, 5), article="old"),
        claim("Putin", "territory_regions", "demand", D(2025, 3, 12), article="again"),
        claim("Putin", "military_aid", "demand", D(2025, 3, 19), article="new"),
    ]
    news = new_stances(records, "demand", D(2025, 3, 10), None)
    assert [(n.issue, n.date) for n in news] == [("military_aid", D(2025, 3, 19))]


def test_briefing_sections() -> None:
    brief = sample_briefing()
    assert not brief.is_quiet
    # Russia's accept-then-reject on the ceasefire is a denial, not a shift.
    assert [(s.subject, s.kind) for s in brief.shifts] == [
        ("Volodymyr Zelensky", "reversal"),
    ]
    assert [n.actor for n in brief.new_demands] == ["Vladimir Putin"]
    # Trump's threat came before the period; Medvedev's is new.
    assert [n.actor for n in brief.new_threats] == ["Dmitry Medvedev"]
    assert [c.kind for c in brief.conflicts] == ["denial"]
    assert brief.matrix.rows[:3] == ("russia", "ukraine", "us")
    assert brief.claims_in_period == 12


def test_a_quiet_period_says_so() -> None:
    brief = build_briefing(sample_claims(), sample_plans(), since=D(2026, 1, 1))
    assert brief.is_quiet
    assert "Nothing changed in this period" in render_briefing(brief, "md")


def test_markdown_cites_outlet_date_and_link() -> None:
    text = render_briefing(sample_briefing(), "md")
    assert "## New plans" in text and "## Contradictions" in text
    assert "[Reuters, 2025-03-19](https://news.example/a12)" in text
    assert "*Military aid*" in text  # issue labels from the pack, not ids
    assert "| russia |" in text


def test_html_is_self_contained_with_inline_svg_charts() -> None:
    html = render_briefing(sample_briefing(), "html")
    assert html.count("<svg") >= 2  # the heat map and at least one timeline
    assert "<script" not in html
    # Nothing is loaded from elsewhere: the only external addresses are citation links.
    assert not re.search(r"<(link|img|iframe)\b", html)
    assert not re.search(r"\bsrc=", html)
    assert "@import" not in html and "url(" not in html
    assert 'href="https://news.example/a12"' in html


def test_html_escapes_text_from_articles() -> None:
    records = [
        claim(
            "Putin",
            "ceasefire",
            "demand",
            D(2025, 3, 12),
            evidence="He said <script>alert(1)</script> & left.",
        )
    ]
    brief = build_briefing(records, [], since=D(2025, 3, 10))
    html = render_briefing(brief, "html")
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_heatmap_marks_disputes_and_tells_empty_apart() -> None:
    matrix = position_matrix(sample_claims(), issue_order=list(LABELS))
    svg = heatmap_svg(matrix, LABELS)
    assert svg.startswith("<svg") and "stroke-dasharray" in svg and "Ceasefire" in svg
    assert "No positions" in heatmap_svg(position_matrix([]), LABELS)


def test_timeline_chart_rings_changes() -> None:
    records = [
        claim("Putin", "ceasefire", "reject", D(2025, 3, 1), article="a"),
        claim("Putin", "ceasefire", "accept", D(2025, 3, 20), article="b"),
    ]
    (timeline,) = build_timeline(records, actor="Putin")
    svg = timeline_svg(timeline, D(2025, 3, 1), D(2025, 3, 31))
    assert svg.count("r='10'") == 1  # one ring, around the changed stance
    assert "2025-03-31" in svg
