"""The locate step against the §8 gold of ../shared/corpus (the 20 newest articles).

Floors, not targets: they sit a little under today's scores so that a change that loses
places or years fails here (the held-out papers are measured with the rest; see README).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from vnfigures.evaluate.run import score_dir

FLOORS = {"place": 0.80, "year": 0.72}


@pytest.fixture(scope="module")
def evaluation(shared_corpus: Path):
    return score_dir(shared_corpus / "gold")


@pytest.mark.parametrize("level", sorted(FLOORS))
def test_accuracy_floor(evaluation, level: str) -> None:
    counts = evaluation.scores.located(level)
    assert counts.matched > 300
    assert counts.accuracy >= FLOORS[level]
