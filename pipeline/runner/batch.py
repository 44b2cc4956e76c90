"""Drive one batch run: guard, read, gate (resume, duplicates), execute, write, account, summarize.

Every input article ends as exactly one of: a line in OUT.jsonl, a line in
OUT.failures.jsonl, or a skip counted by reason (`resume`, `duplicate_id`, `interrupted`; a
duplicate is also listed in OUT.skipped.jsonl), so `read == written + failed + skipped`
holds for every run, even one stopped by Ctrl-C or SIGTERM. Before anything is read, the
guards of `guard.py` run: outputs are never inputs, an earlier output is kept unless asked,
one run at a time per output.
"""
from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from vnfigures.dedup.hook import NearDuplicates
from vnfigures.runner.executor import Executor, Record
from vnfigures.runner.guard import OutputLock, check_fresh, check_not_an_input, db_file, resolved
from vnfigures.read.inputs import DEFAULT_MAX_BYTES, iter_inputs
from vnfigures.runner.output import DoneSet, LineWriter, OutputPaths, RunSummary, SkipRecord, load_done
from vnfigures.runner.progress import ProgressReporter, make_progress
from vnfigures.runner.stopping import StopSignals
from vnfigures.runner.worker import Outcome, StepsSpec

DUPLICATE = "duplicate_id"
RESUMED = "resume"
INTERRUPTED = "interrupted"
#: Default `--article-timeout`: far above any real article (a few seconds), below "forever".
DEFAULT_ARTICLE_TIMEOUT = 120.0


@dataclass(frozen=True)
class RunOptions:
    """Everything `vnfig run` can be told, as one typed record."""

    output: Path
    workers: int | None = None
    ner: bool = True
    resume: bool = False
    overwrite: bool = False
    retry_failed: bool = False
    engine: str = "local"
    scheduler: str | None = None
    db: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT
    recycle_after: int | None = None
    steps: str = StepsSpec.factory
    progress: bool | None = None
    progress_interval: float = 10.0
    dedup: bool = True
    dedup_threshold: float | None = None  # None: the default of vnfigures/dedup/dedup.yaml
    #: other files written for this run (a `--report` page): like OUT's own, never read as input
    also_writes: tuple[Path, ...] = ()

    @property
    def spec(self) -> StepsSpec:
        from vnfigures.dedup.store import side_folder

        return StepsSpec(self.steps, self.ner, str(side_folder(self.output)) if self.dedup else None)


def make_executor(options: RunOptions) -> Executor:
    """The engine named by `options.engine` (Dask is imported only when asked for)."""
    if options.engine == "dask":
        from vnfigures.runner.dask_engine import DaskExecutor

        return DaskExecutor(options.spec, options.workers, scheduler=options.scheduler,
                            parts=OutputPaths(options.output).parts)
    if options.engine != "local":
        raise ValueError(f"unknown engine {options.engine!r}: use 'local' or 'dask'")
    from vnfigures.runner.local import LocalExecutor

    return LocalExecutor(options.spec, options.workers, timeout=options.article_timeout,
                         recycle_after=options.recycle_after)


class Gate:
    """Count every record read and let through only those not done before nor duplicated."""

    def __init__(self, summary: RunSummary, done: DoneSet, skipped: LineWriter) -> None:
        self.summary = summary
        self.done = done
        self.skipped = skipped
        self.seen: dict[str, str | None] = {}  # id -> the input that holds it
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
                self._list_duplicate(record.id, origin)
                return DUPLICATE
            self.seen[record.id] = origin
        return None

    def _list_duplicate(self, article_id: str, origin: str | None) -> None:
        first = self.seen[article_id]
        self.skipped.write(SkipRecord(
            id=article_id, input=origin, reason=DUPLICATE, first_input=first,
            message=f"id {article_id!r} is already taken by {first}; this input was not processed "
                    "(give each article its own id: rename the file, or change its JSONL 'id')",
        ).model_dump_json())


@dataclass
class Writers:
    """The run's three line files: articles, failures, skips."""

    output: LineWriter
    failures: LineWriter
    skipped: LineWriter

    def close(self) -> None:
        for writer in (self.output, self.failures, self.skipped):
            writer.close()


