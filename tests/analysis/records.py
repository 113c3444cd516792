"""Hand-made sourced records for the analysis tests: small builders and a realistic sample.

The sample reads like a month of coverage (invented sentences in the style of wire copy);
it is not taken from the gold files.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from redline.model import (
    Article,
    Claim,
    Extraction,
    PlanMention,
    PlanPoint,
    Provenance,
    SourcedClaim,
    SourcedPlan,
    TextSpan,
)

if TYPE_CHECKING:
    from redline.store import Store


def prov(
    article: str,
    day: date | None,
    source: str = "Reuters",
    cluster: str = "",
    url: str | None = None,
) -> Provenance:
    return Provenance(
        article_id=article,
        published=day,
        source=source,
        url=url if url is not None else f"https://news.example/{article}",
        title=f"Story {article}",
        cluster=cluster or article,
        extractor_version="test",
    )


def claim(
    actor: str,
    issue: str,
    stance: str,
    day: date | None,
    *,
    party: str = "russia",
    status: str = "stated",
    article: str | None = None,
    source: str = "Reuters",
    cluster: str = "",
    evidence: str = "",
    statement_date: date | None = None,
    optional: bool = False,
) -> SourcedClaim:
    article_id = article or f"{actor}-{issue}-{stance}-{day}"
    text = evidence or f"{actor} signalled a {stance} stance on {issue}."
    return SourcedClaim(
        Claim(
            actor=actor,
            party=party,
            issue=issue,
            stance=stance,
            status=status,
            evidence=(TextSpan(0, len(text), text),),
            statement_date=statement_date,
            optional=optional,
        ),
        prov(article_id, day, source, cluster),
    )


def plan(
    name: str,
    day: date,
    *,
    proposer: str | None = None,
    points: tuple[str, ...] = (),
    article: str = "plan-article",
    source: str = "Reuters",
    n_points: int | None = None,
    issues: tuple[str, ...] = (),
) -> SourcedPlan:
    listed = tuple(
        PlanPoint(n=i + 1, issues=issues[i : i + 1], text=text, start=0, end=len(text))
        for i, text in enumerate(points)
    )
    return SourcedPlan(
        PlanMention(
            name=name, proposer=proposer, points=listed, start=0, end=len(name), n_points=n_points
        ),
        prov(article, day, source),
    )


D = date


def sample_claims() -> list[SourcedClaim]:
    """A month of invented but plausible coverage, with one reversal, one denial and copies."""
    return [
        claim(
            "Vladimir Putin",
            "territory_regions",
            "demand",
            D(2025, 3, 2),
            article="a1",
            evidence="Putin repeated that Kyiv must withdraw from the four regions annexed "
            "by Moscow before any settlement.",
        ),
        claim(
            "Vladimir Putin",
            "territory_regions",
            "demand",
            D(2025, 3, 2),
            article="a1-copy",
            source="Yahoo News",
            cluster="a1",
            evidence="Putin repeated that Kyiv must withdraw from the four regions annexed "
            "by Moscow before any settlement.",
        ),
        claim(
            "Dmitry Peskov",
            "ceasefire",
            "reject",
            D(2025, 3, 4),
            article="a2",
            source="TASS",
            evidence="Peskov said a temporary truce would only give Ukraine "
            "a chance to regroup and was unacceptable.",
        ),
        claim(
            "Russia",
            "ceasefire",
            "accept",
            D(2025, 3, 13),
            article="a3",
            source="Financial Times",
            status="reported",
            evidence="Moscow is ready to accept a 30-day pause in fighting, three people "
            "familiar with the talks said.",
        ),
        claim(
            "Russia",
            "ceasefire",
            "reject",
            D(2025, 3, 14),
            article="a4",
            source="RIA Novosti",
            evidence="The Kremlin dismissed reports that it had agreed to a truce.",
        ),
        claim(
            "Vladimir Putin",
            "ceasefire",
            "accept",
            D(2025, 3, 18),
            article="a5",
            source="BBC",
            evidence="Putin agreed to halt strikes on energy infrastructure "
            "for 30 days after a call with Trump.",
        ),
        claim(
            "Volodymyr Zelensky",
            "ceasefire",
            "accept",
            D(2025, 3, 11),
            party="ukraine",
            article="a6",
            source="Kyiv Independent",
            evidence="Ukraine said it was ready to accept the US proposal for an immediate "
            "30-day ceasefire.",
        ),
        claim(
            "Volodymyr Zelensky",
            "territory_crimea",
            "reject",
            D(2025, 3, 20),
            party="ukraine",
            article="a7",
            source="AP",
            evidence="Zelensky said Ukraine would never recognise Crimea as Russian.",
        ),
        claim(
            "Donald Trump",
            "sanctions",
            "threaten",
            D(2025, 3, 7),
            party="us",
            article="a8",
            source="CNN",
            evidence="Trump said he was strongly considering large-scale "
            "banking sanctions on Russia until a ceasefire is agreed.",
        ),
        claim(
            "Donald Trump",
            "peace_plan",
            "propose",
            D(2025, 3, 11),
            party="us",
            article="a9",
            source="Reuters",
            evidence="Washington proposed an immediate 30-day ceasefire after talks in Jeddah.",
        ),
        claim(
            "Keir Starmer",
            "peacekeepers",
            "propose",
            D(2025, 3, 15),
            party="uk",
            article="a10",
            source="The Guardian",
            evidence="Starmer said a coalition of the willing would deploy troops to "
            "Ukraine to secure any deal.",
        ),
        claim(
            "Sergei Lavrov",
            "peacekeepers",
            "reject",
            D(2025, 3, 16),
            article="a11",
            source="Interfax",
            evidence="Lavrov said Moscow would not accept European "
            "troops in Ukraine under any flag.",
        ),
        claim(
            "Vladimir Putin",
            "military_aid",
            "demand",
            D(2025, 3, 19),
            article="a12",
            source="Reuters",
            evidence="The Kremlin said a complete halt to foreign military "
            "aid was the key condition for a broader truce.",
        ),
        claim(
            "Someone Unplaced",
            "negotiation_format",
            "accept",
            D(2025, 3, 12),
            party="",
            article="a13",
            source="Blog",
            status="alleged",
            evidence="An unverified channel claimed a summit was agreed.",
        ),
        claim(
            "Volodymyr Zelensky",
            "negotiation_format",
            "reject",
            D(2025, 2, 20),
            party="ukraine",
            article="a15",
            source="Kyiv Independent",
            evidence="Zelensky said Ukraine would not sit down with Moscow while Europe was "
            "kept away from the table.",
        ),
        claim(
            "Volodymyr Zelensky",
            "negotiation_format",
            "accept",
            D(2025, 3, 24),
            party="ukraine",
            article="a16",
            source="Reuters",
            evidence="Zelensky said Ukrainian officials were ready to meet Russian negotiators "
            "in Istanbul.",
        ),
        claim(
            "Dmitry Medvedev",
            "nuclear",
            "threaten",
            D(2025, 3, 22),
            article="a17",
            source="The Guardian",
            status="stated",
            evidence="Medvedev warned that European troops in Ukraine could provoke a nuclear "
            "response.",
        ),
    ]


def sample_plans() -> list[SourcedPlan]:
    return [
        plan(
            "30-day ceasefire proposal",
            D(2025, 3, 11),
            proposer="Donald Trump",
            points=(
                "an immediate, interim 30-day ceasefire",
                "resumption of US intelligence sharing and security assistance",
            ),
            issues=("ceasefire", "military_aid"),
            article="a9",
        ),
        plan("Kellogg plan", D(2024, 12, 3), proposer="Keith Kellogg", article="old"),
        plan("Kellogg plan", D(2025, 3, 9), proposer="Keith Kellogg", article="a14"),
    ]


def fill_store(store: Store, claims: list[SourcedClaim], plans: list[SourcedPlan]) -> None:
    """Write records into a real store, one article per provenance, through its public API.

    Each article's text starts with the evidence of its claims, so every span indexes into
    the text it claims to cover; syndicated copies (same cluster) share the first copy's text,
    so the store's own near-duplicate detection puts them in one cluster.
    """
    by_article: dict[str, tuple[Provenance, list[SourcedClaim], list[SourcedPlan]]] = {}
    for sourced in claims:
        entry = by_article.setdefault(sourced.provenance.article_id, (sourced.provenance, [], []))
        entry[1].append(sourced)
    for mention in plans:
        entry = by_article.setdefault(mention.provenance.article_id, (mention.provenance, [], []))
        entry[2].append(mention)
    texts: dict[str, str] = {}
    for article_id, (provenance, article_claims, article_plans) in by_article.items():
        cluster = provenance.cluster or article_id
        if cluster in texts and cluster != article_id:
            text = texts[cluster]
        else:
            sentences = [c.claim.evidence[0].text for c in article_claims]
            sentences += [p.plan.name for p in article_plans]
            filler = f"Filed by desk {article_id} with background on talks {len(texts)}."
            text = " ".join([*sentences, filler])
            texts[article_id] = text
        store.add_article(
            Article(
                id=article_id,
                text=text,
                title=provenance.title,
                url=provenance.url,
                published=provenance.published,
                source=provenance.source,
            )
        )
        stored_claims = []
        for record in article_claims:
            evidence = record.claim.evidence[0].text
            start = text.index(evidence)
            span = TextSpan(start, start + len(evidence), evidence)
            stored_claims.append(replace(record.claim, evidence=(span,)))
        store.save_extraction(
            article_id,
            Extraction(
                article_id=article_id,
                published=provenance.published,
                genre="news",
                claims=tuple(stored_claims),
                plans=tuple(p.plan for p in article_plans),
                extractor_version="test",
            ),
        )
