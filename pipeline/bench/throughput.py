"""Throughput of `vnfig run`'s local engine: articles/s with 1 and 2 workers side by side.

    .venv/bin/python -m vnfigures.bench.throughput [--no-ner] [--repeat N] [--rounds N]
        [--engine local|dask] [--json OUT] [PATH...]

Default inputs: the project's `corpus/` and, when present, `../shared/corpus/raw/text` and
`raw/html`. Both runs use worker processes (one and two), so the comparison is fair; start-up
(spawning the workers and loading their models) is timed apart and left out of the rate. Each
worker's resident-memory high-water mark is reported. Numbers are ratios and rates for a
report, never assertions: speed depends on the machine. On a shared machine, `--rounds`
alternates the runs and a pure-Python spin measures how much two processes can gain at all.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from vnfigures.runner.executor import Executor
from vnfigures.read.inputs import iter_inputs
from vnfigures.runner.local import LocalExecutor
from vnfigures.runner.worker import StepsSpec
from vnfigures.schemas import Article, Failure

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = (REPO / "corpus", REPO.parent / "shared" / "corpus" / "raw" / "text",
                   REPO.parent / "shared" / "corpus" / "raw" / "html")


@dataclass
class Measure:
    """One engine configuration's numbers."""

    workers: int
    articles: int
    written: int
    failed: int
    startup_seconds: float
    seconds: float
    articles_per_second: float
    peak_rss_mb_per_worker: list[float]
    cpu_ms_per_article: float
    utilisation: float
    parent_cpu_share: float
    load_average: float
    failure_errors: dict[str, int]


def load_records(sources: Sequence[Path], repeat: int) -> list[Article | Failure]:
    """The inputs read once (reading is not what is measured), repeated `repeat` times."""
    records = list(iter_inputs([str(s) for s in sources]))
    out: list[Article | Failure] = []
    for round_ in range(repeat):
        out.extend(r.model_copy(update={"id": f"{r.id}#{round_}"}) if isinstance(r, Article) else r
                   for r in records)
    return out


def make_executor(engine: str, spec: StepsSpec, workers: int, parts: Path) -> Executor:
    """Worker processes even for one worker (a fair baseline); Dask on a LocalCluster."""
    if engine == "dask":
        from vnfigures.runner.dask_engine import DaskExecutor

        return DaskExecutor(spec, workers, parts=parts)
    return LocalExecutor(spec, workers, pool=True)


def measure(records: list[Article | Failure], workers: int, spec: StepsSpec, engine: str = "local") -> Measure:
    """Warm the workers up (timed apart), then time the chain over `records`."""
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        start = time.perf_counter()
        executor = stack.enter_context(make_executor(engine, spec, workers, Path(tmp) / "parts"))
        executor.warm_up()
        startup = time.perf_counter() - start
        start, parent_cpu = time.perf_counter(), time.process_time()
        outcomes = list(executor.map(records))
        seconds = time.perf_counter() - start
        parent_cpu = time.process_time() - parent_cpu
        peaks = sorted(round(kb / 1024, 1) for kb in executor.peak_rss_kb().values())
    kinds = [o.kind for o in outcomes]
    errors = Counter(json.loads(o.line)["error"] for o in outcomes if o.kind == "failure")
    cpu = sum(o.cpu_seconds for o in outcomes)
    return Measure(workers, len(kinds), kinds.count("article"), kinds.count("failure"),
                   round(startup, 2), round(seconds, 2), round(len(kinds) / seconds, 2), peaks,
                   round(1000 * cpu / max(len(kinds), 1), 1), round(cpu / (seconds * workers), 2),
                   round(parent_cpu / seconds, 2),
                   round(os.getloadavg()[0], 2), dict(errors))


def _spin(seconds: float) -> int:
    """Pure-Python CPU work for `seconds`; returns how many loops it managed."""
    end, loops = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        sum(i * i for i in range(1000))
        loops += 1
    return loops


def machine_ceiling(seconds: float = 2.0) -> float:
    """How much faster two processes spin than one on this machine (2.0 = two free cores).

    The engine cannot scale better than the machine: shared or hyper-threaded virtual cores
    and other load show up here first.
    """
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        one = pool.apply(_spin, (seconds,))
        two = sum(pool.map(_spin, [seconds, seconds], chunksize=1))
    return round(two / one, 2)


def report(results: list[Measure], console: Console, ceilings: Sequence[float] = ()) -> dict[str, object]:
    """Print the table; ratios use each worker count's median rate over the rounds."""
    table = Table(title="vnfig run throughput")
    for column in ("workers", "articles", "written", "failed", "start-up s", "run s", "articles/s",
                   "peak RSS MB per worker", "CPU ms/article", "worker CPU use", "parent CPU", "load avg"):
        table.add_column(column, justify="right")
    for m in results:
        table.add_row(str(m.workers), str(m.articles), str(m.written), str(m.failed), f"{m.startup_seconds:.1f}",
                      f"{m.seconds:.1f}", f"{m.articles_per_second:.2f}", ", ".join(map(str, m.peak_rss_mb_per_worker)),
                      f"{m.cpu_ms_per_article:.0f}", f"{m.utilisation:.0%}", f"{m.parent_cpu_share:.0%}",
                      f"{m.load_average:.1f}")
    console.print(table)
    for m in results:
        if m.failure_errors:
            console.print(f"{m.workers} worker(s): failures by error {m.failure_errors}")
    console.print(f"machine: {os.cpu_count()} cores. 'worker CPU use' is the workers' CPU time over "
                  "(run time x workers): below ~95% the workers waited for a core (other load) or for work")
    summary: dict[str, object] = {"runs": [asdict(m) for m in results]}
    rates: dict[int, list[float]] = {}
    for m in results:
        rates.setdefault(m.workers, []).append(m.articles_per_second)
    if 1 in rates and 2 in rates:
        summary["ratio_2_over_1"] = round(statistics.median(rates[2]) / statistics.median(rates[1]), 2)
        summary["ratio_2_over_1_by_round"] = [round(two / one, 2) for one, two in zip(rates[1], rates[2], strict=False)]
        console.print(f"2-worker / 1-worker throughput: {summary['ratio_2_over_1']:.2f} (goal >= 1.8 on two cores); "
                      f"by round {summary['ratio_2_over_1_by_round']}")
    if ceilings:
        summary["machine_ceiling_2_over_1"] = list(ceilings)
        console.print(f"machine ceiling (pure-Python spin, 2 processes / 1) by round: {list(ceilings)}")
    return summary


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="inputs (default: project and shared corpus)")
    parser.add_argument("--no-ner", action="store_true", help="leave out the entity step")
    parser.add_argument("--repeat", type=int, default=3, help="process the inputs this many times (a longer run evens out the tail where one worker waits)")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the worker counts this many times")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="engine to measure")
    parser.add_argument("--steps", default=StepsSpec.factory, help="module:function building the chain")
    parser.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    args = parser.parse_args(argv)
    sources = args.paths or [p for p in DEFAULT_SOURCES if p.is_dir()]
    console = Console(width=120)
    records = load_records(sources, args.repeat)
    console.print(f"{len(records)} articles from {', '.join(map(str, sources))}"
                  f"{' (no NER)' if args.no_ner else ''}")
    spec = StepsSpec(args.steps, ner=not args.no_ner)
    results: list[Measure] = []
    ceilings: list[float] = []
    for _ in range(args.rounds):  # alternate, so a busy spell of the machine hits both counts
        results += [measure(records, int(n), spec, args.engine) for n in args.workers.split(",")]
        ceilings.append(machine_ceiling())
    summary = report(results, console, ceilings)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
