"""Local engine: the chain in this process (`--workers 1`) or in N worker processes.

Workers are spawned (not forked: the parent may run threads, and the NLP libraries are not
fork-safe), tied to the parent so they die with it, and build their steps once, in the pool
initializer. With `recycle_after` the pool is replaced once its workers have had that many
articles each (their memory, which grows with every new word, starts again): no more is
sent to it, its last articles finish, and a fresh pool takes over. (The standard library's
`max_tasks_per_child` is not used: on Python 3.11 it can deadlock, CPython gh-115634.) At
most `window` articles are in flight, so a long input is streamed, never materialized.

Two kinds of trouble are survived. A worker that dies (out of memory, a crash in native
code) turns the articles it held into suspects, run again one by one in a fresh pool, so
only the one that kills its worker fails. An article that runs over `timeout` is stopped by
the worker's own alarm; if even that does not end it (stuck in native code, a stopped
process), the parent kills the pool, records the article as a `Timeout` failure and runs
the other articles it held again in a fresh pool. A long-running article is reported on
stderr before it times out, so a stall is never silent.
"""
from __future__ import annotations

import collections
import multiprocessing
import multiprocessing.connection
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from vnfigures.runner.cpus import available_cpus
from vnfigures.runner.executor import Record, track_peak
from vnfigures.runner.worker import (
    Outcome, StepsSpec, failure_outcome, init_worker, process_record, warm_up,
)
from vnfigures.schemas import Article, Failure

#: Articles in flight per worker: enough to keep every worker busy, few enough to stay small.
IN_FLIGHT_PER_WORKER = 4
#: How long the parent lets an article run past its worker's own alarm before killing the pool.
KILL_GRACE = 5.0
#: How often (seconds) the parent looks at running articles when none completes.
WATCH_INTERVAL = 1.0
#: Seconds the workers get to finish their article and exit when the run ends or is stopped.
SHUTDOWN_GRACE = 10.0


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class _Task:
    """One article in flight: its pool, and when it was first seen running there."""

    record: Article
    pool: ProcessPoolExecutor
    running_since: float | None = None
    reported: bool = False


@dataclass
class _Pending:
    tasks: dict[Future[Outcome], _Task] = field(default_factory=dict)
    redo: collections.deque[Article] = field(default_factory=collections.deque)


