"""Throughput of `vnfig run`'s local engine: articles/s with 1 and 2 workers side by side.

    .venv/bin/python -m vnfigures.bench.throughput [--no-ner] [--repeat N] [--rounds N]
        [--engine local|dask] [--dedup off|on|both] [--json OUT] [PATH...]

Default inputs: the project's `corpus/` and, when present, `../shared/corpus/raw/text` and
`raw/html`. Both runs use worker processes (one and two), so the comparison is fair; start-up
(spawning the workers and loading their models) is timed apart and left out of the rate. Each
worker's resident-memory high-water mark is reported. Numbers are ratios and rates for a
report, never assertions: speed depends on the machine. On a shared machine, `--rounds`
alternates the runs and a pure-Python spin measures how much two processes can gain at all.
`--dedup both` runs each worker count without and with near-duplicate detection (`vnfig
run`'s default; `--no-dedup` turns it off): the workers sign each article, and the grouping
at the end over the written records is timed into the rate; the memory peak at half the run
beside the one at its end shows whether a worker grows with the run.
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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from rich.console import Console
from rich.table import Table

from vnfigures.runner.executor import Executor
from vnfigures.read.inputs import iter_inputs
from vnfigures.runner.local import LocalExecutor
from vnfigures.runner.worker import Outcome, StepsSpec
from vnfigures.schemas import Article, Failure

REPO = Path(__file__).resolve().parents[2]
#: Fewer articles than this per worker and the 2/1 ratio says nothing: the tail where one worker
#: idles while the other finishes its last article, and the machine's noise, outweigh the gain.
MIN_ARTICLES_PER_WORKER = 20
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
    dedup: bool = False  # signatures in the workers and the grouping at the end
    grouping_seconds: float = 0.0  # the end-of-run grouping (in `articles_per_second`)
    peak_rss_mb_half_run: list[float] = field(default_factory=list)  # each worker's peak at half the run
    signing_ms_per_article: float = 0.0  # the signatures alone, timed again in this process


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


def measure(records: list[Article | Failure], workers: int, spec: StepsSpec, engine: str = "local",
            dedup: bool = False) -> Measure:
    """Warm the workers up (timed apart), then time the chain over `records` (and the grouping)."""
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        signatures = Path(tmp) / "out.signatures"
        spec = replace(spec, signatures=str(signatures)) if dedup else spec
        start = time.perf_counter()
        executor = stack.enter_context(make_executor(engine, spec, workers, Path(tmp) / "parts"))
        executor.warm_up()
        startup = time.perf_counter() - start
        start, parent_cpu = time.perf_counter(), time.process_time()
        outcomes, half = [], {}
        for outcome in executor.map(records):
            outcomes.append(outcome)
            if len(outcomes) == len(records) // 2:
                half = executor.peak_rss_kb()
        seconds = time.perf_counter() - start
        parent_cpu = time.process_time() - parent_cpu
        peaks = sorted(round(kb / 1024, 1) for kb in executor.peak_rss_kb().values())
        grouping = _grouping_seconds(outcomes, signatures) if dedup else 0.0
        signing = _signing_ms(outcomes) if dedup else 0.0
    kinds = [o.kind for o in outcomes]
    errors = Counter(json.loads(o.line)["error"] for o in outcomes if o.kind == "failure")
    cpu = sum(o.cpu_seconds for o in outcomes)
    return Measure(workers, len(kinds), kinds.count("article"), kinds.count("failure"),
                   round(startup, 2), round(seconds, 2), round(len(kinds) / (seconds + grouping), 2), peaks,
                   round(1000 * cpu / max(len(kinds), 1), 1), round(cpu / (seconds * workers), 2),
                   round(parent_cpu / seconds, 2),
                   round(os.getloadavg()[0], 2), dict(errors), dedup, round(grouping, 2),
                   sorted(round(kb / 1024, 1) for kb in half.values()), signing)


def _signing_ms(outcomes: Sequence[Outcome]) -> float:
    """CPU ms per written article of its signature alone: what a worker adds to each article.

    WHY apart: on a shared machine the workers' own CPU times vary by more than this between
    two runs of the same setting; one process timing only the signing does not.
    """
    from vnfigures.dedup.shingles import text_signature

    texts = [str(json.loads(o.line).get("text") or "") for o in outcomes if o.kind == "article"]
    text_signature(texts[0] if texts else "")  # loads datasketch before the clock starts
    start = time.process_time()
    for text in texts:
        text_signature(text)
    return round(1000 * (time.process_time() - start) / max(len(texts), 1), 2)


def _grouping_seconds(outcomes: Sequence[Outcome], signatures: Path) -> float:
    """Time the end-of-run grouping over the written articles, as `vnfig run` does it."""
    from vnfigures.dedup.config import load_config
    from vnfigures.dedup.finalize import finalize

    out = signatures.with_name("out.jsonl")
    out.write_text("".join(o.line + "\n" for o in outcomes if o.kind == "article"), encoding="utf-8")
    order = {o.id: n for n, o in enumerate(outcomes) if o.id is not None}
    start = time.perf_counter()
    finalize(out, signatures, order, load_config().threshold)
    return time.perf_counter() - start


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
    for column in ("workers", "dedup", "articles", "written", "failed", "start-up s", "run s", "grouping s",
                   "articles/s", "peak RSS MB per worker", "at half run", "CPU ms/article", "worker CPU use",
                   "parent CPU", "load avg"):
        table.add_column(column, justify="right")
    for m in results:
        table.add_row(str(m.workers), "on" if m.dedup else "off", str(m.articles), str(m.written), str(m.failed),
                      f"{m.startup_seconds:.1f}", f"{m.seconds:.1f}", f"{m.grouping_seconds:.2f}",
                      f"{m.articles_per_second:.2f}",
                      ", ".join(map(str, m.peak_rss_mb_per_worker)), ", ".join(map(str, m.peak_rss_mb_half_run)),
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
        if not m.dedup or all(r.dedup for r in results):  # the 2/1 ratio compares like with like
            rates.setdefault(m.workers, []).append(m.articles_per_second)
    _dedup_cost(results, summary, console)
    if 1 in rates and 2 in rates:
        summary["ratio_2_over_1"] = round(statistics.median(rates[2]) / statistics.median(rates[1]), 2)
        summary["ratio_2_over_1_by_round"] = [round(two / one, 2) for one, two in zip(rates[1], rates[2], strict=False)]
        console.print(_ratio_line(summary, min(m.articles for m in results)))
    if ceilings:
        summary["machine_ceiling_2_over_1"] = list(ceilings)
        console.print(f"machine ceiling (pure-Python spin, 2 processes / 1) by round: {list(ceilings)}")
    return summary


def _dedup_cost(results: list[Measure], summary: dict[str, object], console: Console) -> None:
    """Per worker count run both ways: how much slower (median rates) and how much more CPU."""
    for workers in sorted({m.workers for m in results}):
        off = [m for m in results if m.workers == workers and not m.dedup]
        on = [m for m in results if m.workers == workers and m.dedup]
        if not (off and on):
            continue
        rate_off = statistics.median(m.articles_per_second for m in off)
        rate_on = statistics.median(m.articles_per_second for m in on)
        cpu_off = statistics.median(m.cpu_ms_per_article for m in off)
        cpu_on = statistics.median(m.cpu_ms_per_article for m in on)
        signing = statistics.median(m.signing_ms_per_article for m in on)
        grouping_ms = 1000 * statistics.median(m.grouping_seconds / max(m.articles, 1) for m in on)
        cost = {"slower_percent": round(100 * (rate_off / rate_on - 1), 1),
                "worker_cpu_percent": round(100 * (cpu_on / cpu_off - 1), 1),
                "grouping_seconds": [m.grouping_seconds for m in on], "signing_ms_per_article": signing,
                "added_percent_of_chain_cpu": round(100 * (signing + grouping_ms) / cpu_off, 1)}
        summary[f"dedup_cost_{workers}_workers"] = cost
        console.print(f"{workers} worker(s), near-duplicate detection: {rate_off:.2f} articles/s without, "
                      f"{rate_on:.2f} with ({cost['slower_percent']:+.1f}% time, goal <= +5%); worker CPU "
                      f"{cpu_off:.0f} vs {cpu_on:.0f} ms/article ({cost['worker_cpu_percent']:+.1f}%); signing alone "
                      f"{signing:.2f} ms/article + grouping {grouping_ms:.2f} ms/article = "
                      f"{cost['added_percent_of_chain_cpu']:+.1f}% of the chain's CPU")


def _ratio_line(summary: dict[str, object], articles: int) -> str:
    """The 2/1 ratio against its goal, or, for a run too small to judge, a line saying so."""
    ratio = f"2-worker / 1-worker throughput: {summary['ratio_2_over_1']:.2f}, by round {summary['ratio_2_over_1_by_round']}"
    need = 2 * MIN_ARTICLES_PER_WORKER
    if articles < need:
        summary["too_small_to_judge"] = True
        return f"{ratio}: {articles} articles is too small a run to judge scaling (need >= {need}; raise --repeat)"
    return f"{ratio} (goal >= 1.8 on two cores)"


_DEDUP_SETTINGS = {"off": (False,), "on": (True,), "both": (False, True)}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="inputs (default: project and shared corpus)")
    parser.add_argument("--no-ner", action="store_true", help="leave out the entity step")
    parser.add_argument("--repeat", type=int, default=3, help="process the inputs this many times (a longer run evens out the tail where one worker waits)")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the worker counts this many times")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="engine to measure")
    parser.add_argument("--steps", default=StepsSpec.factory, help="module:function building the chain")
    parser.add_argument("--dedup", choices=("off", "on", "both"), default="off",
                        help="near-duplicate detection in the runs (both: each worker count without, then with)")
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
        results += [measure(records, int(n), spec, args.engine, dedup)
                    for n in args.workers.split(",") for dedup in _DEDUP_SETTINGS[args.dedup]]
        ceilings.append(machine_ceiling())
    summary = report(results, console, ceilings)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
