"""`docs/record.md` documents every field, kind, unit, qualifier, modality and flag of the record (#14.3)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from vnfigures.read.language import NOT_VIETNAMESE
from vnfigures.schemas import CANONICAL_UNITS, Article, Entity, Failure, Figure, Modality, Qualifier

DOC = Path(__file__).resolve().parents[1] / "docs" / "record.md"
TEXT = DOC.read_text(encoding="utf-8") if DOC.exists() else ""


def _public_fields(model: type) -> list[str]:
    return [name for name, info in model.model_fields.items() if not info.exclude]


def _table_rows(text: str) -> set[str]:
    """Every backticked name that opens a row of a table (`| `name` |` or `| `a`, `b` |`)."""
    return {name for row in re.findall(r"^\| ([^|]+) \|", text, re.M) for name in re.findall(r"`([^`]+)`", row)}


@pytest.mark.parametrize(("model", "field"), [(m, f) for m in (Article, Figure, Entity, Failure)
                                              for f in _public_fields(m)], ids=lambda x: getattr(x, "__name__", x))
def test_every_field_has_a_row(model: type, field: str) -> None:
    section = TEXT.split(f"## {model.__name__}\n", 1)[-1].split("\n## ", 1)[0]
    assert field in _table_rows(section), f"{model.__name__}.{field} is not documented in docs/record.md"


@pytest.mark.parametrize(("kind", "unit"), list(CANONICAL_UNITS.items()), ids=str)
def test_every_kind_with_its_unit(kind: str, unit: str) -> None:
    assert re.search(rf"^\| `{kind}` \| `{unit}`", TEXT, re.M)


@pytest.mark.parametrize("value", [*Qualifier, *Modality, NOT_VIETNAMESE], ids=str)
def test_every_closed_value(value: str) -> None:
    assert f"`{value}`" in TEXT


@pytest.mark.parametrize("words", ["## Gold files", "## How scoring works", "**value** level", "**full** level",
                                   "**place** and **year** levels"])
def test_gold_format_and_scoring_are_explained(words: str) -> None:
    assert words in TEXT
