"""What runs on a worker: build the steps once per process, turn a record into an output line.

Both engines (local processes and Dask) call `process_record`, so they produce identical
records. The worker serializes the result itself: only a short JSON line travels back, never
the article with its spaCy `Doc`.
"""
from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import importlib
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from vnfigures.schemas import Article, Failure
from vnfigures.steps import Step, failure_for, process_one

DEFAULT_FACTORY = "vnfigures.steps:default_steps"


@dataclass(frozen=True)
class StepsSpec:
    """How a worker builds its step chain: a `module:function` taking `ner`, and `ner`.

    Plain strings, so the spec pickles to any worker process or Dask worker.
    """

    factory: str = DEFAULT_FACTORY
    ner: bool = True
    signatures: str | None = None  # folder of near-duplicate signatures (vnfigures.dedup), or None

    def build(self) -> list[Step]:
        """Import the factory and build the steps (models load here, once per process)."""
        module_name, _, func_name = self.factory.partition(":")
        factory = getattr(importlib.import_module(module_name), func_name or "default_steps")
        return list(factory(ner=self.ner))


@dataclass(frozen=True)
class Outcome:
    """One processed record: its id, the JSON line to write, and the worker's memory peak."""

    kind: Literal["article", "failure"]
    id: str | None
    origin: str | None
    line: str
    pid: int
    peak_rss_kb: int
    cpu_seconds: float = 0.0  # CPU time the worker spent on this record


_STEPS: dict[StepsSpec, list[Step]] = {}
_WARM: set[StepsSpec] = set()
#: A short article run once per process so that lazily loaded models load at start-up.
WARM_UP_TEXT = "Hội Chữ thập đỏ tỉnh Cà Mau trao 50 suất quà, trị giá 25 triệu đồng, cho hộ nghèo."


def steps_for(spec: StepsSpec) -> list[Step]:
    """The steps of `spec` in this process, built on first use and kept for the next articles."""
    steps = _STEPS.get(spec)
    if steps is None:
        steps = _STEPS[spec] = spec.build()
    return steps


def warm_up(spec: StepsSpec) -> None:
    """Build the steps and run one small article, so every model is loaded before real work."""
    if spec not in _WARM:
        process_one(Article(id="warm-up", raw=WARM_UP_TEXT, raw_format="text"), steps_for(spec))
        if spec.signatures is not None:  # loads datasketch (and SciPy) now, not on the first article
            from vnfigures.dedup.shingles import text_signature

            text_signature(WARM_UP_TEXT)
        _WARM.add(spec)


class Timeout(Exception):  # noqa: N818 - the name is what a failure record shows
    """An article ran over `--article-timeout`."""


#: Linux `prctl` option: the signal a process gets when the thread that started it exits.
PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Make this worker exit when the run that started it dies, even by `kill -9`.

    On Linux the kernel sends SIGKILL at the parent's death (`PR_SET_PDEATHSIG`); elsewhere a
    daemon thread polls the parent. Either way a killed run leaves no worker behind.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    else:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(1)


def init_worker(spec: StepsSpec, parent_pid: int | None = None) -> None:
    """Process-pool initializer: tie the worker to its parent, load the models.

    Ctrl-C reaches the whole process group; workers ignore it and let the parent stop the
    run cleanly, so an interrupted article is redone by `--resume`, never recorded as failed.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent_pid is not None:
        die_with_parent(parent_pid)
    warm_up(spec)


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `Timeout` in the code running here after `seconds` (main thread only, else none).

    This stops an article that is slow in Python code; one stuck in native code or a stopped
    process is caught by the parent's watch instead (`local.py`).
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(_signum: int, _frame: object) -> None:
        raise Timeout(f"the article took over {seconds:g} s (--article-timeout); it was stopped")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def peak_rss_kb() -> int:
    """This process's resident-memory high-water mark, in KiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def failure_outcome(failure: Failure) -> Outcome:
    """Wrap a failure (e.g. a read failure) as an outcome, without running any step."""
    return Outcome("failure", failure.id, failure.input, failure.model_dump_json(), os.getpid(), peak_rss_kb())


def process_record(record: Article | Failure, spec: StepsSpec, timeout: float | None = None) -> Outcome:
    """Run the chain on an article (never raises); a failure passes through unchanged."""
    if isinstance(record, Failure):
        return failure_outcome(record)
    started = time.process_time()
    outcome = _process_article(record, spec, timeout)
    return dataclasses.replace(outcome, cpu_seconds=time.process_time() - started)


def _process_article(record: Article, spec: StepsSpec, timeout: float | None) -> Outcome:
    steps = steps_for(spec)
    try:
        with time_limit(timeout):
            result = process_one(record, steps)
    except Timeout as exc:  # the alarm rang between the chain's end and the timer's reset
        result = failure_for(record, "process", exc)
    if isinstance(result, Article):
        try:
            line = result.model_dump_json()
        except Exception as exc:  # noqa: BLE001 - an unserializable record is one failure
            return failure_outcome(failure_for(record, "write", exc))
        if spec.signatures is not None:
            from vnfigures.dedup.store import append

            append(spec.signatures, result.id, result.text)
        return Outcome("article", result.id, record.origin, line, os.getpid(), peak_rss_kb())
    return failure_outcome(result)

