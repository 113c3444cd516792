"""The ``redline_quotes`` component: every direct quotation with its speaker, and indirect speech.

``extract_quotes(doc)`` pairs the quote marks (``quote_marks``), finds each quote's cue
(``quote_cues``), resolves the speaker (``quote_speakers``), carries speakers over to quotes
that continue a speaker's run (``quote_runs``), and reports reported speech ("Putin said that
…") as indirect (``quote_indirect``). ``Quote.resolution`` is the speaker mention's resolution, or
"continuation" (same speaker as the quote or speech just before) or "nearby" (a cue-less quote
given to whoever spoke last, low confidence).
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Token

from redline.model import Quote, TextSpan
from redline.nlp.doc_cache import text_of
from redline.nlp.quote_cues import (
    Cue,
    CueFinder,
    SourcePhrase,
    find_source_phrases,
    is_speech_verb,
    speaker_token,
)
from redline.nlp.quote_indirect import ReportedSpeech
from redline.nlp.quote_lexicon import SpeechLexicon, load_speech_lexicon
from redline.nlp.quote_marks import pair_quotes, paragraphs
from redline.nlp.quote_runs import Found, SpeakerRuns
from redline.nlp.quote_speakers import Speaker, SpeakerResolver
from redline.nlp.transcripts import with_transcript_speech
from redline.packs.loader import load_pack
from redline.packs.schema import Pack

# The guide counts direct quotations of at least five words; shorter ones are fragments.
MIN_QUOTE_WORDS = 5
_CONFIDENCE = {
    "after": 0.9,
    "before": 0.85,
    "dash": 0.8,
    "headline": 0.75,
    "according": 0.8,
    "governing": 0.7,
    "colon": 0.7,
    "continuation": 0.6,
    "nearby": 0.4,
}

__all__ = ["QuotesComponent", "extract_quotes", "make_quotes_component"]


def _same_verb(a: Cue | None, b: Cue | None) -> bool:
    return (
        a is not None
        and b is not None
        and a.verb is not None
        and b.verb is not None
        and (a.verb.i == b.verb.i)
    )


def _is_title(text: str) -> bool:
    """Title Case words ("Russia Rejects Donald Trump’s Peace Plan"): a headline or a name."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


