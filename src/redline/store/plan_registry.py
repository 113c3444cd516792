"""The plan registry: merges the plan mentions of many articles into one row per plan
(``plans``), links revisions to their originals, and reads a plan back with its points
merged across articles, each point keeping every article that reported it.

    update_plan_registry(store)           # after saving extractions; idempotent
    list_plans(store)                     # -> list[RegistryPlan]
    read_plan(store, "28-point plan")     # -> RegistryPlan with points
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa

from redline.errors import StoreError
from redline.nlp.plan_lexicon import load_plan_lexicon
from redline.nlp.plan_proposers import party_of
from redline.packs.loader import load_pack
from redline.packs.schema import Pack
from redline.store import schema
from redline.store.database import Store

# Two unnamed plans with the same size or name are one plan only if reported within this
# window of each other: "a 12-point plan" in 2023 and in 2025 are different plans.
SAME_PLAN_WINDOW = timedelta(days=180)
# Words that say nothing about which plan a name means (as the reference scorer ignores).
NAME_STOP_WORDS = frozenset({"plan", "the", "proposal", "proposals", "peace", "us", "a", "s"})
_WORD = re.compile(r"\w+")
# How far around a plan phrase to look for "revised", "version of".
REVISION_CONTEXT = 60
# A plan named from its terms ("US proposals on NATO membership") is another article's plan
# when the sides agree and the issues of their terms overlap this much (Jaccard).
SAME_ISSUES = 0.5


class PlanNotFoundError(StoreError):
    """No plan in the registry has the name asked for."""


@dataclass(frozen=True)
class MentionRow:
    """One stored plan mention with what the merge needs from its article."""

    id: int
    article_id: str
    name: str
    proposer: str | None
    n_points: int | None
    pack_plan: str | None
    published: date | None
    cluster: str
    revision_hint: bool = False
    described: bool = False  # named from its terms, not by the article
    issues: frozenset[str] = frozenset()  # the issues of its points


@dataclass
class PlanCluster:
    """The mentions of one plan across articles, while they are merged."""

    mentions: list[MentionRow] = field(default_factory=list)
    revision_of: int | None = None  # index of the cluster this revises

    @property
    def pack_plan(self) -> str | None:
        return next((m.pack_plan for m in self.mentions if m.pack_plan), None)

    def dates(self) -> list[date]:
        return sorted(m.published for m in self.mentions if m.published)


@dataclass(frozen=True)
class PointReport:
    """One article's wording of a plan point."""

    text: str
    article_id: str
    published: date | None
    source: str | None
    cluster: str


@dataclass(frozen=True)
class RegistryPoint:
    """A point of a plan merged across articles (by number, else by issues)."""

    n: int | None
    issues: tuple[str, ...]
    reports: tuple[PointReport, ...]


@dataclass(frozen=True)
class RegistryPlan:
    """A plan as the registry knows it."""

    id: int
    name: str
    proposer: str | None
    n_points: int | None
    revision_of: str | None  # the name of the plan this revises
    first_reported: date | None
    last_reported: date | None
    sources: int  # distinct near-duplicate clusters that reported it
    points: tuple[RegistryPoint, ...] = ()
    names: tuple[str, ...] = ()  # the names its mentions carry
    described: bool = False  # every article described it by its terms without naming it


def name_words(name: str) -> frozenset[str]:
    """The words of a plan name that tell plans apart."""
    return frozenset(_WORD.findall(name.casefold().replace("’", "'"))) - NAME_STOP_WORDS


def names_match(a: str, b: str) -> bool:
    """Same plan name by word overlap (Jaccard >= 0.5 over the telling words)."""
    wa, wb = name_words(a), name_words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def _proposers_compatible(a: str | None, b: str | None, pack: Pack | None) -> bool:
    if a is None or b is None or a.casefold() == b.casefold():
        return True
    if pack is None:
        return False
    pa, pb = party_of(pack, a), party_of(pack, b)
    return pa is not None and pa == pb


def _near_in_time(cluster: PlanCluster, day: date | None) -> bool:
    dates = cluster.dates()
    if day is None or not dates:
        return True
    return dates[0] - SAME_PLAN_WINDOW <= day <= dates[-1] + SAME_PLAN_WINDOW