def run_batch(sources: list[str], options: RunOptions, *, stdin: IO[bytes] | None = None,
              executor: Executor | None = None, progress: ProgressReporter | None = None) -> RunSummary:
    """Run the chain over `sources` into `options.output`; return (and save) the summary.

    Raises `guard.UsageError` (output is an input, output exists, output locked) or
    `EngineError` (bad chain, engine or target) before any article is processed.
    """
    check_steps(options.spec)
    paths = OutputPaths(options.output)
    target = db_file(options.db)
    own = [*paths.files(), *([target] if target is not None else []), *options.also_writes]
    check_not_an_input(sources, own)
    with OutputLock(paths.output):
        check_fresh(paths.output, paths.failures, resume=options.resume, overwrite=options.overwrite)
        done = _load_done(paths, options)
        summary = RunSummary(output=str(paths.output), failures=str(paths.failures), engine=options.engine)
        summary.save(paths.summary)  # `finished: false` replaces the summary of an earlier run now
        exclude = frozenset(resolved(path) for path in own)
        writers = Writers(LineWriter(paths.output, append=options.resume),
                          LineWriter(paths.failures, append=options.resume and not options.retry_failed),
                          LineWriter(paths.skipped, append=options.resume))
        gate = Gate(summary, done, writers.skipped)
        dedup = NearDuplicates(paths.output, enabled=options.dedup, threshold=options.dedup_threshold,
                               resume=options.resume)
        records = gate(dedup.track(iter_inputs(sources, max_bytes=options.max_bytes, stdin=stdin,
                                               exclude=exclude)))
        try:
            with StopSignals():  # the counting pass over a large tree can take a while
                progress = progress or make_progress(sources, enabled=options.progress,
                                                     interval=options.progress_interval, exclude=exclude)
        except KeyboardInterrupt as exc:  # stopped before any article was read: nothing to account
            writers.close()
            _stopped(summary, exc)
            summary.finished = True
            summary.save(paths.summary)
            return summary
        try:
            _execute(records, executor or make_executor(options), options, writers, gate, done, progress)
            dedup.finish(summary, options.db)  # near-duplicates: grouped once the run is whole
        finally:
            summary.save(paths.summary)
    return summary


def _load_done(paths: OutputPaths, options: RunOptions) -> DoneSet:
    """What a resumed run skips: OUT.jsonl, and the failures unless they are to be retried."""
    if not options.resume:
        return DoneSet()
    return load_done(paths.output) if options.retry_failed else load_done(paths.output, paths.failures)


def _execute(records: Iterator[Record], executor: Executor, options: RunOptions, writers: Writers,
             gate: Gate, done: DoneSet, progress: ProgressReporter) -> None:
    summary = gate.summary
    start = time.monotonic()
    stops = StopSignals()
    try:
        with stops, contextlib.ExitStack() as stack:
            _start_engine(stack, executor, options.engine)
            sink = _open_sink(stack, options.db)
            if sink is not None and options.resume:
                summary.reconciled = _reconcile(sink, Path(summary.output), done)
            summary.workers = executor.workers
            for outcome in executor.map(records):
                with stops.critical():  # a line written is a line counted
                    gate.in_flight -= 1
                    _write(outcome, writers, sink, summary)
                progress.update(summary)
            summary.worker_peak_rss_mb = {k: round(v / 1024, 1) for k, v in executor.peak_rss_kb().items()}
    except KeyboardInterrupt as exc:
        _stopped(summary, exc)
    finally:
        writers.close()
        _finish(summary, gate, start)
        progress.close(summary)


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


def _write(outcome: Outcome, writers: Writers, sink: Any, summary: RunSummary) -> None:
    if outcome.kind == "article":
        writers.output.write(outcome.line)
        summary.written += 1
        if sink is not None:
            _write_sink(sink, outcome.line)
    else:
        writers.failures.write(outcome.line)
        summary.failed += 1


def _reconcile(sink: Any, output: Path, done: DoneSet) -> int:
    from vnfigures.runner.reconcile import reconcile

    try:
        return reconcile(sink, output, done.written)
    except Exception as exc:  # noqa: BLE001 - the target refuses an article it must hold
        raise EngineError(f"bringing the --db target level with {output} failed "
                          f"({type(exc).__name__}: {exc})") from exc


def _write_sink(sink: Any, line: str) -> None:
    from vnfigures.schemas import Article

    try:
        sink.write(Article.model_validate_json(line))
    except Exception as exc:  # noqa: BLE001 - stop the run with a way to finish it
        raise EngineError(
            f"writing to the --db target failed ({type(exc).__name__}: {exc}); the JSONL output is "
            "whole up to here: rerun with --resume, then `vnfig export OUT.jsonl --to TARGET`"
        ) from exc


def _stopped(summary: RunSummary, exc: KeyboardInterrupt) -> None:
    """Record which signal stopped the run (Ctrl-C when Python raised it itself)."""
    summary.interrupted = True
    summary.signal = str(exc) if str(exc).startswith("SIG") else "SIGINT"


def _finish(summary: RunSummary, gate: Gate, start: float) -> None:
    """Account for articles that were read but never came back (a run stopped midway)."""
    if gate.in_flight > 0:
        summary.skipped[INTERRUPTED] = summary.skipped.get(INTERRUPTED, 0) + gate.in_flight
        gate.in_flight = 0
    summary.seconds = round(time.monotonic() - start, 3)
    processed = summary.written + summary.failed
    summary.articles_per_second = round(processed / summary.seconds, 2) if summary.seconds else 0.0
    summary.finished = True


@contextlib.contextmanager
def _sink(target: str | None) -> Iterator[Any]:
    """The database/Parquet sink of `--db` (the export package is imported only when asked)."""
    if target is None:
        yield None
        return
    from vnfigures.export import open_sink

    with open_sink(target) as sink:
        yield sink
