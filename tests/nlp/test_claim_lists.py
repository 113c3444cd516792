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
