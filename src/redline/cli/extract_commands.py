"""Commands: ``redline extract`` (articles to gold-schema JSON) and ``redline eval``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from redline.cli.app import EXIT_OK, EXIT_REJECTED, app, console, err_console
from redline.cli.progress import progress_bar
from redline.evaluation import format_score, score_dirs
from redline.ingest import read_inputs
from redline.model import Article, Rejection
from redline.nlp.extraction import extract_articles, output_name, to_gold_dict


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (any ingest format).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for one NAME.json per article.")],
    pack: Annotated[str, typer.Option(help="Domain pack: built-in name or folder.")] = "russia-ukraine",
) -> None:
    """Extract claims, quotes and plans from articles into gold-schema JSON, without a database."""
    out.mkdir(parents=True, exist_ok=True)
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for item in read_inputs(paths):
        (rejections if isinstance(item, Rejection) else articles).append(item)
    written = 0
    with progress_bar("extracting", total=len(articles)) as advance:
        for article, result in extract_articles(articles, pack=pack):
            advance()
            if isinstance(result, Rejection):
                rejections.append(result)
                continue
            name = output_name(article)
            record = to_gold_dict(result, article_name=name.article)
            target = out / name.json
            target.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
            written += 1
    console.print(f"extracted {written} article(s) into {out}")
    for rejection in rejections:
        err_console.print(f"[red]rejected[/red] {rejection.source} ({rejection.stage}): {rejection.reason}")
    raise typer.Exit(EXIT_REJECTED if rejections else EXIT_OK)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="Folder of NAME.gold.json files.")],
    pred: Annotated[Path | None, typer.Option(help="Folder of NAME.json predictions.")] = None,
    articles: Annotated[
        Path | None, typer.Option(help="Extract these articles first, then score them.")
    ] = None,
    pack: Annotated[str, typer.Option(help="Domain pack: built-in name or folder.")] = "russia-ukraine",
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score predictions against gold files, with the same figures as the reference scorer."""
    if (pred is None) == (articles is None):
        err_console.print("give exactly one of --pred DIR or --articles DIR")
        raise typer.Exit(2)
    if articles is not None:
        import tempfile

        pred = Path(tempfile.mkdtemp(prefix="redline-eval-"))
        try:
            extract([articles], out=pred, pack=pack)
        except typer.Exit:
            pass
    assert pred is not None
    result = score_dirs(gold, pred)
    console.print(json.dumps(result, indent=2) if as_json else format_score(result), markup=False)
