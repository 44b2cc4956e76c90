"""Local engine: the chain in this process (`--workers 1`) or in N worker processes.

Workers are spawned (not forked: the parent may run threads, and the NLP libraries are not
fork-safe) and build their steps once, in the pool initializer. At most `window` articles are
in flight, so a long input is streamed, never materialized. A worker that dies (out of memory,
a crash in native code) turns the articles it held into failure records and the pool is
started again: the articles that were in flight are run again one by one, so only the one
that kills its worker fails.
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
            suspects: list[Article] = []
            for future in done:
                if future in pending:
                    yield from self._settle(future, pending, suspects)
            for record in suspects:  # one at a time, so only the culprit fails
                yield self._isolated(record)

    def _settle(self, future: Future[Outcome], pending: dict[Future[Outcome], tuple[Article, ProcessPoolExecutor]],
                suspects: list[Article]) -> Iterator[Outcome]:
        """Yield the outcome of `future`; when its pool broke, settle all of that pool's futures.

        Articles lost with a dead worker are only suspects: they are run again one by one.
        """
        record, pool = pending.pop(future)
        outcome = self._result(future, record)
        if outcome is not None:
            yield outcome
            return
        suspects.append(record)
        siblings = [f for f, (_, p) in pending.items() if p is pool]
        wait(siblings)
        for sibling in siblings:
            sibling_record, _ = pending.pop(sibling)
            sibling_outcome = self._result(sibling, sibling_record)
            if sibling_outcome is None:
                suspects.append(sibling_record)
            else:
                yield sibling_outcome
        self._discard(pool)

    def _isolated(self, record: Article) -> Outcome:
        """Run one suspect alone; if its worker dies again, it is the one that kills workers."""
        pool = self._ensure_pool()
        outcome = self._result(pool.submit(process_record, record, self.spec), record)
        if outcome is None:
            self._discard(pool)
            outcome = failure_outcome(Failure(
                id=record.id, input=record.origin, step="worker", error="WorkerCrashed",
                message="the worker process died on this article (out of memory or a crash in native "
                        "code); the other articles in flight were redone",
            ))
        return outcome

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        pool.shutdown(wait=False, cancel_futures=True)
        if pool is self._pool:  # the next submit starts a fresh pool
            self._pool = None

    def _result(self, future: Future[Outcome], record: Article) -> Outcome | None:
        """The outcome of a finished future; None when its worker process died."""
        try:
            outcome = future.result()
        except BrokenProcessPool:
            return None
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
