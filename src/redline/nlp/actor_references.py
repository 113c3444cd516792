"""Resolves references that do not name an actor: pronouns ("he", "it"), definite
descriptions ("the envoy", "Russia's foreign minister", "the Russian commander") and the
roles an article gives people in appositives ("Russian tycoon X", "X, a Kremlin aide,").
Broad role words reach the narrower roles they cover ("spokeswoman X … the diplomat"), and a
role word's synonyms find title holders ("the Kremlin mouthpiece" is the Kremlin spokesman)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from redline.nlp.actor_index import ActorIndex
from redline.nlp.actor_lexicon import ActorLexicon
from redline.nlp.actor_matching import Draft, published_day
from redline.nlp.doc_cache import text_of
from redline.nlp.quote_lexicon import load_speech_lexicon
from redline.nlp.quote_marks import pair_quotes
from redline.packs.schema import Actor

SUBJECT_DEPS = ("nsubj", "nsubjpass")
PRONOUN_WINDOW = 2  # sentences back a pronoun may reach
SPECIFIC_ROLE_WINDOW = 12  # "the businessman" may point far back
GENERIC_ROLE_WINDOW = 3  # "the minister" must be close
# How far before a candidate a broad role word's earlier, unnamed use is looked for (tokens).
WORD_REUSE_TOKENS = 200
QUOTED_RANK = 2  # a mention inside a quotation is never a salient narrative subject


@dataclass
class Entry:
    """A resolved mention in reading order, with what salience ranking needs."""

    draft: Draft
    sentence: int
    subject: int  # 0 main-clause subject, 1 subject of another clause, 2 anything else


def sentence_ids(doc: Doc) -> list[int]:
    """Sentence number of every token (all 0 for a Doc without sentence boundaries)."""
    ids = [0] * len(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return ids
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            ids[i] = n
    return ids


def span_root(doc: Doc, start: int, end: int) -> Token:
    """The token of a range whose head lies outside it (the last token when unparsed)."""
    for i in range(start, end):
        head = doc[i].head
        outside = head.i < start or head.i >= end or head.i == i
        if outside and doc[i].dep_ and doc[i].dep_ != "dep":
            return doc[i]
    return doc[end - 1]


def quoted_tokens(doc: Doc) -> bytearray:
    """1 for every token inside a direct quotation. Someone named in a quote is in the
    speaker's words, not the narrative's: "‘… President Putin goes out …,’ the President
    fumed" is not Putin fuming."""
    flags = bytearray(len(doc))
    starts = [t.idx for t in doc]
    for span in pair_quotes(text_of(doc), load_speech_lexicon().elisions):
        if span.depth != 0:
            continue
        first = bisect.bisect_left(starts, span.start)
        last = bisect.bisect_left(starts, span.end)
        flags[first:last] = b"\x01" * (last - first)
    return flags


def subject_rank(doc: Doc, draft: Draft) -> int:
    root = span_root(doc, draft.start, draft.end)
    if root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS:
        root = root.head  # "Putin's forces claimed": Putin is salient, not a subject
        return 1 if root.head.dep_ == "ROOT" else 2
    if root.dep_ not in SUBJECT_DEPS:
        return 2
    return 0 if root.head.dep_ == "ROOT" or root.head.head == root.head else 1


def _plural(doc: Doc, draft: Draft) -> bool:
    return doc[draft.end - 1].tag_ in ("NNS", "NNPS")


def _pronoun_tagged(token: Token) -> bool:
    """Whether the tagger read the token as a pronoun, or as a name only because it opens a
    sentence after an initial-like word ("wrote on X. He added …"; "US" stays a name)."""
    if token.pos_ in ("PRON", "DET", ""):
        return True
    return token.pos_ == "PROPN" and bool(token.is_sent_start) and token.text.istitle()


def _same_clause_object(doc: Doc, pronoun: Token, draft: Draft) -> bool:
    """An object pronoun does not refer to its own clause's subject ("they condemned it")."""
    if pronoun.dep_ not in ("dobj", "iobj", "pobj", "dative"):
        return False
    verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
    root = span_root(doc, draft.start, draft.end)
    return root.dep_ in SUBJECT_DEPS and root.head == verb


