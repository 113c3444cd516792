"""Commands: ``redline extract`` (articles to gold-schema JSON) and ``redline eval``."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from redline.cli.app import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, app, console, err_console
from redline.cli.options import DEFAULT_PACK, PackOption
from redline.cli.progress import progress_bar
from redline.evaluation import format_score, score_dirs
from redline.nlp.extraction import ExtractSummary, write_gold_files

ScorerOption = Annotated[
    bool, typer.Option("--scorer/--no-scorer",
                       help="Pass the rules' claims through the pack's claim scorer, if any.")
]

FinderOption = Annotated[
    bool, typer.Option("--finder/--no-finder",
                       help="Add the claims the pack's claim finder reads in quoted sentences "
                            "the rules left without a position, if the pack has a finder.")
]


def _extract(paths: list[Path], out: Path, pack: str, scorer: bool = True,
             finder: bool = True) -> ExtractSummary:
    with progress_bar("extracting", total=None) as advance:
        summary = write_gold_files(paths, out, pack=pack, on_article=advance, scorer=scorer,
                                   finder=finder)
    for rejection in summary.rejections:
        err_console.print(
            f"[red]rejected[/red] {rejection.source} ({rejection.stage}): {rejection.reason}"
        )
    return summary


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (any format ingest reads).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for one NAME.json per article.")],
    pack: PackOption = DEFAULT_PACK,
    scorer: ScorerOption = True,
    finder: FinderOption = True,
) -> None:
    """Extract claims, quotes and plans from articles into gold-schema JSON, without a database."""
    summary = _extract(paths, out, pack, scorer, finder)
    console.print(f"extracted {len(summary.written)} article(s) into {out}")
    raise typer.Exit(EXIT_REJECTED if summary.rejections else EXIT_OK)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="Folder of NAME.gold.json files.")],
    pred: Annotated[Path | None, typer.Option(help="Folder of NAME.json predictions.")] = None,
    articles: Annotated[
        Path | None, typer.Option(help="Extract these articles first, then score them.")
    ] = None,
    pack: PackOption = DEFAULT_PACK,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    scorer: ScorerOption = True,
    finder: FinderOption = True,
) -> None:
    """Score predictions against gold files, with the same figures as the reference scorer."""
    if articles is not None and pred is None:
        pred = Path(tempfile.mkdtemp(prefix="redline-eval-"))
        _extract([articles], pred, pack, scorer, finder)
    elif pred is None or articles is not None:
        err_console.print("give exactly one of --pred DIR or --articles DIR")
        raise typer.Exit(EXIT_USAGE)
    result = score_dirs(gold, pred)
    console.print(json.dumps(result, indent=2) if as_json else format_score(result), markup=False)
