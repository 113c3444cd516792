"""From text to registry: two outlets word one plan differently, a third reports its
revision; the plans component finds them and the registry merges and links them."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from redline.model import Article, Extraction
from redline.nlp.extensions import register_extensions
from redline.nlp.pipeline import load_model, make_doc
from redline.nlp.plans import extract_plans
from redline.store import Store
from redline.store.plan_registry import list_plans, read_plan, update_plan_registry

from .fictional import PACK

STORIES = [
    ("Daily Bugle", date(2031, 3, 2),
     "Freedonia unveiled a 12-point peace plan on Monday. Point four requires a truce along "
     "the line of control, and point 5 calls for the release of all prisoners."),
    ("Planet Wire", date(2031, 3, 4),
     "The twelve-point plan put forward by Freedonia was coolly received in Nordgrad. Its "
     "fourth point, a truce, was called premature by Ivan Brodsky."),
    ("Evening Post", date(2031, 4, 20),
     "Freedonia's 12-point plan failed to win support in March. On Friday its diplomats "
     "brought a revised 9-point version of the plan to Sudberg. The revised plan calls for "
     "sanctions to be eased."),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    return load_model()


def test_one_plan_in_two_wordings_merges_and_its_revision_links(
    nlp: Language, store: Store
) -> None:
    for n, (source, day, text) in enumerate(STORIES):
        article = Article(id=f"story{n}", text=text, source=source, published=day)
        doc = nlp(make_doc(nlp, article))
        plans = extract_plans(doc, PACK)
        store.add_article(article)
        store.save_extraction(article.id, Extraction(article.id, day, "news", plans=tuple(plans)))
    assert update_plan_registry(store, PACK) == 2
    by_name = {p.n_points: p for p in list_plans(store)}
    assert by_name[12].sources == 3
    assert (by_name[12].first_reported, by_name[12].last_reported) == (
        date(2031, 3, 2), date(2031, 4, 20))
    assert by_name[9].revision_of == by_name[12].name
    twelve = read_plan(store, by_name[12].name)
    fourth = next(p for p in twelve.points if p.n == 4)
    assert fourth.issues == ("ceasefire", "border")
    assert {r.source for r in fourth.reports} == {"Daily Bugle", "Planet Wire"}
    nine = read_plan(store, by_name[9].name)
    assert [p.issues for p in nine.points] == [("sanctions",)]
