"""Matches plan phrases to the pack's known plans by alias, point count, proposer and date."""

from __future__ import annotations

from datetime import date, timedelta

from redline.nlp.plan_mentions import PlanPhrase
from redline.nlp.plan_proposers import party_of
from redline.packs.schema import Pack, PackPlan

# A plan reported before its announcement date is another plan, unless the report is a leak
# a few weeks early.
EARLY_LEAK = timedelta(days=45)
# "Trump's peace plan" is read as a known plan only while that plan is recent.
RECENT = timedelta(days=365)
# "A new 12-point plan" is a known 12-point plan only if that one is this recent.
NEW = timedelta(days=90)


def _compatible_party(pack: Pack, plan: PackPlan, party: str | None) -> bool:
    """A plan of a group of states ("other": the coalition of the willing) may be credited
    to any of its members; any other plan only to its own side."""
    known = party_of(pack, plan.proposer)
    return party is None or known in (None, "other") or known == party


def _by_date(plans: list[PackPlan], published: date | None) -> list[PackPlan]:
    """Plausible plans first: the latest announced by the article's date, then the rest."""
    if published is None:
        return sorted(plans, key=lambda p: p.announced or date.min, reverse=True)
    plausible = [p for p in plans if p.announced is None or p.announced <= published + EARLY_LEAK]
    return sorted(plausible, key=lambda p: p.announced or date.min, reverse=True)


def match_named(pack: Pack, phrase: PlanPhrase, published: date | None) -> PackPlan | None:
    """The pack plan a strong phrase names (alias or point count), or None."""
    if phrase.named_by is not None:
        return None  # "drafted by Turkey", and the pack does not know Turkey: another plan
    party = phrase.proposer.party if phrase.proposer else None
    if phrase.alias_plans:
        candidates = [p for p in pack.plans if p.id in phrase.alias_plans]
    elif phrase.n_points is not None:
        candidates = [p for p in pack.plans if p.points == phrase.n_points]
    else:
        return None
    if phrase.n_points is not None:
        candidates = [p for p in candidates if p.points in (None, phrase.n_points)]
    compatible = [p for p in candidates if _compatible_party(pack, p, party)]
    # An alias names its plan even when the drafters belong to another side of the pack:
    # "the European counter-proposal, drafted by advisers of Britain, France and Germany".
    candidates = compatible or (candidates if phrase.alias_plans else [])
    if phrase.new and published is not None:
        recent = published - NEW
        candidates = [p for p in candidates if p.announced is None or p.announced >= recent]
    ranked = _by_date(candidates, published)
    return ranked[0] if ranked else None


def _called(plan: PackPlan, nouns: set[str]) -> bool:
    """Whether the plan's name or an alias uses one of the nouns ("memorandum")."""
    words = {w for alias in (plan.name, *plan.aliases)
             for w in alias.casefold().replace("counterproposal", "counter-proposal").split()}
    return bool({n.replace("counterproposal", "counter-proposal") for n in nouns} & words)


def match_by_proposer(
    pack: Pack, party: str | None, published: date | None, term_issues: set[str],
    nouns: set[str] | None = None,
) -> PackPlan | None:
    """The known plan an unnamed "X's peace plan" most likely means: the latest plan of the
    same side announced within a year before the article, if the terms the article lists
    (when it lists any) are all among the issues that plan is known to address, and if the
    article calls it by a document noun ("Ukraine's counter-proposal"), the plan is known
    by that noun (not "Ukrainian memorandum")."""
    if party is None or published is None:
        return None
    candidates = [
        p
        for p in pack.plans
        if p.announced is not None
        and party_of(pack, p.proposer) == party
        and published - RECENT <= p.announced <= published
    ]
    for plan in sorted(candidates, key=lambda p: p.announced or date.min, reverse=True):
        if nouns and not _called(plan, nouns):
            return None
        if not term_issues or not plan.issues or term_issues <= set(plan.issues):
            return plan
        return None  # the most recent plan of that side does not fit: do not guess further
    return None


def revision_target(pack: Pack, plan: PackPlan) -> PackPlan | None:
    """The pack plan this one revises, if the pack says so."""
    if plan.revision_of is None:
        return None
    return next((p for p in pack.plans if p.id == plan.revision_of), None)
