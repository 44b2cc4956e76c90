"""`mention_of`: a repeated quantity points at its first mention; anything different is a new one (#17)."""
from __future__ import annotations

from decimal import Decimal

import pytest

import vnfigures
from vnfigures.dedup.mentions import mark_mentions
from vnfigures.schemas import Figure


def _fig(text: str, kind: str, value: str, unit: str, subject: str, **extra: object) -> Figure:
    return Figure(text=text, start=0, end=len(text), kind=kind, value=Decimal(value), unit=unit, subject=subject, **extra)


HOUSEHOLDS = _fig("115 hộ nghèo", "households", "115", "household", "hộ nghèo")


@pytest.mark.parametrize(("case", "figures", "expected"), [
    ("a repeat points at the first", [HOUSEHOLDS, _fig("115 hộ", "households", "115", "household", "hộ")], [None, 0]),
    ("every repeat points at the first, not the previous",
     [HOUSEHOLDS, HOUSEHOLDS, _fig("115 hộ", "households", "115", "household", "hộ")], [None, 0, 0]),
    ("another value is another quantity", [HOUSEHOLDS, _fig("116 hộ nghèo", "households", "116", "household", "hộ nghèo")],
     [None, None]),
    ("a target is not the fact", [HOUSEHOLDS, _fig("115 hộ nghèo", "households", "115", "household", "hộ nghèo",
                                                   modality="target")], [None, None]),
    ("another head noun is another thing", [_fig("115 người", "people", "115", "person", "người"),
                                            _fig("115 chiến sĩ", "people", "115", "person", "chiến sĩ")], [None, None]),
    ("a range differs by its upper bound",
     [_fig("10-15 hộ", "households", "10", "household", "hộ", qualifier="range", value_max=Decimal(15)),
      _fig("10-12 hộ", "households", "10", "household", "hộ", qualifier="range", value_max=Decimal(12))], [None, None]),
    ("the qualifier does not make a new quantity",
     [_fig("trên 625 triệu đồng", "money", "625000000", "VND", "", qualifier="more_than"),
      _fig("625 triệu đồng", "money", "625000000", "VND", "")], [None, 0]),
    ("equal decimals written differently", [_fig("2,5 tấn", "mass", "2.5", "tonne", "gạo"),
                                            _fig("2,50 tấn", "mass", "2.50", "tonne", "gạo")], [None, 0]),
])
def test_mention_of(case: str, figures: list[Figure], expected: list[int | None]) -> None:
    assert [f.mention_of for f in mark_mentions(figures)] == expected


def test_multi_syllable_heads_come_from_the_tokenizer() -> None:
    """`học sinh` and `học viên` share a first syllable but are different words."""
    article = vnfigures.extract("Trường có 20 học sinh nghèo và 20 học viên. Năm nay 20 học sinh được nhận quà.", ner=False)
    assert [(f.text, f.mention_of) for f in article.figures] == [
        ("20 học sinh nghèo", None), ("20 học viên", None), ("20 học sinh", 0)]
