"""Local engine: the chain in this process (`--workers 1`) or in N worker processes.

Workers are spawned (not forked: the parent may run threads, and the NLP libraries are not
fork-safe) and build their steps once, in the pool initializer. At most `window` articles are
in flight, so a long input is streamed, never materialized. A worker that dies (out of memory,
a crash in native code) turns the articles it held into failure records and the pool is
started again.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from vnfigures.runner.executor import Record, track_peak
from vnfigures.runner.worker import (
    Outcome, StepsSpec, failure_outcome, init_worker, process_record, warm_up,
)
from vnfigures.schemas import Article, Failure

#: Articles in flight per worker: enough to keep every worker busy, few enough to stay small.
IN_FLIGHT_PER_WORKER = 4


class LocalExecutor:
    """Run records through the chain here (workers == 1) or in a process pool."""

    name = "local"

    def __init__(self, spec: StepsSpec, workers: int | None = None, *, pool: bool | None = None) -> None:
        """`pool=True` uses worker processes even for one worker (a benchmark's fair baseline)."""
        self.spec = spec
        self.workers = workers or os.cpu_count() or 1
        self.inline = not pool if pool is not None else self.workers == 1
        self._pool: ProcessPoolExecutor | None = None
        self._peaks: dict[str, int] = {}

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker, initargs=(self.spec,),
            )
        return self._pool

    def warm_up(self) -> None:
        """Start the workers and load their models now (start-up timed apart from work)."""
        if self.inline:
            warm_up(self.spec)
            return
        pool = self._ensure_pool()
        for future in [pool.submit(_warm, self.spec) for _ in range(self.workers)]:
            future.result()

    def peak_rss_kb(self) -> dict[str, int]:
        return dict(self._peaks)

    def map(self, records: Iterable[Record]) -> Iterator[Outcome]:
        if self.inline:
            yield from self._map_inline(records)
        else:
            yield from self._map_pool(records)

    def _map_inline(self, records: Iterable[Record]) -> Iterator[Outcome]:
        for record in records:
            outcome = process_record(record, self.spec)
            track_peak(self._peaks, f"pid-{outcome.pid}", outcome)
            yield outcome

    def _map_pool(self, records: Iterable[Record]) -> Iterator[Outcome]:
        window = self.workers * IN_FLIGHT_PER_WORKER
        pending: dict[Future[Outcome], tuple[Article, ProcessPoolExecutor]] = {}
        source = iter(records)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                record = next(source, None)
                if record is None:
                    exhausted = True
                elif isinstance(record, Failure):
                    yield failure_outcome(record)
                else:
                    pool = self._ensure_pool()
                    pending[pool.submit(process_record, record, self.spec)] = (record, pool)
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield self._collect(future, *pending.pop(future))

    def _collect(self, future: Future[Outcome], record: Article, pool: ProcessPoolExecutor) -> Outcome:
        try:
            outcome = future.result()
        except BrokenProcessPool:
            if pool is self._pool:  # the next submit starts a fresh pool
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            outcome = failure_outcome(Failure(
                id=record.id, input=record.origin, step="worker", error="WorkerCrashed",
                message="a worker process died while this article was in flight (out of "
                        "memory or a crash in native code); rerun it with --workers 1 to see which",
            ))
        except Exception as exc:  # noqa: BLE001 - e.g. a record that cannot be pickled
            outcome = failure_outcome(Failure(
                id=record.id, input=record.origin, step="worker", error=type(exc).__name__,
                message=str(exc) or type(exc).__name__))
        if outcome.pid != os.getpid():  # failures made here say nothing of a worker's memory
            track_peak(self._peaks, f"pid-{outcome.pid}", outcome)
        return outcome


def _warm(spec: StepsSpec) -> int:
    """A no-op task that makes a worker start (its initializer loads the models)."""
    import time

    warm_up(spec)
    time.sleep(0.3)  # hold this worker so the next warm-up task lands on another one
    return os.getpid()
