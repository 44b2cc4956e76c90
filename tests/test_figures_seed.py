"""The seed article: every gold figure is found with its scored fields (ANNOTATION.md §6)."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from vnfigures.extractors.figures import extract_figures
from vnfigures.schemas import Figure

SEED = "seed-camau-police-poverty.json"


def _key(kind: str, unit: str, value: Any, value_max: Any, qualifier: str, modality: str,
         start: int) -> tuple[Any, ...]:
    vmax = None if value_max is None else Decimal(str(value_max))
    return (kind, unit, Decimal(str(value)), vmax, qualifier, modality, start)


def _pred_key(f: Figure) -> tuple[Any, ...]:
    return _key(f.kind.value, f.unit, f.value, f.value_max, f.qualifier.value,
                f.modality.value, f.start)


@pytest.fixture(scope="module")
def seed(project_corpus: Path) -> dict[str, Any]:
    return json.loads((project_corpus / SEED).read_text("utf-8"))


@pytest.fixture(scope="module")
def predicted(seed: dict[str, Any]) -> list[Figure]:
    return extract_figures(seed["text"])


def test_all_thirteen_gold_figures_found(seed: dict[str, Any], predicted: list[Figure]) -> None:
    gold = [_key(g["kind"], g["unit"], g["value"], g["value_max"], g["qualifier"],
                 g["modality"], g["start"]) for g in seed["figures"]]
    assert len(gold) == 13
    assert [_pred_key(f) for f in predicted] == gold


@pytest.mark.parametrize("index", range(13))
def test_spans_agree_with_gold(seed: dict[str, Any], predicted: list[Figure], index: int) -> None:
    gold, pred = seed["figures"][index], predicted[index]
    assert seed["text"][pred.start:pred.end] == pred.text
    shorter, longer = sorted((gold["text"], pred.text), key=len)
    assert longer.startswith(shorter)
