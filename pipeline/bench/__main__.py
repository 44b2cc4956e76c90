"""All benchmarks in one run: `.venv/bin/python -m vnfigures.bench`.

Runs the NLP-chain benchmark (underthesea's plain calls vs. ours, their ratio, the CRF floor,
whole-pipeline throughput, peak memory) and then the batch throughput benchmark (1 vs. 2
workers, their ratio, peak memory per worker) and the cleaning benchmark (our HTML cleaner
beside trafilatura and readability-lxml on the pages of clean_expect.json; the text cleaner per paper
on scraped texts and pages saved as text), each on the project corpus and, when present,
on `../shared/corpus`. Each runs in a fresh interpreter: Linux carries a parent's peak RSS into
the workers it spawns, so running them in one process would inflate the memory figures.
Each prints its own table; nothing here asserts a speed.
"""
from __future__ import annotations

import subprocess
import sys

BENCHMARKS = ("vnfigures.bench.nlp", "vnfigures.bench.throughput", "vnfigures.bench.clean", "vnfigures.bench.scraped",
              "vnfigures.bench.locate")


def main() -> int:
    """Run every benchmark with its default settings; extra arguments go to none of them."""
    if len(sys.argv) > 1:
        sys.exit("usage: python -m vnfigures.bench  (run vnfigures.bench.nlp, .throughput or .clean for options)")
    codes = [subprocess.run([sys.executable, "-m", module], check=False).returncode for module in BENCHMARKS]
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
