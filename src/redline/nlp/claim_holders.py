"""Who holds a position: resolves the holder noun phrase of a stance cue to actors, and
gives the words inside a quotation or an indirect-speech complement to their speaker."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from redline.model import UNNAMED_SOURCE, Mention, PlanMention, Quote
from redline.nlp.doc_cache import text_of
from redline.packs.schema import Pack

FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my", "ourselves", "myself"})
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})
PLURAL_PRONOUNS = frozenset({"they", "we"})
# Sentences back a plural subject ("they", "the leaders") looks for the group it names.
GROUP_LOOKBACK = 3
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
# Noun-phrase modifiers that may carry the actor of a phrase ("Kremlin aide Yuri Ushakov").
_NP_DEPS = frozenset({"compound", "amod", "poss", "det", "nmod", "nummod", "case", "punct"})
# Holders that report positions but do not hold them.
NON_HOLDER_KINDS = frozenset({"media", "unknown"})
SPEAKER_DOCUMENT = "document"


@dataclass(frozen=True)
class Holder:
    """An actor who holds a position, and how we know."""

    actor: str
    party: str
    kind: str  # person | state | institution | group | plan | ...
    via: str  # subject | speaker | possessor | agent | plan
    floor: str = "stated"  # the least uncertain status this attribution allows


class HolderIndex:
    """Mentions, quotes and plans of one Doc, indexed by token for holder look-ups."""

    def __init__(self, doc: Doc, pack: Pack, role_nouns: frozenset[str] = frozenset(),
                 joint_nouns: frozenset[str] = frozenset(),
                 side_nouns: frozenset[str] = frozenset(),
                 table_nouns: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.pack = pack
        self.role_nouns = role_nouns
        self.joint_nouns = joint_nouns
        self.side_nouns = side_nouns
        self.table_nouns = table_nouns
        self._table: list[tuple[int, str]] | None = None
        self.by_token: dict[int, Mention] = {}
        for mention in sorted(doc._.mentions or [], key=lambda m: m.end - m.start):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)
        self.quotes: list[Quote] = sorted(doc._.quotes or [], key=lambda q: q.end - q.start)
        self.plans: list[PlanMention] = list(doc._.plans or [])
        # Doc.text is rebuilt on every access; plan look-ups search it often.
        self.folded_text = text_of(doc).casefold()
        # Where each plan is named in the text, by (name, number of points), filled on demand.
        self.namings: dict[tuple[str, int | None], list[tuple[int, int]]] = {}
        # The last group a plural subject was found to be, by the index of its sentence:
        # "They called on Putin … The leaders made clear …" go on naming it.
        self._last_group: tuple[int, list[Holder]] | None = None

    # --- noun phrases -------------------------------------------------------------------

    def mentions_at(self, token: Token) -> list[Mention]:
        """The mentions naming the noun phrase headed by ``token``.

        A modifier names the phrase only when the head is a role ("Kremlin aide", "Ukrainian
        and European officials"), never for things ("the Ukraine war")."""
        if token.i in self.by_token:
            return [self.by_token[token.i]]
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.by_token:
                return [self.by_token[child.i]]
        named = self._named_before(token)
        if named is not None:
            return [named]
        if token.lower_ not in self.role_nouns:
            return []
        found: list[Mention] = []
        for prep in token.children:  # "representatives of the president-elect's team"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.i != token.i:
                        found.extend(m for m in self.mentions_at(pobj) if m not in found)
        for child in sorted(token.lefts, key=lambda t: -t.i):
            if child.dep_ not in _NP_DEPS:
                continue  # "Moscow's negotiators", "Kremlin aide", "Russian officials"
            for modifier in (child, *(c for c in child.children if c.dep_ == "conj")):
                mention = self.by_token.get(modifier.i)
                if mention is not None and mention not in found:
                    found.append(mention)
        return found

    def _named_before(self, token: Token) -> Mention | None:
        """ "John Healey MP", "Lindsey Graham (R-SC)": a proper noun after a person's name
        that the parser made the head of the name designates that person."""
        if token.pos_ != "PROPN" or token.i == 0:
            return None
        before = self.by_token.get(token.i - 1)
        compound = token.doc[token.i - 1]
        if before is None or before.kind != "person" or compound.head.i != token.i:
            return None
        return before if compound.dep_ == "compound" else None

    def mentions_of(self, token: Token) -> list[tuple[Token, Mention]]:
        """The mentions of a noun phrase and its conjuncts ("France and the UK"), and of
        coordinated adjectives of its head ("Ukrainian and European officials")."""
        found: list[tuple[Token, Mention]] = []
        stack = [token]
        seen: set[int] = set()
        while stack:
            head = stack.pop(0)
            if head.i in seen:
                continue
            seen.add(head.i)
            found.extend((head, mention) for mention in self.mentions_at(head)
                         if all(mention is not m for _, m in found))
            stack.extend(c for c in head.children if c.dep_ == "conj" or self._listed(head, c))
            stack.extend(c for c in head.children
                         if c.dep_ == "amod" and c.pos_ in ("ADJ", "PROPN")
                         and any(g.dep_ == "conj" for g in c.children))
        return found

    def _listed(self, head: Token, child: Token) -> bool:
        """ "Germany, the UK and the US": the parser often makes the second of a list an
        apposition of the first; an apposition naming another actor, with conjuncts of its
        own, is the list going on."""
        if child.dep_ != "appos" or not any(g.dep_ == "conj" for g in child.children):
            return False
        first, second = self.by_token.get(head.i), self.by_token.get(child.i)
        return first is not None and second is not None and first.actor != second.actor

    def plural_reporters(self, pronoun: Token) -> list[Holder]:
        """ "European leaders and Zelensky said they supported …": a plural pronoun subject of
        what a coordinated subject says is each of them."""
        if pronoun.lower_ not in PLURAL_PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return []
        clause = pronoun.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return []
        reporter = clause.head
        for subject in (c for c in reporter.children if c.dep_ == "nsubj" and c.i < pronoun.i):
            if not any(c.dep_ == "conj" or self._listed(subject, c) for c in subject.children):
                continue
            found = [self.from_mention(token, mention, "speaker")
                     for token, mention in self.mentions_of(subject)]
            holders = [h for h in found if h is not None]
            if len(holders) >= 2:
                return holders
        return []

    def joint_holders(self, token: Token, via: str) -> list[Holder]:
        """ "The two presidents agreed", "the pair agreed to meet": the two people named (not
        merely referred to by a pronoun) in the nearest of the three sentences before."""
        lemma = token.lemma_.lower()
        if lemma not in self.joint_nouns or token.i in self.by_token:
            return []
        counted = any(c.lower_ in ("two", "both") for c in token.children)
        if not (counted or lemma in ("pair", "duo")):
            return []
        sents = list(self.doc.sents)
        here = next(k for k, s in enumerate(sents) if s.start <= token.i < s.end)
        for sent in reversed(sents[max(0, here - 3) : here]):
            found: list[Holder] = []
            for mention in self.doc._.mentions or []:
                if not (sent.start_char <= mention.start < sent.end_char):
                    continue
                if mention.kind != "person" or mention.resolution in ("pronoun", "unnamed"):
                    continue
                if all(h.actor != mention.actor for h in found):
                    found.append(Holder(mention.actor, mention.party, mention.kind, via))
            if len(found) >= 2:
                return found[-2:]
        return []

    def group_holders(self, token: Token, via: str) -> list[Holder]:
        """ "The Prime Minister travelled with President Macron, Chancellor Merz and Prime
        Minister Tusk … They called on Putin …", "the four leaders called for …": a plural
        subject that names no one is the group named together just before: a coordinated
        subject, or those the subject went "together with". Counted ("the four leaders"),
        the group may not be larger than the count."""
        lemma = token.lemma_.lower()
        pronoun = token.lower_ in ("they", "them")
        the = any(c.lower_ == "the" for c in token.children)
        definite_plural = token.tag_ == "NNS" and lemma in self.joint_nouns and the
        # "the four demanded ...": a number standing for the group it counts
        numbered = token.lower_ in _COUNTS and token.lower_ != "both" and the
        if not (pronoun or definite_plural or numbered) or token.dep_ not in ("nsubj",
                                                                              "nsubjpass"):
            return []
        count = _COUNTS[token.lower_] if numbered else next(
            (n for c in token.children if (n := _COUNTS.get(c.lower_))), None)
        sents = list(self.doc.sents)
        here = next(k for k, s in enumerate(sents) if s.start <= token.i < s.end)
        for sent in reversed(sents[max(0, here - GROUP_LOOKBACK) : here]):
            for head in sent:
                if head.dep_ not in ("nsubj", "nsubjpass", "pobj"):
                    continue
                if head.dep_ == "pobj" and head.head.lower_ != "with":
                    continue
                members = _listed(head)
                if head.dep_ == "pobj":
                    # "The Prime Minister travelled together with Macron, Merz and Tusk":
                    # everyone listed up to the next verb (however the list was parsed), and
                    # the one who went with them
                    members += _listed_after(head)
                    members += [c for c in head.head.head.children if c.dep_ == "nsubj"]
                found: dict[str, Holder] = {}
                for member in members:
                    for mention in self.mentions_at(member):
                        holder = self.from_mention(member, mention, via)
                        if holder is not None and holder.kind in ("person", "state"):
                            found.setdefault(holder.actor, holder)
                people = {h.party for h in found.values() if h.kind == "person"}
                found = {a: h for a, h in found.items()  # "Macron of France" is one member
                         if h.kind == "person" or h.party not in people}
                if len(found) >= 2 and (count is None or len(found) <= count):
                    self._last_group = (here, list(found.values()))
                    return list(found.values())
        if self._last_group is not None and 0 < here - self._last_group[0] <= GROUP_LOOKBACK:
            group = self._last_group[1]
            if count is None or len(group) <= count:
                self._last_group = (here, group)
                return [Holder(h.actor, h.party, h.kind, via) for h in group]
        return []

    def adjective_holder(self, token: Token, via: str) -> list[Holder]:
        """ "the central Russian demand": a side's adjective on a stance noun is its owner."""
        if via != "possessor" or token.dep_ != "amod":
            return []
        word = token.text.casefold()
        for party in self.pack.parties:
            if any(word == a.casefold() for a in party.adjectives):
                actor = self.pack.state_actor(party.id)
                if actor is not None:
                    return [Holder(actor.name, party.id, actor.kind, via)]
        return []

    def side_holders(self, token: Token, via: str) -> list[Holder]:
        """ "The two sides agreed", "the delegations agreed": each of the two sides the
        article has shown at the table so far ("the Russian delegation", "talks with American
        officials"), held by its state ("Russia"). No guess when two sides do not stand out."""
        lemma = token.lemma_.lower()
        if lemma not in self.side_nouns or token.i in self.by_token or self.mentions_at(token):
            return []
        counted = any(c.lower_ in ("two", "both") for c in token.children)
        definite_plural = token.tag_ in ("NNS", "NNPS") and any(
            c.lower_ == "the" for c in token.children
        )
        if not (counted or definite_plural):
            return []
        if any(c.dep_ in ("amod", "compound", "poss") for c in token.children):
            return []  # "the warring parties", "the opposing sides": named by other words
        end = token.sent.end_char
        counts: dict[str, int] = {}
        for char, party in self._sides_at_table():
            if char < end:
                counts[party] = counts.get(party, 0) + 1
        ranked = sorted(counts, key=lambda p: -counts[p])
        if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]):
            return []
        found = []
        for party in ranked[:2]:
            actor = self.pack.state_actor(party)
            if actor is not None:
                found.append(Holder(actor.name, party, actor.kind, via))
        return found if len(found) == 2 else []

    def _sides_at_table(self) -> list[tuple[int, str]]:
        """Where the article names a side at the negotiating table: a mention modifying a
        table noun ("the Ukrainian delegation", "Moscow's negotiators") or its object ("talks
        with American officials", "talks between X and Y")."""
        if self._table is not None:
            return self._table
        self._table = []
        for token_i, mention in self.by_token.items():
            if mention.party == "other" or mention.kind in NON_HOLDER_KINDS:
                continue
            token = self.doc[token_i]
            while token.dep_ == "conj" and token.head.i != token.i:
                token = token.head
            head = token.head
            if token.dep_ == "pobj" and head.lower_ in ("with", "between", "of"):
                head = head.head
            elif token.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            if head.lemma_.lower() in self.table_nouns:
                self._table.append((self.doc[token_i].idx, mention.party))
        return self._table

    def plan_at(self, token: Token) -> PlanMention | None:
        start, end = token.idx, token.idx + len(token)
        for plan in self.plans:
            if plan.start < end and start < plan.end:
                return plan
        return None

    def quote_at(self, token: Token) -> Quote | None:
        """The innermost quotation or reported-speech complement covering the token; a scare
        -quoted fragment only when nothing larger covers it (its speaker is a guess)."""
        covering = [q for q in self.quotes if q.start <= token.idx < q.end]
        whole = [q for q in covering if q.kind != "fragment"]
        found = whole or covering
        return found[0] if found else None

    # --- holders ------------------------------------------------------------------------

    def actor_kind(self, name: str) -> str:
        actor = self.pack.actor(name)
        return actor.kind if actor is not None else "person"

    def from_mention(self, token: Token, mention: Mention, via: str) -> Holder | None:
        if mention.kind in NON_HOLDER_KINDS or mention.resolution == "unnamed":
            return None
        if token.lower_ in FIRST_PERSON:
            return None  # the author's voice, or a speaker resolved through the quote
        return Holder(mention.actor, mention.party, mention.kind, via)

    def from_plan(self, token: Token) -> Holder | None:
        plan = self.plan_at(token)
        if plan is None or not plan.proposer:
            return None
        actor = self.pack.actor(plan.proposer)
        party = actor.party if actor is not None else "other"
        return Holder(plan.proposer, party, "plan", "plan")

    def speaker_holder(self, quote: Quote) -> Holder | None:
        if not quote.speaker or quote.speaker == UNNAMED_SOURCE:
            return None
        kind = self.actor_kind(quote.speaker)
        if kind in NON_HOLDER_KINDS:
            return None
        floor = "reported" if quote.resolution == SPEAKER_DOCUMENT else "stated"
        return Holder(quote.speaker, quote.party, kind, "speaker", floor)

    def unnamed_side(self, quote: Quote) -> Holder | None:
        """The state of the side an unnamed source speaks for, known only through the source:
        held as reported."""
        if quote.speaker != UNNAMED_SOURCE or quote.party in ("", "other"):
            return None
        actor = self.pack.state_actor(quote.party)
        if actor is None:
            return None
        return Holder(actor.name, quote.party, actor.kind, "speaker", "reported")

    def resolve(
        self, cue_token: Token, candidates: list[Token], via: str, strict: bool = False
    ) -> list[Holder]:
        """Holders of the position a cue expresses, given its grammatical holder tokens.

        Inside a quotation or reported speech the speaker holds the position, unless the
        grammatical holder is an actor of another side ("Trump said Putin rejected it")."""
        grammatical: list[Holder] = []
        first_person = False
        for candidate in candidates:
            reporters = self.plural_reporters(candidate)
            if reporters:
                grammatical.extend(reporters)
                continue
            if candidate.lower_ in FIRST_PERSON:
                first_person = True
                continue
            plan_holder = self.from_plan(candidate)
            if plan_holder is not None:
                grammatical.append(plan_holder)
                continue
            for token, mention in self.mentions_of(candidate):
                holder = self.from_mention(token, mention, via)
                if holder is not None:
                    grammatical.append(holder)
            grammatical.extend(self.joint_holders(candidate, via))
            grammatical.extend(self.side_holders(candidate, via))
            if not self.mentions_of(candidate):
                grammatical.extend(self.group_holders(candidate, via))
                grammatical.extend(self.adjective_holder(candidate, via))
        quote = self.quote_at(cue_token)
        if quote is None:
            return grammatical
        speaker = self.speaker_holder(quote)
        if speaker is None:
            side = self.unnamed_side(quote)
            unheld = not grammatical and not (strict and candidates)
            if side is not None and (first_person or unheld):
                # "'We will not give away land,' a Ukrainian official said": the source's side
                return [side]
            # Unnamed sources and outlets report what others hold.
            return [_with_floor(h, "reported") for h in grammatical]
        # "'Every time they reject a ceasefire ...'": someone else the speaker talks of,
        # though we could not tell who, is not the speaker.
        # (In reported speech "he said he was ready", the pronoun is the speaker.)
        others = quote.kind in ("direct", "transcript") and bool(candidates) and all(
            c.lower_ in THIRD_PERSON for c in candidates)
        if first_person or (not grammatical and not (strict and candidates) and not others):
            return [speaker]
        if not grammatical:
            # "strict": a named but unresolved holder ("the proposals made by his team")
            # is not the speaker.
            return []
        if all(h.party == speaker.party for h in grammatical):
            if speaker.kind != "person" and all(h.kind == "person" for h in grammatical):
                # "the Kremlin announced that Putin had declared a truce": the institution
                # relays what the person did
                return grammatical
            return [speaker]
        # "Medinsky said both sides agreed": the speaker speaks for his own side.
        holders: dict[str, Holder] = {}
        for holder in grammatical:
            chosen = speaker if holder.party == speaker.party else holder
            holders.setdefault(chosen.actor, chosen)
        return list(holders.values())


def _with_floor(holder: Holder, floor: str) -> Holder:
    return Holder(holder.actor, holder.party, holder.kind, holder.via, floor)


def _listed_after(head: Token) -> list[Token]:
    """The nouns after ``head`` in its sentence up to the next verb: a list however parsed."""
    found: list[Token] = []
    for token in head.doc[head.i + 1 : head.sent.end]:
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.pos_ in ("PROPN", "NOUN") and token.dep_ != "compound":
            found.append(token)
    return found


def _listed(head: Token) -> list[Token]:
    """A noun and the nouns listed with it, by coordination or by the apposition the parser
    often makes of a list ("President Macron of France, Chancellor Merz of Germany and …")."""
    found: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop(0)
        if token in found:
            continue
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ in ("conj", "appos"))
    return found