def _same_side(a: str | None, b: str | None, pack: Pack | None) -> bool:
    """Both proposers known and of one side (or the same name where the pack lacks them)."""
    if a is None or b is None:
        return False
    if a.casefold() == b.casefold():
        return True
    pa, pb = (party_of(pack, a), party_of(pack, b)) if pack else (None, None)
    return pa is not None and pa == pb and pa != "other"


def _same_described(a: MentionRow, b: MentionRow, pack: Pack | None) -> bool:
    """A plan named from its terms is another mention's plan by side and issues, never by
    a name that merely looks alike ("US proposals on NATO membership and sanctions" is not
    "US proposals on NATO membership and peacekeepers")."""
    if not (a.issues and b.issues and _same_side(a.proposer, b.proposer, pack)):
        return False
    return len(a.issues & b.issues) / len(a.issues | b.issues) >= SAME_ISSUES


def _joins(cluster: PlanCluster, mention: MentionRow, pack: Pack | None) -> bool:
    if cluster.pack_plan is not None or mention.pack_plan is not None:
        return cluster.pack_plan == mention.pack_plan
    if not _near_in_time(cluster, mention.published):
        return False
    for other in cluster.mentions:
        if other.described or mention.described:
            if _same_described(other, mention, pack):
                return True
            continue
        if not _proposers_compatible(other.proposer, mention.proposer, pack):
            continue
        if other.n_points is not None and mention.n_points is not None:
            if other.n_points == mention.n_points:
                return True
            continue  # different sizes: different plans (or versions) whatever the name
        if names_match(other.name, mention.name):
            return True
    return False


def cluster_mentions(mentions: list[MentionRow], pack: Pack | None = None) -> list[PlanCluster]:
    """Group mentions of the same plan: by pack plan id, else by size or name with a
    compatible proposer within a time window. Revisions are linked from the pack's
    ``revision_of``, else from a revision word next to the phrase ("a revised version")
    pointing at an earlier plan reported in the same article."""
    ordered = sorted(mentions, key=lambda m: (m.published or date.max, m.id))
    clusters: list[PlanCluster] = []
    for mention in ordered:
        target = next((c for c in clusters if _joins(c, mention, pack)), None)
        if target is None:
            target = PlanCluster()
            clusters.append(target)
        target.mentions.append(mention)
    _link_revisions(clusters, pack)
    return clusters


def _link_revisions(clusters: list[PlanCluster], pack: Pack | None) -> None:
    by_pack = {c.pack_plan: k for k, c in enumerate(clusters) if c.pack_plan}
    if pack is not None:
        for plan in pack.plans:
            if plan.revision_of and plan.id in by_pack and plan.revision_of in by_pack:
                clusters[by_pack[plan.id]].revision_of = by_pack[plan.revision_of]
    where: dict[str, list[int]] = {}
    for k, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            where.setdefault(mention.article_id, []).append(k)
    for k, cluster in enumerate(clusters):
        if cluster.revision_of is not None:
            continue
        first = cluster.dates()[0] if cluster.dates() else None
        for mention in (m for m in cluster.mentions if m.revision_hint):
            earlier = [
                j for j in where.get(mention.article_id, [])
                if j != k and (first is None or not clusters[j].dates()
                               or clusters[j].dates()[0] <= first)
            ]
            if earlier:
                cluster.revision_of = earlier[0]
                break


