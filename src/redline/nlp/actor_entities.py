"""Named references to actors: the pack's surface forms (with dates, case and context
checks), people the pack does not know (spaCy PERSON entities) and party adjectives before
collective nouns ("Russian officials")."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from redline.nlp.actor_index import CONFIDENCE, ActorIndex, Surface, transliteration_key
from redline.nlp.actor_matching import Draft, RawMatch, SurfaceMatcher

# When two surface forms cover the same text, the more explicit kind wins.
RANK = {
    "name": 0,
    "alias": 1,
    "title": 2,
    "metonym": 3,
    "epithet": 4,
    "description": 5,
    "surname": 6,
}
PLACE_ENTITIES = ("GPE", "LOC", "FAC")
POSSESSIVE_ENDINGS = ("'s", "’s", "‘s", "'", "’")
OTHER_PARTY = "other"


def _previous(doc: Doc, i: int) -> Token | None:
    return doc[i - 1] if i > 0 else None


def _fits(surface: Surface, raw: RawMatch, doc: Doc, index: ActorIndex) -> bool:
    """Whether a surface form found in the text really names its actor here."""
    text = doc[raw.start : raw.end].text[: raw.end_char - raw.start_char]
    day: date | None = doc._.published
    if surface.case_sensitive and not all(c.isupper() for c in text if c.isalpha()):
        return False
    if not surface.holds_on(day):
        return False
    if surface.resolution == "surname" and not text[:1].isupper():
        return False
    if surface.resolution in ("title", "description"):
        before = _previous(doc, raw.start)
        if before is not None:
            if before.norm_ in index.lexicon.title_blockers:
                return False  # "former Russian president", "deputy foreign minister"
            if before.norm_ in index.adjectives or before.ent_type_ == "NORP":
                return False  # "Chinese vice president" is not the pack's vice president
            if before.norm_ == "'s" and before.i > 0:
                return _owner_agrees(doc[before.i - 1], surface, index)
    return True


def _owner_agrees(owner: Token, surface: Surface, index: ActorIndex) -> bool:
    """ "Britain's national security adviser" is not the US one: a country owning a title
    must be the title holder's side."""
    party = index.state_words.get(owner.norm_)
    if party is not None:
        return party == surface.actor.party
    return owner.ent_type_ not in ("GPE", "NORP")


