"""`vnfig report OUT.jsonl -o report.html`: the HTML report of a run, one self-contained file.

Also used by `vnfig run … --report report.html` (see `check_report_target` and
`report_after_run`). Exit status: 0 when written, 2 when it cannot be (no such input, a
target that is not a report and no --force).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from vnfigures.report import ReportResult

_HELP = {
    "output": "The report file (default: OUT.report.html beside OUT.jsonl).",
    "max_articles": "Past this many articles, show every k-th one (all are counted and plotted).",
    "max_rows": "Most rows in the figure table (the rest are counted, not listed).",
    "force": "Overwrite OUTPUT even if it is not a vnfigures report.",
}


def register(app: typer.Typer) -> None:
    """Add the `report` command to the `vnfig` app."""
    app.command("report")(report)


def default_output(jsonl: Path) -> Path:
    name = jsonl.name[: -len(".jsonl")] if jsonl.name.endswith(".jsonl") else jsonl.name
    return jsonl.with_name(name + ".report.html")


def report(
    jsonl: Path = typer.Argument(..., metavar="OUT.jsonl", help="The records a `vnfig run -o OUT.jsonl` wrote."),
    output: Path | None = typer.Option(None, "-o", "--output", help=_HELP["output"]),
    max_articles: int = typer.Option(2000, "--max-articles", min=1, help=_HELP["max_articles"]),
    max_rows: int = typer.Option(20000, "--max-rows", min=0, help=_HELP["max_rows"]),
    force: bool = typer.Option(False, "--force", help=_HELP["force"]),
) -> None:
    """Write an HTML report of a run: summary, plots, a table of figures, each article marked up."""
    from vnfigures.report import ReportError, ReportOptions, write_report

    target = output or default_output(jsonl)
    try:
        result = write_report(jsonl, target, ReportOptions(max_articles, max_rows, force))
    except ReportError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(_said(result))


def _said(result: ReportResult) -> str:
    shown = "" if result.shown == result.articles else f" ({result.shown} shown)"
    problems = f", {result.problems} unreadable lines" if result.problems else ""
    return (f"report: {result.articles} articles{shown}, {result.figures} figures, "
            f"{result.failures} failures{problems} -> {result.path}")


def check_report_target(target: Path | None) -> None:
    """Before a run: refuse at once a --report target the report would refuse after it."""
    from vnfigures.report.page import is_report

    if target is None or not target.exists():
        return
    if target.is_dir():
        raise typer.BadParameter(f"{target} is a folder; give a file such as report.html", param_hint="--report")
    with open(target, "rb") as handle:
        if not is_report(handle.read(4096)):
            raise typer.BadParameter(f"{target} exists and is not a vnfigures report; give another name "
                                     "(or run `vnfig report OUT.jsonl -o FILE --force` afterwards)", param_hint="--report")


def report_after_run(jsonl: Path, target: Path | None) -> None:
    """After a run: write its report; a report that fails is said, the run's outcome stands."""
    if target is None:
        return
    from vnfigures.report import ReportError, write_report

    try:
        typer.echo(_said(write_report(jsonl, target)))
    except ReportError as exc:
        typer.echo(f"report not written: {exc}", err=True)
