"""The claim finder: which sentences become pairs (quoted and subject), how a pair becomes a
claim, its file, the labels it is trained on, and the choice of its threshold by
cross-validation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc

from redline.errors import PackError
from redline.model import Article, Claim, TextSpan
from redline.nlp.claim_finder import (
    FINDER_FILE,
    QUOTED,
    SUBJECT,
    ClaimFinder,
    finder_from_json,
    finder_text,
    load_finder,
)
from redline.nlp.claim_scorer import CLASSES, ClaimScorer
from redline.nlp.claim_training import AnnotatedArticle
from redline.nlp.claims import read_article
from redline.nlp.finder_training import pair_label, train_finder
from redline.nlp.pipeline import build_pipeline, make_doc

TEXT = """Lavrov on the talks

“Sanctions relief is the first thing on our list,” Foreign Minister Sergei Lavrov said on Tuesday.
“NATO membership for Ukraine is a dead issue,” analyst John Smith said.
Lavrov rejected a ceasefire, saying “a ceasefire now would only help Kyiv rearm.”
“A ceasefire is a trick,” he said.
The Kremlin has talked at length about sanctions relief in recent weeks.
Ukraine and Poland kept returning to the question of security guarantees, officials said.
“Security guarantees are the first thing on our list,” Zelensky said as he pressed the point.
"""

# Class order: propose, demand, accept, reject, threaten, none.
DEMAND = (0.0, 5.0, 0.0, 0.0, 0.0, 0.0)
UNSURE = (1.0, 1.0, 0.0, 0.0, 0.0, 1.5)


@pytest.fixture(scope="module")
def doc() -> Doc:
    nlp = build_pipeline(finder=False)
    return nlp(make_doc(nlp, Article(id="lavrov", text=TEXT, published=date(2025, 3, 13))))


def finder(add_at: float = 0.5, kinds: tuple[str, ...] = (QUOTED, SUBJECT),
           **rows: tuple[float, ...]) -> ClaimFinder:
    model = ClaimScorer(dict(rows), (0.0,) * len(CLASSES), 1.01, 1.01)
    return ClaimFinder(model, add_at, pair_kinds=kinds)


def test_a_quoted_sentence_naming_an_issue_the_rules_left_open_is_a_pair(doc: Doc) -> None:
    pairs = {(p.holder.actor, p.issue) for p, _ in doc._.finder_pairs if p.kind == QUOTED}
    assert ("Sergey Lavrov", "sanctions") in pairs
    # The rules read Lavrov's position on the ceasefire: no pair for it, in any sentence.
    assert ("Sergey Lavrov", "ceasefire") in {(c.actor, c.issue) for c in doc._.claims}
    assert not any(issue == "ceasefire" for _, issue in pairs)
    # A speaker the pack does not know (an analyst) makes no pair.
    assert not any(issue == "nato_membership" for _, issue in pairs)


def test_a_pair_is_read_by_its_words_party_issue_and_quote(doc: Doc) -> None:
    pair, features = next((p, f) for p, f in doc._.finder_pairs if p.issue == "sanctions")
    assert {"issue=sanctions", "party=russia", "pi=russia|sanctions"} <= set(features)
    assert "w=relief" in features and "qkind=direct" in features
    assert pair.segment.text.startswith("“Sanctions relief")


def test_a_subject_naming_an_issue_the_rules_left_open_is_a_pair(doc: Doc) -> None:
    subjects = {(p.holder.actor, p.issue): (p, f) for p, f in doc._.finder_pairs
                if p.kind == SUBJECT}
    # "The Kremlin has talked at length about sanctions relief": no cue word, a pair of the
    # state the Kremlin stands for, read through its verb.
    pair, features = subjects[("Russia", "sanctions")]
    assert pair.segment.text.startswith("The Kremlin has talked")
    assert {"kind=subject", "sverb=talk", "sdep=nsubj", "under=True"} <= set(features)
    assert "qkind=direct" not in features
    # Both conjuncts of a subject are pairs, the quote around them read.
    assert {("Ukraine", "security_guarantees"), ("Poland", "security_guarantees")} <= set(subjects)
    assert "squote=indirect" in subjects[("Poland", "security_guarantees")][1]
    # Lavrov's ceasefire is the rules' already: no pair of his on it, of either kind.
    assert ("Sergey Lavrov", "ceasefire") not in subjects


def test_a_subject_pair_gives_way_to_the_same_actors_quoted_pair(doc: Doc) -> None:
    # Zelensky is the speaker and the subject of "said" and of "he pressed": one pair.
    sentence = [(p.kind, p.holder.actor) for p, _ in doc._.finder_pairs
                if p.segment.text.startswith("“Security guarantees are")]
    assert sentence == [(QUOTED, "Volodymyr Zelensky")]


def test_a_finder_reads_only_the_kinds_of_pair_it_was_trained_on(doc: Doc) -> None:
    pairs = [(p, f) for p, f in doc._.finder_pairs if p.issue == "sanctions"]
    assert {p.kind for p, _ in pairs} == {QUOTED, SUBJECT}
    claims = build_pipeline(finder=False).get_pipe("redline_claims")
    index, hedges = read_article(doc, claims.pack, claims.ctx).index, claims.ctx.hedges
    both = finder(**{"issue=sanctions": DEMAND}).find(pairs, index, hedges, None)
    quoted = finder(kinds=(QUOTED,), **{"issue=sanctions": DEMAND}).find(pairs, index, hedges,
                                                                          None)
    assert {c.actor for c in both} == {"Sergey Lavrov", "Russia"}
    assert {c.actor for c in quoted} == {"Sergey Lavrov"}


def test_a_likely_pair_becomes_a_claim_of_the_speaker_with_the_sentence(doc: Doc) -> None:
    pairs = [(p, f) for p, f in doc._.finder_pairs if p.issue == "sanctions" and p.kind == QUOTED]
    claims = build_pipeline(finder=False).get_pipe("redline_claims")
    index, hedges = read_article(doc, claims.pack, claims.ctx).index, claims.ctx.hedges
    found = finder(**{"issue=sanctions": DEMAND}).find(pairs, index, hedges, date(2025, 3, 13))
    assert [(c.actor, c.issue, c.stance, c.status) for c in found] == [
        ("Sergey Lavrov", "sanctions", "demand", "stated")]
    assert found[0].evidence[0].text == pairs[0][0].segment.text
    assert found[0].statement_date == date(2025, 3, 11)  # "on Tuesday"
    assert found[0].confidence > 0.9
    # Below its threshold the finder adds nothing.
    assert finder(**{"issue=sanctions": UNSURE}).find(pairs, index, hedges, None) == []


def test_the_finder_file_round_trips_and_a_bad_one_names_itself(tmp_path: Path) -> None:
    original = finder(0.45, a=DEMAND)
    (tmp_path / FINDER_FILE).write_text(finder_text(original), encoding="utf-8")
    loaded = load_finder(tmp_path)
    assert loaded is not None and loaded.add_at == 0.45
    assert loaded.model.weights == original.model.weights
    assert load_finder(tmp_path / "nowhere") is None
    (tmp_path / FINDER_FILE).write_text(json.dumps({"format": 1}), encoding="utf-8")
    with pytest.raises(PackError, match=FINDER_FILE):
        load_finder(tmp_path)
    with pytest.raises(PackError, match="add_at"):
        finder_from_json({"format": 1, "add_at": "high"})


def test_a_finder_file_names_its_kinds_of_pair_and_older_files_read_quotes() -> None:
    data = finder(0.45, kinds=(QUOTED, SUBJECT), a=DEMAND).to_json()
    assert finder_from_json(data).pair_kinds == (QUOTED, SUBJECT)
    del data["pair_kinds"]
    assert finder_from_json(data).pair_kinds == (QUOTED,)
    with pytest.raises(PackError, match="pair_kinds"):
        finder_from_json({**data, "pair_kinds": ["rumour"]})


SENTENCE = TextSpan(0, 40, "“Sanctions relief comes first,” Lavrov said.")


def pair(actor: str = "Sergey Lavrov", issue: str = "sanctions") -> Claim:
    return Claim(actor, "russia", issue, "propose", "stated", (SENTENCE,))


def test_a_pair_is_labelled_by_gold_on_its_sentence_first() -> None:
    gold = [
        {"actor": "Sergey Lavrov", "issue": "sanctions", "stance": "reject",
         "evidence": "Lavrov earlier rejected any talk of new sanctions."},
        {"actor": "Sergei Lavrov", "issue": "sanctions", "stance": "demand",
         "evidence": "Sanctions relief comes first"},
    ]
    assert pair_label(pair(), gold) == "demand"
    assert pair_label(pair(), gold[:1]) == "reject"  # elsewhere in the article
    assert pair_label(pair(issue="ceasefire"), gold) == "none"
    assert pair_label(pair(actor="Dmitry Peskov"), gold) == "none"


def annotated(group: str, n: int, stance: str) -> list[AnnotatedArticle]:
    """Articles whose one pair carries a word that gold says is ``stance`` (or no claim)."""
    articles = []
    for i in range(n):
        word = f"w={stance}" if stance != "none" else "w=noise"
        gold = ([{"actor": "Sergey Lavrov", "issue": "sanctions", "stance": stance,
                  "evidence": SENTENCE.text}] if stance != "none" else [])
        articles.append(AnnotatedArticle(group, f"{group}{i}", gold, [],
                                         pairs=[(pair(), {word: 1.0})]))
    return articles


def test_training_learns_the_stance_of_a_word_and_a_threshold_by_cross_validation() -> None:
    articles = [*annotated("a", 6, "demand"), *annotated("a", 6, "none"),
                *annotated("b", 6, "demand"), *annotated("b", 6, "none")]
    training = train_finder(articles)
    cross = training.figures["cross_validated"]
    assert cross["rules"]["recall"] == 0.0
    assert cross["with_finder"]["precision"] == 1.0 and cross["with_finder"]["recall"] == 1.0
    decide = training.finder.stance_of
    assert decide({"w=demand": 1.0}).stance == "demand"
    assert decide({"w=noise": 1.0}).stance is None
    assert training.figures["labels"]["demand"] == 12


def test_training_needs_two_sets() -> None:
    with pytest.raises(ValueError, match="two annotated sets"):
        train_finder(annotated("a", 2, "demand"))
