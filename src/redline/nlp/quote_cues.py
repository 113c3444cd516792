"""Finds the cue that attributes a quotation: a speech verb after or before it, "according to",
a headline colon, a clause that frames it with a colon but no verb of saying ("Her answer was
short: ‘…’"), or the speech verb that governs it in the parse; and the speaker's noun phrase.

Surface patterns come first because news copy is formulaic around quotes and the parser often
attaches a quote to the wrong word; the dependency parse is the fallback for embedded quotes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from redline.nlp.doc_cache import text_of
from redline.nlp.quote_lexicon import SpeechLexicon
from redline.nlp.quote_marks import QUOTE_MARKS, QuoteSpan, paragraphs

SENTENCE_END = frozenset({".", "!", "?"})
DASHES = frozenset({"—", "–", "-", "--"})
# How far from the quote a cue may sit, in tokens: "…,’ Ukraine's ambassador to the United
# Nations, Sergiy Kyslytsya, told" puts eleven tokens before the verb.
MAX_AFTER_GAP = 14
MAX_REGION = 40
# Words a verb of manner may have after it before the colon: "hit back on X:".
MAX_MANNER_TRAIL = 4
# Words a sentence-initial subject set off by a comma may have: "Trump himself, asked …, said".
MAX_FRONTED = 4
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Participles and conjuncts that take their speaker from the verb they hang on:
# "…, saying", "rejected it and said".
_INHERITING_DEPS = frozenset({"advcl", "acl", "xcomp", "conj", "pcomp", "dep"})
_PREDICTIVE = frozenset({"will", "would", "could", "might", "may", "should", "shall", "'ll"})
_NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "predet", "punct"}
)


@dataclass(frozen=True)
class Cue:
    """What attributes a quote: the cue words and the noun phrase naming the speaker."""

    how: str  # after | before | according | governing | headline | dash | colon
    start: int  # character span of the cue words
    end: int
    text: str
    verb: Token | None
    subject: Token | None  # head token of the speaker's noun phrase


def token_at(doc: Doc, char: int, starts: list[int] | None = None) -> Token | None:
    """The first token that starts at or after character ``char``, if any."""
    starts = starts if starts is not None else [t.idx for t in doc]
    index = bisect.bisect_left(starts, char)
    return doc[index] if index < len(doc) else None


def token_before(doc: Doc, char: int, starts: list[int] | None = None) -> Token | None:
    """The last token that starts before character ``char``, if any."""
    starts = starts if starts is not None else [t.idx for t in doc]
    index = bisect.bisect_left(starts, char) - 1
    return doc[index] if index >= 0 else None


def mistagged_participle(token: Token, lexicon: SpeechLexicon) -> bool:
    """ "…, writing: ‘…’" where the parser took "writing" (or "saying", "adding") for a noun."""
    lower = token.lower_
    if token.pos_ != "NOUN" or not lower.endswith("ing") or token.i == 0:
        return False
    if token.doc[token.i - 1].text != "," or token.head.pos_ not in ("VERB", "AUX"):
        return False
    stem = lower[:-3]
    bases = {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    return bool(bases & lexicon.verbs)


def _regular_bases(word: str) -> set[str]:
    """Bases a regularly inflected verb form may have: "raged" -> rag, rage; "snapped" -> snap."""
    for suffix in ("ed", "ing", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            bases = {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                bases.add(stem[:-1])
            if stem.endswith("i"):
                bases.add(stem[:-1] + "y")  # "replied" -> reply
            return bases
    return set()


def is_speech_lemma(token: Token, lexicon: SpeechLexicon) -> bool:
    """Whether ``token`` is a form of a verb of saying; the small model's lemmatiser sometimes
    misses ("raged" -> "rag"), so regular inflections of the form are tried too."""
    if token.lemma_.lower() in lexicon.verbs:
        return True
    return token.tag_.startswith("VB") and bool(_regular_bases(token.lower_) & lexicon.verbs)


def is_speech_verb(token: Token, lexicon: SpeechLexicon) -> bool:
    if mistagged_participle(token, lexicon):
        return True
    if not is_speech_lemma(token, lexicon):
        return False
    if not (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")):
        return False
    # "Putin will insist on …": a prediction, not something said.
    if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _PREDICTIVE for c in token.children):
        return False
    # "is said to have taken place" reports hearsay, not a speaker.
    if any(c.dep_ == "auxpass" for c in token.children) and token.lemma_ != "quote":
        return not any(c.dep_ == "xcomp" for c in token.children)
    return True


def speaker_token(verb: Token, lexicon: SpeechLexicon, depth: int = 0) -> Token | None:
    """The head of the noun phrase that names who speaks through ``verb``."""
    children = list(verb.children)
    if mistagged_participle(verb, lexicon):
        return speaker_token(verb.head, lexicon, depth + 1) if depth < 3 else None
    if verb.lemma_ == "quote":  # "TASS quoted Lavrov as saying", "Lavrov was quoted as saying"
        for child in children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
    if any(c.dep_ == "auxpass" for c in children):
        # "the BBC was told by a senior official": the agent speaks, not the subject.
        for child in children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
        return None
    for child in children:
        if child.dep_ in _SUBJECT_DEPS:
            if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return child
    for child in children:
        # "officials briefed on the talks have warned": the parser takes the participle for
        # a clausal subject; its own subject is the speaker.
        if child.dep_ == "csubj":
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects[0]
    for child in children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.tag_ == "VBG" and verb.dep_ in _INHERITING_DEPS:
        # "He said Kyiv had proposed talks, adding: …": the participle goes with the
        # sentence's speaker, not with the nearest clause.
        top = _highest_speech_ancestor(verb, lexicon)
        if top is not None:
            subject = speaker_token(top, lexicon, depth + 1)
            if subject is not None:
                return subject
    if depth < 3 and verb.dep_ in _INHERITING_DEPS and verb.head is not verb:
        head = verb.head
        if head.pos_ in ("VERB", "AUX"):
            return speaker_token(head, lexicon, depth + 1)
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return head  # "a statement saying"
    return None


@dataclass(frozen=True)
class SourcePhrase:
    """ "according to X" in the narrative: who a statement comes from, without a verb."""

    first: Token
    last: Token
    subject: Token


def find_source_phrases(doc: Doc, lexicon: SpeechLexicon) -> list[SourcePhrase]:
    """Every "according to X" (and the other source phrases of the lexicon) with its X."""
    words = [t.lower_ for t in doc]
    found = []
    for phrase in lexicon.source_phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) != phrase:
                continue
            last = doc[i + n - 1]
            objects = [c for c in last.children if c.dep_ == "pobj"]
            if objects:
                found.append(SourcePhrase(doc[i], last, objects[0]))
    return sorted(found, key=lambda p: p.first.i)


def _fronted_subject(verb: Token) -> Token | None:
    """ "Trump himself, asked by reporters whether …, said:": when the parse gives the
    sentence's verb no subject, the capitalised words before the sentence's first comma."""
    sent = verb.sent
    if verb.dep_ != "ROOT":
        return None
    chunk: list[Token] = []
    for token in sent:
        if token.text == "," or token.i >= verb.i:
            break
        chunk.append(token)
    if not chunk or len(chunk) > MAX_FRONTED or chunk[-1].i + 1 >= verb.i:
        return None
    names = [t for t in chunk if t.text[:1].isupper() and t.pos_ not in ("PRON", "DET", "ADP")]
    return names[-1] if names else None


def _has_own_content(verb: Token) -> bool:
    """Whether a speech verb states its own content after it ("stressed that …", "called the
    account ‘false’"); the addressee of "told" is not content."""
    for child in verb.children:
        if child.i <= verb.i:
            continue
        if child.dep_ in ("ccomp", "xcomp", "oprd"):
            return True
        if child.dep_ == "dobj" and verb.lemma_ != "tell":
            return True
    return False


def _may_invert(verb: Token) -> bool:
    """ "‘…,’ said Vladimir Putin" puts the speaker after the verb; "‘…’, told reporters",
    "‘…’, adding that Zelensky understood" and "…, saying that …" do not: a participle, a verb
    with an object, or one followed by "that" keeps its parsed (or inherited) subject."""
    if verb.tag_ == "VBG" or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return following is None or following.lower_ != "that"


def _highest_speech_ancestor(verb: Token, lexicon: SpeechLexicon) -> Token | None:
    found: Token | None = None
    for ancestor in verb.ancestors:
        if is_speech_lemma(ancestor, lexicon) and ancestor.pos_ in ("VERB", "AUX"):
            found = ancestor
    return found


def noun_phrase(token: Token) -> Span:
    """The noun phrase headed by ``token``, without relative clauses or appositions."""
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    while start < token.i and (doc[start].is_punct or doc[start].text in QUOTE_MARKS):
        start += 1
    return doc[start : token.i + 1]


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


class CueFinder:
    """Finds cues for the quotations of one Doc."""

    def __init__(self, doc: Doc, quotes: list[QuoteSpan], lexicon: SpeechLexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.quotes = quotes
        self.text = text_of(doc)
        self.starts = [t.idx for t in doc]
        self.paragraphs = paragraphs(self.text)
        self.par_starts = [start for start, _ in self.paragraphs]
        self.opens = {q.open for q in quotes}
        self.closes = {q.close for q in quotes if q.close is not None}
        # Characters inside outer quotes: speech verbs there belong to the quoted speaker.
        self.quoted = [(q.start, q.end) for q in quotes if q.depth == 0]

    def _outside(self, quote: QuoteSpan) -> list[tuple[int, int]]:
        """Spans that a cue for ``quote`` must not come from."""
        if quote.depth == 0:
            return self.quoted
        return [(quote.start, quote.end)]

    def _bounds(self, quote: QuoteSpan) -> tuple[int, int]:
        """The characters a cue may come from: the paragraph, or the enclosing quotation."""
        if quote.depth == 0:
            if not self.paragraphs:
                return 0, len(self.text)
            first = max(0, bisect.bisect_right(self.par_starts, quote.open) - 1)
            # A quote joined over a line break ends in a later paragraph than it starts.
            last = max(first, bisect.bisect_right(self.par_starts, quote.after - 1) - 1)
            return self.paragraphs[first][0], self.paragraphs[last][1]
        outer = [
            q
            for q in self.quotes
            if q.depth == quote.depth - 1 and q.start <= quote.open and quote.after <= q.end + 1
        ]
        if outer:
            return outer[-1].start, outer[-1].end
        return quote.open, quote.after

    def after_region(self, quote: QuoteSpan) -> list[Token]:
        _, high = self._bounds(quote)
        first = token_at(self.doc, quote.after, self.starts) if quote.after < high else None
        tokens: list[Token] = []
        if first is None:
            return tokens
        for token in self.doc[first.i :]:
            if token.idx >= high or len(tokens) >= MAX_REGION or token.idx in self.opens:
                break
            if token.idx < quote.after:
                continue
            tokens.append(token)
            if token.text in SENTENCE_END:
                break
        return tokens

    def before_region(self, quote: QuoteSpan) -> list[Token]:
        low, _ = self._bounds(quote)
        last = token_before(self.doc, quote.open, self.starts) if quote.open > low else None
        tokens: list[Token] = []
        if last is None:
            return tokens
        for i in range(last.i, -1, -1):
            token = self.doc[i]
            if token.idx < low or len(tokens) >= MAX_REGION:
                break
            if token.idx >= quote.open:
                continue
            if token.text in SENTENCE_END or token.idx in self.closes:
                break
            tokens.append(token)
        tokens.reverse()
        return tokens

    def _verb_ok(self, token: Token, quote: QuoteSpan) -> bool:
        return is_speech_verb(token, self.lexicon) and not _inside(token, self._outside(quote))

    def candidates(self, quote: QuoteSpan) -> list[Cue]:
        """Cues for ``quote`` from the most to the least reliable pattern; the caller takes
        the first whose speaker resolves."""
        after = self.after_region(quote)
        before = self.before_region(quote)
        found = (
            self._after_cue(quote, after),
            self._dash_cue(after),
            self._before_cue(quote, before),
            self._according_cue(before + after),
            self._headline_cue(before),
            self._colon_cue(quote, before),
            self._governing_cue(quote),
        )
        return [cue for cue in found if cue is not None]

    def _cue(self, how: str, verb: Token, subject: Token | None) -> Cue:
        end = verb
        for child in verb.rights:  # "pointed out", "told TASS"
            if child.dep_ in ("prt", "dative") or (verb.lemma_ == "tell" and child.dep_ == "dobj"):
                end = child  # the addressee's head word: "told the FT", not its whole phrase
                break
        text = self.doc[verb.i : end.i + 1].text
        return Cue(how, verb.idx, end.idx + len(end.text), text, verb, subject)

    def _after_cue(self, quote: QuoteSpan, tokens: list[Token]) -> Cue | None:
        text = self.text
        inner_end = text[quote.close - 1] if quote.close else ""
        follow = text[quote.after : quote.after + 2].strip()[:1]
        if not (inner_end in ",.!?…—–-" or follow in (",", "—", "–")):
            return None  # a phrase quoted inside the narrative: leave it to the parse
        if inner_end in ".!?" and text[max(0, quote.open - 2) : quote.open].strip() == ":":
            return None  # "…, said: ‘No.’ Instead, he said …": the colon's clause introduced it
        for gap, token in enumerate(tokens):
            if gap > MAX_AFTER_GAP or token.text in SENTENCE_END:
                return None
            if not self._verb_ok(token, quote):
                continue
            between = [t for t in tokens[:gap] if not t.is_punct]
            if between and between[0].pos_ in ("CCONJ", "SCONJ"):
                # "‘…’, and said", "‘…’, though he complained": the narrative goes on
                return None
            if any(t.pos_ in ("VERB", "AUX") for t in between):
                return None
            if inner_end in ".!?" and _has_own_content(token):
                return None  # "‘….’ The diplomat stressed that …": a new sentence, own words
            subject = speaker_token(token, self.lexicon)
            if between:  # "‘…,’ Lavrov told TASS": the speaker sits between quote and verb
                if subject is None or subject.i >= token.i or subject.idx < quote.after:
                    subject = self._surface_subject(between, [])
            elif (subject is None or subject.i < token.i) and _may_invert(token):
                subject = self._surface_subject([], tokens[gap + 1 :])  # "‘…,’ said Putin"
            if subject is None:
                return None
            return self._cue("after", token, subject)
        return None

    def _surface_subject(self, left: list[Token], right: list[Token]) -> Token | None:
        """When the parse gives no subject: the noun before the verb, or (inverted: "said
        Russian President Vladimir Putin") the proper noun run after it."""
        nouns = [t for t in left if t.pos_ in ("PROPN", "NOUN", "PRON")]
        if nouns:
            return nouns[-1]
        run: Token | None = None
        for token in right:
            if token.pos_ in ("PROPN", "NOUN"):
                run = token
            elif run is not None or token.is_punct:
                break
        return run

    def _dash_cue(self, tokens: list[Token]) -> Cue | None:
        """A caption or pull quote signed with a dash or colon: "‘…’ — Vladimir Putin"."""
        if not tokens or (tokens[0].text not in DASHES and tokens[0].text != ":"):
            return None
        signature: list[Token] = []
        for token in tokens[1:]:
            if token.text in ("(", ",", "|"):
                break  # "— Volodymyr Zelensky (@ZelenskyyUa) March 3, 2025"
            signature.append(token)
        rest = [t for t in signature if not t.is_punct]
        if not rest or len(rest) > 6 or any(t.pos_ in ("VERB", "AUX") for t in rest):
            return None
        nouns = [t for t in rest if t.pos_ in ("PROPN", "NOUN")]
        if not nouns:
            return None
        first, last = tokens[0], rest[-1]
        return Cue("dash", first.idx, last.idx + len(last.text), first.text, None, nouns[-1])

    def _before_cue(self, quote: QuoteSpan, tokens: list[Token]) -> Cue | None:
        for token in reversed(tokens):
            if self._verb_ok(token, quote):
                subject = speaker_token(token, self.lexicon)
                if subject is None:
                    subject = _fronted_subject(token)
                if subject is None:
                    left = [t for t in tokens if t.i < token.i]
                    subject = self._surface_subject(left, [])
                if subject is None:
                    continue
                return self._cue("before", token, subject)
        return None

    def _according_cue(self, tokens: list[Token]) -> Cue | None:
        words = [t.lower_ for t in tokens]
        for phrase in self.lexicon.source_phrases:
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) != phrase:
                    continue
                last = tokens[i + n - 1]
                objects = [c for c in last.children if c.dep_ == "pobj"]
                subject = objects[0] if objects else self._next_noun(tokens[i + n :])
                if subject is None:
                    continue
                end = last.idx + len(last.text)
                return Cue("according", tokens[i].idx, end, " ".join(phrase), None, subject)
        return None

    @staticmethod
    def _next_noun(tokens: list[Token]) -> Token | None:
        head: Token | None = None
        for token in tokens:
            if token.pos_ in ("PROPN", "NOUN"):
                head = token
            elif head is not None:
                break
        return head

    def _headline_cue(self, tokens: list[Token]) -> Cue | None:
        """A headline or caption naming the speaker with a colon: "Putin: ‘…’"."""
        if len(tokens) < 2 or tokens[-1].text != ":":
            return None
        label = tokens[:-1]
        for k, token in enumerate(label[:-1]):
            if token.text == "," and label[k + 1].lower_ in ("on", "about"):
                label = label[:k]  # "Xi, on Ukraine: ‘…’": the topic is not the speaker
                break
        words = [t for t in label if not t.is_punct]
        if not words or len(words) > 5 or any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        if words[-1].pos_ not in ("PROPN", "NOUN"):
            return None
        colon = tokens[-1]
        speaker = self._frame_speaker(words[-1])  # "Her reply: ‘…’" is hers
        if speaker is None:
            return None
        return Cue("headline", colon.idx, colon.idx + 1, ":", None, speaker)

    def _colon_cue(self, quote: QuoteSpan, tokens: list[Token]) -> Cue | None:
        """A clause without a verb of saying that introduces the quote with a colon: "France's
        president was blunter: ‘…’", "His answer was short: ‘…’", "He went further: ‘…’"."""
        words = [t for t in tokens if not t.is_space]
        if len(words) < 3 or words[-1].text != ":":
            return None
        colon = words[-1]
        clause = words[:-1]
        if any(
            self._verb_ok(t, quote) and speaker_token(t, self.lexicon) is not None for t in clause
        ):
            return None  # a verb of saying before the colon is the before-cue's business
        for verb in reversed(clause):
            # "he might tell Putin: ‘…’": a predicted speech act still frames the words.
            if is_speech_lemma(verb, self.lexicon) and verb.pos_ == "VERB":
                subject = speaker_token(verb, self.lexicon)
                if subject is not None and subject.i >= clause[0].i:
                    return self._cue("colon", verb, subject)
        frames = [
            t
            for t in clause
            if t.lemma_.lower() in self.lexicon.colon_frame_verbs and t.pos_ in ("VERB", "AUX")
        ]
        for verb in reversed(frames):
            # "Peskov was curt": the parser may hang the subject on the adjective, not "was".
            owner = verb.head if verb.dep_ in ("aux", "auxpass", "cop") else verb
            subjects = [c for c in owner.children if c.dep_ in _SUBJECT_DEPS]
            if not subjects or subjects[0].i < clause[0].i:
                continue
            subject = self._frame_speaker(subjects[0])
            if subject is None:
                return None
            start = noun_phrase(subjects[0])[0]
            text = self.text[start.idx : colon.idx + 1]
            return Cue("colon", start.idx, colon.idx + 1, text, None, subject)
        return self._manner_colon_cue(clause, colon)

    def _manner_colon_cue(self, clause: list[Token], colon: Token) -> Cue | None:
        """A verb of manner right before the colon: "Medvedev sneered: ‘…’", "Trump hit
        back: ‘…’". The verb ends its clause (only particles, adverbs or a short prepositional
        phrase follow it, no object), so what the colon opens is what the subject said."""
        verbs = [t for t in clause if t.pos_ == "VERB"]
        if not verbs:
            return None
        verb = verbs[-1]
        trailing = [t for t in clause if t.i > verb.i]
        if len(trailing) > MAX_MANNER_TRAIL or any(
            t.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for t in trailing
        ):
            return None
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.pos_ != "PRON"]
        subjects = subjects or [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].i < clause[0].i:
            return None
        return self._cue("colon", verb, subjects[0])

    def _frame_speaker(self, subject: Token) -> Token | None:
        """The speaker in a colon frame's subject: "his answer" -> his, "the message from Kyiv"
        -> Kyiv, "the minister" -> the minister."""
        if subject.lemma_.lower() not in self.lexicon.statement_nouns:
            return subject
        for child in subject.children:
            if child.dep_ == "poss":
                return child
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return None

    def _governing_cue(self, quote: QuoteSpan) -> Cue | None:
        """The speech verb that the quoted words depend on: "he warned the move left the world
        ‘on the brink’"."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        low, high = self._bounds(quote)
        roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end]
        for root in roots:
            node = root.head
            for _ in range(8):
                if not (low <= node.idx < high) or node.sent != root.sent:
                    break
                if self._verb_ok(node, quote):
                    subject = speaker_token(node, self.lexicon)
                    if subject is not None:
                        return self._cue("governing", node, subject)
                if node.head is node:
                    break
                node = node.head
        return None
