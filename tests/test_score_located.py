"""Scoring of ANNOTATION.md §8's place and year levels on value-matched figures."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from vnfigures.evaluate.gold import load_gold
from vnfigures.evaluate.score import ArticleFigures, located_counts, score_article
from vnfigures.schemas import Figure


def hh(value: int, province: str | None = None, year: int | None = None, year_max: int | None = None) -> Figure:
    return Figure(text="115 hộ", start=0, end=6, kind="households", value=Decimal(value), unit="household",
                  province=province, year=year, year_max=year_max)


@pytest.mark.parametrize(("level", "gold", "pred", "counts"), [
    # (matched, correct, pred not null, of them correct, gold not null, of them correct)
    ("place", hh(1, "Cà Mau"), hh(1, "Cà Mau"), (1, 1, 1, 1, 1, 1)),
    ("place", hh(1, "Cà Mau"), hh(1, None), (1, 0, 0, 0, 1, 0)),  # null everywhere is no answer
    ("place", hh(1, None), hh(1, None), (1, 1, 0, 0, 0, 0)),
    ("place", hh(1, None), hh(1, "Hà Nội"), (1, 0, 1, 0, 0, 0)),
    ("year", hh(1, year=2023, year_max=2024), hh(1, year=2023), (1, 0, 1, 0, 1, 0)),  # year_max counts
    ("year", hh(1, year=2023, year_max=2024), hh(1, year=2023, year_max=2024), (1, 1, 1, 1, 1, 1)),
])
def test_located_counts(level: str, gold: Figure, pred: Figure, counts: tuple[int, ...]) -> None:
    assert located_counts([(gold, pred)], level).astuple() == counts


def test_only_value_matched_figures_count() -> None:
    gold = ArticleFigures("a", "x", [hh(115, "Cà Mau"), hh(7, "Cà Mau")], located=True)
    pred = ArticleFigures("a", "x", [hh(115, "Cà Mau"), hh(8, None)])
    counts = score_article(gold, pred).located("place")
    assert (counts.matched, counts.correct, counts.accuracy) == (1, 1, 1.0)


def test_gold_without_section_8_fields_is_not_scored() -> None:
    gold = ArticleFigures("a", "x", [hh(115)], located=False)
    assert score_article(gold, ArticleFigures("a", "x", [hh(115, "Cà Mau")])).located("place").matched == 0


@pytest.mark.parametrize(("has_fields", "located"), [(True, True), (False, False)])
def test_gold_loader_tells_files_with_section_8(tmp_path: Path, has_fields: bool, located: bool) -> None:
    figure = {"text": "115 hộ", "start": 0, "end": 6, "kind": "households", "value": 115, "unit": "household"}
    if has_fields:
        figure |= {"place": None, "province": None, "year": None, "year_max": None}
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"id": "a", "text": "115 hộ", "figures": [figure]}), "utf-8")
    assert load_gold(path).scored().located is located
