"""Speaker runs: quotes with no cue of their own take the speaker of the run they belong to.

News copy keeps one speaker across "‘…,’ he said. ‘…’", across paragraphs that re-open a
quotation, and across a bare quote paragraph after someone spoke; "Trump added: ‘…’" also tells
who the "he" of the quote just before was.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from redline.nlp.quote_cues import Cue, token_before
from redline.nlp.quote_lexicon import SpeechLexicon
from redline.nlp.quote_marks import QuoteSpan
from redline.nlp.quote_speakers import Speaker, SpeakerResolver

# A bare quote paragraph continues the speaker of the last two paragraphs at most.
CONTINUATION_LOOKBACK = 2


@dataclass
class Found:
    """A quotation being attributed."""

    span: QuoteSpan
    cue: Cue | None = None
    speaker: Speaker | None = None
    how: str | None = None


def names_someone_unknown(cue: Cue | None, lexicon: SpeechLexicon) -> bool:
    """ "‘…,’ the deputy minister said" where no actor matches: the text names a speaker we
    cannot resolve, so no other speaker may be carried over to the quote. So does an "he" or
    "she" that found no one of that gender to stand for."""
    if cue is None or cue.how not in ("after", "before", "colon") or cue.subject is None:
        return False
    if cue.subject.pos_ == "PRON":
        return lexicon.pronouns.get(cue.subject.lower_, "") in ("male", "female")
    return cue.subject.pos_ in ("NOUN", "PROPN")


class SpeakerRuns:
    """Carries speakers over to the cue-less quotes of one Doc."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        lexicon: SpeechLexicon,
        speakers: SpeakerResolver,
        par_starts: list[int],
    ) -> None:
        self.doc = doc
        self.text = text
        self.lexicon = lexicon
        self.speakers = speakers
        self.par_starts = par_starts
        self.token_starts = [t.idx for t in doc]

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.par_starts, char) - 1)

    def carry_over(self, found: list[Found]) -> None:
        """Quotes with no cue of their own: "‘…,’ he said. ‘…’", a paragraph that re-opens
        the quote, or a bare quote paragraph after someone spoke."""
        outer = [f for f in found if f.span.depth == 0]
        for index, item in enumerate(outer):
            if item.speaker is not None or names_someone_unknown(item.cue, self.lexicon):
                continue
            span = item.span
            same_par = [f for f in outer if f.span.paragraph == span.paragraph and f is not item]
            earlier = [f for f in same_par if f.span.open < span.open and f.speaker is not None]
            later = [f for f in same_par if f.span.open > span.open and f.speaker is not None]
            par_start = self.par_starts[min(span.paragraph, len(self.par_starts) - 1)]
            starts_paragraph = not self.text[par_start : span.open].strip()
            if earlier:
                item.speaker, item.how = earlier[-1].speaker, "continuation"
            elif span.continues and index > 0 and outer[index - 1].speaker is not None:
                item.speaker, item.how = outer[index - 1].speaker, "continuation"
            elif starts_paragraph:
                events = self.speakers.recent(span.open, CONTINUATION_LOOKBACK)
                events = [e for e in events if e.paragraph < span.paragraph]
                if events:
                    item.speaker, item.how = events[0].speaker, "continuation"
                elif later:
                    item.speaker, item.how = later[0].speaker, "continuation"
            elif later:
                item.speaker, item.how = later[0].speaker, "continuation"
            elif (introduced := self._introduced_by(span)) is not None:
                item.speaker, item.how = introduced, "continuation"
            else:
                # A quote inside a sentence with no cue: the words of whoever spoke just before.
                events = self.speakers.recent(span.open, 1)
                if events:
                    item.speaker, item.how = events[0].speaker, "nearby"
            if item.speaker is not None:
                self.speakers.remember(span.open, item.speaker)
        # A paragraph left open takes the speaker named where the quotation ends.
        for index in range(len(outer) - 2, -1, -1):
            item, nxt = outer[index], outer[index + 1]
            open_end = item.span.close is None and nxt.span.continues and nxt.speaker is not None
            if open_end and (item.speaker is None or item.how in ("continuation", "nearby")):
                item.speaker, item.how = nxt.speaker, "continuation"

    def _introduced_by(self, span: QuoteSpan) -> Speaker | None:
        """ "Peskov was blunt. “We reject it.”": a quote opening a sentence after one whose
        subject is someone, in the same paragraph, is theirs."""
        previous = token_before(self.doc, span.open, self.token_starts)
        while previous is not None and previous.is_space:
            previous = token_before(self.doc, previous.idx, self.token_starts)
        if previous is None or previous.text not in (".", "!", "?"):
            return None
        if self.paragraph_of(previous.idx) != span.paragraph:
            return None
        subjects = [c for c in previous.sent.root.children if c.dep_ == "nsubj"]
        if not subjects or (subjects[0].pos_ == "PRON" and subjects[0].lower_ == "it"):
            return None
        speaker = self.speakers.resolve(subjects[0], subjects[0].idx)
        if speaker is None or speaker.kind == "media":
            return None
        return speaker

    def revise_distant_pronouns(self, found: list[Found]) -> None:
        """ "‘…,’ he said." with "he" resolved paragraphs back, then "Trump added: ‘…’" right
        after: "added" presupposes Trump was the one speaking, so "he" is Trump."""
        outer = [f for f in found if f.span.depth == 0]
        for index, item in enumerate(outer):
            cue, speaker = item.cue, item.speaker
            if cue is None or speaker is None or speaker.resolution != "pronoun":
                continue
            if cue.subject is None or cue.subject.pos_ != "PRON":
                continue
            earlier = [
                e.paragraph
                for e in self.speakers.history
                if e.paragraph < item.span.paragraph and e.speaker.actor == speaker.actor
            ]
            if earlier and item.span.paragraph - max(earlier) < 2:
                continue
            for nxt in outer[index + 1 :]:
                if nxt.span.paragraph > item.span.paragraph + 1:
                    break
                named = nxt.speaker
                verb = nxt.cue.verb if nxt.cue is not None else None
                if named is None or verb is None or nxt.how not in ("after", "before"):
                    continue
                if verb.lemma_.lower() not in self.lexicon.continuing_verbs:
                    break
                subject = nxt.cue.subject if nxt.cue is not None else None
                if subject is None or subject.head.i != verb.i:
                    break  # "Trump said …, adding": the participle presupposes nothing
                gender = self.lexicon.pronouns.get(cue.subject.lower_, "")
                if named.kind == "person" and named.gender in (None, gender):
                    self._reassign(outer, index, speaker, named)
                break

    @staticmethod
    def _reassign(outer: list[Found], index: int, old: Speaker, new: Speaker) -> None:
        """Give quote ``index`` and the quotes that continue it the new speaker."""
        revised = Speaker(new.actor, new.party, "pronoun", 0.6, new.kind, new.gender)
        outer[index].speaker = revised
        for item in outer[index + 1 :]:
            if item.how != "continuation" or item.speaker != old:
                break
            item.speaker = revised
