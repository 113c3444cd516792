"""Interview transcripts: runs of paragraphs opened by a short speaker label and a colon
("Q: ..." / "Lavrov: ..."). Finds the turns before the parser runs, so that a label never
joins the sentence it introduces, and gives each answer turn to its speaker once actors are
known. The text is left as it is: turns are character spans into it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from redline.model import Mention, Quote, TextSpan
from redline.nlp.actor_index import ActorIndex, index_for
from redline.nlp.actor_lexicon import load_lexicon
from redline.nlp.doc_cache import text_of
from redline.nlp.resource_files import read_mapping, string_list

RESOURCE = Path(__file__).parent / "resources" / "transcripts.yaml"
# A label: one to four words starting with a capital ("Q", "LAVROV", "Sergei Lavrov",
# "The Times"), then a colon and the words of the turn on the same line.
LABEL = re.compile(r"^[ \t]*(?P<label>[A-Z][\w.'’\-]*(?:[ \t][\w.'’\-]+){0,3})[ \t]*:[ \t]+(?=\S)",
                   re.MULTILINE)
# Pack surfaces a label may be: a name, not a title or a description.
LABEL_SURFACES = frozenset({"name", "alias", "surname", "metonym"})
SPEAKER_KINDS = frozenset({"person", "state", "institution", "group"})
TRANSCRIPT_RESOLUTION = "transcript"
MIN_TURNS = 2
# Unlabelled paragraphs (counted in line breaks) a turn may run on for before the next label.
MAX_GAP_LINES = 8


@dataclass(frozen=True)
class TranscriptLexicon:
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    interview_words: frozenset[str]


@lru_cache(maxsize=2)
def load_transcript_lexicon(path: Path = RESOURCE) -> TranscriptLexicon:
    data = read_mapping(path, "transcript lexicon")
    lists = {
        key: frozenset(v.casefold() for v in string_list(data, key, path))
        for key in ("question_labels", "answer_labels", "interview_words")
    }
    return TranscriptLexicon(lists["question_labels"], lists["answer_labels"],
                             lists["interview_words"])


@dataclass(frozen=True)
class Turn:
    """One turn of a transcript: its label and the words after it, as character spans."""

    label: TextSpan
    body: TextSpan
    role: str  # question | answer
    speaker: str = ""  # canonical actor of an answer; "" until known (an "A:" label)
    party: str = ""


@dataclass(frozen=True)
class LabelActor:
    name: str
    party: str
    kind: str


def label_names(index: ActorIndex) -> dict[str, LabelActor | None]:
    """Folded pack names a label may be ("lavrov", "sergei lavrov"); None where a name is
    shared by two actors."""
    names: dict[str, LabelActor | None] = {}
    for surface in index.surfaces:
        if surface.resolution not in LABEL_SURFACES:
            continue
        folded = " ".join(surface.phrase.split()).casefold()
        actor = LabelActor(surface.actor.name, surface.actor.party, surface.actor.kind)
        names[folded] = actor if names.get(folded, actor) == actor else None
    return names


def _named(label: str, names: dict[str, LabelActor | None]) -> LabelActor | None:
    """The pack actor a label names, past a title before the name ("PRESIDENT VOLODYMYR
    ZELENSKY", "Foreign Minister Lavrov", "Mr Sybiha")."""
    words = _fold(label).split()
    actor_words = load_lexicon()
    for k in range(len(words)):
        title = " ".join(words[:k])
        if k and not (actor_words.is_bare_title(title)
                      or all(w in actor_words.honorifics for w in words[:k])):
            continue
        named = names.get(" ".join(words[k:]))
        if named is not None:
            return named
    return None


def _role(label: str, doc: Doc, names: dict[str, LabelActor | None],
          lexicon: TranscriptLexicon) -> str | None:
    folded = _fold(label)
    source = doc._.source or ""
    if folded in lexicon.question_labels or (source and folded in _outlet_labels(source)):
        return "question"
    if folded in lexicon.answer_labels:
        return "answer"
    named = _named(label, names)
    if named is None:
        return None
    if named.kind == "media":
        return "question"
    return "answer" if named.kind in SPEAKER_KINDS else None


def _outlet_labels(source: str) -> set[str]:
    """Labels the outlet's interviewer may go by: its name, "the" name, and its initials
    ("BPW" for Baltic Policy Weekly)."""
    folded = _fold(source)
    labels = {folded, f"the {folded}"}
    initials = "".join(word[0] for word in source.split() if word[:1].isupper())
    if len(initials) >= 2:
        labels.add(initials.casefold())
    return labels


def _runs(text: str, labelled: list[tuple[re.Match[str], str | None]]
          ) -> list[list[tuple[re.Match[str], str | None]]]:
    """Labelled lines in runs: a run ends where more than a few unlabelled paragraphs
    follow a labelled one (the article has moved on)."""
    runs: list[list[tuple[re.Match[str], str | None]]] = []
    for match, role in labelled:
        if runs:
            gap = text[runs[-1][-1][0].end() : match.start()]
            if gap.count("\n") <= MAX_GAP_LINES:
                runs[-1].append((match, role))
                continue
        runs.append([(match, role)])
    return runs


def _interviewer(run: list[tuple[re.Match[str], str | None]]) -> str | None:
    """An unknown label that only ever hands over to an answer ("The Times:" before each of
    Lavrov's answers) is the interviewer: the outlet, named as the pack does not know it."""
    unknown = {_fold(m.group("label")) for m, role in run if role is None}
    if len(unknown) != 1 or not any(role == "answer" for _, role in run):
        return None
    for k, (_, role) in enumerate(run):
        if role is None and (k + 1 == len(run) or run[k + 1][1] != "answer"):
            return None
    return next(iter(unknown))


def _guest(run: list[tuple[re.Match[str], str | None]]) -> str | None:
    """The one unknown label of a run whose other labels are all the interviewer's
    ("BPW:" ... "Melnyk:"): the guest, a person the pack does not know, named in the
    introduction. Who it is is read from the actor mention on the label, once actors are
    known."""
    unknown = {_fold(m.group("label")) for m, role in run if role is None}
    roles = {role for _, role in run if role is not None}
    if len(unknown) != 1 or roles != {"question"}:
        return None
    return next(iter(unknown))


def _trimmed(run: list[tuple[re.Match[str], str | None]]
             ) -> list[tuple[re.Match[str], str | None]]:
    """The run without the unknown labels used once at either end ("Editor's note:" above
    the transcript, "Related:" below it): notes around the interview, not turns of it."""
    counts = Counter(_fold(m.group("label")) for m, _ in run)

    def stray(item: tuple[re.Match[str], str | None]) -> bool:
        return item[1] is None and counts[_fold(item[0].group("label"))] == 1

    start, end = 0, len(run)
    while start < end and stray(run[start]):
        start += 1
    while end > start and stray(run[end - 1]):
        end -= 1
    return run[start:end]


def _fold(label: str) -> str:
    return " ".join(label.split()).casefold()


def find_turns(doc: Doc, names: dict[str, LabelActor | None],
               lexicon: TranscriptLexicon) -> list[Turn]:
    """The turns of the transcript runs in the text. A run counts when it has two turns or
    more, every label has a role (interviewer, "A:", a pack actor, or one unknown label that
    always hands over to an answer: the outlet), one label is the interviewer's or an "A:",
    and one turn is an answer. A list of "Note:" / "Update:" lines or one "Trump: ..."
    headline is no transcript."""
    text = text_of(doc)
    labelled = [(m, _role(m.group("label"), doc, names, lexicon)) for m in LABEL.finditer(text)]
    turns: list[Turn] = []
    for candidate in map(_trimmed, _runs(text, labelled)):
        interviewer = _interviewer(candidate)
        guest = _guest(candidate) if interviewer is None else None
        run = [(m, role or ("answer" if _fold(m.group("label")) == guest else "question"))
               for m, role in candidate
               if role is not None or _fold(m.group("label")) in (interviewer, guest)]
        if len(run) != len(candidate) or len(run) < MIN_TURNS:
            continue
        labels = {_fold(m.group("label")) for m, _ in run}
        has_frame = any(role == "question" for _, role in run) or bool(
            labels & lexicon.answer_labels
        )
        if not has_frame or all(role == "question" for _, role in run):
            continue
        for k, (match, role) in enumerate(run):
            body_start = match.end()
            if k + 1 < len(run):
                # Paragraphs without a label continue the turn up to the next label.
                body_end = run[k + 1][0].start()
            else:
                line_end = text.find("\n", body_start)
                body_end = line_end if line_end >= 0 else len(text)
            body = text[body_start:body_end].rstrip()
            label = match.group("label")
            label_start = match.start("label")
            named = _named(label, names) if role == "answer" else None
            turns.append(Turn(
                TextSpan(label_start, label_start + len(label), label),
                TextSpan(body_start, body_start + len(body), body), role,
                named.name if named else "", named.party if named else "",
            ))
    return turns


class TranscriptFinder:
    """Sets ``doc._.turns`` and starts a sentence after every label; runs before the parser."""

    def __init__(self, pack: str) -> None:
        self.names = label_names(index_for(pack))
        self.lexicon = load_transcript_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        if ":" not in text_of(doc):
            doc._.turns = []
            return doc
        turns = find_turns(doc, self.names, self.lexicon)
        for turn in turns:
            span = doc.char_span(turn.body.start, turn.body.end, alignment_mode="expand")
            if span is not None and len(span):
                span[0].is_sent_start = True
        doc._.turns = turns
        return doc


@Language.factory(
    "redline_transcripts",
    default_config={"pack": "russia-ukraine"},
    assigns=["doc._.turns", "token.is_sent_start"],
)
def make_transcript_finder(nlp: Language, name: str, pack: str) -> TranscriptFinder:
    return TranscriptFinder(pack)


def interviewee(mentions: list[Mention], before: int) -> tuple[str, str] | None:
    """The person the introduction is about: the one most mentioned before the transcript,
    the first named on a tie."""
    people = [m for m in mentions if m.end <= before and m.kind == "person"
              and m.resolution not in ("unnamed",)]
    if not people:
        return None
    counts = Counter(m.actor for m in people)
    best = max(counts.values())
    first = next(m for m in people if counts[m.actor] == best)
    return first.actor, first.party


def _label_person(mentions: list[Mention], label: TextSpan) -> tuple[str, str] | None:
    """The person a guest's label names ("Melnyk:"), from the actor mention on it."""
    for m in mentions:
        if m.start >= label.start and m.end <= label.end and m.kind == "person":
            return m.actor, m.party
    return None


def _is_answer_label(label: str) -> bool:
    return _fold(label) in load_transcript_lexicon().answer_labels


def answer_turns(doc: Doc) -> list[Turn]:
    """The answer turns of the Doc, each with its speaker: "A:" is the interviewee, when the
    introduction presents an interview; an "A:" without one is nobody's speech."""
    turns: list[Turn] = list(doc._.turns or [])
    if not turns:
        return []
    mentions: list[Mention] = list(doc._.mentions or [])
    lead = text_of(doc)[: turns[0].label.start]
    words = set(re.findall(r"[a-z]+", lead.casefold()))
    interview = bool(words & load_transcript_lexicon().interview_words)
    guest = interviewee(mentions, turns[0].label.start) if interview else None
    found = []
    for turn in turns:
        if turn.role != "answer":
            continue
        named = _label_person(mentions, turn.label) if not turn.speaker else None
        if named is not None:
            turn = replace(turn, speaker=named[0], party=named[1])
        elif not turn.speaker and guest is not None and _is_answer_label(turn.label.text):
            turn = replace(turn, speaker=guest[0], party=guest[1])
        if turn.speaker:
            found.append(turn)
    return found


def with_transcript_speech(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """The quotes plus each answer turn as speech of its speaker (kind ``transcript``: not
    a quotation of the guide, which counts only quote-marked words). Reported speech inside
    an answer whose speaker we could not name ("I told them ...") is the speaker's."""
    answers = answer_turns(doc)
    if not answers:
        return quotes
    records: list[Quote] = []
    for quote in quotes:
        turn = next((t for t in answers if t.body.start <= quote.start < t.body.end), None)
        if turn is not None and not quote.speaker:
            quote = replace(quote, speaker=turn.speaker, party=turn.party,
                            resolution=TRANSCRIPT_RESOLUTION)
        records.append(quote)
    for turn in answers:
        records.append(Quote(
            text=turn.body.text, start=turn.body.start, end=turn.body.end,
            speaker=turn.speaker, party=turn.party, kind="transcript", cue=turn.label.text,
            cue_start=turn.label.start, cue_end=turn.label.end,
            resolution=TRANSCRIPT_RESOLUTION, confidence=0.8, sentence=turn.body,
        ))
    records.sort(key=lambda q: (q.start, q.kind))
    return records
