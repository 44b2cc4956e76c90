"""Human-readable evaluation output: a score table and a listing of every error in context.

Kept apart from scoring so that the numbers can be used without rich, and so that the
listing's wording can change without touching the metric.
"""
from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from vnfigures.schemas import Figure, Kind

from .errors import article_errors
from .run import Evaluation
from .score import CORE_KINDS, LEVELS, PRF, Scores

def _row(label: str, scores: Scores, kinds: list | None, *, bold: bool = False) -> list[str]:
    cells = [f"[bold]{label}[/]" if bold else label]
    value = scores.counts("value", kinds)
    cells += [str(value.tp + value.fn), str(value.tp + value.fp)]
    for level in LEVELS:
        c = scores.counts(level, kinds)
        cells += [f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]
    return cells


def score_table(scores: Scores, title: str = "Figures") -> Table:
    """Overall, core kinds and per kind, at the value and the full level."""
    table = Table(title=f"{title} — {len(scores.articles)} articles", title_justify="left",
                  caption="value: kind, unit and value agree; full: also qualifier and modality",
                  caption_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
    table.add_column("", no_wrap=True, min_width=14)
    table.add_column("gold", justify="right", no_wrap=True, min_width=4)
    table.add_column("pred", justify="right", no_wrap=True, min_width=4)
    for level in LEVELS:
        for metric in ("P", "R", "F1"):
            header = f"{level} {metric}" if metric == "P" else metric
            table.add_column(header, justify="right", no_wrap=True, min_width=max(len(header), 5))
    table.add_row(*_row("overall", scores, None, bold=True))
    table.add_row(*_row("core", scores, sorted(CORE_KINDS, key=list(Kind).index), bold=True), end_section=True)
    for kind in scores.per_kind("value"):
        table.add_row(*_row(kind, scores, [Kind(kind)]))
    return table


def entity_line(counts: PRF | None) -> str | None:
    """One line of entity span scores, when any gold file has entities."""
    if counts is None:
        return None
    return (f"Entities (exact span + label): P {counts.precision:.3f}  R {counts.recall:.3f}  "
            f"F1 {counts.f1:.3f}  (tp {counts.tp}, fp {counts.fp}, fn {counts.fn})")


def _describe(f: Figure) -> str:
    vmax = f"–{f.value_max}" if f.value_max is not None else ""
    return f"{f.kind.value} {f.value}{vmax} {f.unit} {f.qualifier.value}/{f.modality.value}"


def print_errors(evaluation: Evaluation, console: Console) -> None:
    """Every error of every article, grouped by article, each with its sentence."""
    for article in evaluation.scores.articles:
        lines = sorted(article_errors(article), key=lambda line: line.figure.start)
        if not lines:
            continue
        console.rule(f"[bold]{article.gold.id}[/]", align="left")
        for line in lines:
            style = {"FN": "red", "FP": "yellow", "FULL": "magenta"}[line.what]
            note = f"  [dim]({line.note})[/]" if line.note else ""
            console.print(f"[{style}]{line.what:4}[/] {line.figure.text!r} → {_describe(line.figure)}{note}",
                          markup=True, highlight=False)
            console.print(f"      [dim]{line.sentence}[/]", markup=True, highlight=False)


def print_evaluation(evaluation: Evaluation, console: Console, *, errors: bool = False) -> None:
    """The table, entity scores, and every problem that kept an article out of the scores."""
    if errors:
        print_errors(evaluation, console)
    console.print(score_table(evaluation.scores))
    line = entity_line(evaluation.scores.entities())
    if line:
        console.print(line)
    for problem in evaluation.gold.problems:
        console.print(f"[red]gold file skipped[/] {problem}", highlight=False)
    by_reason: dict[str, list[str]] = {}
    for article_id, why in evaluation.failures.items():
        by_reason.setdefault(why, []).append(article_id)
    for why, ids in by_reason.items():
        console.print(f"[red]no prediction[/] for {', '.join(ids)}: {why}", highlight=False)
    for problem in evaluation.pred_problems:
        console.print(f"[red]prediction skipped[/] {problem}", highlight=False)
    unpredicted = [a for a in evaluation.scores.to_dict()["unpredicted"] if a not in evaluation.failures]
    if unpredicted:
        console.print(f"[yellow]no prediction for[/] {', '.join(unpredicted)} (scored as misses)", highlight=False)
