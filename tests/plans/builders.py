"""Small builders of plan records for the plan tests."""

from __future__ import annotations

from datetime import date

from redline.model import Claim, PlanMention, PlanPoint, TextSpan


def point(n: int | None, issues: tuple[str, ...], text: str) -> PlanPoint:
    return PlanPoint(n=n, issues=issues, text=text, start=0, end=len(text))


def mention(name: str, proposer: str | None = None, n_points: int | None = None,
            pack_plan: str | None = None, points: tuple[PlanPoint, ...] = (),
            start: int = 0, end: int = 10, described: bool = False) -> PlanMention:
    return PlanMention(name=name, proposer=proposer, points=points, start=start, end=end,
                       n_points=n_points, pack_plan=pack_plan, described=described)


def claim(actor: str, party: str, issue: str, stance: str, plan: str,
          day: date | None = None, status: str = "stated") -> Claim:
    return Claim(actor=actor, party=party, issue=issue, stance=stance, status=status,
                 evidence=(TextSpan(0, 5, "words"),), plan=plan, statement_date=day)
