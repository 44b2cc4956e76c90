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
from vnfigures.schemas import Article

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


def _plain_items(path: Path) -> Iterator[tuple[object, str]]:
    """What `vnfigures.process` reads, with where it came from: a path for .txt/.html,
    mappings for JSON and JSONL lines (`path:line`)."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for record in iter_inputs([str(path)]):  # articles, or read failures naming the bad line
            yield record, record.origin if isinstance(record, Article) else (record.input or str(path))
    elif suffix == ".json":
        yield json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal), str(path)
    else:
        yield path, str(path)


def _articles(inputs: list[Path], rerun: bool, ner: bool) -> Iterator[tuple[GoldArticle, str, str]]:
    """(article, model version, where it came from): gold files as they are (or re-predicted
    with --rerun); plain articles through the pipeline."""
    import vnfigures.api as api
    from vnfigures.schemas import Failure

    plain: list[tuple[object, str]] = []
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
            yield gold, f"gold:{path.name}", str(path)
            continue
        article = api.extract(gold.text, id=gold.id, ner=ner)
        article.source, article.title = gold.source, gold.title
        yield from_article(article), "vnfigures", str(path)
    for failure in (item for item, _ in plain if isinstance(item, Failure)):
        typer.echo(f"skipped: {failure.input}: {failure.error}: {failure.message}", err=True)
    readable = [(item, where) for item, where in plain if not isinstance(item, Failure)]
    results = api.process([item for item, _ in readable], ner=ner)
    for result, (_, where) in zip(results, readable):
        if isinstance(result, Failure):
            typer.echo(f"skipped: {result.input or result.id}: {result.error}: {result.message}", err=True)
        else:
            yield from_article(result), "vnfigures", where


def _unique_ids(items: Iterator[tuple[GoldArticle, str, str]]) -> list[tuple[GoldArticle, str]]:
    """The articles, or exit 2 naming both inputs of an id given twice.

    WHY: two tasks with one id come back as one gold file, the later silently replacing the
    earlier (e.g. a seed's gold `.json` beside its `.txt` in one folder).
    """
    seen: dict[str, str] = {}
    out: list[tuple[GoldArticle, str]] = []
    for article, version, where in items:
        if article.id in seen:
            typer.echo(f"error: id {article.id!r} comes from two inputs, {seen[article.id]} and {where}; "
                       "give only one of them", err=True)
            raise typer.Exit(2)
        seen[article.id] = where
        out.append((article, version))
    return out


@gold_app.command("to-labelstudio")
def to_labelstudio(
    inputs: list[Path] = typer.Argument(..., exists=True, help="Gold files, articles (.txt/.html/.json/.jsonl) or folders."),
    output: Path = typer.Option(..., "-o", "--output", dir_okay=False, help="Tasks JSON file to write."),
    config: Optional[Path] = typer.Option(None, "--config", dir_okay=False, help="Also write the labeling config XML here."),
    rerun: bool = typer.Option(False, "--rerun", help="Pre-annotate gold files with the pipeline instead of their gold figures."),
    ner: bool = typer.Option(False, "--ner/--no-ner", help="Run NER and pre-annotate entities too."),
) -> None:
    """Write Label Studio tasks with figures as pre-annotations (`predictions`)."""
    tasks = [to_task(article, model_version=version) for article, version in _unique_ids(_articles(inputs, rerun, ner))]
    output.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    typer.echo(f"{len(tasks)} tasks written to {output}", err=True)
    if config is not None:
        config.write_text(labeling_config(), encoding="utf-8")
        typer.echo(f"labeling config written to {config}", err=True)


@gold_app.command("from-labelstudio")
def from_labelstudio(
    export: Path = typer.Argument(..., exists=True, dir_okay=False, help="Label Studio JSON export."),
    out_dir: Path = typer.Argument(..., file_okay=False, help="Folder to write <id>.json gold files into."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace gold files that already exist."),
) -> None:
    """Turn a Label Studio JSON export (annotations, else predictions) into gold files.

    Offsets are checked against the text; a task with any problem is reported and not written.
    An existing gold file is never replaced unless `--overwrite` is given, and two tasks with
    one id are both reported (neither silently wins). The count printed is the count written.
    """
    articles, errors = read_export(export)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for article in _without_repeated_ids(articles):
        target = _gold_target(out_dir, article.id, overwrite)
        if target is None:
            continue
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


def _without_repeated_ids(articles: list[GoldArticle]) -> list[GoldArticle]:
    """The articles whose id occurs once in the export; each repeated id is reported."""
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.id] = counts.get(article.id, 0) + 1
    for article_id, count in counts.items():
        if count > 1:
            typer.echo(f"not written: id {article_id!r} is in {count} tasks of the export; "
                       "keep one and export again", err=True)
    return [a for a in articles if counts[a.id] == 1]


def _gold_target(out_dir: Path, article_id: str, overwrite: bool) -> Path | None:
    """Where the gold file of `article_id` goes, or None (reported) when it may not be written."""
    if ".." in Path(article_id).parts or Path(article_id).is_absolute():
        typer.echo(f"not written: id {article_id!r} is not a safe file name", err=True)
        return None
    target = out_dir / f"{article_id}.json"
    if target.exists() and not overwrite:
        typer.echo(f"not written: {target} exists (give --overwrite to replace it)", err=True)
        return None
    return target


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