def appositive_roles(doc: Doc, drafts: list[Draft], lexicon: ActorLexicon) -> dict[str, set[int]]:
    """Role groups the article itself gives each person ("Russian tycoon X" -> tycoon)."""
    learned: dict[str, set[int]] = {}
    role_words = lexicon.role_words
    for draft in drafts:
        if draft.kind != "person" or draft.resolution not in ("name", "alias", "surname", "ner"):
            continue
        words: list[str] = []
        i = draft.start - 1
        while i >= 0 and draft.start - i <= 4:
            token = doc[i]
            if token.is_punct or token.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ"):
                break
            words.append(token.norm_)
            i -= 1
        root = span_root(doc, draft.start, draft.end)
        for child in root.children:
            if child.dep_ == "appos":
                words.extend(t.norm_ for t in child.subtree if t.i < child.i + 1)
        if root.dep_ == "appos":
            words.extend(t.norm_ for t in root.head.lefts)
            words.append(root.head.norm_)
        groups = {g for w in words if w in role_words for g in lexicon.role_groups_of(w)}
        if groups:
            learned.setdefault(draft.actor, set()).update(groups)
    return learned


class ReferenceResolver:
    """Adds pronoun and description mentions to an article's named mentions."""

    def __init__(self, index: ActorIndex, make_doc: Callable[[str], Doc]) -> None:
        self.index = index
        self.lexicon = index.lexicon
        # Token norms of every title, for "Russia's foreign minister"-style lookups.
        self._title_norms: dict[str, frozenset[str]] = {}
        self._title_cores: dict[str, frozenset[str]] = {}
        for actor in index.pack.actors:
            for title in actor.titles:
                if title.title not in self._title_norms:
                    self._title_norms[title.title] = frozenset(
                        t.norm_ for t in make_doc(title.title)
                    )

    def resolve(self, doc: Doc, drafts: list[Draft]) -> list[Draft]:
        lexicon = self.lexicon
        sentences = sentence_ids(doc)
        taken = bytearray(len(doc))
        for draft in drafts:
            for i in range(draft.start, draft.end):
                taken[i] = 1
        roles = appositive_roles(doc, drafts, lexicon)
        by_start: dict[int, list[Draft]] = {}
        for draft in drafts:
            by_start.setdefault(draft.start, []).append(draft)
        history: list[Entry] = []
        added: list[Draft] = []
        day: date | None = published_day(doc)
        quoted = quoted_tokens(doc)
        for token in doc:
            for draft in by_start.get(token.i, ()):
                rank = QUOTED_RANK if quoted[token.i] else subject_rank(doc, draft)
                history.append(Entry(draft, sentences[token.i], rank))
            if taken[token.i]:
                continue
            new = self._pronoun(doc, token, history, sentences)
            if new is None:
                new = self._description(doc, token, history, sentences, taken, roles, day)
            if new is not None:
                added.append(new)
                for i in range(new.start, new.end):
                    taken[i] = 1
                rank = QUOTED_RANK if quoted[token.i] else subject_rank(doc, new)
                history.append(Entry(new, sentences[token.i], rank))
        return added

    # ---- pronouns ---------------------------------------------------------------------

    def _pronoun(
        self, doc: Doc, token: Token, history: list[Entry], sentences: list[int]
    ) -> Draft | None:
        sense = self.lexicon.pronouns.get(token.norm_)
        if sense is None or not _pronoun_tagged(token):
            return None
        if token.dep_ == "expl" or (
            sense.gender == "any"
            and token.dep_ == "nsubj"
            and token.head.lemma_.casefold() in self.lexicon.expletive_heads
        ):
            return None  # "It is unacceptable that...", "It comes as..."
        here = sentences[token.i]
        if sense.gender != "any" and self._unplaced_role_subject(doc, token, history):
            return None  # "The Prime Minister said … Putin … He said": not Putin
        best: tuple[tuple[int, int, int], Entry] | None = None
        for entry in reversed(history):
            distance = here - entry.sentence
            if distance > PRONOUN_WINDOW:
                break
            draft = entry.draft
            far = sense.same_sentence and distance > 0
            if far and not self._document_antecedent(token, entry, distance):
                continue
            if draft.kind not in sense.kinds or draft.actor == "":
                continue
            if sense.gender != "any" and draft.gender not in (sense.gender, None):
                continue
            near = sense.same_sentence and not far
            if near and (entry.subject == 2 or _plural(doc, draft)):
                continue
            if _same_clause_object(doc, token, draft):
                continue
            unknown_gender = 1 if sense.gender != "any" and draft.gender is None else 0
            key = (distance, entry.subject + unknown_gender, -draft.start)
            if best is None or key < best[0]:
                best = (key, entry)
        if best is None:
            return None
        draft = best[1].draft
        confidence = 0.6 if best[1].subject == 0 else 0.45
        if sense.gender != "any" and draft.gender is None:
            confidence *= 0.8
        return Draft(
            token.i,
            token.i + 1,
            token.idx,
            token.idx + len(token.text),
            draft.actor,
            draft.party,
            "pronoun",
            round(confidence, 2),
            draft.kind,
            draft.gender,
        )

    def _unplaced_role_subject(self, doc: Doc, token: Token, history: list[Entry]) -> bool:
        """Whether a subject pronoun opening a sentence follows a sentence whose subject is a
        role noun no one was found for ("The Prime Minister said …"): the pronoun most likely
        means that person, so a name in that sentence's object must not take it."""
        if token.dep_ not in SUBJECT_DEPS or token.i == 0:
            return False
        sent = token.sent
        if token.i - sent.start > 3 or sent.start == 0:
            return False
        previous = doc[sent.start - 1].sent
        for child in previous.root.children:
            if child.dep_ not in SUBJECT_DEPS or child.tag_ in ("NNS", "NNPS"):
                continue
            if not any(c.dep_ == "det" and c.norm_ == "the" for c in child.children):
                continue
            words = [t.norm_ for t in child.lefts if t.dep_ == "compound"] + [child.norm_]
            if " ".join(words[-2:]) not in self.lexicon.role_words and (
                child.norm_ not in self.lexicon.role_words
            ):
                continue
            return not any(e.draft.start <= child.i < e.draft.end for e in history)
        return False

    def _document_antecedent(self, token: Token, entry: Entry, distance: int) -> bool:
        """ "The document says... It also suggests...": an "it" that begins a sentence as the
        subject of a verb of saying may reach a document cited in the sentence before."""
        if entry.draft.resolution != "document" or distance != 1:
            return False
        starts = token.i == 0 or token.nbor(-1).is_sent_end or token.nbor(-1).is_space
        verb = token.head.lemma_.casefold()
        return starts and token.dep_ == "nsubj" and verb in self.lexicon.document_verbs

    # ---- definite descriptions --------------------------------------------------------

    def _description(
        self,
        doc: Doc,
        token: Token,
        history: list[Entry],
        sentences: list[int],
        taken: bytearray,
        roles: dict[str, set[int]],
        day: date | None,
    ) -> Draft | None:
        lexicon = self.lexicon
        key = token.norm_
        first = token.i
        if token.i > 0:
            pair = f"{doc[token.i - 1].norm_} {token.norm_}"  # "think tank", "prime minister"
            if pair in lexicon.group_nouns or pair in lexicon.role_words:
                key, first = pair, token.i - 1
        if token.i > 1 and doc[token.i - 1].norm_ == "of":
            # "the head of state", "the chief of staff": a role of three words, read at its end
            triple = f"{doc[token.i - 2].norm_} of {token.norm_}"
            if triple in lexicon.role_words:
                key, first = triple, token.i - 2
        group_noun = lexicon.group_nouns.get(key)
        if key not in lexicon.role_words and group_noun is None:
            return None
        if token.tag_ in ("NNS", "NNPS") or token.pos_ not in ("NOUN", "PROPN", ""):
            return None
        if token.dep_ in ("compound", "amod", "nmod"):
            return None  # "the General Assembly": the role word only modifies another noun
        nxt = token.i + 1
        if nxt < len(doc) and (taken[nxt] or doc[nxt].ent_type_ == "PERSON"):
            return None  # "envoy Keith Kellogg": an appositive title, not a reference
        if nxt < len(doc) and doc[nxt].norm_ == "of" and group_noun is None:
            return None  # "the head of ...": the complement decides who, not the role word
        # Walk left over the noun phrase's modifiers to its determiner.
        start = first
        modifiers: list[Token] = []
        definite = False
        while start > 0:
            left = doc[start - 1]
            if left.norm_ in ("the", "this", "that"):
                definite = True
                start -= 1
                break
            if left.norm_ in ("'s", "s") and left.i > 0:
                definite = True  # "Russia's foreign minister", "NATO's new chief"
                modifiers.append(left)
                start -= 1
                continue
            if left.is_space or left.is_sent_end or left.pos_ in ("VERB", "AUX", "ADP", "PRON"):
                break
            if left.is_punct and left.text != "-":
                break
            if left.pos_ == "DET":
                break
            modifiers.append(left)
            start -= 1
        if not definite:
            return None
        if self._possessed_by_person(modifiers, history):
            return None  # "Putin's aide" is not Putin, and the text does not say who
        party, actor_words = self._constraint(doc, modifiers, history)
        here = sentences[token.i]
        if group_noun is not None:
            return self._group_reference(doc, start, token, group_noun, history, here)
        content = {
            t.norm_
            for t in modifiers
            if t.norm_ not in lexicon.title_fillers
            and t.norm_ not in actor_words
            and any(c.isalpha() for c in t.norm_)
            and t.norm_ not in ("'s", "s")
        } | set(key.split())
        if party is None and content == set(key.split()):
            party = self._house_party(doc, key)
        if party is not None:
            holder = self._title_holder(party, content, day, exact_only=True)
            if holder is None:
                holder = self._synonym_holder(party, content, actor_words, key, day)
            if holder is not None:
                return self._draft(doc, start, token, holder, "title", 0.7)
        found = self._role_antecedent(doc, start, token, key, party, history, here, roles)
        if found is None and party is not None and len(content) >= 2:
            holder = self._title_holder(party, content, day, exact_only=False)
            if holder is not None:
                return self._draft(doc, start, token, holder, "title", 0.6)
        return found

    def _role_antecedent(
        self,
        doc: Doc,
        start: int,
        token: Token,
        key: str,
        party: str | None,
        history: list[Entry],
        here: int,
        roles: dict[str, set[int]],
    ) -> Draft | None:
        """The most recent person whose known roles include this one ("the envoy"); a person
        named as a subject wins over one named in an object or a quote ("Senator X proposed
        it. ‘… Trump …,’ the Republican said"). A broad word ("the official") reaches the
        narrower roles it covers, unless the article used that word for someone unnamed."""
        lexicon = self.lexicon
        own = lexicon.role_groups_of(key)
        gender = lexicon.role_genders.get(key)
        groups = lexicon.reference_groups(key)
        specific = key in lexicon.specific_roles
        window = SPECIFIC_ROLE_WINDOW if specific or party is not None else GENERIC_ROLE_WINDOW
        fallback: Draft | None = None
        matched: Entry | None = None
        for entry in reversed(history):
            if here - entry.sentence > window:
                break
            draft = entry.draft
            if draft.kind != "person" or (party is not None and draft.party != party):
                continue
            if gender is not None and draft.gender not in (gender, None):
                continue  # "the spokeswoman" is not the spokesman named after her
            known = self.index.roles.get(draft.actor, frozenset()) | roles.get(draft.actor, set())
            broad = (groups & known and not self._word_used_before(doc, token, entry)
                     and not self._unnamed_since(doc, token, entry))
            if own & known or broad:
                if matched is not None and matched.subject < 2:
                    if entry.sentence != matched.sentence:
                        break
                    if entry.subject <= matched.subject:
                        # Within one sentence the subject, then the first named, is salient:
                        # "after Trump told reporters … unless the Kremlin tyrant ended".
                        matched = entry
                    continue
                if entry.subject < 2 or matched is None:
                    matched = entry
            if (
                fallback is None
                and party is not None
                and entry.subject == 0
                and here - entry.sentence <= PRONOUN_WINDOW
            ):
                fallback = draft
        if matched is not None and not self._titled(matched.draft.actor, key):
            # "the prime minister" after Putin and Starmer: one whose title is those words
            # beats one whose title is only of the same group
            titled = next((e for e in reversed(history) if here - e.sentence <= window
                           and e.draft.kind == "person" and self._titled(e.draft.actor, key)
                           and (party is None or e.draft.party == party)), None)
            matched = titled or matched
        if matched is not None:
            confidence = 0.6 if specific or party is not None else 0.5
            return self._draft(doc, start, token, matched.draft, "description", confidence)
        if fallback is not None:
            return self._draft(doc, start, token, fallback, "description", 0.4)
        return None

    def _titled(self, name: str, key: str) -> bool:
        """Whether one of the actor's titles has the role word itself ("UK prime minister")."""
        actor = self.index.pack.actor(name)
        return actor is not None and any(
            f" {key} " in f" {title.title.casefold()} " for title in actor.titles)

    @staticmethod
    def _word_used_before(doc: Doc, token: Token, entry: Entry) -> bool:
        """Whether the role word was used before, away from the candidate's name ("A senior
        official said … Zelensky … the official added" is the unnamed official again)."""
        lemma = token.lemma_.casefold()
        low = max(0, entry.draft.start - WORD_REUSE_TOKENS)
        for i in range(low, token.i):
            if doc[i].lemma_.casefold() != lemma:
                continue
            if entry.draft.start - 4 <= i < entry.draft.end + 4:
                continue  # the candidate's own appositive: "X, a senior official,"
            return True
        return False

    def _unnamed_since(self, doc: Doc, token: Token, entry: Entry) -> bool:
        """Whether an unnamed source was brought in after the candidate was named ("X said …
        A source in the office told us … 'We will not …,' the official said": the source
        again, not X)."""
        for i in range(entry.draft.end, token.i):
            word = doc[i]
            if word.norm_ in self.lexicon.unnamed_heads and any(
                c.dep_ in ("det", "nummod") and c.norm_ != "the" for c in word.children
            ):
                return True
        return False

    @staticmethod
    def _possessed_by_person(modifiers: list[Token], history: list[Entry]) -> bool:
        indices = {t.i for t in modifiers}
        return any(e.draft.kind == "person" and e.draft.start in indices for e in history[-8:])

    def _constraint(
        self, doc: Doc, modifiers: list[Token], history: list[Entry]
    ) -> tuple[str | None, set[str]]:
        """The party a description's modifiers name ("Russian", "the Kremlin", "NATO's")."""
        words: set[str] = set()
        for token in modifiers:
            state = self.index.adjectives.get(token.norm_)
            if state is not None:
                words.add(token.norm_)
                return state.party, words
        indices = {t.i for t in modifiers}
        for entry in reversed(history[-8:]):
            draft = entry.draft
            if draft.start in indices and draft.kind != "person":
                words.update(doc[i].norm_ for i in range(draft.start, draft.end))
                return draft.party, words
        return None, words

    def _house_party(self, doc: Doc, role: str) -> str | None:
        """The side whose office published the article, for its bare role title: in a readout
        from "Prime Minister's Office, 10 Downing Street", "the Prime Minister" is the UK's."""
        source = str(doc._.source or "")
        if role not in source.casefold():
            return None
        parties = {
            actor.party
            for actor in self.index.pack.actors
            if actor.kind == "state"
            and any(
                len(name) > 3 and re.search(rf"\b{re.escape(name)}\b", source)
                for name in (actor.name, *actor.aliases, *actor.metonyms)
            )
        }
        return parties.pop() if len(parties) == 1 else None

    def _title_holder(
        self, party: str, words: set[str], day: date | None, exact_only: bool
    ) -> Draft | None:
        """The one actor of a party holding, on the day, a title made of these words (party
        words aside), or failing that the one whose title contains them all."""
        exact: list[Actor] = []
        loose: list[Actor] = []
        for actor in self.index.pack.actors:
            if actor.party != party or actor.kind != "person":
                continue
            cores = [
                self._title_core(t.title)
                for t in actor.titles
                if (t.holds_on(day) if day else t.end is None)
            ]
            if any(words == core for core in cores):
                exact.append(actor)
            elif any(words <= core for core in cores):
                loose.append(actor)
        holders = exact if exact or exact_only else loose
        if len(holders) != 1:
            return None
        actor = holders[0]
        return Draft(0, 0, 0, 0, actor.name, actor.party, "title", 0.7, actor.kind, actor.gender)

    def _synonym_holder(
        self, party: str, words: set[str], actor_words: set[str], key: str, day: date | None
    ) -> Draft | None:
        """The title holder when the description swaps the role word for another of its group:
        "the Kremlin mouthpiece" for the Kremlin spokesman, "the British PM" for the British
        prime minister. Synonyms are tried in the group's order (the usual word first)."""
        lexicon = self.lexicon
        rest = words - set(key.split())
        for group in sorted(lexicon.role_groups_of(key)):
            for synonym in lexicon.role_lists[group]:
                if synonym == key:
                    continue
                swapped = rest | set(synonym.split())
                for candidate in (swapped, swapped | actor_words):
                    holder = self._title_holder(party, candidate, day, exact_only=True)
                    if holder is not None:
                        return holder
        return None

    def _title_core(self, title: str) -> frozenset[str]:
        """A title's words without party words and fillers: "Russian foreign minister" ->
        {foreign, minister}."""
        core = self._title_cores.get(title)
        if core is None:
            party_words = self.index.party_words
            core = frozenset(
                w
                for w in self._title_norms[title]
                if w not in party_words
                and w not in self.lexicon.title_fillers
                and w not in ("'s", "s")
                and any(c.isalpha() for c in w)
            )
            self._title_cores[title] = core
        return core

    def _group_reference(
        self, doc: Doc, start: int, token: Token, noun: str, history: list[Entry], here: int
    ) -> Draft | None:
        for entry in reversed(history):
            if here - entry.sentence > SPECIFIC_ROLE_WINDOW:
                break
            draft = entry.draft
            if draft.kind == "group" and draft.actor.endswith(noun):
                return self._draft(doc, start, token, draft, "description", 0.55)
        return None

    @staticmethod
    def _draft(
        doc: Doc, start: int, token: Token, target: Draft, resolution: str, confidence: float
    ) -> Draft:
        return Draft(
            start,
            token.i + 1,
            doc[start].idx,
            token.idx + len(token.text),
            target.actor,
            target.party,
            resolution,
            confidence,
            target.kind,
            target.gender,
        )
