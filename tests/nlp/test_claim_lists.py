"""A plan's terms read off a bulleted list: their status comes from the sentence that opens
the list ("According to a copy seen by …, it would:"). Whole pipeline, texts of our own."""

from __future__ import annotations

from datetime import date

from redline.model import Article
from redline.nlp.pipeline import build_pipeline, make_doc

TEXT = (
    "European officials on Sunday discussed the European counter-proposal, drafted by "
    "advisers in London, Paris and Berlin. According to a copy seen by this newspaper, it "
    "would:\n"
    "- keep Russian sovereign assets frozen until Moscow pays for the damage;\n"
    "- give Ukraine security guarantees mirroring NATO's Article 5.\n"
)


def test_terms_of_a_list_opened_by_a_leaked_copy_are_reported() -> None:
    nlp = build_pipeline("russia-ukraine")
    article = Article(id="t", text=TEXT, published=date(2025, 11, 24), source="test")
    doc = nlp(make_doc(nlp, article))
    plan = next(p for p in doc._.plans if "counter-proposal" in p.name)
    assert {i for p in plan.points for i in p.issues} >= {"sanctions", "security_guarantees"}
    listed = [c for c in doc._.claims if c.plan == plan.name]
    assert listed
    assert {c.status for c in listed} == {"reported"}


NUMBERED = (
    "The American framework was handed to Ukrainian officials last week. According to a "
    "summary seen by a news site, it contains the following elements:\n\n"
    "1. The lifting of sanctions imposed on Russia since 2014.\n\n"
    "2. A robust security guarantee for Ukraine from European countries.\n"
)


def test_numbered_items_keep_their_number_and_take_the_openers_status() -> None:
    nlp = build_pipeline("russia-ukraine")
    article = Article(id="t", text=NUMBERED, published=date(2025, 4, 24), source="test")
    doc = nlp(make_doc(nlp, article))
    items = [s.text.strip() for s in doc.sents if s.text.strip()[:2] in ("1.", "2.")]
    assert items == [
        "1. The lifting of sanctions imposed on Russia since 2014.",
        "2. A robust security guarantee for Ukraine from European countries.",
    ]
    listed = [c for c in doc._.claims if c.plan and "framework" in c.plan]
    assert {c.issue for c in listed} >= {"sanctions", "security_guarantees"}
    assert {c.status for c in listed} == {"reported"}
