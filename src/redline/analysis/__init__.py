"""Pure analyses over stored records: positions, timelines, shifts, conflicts, briefings, exports.

Every function here takes lists of records (``SourcedClaim``, ``SourcedPlan``...) and returns
records; nothing reads the database or prints. The shared rules for dating, ranking and
counting sources are in ``sourcing``.
"""

from redline.analysis.briefing import Briefing, build_briefing, render_briefing
from redline.analysis.conflicts import Conflict, find_conflicts
from redline.analysis.positions import PositionCell, PositionMatrix, position_matrix
from redline.analysis.shifts import Shift, detect_shifts
from redline.analysis.timeline import IssueTimeline, TimelineEntry, build_timeline

__all__ = [
    "Briefing",
    "Conflict",
    "IssueTimeline",
    "PositionCell",
    "PositionMatrix",
    "Shift",
    "TimelineEntry",
    "build_briefing",
    "build_timeline",
    "detect_shifts",
    "find_conflicts",
    "position_matrix",
    "render_briefing",
]
