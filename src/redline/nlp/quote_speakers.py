"""Resolves the noun phrase that names a speaker to a canonical actor and party.

Named speakers come from the actors component (``doc._.mentions`` and its
``resolve_speaker_span``); unnamed sources ("a senior Russian source") get the party their words
imply; pronouns take the most recent compatible speaker (news copy keeps one speaker per run of
quotes); documents ("the paper concluded") take the author named where the document was first
mentioned.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from redline.model import UNNAMED_SOURCE, Mention
from redline.nlp.actor_lexicon import load_lexicon
from redline.nlp.quote_cues import noun_phrase
from redline.nlp.quote_lexicon import SpeechLexicon
from redline.packs.schema import Pack

OTHER_PARTY = "other"
# Unnamed sources that stay unnamed even with "the": "the source said", "the officials added".
_ALWAYS_UNNAMED = frozenset({"source", "insider", "official", "diplomat"})
# Kinds a plural or neuter pronoun can stand for.
_COLLECTIVE_KINDS = frozenset({"unnamed", "state", "institution", "group", "document", "media"})
# How far back (in paragraphs) a pronoun or a bare quote paragraph may look for its speaker.
PRONOUN_LOOKBACK = 4
DOCUMENT_LOOKBACK = 12
# Sentences back a pronoun speaker looks for a person as main-clause subject.
PREVIOUS_SUBJECT_SENTENCES = 2
MENTION_WINDOW = 8
# Entity labels that never name a speaker, whatever the parse says.
_PLACE_LIKE_ENTITIES = frozenset(
    {"GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
)
# Mentions that name their actor outright, as opposed to "Russian" or "the Russian leader".
_NAMING_RESOLUTIONS = frozenset({"name", "surname", "alias", "epithet", "ner"})
_AFFILIATION_DEPS = frozenset({"poss", "compound", "prep", "pobj", "amod", "nmod", "appos"})


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker."""

    actor: str
    party: str
    resolution: str
    confidence: float
    # person | state | institution | media | group | unnamed | document | unknown
    kind: str = "person"
    gender: str | None = None
    head: str | None = None  # lemma of an unnamed speaker's noun ("official")


@dataclass(frozen=True)
class SpeechEvent:
    """Someone speaking at a point of the text: a quote or a speech verb, with its speaker."""

    pos: int
    paragraph: int
    speaker: Speaker


def _speaker_resolver() -> Callable[[Doc, Span], Mention | None] | None:
    """The actors component's resolver for descriptions, pronouns and appositives, if present."""
    try:
        from redline.nlp import actors
    except ImportError:  # the actors component is not installed in this build
        return None
    resolver = getattr(actors, "resolve_speaker_span", None)
    return resolver if callable(resolver) else None


