"""The one interface both engines implement: records in, outcomes out, workers' memory peaks.

An executor consumes the input stream lazily (a bounded number of articles in flight, so
memory stays flat however long the input) and yields outcomes in completion order. The batch
driver (`batch.py`) does the reading, resume/duplicate gating, writing and accounting, so an
engine only has to move records to workers and outcomes back.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from vnfigures.runner.worker import Outcome
from vnfigures.schemas import Article, Failure

Record = Article | Failure


@runtime_checkable
class Executor(Protocol):
    """Runs the step chain over records; used as a context manager (`with make_executor(...)`)."""

    name: str
    workers: int

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...

    def warm_up(self) -> None:
        """Start every worker and load its models, so start-up can be timed apart."""

    def map(self, records: Iterable[Record]) -> Iterator[Outcome]:
        """Process `records`; yield one outcome per record, in completion order."""

    def peak_rss_kb(self) -> dict[str, int]:
        """Each worker's resident-memory high-water mark seen so far (worker name -> KiB)."""


def track_peak(peaks: dict[str, int], worker: str, outcome: Outcome) -> None:
    """Keep the highest memory peak reported by each worker."""
    peaks[worker] = max(peaks.get(worker, 0), outcome.peak_rss_kb)
