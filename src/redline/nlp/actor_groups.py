"""Actors an article names only through another: linked groups ("a Kremlin-linked think
tank"), a person's entourage ("Putin mouthpieces": the person's side) and documents ("a
document from the think tank", later "the document": its author)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from redline.nlp.actor_index import ActorIndex
from redline.nlp.actor_matching import Draft, draft_text
from redline.nlp.actor_references import sentence_ids

DOCUMENT_WINDOW = 12  # sentences "the document" may reach back
AUTHOR_PREPOSITIONS = ("from", "by", "of")


def _group_label(
    doc: Doc, token: Token, head_start: int, by_end: dict[int, Draft], index: ActorIndex
) -> tuple[Draft, str, int] | None:
    """The linked actor of a group noun, the label it gives the group and its first token."""
    links = index.lexicon.group_links
    link = doc[head_start - 1] if head_start > 0 else None
    if link is None:
        return None
    if link.norm_ in links and head_start >= 3 and doc[head_start - 2].text == "-":
        linked = by_end.get(head_start - 2)  # "Kremlin-linked"
        if linked is not None:
            return linked, f"{draft_text(doc, linked)}-{link.text.casefold()}", linked.start
        return None
    linked = by_end.get(head_start)  # "pro-Kremlin"
    if (
        linked is not None
        and linked.start >= 2
        and doc[linked.start - 1].text == "-"
        and doc[linked.start - 2].norm_ == "pro"
    ):
        return linked, f"pro-{draft_text(doc, linked)}", linked.start - 2
    return None


def group_mentions(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """ "a Kremlin-linked think tank", "pro-Kremlin bloggers": an unnamed group on the side of
    the actor it is linked to; it replaces the mention of that actor inside it. A later group
    of the same noun and side ("the pro-Kremlin think tank") is taken to be the same group."""
    lexicon = index.lexicon
    by_end = {d.end: d for d in drafts if d.kind != "person"}
    replaced: set[int] = set()
    groups: list[Draft] = []
    named: dict[tuple[str, str], str] = {}  # (party, noun) -> first name given
    for token in doc:
        if token.i == 0:
            continue
        noun = lexicon.group_nouns.get(token.norm_)
        if noun is None and token.norm_ == "tank":
            noun = lexicon.group_nouns.get(doc[token.i - 1].norm_ + " tank")
        if noun is None:
            continue
        head_start = token.i - 1 if doc[token.i - 1].norm_ == "think" else token.i
        found = _group_label(doc, token, head_start, by_end, index)
        if found is None:
            continue
        linked, label, start = found
        name = named.setdefault((linked.party, noun), f"{label} {noun}")
        replaced.add(id(linked))
        groups.append(
            Draft(
                start,
                token.i + 1,
                doc[start].idx,
                token.idx + len(token.text),
                name,
                linked.party,
                "description",
                0.6,
                "group",
                None,
            )
        )
    return [d for d in drafts if id(d) not in replaced] + groups


def proxy_mentions(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """ "Putin mouthpieces", "Trump's aides", "Zelensky's government", "Kremlin officials",
    "Russia's foreign ministry": a person's entourage, or a side's officials and offices,
    speak for that side, so the phrase is a mention of the party's state (the inner mention
    stays). Unnamed sources ("Kremlin sources") are left to ``unnamed_source_mentions``."""
    lexicon = index.lexicon
    by_token = {i: d for d in drafts for i in range(d.start, d.end)}
    found: list[Draft] = []
    for token in doc:
        if token.i in by_token or token.norm_ in lexicon.unnamed_heads:
            continue
        entourage = token.tag_ in ("NNS", "NNPS") and token.norm_ in lexicon.proxy_plurals
        if not entourage and token.norm_ not in lexicon.collective_heads:
            continue
        for child in token.lefts:
            inner = by_token.get(child.i)
            if inner is None or child.dep_ not in ("compound", "poss", "nmod"):
                continue
            if inner.kind == "person":
                state = index.pack.state_actor(inner.party)
                confidence = 0.5
            elif inner.kind in ("state", "institution") and inner.resolution != "unnamed":
                state = index.by_name.get(inner.actor)
                confidence = 0.6
            else:
                break
            if state is None:
                break
            found.append(
                Draft(
                    inner.start,
                    token.i + 1,
                    inner.start_char,
                    token.idx + len(token.text),
                    state.name,
                    state.party,
                    "description",
                    confidence,
                    state.kind,
                    None,
                )
            )
            break
    return found


def unnamed_source_mentions(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """ "Kremlin sources", "a Ukrainian government insider": an unnamed source of the side
    named before the head noun (resolution ``unnamed``; the side's own mention stays)."""
    heads = index.lexicon.unnamed_heads
    by_token = {i: d for d in drafts for i in range(d.start, d.end) if d.kind != "person"}
    covered = {i for d in drafts for i in range(d.start, d.end)}
    found: list[Draft] = []
    for token in doc:
        if token.norm_ not in heads or token.i in covered:
            continue
        for child in token.lefts:
            side = by_token.get(child.i)
            if side is None or child.dep_ not in ("compound", "amod", "nmod", "poss"):
                continue
            found.append(
                Draft(
                    side.start,
                    token.i + 1,
                    side.start_char,
                    token.idx + len(token.text),
                    side.actor,
                    side.party,
                    "unnamed",
                    0.4,
                    side.kind,
                    None,
                )
            )
            break
    return found


def _author(token: Token, by_token: dict[int, Draft]) -> Draft | None:
    for child in token.children:
        if child.dep_ == "poss" and child.i in by_token:
            return by_token[child.i]
        if child.dep_ == "prep" and child.norm_ in AUTHOR_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in by_token:
                    return by_token[obj.i]
    return None


def document_mentions(doc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """A document attributed to its author ("a classified document from a Kremlin-linked think
    tank", "the think tank's paper"), and later "the document" referring back to it."""
    nouns = index.lexicon.document_nouns
    by_token = {i: d for d in drafts for i in range(d.start, d.end) if d.resolution != "adjective"}
    sentences = sentence_ids(doc)
    found: list[Draft] = []
    last: tuple[Draft, int] | None = None  # the last document's author and sentence
    for token in doc:
        if token.norm_ not in nouns or token.i in by_token:
            continue
        author = _author(token, by_token)
        if author is None and last is not None:
            definite = any(c.dep_ == "det" and c.norm_ in ("the", "this") for c in token.lefts)
            near = sentences[token.i] - last[1] <= DOCUMENT_WINDOW
            if definite and near and token.tag_ in ("NN", "NNP"):
                author = last[0]
        if author is None:
            continue
        found.append(
            Draft(
                token.i,
                token.i + 1,
                token.idx,
                token.idx + len(token.text),
                author.actor,
                author.party,
                "document",
                round(min(author.confidence, 0.6), 2),
                author.kind,
                author.gender,
            )
        )
        last = (found[-1], sentences[token.i])
    return found
