"""Checks a whole pack: YAML syntax, the schema, and what no single file can check alone
(every actor's party exists, plan proposers are actors, no name or title claimed by two
actors at once). Every problem names its file and line."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from redline.errors import PackError
from redline.packs.loader import resolve_pack_dir, validate_raw
from redline.packs.schema import Pack
from redline.packs.source import PackProblem, RawPack, read_pack

ACTOR_KINDS = ("person", "state", "institution", "media", "group")
GENDERS = (None, "male", "female")
# Surface forms that must name one actor only (titles may be shared across a date split).
UNIQUE_FORMS = ("name", "aliases", "metonyms", "epithets", "descriptions")

__all__ = ["check_pack", "cross_check"]


def check_pack(name_or_path: str) -> list[PackProblem]:
    """Every problem of a pack, in file order; an empty list means the pack is sound."""
    try:
        folder = resolve_pack_dir(name_or_path)
    except PackError as exc:
        return [PackProblem(name_or_path, None, p) for p in exc.problems]
    raw = read_pack(folder)
    if raw.problems:
        return raw.problems
    pack, problems = validate_raw(raw)
    if pack is not None:
        problems = cross_check(pack, raw)
    return sorted(problems, key=lambda p: (p.file, p.line or 0))


def cross_check(pack: Pack, raw: RawPack) -> list[PackProblem]:
    """Problems between the parts of a schema-valid pack."""
    return [
        *_check_parties(pack, raw),
        *_check_actors(pack, raw),
        *_check_titles(pack, raw),
        *_check_issues(pack, raw),
        *_check_plans(pack, raw),
    ]


def _check_parties(pack: Pack, raw: RawPack) -> list[PackProblem]:
    problems = []
    seen: dict[str, int] = {}
    adjectives: dict[str, str] = {}
    for i, party in enumerate(pack.parties):
        if party.id in seen:
            problems.append(raw.problem(("parties", i), f"party {party.id!r} defined twice"))
        seen[party.id] = i
        for adjective in party.adjectives:
            owner = adjectives.setdefault(adjective.casefold(), party.id)
            if owner != party.id:
                message = f"adjective {adjective!r} of party {party.id!r} also belongs to {owner!r}"
                problems.append(raw.problem(("parties", i, "adjectives"), message))
    return problems


def _check_actors(pack: Pack, raw: RawPack) -> list[PackProblem]:
    problems = []
    parties = pack.party_ids()
    owners: dict[str, tuple[str, int]] = {}
    for i, actor in enumerate(pack.actors):
        at = ("actors", i)
        if actor.party not in parties:
            known = ", ".join(sorted(parties))
            message = f"actor {actor.name!r}: unknown party {actor.party!r} (parties: {known})"
            problems.append(raw.problem((*at, "party"), message))
        if actor.kind not in ACTOR_KINDS:
            message = f"actor {actor.name!r}: kind must be one of {', '.join(ACTOR_KINDS)}"
            problems.append(raw.problem((*at, "kind"), message))
        if actor.gender not in GENDERS:
            message = f"actor {actor.name!r}: gender must be male or female (or left out)"
            problems.append(raw.problem((*at, "gender"), message))
        for field in UNIQUE_FORMS:
            values = [actor.name] if field == "name" else list(getattr(actor, field))
            for j, form in enumerate(values):
                key = form.casefold().strip()
                owner = owners.get(key)
                if owner is not None and owner[0] != actor.name:
                    path = (*at, field) if field == "name" else (*at, field, j)
                    first_file, first_line = raw.where(("actors", owner[1]))
                    message = (
                        f"{form!r} of {actor.name!r} already names {owner[0]!r} "
                        f"({first_file}:{first_line})"
                    )
                    problems.append(raw.problem(path, message))
                owners.setdefault(key, (actor.name, i))
    return problems


def _overlap(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    start_a, end_a = a[0] or date.min, a[1] or date.max
    start_b, end_b = b[0] or date.min, b[1] or date.max
    return start_a < end_b and start_b < end_a


def _check_titles(pack: Pack, raw: RawPack) -> list[PackProblem]:
    problems = []
    holders: dict[str, list[tuple[str, int, int, tuple[date | None, date | None]]]] = defaultdict(
        list
    )
    for i, actor in enumerate(pack.actors):
        for j, title in enumerate(actor.titles):
            path = ("actors", i, "titles", j)
            if title.start and title.end and title.end <= title.start:
                message = f"title {title.title!r} of {actor.name!r} ends before it starts"
                problems.append(raw.problem(path, message))
            names = [n.casefold() for n in (actor.name, *actor.aliases) if " " in n]
            if any(n in title.title.casefold() for n in names):
                message = (
                    f"title {title.title!r} contains a name of {actor.name!r}; names go in aliases"
                )
                problems.append(raw.problem(path, message))
            tenure = (title.start, title.end)
            for other, k, m, other_tenure in holders[title.title.casefold()]:
                if other != actor.name and _overlap(tenure, other_tenure):
                    first_file, first_line = raw.where(("actors", k, "titles", m))
                    message = (
                        f"title {title.title!r} held by {actor.name!r} and {other!r} at the same "
                        f"time ({first_file}:{first_line}); split their dates"
                    )
                    problems.append(raw.problem(path, message))
            holders[title.title.casefold()].append((actor.name, i, j, tenure))
    return problems


def _check_issues(pack: Pack, raw: RawPack) -> list[PackProblem]:
    problems = []
    seen: set[str] = set()
    for i, issue in enumerate(pack.issues):
        if issue.id in seen:
            problems.append(raw.problem(("issues", i, "id"), f"issue {issue.id!r} defined twice"))
        seen.add(issue.id)
    for i, issue in enumerate(pack.issues):
        for j, other in enumerate(issue.refines):
            if other not in seen or other == issue.id:
                message = f"issue {issue.id!r} refines unknown issue {other!r}"
                problems.append(raw.problem(("issues", i, "refines", j), message))
    return problems


def _check_plans(pack: Pack, raw: RawPack) -> list[PackProblem]:
    problems = []
    issues = set(pack.issue_ids())
    ids = [plan.id for plan in pack.plans]
    for i, plan in enumerate(pack.plans):
        at = ("plans", i)
        if ids.count(plan.id) > 1 and ids.index(plan.id) != i:
            problems.append(raw.problem((*at, "id"), f"plan {plan.id!r} defined twice"))
        if plan.proposer is not None and pack.actor(plan.proposer) is None:
            message = f"plan {plan.id!r}: proposer {plan.proposer!r} is not an actor of the pack"
            problems.append(raw.problem((*at, "proposer"), message))
        for j, partner in enumerate(plan.co_proposers):
            if pack.actor(partner) is None:
                message = f"plan {plan.id!r}: co-proposer {partner!r} is not an actor of the pack"
                problems.append(raw.problem((*at, "co_proposers", j), message))
        if plan.revision_of is not None and plan.revision_of not in ids:
            message = f"plan {plan.id!r}: revision_of {plan.revision_of!r} is not a plan id"
            problems.append(raw.problem((*at, "revision_of"), message))
        for j, issue in enumerate(plan.issues):
            if issue not in issues:
                message = f"plan {plan.id!r}: unknown issue {issue!r}"
                problems.append(raw.problem((*at, "issues", j), message))
    return problems
