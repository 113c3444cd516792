"""Merging claim drafts: a sentence that accepts someone's proposal does not also propose it."""

from __future__ import annotations

from datetime import date

from redline.model import Article, TextSpan
from redline.nlp.claim_assembly import ClaimDraft, without_echoed_proposals
from redline.nlp.pipeline import build_pipeline, make_doc

ONE = TextSpan(0, 40, "'Ukraine accepts this proposal, we consider it positive'")
OTHER = TextSpan(50, 90, "Kyiv put forward its own peace plan.")


def draft(stance: str, evidence: TextSpan, kind: str, actor: str = "Volodymyr Zelensky"
          ) -> ClaimDraft:
    return ClaimDraft(actor, "ukraine", "peace_plan", stance, "stated", evidence, None, kind)


def test_an_evaluative_propose_beside_an_accept_in_one_sentence_is_dropped() -> None:
    drafts = [draft("accept", ONE, "verb"), draft("propose", ONE, "adjective")]
    assert [d.stance for d in without_echoed_proposals(drafts)] == ["accept"]


def test_the_propose_stays_when_another_sentence_supports_it() -> None:
    drafts = [draft("accept", ONE, "verb"), draft("propose", ONE, "adjective"),
              draft("propose", OTHER, "verb")]
    kept = without_echoed_proposals(drafts)
    assert [(d.stance, d.evidence) for d in kept] == [("accept", ONE), ("propose", OTHER)]


def test_a_proposal_of_its_own_words_or_of_another_actor_stays() -> None:
    # "ready to meet ..., but the best place for such a meeting is Moscow"
    own = [draft("accept", ONE, "adjective"), draft("propose", ONE, "phrase")]
    assert without_echoed_proposals(own) == own
    other = [draft("accept", ONE, "verb"), draft("propose", ONE, "adjective", "Ukraine")]
    assert without_echoed_proposals(other) == other


def test_accepting_a_proposal_is_one_accept_claim_end_to_end() -> None:
    nlp = build_pipeline()
    text = ("Zelensky spoke after the talks in Jeddah. 'Ukraine accepts this proposal, we "
            "consider it positive and we are ready to take this step,' he said.")
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published=date(2025, 3, 11))))
    found = {(c.actor, c.issue, c.stance) for c in doc._.claims}
    assert ("Volodymyr Zelensky", "peace_plan", "accept") in found
    assert ("Volodymyr Zelensky", "peace_plan", "propose") not in found
