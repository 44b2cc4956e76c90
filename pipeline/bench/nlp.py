"""Benchmark of the NLP chain: underthesea's plain calls vs. ours, side by side in one run.

Run: `.venv/bin/python -m vnfigures.bench.nlp [--corpus DIR ...] [--repeat N] [--json]`.

For every corpus (default: `corpus/` and, when present, `../shared/corpus/raw/text`), on the same
underthesea sentences (`sent_tokenize`) of every article, it reports milliseconds per article of:
- underthesea: `word_tokenize(s)`, `pos_tag(s)`, `ner(s)` per sentence (how it is usually called);
- ours: `vnfigures.nlp.analyze(s)` (one segmentation, compiled templates, NER without chunking);
- their ratio, and the floor: the three CRF models tagging precomputed features, nothing else;
- the whole pipeline with NER (`vnfigures.process`, clean -> ... -> validate), models loaded first;
and the peak memory (ru_maxrss) of a fresh worker process that loads everything and runs the
whole pipeline over the corpus. Timings are best-of-N process CPU time; no claim is asserted here.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def default_corpora(root: Path) -> list[Path]:
    """The project's `corpus/` and the shared raw texts beside the checkout, when present."""
    candidates = [root / "corpus", root.parent / "shared" / "corpus" / "raw" / "text"]
    return [p for p in candidates if p.is_dir() and any(p.glob("*.txt"))]


def read_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def best_of(repeat: int, func: Callable[[], object]) -> float:
    """Smallest CPU time of this process over `repeat` runs, in seconds.

    CPU time, not wall time: the machine is shared (2 cores, other jobs), and all measured work
    is single-threaded and CPU-bound, so CPU time is what stays comparable between the two sides.
    """
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def underthesea_chain(sentences: Sequence[Sequence[str]]) -> None:
    from underthesea import ner, pos_tag, word_tokenize

    for article in sentences:
        for s in article:
            word_tokenize(s), pos_tag(s), ner(s)


def our_chain(sentences: Sequence[Sequence[str]]) -> None:
    from vnfigures.nlp import analyze

    for article in sentences:
        for s in article:
            analyze(s)


def crf_floor(sentences: Sequence[Sequence[str]]) -> Callable[[], None]:
    """Precompute every CRF input; the returned callable only runs the three taggers."""
    from vnfigures.nlp import analyze
    from vnfigures.nlp.analysis import segmenter, stage

    seg = segmenter()
    jobs: list[tuple[Any, list[list[str]]]] = []
    for article in sentences:
        for s in article:
            result = analyze(s)
            if not result.words:
                continue
            tokens = [[t] for w in result.words for t in w.split(" ")]
            jobs.append((seg.model.estimator, seg.model.featurizer.process([tokens])[0]))
            jobs.append((stage("pos").tagger, stage("pos").features(result.words)))
            jobs.append((stage("ner").tagger, stage("ner").features(result.words, result.pos, ("",) * len(result.words))))

    def run() -> None:
        for tagger, features in jobs:
            tagger.tag(features)

    return run


def pipeline_run(texts: Sequence[str]) -> int:
    """Whole pipeline with NER over the texts; returns how many articles came out as records."""
    from vnfigures import process
    from vnfigures.schemas import Article

    return sum(isinstance(r, Article) for r in process(texts, ner=True))


def _peak_rss_mb() -> dict[str, float]:
    """ru_maxrss (the measure asked for) and VmHWM (the same peak, but reset by exec)."""
    peak = {"ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak["vmhwm_mb"] = int(line.split()[1]) / 1024
    return peak


def _worker_memory(texts: list[str]) -> dict[str, Any]:
    """In a fresh process: peak RSS after loading the models, and after the whole pipeline."""
    from vnfigures.nlp import load

    load(ner=True)
    loaded = _peak_rss_mb()
    pipeline_run(texts)
    return {"after_load": loaded, "peak": _peak_rss_mb()}


def worker_memory(texts: list[str]) -> dict[str, Any]:
    """Run `_worker_memory` in a spawned process. Call it before this process grows: Linux
    carries ru_maxrss across fork+exec, so a big parent would inflate the child's figure."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_worker_memory, (texts,))


def bench_corpus(folder: Path, repeat: int, memory: dict[str, Any]) -> dict[str, Any]:
    from underthesea import sent_tokenize

    texts = read_texts(folder)
    sentences = [sent_tokenize(t) for t in texts]
    n = len(texts)
    warm = [sentences[0][:1]]  # model loading is start-up, not per-article cost
    underthesea_chain(warm), our_chain(warm)
    plain = best_of(repeat, lambda: underthesea_chain(sentences))
    ours = best_of(repeat, lambda: our_chain(sentences))
    floor = best_of(repeat, crf_floor(sentences))
    pipeline_run(texts[:1])  # load models and warm caches: start-up is excluded
    whole = best_of(repeat, lambda: pipeline_run(texts))
    ours, floor, whole = (max(t, 1e-9) for t in (ours, floor, whole))  # a tiny corpus may round to 0
    return {
        "corpus": str(folder), "articles": n, "sentences": sum(map(len, sentences)),
        "underthesea_ms_per_article": 1000 * plain / n, "ours_ms_per_article": 1000 * ours / n,
        "speedup": plain / ours, "crf_floor_ms_per_article": 1000 * floor / n,
        "ours_over_floor": ours / floor,
        "pipeline_ms_per_article": 1000 * whole / n, "pipeline_articles_per_s": n / whole,
        "pipeline_records": pipeline_run(texts),
        "worker_memory": memory,
    }


def render(result: dict[str, Any]) -> str:
    mem = result["worker_memory"]
    lines = [
        f"{result['corpus']}: {result['articles']} articles, {result['sentences']} sentences",
        f"  underthesea word_tokenize+pos_tag+ner  {result['underthesea_ms_per_article']:9.1f} ms/article",
        (f"  vnfigures.nlp.analyze                  {result['ours_ms_per_article']:9.1f} ms/article"
         f"   ratio {result['speedup']:.1f}x faster"),
        (f"  floor: CRF tagging only                {result['crf_floor_ms_per_article']:9.1f} ms/article"
         f"   (ours = {result['ours_over_floor']:.1f}x floor)"),
        (f"  whole pipeline with NER                {result['pipeline_ms_per_article']:9.1f} ms/article"
         f"   {result['pipeline_articles_per_s']:.1f} articles/s ({result['pipeline_records']} records)"),
        (f"  worker peak memory (ru_maxrss)         {mem['peak']['ru_maxrss_mb']:9.1f} MB"
         f"   ({mem['after_load']['ru_maxrss_mb']:.1f} MB after loading models;"
         f" VmHWM {mem['peak'].get('vmhwm_mb', float('nan')):.1f} MB)"),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m vnfigures.bench.nlp", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", help="folder of .txt articles (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    corpora = args.corpus or default_corpora(Path.cwd())
    if not corpora:
        parser.error("no corpus found; pass --corpus DIR")
    memory = [worker_memory(read_texts(folder)) for folder in corpora]  # first, see worker_memory
    results = [bench_corpus(folder, max(args.repeat, 1), mem) for folder, mem in zip(corpora, memory)]
    print(json.dumps(results, indent=2) if args.json else "\n\n".join(map(render, results)))


if __name__ == "__main__":
    main()
