"""Charts for the HTML briefing, drawn here as inline SVG strings (nothing fetched from anywhere).

Colours follow the stance; opacity follows the status (a rumour is paler than a statement).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from html import escape

from redline.analysis.positions import PositionMatrix
from redline.analysis.timeline import IssueTimeline
from redline.model import STANCES

# A colour-blind-safe palette (Paul Tol's "vibrant"), one colour per stance.
STANCE_COLOURS = {
    "propose": "#0077BB",
    "demand": "#EE7733",
    "accept": "#009988",
    "reject": "#CC3311",
    "threaten": "#AA3377",
}
STATUS_OPACITY = {"stated": 1.0, "reported": 0.7, "alleged": 0.45}
FONT = "font-family='system-ui, sans-serif'"
LEGEND_NOTE = "paler = reported or alleged · dashed border = sources disagree · n = sources"
LEGEND_WIDTH = 540
MAX_LABEL_CHARS = 28
TIMELINE_NOTE = "ring = a change of stance · paler = reported or alleged · hover for sources"
FIT = "style='max-width:100%;height:auto'"  # shrink to the page rather than scroll


def stance_colour(stance: str) -> str:
    return STANCE_COLOURS.get(stance, "#888888")


def _text(x: float, y: float, content: str, size: int = 12, **attrs: str) -> str:
    extra = "".join(f" {k.replace('_', '-')}='{v}'" for k, v in attrs.items())
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' {FONT}{extra}>{escape(content)}</text>"
    )


def legend_svg(x: float, y: float, note: str = "") -> list[str]:
    """Stance colours in one row, the meaning of shades and marks below it."""
    start = x
    parts = []
    for stance in STANCES:
        parts.append(
            f"<rect x='{x:.1f}' y='{y - 10:.1f}' width='12' height='12' "
            f"fill='{stance_colour(stance)}'/>"
        )
        parts.append(_text(x + 16, y, stance))
        x += 30 + 7 * len(stance)
    parts.append(_text(start, y + 20, note or LEGEND_NOTE, 11, fill="#555"))
    return parts


def timeline_legend_svg() -> str:
    """The key to the timeline charts, drawn once above them."""
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{LEGEND_WIDTH}' height='44' "
        f"viewBox='0 0 {LEGEND_WIDTH} 44' {FIT} role='img' aria-label='legend'>",
        *legend_svg(4, 16, TIMELINE_NOTE),
        "</svg>",
    ]
    return "".join(parts)


def _shorten(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def heatmap_svg(matrix: PositionMatrix, issue_labels: Mapping[str, str] | None = None) -> str:
    """Rows by issues, each cell coloured by the current stance, with its source count."""
    labels = issue_labels or {}
    if matrix.is_empty:
        return "<p class='empty'>No positions on record for this period.</p>"
    cell_w, cell_h, left, top = 40, 28, 100, 150
    names = [_shorten(labels.get(issue, issue)) for issue in matrix.issues]
    # Column labels lean right at 45 degrees: leave room for the longest one past the grid.
    overhang = int(max(len(name) for name in names) * 4.5)
    width = max(left + cell_w * len(matrix.issues) + overhang, 20 + LEGEND_WIDTH)
    height = top + cell_h * len(matrix.rows) + 70
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' {FIT} role='img' aria-label='position matrix'>"
    ]
    for j, name in enumerate(names):
        x = left + j * cell_w + cell_w / 2
        parts.append(_text(x, top - 8, name, 11, transform=f"rotate(-45 {x:.1f} {top - 8})"))
    for i, row in enumerate(matrix.rows):
        y = top + i * cell_h
        parts.append(_text(left - 8, y + cell_h / 2 + 4, row, 12, text_anchor="end"))
        for j, issue in enumerate(matrix.issues):
            x = left + j * cell_w
            cell = matrix.cell(row, issue)
            if cell is None:
                parts.append(
                    f"<rect x='{x}' y='{y}' width='{cell_w - 2}' height='{cell_h - 2}' "
                    "fill='#f1f1f1'/>"
                )
                continue
            opacity = STATUS_OPACITY.get(cell.status, 0.45)
            border = (
                " stroke='#111' stroke-width='2' stroke-dasharray='4 2'" if cell.disputed else ""
            )
            day = cell.date.isoformat() if cell.date else "undated"
            tip = (
                f"{row} · {labels.get(issue, issue)}: {cell.stance} ({cell.status}), {day}, "
                f"{cell.sources} source(s)"
            )
            if cell.disputed:
                tip += f"; also {', '.join(cell.alternatives)}"
            parts.append(
                f"<g><title>{escape(tip)}</title>"
                f"<rect x='{x}' y='{y}' width='{cell_w - 2}' height='{cell_h - 2}' "
                f"fill='{stance_colour(cell.stance)}' fill-opacity='{opacity}'{border}/>"
                + _text(
                    x + (cell_w - 2) / 2,
                    y + cell_h / 2 + 3,
                    f"{cell.stance[:3]} {cell.sources}",
                    10,
                    text_anchor="middle",
                    fill="#fff" if opacity > 0.6 else "#222",
                )
                + "</g>"
            )
    parts.extend(legend_svg(20, top + cell_h * len(matrix.rows) + 30))
    parts.append("</svg>")
    return "".join(parts)


def _ticks(start: date, end: date, count: int = 5) -> list[date]:
    span = (end - start).days
    if span <= 0:
        return [start]
    step = max(1, span // (count - 1))
    ticks = [start + timedelta(days=k * step) for k in range(count) if k * step <= span]
    # The end always gets a tick; a regular tick too close to it would print over it.
    ticks = [t for t in ticks if (end - t).days >= step / 2]
    return [*ticks, end]


def timeline_svg(
    timeline: IssueTimeline,
    start: date,
    end: date,
    title: str = "",
    party_order: Sequence[str] = (),
) -> str:
    """One lane per party, one dot per stance taken; a ring marks a change of stance."""
    entries = [e for e in timeline.entries if e.date is not None]
    if not entries:
        return "<p class='empty'>No dated positions.</p>"
    start = min(start, *(e.date for e in entries if e.date))
    end = max(end, *(e.date for e in entries if e.date))
    rank = {party: i for i, party in enumerate(party_order)}
    lanes = sorted({e.party for e in entries}, key=lambda p: (rank.get(p, len(rank)), p))
    left, right, top, lane_h, width = 120, 30, 12, 28, 1000
    height = top + lane_h * len(lanes) + 40
    span = max((end - start).days, 1)

    def x_of(day: date) -> float:
        if start == end:
            return left + (width - left - right) / 2
        return left + (width - left - right) * (day - start).days / span

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' {FIT} role='img' "
        f"aria-label='{escape(title or timeline.issue)}'>"
    ]
    axis_y = top + lane_h * len(lanes)
    for i, lane in enumerate(lanes):
        y = top + i * lane_h + lane_h / 2
        parts.append(_text(left - 10, y + 4, lane, 12, text_anchor="end"))
        parts.append(f"<line x1='{left}' y1='{y}' x2='{width - right}' y2='{y}' stroke='#ddd'/>")
    parts.append(
        f"<line x1='{left}' y1='{axis_y}' x2='{width - right}' y2='{axis_y}' stroke='#888'/>"
    )
    for tick in _ticks(start, end):
        x = x_of(tick)
        parts.append(
            f"<line x1='{x:.1f}' y1='{axis_y}' x2='{x:.1f}' y2='{axis_y + 5}' stroke='#888'/>"
        )
        parts.append(_text(x, axis_y + 18, tick.isoformat(), 10, text_anchor="middle"))
    for entry in entries:
        assert entry.date is not None
        x = x_of(entry.date)
        y = top + lanes.index(entry.party) * lane_h + lane_h / 2
        sources = "; ".join(c.label() for c in entry.sources)
        tip = f"{entry.date} {entry.actor}: {entry.stance} ({entry.status}) — {sources}"
        tip += f"\n{entry.evidence}"
        if entry.changed:
            tip += f" [changed from {entry.previous_stance}]"
        ring = (
            (
                f"<circle cx='{x:.1f}' cy='{y:.1f}' r='10' fill='none' stroke='#111' "
                "stroke-width='2'/>"
            )
            if entry.changed
            else ""
        )
        opacity = STATUS_OPACITY.get(entry.status, 0.45)
        parts.append(
            f"<g><title>{escape(tip)}</title>{ring}<circle cx='{x:.1f}' cy='{y:.1f}' r='6' "
            f"fill='{stance_colour(entry.stance)}' fill-opacity='{opacity}'/></g>"
        )
    parts.append("</svg>")
    return "".join(parts)
