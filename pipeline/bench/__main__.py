"""All benchmarks in one run: `.venv/bin/python -m vnfigures.bench`.

Runs the NLP-chain benchmark (underthesea's plain calls vs. ours, their ratio, the CRF floor,
whole-pipeline throughput, peak memory) and then the batch throughput benchmark (1 vs. 2
workers, their ratio, peak memory per worker), each on the project corpus and, when present,
on `../shared/corpus`. Each prints its own table; nothing here asserts a speed.
"""
from __future__ import annotations

import sys

from vnfigures.bench import nlp, throughput


def main() -> None:
    """Run both benchmarks with their default settings (extra arguments are not accepted)."""
    if len(sys.argv) > 1:
        sys.exit("usage: python -m vnfigures.bench  (run vnfigures.bench.nlp or .throughput for options)")
    nlp.main([])
    throughput.main([])


if __name__ == "__main__":
    main()
