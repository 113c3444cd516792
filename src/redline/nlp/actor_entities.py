"""Named references to actors: the pack's surface forms (with dates, case and context
checks) and party adjectives before collective nouns ("Russian officials")."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from redline.nlp.actor_index import CONFIDENCE, ActorIndex, Surface, transliteration_key
from redline.nlp.actor_matching import Draft, RawMatch, SurfaceMatcher, published_day
from redline.nlp.actor_references import span_root

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


# An all-capitals surname this long is the name set in capitals (headlines, tabloid leads);
# shorter ones are mostly acronyms ("UN").
MIN_CAPS_SURNAME = 4


def _previous(doc: Doc, i: int) -> Token | None:
    return doc[i - 1] if i > 0 else None


def _fits(surface: Surface, raw: RawMatch, doc: Doc, index: ActorIndex) -> bool:
    """Whether a surface form found in the text really names its actor here."""
    text = doc[raw.start : raw.end].text[: raw.end_char - raw.start_char]
    day: date | None = published_day(doc)
    if surface.case_sensitive and not all(c.isupper() for c in text if c.isalpha()):
        return False
    if not surface.holds_on(day):
        return False
    if surface.resolution == "surname" and (
        not text[:1].isupper()
        or (text.isupper() and not surface.phrase.isupper() and len(text) < MIN_CAPS_SURNAME)
    ):
        # "Un" of Kim Jong Un is not "UN"; "waltz" is not Waltz; a headline's "TRUMP:" or
        # "PUTIN'S PALS" is the person
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
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "visited Kyiv and Moscow": Moscow is where Kyiv is
    if root.dep_ == "dobj" and root.head.lemma_.casefold() in lexicon.place_object_verbs:
        return True  # "visited Kyiv", "struck Kyiv"
    first = draft.start if root.i >= draft.start else root.i
    prep = root.head if root.dep_ == "pobj" else _previous(doc, first)
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
    chosen: list[tuple[RawMatch, list[Surface]] | None] = []
    for raw, surfaces in options:
        overlapped = {owner[i] for i in range(raw.start, raw.end) if owner[i] >= 0}
        if overlapped and _name_beats_titles(raw, surfaces, [chosen[k] for k in overlapped]):
            for k in overlapped:
                # "Vladimir Putin's spokesman Dmitry Peskov": the full name keeps its tokens,
                # the title that only straddled it ("Putin's spokesman") is dropped.
                dropped = chosen[k]
                if dropped is not None:
                    for i in range(dropped[0].start, dropped[0].end):
                        owner[i] = -1
                chosen[k] = None
            overlapped = set()
        if overlapped:
            if len(overlapped) == 1:
                _extend(chosen, overlapped.pop(), raw, surfaces, owner)
            continue
        for i in range(raw.start, raw.end):
            owner[i] = len(chosen)
        chosen.append((raw, surfaces))
    picked = sorted((c for c in chosen if c is not None), key=lambda o: o[0].start)
    drafts: list[Draft] = []
    named: dict[str, int] = {}  # actor -> last position named unambiguously
    for raw, surfaces in picked:
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
    return _appositive_titles(doc, merge_titles_with_names(_with_first_names(doc, drafts, index)))


def _appositive_titles(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """ "Michael Waltz, Trump's national security adviser," and "the head of the SVR, Sergei
    Naryshkin,": a title in apposition to a named person is that person's, whatever the
    pack's dated holder."""
    people: dict[int, Draft] = {}
    for draft in drafts:
        if draft.kind == "person" and draft.resolution in ("name", "alias", "surname"):
            for i in range(draft.start, draft.end):
                people[i] = draft
    if not people:
        return drafts
    for draft in drafts:
        if draft.resolution not in ("title", "description") or draft.kind != "person":
            continue
        root = span_root(doc, draft.start, draft.end)
        named = people.get(root.head.i) if root.dep_ == "appos" else None
        if named is None:
            named = next(
                (people[c.i] for c in root.children if c.dep_ == "appos" and c.i in people), None
            )
        # "his pal Alexander Lukashenko, the Russian strongman said": a title of another
        # side is no apposition but a misparsed subject
        other_side = named is not None and None not in (named.party, draft.party) and (
            named.party != draft.party)
        if named is not None and named.actor != draft.actor and not other_side:
            draft.actor, draft.party, draft.gender = named.actor, named.party, named.gender
            draft.confidence = 0.8
    return drafts


