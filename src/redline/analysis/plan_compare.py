"""Stances on plans and side-by-side comparison of plans: pure functions over registry plans
and sourced claims.

A claim is about a plan when its ``plan`` names it; it is about one of the plan's points when
its issue is among that point's issues. Each party's stance on a point is its latest claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from redline.model import WHOLE_PLAN, SourcedClaim
from redline.store.plan_registry import RegistryPlan, RegistryPoint, names_match


@dataclass(frozen=True)
class PartyStance:
    """A party's latest stance on a plan or one of its points."""

    party: str
    actor: str
    stance: str
    status: str
    day: date | None
    article_id: str


@dataclass(frozen=True)
class PointStances:
    """A point of a plan with each party's latest stance on it."""

    point: RegistryPoint | None  # None: the plan as a whole
    stances: tuple[PartyStance, ...]


@dataclass(frozen=True)
class ComparisonRow:
    """One issue across plans: what each plan says on it and how each side stands."""

    issue: str
    texts: tuple[tuple[str, ...], ...]  # per plan: the point excerpts on this issue
    stances: tuple[tuple[PartyStance, ...], ...]  # per plan: latest stance per party


def _names_plan(name: str, plan: RegistryPlan) -> bool:
    """A claim's plan name names the plan: one of its mentions' names, or, for a plan an
    article named, a name sharing its words. A name built from terms is matched exactly:
    "US proposals on NATO membership and sanctions" is not "... and peacekeepers"."""
    folded = name.casefold()
    if folded == plan.name.casefold() or any(folded == n.casefold() for n in plan.names):
        return True
    return not plan.described and names_match(name, plan.name)


def claims_on_plan(plan: RegistryPlan, claims: Iterable[SourcedClaim]) -> list[SourcedClaim]:
    """The claims whose ``plan`` names this plan."""
    return [c for c in claims if c.claim.plan and _names_plan(c.claim.plan, plan)]


def _day(claim: SourcedClaim) -> date | None:
    return claim.claim.statement_date or claim.provenance.published


def latest_by_party(claims: Iterable[SourcedClaim]) -> tuple[PartyStance, ...]:
    """Each party's most recent stance among the claims (undated claims count as oldest)."""
    latest: dict[str, SourcedClaim] = {}
    for claim in sorted(claims, key=lambda c: (_day(c) or date.min, c.provenance.article_id)):
        latest[claim.claim.party or "other"] = claim
    return tuple(
        PartyStance(
            party, c.claim.actor, c.claim.stance, c.claim.status, _day(c), c.provenance.article_id
        )
        for party, c in sorted(latest.items())
    )


def point_stances(plan: RegistryPlan, claims: Iterable[SourcedClaim]) -> list[PointStances]:
    """The plan as a whole, then each point, with the latest stance of each party. A claim
    on an issue that no point covers counts towards the plan as a whole."""
    on_plan = claims_on_plan(plan, claims)
    covered = {issue for point in plan.points for issue in point.issues}
    whole = [c for c in on_plan if c.claim.issue == WHOLE_PLAN or c.claim.issue not in covered]
    rows = [PointStances(None, latest_by_party(whole))]
    for point in plan.points:
        mine = [c for c in on_plan if c.claim.issue in point.issues]
        rows.append(PointStances(point, latest_by_party(mine)))
    return rows


def compare_plans(plans: list[RegistryPlan], claims: Iterable[SourcedClaim]) -> list[ComparisonRow]:
    """Issue by issue (the plan as a whole first): each plan's point texts and stances."""
    claim_list = list(claims)
    on_plan = [claims_on_plan(plan, claim_list) for plan in plans]
    issues: list[str] = [WHOLE_PLAN]
    for plan in plans:
        for point in plan.points:
            issues.extend(i for i in point.issues if i not in issues)
    rows: list[ComparisonRow] = []
    for issue in issues:
        texts = tuple(
            tuple(_excerpt(p) for p in plan.points if issue in p.issues) for plan in plans
        )
        stances = tuple(
            latest_by_party(c for c in mine if c.claim.issue == issue) for mine in on_plan
        )
        rows.append(ComparisonRow(issue, texts, stances))
    return rows


def _excerpt(point: RegistryPoint) -> str:
    label = f"{point.n}. " if point.n is not None else ""
    return label + (point.reports[0].text if point.reports else "")


__all__ = [
    "ComparisonRow",
    "PartyStance",
    "PointStances",
    "claims_on_plan",
    "compare_plans",
    "latest_by_party",
    "point_stances",
]
