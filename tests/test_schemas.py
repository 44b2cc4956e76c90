"""The Pydantic records refuse what ANNOTATION.md rules out, and accept the gold files."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from vnfigures.schemas import Article, Entity, Figure

GOOD = dict(text="trên 625 triệu đồng", start=0, end=19, kind="money", value=Decimal("625000000"),
            unit="VND", qualifier="more_than", subject="tiền hỗ trợ", modality="actual")

INVALID = [
    ("value not finite", {"value": Decimal("NaN")}),
    ("unit of another kind", {"unit": "tonne"}),
    ("unknown currency", {"unit": "XYZ"}),
    ("unknown kind", {"kind": "cars"}),
    ("unknown qualifier", {"qualifier": "roughly"}),
    ("unknown modality", {"modality": "maybe"}),
    ("span length differs from text", {"end": 18}),
    ("value_max without range", {"value_max": Decimal("700000000")}),
    ("range without value_max", {"qualifier": "range"}),
    ("value_max below value", {"qualifier": "range", "value_max": Decimal("5")}),
    ("extra field", {"confidence": 0.9}),
    ("NaN value", {"value": Decimal("NaN")}),
]


def test_good_figure_validates() -> None:
    figure = Figure(**GOOD)
    assert figure.value == Decimal("625000000")
    assert json.loads(figure.model_dump_json())["value"] == 625000000


@pytest.mark.parametrize(("why", "change"), INVALID, ids=[row[0] for row in INVALID])
def test_invalid_figures_are_refused(why: str, change: dict) -> None:
    with pytest.raises(ValidationError):
        Figure(**{**GOOD, **change})


@pytest.mark.parametrize(("value", "written"), [
    (Decimal("625000000"), "625000000"),
    (Decimal("0.5"), "0.5"),
    (Decimal("553763000000"), "553763000000"),
    (Decimal("33.33"), "33.33"),
])
def test_values_serialize_exactly(value: Decimal, written: str) -> None:
    data = Figure(**{**GOOD, "value": value}).model_dump_json()
    assert f'"value":{written},' in data


def test_article_refuses_span_that_does_not_fit_text() -> None:
    figure = Figure(**GOOD)
    with pytest.raises(ValidationError, match="reads"):
        Article(id="a", text="dưới 625 triệu đồng", figures=[figure])
    with pytest.raises(ValidationError):
        Article(id="a", text="Hà Nội", entities=[Entity(text="Hà Nam", start=0, end=6, label="LOC")])


def test_working_fields_are_not_written() -> None:
    article = Article(id="a", text="x", raw="<html>", raw_format="html", origin="a.html")
    assert set(json.loads(article.model_dump_json())) == {
        "id", "source", "url", "published", "title", "text", "figures", "entities", "flags", "pipeline_version",
        "province", "duplicate_of", "duplicates"}


def test_every_gold_figure_validates(project_corpus: Path) -> None:
    gold = json.loads((project_corpus / "seed-camau-police-poverty.json").read_text("utf-8"))
    figures = [Figure(**{**f, "value": Decimal(str(f["value"]))}) for f in gold["figures"]]
    article = Article(id=gold["id"], text=gold["text"], figures=figures)
    assert len(article.figures) == 13
