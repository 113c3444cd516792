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
    nlp = build_pipeline("russia-ukraine", scorer=False, finder=False)
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
    nlp = build_pipeline("russia-ukraine", scorer=False, finder=False)
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


JOINT = (
    "Beijing and Brasilia published their six-point consensus in May. In their own words, "
    "the two governments:\n\n"
    "1. support an international peace conference recognised by both sides;\n\n"
    "2. oppose the use of nuclear weapons.\n"
)


def test_a_list_handed_on_by_its_opener_is_the_plans_and_held_by_every_proposer() -> None:
    nlp = build_pipeline("russia-ukraine", scorer=False, finder=False)
    article = Article(id="t", text=JOINT, published=date(2024, 10, 2), source="test")
    doc = nlp(make_doc(nlp, article))
    found = {(c.actor, c.issue, c.stance) for c in doc._.claims}
    # The pack lists Brazil as co-proposer of the China–Brazil plan; an item that opens on a
    # verb of rejection rejects what it names.
    for actor in ("China", "Brazil"):
        assert (actor, "negotiation_format", "propose") in found
        assert (actor, "nuclear", "reject") in found


def test_a_numbered_list_far_from_any_plan_is_not_its_points() -> None:
    nlp = build_pipeline("russia-ukraine", scorer=False, finder=False)
    text = ("Zelensky presented his victory plan to parliament on Wednesday.\n\n"
            "Reactions in Moscow were dismissive. Lavrov called it a fantasy. Analysts in Kyiv "
            "drew up their own list of what to watch:\n\n"
            "1. whether Washington lifts the limits on long-range strikes;\n\n"
            "2. whether Berlin sends Taurus missiles.\n")
    article = Article(id="t", text=text, published=date(2024, 10, 17), source="test")
    doc = nlp(make_doc(nlp, article))
    assert not any(p.points for p in doc._.plans)
