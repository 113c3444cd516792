"""People the pack does not know: spaCy PERSON entities kept as actors of their own (party
from their descriptor: "Russian banker X" is ``russia``, otherwise ``other``), pack people in
an unlisted transliteration, and the surnames of both later in the text."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from redline.nlp.actor_index import ActorIndex
from redline.nlp.actor_matching import Draft

POSSESSIVE_ENDINGS = ("'s", "’s", "‘s", "'", "’")
OTHER_PARTY = "other"


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


def _looks_like_a_name(name: str) -> bool:
    """Letters, spaces, hyphens, apostrophes and dots only, capitalised, not shouted: photo
    credits ("Brendan SMIALOWSKI / AFP") and dates are not people."""
    if not name or not name[:1].isupper():
        return False
    if any(not (c.isalpha() or c in " -'’.") for c in name):
        return False
    return not any(len(w) > 3 and w.isupper() for w in name.split())


def _after_place_word(doc: Doc, start: int, end: int, index: ActorIndex) -> bool:
    """ "in Kryvyi Rih", "hitting Kryvyi Rih": spaCy's PERSON used as a place."""
    lexicon = index.lexicon
    if start > 0 and doc[start - 1].norm_ in lexicon.place_prepositions:
        return True
    root = doc[end - 1]
    return root.dep_ == "dobj" and root.head.lemma_.casefold() in lexicon.place_object_verbs


def ner_mentions(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """People spaCy finds that the pack does not know, and their surnames later on."""
    taken = bytearray(len(doc))
    for draft in drafts:
        for i in range(draft.start, draft.end):
            taken[i] = 1
    found: list[Draft] = []
    known: dict[str, Draft] = {}  # surname -> first full mention
    # A word spaCy tags as a person on its own -> the first two-word name it shortens: the
    # first word of a name written surname first, the last of one spaCy took for an
    # organisation.
    given: dict[str, Draft] = {}
    for draft in drafts:
        named = draft.actor.split()
        if draft.kind == "person" and len(named) == 2:
            given.setdefault(named[0], draft)
    for ent in doc.ents:
        if ent.label_ == "ORG" and not any(taken[ent.start : ent.end]):
            guess = _person_labelled_organisation(doc, ent, drafts, index)
            if guess is not None:
                given.setdefault(guess.actor.split()[-1], guess)
            continue
        if ent.label_ != "PERSON" or any(taken[ent.start : ent.end]):
            continue
        end, name = _entity_name(doc, ent.start, ent.end)
        if not _looks_like_a_name(name) or _after_place_word(doc, ent.start, ent.end, index):
            continue
        if index.lexicon.is_bare_title(name):
            continue  # "Prime Minister", "PM": a title the parser took for a name
        words = name.split()
        start_char = doc[ent.start].idx
        introduced = given.get(words[0])
        first = known.get(words[0]) or (
            introduced if introduced is not None and introduced.start < ent.start else None)
        if len(words) == 1 and first is not None:
            found.append(_like(first, ent.start, end, start_char, start_char + len(name), 0.8))
            continue
        if len(words) == 1 and (
            doc[end - 1].dep_ not in ("nsubj", "nsubjpass")
            or (ent.start > 0 and doc[ent.start - 1].pos_ == "DET")
        ):
            continue  # a lone unknown word tagged PERSON is more often a place or a paper
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
        if len(words) == 2:
            # "Li Hui … Li said": names written surname first are shortened to their first
            # word; only a word spaCy itself tags as a person is taken for one
            given.setdefault(words[0], draft)
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


def _person_labelled_organisation(doc: Doc, ent: Span, drafts: list[Draft],
                                  index: ActorIndex) -> Draft | None:
    """The small model often labels a person's two-word name an organisation ("spokesman
    Matteo Bruni"): no mention of its own, but what a later "Bruni" it tags as a person
    stands for."""
    words = ent.text.split()
    if len(words) != 2 or not all(t.pos_ == "PROPN" for t in ent):
        return None
    if not (_looks_like_a_name(ent.text) and ent.text.istitle()):
        return None
    party = _descriptor_party(doc, ent.start, ent.end, drafts, index)
    return Draft(ent.start, ent.end, ent.start_char, ent.end_char, ent.text, party, "ner", 0.4,
                 "person", None)


def _strip_possessive(text: str) -> str:
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)]
    return text


def _like(first: Draft, start: int, end: int, start_char: int, end_char: int, conf: float) -> Draft:
    return Draft(
        start, end, start_char, end_char, first.actor, first.party, "surname", conf, first.kind
    )


def prefer_recent_strangers(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """ "Sergey Lavrov ... Ivan Lavrov, a farmer, ... Lavrov said": a bare surname goes to the
    person of that name introduced most recently, the pack's or not."""
    introduced: dict[str, tuple[int, Draft]] = {}  # surname -> (start, full mention)
    for draft in sorted(drafts, key=lambda d: d.start):
        if draft.kind != "person":
            continue
        if draft.resolution == "surname":
            surname = _strip_possessive(doc[draft.start : draft.end].text)
            latest = introduced.get(surname)
            if latest is not None and latest[1].actor != draft.actor:
                full = latest[1]
                draft.actor, draft.party, draft.gender = full.actor, full.party, full.gender
                draft.confidence = min(draft.confidence, 0.7)
            continue
        words = doc[draft.start : draft.end].text.split()
        if len(words) >= 2 and draft.resolution in ("name", "alias", "ner"):
            introduced[_strip_possessive(words[-1])] = (draft.start, draft)
    return drafts
