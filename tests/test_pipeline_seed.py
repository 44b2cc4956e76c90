"""End to end on the seed article exactly as scraped: every gold figure, nothing from teasers."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import vnfigures
from vnfigures.schemas import Article

SEED = "seed-camau-police-poverty"

#: Figures of the teaser stories that follow the article: they must not reach its record.
TEASER_FIGURES = ["Hơn 1.000 cán bộ", "hơn 520 học sinh", "4 cuộc truyền thông", "81 năm"]


@pytest.fixture(scope="module")
def seed_article(project_corpus: Path) -> Article:
    raw = (project_corpus / f"{SEED}.txt").read_text(encoding="utf-8")
    return vnfigures.extract(raw, id=SEED, ner=False)


@pytest.fixture(scope="module")
def seed_gold(project_corpus: Path) -> dict:
    return json.loads((project_corpus / f"{SEED}.json").read_text(encoding="utf-8"))


def _value_key(kind: str, unit: str, value: Decimal, value_max: Decimal | None) -> tuple:
    return (kind, unit, Decimal(value).normalize(), None if value_max is None else Decimal(value_max).normalize())


def test_seed_text_is_the_gold_text(seed_article: Article, seed_gold: dict) -> None:
    assert seed_article.text == seed_gold["text"]
    assert seed_article.title == seed_gold["title"]


def test_seed_has_every_gold_figure_at_value_level(seed_article: Article, seed_gold: dict) -> None:
    predicted = [_value_key(f.kind.value, f.unit, f.value, f.value_max) for f in seed_article.figures]
    for gold in seed_gold["figures"]:
        key = _value_key(gold["kind"], gold["unit"], Decimal(str(gold["value"])), gold["value_max"])
        assert key in predicted, f"missing gold figure {gold['text']!r}"
        predicted.remove(key)


@pytest.mark.parametrize("teaser", TEASER_FIGURES)
def test_seed_has_no_teaser_figure(seed_article: Article, teaser: str) -> None:
    assert teaser not in seed_article.text
    assert all(teaser.lower() not in f.text.lower() for f in seed_article.figures)


def test_seed_spans_index_the_written_text(seed_article: Article) -> None:
    record = json.loads(seed_article.model_dump_json())
    for figure in record["figures"]:
        assert record["text"][figure["start"]:figure["end"]] == figure["text"]
    assert record["pipeline_version"] == vnfigures.__version__
