"""Mention-level recall on the seed articles: every actor the gold files name (claims'
``actor``, quotes' ``speaker``, plans' ``proposer``) is recognised somewhere in that article's
mentions, with its party. Reads ``../shared``; skipped when it is absent."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from redline.evaluation import same_actor
from redline.model import UNNAMED_SOURCE, Mention
from redline.nlp.actors import ActorRecognizer
from redline.nlp.pipeline import load_model

RECALL_FLOOR = 0.95  # per article; measured 1.00 on all five seeds

pytestmark = pytest.mark.slow


def gold_actors(gold: dict) -> set[tuple[str, str | None]]:  # type: ignore[type-arg]
    wanted: set[tuple[str, str | None]] = {(c["actor"], c["party"]) for c in gold["claims"]}
    wanted |= {(q["speaker"], q["party"]) for q in gold["quotes"] if q["speaker"] != UNNAMED_SOURCE}
    wanted |= {(p["proposer"], None) for p in gold["plans"] if p.get("proposer")}
    return wanted


def article_mentions(
    nlp: Language, recognizer: ActorRecognizer, gold: dict, seeds: Path  # type: ignore[type-arg]
) -> list[Mention]:
    text = (seeds / gold["article"]).read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if "\n---\n" in text else text
    doc = nlp.make_doc(body)
    doc._.published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    return list(recognizer(nlp(doc))._.mentions)


def test_gold_actors_are_all_recognised_in_their_articles(
    seed_articles: Path, seed_gold: Path
) -> None:
    nlp = load_model()
    recognizer = ActorRecognizer(nlp, "russia-ukraine")
    report = []
    found_total = wanted_total = 0
    for path in sorted(seed_gold.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        mentions = article_mentions(nlp, recognizer, gold, seed_articles)
        wanted = gold_actors(gold)
        found = {
            (name, party)
            for name, party in wanted
            if any(
                same_actor(name, m.actor) and (party is None or m.party == party) for m in mentions
            )
        }
        missing = sorted(f"{name} ({party})" for name, party in wanted - found)
        recall = len(found) / len(wanted) if wanted else 1.0
        report.append(f"{gold['article']}: {len(found)}/{len(wanted)} = {recall:.2f} {missing}")
        found_total += len(found)
        wanted_total += len(wanted)
        assert recall >= RECALL_FLOOR, "\n".join(report)
    print("\n".join(report), f"\noverall {found_total}/{wanted_total}")
    assert found_total / wanted_total >= RECALL_FLOOR
