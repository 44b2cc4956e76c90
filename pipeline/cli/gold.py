"""`vnfig gold ...`: check gold files and move them to and from Label Studio."""
from __future__ import annotations

import json
from decimal import Decimal
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

import typer

from vnfigures.evaluate.gold import GoldArticle, GoldFileError, from_article, load_gold, load_gold_dir
from vnfigures.evaluate.labelstudio import labeling_config, read_export, to_task
from vnfigures.read.inputs import iter_inputs

gold_app = typer.Typer(help="Gold files: check them, send them to Label Studio and read its exports back.",
                       no_args_is_help=True)

ARTICLE_SUFFIXES = {".json", ".jsonl", ".txt", ".html", ".htm"}


def _expand(inputs: list[Path]) -> list[Path]:
    out: list[Path] = []
    for item in inputs:
        if item.is_dir():
            out.extend(sorted(p for p in item.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            out.append(item)
    return out


def _is_gold(path: Path) -> bool:
    """A `.json` file holding an object with `figures` is a gold file; others are plain articles."""
    if path.suffix.lower() != ".json":
        return False
    try:
        return isinstance(data := json.loads(path.read_text(encoding="utf-8")), dict) and "figures" in data
    except (OSError, ValueError):
        return False


def _plain_items(path: Path) -> Iterator[object]:
    """What `vnfigures.process` reads: a path for .txt/.html, mappings for JSON and JSONL lines."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from iter_inputs([str(path)])  # articles, or read failures naming the bad line
    elif suffix == ".json":
        yield json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    else:
        yield path


def _articles(inputs: list[Path], rerun: bool, ner: bool) -> Iterator[tuple[GoldArticle, str]]:
    """Gold files as they are (or re-predicted with --rerun); plain articles through the pipeline."""
    import vnfigures.api as api
    from vnfigures.schemas import Failure

    plain: list[object] = []
    for path in _expand(inputs):
        if not _is_gold(path):
            plain.extend(_plain_items(path))
            continue
        try:
            gold = load_gold(path)
        except GoldFileError as exc:
            for problem in exc.problems:
                typer.echo(f"skipped: {problem}", err=True)
            continue
        if not rerun:
            yield gold, f"gold:{path.name}"
            continue
        article = api.extract(gold.text, id=gold.id, ner=ner)
        article.source, article.title = gold.source, gold.title
        yield from_article(article), "vnfigures"
    for failure in (item for item in plain if isinstance(item, Failure)):
        typer.echo(f"skipped: {failure.input}: {failure.error}: {failure.message}", err=True)
    for result in api.process([item for item in plain if not isinstance(item, Failure)], ner=ner):
        if isinstance(result, Failure):
            typer.echo(f"skipped: {result.input or result.id}: {result.error}: {result.message}", err=True)
        else:
            yield from_article(result), "vnfigures"


@gold_app.command("to-labelstudio")
def to_labelstudio(
    inputs: list[Path] = typer.Argument(..., exists=True, help="Gold files, articles (.txt/.html/.json/.jsonl) or folders."),
    output: Path = typer.Option(..., "-o", "--output", dir_okay=False, help="Tasks JSON file to write."),
    config: Optional[Path] = typer.Option(None, "--config", dir_okay=False, help="Also write the labeling config XML here."),
    rerun: bool = typer.Option(False, "--rerun", help="Pre-annotate gold files with the pipeline instead of their gold figures."),
    ner: bool = typer.Option(False, "--ner/--no-ner", help="Run NER and pre-annotate entities too."),
) -> None:
    """Write Label Studio tasks with figures as pre-annotations (`predictions`)."""
    tasks = [to_task(article, model_version=version) for article, version in _articles(inputs, rerun, ner)]
    output.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    typer.echo(f"{len(tasks)} tasks written to {output}", err=True)
    if config is not None:
        config.write_text(labeling_config(), encoding="utf-8")
        typer.echo(f"labeling config written to {config}", err=True)


@gold_app.command("from-labelstudio")
def from_labelstudio(
    export: Path = typer.Argument(..., exists=True, dir_okay=False, help="Label Studio JSON export."),
    out_dir: Path = typer.Argument(..., file_okay=False, help="Folder to write <id>.json gold files into."),
) -> None:
    """Turn a Label Studio JSON export (annotations, else predictions) into gold files.

    Offsets are checked against the text; a task with any problem is reported and not written.
    """
    articles, errors = read_export(export)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for article in articles:
        if ".." in Path(article.id).parts or Path(article.id).is_absolute():
            typer.echo(f"not written: id {article.id!r} is not a safe file name", err=True)
            continue
        target = out_dir / f"{article.id}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article.to_json(), encoding="utf-8")
        written += 1
    for error in errors:
        typer.echo(f"not written: {error.where}", err=True)
        for problem in error.problems:
            typer.echo(f"  - {problem}", err=True)
    typer.echo(f"{written} gold files written to {out_dir}", err=True)
    if errors or written < len(articles):
        raise typer.Exit(1)


@gold_app.command("check")
def check(paths: list[Path] = typer.Argument(..., exists=True, help="Gold files or folders.")) -> None:
    """Validate gold files (§5); print every problem with its file and field."""
    gold = load_gold_dir(*paths)
    for problem in gold.problems:
        typer.echo(str(problem))
    typer.echo(f"{len(gold.articles)} valid, {len(gold.problems)} problems", err=True)
    if gold.problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the `vnfig gold` command group to the app."""
    app.add_typer(gold_app, name="gold")
