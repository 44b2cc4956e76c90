"""Show a run's progress: a rich bar with articles/s and ETA on a terminal, log lines otherwise.

Logs (CI, `nohup`, a file) get one plain line every `interval` seconds on stderr instead of a
redrawn bar, which would fill them with control codes.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
    TimeRemainingColumn,
)

from vnfigures.read.inputs import JSONL_SUFFIX, STDIN, walk_inputs
from vnfigures.runner.output import RunSummary


class ProgressReporter(Protocol):
    def update(self, summary: RunSummary) -> None: ...

    def close(self, summary: RunSummary) -> None: ...


def done_count(summary: RunSummary) -> int:
    return summary.written + summary.failed + summary.skipped_total


class BarProgress:
    """A rich progress bar (terminal only)."""

    def __init__(self, total: int | None, stream: IO[str]) -> None:
        self._bar = Progress(
            SpinnerColumn(), TextColumn("[bold]vnfig run"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"), TextColumn("failed {task.fields[failed]}"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=Console(file=stream),
        )
        self._task = self._bar.add_task("run", total=total, rate=0.0, failed=0)
        self._start = time.monotonic()
        self._bar.start()

    def update(self, summary: RunSummary) -> None:
        elapsed = max(time.monotonic() - self._start, 1e-9)
        done = done_count(summary)
        self._bar.update(self._task, completed=done, rate=done / elapsed, failed=summary.failed)

    def close(self, summary: RunSummary) -> None:
        self.update(summary)
        self._bar.stop()


class LogProgress:
    """One plain line on `stream` every `interval` seconds."""

    def __init__(self, total: int | None, stream: IO[str], interval: float = 10.0) -> None:
        self._total = total
        self._stream = stream
        self._interval = interval
        self._start = self._last = time.monotonic()

    def update(self, summary: RunSummary) -> None:
        now = time.monotonic()
        if now - self._last >= self._interval:
            self._last = now
            self._emit(summary, now)

    def close(self, summary: RunSummary) -> None:
        pass

    def _emit(self, summary: RunSummary, now: float) -> None:
        done = done_count(summary)
        rate = done / max(now - self._start, 1e-9)
        of = f"/{self._total}" if self._total is not None else ""
        eta = ""
        if self._total and rate > 0:
            eta = f", about {max(self._total - done, 0) / rate:.0f} s left"
        print(f"vnfig run: {done}{of} articles ({summary.written} written, {summary.failed} failed, "
              f"{summary.skipped_total} skipped), {rate:.1f} articles/s{eta}", file=self._stream, flush=True)


def count_inputs(sources: Iterable[str]) -> int | None:
    """How many articles the inputs hold (None when reading stdin); a cheap pass for the ETA."""
    total = 0
    for source in sources:
        if source == STDIN:
            return None
        path = Path(source)
        paths = walk_inputs(path) if path.is_dir() else [path]
        for item in paths:
            if isinstance(item, Path):
                total += _count_file(item)
            else:
                total += 1
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() != JSONL_SUFFIX or not path.is_file():  # never open a FIFO
        return 1
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


def make_progress(sources: list[str], *, enabled: bool | None = None,
                  stream: IO[str] | None = None, interval: float = 10.0) -> ProgressReporter:
    """A bar on a terminal, log lines elsewhere; `enabled` forces the choice (None: detect)."""
    stream = stream or sys.stderr
    tty = stream.isatty() if enabled is None else enabled
    if tty:
        return BarProgress(count_inputs(sources), stream)
    return LogProgress(None, stream, interval)

