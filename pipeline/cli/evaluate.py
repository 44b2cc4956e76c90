"""`vnfig eval`: score the pipeline (or saved predictions) against a folder of gold files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from vnfigures.evaluate.baseline import BaselineRegression, make_baseline, write_baseline
from vnfigures.evaluate.gold import gold_paths
from vnfigures.evaluate.report import print_evaluation
from vnfigures.evaluate.run import score_dir


def eval_command(
    gold_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Folder of gold files (<id>.json)."),
    pred: Optional[Path] = typer.Option(
        None, "--pred", exists=True, dir_okay=False,
        help="Score these predictions (JSONL of Article records, matched by id) instead of running the pipeline."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON for machines."),
    errors: bool = typer.Option(
        False, "--errors", help="List every false positive and false negative with its sentence (also in --json)."),
    min_f1: Optional[float] = typer.Option(
        None, "--min-f1", min=0.0, max=1.0, help="Exit with status 1 when value-level F1 is below this."),
    ner: bool = typer.Option(False, "--ner/--no-ner", help="Run NER too (off: figure scores do not need it)."),
    baseline: Optional[Path] = typer.Option(
        None, "--write-baseline", dir_okay=False, help="Write the gate's baseline (scores + corpus hash) to this file."),
    allow_regression: bool = typer.Option(
        False, "--allow-regression", help="Let --write-baseline lower floors of the baseline already there."),
) -> None:
    """Score figures against gold: overall, core kinds and per kind, at the value and full levels."""
    evaluation = score_dir(gold_dir, pred=pred, ner=ner)
    if as_json:
        report = evaluation.to_dict()
        if errors:
            report["errors"] = evaluation.errors()
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_evaluation(evaluation, Console(), errors=errors)
    if baseline is not None:
        try:
            write_baseline(baseline, make_baseline(evaluation.scores, gold_paths([gold_dir]), str(gold_dir)),
                           allow_regression=allow_regression)
        except BaselineRegression as exc:
            typer.echo(f"baseline not written: {exc}", err=True)
            raise typer.Exit(1) from exc
        typer.echo(f"baseline written to {baseline}", err=True)
    if not evaluation.gold.articles:
        typer.echo(f"no usable gold file in {gold_dir}", err=True)
        raise typer.Exit(2)
    f1 = evaluation.scores.overall("value").f1
    if min_f1 is not None and f1 < min_f1:
        typer.echo(f"value-level F1 {f1:.4f} is below --min-f1 {min_f1}", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `vnfig eval` to the app."""
    app.command("eval")(eval_command)
