"""Shared by the plan tests that parse short texts of their own: the fictional pack
(tests/plans/fixtures/fictional), a date before any of its plans, and plan extraction
without the actors component (proposers come from the pack fallback)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.language import Language

from redline.model import Mention, PlanMention
from redline.nlp.plans import extract_plans
from redline.packs.loader import load_pack
from redline.packs.schema import Pack

FICTIONAL = load_pack(str(Path(__file__).parents[1] / "plans" / "fixtures" / "fictional"))
# Before any plan of the fictional pack: no phrase can be read as a known plan.
EARLY = date(2029, 6, 1)


def plans_of(nlp: Language, text: str, pack: Pack = FICTIONAL, day: date | None = EARLY,
             mentions: list[Mention] | None = None) -> list[PlanMention]:
    doc = nlp(text)
    doc._.published = day
    doc._.mentions = mentions
    return extract_plans(doc, pack)


def only(plans: list[PlanMention]) -> PlanMention:
    assert len(plans) == 1, [p.name for p in plans]
    return plans[0]
