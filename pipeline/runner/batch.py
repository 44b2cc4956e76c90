"""Drive one batch run: read, gate (resume, duplicates), execute, write, account, summarize.

Every input article ends as exactly one of: a line in OUT.jsonl, a line in
OUT.failures.jsonl, or a skip counted by reason (`resume`, `duplicate_id`, `interrupted`), so
`read == written + failed + skipped` holds for every run, even one stopped by Ctrl-C.
"""
from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from vnfigures.runner.executor import Executor, Record
from vnfigures.read.inputs import DEFAULT_MAX_BYTES, iter_inputs
from vnfigures.runner.output import DoneSet, LineWriter, OutputPaths, RunSummary, load_done
from vnfigures.runner.progress import ProgressReporter, make_progress
from vnfigures.runner.worker import Outcome, StepsSpec

DUPLICATE = "duplicate_id"
RESUMED = "resume"
INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class RunOptions:
    """Everything `vnfig run` can be told, as one typed record."""

    output: Path
    workers: int | None = None
    ner: bool = True
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    db: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    steps: str = StepsSpec.factory
    progress: bool | None = None
    progress_interval: float = 10.0

    @property
    def spec(self) -> StepsSpec:
        return StepsSpec(self.steps, self.ner)


def make_executor(options: RunOptions) -> Executor:
    """The engine named by `options.engine` (Dask is imported only when asked for)."""
    if options.engine == "dask":
        from vnfigures.runner.dask_engine import DaskExecutor

        return DaskExecutor(options.spec, options.workers, scheduler=options.scheduler,
                            parts=OutputPaths(options.output).parts)
    if options.engine != "local":
        raise ValueError(f"unknown engine {options.engine!r}: use 'local' or 'dask'")
    from vnfigures.runner.local import LocalExecutor

    return LocalExecutor(options.spec, options.workers)


class Gate:
    """Count every record read and let through only those not done before nor duplicated."""

    def __init__(self, summary: RunSummary, done: DoneSet) -> None:
        self.summary = summary
        self.done = done
        self.seen: set[str] = set()
        self.in_flight = 0

    def __call__(self, records: Iterator[Record]) -> Iterator[Record]:
        for record in records:
            self.summary.read += 1
            reason = self._skip_reason(record)
            if reason is not None:
                self.summary.skip(reason)
                continue
            self.in_flight += 1
            yield record

    def _skip_reason(self, record: Record) -> str | None:
        origin = record.input if hasattr(record, "input") else record.origin  # type: ignore[union-attr]
        if (record.id, origin) in self.done:
            return RESUMED
        if record.id is not None:
            if record.id in self.seen:
                return DUPLICATE
            self.seen.add(record.id)
        return None


def run_batch(sources: list[str], options: RunOptions, *, stdin: IO[bytes] | None = None,
              executor: Executor | None = None, progress: ProgressReporter | None = None) -> RunSummary:
    """Run the chain over `sources` into `options.output`; return (and save) the summary."""
    check_steps(options.spec)
    paths = OutputPaths(options.output)
    done = load_done(paths.output, paths.failures) if options.resume else DoneSet()
    summary = RunSummary(output=str(paths.output), failures=str(paths.failures), engine=options.engine)
    gate = Gate(summary, done)
    records = gate(iter_inputs(sources, max_bytes=options.max_bytes, stdin=stdin))
    progress = progress or make_progress(sources, enabled=options.progress, interval=options.progress_interval)
    writers = (LineWriter(paths.output, append=options.resume), LineWriter(paths.failures, append=options.resume))
    start = time.monotonic()
    executor = executor or make_executor(options)
    try:
        with contextlib.ExitStack() as stack:
            _start_engine(stack, executor, options.engine)
            sink = _open_sink(stack, options.db)
            summary.workers = executor.workers
            for outcome in executor.map(records):
                gate.in_flight -= 1
                _write(outcome, writers, sink, summary)
                progress.update(summary)
            summary.worker_peak_rss_mb = {k: round(v / 1024, 1) for k, v in executor.peak_rss_kb().items()}
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        for writer in writers:
            writer.close()
        _finish(summary, gate, start)
        progress.close(summary)
        summary.save(paths.summary)
    return summary


class EngineError(RuntimeError):
    """The run could not start or go on: no scheduler at the address, a bad chain, the `--db`
    target unreachable. The CLI reports it in one line and exits with status 2."""


def _open_sink(stack: contextlib.ExitStack, target: str | None) -> Any:
    try:
        return stack.enter_context(_sink(target))
    except Exception as exc:  # noqa: BLE001 - a database that cannot be opened is a setup problem
        raise EngineError(f"cannot open the --db target: {type(exc).__name__}: {exc}") from exc


def check_steps(spec: StepsSpec) -> None:
    """Build the chain once here, so a bad `--steps` is one clear error, not N worker crashes."""
    try:
        spec.build()
    except Exception as exc:  # noqa: BLE001 - any import or build error of the chain
        raise EngineError(f"cannot build the steps {spec.factory!r}: {type(exc).__name__}: {exc}") from exc


def _start_engine(stack: contextlib.ExitStack, executor: Executor, engine: str) -> None:
    try:
        stack.enter_context(executor)
    except Exception as exc:  # noqa: BLE001 - reported as a usage problem, not a crash
        raise EngineError(f"cannot start the {engine} engine: {type(exc).__name__}: {exc}") from exc


def _write(outcome: Outcome, writers: tuple[LineWriter, LineWriter], sink: Any, summary: RunSummary) -> None:
    if outcome.kind == "article":
        writers[0].write(outcome.line)
        summary.written += 1
        if sink is not None:
            _write_sink(sink, outcome.line)
    else:
        writers[1].write(outcome.line)
        summary.failed += 1


def _write_sink(sink: Any, line: str) -> None:
    from vnfigures.schemas import Article

    try:
        sink.write(Article.model_validate_json(line))
    except Exception as exc:  # noqa: BLE001 - stop the run with a way to finish it
        raise EngineError(
            f"writing to the --db target failed ({type(exc).__name__}: {exc}); the JSONL output is "
            "whole up to here: rerun with --resume, then `vnfig export OUT.jsonl --to TARGET`"
        ) from exc


def _finish(summary: RunSummary, gate: Gate, start: float) -> None:
    """Account for articles that were read but never came back (a run stopped midway)."""
    if gate.in_flight > 0:
        summary.skipped[INTERRUPTED] = summary.skipped.get(INTERRUPTED, 0) + gate.in_flight
        gate.in_flight = 0
    summary.seconds = round(time.monotonic() - start, 3)
    processed = summary.written + summary.failed
    summary.articles_per_second = round(processed / summary.seconds, 2) if summary.seconds else 0.0


@contextlib.contextmanager
def _sink(target: str | None) -> Iterator[Any]:
    """The database/Parquet sink of `--db` (the export package is imported only when asked)."""
    if target is None:
        yield None
        return
    from vnfigures.export import open_sink

    with open_sink(target) as sink:
        yield sink
