"""The throughput report judges the 2-worker goal only on a run big enough to say anything (#14.9)."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

from vnfigures.bench.throughput import Measure, report


def _measure(workers: int, articles: int, rate: float) -> Measure:
    return Measure(workers, articles, articles, 0, 1.0, articles / rate, rate, [300.0] * workers, 500.0,
                   0.95, 0.05, 1.0, {})


@pytest.mark.parametrize(("articles", "goal_line", "too_small"), [
    (3, False, True),
    (39, False, True),
    (40, True, False),
    (300, True, False),
])
def test_goal_line_only_on_a_big_enough_run(articles: int, goal_line: bool, too_small: bool) -> None:
    out = io.StringIO()
    summary = report([_measure(1, articles, 2.0), _measure(2, articles, 3.6)], Console(file=out, width=200))
    text = out.getvalue()
    assert summary["ratio_2_over_1"] == 1.8
    assert ("goal >= 1.8" in text) is goal_line
    assert ("too small a run to judge" in text) is too_small
    assert summary.get("too_small_to_judge", False) is too_small