def _dateline(doc: Doc, draft: Draft) -> bool:
    """ "KYIV, Feb 12 (Reuters) -": a capitalised place name opening a paragraph."""
    first = doc[draft.start]
    letters = [c for c in first.text if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    at_line_start = draft.start == 0 or "\n" in doc[draft.start - 1].text_with_ws
    after = doc[draft.end] if draft.end < len(doc) else None
    return at_line_start and after is not None and after.text in (",", "(", "-", "–", "—")


def _is_place(doc: Doc, draft: Draft, index: ActorIndex) -> bool:
    """A state's name used as a place: "talks in Moscow", "flew to Washington"."""
    lexicon = index.lexicon
    if _dateline(doc, draft):
        return True
    root = doc[draft.end - 1]
    prep = root.head if root.dep_ == "pobj" else _previous(doc, draft.start)
    if prep is None or prep.pos_ not in ("ADP", ""):
        return False
    word = prep.norm_
    if word in lexicon.place_prepositions:
        return True
    return word in ("to", "from") and prep.head.lemma_.casefold() in lexicon.motion_verbs


def pack_mentions(doc: Doc, matcher: SurfaceMatcher) -> list[Draft]:
    """Mentions of pack actors by name, alias, metonym, title, epithet, description, surname."""
    index = matcher.index
    options: list[tuple[RawMatch, list[Surface]]] = []
    for raw in matcher.find(doc):
        kept = [s for s in raw.surfaces if _fits(s, raw, doc, index)]
        if kept:
            options.append((raw, kept))
    options.sort(
        key=lambda o: (
            -(o[0].end_char - o[0].start_char),
            min(RANK[s.resolution] for s in o[1]),
            o[0].start_char,
        )
    )
    owner: list[int] = [-1] * len(doc)  # token -> index in chosen
    chosen: list[tuple[RawMatch, list[Surface]]] = []
    for raw, surfaces in options:
        overlapped = {owner[i] for i in range(raw.start, raw.end) if owner[i] >= 0}
        if overlapped:
            if len(overlapped) == 1:
                _extend(chosen, overlapped.pop(), raw, surfaces, owner)
            continue
        for i in range(raw.start, raw.end):
            owner[i] = len(chosen)
        chosen.append((raw, surfaces))
    chosen.sort(key=lambda o: o[0].start)
    drafts: list[Draft] = []
    named: dict[str, int] = {}  # actor -> last position named unambiguously
    for raw, surfaces in chosen:
        surface = _pick(surfaces, named)
        if surface is None:
            continue
        actor = surface.actor
        resolution = surface.resolution
        confidence = CONFIDENCE[resolution]
        if resolution == "surname":
            if actor.name in named:
                confidence = 0.9
            elif not surface.standalone or doc[raw.start].ent_type_ in PLACE_ENTITIES:
                continue  # not introduced yet, or here a place ("Austin, Texas")
        draft = Draft(
            raw.start,
            raw.end,
            raw.start_char,
            raw.end_char,
            actor.name,
            actor.party,
            resolution,
            confidence,
            actor.kind,
            actor.gender,
        )
        if actor.kind in ("state", "institution") and _is_place(doc, draft, index):
            draft.confidence = 0.3
        drafts.append(draft)
        named[actor.name] = raw.start
    return merge_titles_with_names(_with_first_names(doc, drafts, index))


def _with_first_names(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """A surname inside a longer PERSON entity: "Sergiy Lavrov" is Sergey Lavrov spelt
    another way (same initial), while "Ivan Lavrov" is someone else (the mention is dropped
    and named-entity recognition keeps the stranger)."""
    person_start: dict[int, int] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            for i in range(ent.start, ent.end):
                person_start[i] = ent.start
    if not person_start:
        return drafts
    kept: list[Draft] = []
    previous_end = 0
    for draft in drafts:
        start = person_start.get(draft.start, draft.start)
        if draft.resolution != "surname" or start >= draft.start or start < previous_end:
            kept.append(draft)
            previous_end = draft.end
            continue
        actor = index.by_name[draft.actor]
        initials = {transliteration_key(n.split()[0])[:1] for n in (actor.name, *actor.aliases)}
        if transliteration_key(doc[start].text)[:1] not in initials:
            continue
        draft.start, draft.start_char = start, doc[start].idx
        draft.resolution, draft.confidence = "alias", 0.85
        kept.append(draft)
        previous_end = draft.end
    return kept


def _extend(
    chosen: list[tuple[RawMatch, list[Surface]]],
    k: int,
    raw: RawMatch,
    surfaces: list[Surface],
    owner: list[int],
) -> None:
    """Two overlapping phrases naming the same actor are one mention covering both: "Saudi
    Crown Prince Mohammed" + "Mohammed bin Salman"."""
    kept, kept_surfaces = chosen[k]
    actors = {s.actor.name for s in surfaces}
    shared = [s for s in kept_surfaces if s.actor.name in actors]
    if not shared:
        return
    start = min(kept.start, raw.start)
    end = max(kept.end, raw.end)
    merged = RawMatch(
        start,
        end,
        min(kept.start_char, raw.start_char),
        max(kept.end_char, raw.end_char),
        tuple(shared),
    )
    chosen[k] = (merged, shared)
    for i in range(start, end):
        owner[i] = k


def _pick(surfaces: list[Surface], named: dict[str, int]) -> Surface | None:
    """The surface to trust when a phrase may name several actors: the one named most
    recently; none when the text gives no way to choose."""
    by_actor: dict[str, Surface] = {}
    for surface in sorted(surfaces, key=lambda s: RANK[s.resolution]):
        by_actor.setdefault(surface.actor.name, surface)
    if len(by_actor) == 1:
        return next(iter(by_actor.values()))
    recent = [name for name in by_actor if name in named]
    if recent:
        return by_actor[max(recent, key=lambda name: named[name])]
    standalone = [s for s in by_actor.values() if s.standalone]
    return standalone[0] if len(standalone) == 1 and standalone[0].resolution == "surname" else None


def merge_titles_with_names(drafts: list[Draft]) -> list[Draft]:
    """ "Russian President Vladimir Putin" is one mention: a title or description right before
    a person's name joins it, and the name decides who it is."""
    merged: list[Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.resolution in ("title", "description", "epithet")
            and draft.kind == "person"
            and draft.resolution in ("name", "alias", "surname")
            and last.end == draft.start
        ):
            draft.start, draft.start_char = last.start, last.start_char
            draft.confidence = max(draft.confidence, 0.95 if last.actor == draft.actor else 0.9)
            merged[-1] = draft
            continue
        merged.append(draft)
    return merged


# ---- people the pack does not know ------------------------------------------------------


def _descriptor_party(
    doc: Doc, start: int, end: int, drafts: list[Draft], index: ActorIndex
) -> str:
    """The party a person's own noun phrase or appositive gives them: "Russian tycoon X",
    "X, a Kremlin aide,", "Putin's ambassador, X". Otherwise ``other``."""
    by_token: dict[int, Draft] = {}
    for draft in drafts:
        for i in range(draft.start, draft.end):
            by_token[i] = draft
    words: list[Token] = []
    i = start - 1
    while i >= 0 and start - i <= 4:
        token = doc[i]
        if token.is_punct or token.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ"):
            break
        words.append(token)
        i -= 1
    root = doc[end - 1]
    for child in root.children:
        if child.dep_ == "appos":
            words.extend(child.subtree)
    if root.dep_ == "appos":
        words.extend(root.head.lefts)
    for token in words:
        state = index.adjectives.get(token.norm_)
        if state is not None:
            return state.party
        known = by_token.get(token.i)
        if known is not None and known.party != OTHER_PARTY:
            return known.party
    return OTHER_PARTY


def _entity_name(doc: Doc, start: int, end: int) -> tuple[int, str]:
    """The entity without a trailing possessive: (end token, name)."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].norm_ in ("'s", "'")):
        end -= 1
    if end <= start:
        return end, ""
    name = doc[start:end].text
    for ending in POSSESSIVE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending) + 1:
            name = name[: -len(ending)]
            break
    return end, name


def ner_mentions(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """People spaCy finds that the pack does not know, and their surnames later on."""
    taken = bytearray(len(doc))
    for draft in drafts:
        for i in range(draft.start, draft.end):
            taken[i] = 1
    found: list[Draft] = []
    known: dict[str, Draft] = {}  # surname -> first full mention
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(taken[ent.start : ent.end]):
            continue
        end, name = _entity_name(doc, ent.start, ent.end)
        if not name or not name[:1].isupper() or any(c.isdigit() for c in name):
            continue
        words = name.split()
        start_char = doc[ent.start].idx
        if len(words) == 1 and words[0] in known:
            first = known[words[0]]
            found.append(_like(first, ent.start, end, start_char, start_char + len(name), 0.8))
            continue
        if len(words) == 1 and doc[end - 1].dep_ not in ("nsubj", "nsubjpass"):
            continue  # a lone unknown word tagged PERSON is more often a place or a name part
        variant = index.spelling_variant(words)
        if variant is not None:
            # "Volodymyr Zelenskyi": a pack person in a spelling the pack does not list.
            draft = Draft(
                ent.start,
                end,
                start_char,
                start_char + len(name),
                variant.name,
                variant.party,
                "alias",
                0.75,
                "person",
                variant.gender,
            )
            found.append(draft)
            for i in range(ent.start, end):
                taken[i] = 1
            known.setdefault(words[-1], draft)
            continue
        party = _descriptor_party(doc, ent.start, end, drafts, index)
        draft = Draft(
            ent.start,
            end,
            start_char,
            start_char + len(name),
            name,
            party,
            "ner",
            0.6 if len(words) > 1 else 0.4,
            "person",
            None,
        )
        found.append(draft)
        for i in range(ent.start, end):
            taken[i] = 1
        if len(words) > 1:
            known.setdefault(words[-1], draft)
    if known:
        # Surnames spaCy did not tag again: "Malofeyev said".
        covered = {i for d in found for i in range(d.start, d.end)}
        for token in doc:
            found_first = known.get(token.text) or known.get(_strip_possessive(token.text))
            if found_first is None or taken[token.i] or token.i in covered:
                continue
            if token.i < found_first.start:
                continue
            stem = _strip_possessive(token.text)
            end_char = token.idx + len(stem)
            found.append(_like(found_first, token.i, token.i + 1, token.idx, end_char, 0.8))
    return found


def _strip_possessive(text: str) -> str:
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)]
    return text


def _like(first: Draft, start: int, end: int, start_char: int, end_char: int, conf: float) -> Draft:
    return Draft(
        start, end, start_char, end_char, first.actor, first.party, "surname", conf, first.kind
    )


# ---- party adjectives -------------------------------------------------------------------


def adjective_mentions(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """ "Russian officials", "the Ukrainian side", "the Russians": the state, at low
    confidence, only before a collective head noun or as a plural noun."""
    taken = bytearray(len(doc))
    for draft in drafts:
        for i in range(draft.start, draft.end):
            taken[i] = 1
    heads = index.lexicon.collective_heads
    found: list[Draft] = []
    for token in doc:
        if taken[token.i]:
            continue
        norm = token.norm_
        state = index.adjectives.get(norm)
        if state is not None:
            head = token.head
            if token.dep_ == "conj" and head.i < token.i:
                head = head.head  # "Ukrainian and European officials"
            if head.i == token.i and token.i + 1 < len(doc):
                head = doc[token.i + 1]  # an unparsed Doc: the next word
            if not (token.i < head.i <= token.i + 4) or head.norm_ not in heads:
                continue
            if any(taken[token.i : head.i + 1]):
                continue
            coordinated = any(doc[i].dep_ in ("cc", "conj") for i in range(token.i + 1, head.i))
            end = token.i + 1 if coordinated else head.i + 1
        else:
            state = index.adjectives.get(norm[:-1]) if norm.endswith("s") else None
            if state is None or token.pos_ not in ("PROPN", "NOUN"):
                continue  # "the Russians", "the Ukrainians"
            end = token.i + 1
        found.append(
            Draft(
                token.i,
                end,
                token.idx,
                doc[end - 1].idx + len(doc[end - 1].text),
                state.name,
                state.party,
                "adjective",
                0.4,
                state.kind,
                None,
            )
        )
        for i in range(token.i, end):
            taken[i] = 1
    return found
