"""What runs on a worker: build the steps once per process, turn a record into an output line.

Both engines (local processes and Dask) call `process_record`, so they produce identical
records. The worker serializes the result itself: only a short JSON line travels back, never
the article with its spaCy `Doc`.
"""
from __future__ import annotations

import dataclasses
import importlib
import os
import resource
import signal
import sys
import time
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
        _WARM.add(spec)


def init_worker(spec: StepsSpec) -> None:
    """Process-pool initializer: load the models before the first article arrives.

    Ctrl-C reaches the whole process group; workers ignore it and let the parent stop the
    run cleanly, so an interrupted article is redone by `--resume`, never recorded as failed.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up(spec)


def peak_rss_kb() -> int:
    """This process's resident-memory high-water mark, in KiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def failure_outcome(failure: Failure) -> Outcome:
    """Wrap a failure (e.g. a read failure) as an outcome, without running any step."""
    return Outcome("failure", failure.id, failure.input, failure.model_dump_json(), os.getpid(), peak_rss_kb())


def process_record(record: Article | Failure, spec: StepsSpec) -> Outcome:
    """Run the chain on an article (never raises); a failure passes through unchanged."""
    if isinstance(record, Failure):
        return failure_outcome(record)
    started = time.process_time()
    outcome = _process_article(record, spec)
    return dataclasses.replace(outcome, cpu_seconds=time.process_time() - started)


def _process_article(record: Article, spec: StepsSpec) -> Outcome:
    result = process_one(record, steps_for(spec))
    if isinstance(result, Article):
        try:
            line = result.model_dump_json()
        except Exception as exc:  # noqa: BLE001 - an unserializable record is one failure
            return failure_outcome(failure_for(record, "write", exc))
        return Outcome("article", result.id, record.origin, line, os.getpid(), peak_rss_kb())
    return failure_outcome(result)
