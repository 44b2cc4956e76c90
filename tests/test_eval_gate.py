"""Evaluation gate: the pipeline on the shared gold corpus may not score below the baseline.

The floors live in `tests/eval_baseline.json` (value, full and core F1, F1 per kind) with a
sha256 of the gold files they were measured on. Refresh them after a deliberate change with
`vnfig eval ../shared/corpus/gold --write-baseline tests/eval_baseline.json`.
"""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from vnfigures.evaluate.baseline import corpus_sha256, drops, gate_scores
from vnfigures.evaluate.gold import gold_paths
from vnfigures.evaluate.run import Evaluation, score_dir

BASELINE_PATH = Path(__file__).with_name("eval_baseline.json")
BASELINE = json.loads(BASELINE_PATH.read_text(encoding="utf-8"))
REFRESH = "vnfig eval ../shared/corpus/gold --write-baseline tests/eval_baseline.json"


@pytest.fixture(scope="module")
def gold_dir(shared_corpus: Path) -> Path:
    return shared_corpus / "gold"


@pytest.fixture(scope="module")
def evaluation(gold_dir: Path) -> Evaluation:
    """The whole pipeline (NER off) on every gold text, once for all the gate's checks."""
    return score_dir(gold_dir)


@pytest.fixture(scope="module")
def current(evaluation: Evaluation) -> dict[str, float]:
    return gate_scores(evaluation.scores)


def test_corpus_hash(gold_dir: Path) -> None:
    """A changed gold corpus makes the floors incomparable: say so loudly, keep gating."""
    digest = corpus_sha256(gold_paths([gold_dir]))
    if digest != BASELINE["corpus_sha256"]:
        warnings.warn(f"the gold corpus differs from the one the baseline was measured on "
                      f"({digest[:12]} vs {BASELINE['corpus_sha256'][:12]}); refresh with: {REFRESH}",
                      UserWarning, stacklevel=1)
    assert len(digest) == 64


def test_every_gold_file_valid_and_predicted(evaluation: Evaluation) -> None:
    assert [str(p) for p in evaluation.gold.problems] == []
    assert evaluation.failures == {}, "the pipeline failed on gold articles"


@pytest.mark.parametrize("name", sorted(BASELINE["scores"]))
def test_score_not_below_baseline(current: dict[str, float], name: str) -> None:
    found = drops({"scores": {name: BASELINE["scores"][name]}, "tolerance": BASELINE["tolerance"]}, current)
    assert found == [], f"{found[0]} — fix the regression, or refresh deliberately: {REFRESH}"


@pytest.mark.parametrize(
    ("baseline", "current", "dropped"),
    [
        ({"value_f1": 0.8}, {"value_f1": 0.7951}, []),
        ({"value_f1": 0.8}, {"value_f1": 0.7949}, ["value_f1"]),
        ({"value_f1": 0.8, "kind.mass.value_f1": 0.5}, {"value_f1": 0.9}, ["kind.mass.value_f1"]),
        ({"full_f1": 0.6}, {"full_f1": 0.61, "value_f1": 0.1}, []),
    ],
)
def test_gate_rule(baseline: dict[str, float], current: dict[str, float], dropped: list[str]) -> None:
    """The rule itself: a floor minus 0.005 tolerance, a vanished score counts as a drop."""
    found = drops({"scores": baseline, "tolerance": 0.005}, current)
    assert [line.split(":")[0] for line in found] == dropped
