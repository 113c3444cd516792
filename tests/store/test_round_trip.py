"""Property tests: whatever goes into the store comes back out unchanged."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.model import (
    Article,
    Claim,
    Extraction,
    Mention,
    PlanMention,
    PlanPoint,
    Quote,
    TextSpan,
)
from redline.store import open_store

texts = st.text(min_size=1, max_size=200)
names = st.text(min_size=1, max_size=40)
maybe = st.none() | st.text(max_size=60)
dates = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
offsets = st.integers(min_value=0, max_value=10**6)
scores = st.floats(min_value=0, max_value=1, allow_nan=False)

articles = st.builds(
    Article,
    id=st.text(alphabet="0123456789abcdef", min_size=16, max_size=16),
    text=texts, title=maybe, url=maybe, published=dates, source=maybe, origin=maybe,
    date_origin=st.sampled_from(["header", "html", "dateline", "jsonl", "unknown"]),
)
spans = st.builds(TextSpan, start=offsets, end=offsets, text=texts)
mentions = st.builds(Mention, start=offsets, end=offsets, text=names, actor=names, party=names,
                     resolution=names, confidence=scores, kind=names)
quotes = st.builds(Quote, text=texts, start=offsets, end=offsets, speaker=st.text(max_size=40),
                   party=st.text(max_size=20), kind=st.sampled_from(["direct", "indirect"]),
                   cue=maybe, cue_start=st.none() | offsets, cue_end=st.none() | offsets,
                   resolution=maybe, confidence=scores, sentence=st.none())
claims = st.builds(Claim, actor=names, party=names, issue=names, stance=names, status=names,
                   evidence=st.lists(spans, max_size=3).map(tuple), plan=maybe,
                   statement_date=dates, confidence=scores, optional=st.booleans())
points = st.builds(PlanPoint, n=st.none() | st.integers(-1000, 1000),
                   issues=st.lists(names, max_size=3).map(tuple), text=texts, start=offsets,
                   end=offsets)
plans = st.builds(PlanMention, name=names, proposer=maybe,
                  points=st.lists(points, max_size=3).map(tuple), start=offsets, end=offsets,
                  n_points=st.none() | st.integers(0, 100), pack_plan=maybe)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles)
def test_articles_survive_write_and_read(article: Article) -> None:
    with open_store("sqlite://") as store:
        assert store.add_article(article).status == "new"
        assert store.get_article(article.id).article == article
        assert [s.article for s in store.list_articles()] == [article]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    article=articles,
    found_mentions=st.lists(mentions, max_size=4),
    found_quotes=st.lists(quotes, max_size=4),
    found_claims=st.lists(claims, max_size=4),
    found_plans=st.lists(plans, max_size=3),
    version=st.text(max_size=30),
)
def test_extraction_records_survive_write_and_read(
    article: Article,
    found_mentions: list[Mention],
    found_quotes: list[Quote],
    found_claims: list[Claim],
    found_plans: list[PlanMention],
    version: str,
) -> None:
    extraction = Extraction(
        article_id=article.id, published=article.published, genre="news",
        mentions=tuple(found_mentions), quotes=tuple(found_quotes), claims=tuple(found_claims),
        plans=tuple(found_plans), extractor_version=version,
    )
    with open_store("sqlite://") as store:
        store.add_article(article)
        store.save_extraction(article.id, extraction)
        assert [m.mention for m in store.read_mentions()] == found_mentions
        assert [q.quote for q in store.read_quotes()] == found_quotes
        assert [c.claim for c in store.read_claims()] == found_claims
        assert [p.plan for p in store.read_plan_mentions()] == found_plans
        stored = store.get_article(article.id)
        assert stored.extractor_version == version


@settings(max_examples=20, deadline=None)
@given(text=st.text(min_size=30, max_size=300), start=st.integers(0, 20),
       length=st.integers(0, 10))
def test_quote_sentence_spans_come_back_with_their_text(text: str, start: int,
                                                         length: int) -> None:
    article = Article(id="0" * 16, text=text)
    sentence = TextSpan(start, start + length, text[start : start + length])
    quote = Quote("words", 0, 5, "Someone", "other", "direct", sentence=sentence)
    with open_store("sqlite://") as store:
        store.add_article(article)
        store.save_extraction(article.id, Extraction(article.id, None, "news", quotes=(quote,)))
        assert [q.quote for q in store.read_quotes()] == [quote]
