"""`vnfig eval`: score the pipeline (or saved predictions) against a folder of gold files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from vnfigures.evaluate.baseline import BaselineRegression, make_baseline, write_baseline
from vnfigures.evaluate.gold import gold_paths
from vnfigures.evaluate.papers import (PIPELINE_FITTED_ON_GOLD, held_out_dict, leave_one_paper_out,
                                       pipeline_fitter, pooled)
from vnfigures.evaluate.report import paper_table, print_evaluation
from vnfigures.evaluate.run import Evaluation, score_dir

#: Said with every leave-one-paper-out result while nothing in the pipeline learns from gold.
RULES_ONLY = ("rules only: nothing is fitted to gold, so each held-out paper scores as in the "
              "per-paper table")


def eval_command(
    gold_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Folder of gold files (<id>.json)."),
    pred: Optional[Path] = typer.Option(
        None, "--pred", exists=True, dir_okay=False,
        help="Score these predictions (JSONL of Article records, matched by id) instead of running the pipeline."),
    raw: Optional[Path] = typer.Option(
        None, "--raw", exists=True, file_okay=False,
        help="Run the pipeline on each gold article's raw page in this folder (<id>.txt or .html), as "
             "`vnfig run` reads it (its own furniture and date), instead of on the gold text."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON for machines."),
    errors: bool = typer.Option(
        False, "--errors", help="List every false positive and false negative with its sentence (also in --json)."),
    min_f1: Optional[float] = typer.Option(
        None, "--min-f1", min=0.0, max=1.0, help="Exit with status 1 when value-level F1 is below this."),
    ner: bool = typer.Option(False, "--ner/--no-ner", help="Run NER too (off: figure scores do not need it)."),
    baseline: Optional[Path] = typer.Option(
        None, "--write-baseline", dir_okay=False, help="Write the gate's baseline (scores + corpus hash) to this file."),
    lopo: bool = typer.Option(
        False, "--leave-one-paper-out", "--lopo",
        help="Also score each paper (id prefix before `_`) with what is fitted on gold refitted without it."),
    allow_regression: bool = typer.Option(
        False, "--allow-regression", help="Let --write-baseline lower floors of the baseline already there."),
) -> None:
    """Score figures against gold: overall, core kinds, per kind and per paper, at the value and
    full levels."""
    if lopo and pred is not None:
        typer.echo("--leave-one-paper-out refits the pipeline; it cannot refit saved --pred predictions", err=True)
        raise typer.Exit(2)
    if raw is not None and (pred is not None or lopo or baseline is not None):
        typer.echo("--raw runs the pipeline on raw pages; it does not go with --pred, --leave-one-paper-out "
                   "or --write-baseline (the gate scores the gold texts)", err=True)
        raise typer.Exit(2)
    evaluation = score_dir(gold_dir, pred=pred, raw=raw, ner=ner)
    if as_json:
        report = evaluation.to_dict()
        if errors:
            report["errors"] = evaluation.errors()
        if lopo:
            report["leave_one_paper_out"] = _held_out(evaluation, ner, as_json=True)
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_evaluation(evaluation, Console(), errors=errors)
        if lopo:
            _held_out(evaluation, ner, as_json=False)
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


def _held_out(evaluation: Evaluation, ner: bool, *, as_json: bool) -> dict:
    """Leave-one-paper-out on the gold that loaded: printed as a table, returned for JSON."""
    results = leave_one_paper_out(evaluation.gold, pipeline_fitter(ner=ner))
    report = held_out_dict(results, trained=PIPELINE_FITTED_ON_GOLD)
    if not PIPELINE_FITTED_ON_GOLD:
        report["note"] = RULES_ONLY
    if not as_json:
        groups = {r.paper: r.evaluation.scores for r in results}
        groups["(pooled)"] = pooled(results)
        console = Console()
        console.print(paper_table(groups, title="Leave one paper out"))
        if not PIPELINE_FITTED_ON_GOLD:
            console.print(RULES_ONLY, highlight=False)
    return report


def register(app: typer.Typer) -> None:
    """Add `vnfig eval` to the app."""
    app.command("eval")(eval_command)
