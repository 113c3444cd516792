"""Interview transcripts ("Q: ... / Lavrov: ..."): answer turns are speech of their speaker,
whose positions are claims held by that speaker; question turns hold nothing for the
interviewer; label lines that are no transcript ("Note:", a "Trump: ..." headline) are left
alone. Transcripts of our own, run through the whole pipeline with the real pack."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from redline.model import Article
from redline.nlp.extraction import build_extraction, to_gold_dict
from redline.nlp.pipeline import build_pipeline, make_doc


@lru_cache(maxsize=2)
def _nlp(pack: str) -> Language:
    return build_pipeline(pack, scorer=False, finder=False)


def run(text: str, pack: str = "russia-ukraine", source: str | None = None) -> Doc:
    article = Article(id="t", text=text, published=date(2025, 10, 20), source=source)
    nlp = _nlp(pack)
    return nlp(make_doc(nlp, article))


def claims_of(doc: Doc) -> set[tuple[str, str, str, str]]:
    return {(c.actor, c.issue, c.stance, c.status) for c in doc._.claims}


NAMED_LABELS = (
    "Sergei Lavrov, the Russian foreign minister, spoke to The Times in Moscow about the "
    "sanctions and the talks. Lavrov has led Russia's diplomacy for two decades.\n\n"
    "Q: Does the new sanctions package change Moscow's calculation?\n"
    "Lavrov: No. We reject any freeze of the conflict along the current line.\n\n"
    "Supplying Tomahawk missiles to Kyiv would be a serious escalation.\n\n"
    "Q: Scott Bessent said Washington would tighten sanctions on Russia. Will you respond?\n"
    "Lavrov: We have proposed restoring direct flights between our countries.\n"
)


def test_answers_of_a_named_speaker_are_his_positions() -> None:
    doc = run(NAMED_LABELS, source="The Times")
    found = claims_of(doc)
    assert ("Sergey Lavrov", "frontline_freeze", "reject", "stated") in found
    assert ("Sergey Lavrov", "relations", "propose", "stated") in found
    # A paragraph without a label continues the answer before it.
    assert ("Sergey Lavrov", "military_aid", "threaten", "stated") in found


def test_a_position_reported_inside_a_question_keeps_its_own_holder() -> None:
    doc = run(NAMED_LABELS, source="The Times")
    holders = {c.actor for c in doc._.claims if c.issue == "sanctions"}
    assert holders and "Sergey Lavrov" not in holders
    assert holders <= {"Scott Bessent", "United States"}


def test_labels_stay_out_of_sentences_and_answers_out_of_gold_quotes() -> None:
    doc = run(NAMED_LABELS, source="The Times")
    evidence = [e.text for c in doc._.claims for e in c.evidence]
    assert evidence and not any(e.startswith(("Lavrov:", "Q:")) for e in evidence)
    for claim in doc._.claims:
        for span in claim.evidence:
            assert doc.text[span.start : span.end] == span.text  # offsets index the text
    answers = [q for q in doc._.quotes if q.kind == "transcript"]
    assert [q.speaker for q in answers] == ["Sergey Lavrov", "Sergey Lavrov"]
    assert answers[0].text.startswith("No. We reject")
    assert answers[0].text.endswith("serious escalation.")
    assert doc.text[answers[0].start : answers[0].end] == answers[0].text
    gold = to_gold_dict(build_extraction(Article(id="t", text=doc.text), doc), "t.txt")
    assert not any("freeze of the conflict" in q["text"] for q in gold["quotes"])


def test_a_answers_belong_to_the_guest_of_the_introduction() -> None:
    doc = run(
        "Volodymyr Zelensky, the Ukrainian president, spoke to reporters in Kyiv. Zelensky "
        "said the next weeks would be decisive.\n\n"
        "INTERVIEWER: Will you accept Russia's terms?\n"
        "A: I will never recognise Crimea as Russian.\n"
        "INTERVIEWER: What about NATO?\n"
        "A: We insist on security guarantees.\n"
    )
    found = claims_of(doc)
    assert ("Volodymyr Zelensky", "territory_crimea", "reject", "stated") in found
    assert ("Volodymyr Zelensky", "security_guarantees", "demand", "stated") in found


def test_upper_case_full_names_and_the_outlet_as_interviewer() -> None:
    doc = run(
        "The Russian foreign minister sat down with us in Moscow.\n\n"
        "THE TIMES: What is your message to Washington?\n"
        "SERGEI LAVROV: We reject any freeze of the conflict.\n"
        "THE TIMES: And Europe?\n"
        "SERGEI LAVROV: European peacekeepers in Ukraine are unacceptable to us.\n",
        source="Example Post",
    )
    assert [t.role for t in doc._.turns] == ["question", "answer", "question", "answer"]
    found = claims_of(doc)
    assert ("Sergey Lavrov", "frontline_freeze", "reject", "stated") in found
    assert ("Sergey Lavrov", "peacekeepers", "reject", "stated") in found


def test_the_outlet_by_its_initials_and_a_guest_the_pack_does_not_know() -> None:
    # "NLR:" is the Northern Ledger Review; "Halvorsen:" a member of parliament named in the
    # introduction, whom no pack lists.
    doc = run(
        "We spoke to Ingrid Halvorsen, a Ukrainian member of parliament, about the talks. "
        "Halvorsen chairs the committee on foreign affairs.\n\n"
        "NLR: Will Kyiv accept a freeze?\n\n"
        "Halvorsen: We will never accept limits on our armed forces.\n\n"
        "NLR: And the elections the Kremlin asks for?\n\n"
        "Halvorsen: I am against holding elections during the war.\n",
        source="Northern Ledger Review",
    )
    assert [t.role for t in doc._.turns] == ["question", "answer", "question", "answer"]
    answers = [q for q in doc._.quotes if q.kind == "transcript"]
    assert {q.speaker for q in answers} == {"Ingrid Halvorsen"}
    found = {(c.actor, c.issue, c.stance) for c in doc._.claims}
    assert ("Ingrid Halvorsen", "army_limits", "reject") in found


def test_a_title_before_the_name_and_notes_around_the_transcript() -> None:
    doc = run(
        "Editor's note: This is a transcript of an interview recorded by phone on Tuesday.\n\n"
        "PRESIDENT VOLODYMYR ZELENSKY: We will never accept a freeze of the conflict.\n\n"
        "CARROWAY: And territory?\n\n"
        "ZELENSKY: We cannot recognise any of our occupied territories as Russian.\n\n"
        "Related: More interviews from the show.\n",
        source="Example Radio",
    )
    assert [t.role for t in doc._.turns] == ["answer", "question", "answer"]
    assert {t.speaker for t in doc._.turns if t.role == "answer"} == {"Volodymyr Zelensky"}
    found = {(c.actor, c.issue, c.stance) for c in doc._.claims}
    assert ("Volodymyr Zelensky", "territory_regions", "reject") in found


def test_two_unknown_labels_are_no_transcript() -> None:
    doc = run(
        "Notes from the hearing.\n\n"
        "Background: The committee met on Monday.\n\n"
        "Outcome: Ukraine rejected any freeze of the conflict.\n",
        source="Northern Ledger Review",
    )
    assert doc._.turns == []


def test_a_transcript_in_another_pack() -> None:
    doc = run(
        "Benjamin Netanyahu, Israel's prime minister, gave an interview in Jerusalem on the "
        "hostages and the ceasefire.\n\n"
        "Q: Will Israel accept the ceasefire?\n"
        "Netanyahu: We accept the ceasefire.\n"
        "Q: And the hostages?\n"
        "Netanyahu: We demand the release of all the hostages.\n",
        pack="gaza-ceasefire",
    )
    found = claims_of(doc)
    assert ("Benjamin Netanyahu", "ceasefire", "accept", "stated") in found
    assert ("Benjamin Netanyahu", "hostages", "demand", "stated") in found
    assert {c.actor for c in doc._.claims} == {"Benjamin Netanyahu"}


def test_notes_updates_and_a_headline_are_no_transcript() -> None:
    doc = run(
        "Trump: I will end the war in one day\n\n"
        "Note: Putin rejected the ceasefire proposal, the Kremlin said.\n"
        "Update: Ukraine accepted the ceasefire proposal on Tuesday.\n"
    )
    assert doc._.turns == []
    assert not [q for q in doc._.quotes if q.kind == "transcript"]
    assert ("Ukraine", "ceasefire", "accept", "stated") in claims_of(doc)


def test_an_explainer_q_and_a_gives_its_answers_to_nobody() -> None:
    doc = run(
        "Donald Trump has put forward a new plan for Ukraine. Trump wants a deal by Christmas."
        "\n\nQ: What does the plan say about Crimea?\n"
        "A: Ukraine would recognise Crimea as Russian.\n"
        "Q: And NATO?\n"
        "A: Ukraine would renounce NATO membership.\n"
    )
    assert len(doc._.turns) == 4
    assert not [q for q in doc._.quotes if q.kind == "transcript"]
    assert "Donald Trump" not in {c.actor for c in doc._.claims if c.issue == "territory_crimea"}