def _with_first_names(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """A surname inside a longer PERSON entity: "Sergiy Lavrov" is Sergey Lavrov spelt
    another way (same initial), while "Ivan Lavrov" is someone else (the mention is dropped
    and named-entity recognition keeps the stranger), and so is "Anton Hrushetskyi", where
    the pack's surname is a first name."""
    person_start: dict[int, int] = {}
    person_end: dict[int, int] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            for i in range(ent.start, ent.end):
                person_start[i], person_end[i] = ent.start, ent.end
    if not person_start:
        return drafts
    kept: list[Draft] = []
    previous_end = 0
    for draft in drafts:
        end = person_end.get(draft.start, draft.end)
        if (draft.resolution == "surname" and end > draft.end
                and doc[draft.end].pos_ == "PROPN" and doc[draft.end].is_title):
            continue  # "Anton Hrushetskyi": a first name, not Michael Anton's surname
        start = person_start.get(draft.start, draft.start)
        while start < draft.start and (doc[start].norm_ in index.lexicon.honorifics
                                       or not any(c.isalpha() for c in doc[start].text)):
            start += 1  # "Ms Kallas", "• Zelensky": a courtesy title or a bullet, no first name
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


def _name_beats_titles(
    raw: RawMatch,
    surfaces: list[Surface],
    rivals: list[tuple[RawMatch, list[Surface]] | None],
) -> bool:
    """A person's full name partly overlapped by titles or descriptions of others wins."""
    if raw.end - raw.start < 2 or not all(
        s.resolution in ("name", "alias") and s.actor.kind == "person" for s in surfaces
    ):
        return False
    actors = {s.actor.name for s in surfaces}
    for rival in rivals:
        if rival is None:
            continue
        match, rival_surfaces = rival
        contains = match.start <= raw.start and raw.end <= match.end
        if contains or any(s.actor.name in actors for s in rival_surfaces):
            return False
        if any(s.resolution not in ("title", "description") for s in rival_surfaces):
            return False
    return True


def _extend(
    chosen: list[tuple[RawMatch, list[Surface]] | None],
    k: int,
    raw: RawMatch,
    surfaces: list[Surface],
    owner: list[int],
) -> None:
    """Two overlapping phrases naming the same actor are one mention covering both: "Saudi
    Crown Prince Mohammed" + "Mohammed bin Salman"."""
    found = chosen[k]
    if found is None:
        return
    kept, kept_surfaces = found
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
    full = [s for s in by_actor.values() if s.resolution != "surname"]
    if len(full) == 1:
        return full[0]  # a full form beats another actor's bare surname
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


# ---- party adjectives -------------------------------------------------------------------


def adjective_mentions(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """ "Russian officials", "the Ukrainian side", "the Russians": the state, at low
    confidence, only before a collective head noun or as a plural noun. "A senior Russian
    source" is an unnamed source of that side (resolution ``unnamed``)."""
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
            unnamed = head.norm_ in index.lexicon.unnamed_heads
        else:
            state = index.adjectives.get(norm[:-1]) if norm.endswith("s") else None
            if state is None or token.pos_ not in ("PROPN", "NOUN"):
                continue  # "the Russians", "the Ukrainians"
            end = token.i + 1
            unnamed = False
        found.append(
            Draft(
                token.i,
                end,
                token.idx,
                doc[end - 1].idx + len(doc[end - 1].text),
                state.name,
                state.party,
                "unnamed" if unnamed else "adjective",
                0.4,
                state.kind,
                None,
            )
        )
        for i in range(token.i, end):
            taken[i] = 1
    return found
