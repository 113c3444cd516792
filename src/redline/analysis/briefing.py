"""The briefing: what changed in a period, as data, then rendered to Markdown or HTML.

A briefing gathers new plans (first mentioned in the period), shifts, new demands and new
threats (an actor's first on an issue), and contradictions, each with its sources; the HTML
version adds a party-by-issue heat map and per-issue timelines drawn as inline SVG.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from redline.analysis.charts import (
    heatmap_svg,
    stance_colour,
    timeline_legend_svg,
    timeline_svg,
)
from redline.analysis.conflicts import Conflict, find_conflicts
from redline.analysis.positions import PositionMatrix, position_matrix
from redline.analysis.shifts import Shift, detect_shifts
from redline.analysis.sourcing import (
    Citation,
    citation,
    citations,
    claim_date,
    deduplicate,
    evidence_text,
    firm,
    party_of,
    source_key,
    strongest,
)
from redline.analysis.timeline import IssueTimeline, build_timeline
from redline.model import PlanPoint, SourcedClaim, SourcedPlan

TEMPLATES = Path(__file__).parent / "templates"
BriefFormat = Literal["md", "html"]


@dataclass(frozen=True)
class PlanNews:
    """A plan first mentioned in the period."""

    name: str
    proposer: str | None
    n_points: int | None
    points: tuple[PlanPoint, ...]
    first_seen: date | None
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class StanceNews:
    """An actor's first demand or threat on an issue, taken in the period."""

    actor: str
    party: str
    issue: str
    stance: str
    status: str
    date: date
    evidence: str
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class Briefing:
    since: date
    until: date | None
    claims_in_period: int
    sources_in_period: int
    new_plans: list[PlanNews]
    shifts: list[Shift]
    new_demands: list[StanceNews]
    new_threats: list[StanceNews]
    conflicts: list[Conflict]
    matrix: PositionMatrix
    timelines: list[IssueTimeline]
    issue_labels: dict[str, str] = field(default_factory=dict)
    party_order: tuple[str, ...] = ()

    @property
    def is_quiet(self) -> bool:
        return not (
            self.new_plans or self.shifts or self.new_demands or self.new_threats or self.conflicts
        )


def _in_period(day: date | None, since: date, until: date | None) -> bool:
    return day is not None and day >= since and (until is None or day <= until)


def new_stances(
    claims: Sequence[SourcedClaim], stance: str, since: date, until: date | None
) -> list[StanceNews]:
    """Each actor's first ``stance`` on an issue, when that first one falls in the period."""
    by_key: dict[tuple[str, str], list[SourcedClaim]] = defaultdict(list)
    for record in firm(claims):
        if record.claim.stance == stance and claim_date(record) is not None:
            by_key[(record.claim.actor, record.claim.issue)].append(record)
    news = []
    for (actor, issue), records in by_key.items():
        first_day = min(d for r in records if (d := claim_date(r)) is not None)
        if not _in_period(first_day, since, until):
            continue
        period = [r for r in records if _in_period(claim_date(r), since, until)]
        best = strongest(period)
        news.append(
            StanceNews(
                actor=actor,
                party=party_of(best),
                issue=issue,
                stance=stance,
                status=best.claim.status,
                date=first_day,
                evidence=evidence_text(best),
                sources=tuple(citations(period)),
            )
        )
    return sorted(news, key=lambda n: (-n.date.toordinal(), n.actor, n.issue))


def _plan_key(record: SourcedPlan) -> str:
    return (record.plan.pack_plan or record.plan.name).casefold()


def new_plans(plans: Iterable[SourcedPlan], since: date, until: date | None) -> list[PlanNews]:
    """Plans whose first mention falls in the period, with the fullest list of points seen."""
    by_plan: dict[str, list[SourcedPlan]] = defaultdict(list)
    for record in plans:
        by_plan[_plan_key(record)].append(record)
    news = []
    for records in by_plan.values():
        dated = [d for r in records if (d := r.provenance.published) is not None]
        if not dated or not _in_period(min(dated), since, until):
            continue
        period = [r for r in records if _in_period(r.provenance.published, since, until)]
        fullest = max(period, key=lambda r: (len(r.plan.points), r.plan.proposer is not None))
        proposer = fullest.plan.proposer or next(
            (r.plan.proposer for r in period if r.plan.proposer), None
        )
        n_points = next((r.plan.n_points for r in period if r.plan.n_points), None)
        seen: dict[str, Citation] = {}
        for record in sorted(period, key=lambda r: r.provenance.published or date.min):
            seen.setdefault(source_key(record.provenance), citation(record.provenance))
        news.append(
            PlanNews(
                name=fullest.plan.name,
                proposer=proposer,
                n_points=n_points,
                # Numbered points in their order, then the unnumbered ones as the article had them.
                points=tuple(sorted(fullest.plan.points, key=lambda p: (p.n is None, p.n or 0))),
                first_seen=min(dated),
                sources=tuple(seen.values()),
            )
        )
    return sorted(news, key=lambda n: (n.first_seen or date.min, n.name), reverse=True)


def build_briefing(
    claims: Iterable[SourcedClaim],
    plans: Iterable[SourcedPlan],
    *,
    since: date,
    until: date | None = None,
    issue_labels: Mapping[str, str] | None = None,
    party_order: Sequence[str] = (),
) -> Briefing:
    """Everything that changed between ``since`` and ``until`` (inclusive)."""
    records = deduplicate(claims)
    labels = dict(issue_labels or {})
    issue_order = list(labels)
    period = [r for r in records if _in_period(claim_date(r), since, until)]
    active = {r.claim.issue for r in period}
    all_timelines = build_timeline(period, issue_order=issue_order)
    return Briefing(
        since=since,
        until=until,
        claims_in_period=len(period),
        sources_in_period=len({source_key(r.provenance) for r in period}),
        new_plans=new_plans(plans, since, until),
        # New threats have their own section.
        shifts=[
            s
            for s in detect_shifts(records, by="actor", since=since, until=until)
            if s.kind != "new_threat"
        ],
        new_demands=new_stances(records, "demand", since, until),
        new_threats=new_stances(records, "threaten", since, until),
        conflicts=find_conflicts(records, since=since, until=until),
        matrix=position_matrix(
            records, by="party", as_of=until, issue_order=issue_order, row_order=party_order
        ),
        timelines=[t for t in all_timelines if t.issue in active],
        issue_labels=labels,
        party_order=tuple(party_order),
    )


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["stance_colour"] = stance_colour
    return env


def render_briefing(brief: Briefing, fmt: BriefFormat = "md") -> str:
    """The briefing as a Markdown document or a self-contained HTML page."""
    env = _environment()

    def label(issue: str) -> str:
        return brief.issue_labels.get(issue, issue)

    env.filters["issue"] = label
    context: dict[str, object] = {"b": brief, "label": label}
    if fmt == "html":
        start = brief.since
        days = [e.date for t in brief.timelines for e in t.entries if e.date is not None]
        end = brief.until or (max(days) if days else brief.since)
        context["heatmap"] = heatmap_svg(brief.matrix, brief.issue_labels)
        context["timeline_legend"] = timeline_legend_svg()
        context["timeline_charts"] = [
            (t, timeline_svg(t, start, end, label(t.issue), brief.party_order))
            for t in brief.timelines
        ]
        return env.get_template("brief.html.j2").render(**context)
    return env.get_template("brief.md.j2").render(**context)