class _Extractor:
    def __init__(self, doc: Doc, pack: Pack, lexicon: SpeechLexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.text = text_of(doc)
        self.pars = paragraphs(self.text)
        self.par_starts = [start for start, _ in self.pars] or [0]
        self.spans = pair_quotes(self.text, lexicon.elisions)
        self.cues = CueFinder(doc, self.spans, lexicon)
        self.speakers = SpeakerResolver(doc, pack, lexicon, self.paragraph_of)
        self.verb_speakers: dict[int, Speaker | None] = {}
        self.source_speakers: list[tuple[SourcePhrase, Speaker]] = []
        self._verbs: list[Token] | None = None

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.par_starts, char) - 1)

    def paragraph_span(self, char: int) -> tuple[int, int]:
        if not self.pars:
            return 0, len(self.text)
        return self.pars[self.paragraph_of(char)]

    # -- speech verbs outside quotes -------------------------------------------------------

    def _speech_verbs(self) -> list[Token]:
        if self._verbs is None:
            quoted = bytearray(len(self.text) + 1)
            for span in self.spans:
                if span.depth == 0:
                    quoted[span.start : span.end] = b"\x01" * (span.end - span.start)
            self._verbs = [
                t for t in self.doc if not quoted[t.idx] and is_speech_verb(t, self.lexicon)
            ]
        return self._verbs

    def _source_phrases(self) -> list[SourcePhrase]:
        quoted = [(s.start, s.end) for s in self.spans if s.depth == 0]
        return [
            p
            for p in find_source_phrases(self.doc, self.lexicon)
            if not any(a <= p.first.idx < b for a, b in quoted)
        ]

    def _verb_speaker(self, verb: Token) -> Speaker | None:
        if verb.i not in self.verb_speakers:
            subject = speaker_token(verb, self.lexicon)
            speaker = None
            if subject is not None and subject.lower_ == "it" and subject.head.i != verb.i:
                subject = None  # "it is important to note": no one speaks
            if subject is not None:
                speaker = self.speakers.resolve(subject, verb.idx, verb)
            self.verb_speakers[verb.i] = speaker
        return self.verb_speakers[verb.i]

    # -- direct quotes -----------------------------------------------------------------------

    def _attribute(self, found: Found, outer: Found | None) -> None:
        """The speaker from the first cue that names one; keeps the first cue otherwise."""
        cues = self.cues.candidates(found.span)
        found.cue = cues[0] if cues else None
        for cue in cues:
            if outer is not None and cue.subject is not None and cue.subject.pos_ == "PRON":
                speaker = self._inner_pronoun(cue.subject, outer)
            else:
                speaker = self._cue_speaker(cue, found.span.open)
            if speaker is not None:
                found.cue, found.speaker, found.how = cue, speaker, cue.how
                return

    def _inner_pronoun(self, pronoun: Token, outer: Found) -> Speaker | None:
        """In "‘I told them, “never”,’ Putin said" the inner "I" is Putin; in "‘He told me
        “no”,’ a diplomat said" the inner "he" is someone the text does not name here."""
        kind = self.lexicon.pronouns.get(pronoun.lower_, "")
        if kind == "self" or pronoun.lower_ == "we":
            return outer.speaker
        return None

    @staticmethod
    def _outer_of(item: Found, found: list[Found]) -> Found | None:
        if item.span.depth == 0:
            return None
        around = [
            f
            for f in found
            if f.span.depth == item.span.depth - 1 and f.span.start <= item.span.open < f.span.end
        ]
        return around[-1] if around else None

    def _cue_speaker(self, cue: Cue, pos: int) -> Speaker | None:
        if cue.subject is None:
            return None
        if cue.verb is None:
            return self.speakers.resolve(cue.subject, pos)
        if cue.how != "after" and speaker_token(cue.verb, self.lexicon) == cue.subject:
            return self._verb_speaker(cue.verb)
        # After the quote, a pronoun looks back from where the quote opens, not from the verb.
        speaker = self.speakers.resolve(cue.subject, pos, cue.verb)
        if speaker is not None:  # an unresolved subject leaves the verb to find its own
            self.verb_speakers.setdefault(cue.verb.i, speaker)
        return speaker

    def direct(self) -> list[Found]:
        found = [Found(span) for span in self.spans]
        events: list[tuple[int, int, object]] = [(f.span.open, 0, f) for f in found]
        events += [(v.idx, 1, v) for v in self._speech_verbs()]
        events += [(p.first.idx, 2, p) for p in self._source_phrases()]
        events.sort(key=lambda e: (e[0], e[1]))
        for _, _, item in events:
            if isinstance(item, Found):
                self._attribute(item, self._outer_of(item, found))
                if item.speaker is not None:
                    self.speakers.remember(item.span.open, item.speaker)
            elif isinstance(item, Token):
                speaker = self._verb_speaker(item)
                if speaker is not None:
                    self.speakers.remember(item.idx, speaker)
            elif isinstance(item, SourcePhrase):
                speaker = self.speakers.resolve(item.subject, item.first.idx)
                if speaker is not None:
                    self.speakers.remember(item.first.idx, speaker)
                    self.source_speakers.append((item, speaker))
        runs = SpeakerRuns(self.doc, self.text, self.lexicon, self.speakers, self.par_starts)
        runs.carry_over(found)
        runs.revise_distant_pronouns(found)
        return found

    # -- records -----------------------------------------------------------------------------

    def _sentence(self, start: int, end: int) -> TextSpan | None:
        first = self.doc.char_span(start, start + 1, alignment_mode="expand")
        tail = max(start, end - 1)
        last = self.doc.char_span(tail, tail + 1, alignment_mode="expand")
        if first is None or last is None or not len(first) or not len(last):
            return None
        s, e = first[0].sent.start_char, last[0].sent.end_char
        return TextSpan(s, e, self.text[s:e])

    def to_quote(self, item: Found, start: int, end: int, text: str) -> Quote:
        words = len(text.split())
        speaker = item.speaker
        kind = "direct" if words >= MIN_QUOTE_WORDS else "fragment"
        if speaker is None and _is_title(text):
            kind = "fragment"  # a quoted headline or title, not anyone's words
        # A carried-over speaker has no cue of this quote's own; an unresolved one keeps its cue.
        cue = item.cue if item.how not in ("continuation", "nearby") else None
        confidence = _CONFIDENCE.get(item.how or "", 0.5) if speaker else 0.2
        if speaker is not None:
            confidence = round(min(confidence, max(speaker.confidence, 0.3) + 0.2), 2)
        sentence_end = max(end, cue.end if cue else end)
        return Quote(
            text=text,
            start=start,
            end=end,
            speaker=speaker.actor if speaker else "",
            party=speaker.party if speaker else "",
            kind=kind,
            cue=cue.text if cue else None,
            cue_start=cue.start if cue else None,
            cue_end=cue.end if cue else None,
            resolution=self._resolution(item),
            confidence=confidence,
            sentence=self._sentence(min(start, cue.start if cue else start), sentence_end),
        )

    @staticmethod
    def _resolution(item: Found) -> str | None:
        """How the speaker was found: the mention's resolution ("surname", "pronoun"...), or
        "continuation" / "nearby" when carried over from a quote or speaker before."""
        if item.speaker is None:
            return None
        if item.how in ("continuation", "nearby"):
            return item.how
        return item.speaker.resolution

    def _merged(self, found: list[Found]) -> list[tuple[Found, int, int, str]]:
        """One sentence split by its cue is one quote: "‘We will not,’ he said, ‘give in.’"."""
        text = self.text
        out: list[tuple[Found, int, int, str]] = []
        for item in found:
            span = item.span
            if out:
                prev, start, _, words = out[-1]
                between = text[prev.span.after : span.open]
                if (
                    prev.span.depth == 0
                    and span.depth == 0
                    and prev.how == "after"
                    and (item.how == "continuation" or _same_verb(item.cue, prev.cue))
                    and prev.speaker == item.speaker
                    and prev.span.paragraph == span.paragraph
                    and between.rstrip().endswith(",")
                    and (words.endswith(",") or text[span.start : span.start + 1].islower())
                ):
                    out[-1] = (prev, start, span.end, words + " " + text[span.start : span.end])
                    continue
            out.append((item, span.start, span.end, text[span.start : span.end]))
        return out

    def quotes(self) -> list[Quote]:
        found = self.direct()
        records: list[Quote] = []
        seen: set[tuple[str, str]] = set()
        for item, start, end, text in self._merged(found):
            quote = self.to_quote(item, start, end, text)
            key = (quote.speaker, _fold(quote.text).rstrip(",.;:"))
            if quote.kind == "direct" and key in seen:
                continue  # the same words by the same speaker, repeated later in the article
            seen.add(key)
            records.append(quote)
        records.extend(self.indirect())
        records.sort(key=lambda q: (q.start, q.kind))
        return records

    # -- indirect speech -------------------------------------------------------------------

    def indirect(self) -> list[Quote]:
        """Reported speech: what speech verbs and "according to" phrases attribute."""
        quoted = [(s.start, s.end) for s in self.spans if s.depth == 0]
        reported = ReportedSpeech(
            self.doc, quoted, self._sentence, self.paragraph_span, self.lexicon.question_verbs
        )
        records: list[Quote] = []
        for verb in self._speech_verbs():
            speaker = self.verb_speakers.get(verb.i)
            if speaker is not None:
                records.extend(reported.from_verb(verb, speaker))
        for phrase, speaker in self.source_speakers:
            records.extend(reported.from_source_phrase(phrase, speaker))
        return records


def extract_quotes(
    doc: Doc, pack: Pack | str = "russia-ukraine", lexicon: SpeechLexicon | None = None
) -> list[Quote]:
    """Every quotation in ``doc`` (direct, fragment and indirect) with its speaker, in order.

    Reads ``doc._.mentions`` (set by ``redline_actors``) to name speakers; works without them,
    leaving named speakers to the parser's entities.
    """
    pack_data = load_pack(pack) if isinstance(pack, str) else pack
    return _Extractor(doc, pack_data, lexicon or load_speech_lexicon()).quotes()


class QuotesComponent:
    """Sets ``doc._.quotes``."""

    def __init__(self, pack: str) -> None:
        self.pack = load_pack(pack)
        self.lexicon = load_speech_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = with_transcript_speech(doc, extract_quotes(doc, self.pack, self.lexicon))
        return doc


@Language.factory(
    "redline_quotes",
    default_config={"pack": "russia-ukraine"},
    assigns=["doc._.quotes"],
    requires=["doc._.mentions"],
)
def make_quotes_component(nlp: Language, name: str, pack: str) -> QuotesComponent:
    return QuotesComponent(pack)