@dataclass
class SpeakerResolver:
    """Resolves speaker noun phrases of one Doc, remembering who spoke where."""

    doc: Doc
    pack: Pack
    lexicon: SpeechLexicon
    paragraph_of: Callable[[int], int]
    history: list[SpeechEvent] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    external: Callable[[Doc, Span], Mention | None] | None = None

    def __post_init__(self) -> None:
        self.mentions = sorted(self.doc._.mentions or [], key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._token_starts = [t.idx for t in self.doc]
        self.external = _speaker_resolver()
        self._adjectives: dict[str, str] = {}
        for party in self.pack.parties:
            for adjective in party.adjectives:
                self._adjectives[adjective.casefold()] = party.id

    # -- lookups -------------------------------------------------------------------------

    def mention_over(self, token: Token) -> Mention | None:
        """The longest mention covering ``token``."""
        end = token.idx + len(token.text)
        best: Mention | None = None
        # Mentions are short: the ones covering a token start at most a few mentions back.
        index = bisect.bisect_right(self._starts, token.idx)
        for mention in self.mentions[max(0, index - MENTION_WINDOW) : index]:
            longer = best is None or mention.end - mention.start > best.end - best.start
            if mention.end >= end and longer:
                best = mention
        return best

    def _named_in_phrase(self, head: Token) -> Mention | None:
        """The actor the phrase names: the mention over its head, else a person named in it
        ("John Healey MP") or in apposition ("Putin's ambassador, Andrey Kelin")."""
        on_head = self.mention_over(head)
        if on_head is not None and on_head.resolution in _NAMING_RESOLUTIONS:
            return on_head
        # Compounds and appositions only: in "Putin's ambassador" Putin is not the speaker;
        # a name beside the head beats a description over it ("the leader's chief of staff,
        # Andriy Yermak").
        for token in (c for c in head.children if c.dep_ in ("compound", "appos")):
            mention = self.mention_over(token)
            if mention is not None and mention.kind == "person" and mention.resolution != "pronoun":
                return mention
        if on_head is not None and on_head.resolution != "pronoun":
            return on_head
        return self._trailing_name(head)

    def _trailing_name(self, head: Token) -> Mention | None:
        """ "Official spokeswoman of the Russian Foreign Ministry Maria Zakharova": a title
        phrase run straight into a name, which the parser hangs under the institution. Only
        when the institution's words are compounds of the name, so "an aide to Putin" stays
        unnamed."""
        last = head.right_edge
        if last.i <= head.i or last.pos_ != "PROPN":
            return None
        mention = self.mention_over(last)
        if mention is None or mention.kind != "person" or mention.resolution not in ("name",):
            return None
        for child in last.children:
            if child.dep_ != "compound" or child.idx >= mention.start:
                continue
            before = self.mention_over(child)
            if before is not None and before.kind in ("state", "institution"):
                return mention
        return None

    def _from_mention(self, mention: Mention, resolution: str | None = None) -> Speaker:
        actor = self.pack.actor(mention.actor)
        gender = actor.gender if actor else None
        return Speaker(
            mention.actor,
            mention.party or OTHER_PARTY,
            resolution or mention.resolution,
            mention.confidence,
            mention.kind,
            gender,
        )

    def remember(self, pos: int, speaker: Speaker) -> None:
        self.history.append(SpeechEvent(pos, self.paragraph_of(pos), speaker))

    def recent(self, pos: int, lookback: int = PRONOUN_LOOKBACK) -> list[SpeechEvent]:
        """Speech events before ``pos`` within ``lookback`` paragraphs, most recent first."""
        paragraph = self.paragraph_of(pos)
        events = [e for e in self.history if e.pos < pos and paragraph - e.paragraph <= lookback]
        return sorted(events, key=lambda e: e.pos, reverse=True)

    # -- resolution ----------------------------------------------------------------------

    def resolve(self, head: Token, pos: int, verb: Token | None = None) -> Speaker | None:
        """The speaker named by the noun phrase headed by ``head``."""
        lower = head.lower_
        if head.pos_ == "PRON" and lower in self.lexicon.pronouns:
            return self.resolve_pronoun(head, pos, verb)
        mention = self._named_in_phrase(head)
        if mention is not None and mention.resolution == "ner" and _bare_title(mention.actor):
            mention = None  # "the PM" taken for a person's name by the parser
        if mention is not None and mention.resolution in _NAMING_RESOLUTIONS:
            return self._from_mention(mention)
        if mention is not None and mention.resolution == "title" and mention.kind == "person":
            return self._from_mention(mention)  # "the top Russian diplomat": a title held
        if (
            mention is not None
            and mention.resolution == "description"
            and mention.kind == "person"
            and self._recent_unnamed(head.lemma_.lower(), pos) is None
        ):
            # "Spokeswoman X said … the diplomat added": the actors placed the description.
            return self._from_mention(mention)
        # "A senior Russian source" is unnamed even though "Russian" names a party.
        unnamed = self.resolve_unnamed(head, pos)
        if unnamed is not None:
            return unnamed
        owner = self._possessor_mention(head)
        if owner is not None and (mention is None or mention.party != owner.party):
            # "Starmer's spokesperson" speaks for Starmer's side, not for another spokesman.
            return Speaker(UNNAMED_SOURCE, owner.party, "unnamed", 0.6, "unnamed")
        if mention is not None:
            return self._from_mention(mention)
        if head.lemma_.lower() in self.lexicon.document_heads:
            document = self.resolve_document(head, pos)
            if document is not None:
                return document
        external = self._external(noun_phrase(head))
        if owner is not None and (external is None or external.party != owner.party):
            return Speaker(UNNAMED_SOURCE, owner.party, "unnamed", 0.6, "unnamed")
        if external is not None:
            return external
        affiliated = self._affiliation(head)
        if affiliated is not None:
            return affiliated
        return self._named_entity(head)

    def _external(self, span: Span) -> Speaker | None:
        if self.external is None:
            return None
        try:
            mention = self.external(self.doc, span)
        except Exception:  # the resolver of another component must not stop quotes
            return None
        return self._from_mention(mention) if mention is not None else None

    def _possessor_mention(self, head: Token) -> Mention | None:
        if head.lemma_.lower() not in self.lexicon.unnamed_heads:
            return None
        for child in head.children:
            if child.dep_ == "poss":
                mention = self.mention_over(child)
                if mention is not None and mention.resolution in _NAMING_RESOLUTIONS | {"metonym"}:
                    return mention
        return None

    def _affiliation_tokens(self, head: Token) -> list[Token]:
        """Tokens of the phrase that say whose the speaker is: "Ukraine's foreign ministry",
        "the ministry in Kyiv"; not "a source close to Putin"."""
        found: list[Token] = []
        stack = [c for c in head.children if c.dep_ in _AFFILIATION_DEPS]
        while stack:
            token = stack.pop()
            if token.lower_ in self.lexicon.non_affiliation_preps or token.dep_ in ("relcl", "acl"):
                continue
            found.append(token)
            stack.extend(c for c in token.children if c.dep_ in _AFFILIATION_DEPS)
        return found

    def _affiliation(self, head: Token) -> Speaker | None:
        for token in sorted(self._affiliation_tokens(head), key=lambda t: t.i):
            mention = self.mention_over(token)
            if mention is not None and mention.kind in ("state", "institution"):
                return self._from_mention(mention, "metonym")
        return None

    def _named_entity(self, head: Token) -> Speaker | None:
        """A speaker the pack does not know: the parser's person or organisation entity, or
        a run of proper nouns ("Tatiana Stanovaya"); a lone surname takes the full name
        used earlier in the article."""
        for ent in self.doc.ents:
            if ent.start <= head.i < ent.end and ent.label_ in ("PERSON", "ORG"):
                name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                name = re.sub(r"^\W+", "", name)  # "• Austin": a bullet is no part of it
                name = re.sub(r"\s*['’]s?$", "", name)  # "the Foreign Ministry's reaction"
                # The small model often labels a person's two-word name as an organisation.
                looks_personal = len(name.split()) == 2 and name.istitle()
                if _bare_title(name) or _dateline(self.doc, ent.start, ent.end):
                    return None  # "the PM": a title the actors could not place; "KYIV": a dateline
                introduced = self._introduced_person(name.split()[-1], head)
                if introduced is not None:
                    return introduced
                name = _without_honorific(name)
                kind = "person" if ent.label_ == "PERSON" else "institution"
                if kind == "institution" and looks_personal:
                    kind = "unknown"
                return Speaker(self._full_name(name, head), OTHER_PARTY, "ner", 0.4, kind)
        if head.pos_ != "PROPN" or head.ent_type_ in _PLACE_LIKE_ENTITIES:
            return None
        words = _compound_names(head)
        first = words[0].i if words else head.i
        whole = self.doc[first : head.i + 1]
        # "Marie-Agnes Strack-Zimmermann": the hyphens belong to the name
        name = whole.text if all(t.pos_ == "PROPN" or t.text == "-" for t in whole) else (
            " ".join(t.text for t in [*words, head]))
        if not name[:1].isupper() or _bare_title(name) or _dateline(self.doc, first, head.i + 1):
            return None
        introduced = self._introduced_person(head.text, head)
        if introduced is not None:
            return introduced
        return Speaker(self._full_name(_without_honorific(name), head), OTHER_PARTY, "ner", 0.3,
                       "unknown")

    def _introduced_person(self, word: str, head: Token) -> Speaker | None:
        """ "Foreign Minister Wang Yi … Minister Wang said": a word that begins or ends the
        full name of a person named earlier is that person (names are written surname
        first in some languages)."""
        later: dict[str, Mention] = {}
        for mention in reversed(self.doc._.mentions or []):
            if mention.kind != "person" or mention.resolution not in _NAMING_RESOLUTIONS:
                continue
            words = mention.actor.split()
            if len(words) < 2 or word not in (words[0], words[-1]):
                continue
            if mention.start < head.idx:
                return self._from_mention(mention, "surname")
            later.setdefault(mention.actor, mention)
        # "Austin: ‘…’" in a headline or a live blog's entry title, the full name below it:
        # the one person of that name in the article
        if len(later) == 1:
            return self._from_mention(next(iter(later.values())), "surname")
        return None

    def _full_name(self, name: str, head: Token) -> str:
        """ "Stanovaya" -> "Tatiana Stanovaya" when that name came earlier in the text."""
        if " " in name:
            return name
        for i in range(head.i - 1, 0, -1):
            token = self.doc[i]
            if token.text == name and self.doc[i - 1].pos_ == "PROPN":
                first = self.doc[i - 1]
                if first.text[:1].isupper() and first.ent_type_ not in _PLACE_LIKE_ENTITIES:
                    return f"{first.text} {name}"
        return name

    def party_of_phrase(self, head: Token) -> str | None:
        """The party an unnamed speaker's phrase implies: an adjective ("Russian officials")
        or an affiliation mention ("Kremlin sources", "sources in Kyiv")."""
        tokens = [head, *self._affiliation_tokens(head)]
        for token in sorted(tokens, key=lambda t: t.i):
            party = self._adjectives.get(token.text.casefold())
            if party is not None:
                return party
        for token in sorted(tokens, key=lambda t: t.i):
            mention = self.mention_over(token)
            if mention is not None and mention.party:
                return mention.party
        return None

    def resolve_unnamed(self, head: Token, pos: int) -> Speaker | None:
        """ "A senior Russian source", "officials", "one diplomat", "a Ukrainian soldier": an
        unnamed speaker, with the party the phrase (or the group it picks up) implies."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = head.lemma_.lower()
        if lemma in self.lexicon.document_heads:
            return None
        quantifiers = self.lexicon.unnamed_determiners
        dets = [c for c in head.children if c.dep_ in ("det", "nummod", "poss", "predet")]
        counted = any(c.lower_ in quantifiers for c in dets)
        definite = any(c.dep_ == "poss" or c.lower_ not in quantifiers for c in dets)
        if head.pos_ == "PROPN" and not (counted and not definite):
            return None  # a name the actors do not know, unless counted: "one Ukrainian MP"
        known = lemma in self.lexicon.unnamed_heads
        earlier = self._recent_unnamed(lemma, pos)
        if counted and not definite:
            # "a Ukrainian soldier", "one MP"; not "two reports"
            unnamed = known or head.tag_ in ("NN", "NNP")
        elif definite:
            # "the official said": the same unnamed person as before.
            unnamed = any(c.lower_ == "the" for c in dets) and (
                lemma in _ALWAYS_UNNAMED or earlier is not None
            )
        else:
            unnamed = known and head.tag_ == "NNS"  # "officials said", "Kremlin sources"
        if not unnamed:
            return None
        party = self.party_of_phrase(head)
        if party is None and earlier is not None and head.tag_ != "NNS":
            party = earlier.party  # "European officials … One official told the FT"
        return Speaker(UNNAMED_SOURCE, party or OTHER_PARTY, "unnamed", 0.7, "unnamed", None, lemma)

    def _recent_unnamed(self, lemma: str, pos: int) -> Speaker | None:
        for event in self.recent(pos, 3):
            if event.speaker.kind == "unnamed" and event.speaker.head == lemma:
                return event.speaker
        return None

    def resolve_pronoun(self, head: Token, pos: int, verb: Token | None) -> Speaker | None:
        kind = self.lexicon.pronouns.get(head.lower_, "")
        if kind in ("self", ""):
            return None
        # "Rutte said he told Trump": a pronoun under another speaker's verb is that speaker.
        if verb is not None:
            outer = outer_speech_subject(verb, self.lexicon)
            if outer is not None and outer.pos_ != "PRON":
                speaker = self.resolve(outer, pos)
                if speaker is not None and _compatible(speaker, kind):
                    return _as_pronoun(speaker)
        blocked, salient = self._previous_subject(self._pronoun_anchor(head, pos), kind)
        if salient is not None:
            return _as_pronoun(salient)
        if blocked:
            return None  # "The Prime Minister said … He said": someone the text does not name
        for event in self.recent(pos):
            if _compatible(event.speaker, kind):
                return _as_pronoun(event.speaker)
        external = self._external(self.doc[head.i : head.i + 1])
        if external is not None:
            return _as_pronoun(external)
        for event in self.recent(pos, 3 * PRONOUN_LOOKBACK):
            if _compatible(event.speaker, kind):
                return _as_pronoun(event.speaker, 0.4)
        return None

    def _pronoun_anchor(self, head: Token, pos: int) -> int:
        """Where a pronoun looks back from: itself, or the start of its sentence when no
        person is named before it there ("Russia was winning, he wrote": the sentence before
        says who "he" is)."""
        anchor = min(pos, head.idx)
        start = head.sent.start_char
        if start >= anchor:
            return anchor
        index = bisect.bisect_left(self._starts, start)
        for mention in self.mentions[index:]:
            if mention.start >= head.idx:
                break
            if mention.kind == "person" and mention.resolution != "pronoun":
                return anchor  # "Putin met Xi, and he said": a person named in the sentence
        return start

    def _previous_subject(self, anchor: int, kind: str) -> tuple[bool, Speaker | None]:
        """The subject of the sentence just before ``anchor`` ("Zelensky met troops in
        Kharkiv. ‘We will hold,’ he said."), or of the one before it when that sentence has no
        person for a subject ("Zelensky visited Kharkiv. The trip was unannounced. ‘…,’ he
        said."): a pronoun's most likely antecedent, ahead of people named in objects or
        quotes. A pronoun subject passes on its own antecedent ("On Sunday he went further.");
        a role noun that names no one ("The Prime Minister said") blocks the search."""
        index = bisect.bisect_left(self._token_starts, anchor) - 1
        while index >= 0 and (self.doc[index].is_space or self.doc[index].is_quote):
            index -= 1
        if index < 0 or self.doc[index].text not in (".", "!", "?"):
            return False, None
        sent = self.doc[index].sent
        for _ in range(PREVIOUS_SUBJECT_SENTENCES):
            if self.paragraph_of(anchor) - self.paragraph_of(sent.start_char) > 1:
                break
            decided, blocked, speaker = self._sentence_subject_speaker(sent, kind)
            if decided:
                return blocked, speaker
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return False, None

    def _sentence_subject_speaker(self, sent: Span, kind: str) -> tuple[bool, bool, Speaker | None]:
        """(decided, blocked, speaker) for the main subject of one sentence."""
        for child in sent.root.children:
            if child.dep_ != "nsubj":
                continue
            if child.pos_ == "PRON":
                if self.lexicon.pronouns.get(child.lower_, "") in ("male", "female"):
                    return True, False, self._pronoun_antecedent(child, kind)
                continue
            if child.pos_ not in ("PROPN", "NOUN") and self.mention_over(child) is None:
                continue  # "Trump reacted": the small model may tag a name as a verb
            speaker = self.resolve(child, child.idx)
            if (
                speaker is not None
                and speaker.kind == "unnamed"
                and speaker.head not in self.lexicon.unnamed_heads
            ):
                continue  # "A lasting settlement … required": a thing, not someone unnamed
            if speaker is not None and (
                speaker.kind in ("person", "unnamed") or _personal_name(speaker)
            ):
                return True, False, speaker if _compatible(speaker, kind) else None
            if speaker is None and kind in ("male", "female") and self._role_noun(child):
                return True, True, None
        return False, False, None

    def _pronoun_antecedent(self, pronoun: Token, kind: str) -> Speaker | None:
        """The person the actors component resolved a subject pronoun to, if it agrees."""
        if self.lexicon.pronouns.get(pronoun.lower_, "") != kind:
            return None
        mention = self.mention_over(pronoun)
        if mention is None or mention.kind != "person" or mention.resolution != "pronoun":
            return None
        speaker = self._from_mention(mention, "pronoun")
        return speaker if _compatible(speaker, kind) else None

    @staticmethod
    def _role_noun(head: Token) -> bool:
        """A singular definite role noun: "the Prime Minister", "the president"."""
        if head.tag_ in ("NNS", "NNPS"):
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return False
        return _bare_title(noun_phrase(head).text.removeprefix("The ").removeprefix("the "))

    def resolve_document(self, head: Token, pos: int) -> Speaker | None:
        """ "The paper concluded": the author named where the paper was mentioned before
        ("In his April paper …, Kellogg recognised"), or in this phrase ("the Kremlin's memo")."""
        own = self._affiliation(head) or self._possessor(head, pos)
        if own is not None:
            return Speaker(own.actor, own.party, "document", 0.6, own.kind, own.gender)
        lemma = head.lemma_.lower()
        paragraph = self.paragraph_of(head.idx)
        for i in range(head.i - 1, -1, -1):
            token = self.doc[i]
            if paragraph - self.paragraph_of(token.idx) > DOCUMENT_LOOKBACK:
                break
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN":
                continue
            author = self._possessor(token, token.idx) or self._sentence_subject(token)
            if author is not None:
                return Speaker(
                    author.actor, author.party, "document", 0.5, author.kind, author.gender
                )
        return None

    def _possessor(self, head: Token, pos: int) -> Speaker | None:
        for child in head.children:
            if child.dep_ == "poss":
                if child.pos_ == "PRON":
                    # "his paper": the subject of the sentence, else the last speaker.
                    subject = self._sentence_subject(head)
                    if subject is not None:
                        return subject
                    return self.resolve_pronoun(child, pos, None)
                return self.resolve(child, pos)
        return None

    def _sentence_subject(self, token: Token) -> Speaker | None:
        root = token.sent.root
        for child in root.children:
            if child.dep_ == "nsubj":
                mention = self.mention_over(child)
                if mention is not None and mention.kind in ("person", "institution", "state"):
                    return self._from_mention(mention)
        return None


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """ "ST PETERSBURG, June 20 (Wire) - Putin said": a place in capitals opening a sentence,
    before a comma, is the dateline, not someone speaking ("NATO said" is)."""
    words = doc[start:end]
    return (
        words.start == words.sent.start
        and end < len(doc) and doc[end].text == ","
        and all(t.is_upper or not t.is_alpha for t in words)
    )


def _compound_names(head: Token) -> list[Token]:
    """The proper nouns compounded before a name's head, nested ones too ("Hans-Peter
    Berger-Lindqvist" hangs "Hans" and "Peter" on "Berger"), in text order; a bullet the
    tagger calls a proper noun ("• Austin") is no part of the name."""
    found: list[Token] = []
    stack = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    while stack:
        token = stack.pop()
        if any(ch.isalpha() for ch in token.text):
            found.append(token)
            stack.extend(c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")
    return sorted(found, key=lambda t: t.i)


def _without_honorific(name: str) -> str:
    """ "Dr Wielgosz" -> "Wielgosz": a courtesy title is no part of the name, so the surname
    can take the full name used earlier."""
    words = name.split()
    if len(words) > 1 and words[0].casefold() in load_lexicon().honorifics:
        return " ".join(words[1:])
    return name


def _bare_title(name: str) -> bool:
    """ "PM", "Prime Minister", "the President": words of a role, not anyone's name."""
    lexicon = load_lexicon()
    return lexicon.is_bare_title(name) or name.casefold() in lexicon.collective_heads


def _personal_name(speaker: Speaker) -> bool:
    """An unknown speaker named like a person, first name and surname ("Konstantin Kosachev"),
    whom the parser took for an organisation."""
    words = speaker.actor.split()
    return speaker.kind == "unknown" and len(words) == 2 and all(w.istitle() for w in words)


def outer_speech_subject(verb: Token, lexicon: SpeechLexicon) -> Token | None:
    """The subject of the speech verb a clause is reported under ("Rutte said he told …")."""
    node = verb
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head is node:
            return None
        node = node.head
        if node.lemma_.lower() in lexicon.verbs:
            subjects = [child for child in node.children if child.dep_ == "nsubj"]
            if subjects:
                # "Aboard Air Force One, Donald Trump said": the parse may give the verb a
                # second subject; the one next to it says
                return min(subjects, key=lambda child: abs(child.i - node.i))
    return None


def _compatible(speaker: Speaker, pronoun_kind: str) -> bool:
    if speaker.kind == "unknown":
        return pronoun_kind in ("male", "female", "plural")
    if pronoun_kind in ("male", "female"):
        if speaker.kind == "unnamed":
            return True
        return speaker.kind == "person" and speaker.gender in (None, pronoun_kind)
    if pronoun_kind == "plural":
        return speaker.kind in _COLLECTIVE_KINDS
    if pronoun_kind == "thing":
        return speaker.kind in _COLLECTIVE_KINDS - {"unnamed"}
    return False


def _as_pronoun(speaker: Speaker, confidence: float = 0.7) -> Speaker:
    return Speaker(
        speaker.actor,
        speaker.party,
        "pronoun",
        min(confidence, speaker.confidence),
        speaker.kind,
        speaker.gender,
    )
