"""`vnfig run INPUT... -o OUT.jsonl`: the batch command (streaming, workers, resume, Dask).

Exit status: 0 when every article was written or skipped, 1 when some failed (see
OUT.failures.jsonl; a missing input path is one such failure), 2 for a usage error (no input
at all, a bad option, an output that is an input, an existing output without --resume or
--overwrite, an output another run holds), 130 when interrupted by Ctrl-C and 143 by SIGTERM
(rerun with --resume to finish).
"""
from __future__ import annotations

import os
import re
import signal
from enum import Enum
from pathlib import Path

import typer

from vnfigures.runner.cpus import available_cpus
from vnfigures.read.inputs import STDIN
from vnfigures.runner.output import OutputPaths
from vnfigures.runner.worker import DEFAULT_FACTORY

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]?)(?:i?B)?\s*$", re.I)
_SCALE = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def register(app: typer.Typer) -> None:
    """Add the `run` command to the `vnfig` app."""
    app.command("run")(run)


def parse_size(text: str) -> int:
    """Bytes of a size like `20MB`, `512K`, `1.5G` or `1048576` (K/M/G are powers of 1024).

    >>> parse_size("20MB"), parse_size("512k"), parse_size("100")
    (20971520, 524288, 100)
    """
    match = _SIZE.match(text)
    if not match or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"{text!r} is not a size such as 20MB, 512K or 1048576")
    return int(float(match.group(1)) * _SCALE[match.group(2).upper()])


def _check_inputs(inputs: list[str]) -> None:
    """Refuse a run with nothing to read; one missing path among others is only a failure."""
    if inputs.count(STDIN) > 1:
        raise typer.BadParameter("'-' (standard input) can be given only once", param_hint="INPUT")
    if all(item != STDIN and not os.path.lexists(item) for item in inputs):
        missing = ", ".join(inputs)
        raise typer.BadParameter(f"no such file or folder: {missing}", param_hint="INPUT")


_HELP = {
    "inputs": ".txt, .html/.htm, .jsonl files, folders (recursed), or - for JSONL on stdin.",
    "output": "OUT.jsonl; failures go to OUT.failures.jsonl, counts to OUT.summary.json.",
    "workers": "Worker processes (1 runs in this process).",
    "resume": "Skip ids already in OUT and its failures file; append the rest.",
    "overwrite": "Replace an existing OUT (without it, or --resume, an existing OUT is an error).",
    "retry_failed": "With --resume: run the articles of OUT.failures.jsonl again.",
    "db": "Also write each article to sqlite:///…, postgresql://… or a Parquet folder (out/parquet/).",
    "timeout": "Seconds an article may take before it fails as Timeout (0: no limit).",
    "recycle": "Replace each worker after this many articles (keeps its memory from growing).",
    "progress": "Force the progress bar on or off (default: on a terminal).",
    "dedup": "Mark near-duplicate articles (duplicate_of, duplicates); nothing is dropped.",
    "dedup_threshold": "Shingle Jaccard at which two articles are copies (default 0.8).",
}