def _most_common(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    return Counter(present).most_common(1)[0][0] if present else None


def _cluster_proposer(cluster: PlanCluster, pack: Pack | None) -> str | None:
    """Who proposed a plan the pack does not know: the one name every article gives; where
    articles name different proposers of one side ("Donald Trump", "United States", "Keith
    Kellogg"), the side itself, since a user comparing plans reads them by side and no one
    article's choice of spokesman should stand for the rest; else the commonest name."""
    names = [m.proposer for m in cluster.mentions if m.proposer]
    if len({n.casefold() for n in names}) <= 1 or pack is None:
        return _most_common(list(names))
    parties = {party_of(pack, n) for n in names}
    side = parties.pop() if len(parties) == 1 else None
    if side is not None and side != "other":
        state = pack.state_actor(side)
        party = pack.party(side)
        return state.name if state else party.name if party else _most_common(list(names))
    return _most_common(list(names))


def _revision_hint(text: str, start: int, end: int, markers: frozenset[str]) -> bool:
    window = text[max(0, start - REVISION_CONTEXT) : end + REVISION_CONTEXT // 2].casefold()
    return any(word in markers for word in _WORD.findall(window))


def _point_issues(conn: sa.Connection) -> dict[int, frozenset[str]]:
    """Plan mention id -> the issues of its points."""
    found: dict[int, set[str]] = {}
    for row in conn.execute(sa.select(schema.plan_points.c.plan_mention_id,
                                      schema.plan_points.c.issues)):
        found.setdefault(row.plan_mention_id, set()).update(json.loads(row.issues))
    return {k: frozenset(v) for k, v in found.items()}


def _read_mention_rows(conn: sa.Connection) -> list[MentionRow]:
    P, A = schema.plan_mentions, schema.articles
    markers = load_plan_lexicon().revision_markers
    issues = _point_issues(conn)
    query = sa.select(P, A.c.published, A.c.cluster, A.c.text).join(A, A.c.id == P.c.article_id)
    return [
        MentionRow(
            id=row.id, article_id=row.article_id, name=row.name, proposer=row.proposer,
            n_points=row.n_points, pack_plan=row.pack_plan, published=row.published,
            cluster=row.cluster or row.article_id,
            revision_hint=_revision_hint(row.text, row.start, row.end, markers),
            described=bool(row.described), issues=issues.get(row.id, frozenset()),
        )
        for row in conn.execute(query)
    ]


def _cluster_row(cluster: PlanCluster, pack: Pack | None) -> dict[str, object]:
    known = next((p for p in pack.plans if p.id == cluster.pack_plan), None) if pack else None
    dates = cluster.dates()
    sizes = [m.n_points for m in cluster.mentions if m.n_points]
    # A name an article gave the plan before one built from its terms.
    named: list[str | None] = [m.name for m in cluster.mentions if not m.described]
    return {
        "name": known.name if known else _most_common(
            named or [m.name for m in cluster.mentions]),
        "proposer": (known.proposer if known and known.proposer
                     else _cluster_proposer(cluster, pack)),
        "n_points": (known.points if known and known.points
                     else Counter(sizes).most_common(1)[0][0] if sizes else None),
        "first_reported": dates[0] if dates else None,
        "last_reported": dates[-1] if dates else None,
    }


def update_plan_registry(store: Store, pack: str | Pack | None = "russia-ukraine") -> int:
    """Rebuild the ``plans`` table from every stored plan mention and set each mention's
    ``plan_id``. Idempotent; returns the number of plans. Call it after saving extractions."""
    loaded = load_pack(pack) if isinstance(pack, str) else pack
    P, PL = schema.plan_mentions, schema.plans
    try:
        with store.engine.begin() as conn:
            clusters = cluster_mentions(_read_mention_rows(conn), loaded)
            conn.execute(sa.update(P).values(plan_id=None))
            conn.execute(sa.update(PL).values(revision_of=None))
            conn.execute(sa.delete(PL))
            ids: list[int] = []
            for cluster in clusters:
                result = conn.execute(sa.insert(PL).values(**_cluster_row(cluster, loaded)))
                key = result.inserted_primary_key
                if key is None:
                    raise StoreError("the database returned no id for a new plan")
                plan_id = int(key[0])
                ids.append(plan_id)
                conn.execute(sa.update(P).where(P.c.id.in_([m.id for m in cluster.mentions]))
                             .values(plan_id=plan_id))
            for k, cluster in enumerate(clusters):
                if cluster.revision_of is not None:
                    conn.execute(sa.update(PL).where(PL.c.id == ids[k])
                                 .values(revision_of=ids[cluster.revision_of]))
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot update the plan registry: {exc}") from exc
    return len(clusters)


def merge_points(reports: list[tuple[int | None, tuple[str, ...], PointReport]]) -> tuple[
    RegistryPoint, ...
]:
    """Merge the points articles report: by number; an unnumbered point joins the numbered
    point whose issues contain its own, else the unnumbered point with the same issues."""
    numbered: dict[int, tuple[list[str], list[PointReport]]] = {}
    for n, issues, report in reports:
        if n is not None:
            entry = numbered.setdefault(n, ([], []))
            entry[0].extend(i for i in issues if i not in entry[0])
            entry[1].append(report)
    loose: dict[frozenset[str], tuple[list[str], list[PointReport]]] = {}
    for n, issues, report in reports:
        if n is not None:
            continue
        owners = [k for k, (known, _) in numbered.items() if issues and set(issues) <= set(known)]
        if len(owners) == 1:
            numbered[owners[0]][1].append(report)
            continue
        entry = loose.setdefault(frozenset(issues), (list(issues), []))
        entry[1].append(report)
    points = [RegistryPoint(n, tuple(i), tuple(r)) for n, (i, r) in sorted(numbered.items())]
    points += [RegistryPoint(None, tuple(i), tuple(r)) for i, r in loose.values()]
    return tuple(points)


def _registry_plans(conn: sa.Connection, where: sa.ColumnElement[bool] | None) -> list[
    RegistryPlan
]:
    PL, P, A = schema.plans, schema.plan_mentions, schema.articles
    original = PL.alias("original")
    sources = (
        sa.select(sa.func.count(sa.distinct(sa.func.coalesce(A.c.cluster, A.c.id))))
        .select_from(P.join(A, A.c.id == P.c.article_id))
        .where(P.c.plan_id == PL.c.id)
        .scalar_subquery()
    )
    query = (
        sa.select(PL, original.c.name.label("original_name"), sources.label("sources"))
        .outerjoin(original, original.c.id == PL.c.revision_of)
        .order_by(PL.c.first_reported, PL.c.id)
    )
    if where is not None:
        query = query.where(where)
    names: dict[int, dict[str, None]] = {}
    described: dict[int, list[bool]] = {}
    for mention in conn.execute(sa.select(P.c.plan_id, P.c.name, P.c.described)
                                .where(P.c.plan_id.is_not(None)).order_by(P.c.id)):
        names.setdefault(mention.plan_id, {})[mention.name] = None
        described.setdefault(mention.plan_id, []).append(bool(mention.described))
    return [
        RegistryPlan(
            id=row.id, name=row.name, proposer=row.proposer, n_points=row.n_points,
            revision_of=row.original_name, first_reported=row.first_reported,
            last_reported=row.last_reported, sources=row.sources or 0,
            names=tuple(names.get(row.id, ())), described=all(described.get(row.id, [False])),
        )
        for row in conn.execute(query)
    ]


def list_plans(store: Store) -> list[RegistryPlan]:
    """Every plan in the registry, oldest first, without points."""
    with store.engine.connect() as conn:
        return _registry_plans(conn, None)


def _find(plans: list[RegistryPlan], name: str) -> RegistryPlan:
    folded = name.casefold()
    exact = [p for p in plans if p.name.casefold() == folded]
    close = exact or [p for p in plans if names_match(p.name, name)]
    if not close:
        known = ", ".join(p.name for p in plans) or "none"
        raise PlanNotFoundError(f"no plan named {name!r} (known plans: {known})")
    return close[0]


def read_plan(store: Store, name: str) -> RegistryPlan:
    """One plan by name (exact, else by word overlap), with its points merged across articles."""
    P, PP, A = schema.plan_mentions, schema.plan_points, schema.articles
    with store.engine.connect() as conn:
        plan = _find(_registry_plans(conn, None), name)
        rows = conn.execute(
            sa.select(PP.c.n, PP.c.issues, PP.c.text, P.c.article_id, A.c.published, A.c.source,
                      A.c.cluster)
            .join(P, P.c.id == PP.c.plan_mention_id).join(A, A.c.id == P.c.article_id)
            .where(P.c.plan_id == plan.id).order_by(A.c.published, PP.c.id)
        ).all()
    reports = [
        (row.n, tuple(json.loads(row.issues)),
         PointReport(row.text, row.article_id, row.published, row.source,
                     row.cluster or row.article_id))
        for row in rows
    ]
    return RegistryPlan(
        id=plan.id, name=plan.name, proposer=plan.proposer, n_points=plan.n_points,
        revision_of=plan.revision_of, first_reported=plan.first_reported,
        last_reported=plan.last_reported, sources=plan.sources, points=merge_points(reports),
        names=plan.names, described=plan.described,
    )


__all__ = [
    "MentionRow",
    "PlanCluster",
    "PlanNotFoundError",
    "PointReport",
    "RegistryPlan",
    "RegistryPoint",
    "cluster_mentions",
    "list_plans",
    "merge_points",
    "names_match",
    "read_plan",
    "update_plan_registry",
]
