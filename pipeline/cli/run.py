"""`vnfig run INPUT... -o OUT.jsonl`: the batch command (streaming, workers, resume, Dask).

Exit status: 0 when every article was written or skipped, 1 when some failed (see
OUT.failures.jsonl), 2 for a usage error (no input, a missing path, a bad option), 130 when
interrupted (rerun with --resume to finish).
"""
from __future__ import annotations

import os
import re
from enum import Enum
from pathlib import Path

import typer

from vnfigures.read.inputs import STDIN
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
    if inputs.count(STDIN) > 1:
        raise typer.BadParameter("'-' (standard input) can be given only once", param_hint="INPUT")
    for item in inputs:
        if item != STDIN and not os.path.lexists(item):
            raise typer.BadParameter(f"no such file or folder: {item}", param_hint="INPUT")


_HELP = {
    "inputs": ".txt, .html/.htm, .jsonl files, folders (recursed), or - for JSONL on stdin.",
    "output": "OUT.jsonl; failures go to OUT.failures.jsonl, counts to OUT.summary.json.",
    "workers": "Worker processes (1 runs in this process).",
    "resume": "Skip ids already in OUT and its failures file; append the rest.",
    "db": "Also write each article to sqlite:///…, postgresql://… or a .parquet folder.",
    "progress": "Force the progress bar on or off (default: on a terminal).",
}


def run(  # noqa: PLR0913 - one parameter per command-line option
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", show_default=False, help=_HELP["inputs"]),
    output: Path = typer.Option(..., "-o", "--output", help=_HELP["output"]),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=1, help=_HELP["workers"]),
    no_ner: bool = typer.Option(False, "--no-ner", help="Skip named entities (faster; figures only)."),
    resume: bool = typer.Option(False, "--resume", help=_HELP["resume"]),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or a Dask cluster."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (default: local cluster)."),
    db: str | None = typer.Option(None, "--db", help=_HELP["db"]),
    max_bytes: str = typer.Option("20MB", "--max-bytes", help="Largest input file or JSONL line read."),
    steps: str = typer.Option(DEFAULT_FACTORY, "--steps", hidden=True, help="module:function building the chain."),
    progress: bool | None = typer.Option(None, "--progress/--no-progress", show_default=False, help=_HELP["progress"]),
) -> None:
    """Extract figures from every article of INPUT... into OUT.jsonl, one record per line."""
    from vnfigures.runner.batch import EngineError, RunOptions, run_batch

    _check_inputs(inputs)
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
    options = RunOptions(output=output, workers=workers, ner=not no_ner, resume=resume,
                         engine=engine.value, scheduler=scheduler, db=db,
                         max_bytes=parse_size(max_bytes), steps=steps, progress=progress)
    try:
        summary = run_batch(inputs, options)
    except EngineError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(summary.skipped.items())) or "none"
    typer.echo(
        f"read {summary.read}, written {summary.written}, failed {summary.failed}, "
        f"skipped {summary.skipped_total} ({skipped}) in {summary.seconds:.1f} s, "
        f"{summary.articles_per_second:.1f} articles/s -> {output}"
    )
    if summary.read == 0:
        typer.echo("warning: no input articles found (folders are searched for .txt, .html, .htm, .jsonl)", err=True)
    if summary.failed:
        typer.echo(f"{summary.failed} failures: see {summary.failures}", err=True)
    if summary.interrupted:
        typer.echo("interrupted: rerun with --resume to finish", err=True)
        raise typer.Exit(130)
    raise typer.Exit(1 if summary.failed else 0)
