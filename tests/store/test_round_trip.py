"""Property tests: whatever goes into the store comes back out unchanged."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.model import (
    Article,
    Claim,
    DateOrigin,
    Extraction,
    Mention,
    PlanMention,
    PlanPoint,
    Quote,
    QuoteKind,
    Stance,
    Status,
    TextSpan,
)

if TYPE_CHECKING:
    from conftest import Scratch


def strategies(backend: str) -> dict[str, st.SearchStrategy[Any]]:
    """Records to store. PostgreSQL text cannot hold NUL, so it is left out there (ingest
    rejects such input anyway); SQLite gets every character. Fields typed as a closed set of
    values (stance, status, kind) are drawn from that set: PostgreSQL enforces their width."""
    excluded = "\x00" if backend == "postgresql" else ""
    chars = st.characters(codec="utf-8", exclude_characters=excluded)
    texts = st.text(chars, min_size=1, max_size=200)
    names = st.text(chars, min_size=1, max_size=40)
    maybe = st.none() | st.text(chars, max_size=60)
    dates = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
    offsets = st.integers(min_value=0, max_value=10**6)
    scores = st.floats(min_value=0, max_value=1, allow_nan=False)
    spans = st.builds(TextSpan, start=offsets, end=offsets, text=texts)
    points = st.builds(PlanPoint, n=st.none() | st.integers(-1000, 1000),
                       issues=st.lists(names, max_size=3).map(tuple), text=texts, start=offsets,
                       end=offsets)
    return {
        "article": st.builds(
            Article,
            id=st.text(alphabet="0123456789abcdef", min_size=16, max_size=16),
            text=texts, title=maybe, url=maybe, published=dates, source=maybe, origin=maybe,
            date_origin=st.sampled_from(get_args(DateOrigin)),
        ),
        "mention": st.builds(Mention, start=offsets, end=offsets, text=names, actor=names,
                             party=names, resolution=names, confidence=scores, kind=names),
        "quote": st.builds(Quote, text=texts, start=offsets, end=offsets,
                           speaker=st.text(chars, max_size=40), party=st.text(chars, max_size=20),
                           kind=st.sampled_from(get_args(QuoteKind)), cue=maybe,
                           cue_start=st.none() | offsets, cue_end=st.none() | offsets,
                           resolution=maybe, confidence=scores, sentence=st.none()),
        "claim": st.builds(Claim, actor=names, party=names, issue=names,
                           stance=st.sampled_from(get_args(Stance)),
                           status=st.sampled_from(get_args(Status)),
                           evidence=st.lists(spans, max_size=3).map(tuple),
                           plan=maybe, statement_date=dates, confidence=scores,
                           optional=st.booleans()),
        "plan": st.builds(PlanMention, name=names, proposer=maybe,
                          points=st.lists(points, max_size=3).map(tuple), start=offsets,
                          end=offsets, n_points=st.none() | st.integers(0, 100),
                          pack_plan=maybe),
        "version": st.text(chars, max_size=30),
        "free_text": st.text(chars, min_size=30, max_size=300),
    }


# One fresh database per example: the scratch fixture makes them, so it is not reset
# between examples on purpose.
EXAMPLES = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


@EXAMPLES
@given(data=st.data())
def test_articles_survive_write_and_read(scratch: Scratch, data: st.DataObject) -> None:
    article = data.draw(strategies(scratch.backend)["article"])
    with scratch.store() as store:
        assert store.add_article(article).status == "new"
        assert store.get_article(article.id).article == article
        assert [s.article for s in store.list_articles()] == [article]


@EXAMPLES
@given(data=st.data())
def test_extraction_records_survive_write_and_read(scratch: Scratch, data: st.DataObject) -> None:
    made = strategies(scratch.backend)
    article = data.draw(made["article"])
    found_mentions = data.draw(st.lists(made["mention"], max_size=4))
    found_quotes = data.draw(st.lists(made["quote"], max_size=4))
    found_claims = data.draw(st.lists(made["claim"], max_size=4))
    found_plans = data.draw(st.lists(made["plan"], max_size=3))
    version = data.draw(made["version"])
    extraction = Extraction(
        article_id=article.id, published=article.published, genre="news",
        mentions=tuple(found_mentions), quotes=tuple(found_quotes), claims=tuple(found_claims),
        plans=tuple(found_plans), extractor_version=version,
    )
    with scratch.store() as store:
        store.add_article(article)
        store.save_extraction(article.id, extraction)
        assert [m.mention for m in store.read_mentions()] == found_mentions
        assert [q.quote for q in store.read_quotes()] == found_quotes
        assert [c.claim for c in store.read_claims()] == found_claims
        assert [p.plan for p in store.read_plan_mentions()] == found_plans
        stored = store.get_article(article.id)
        assert stored.extractor_version == version


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), start=st.integers(0, 20), length=st.integers(0, 10))
def test_quote_sentence_spans_come_back_with_their_text(scratch: Scratch, data: st.DataObject,
                                                         start: int, length: int) -> None:
    text = data.draw(strategies(scratch.backend)["free_text"])
    article = Article(id="0" * 16, text=text)
    sentence = TextSpan(start, start + length, text[start : start + length])
    quote = Quote("words", 0, 5, "Someone", "other", "direct", sentence=sentence)
    with scratch.store() as store:
        store.add_article(article)
        store.save_extraction(article.id, Extraction(article.id, None, "news", quotes=(quote,)))
        assert [q.quote for q in store.read_quotes()] == [quote]
