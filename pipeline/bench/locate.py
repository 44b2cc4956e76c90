"""Cost of the locate step (ANNOTATION.md §8): the chain with and without it, side by side.

    .venv/bin/python -m vnfigures.bench.locate [--no-ner] [--rounds N] [PATH...]

One process runs the default chain over the inputs (the project's `corpus/` and, when present,
`../shared/corpus/raw/text` and `raw/html`) three times per round: with the locate step, without
it, and with it again (the two identical chains give the noise floor), taking turns per article
so that a busy machine slows all alike; models and the gazetteer are
loaded before timing. It reports ms/article and articles/s each way and the share of a run's
rate the step costs. Nothing here asserts a speed.
"""
from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from vnfigures.bench.throughput import DEFAULT_SOURCES, load_records
from vnfigures.schemas import Article
from vnfigures.steps import Step, default_steps, process_one


def time_chains(articles: Sequence[Article], chains: dict[str, Sequence[Step]]) -> dict[str, float]:
    """CPU seconds of each chain over every article, the chains taking turns per article so
    that a shared machine's changing load falls on all of them alike.

    Which chain goes first rotates from one article to the next: the chain that reads an
    article second finds the per-text caches of cleaning, features and names already filled,
    and with a fixed order that head start would be billed to the step being measured (the
    first chain ran 17 % slower than the second when both were the same chain)."""
    spent = dict.fromkeys(chains, 0.0)
    names = list(chains)
    for i, article in enumerate(articles):
        for name in names[i % len(names):] + names[:i % len(names)]:
            start = time.process_time()
            process_one(article, chains[name])
            spent[name] += time.process_time() - start
    return spent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vnfigures.bench.locate", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--no-ner", action="store_true", help="leave the NER step out of both chains")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sources = args.paths or [p for p in DEFAULT_SOURCES if p.exists()]
    articles = [r for r in load_records(sources, 1) if isinstance(r, Article)]
    with_step = default_steps(ner=not args.no_ner)
    without = [s for s in with_step if s.name != "locate"]
    # the same chain twice: how far apart two identical chains land is the run's noise floor
    chains = {"with locate": with_step, "without": without, "with locate, again": default_steps(ner=not args.no_ner)}
    time_chains(articles[:3], chains)  # load models and the gazetteer outside the timing
    runs: dict[str, list[float]] = {name: [] for name in chains}
    for _ in range(args.rounds):
        for name, seconds in time_chains(articles, chains).items():
            runs[name].append(seconds)
    table = Table(title=f"locate step cost — {len(articles)} articles, {args.rounds} rounds, "
                        f"NER {'off' if args.no_ner else 'on'}")
    for column in ("chain", "CPU ms/article (median)", "articles/s"):
        table.add_column(column, justify="right")
    medians = {name: statistics.median(times) for name, times in runs.items()}
    for name, seconds in medians.items():
        table.add_row(name, f"{1000 * seconds / len(articles):.1f}", f"{len(articles) / seconds:.2f}")
    console = Console()
    console.print(table)
    loss = 1 - medians["without"] / medians["with locate"]
    floor = abs(1 - medians["with locate, again"] / medians["with locate"])
    console.print(f"articles/s lost to the locate step: {100 * loss:.1f} % "
                  f"(the same chain twice differs by {100 * floor:.1f} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
