"""Commands: ``redline train-claims`` (the pack's claim scorer and claim finder, tuned
together), and ``redline train-scorer`` and ``redline train-finder`` (each alone), from
annotated sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from redline.cli.app import app, console
from redline.cli.options import DEFAULT_PACK, PackOption, usage_error
from redline.cli.progress import progress_bar
from redline.nlp.claim_finder import FINDER_FILE, PAIR_KINDS, QUOTED, finder_text
from redline.nlp.claim_scorer import SCORER_FILE, scorer_text
from redline.nlp.claim_training import AnnotatedArticle, collect, train
from redline.nlp.finder_training import train_finder
from redline.nlp.joint_training import train_claim_models


def _annotated_set(folder: Path) -> tuple[str, Path, Path]:
    articles, gold = folder / "articles", folder / "gold"
    if not articles.is_dir() or not gold.is_dir():
        raise usage_error(f"{folder}: an annotated set needs articles/ and gold/ folders")
    return folder.name, articles, gold


def _collect(sets: list[Path], pack: str, pair_kinds: tuple[str, ...] = (QUOTED,)
             ) -> list[AnnotatedArticle]:
    found = [_annotated_set(folder) for folder in sets]
    if len({name for name, _, _ in found}) < 2:
        raise usage_error("give two annotated sets at least, to cross-validate")
    with progress_bar("reading the annotated articles", total=None) as advance:
        return collect(found, pack, on_article=advance, pair_kinds=pair_kinds)


def _pair_kinds(value: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in PAIR_KINDS]
    if not kinds or unknown:
        raise usage_error(f"--pair-kinds: {value!r}; give one or more of "
                          f"{', '.join(PAIR_KINDS)}, comma-separated")
    return kinds


PairKindsOption = Annotated[str, typer.Option(
    "--pair-kinds",
    help="The kinds of pair the finder learns and reads: quote (sentences of an actor's "
         "quote) and subject (sentences with the actor as a clause's subject), "
         "comma-separated.")]


def _print_held_out(cross: dict[str, Any], key: str, heading: str) -> None:
    """The rules' strict F1 and the model's (``key`` in the figures) per held-out set."""
    table = Table(title="claims strict F1, each set held out in turn")
    for column in ("set", "rules", heading):
        table.add_column(column)
    for name, row in [*cross["per_set"].items(), ("all", cross)]:
        table.add_row(name, f"{row['rules']['f1']:.3f}", f"{row[key]['f1']:.3f}")
    console.print(table)


# The annotated sets both commands train on.
SetsArgument = Annotated[list[Path], typer.Argument(
    help="Annotated sets (folders with articles/ and gold/), two at least; each is held out "
         "once in cross-validation.")]


@app.command("train-scorer")
def train_scorer(
    sets: SetsArgument,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the scorer JSON "
                                      "(a pack uses the claim_scorer.json in its folder).")],
    filtering: Annotated[bool, typer.Option(
        "--filter/--no-filter",
        help="Let the scorer drop and relabel candidates at the thresholds tuned; without it, "
             "it keeps every candidate and only gives it a confidence.")] = False,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """Train the claim scorer that keeps, drops or relabels the rules' candidate claims."""
    articles = _collect(sets, pack)
    with console.status("fitting and cross-validating"):
        training = train(articles, filtering)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(scorer_text(training.scorer), encoding="utf-8")
    figures = training.figures
    _print_held_out(figures["cross_validated"], "scored", "with the scorer")
    use = ("the scorer drops and relabels at these" if filtering
           else "recorded only: the scorer keeps every candidate and gives it a confidence")
    console.print(f"{figures['articles']} articles, {figures['candidates']} candidates; "
                  f"tuned: drop at P(no claim) >= {figures['drop_at']}, relabel at a margin "
                  f"of {figures['swap_margin']} ({use}); written to {out}")


@app.command("train-finder")
def train_finder_command(
    sets: SetsArgument,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the finder JSON "
                                      "(a pack uses the claim_finder.json in its folder).")],
    pair_kinds: PairKindsOption = QUOTED,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """Train the claim finder that reads positions in sentences the rules left without
    one."""
    kinds = _pair_kinds(pair_kinds)
    articles = _collect(sets, pack, kinds)
    with console.status("fitting and cross-validating"):
        training = train_finder(articles, kinds)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(finder_text(training.finder), encoding="utf-8")
    figures = training.figures
    _print_held_out(figures["cross_validated"], "with_finder", "with the finder")
    console.print(f"{figures['articles']} articles, {figures['pairs']} pairs; tuned: "
                  f"add a pair at P(stance) >= {figures['add_at']}, L2 {figures['l2']}; "
                  f"written to {out}")


@app.command("train-claims")
def train_claims(
    sets: SetsArgument,
    pack_dir: Annotated[Path, typer.Option(
        "--pack-dir", help=f"The pack folder to write {SCORER_FILE} and {FINDER_FILE} to.")],
    pair_kinds: PairKindsOption = QUOTED,
    pack: PackOption = DEFAULT_PACK,
) -> None:
    """Train the claim scorer and the claim finder together: the scorer's drop and relabel
    thresholds and the finder's adding threshold are chosen jointly, by cross-validation."""
    kinds = _pair_kinds(pair_kinds)
    articles = _collect(sets, pack, kinds)
    with console.status("fitting and cross-validating both models"):
        models = train_claim_models(articles, kinds)
    pack_dir.mkdir(parents=True, exist_ok=True)
    (pack_dir / SCORER_FILE).write_text(scorer_text(models.scorer), encoding="utf-8")
    (pack_dir / FINDER_FILE).write_text(finder_text(models.finder), encoding="utf-8")
    figures = models.figures
    cross = figures["cross_validated"]
    columns = {"rules": "rules", "scorer_alone": "scorer alone",
               "finder_alone": "finder alone", "both": "both"}
    table = Table(title="claims strict F1, each set held out in turn")
    for heading in ("set", *columns.values()):
        table.add_column(heading)
    for name, row in [*cross["per_set"].items(), ("all", cross)]:
        table.add_row(name, *(f"{row[key]['f1']:.3f}" for key in columns))
    console.print(table)
    console.print(f"{figures['articles']} articles, {figures['candidates']} candidates, "
                  f"{figures['pairs']} pairs; tuned: drop at P(no claim) >= "
                  f"{figures['drop_at']}, relabel at a margin of {figures['swap_margin']}, "
                  f"add a pair at P(stance) >= {figures['add_at']}, L2 {figures['l2']}; "
                  f"written to {pack_dir}")
