"""Custom attributes the redline components read and set on spaCy ``Doc`` objects.

The article context (publication date, id) is set on the ``Doc`` before the pipeline runs,
so components that need the date (dated titles, relative dates) can read it.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, object] = {
    "article_id": None,  # str | None
    "published": None,  # datetime.date | None
    "source": None,  # outlet name | None
    "genre": "news",  # news | opinion | analysis | readout
    "turns": None,  # list[Turn] of an interview transcript, set by redline_transcripts
    "mentions": None,  # list[Mention], set by redline_actors
    "quotes": None,  # list[Quote], set by redline_quotes
    "plans": None,  # list[PlanMention], set by redline_plans
    "claims": None,  # list[Claim], set by redline_claims
    # list[tuple[Claim, Features]]: the rules' claims before the claim scorer, with its features
    "claim_candidates": None,
    # list[tuple[FinderPair, Features]]: sentences naming an actor (as speaker or subject)
    # and an issue the rules read no position of the actor on, with the finder's features
    "finder_pairs": None,
}


def register_extensions() -> None:
    """Register the Doc extensions once; safe to call many times."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