def run(  # noqa: PLR0913 - one parameter per command-line option
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", show_default=False, help=_HELP["inputs"]),
    output: Path = typer.Option(..., "-o", "--output", help=_HELP["output"]),
    workers: int = typer.Option(available_cpus(), "--workers", "-w", min=1, help=_HELP["workers"]),
    no_ner: bool = typer.Option(False, "--no-ner", help="Skip named entities (faster; figures only)."),
    resume: bool = typer.Option(False, "--resume", help=_HELP["resume"]),
    overwrite: bool = typer.Option(False, "--overwrite", help=_HELP["overwrite"]),
    retry_failed: bool = typer.Option(False, "--retry-failed", help=_HELP["retry_failed"]),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or a Dask cluster."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (default: local cluster)."),
    db: str | None = typer.Option(None, "--db", help=_HELP["db"]),
    max_bytes: str = typer.Option("20MB", "--max-bytes", help="Largest input file or JSONL line read."),
    article_timeout: float = typer.Option(120.0, "--article-timeout", min=0, help=_HELP["timeout"]),
    recycle_after: int = typer.Option(0, "--recycle-after", min=0, help=_HELP["recycle"] + " 0: never."),
    steps: str = typer.Option(DEFAULT_FACTORY, "--steps", hidden=True, help="module:function building the chain."),
    progress: bool | None = typer.Option(None, "--progress/--no-progress", show_default=False, help=_HELP["progress"]),
    report: Path | None = typer.Option(None, "--report", help="Also write the run's HTML report (see vnfig report)."),
    dedup: bool = typer.Option(True, "--dedup/--no-dedup", help=_HELP["dedup"]),
    dedup_threshold: float | None = typer.Option(None, "--dedup-threshold", min=0.01, max=1.0,
                                                 show_default=False, help=_HELP["dedup_threshold"]),
) -> None:
    """Extract figures from every article of INPUT... into OUT.jsonl, one record per line."""
    from vnfigures.cli.report import check_report_target, report_after_run
    from vnfigures.runner.batch import EngineError, RunOptions, run_batch
    from vnfigures.runner.guard import UsageError
    from vnfigures.runner.stopping import EXIT_STATUS

    _check_inputs(inputs)
    check_report_target(report)
    if retry_failed and not resume:
        raise typer.BadParameter("--retry-failed needs --resume", param_hint="--retry-failed")
    if resume and overwrite:
        raise typer.BadParameter("--resume continues OUT, --overwrite replaces it: give one", param_hint="--overwrite")
    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if output.is_dir():
        raise typer.BadParameter(f"{output} is a folder; give a file such as out.jsonl", param_hint="-o")
    if db is not None:
        from vnfigures.export import parse_target

        try:
            parse_target(db)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--db") from exc
    options = RunOptions(output=output, workers=workers, ner=not no_ner, resume=resume, overwrite=overwrite,
                         retry_failed=retry_failed, engine=engine.value, scheduler=scheduler, db=db,
                         max_bytes=parse_size(max_bytes), article_timeout=article_timeout or None,
                         recycle_after=recycle_after or None, steps=steps, progress=progress,
                         dedup=dedup, dedup_threshold=dedup_threshold,
                         also_writes=(report,) if report is not None else ())
    try:
        summary = run_batch(inputs, options)
    except (EngineError, UsageError) as exc:
        typer.echo(f"vnfig run: {exc}", err=True)
        raise typer.Exit(2) from exc
    skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(summary.skipped.items())) or "none"
    typer.echo(
        f"read {summary.read}, written {summary.written}, failed {summary.failed}, "
        f"skipped {summary.skipped_total} ({skipped}) in {summary.seconds:.1f} s, "
        f"{summary.articles_per_second:.1f} articles/s -> {output}"
    )
    if summary.near_duplicates and summary.near_duplicates["copies"]:
        found = summary.near_duplicates
        typer.echo(f"near-duplicates: {found['copies']} articles are copies in {found['groups']} groups "
                   "(duplicate_of set; nothing dropped)")
    report_after_run(output, report)
    if summary.read == 0:
        typer.echo("warning: no input articles found (folders are searched for .txt, .html, .htm, .jsonl)", err=True)
    if summary.failed:
        typer.echo(f"{summary.failed} failures: see {summary.failures}", err=True)
    duplicates = summary.skipped.get("duplicate_id", 0)
    if duplicates:
        typer.echo(f"{duplicates} inputs skipped for an id already taken: see "
                   f"{OutputPaths(output).skipped}", err=True)
    if summary.interrupted:
        typer.echo(f"interrupted ({summary.signal}): rerun with --resume to finish", err=True)
        raise typer.Exit(EXIT_STATUS.get(getattr(signal, summary.signal or "SIGINT"), 130))
    raise typer.Exit(1 if summary.failed else 0)
