"""Dask engine: the same steps on a Dask cluster, with partitioned JSONL output.

The client streams the inputs (as the local engine does) and groups them into partitions of
`partition_size` articles. Each partition is one task: a worker runs `process_record` on its
articles (building the steps once per worker process) and writes
`OUT.parts/part-XXXXX.jsonl` (+ `part-XXXXX.failures.jsonl`), renamed into place only when
whole. As partitions complete, the client merges each into OUT.jsonl and its failures file
and deletes it, so a crash loses at most the partitions in flight and `--resume` works as
with the local engine. The parts folder must be on a filesystem the workers and the client
share (as on a Slurm cluster); pass `parts=None` to return the lines through Dask instead.

Without a scheduler address a `LocalCluster` of `workers` single-threaded processes is
started; with one (`tcp://host:8786`, e.g. from dask-jobqueue's `SLURMCluster`), the client
connects to it and sizes its window by the cluster's threads.
"""
from __future__ import annotations

import collections
import itertools
import os
import shutil
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnfigures.runner.cpus import available_cpus
from vnfigures.runner.executor import Record, track_peak
from vnfigures.runner.worker import Outcome, StepsSpec, failure_outcome, peak_rss_kb, process_record, warm_up
from vnfigures.schemas import Failure

#: Articles per task: big enough to amortize a Dask round trip, small enough to balance.
PARTITION_SIZE = 4
#: ...and at most about this many characters of raw input (one big saved page goes alone).
PARTITION_BYTES = 200_000
#: Partitions in flight per worker thread.
IN_FLIGHT_PER_THREAD = 2
#: Tries of an article whose task failed before it is recorded as a failure.
MAX_ATTEMPTS = 3

_BUILD_LOCK = threading.Lock()


@dataclass
class PartResult:
    """What a partition task sends back: where its lines are (or the lines), and memory."""

    index: int
    pid: int
    worker: str
    peak_rss_kb: int
    paths: tuple[str, str] | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    cpu_seconds: float = 0.0


def process_partition(index: int, records: list[Record], spec: StepsSpec, parts: str | None) -> PartResult:
    """Run one partition on a Dask worker; write its part files when `parts` is given."""
    with _BUILD_LOCK:  # a worker with several threads builds its steps once
        warm_up(spec)
    outcomes = [process_record(record, spec) for record in records]
    worker = _worker_address()
    result = PartResult(index, os.getpid(), worker, peak_rss_kb(), cpu_seconds=sum(o.cpu_seconds for o in outcomes))
    if parts is None:
        result.outcomes = outcomes
        return result
    base = Path(parts) / f"part-{index:05d}"
    result.paths = (
        _write_part(base.with_suffix(".jsonl"), [o.line for o in outcomes if o.kind == "article"]),
        _write_part(base.with_suffix(".failures.jsonl"), [o.line for o in outcomes if o.kind == "failure"]),
    )
    return result


def _worker_address() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return f"pid-{os.getpid()}"


def _write_part(path: Path, lines: list[str]) -> str:
    """Write a part file whole, then rename it into place (a reader never sees half of it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(tmp, path)
    return str(path)


def read_part(result: PartResult) -> Iterator[Outcome]:
    """The outcomes of a finished partition, read back from its part files (then deleted)."""
    if result.paths is None:
        yield from result.outcomes
        return
    parts: list[tuple[str, list[str]]] = []
    for kind, path in zip(("article", "failure"), result.paths, strict=True):
        with open(path, encoding="utf-8") as handle:
            parts.append((kind, [line.rstrip("\n") for line in handle if line.strip()]))
        os.remove(path)
    share = result.cpu_seconds / max(sum(len(lines) for _, lines in parts), 1)  # per-record CPU is not kept
    for kind, lines in parts:
        for line in lines:
            yield Outcome(kind, None, None, line, result.pid, result.peak_rss_kb, share)  # type: ignore[arg-type]


class DaskExecutor:
    """Run records through the chain on a Dask cluster (local or remote)."""

    name = "dask"

    def __init__(self, spec: StepsSpec, workers: int | None = None, *, scheduler: str | None = None,
                 parts: Path | None = None, partition_size: int = PARTITION_SIZE) -> None:
        self.spec = spec
        self.workers = workers or available_cpus()
        self.scheduler = scheduler
        self.parts = parts
        self.partition_size = partition_size
        self._client: Any = None
        self._cluster: Any = None
        self._peaks: dict[str, int] = {}
        self._index = itertools.count()

    def __enter__(self) -> DaskExecutor:
        from distributed import Client, LocalCluster

        if self.scheduler:
            self._client = Client(self.scheduler)
            self.workers = max(sum(self._client.nthreads().values()), 1)
        else:
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                         dashboard_address=":0")
            self._client = Client(self._cluster)
        if self.parts is not None:
            shutil.rmtree(self.parts, ignore_errors=True)  # parts of a killed run: redone
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        if self.parts is not None and self.parts.is_dir() and not any(self.parts.iterdir()):
            self.parts.rmdir()
        self._client = self._cluster = None

    def warm_up(self) -> None:
        """Build the steps on every worker now (start-up timed apart from work)."""
        self._client.run(warm_up, self.spec)

    def peak_rss_kb(self) -> dict[str, int]:
        return dict(self._peaks)

    def map(self, records: Iterable[Record]) -> Iterator[Outcome]:
        from distributed import as_completed

        parts = str(self.parts) if self.parts is not None else None
        window = self.workers * IN_FLIGHT_PER_THREAD
        self._index = itertools.count()
        batches = self._partitions(records)
        pending = as_completed()
        inflight: dict[Any, tuple[list[Record], int]] = {}
        suspects: collections.deque[tuple[Record, int]] = collections.deque()
        suspect_running = False

        def submit(batch: list[Record], attempt: int = 0) -> None:
            future = self._client.submit(process_partition, next(self._index), batch, self.spec, parts, pure=False)
            inflight[future] = (batch, attempt)
            pending.add(future)

        for batch in itertools.islice(batches, window):
            submit(batch)
        for future in pending:
            batch, attempt = inflight.pop(future)
            suspect_running = suspect_running and attempt == 0
            if future.status == "error" and (len(batch) > 1 or attempt < MAX_ATTEMPTS):
                suspects.extend((record, attempt + 1) for record in batch)  # its worker died
            else:
                yield from self._collect(future, batch)
            if suspects and not suspect_running:  # suspects run one at a time: only a culprit fails
                record, tries = suspects.popleft()
                submit([record], tries)
                suspect_running = True
            for nxt in itertools.islice(batches, 1):
                submit(nxt)

    def _partitions(self, records: Iterable[Record]) -> Iterator[list[Record]]:
        """Groups of at most `partition_size` articles and about `PARTITION_BYTES` of input.

        A saved page can be a hundred times a text's size; bounding bytes too keeps big
        pages from piling into one slow task at the end of a run.
        """
        batch: list[Record] = []
        size = 0
        for record in records:
            batch.append(record)
            size += len(getattr(record, "raw", None) or "")
            if len(batch) >= self.partition_size or size >= PARTITION_BYTES:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def _collect(self, future: Any, batch: list[Record]) -> Iterator[Outcome]:
        try:
            result: PartResult = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker fails its partition, not the run
            for record in batch:
                yield failure_outcome(Failure(
                    id=record.id, input=getattr(record, "origin", None) or getattr(record, "input", None),
                    step="worker", error=type(exc).__name__,
                    message=f"the Dask task of this article failed: {exc}"))
            return
        for outcome in read_part(result):
            track_peak(self._peaks, result.worker, outcome)
            yield outcome