class LocalExecutor:
    """Run records through the chain here (workers == 1) or in a process pool."""

    name = "local"

    def __init__(self, spec: StepsSpec, workers: int | None = None, *, pool: bool | None = None,
                 timeout: float | None = None, recycle_after: int | None = None,
                 notice: Callable[[str], None] = _stderr) -> None:
        """`pool=True` uses worker processes even for one worker (a benchmark's fair baseline)."""
        self.spec = spec
        self.workers = workers or available_cpus()
        self.inline = not pool if pool is not None else self.workers == 1
        self.timeout = timeout
        self.recycle_after = recycle_after
        self.notice = notice
        self._pool: ProcessPoolExecutor | None = None
        self._submitted = 0  # articles sent to the current pool
        self._peaks: dict[str, int] = {}

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        """Stop the pool; a worker that does not exit within `SHUTDOWN_GRACE` (stopped, stuck)
        is killed, so the run always ends and leaves no process behind."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        processes = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        waiting = {process.sentinel: process for process in processes}
        deadline = time.monotonic() + SHUTDOWN_GRACE
        while waiting and (left := deadline - time.monotonic()) > 0:
            for sentinel in multiprocessing.connection.wait(list(waiting), timeout=left):
                waiting.pop(sentinel)  # type: ignore[call-overload]
        for process in waiting.values():
            process.kill()

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker, initargs=(self.spec, os.getpid()),
            )
            self._submitted = 0
        return self._pool

    def _spent(self) -> bool:
        """True when the current pool has had its share of articles and is to be replaced."""
        return bool(self.recycle_after) and self._pool is not None and \
            self._submitted >= self.recycle_after * self.workers  # type: ignore[operator]

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
            outcome = process_record(record, self.spec, self.timeout)
            track_peak(self._peaks, f"pid-{outcome.pid}", outcome)
            yield outcome

    def _submit(self, record: Article, pending: _Pending) -> None:
        pool = self._ensure_pool()
        pending.tasks[pool.submit(process_record, record, self.spec, self.timeout)] = _Task(record, pool)
        self._submitted += 1

    def _map_pool(self, records: Iterable[Record]) -> Iterator[Outcome]:
        window = self.workers * IN_FLIGHT_PER_WORKER
        pending = _Pending()
        source = iter(records)
        exhausted = False
        while True:
            if self._spent() and not pending.tasks:
                self._shutdown()  # its workers did their share: the next submit starts a fresh pool
            while pending.redo and len(pending.tasks) < window and not self._spent():
                self._submit(pending.redo.popleft(), pending)
            while not exhausted and not pending.redo and len(pending.tasks) < window and not self._spent():
                record = next(source, None)
                if record is None:
                    exhausted = True
                elif isinstance(record, Failure):
                    yield failure_outcome(record)
                else:
                    self._submit(record, pending)
            if not pending.tasks and not pending.redo:
                if exhausted:
                    return
                continue
            done, _ = wait(pending.tasks, timeout=self._wait_time(), return_when=FIRST_COMPLETED)
            suspects: list[Article] = []
            for future in done:
                if future in pending.tasks:
                    yield from self._settle(future, pending.tasks, suspects)
            for record in suspects:  # one at a time, so only the culprit fails
                yield self._isolated(record)
            yield from self._watch(pending)

    def _wait_time(self) -> float | None:
        return WATCH_INTERVAL if self.timeout else None

    def _watch(self, pending: _Pending) -> Iterator[Outcome]:
        """Report long-running articles; kill the pool of one past its time and go on."""
        if not self.timeout:
            return
        now = time.monotonic()
        limit = self.timeout + KILL_GRACE
        expired: list[Future[Outcome]] = []
        for future, task in pending.tasks.items():
            if task.running_since is None and future.running():
                task.running_since = now
            ran = now - task.running_since if task.running_since is not None else 0.0
            if not task.reported and ran >= self.timeout / 2:
                task.reported = True
                self.notice(f"vnfig run: article {task.record.id!r} has run for {ran:.0f} s; "
                            f"past {self.timeout:g} s (--article-timeout) it becomes a Timeout failure")
            if ran >= limit:
                expired.append(future)
        if expired:
            yield from self._expire(expired[: self.workers], pending)

    def _expire(self, expired: list[Future[Outcome]], pending: _Pending) -> Iterator[Outcome]:
        """Kill the pool of `expired` articles: they fail as Timeout, the others are redone."""
        pool = pending.tasks[expired[0]].pool
        _kill_workers(pool)
        for future in [f for f, task in pending.tasks.items() if task.pool is pool]:
            task = pending.tasks.pop(future)
            if future in expired:
                self.notice(f"vnfig run: article {task.record.id!r} is over {self.timeout:g} s "
                            "(--article-timeout): recorded as a Timeout failure, its worker replaced")
                yield self._timed_out(task.record)
            else:
                pending.redo.append(task.record)
        self._discard(pool)

    def _timed_out(self, record: Article) -> Outcome:
        return failure_outcome(Failure(
            id=record.id, input=record.origin, step="worker", error="Timeout",
            message=f"the article ran over {self.timeout:g} s (--article-timeout) and its worker "
                    "did not answer; the worker was killed and replaced"))

    def _settle(self, future: Future[Outcome], tasks: dict[Future[Outcome], _Task],
                suspects: list[Article]) -> Iterator[Outcome]:
        """Yield the outcome of `future`; when its pool broke, settle all of that pool's futures.

        Articles lost with a dead worker are only suspects: they are run again one by one.
        """
        task = tasks.pop(future)
        outcome = self._result(future, task.record)
        if outcome is not None:
            yield outcome
            return
        suspects.append(task.record)
        siblings = [f for f, t in tasks.items() if t.pool is task.pool]
        wait(siblings)
        for sibling in siblings:
            sibling_record = tasks.pop(sibling).record
            sibling_outcome = self._result(sibling, sibling_record)
            if sibling_outcome is None:
                suspects.append(sibling_record)
            else:
                yield sibling_outcome
        self._discard(task.pool)

    def _isolated(self, record: Article) -> Outcome:
        """Run one suspect alone; if its worker dies again, it is the one that kills workers."""
        pool = self._ensure_pool()
        future = pool.submit(process_record, record, self.spec, self.timeout)
        self._submitted += 1
        limit = self.timeout + KILL_GRACE if self.timeout else None
        if wait([future], timeout=limit).not_done:  # hung past its alarm: as in `_expire`
            _kill_workers(pool)
            self._discard(pool)
            return self._timed_out(record)
        outcome = self._result(future, record)
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


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """SIGKILL every worker of `pool` (a stuck or stopped one answers nothing else).

    `_processes` is the executor's own pid -> process map; the standard library offers no
    public way to reach a pool's workers.
    """
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()


def _warm(spec: StepsSpec) -> int:
    """A no-op task that makes a worker start (its initializer loads the models)."""
    warm_up(spec)
    time.sleep(0.3)  # hold this worker so the next warm-up task lands on another one
    return os.getpid()
