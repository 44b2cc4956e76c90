"""Entity rules on real sentences of the corpus: organisations with regular heads keep their
full span, gazetteer places come first, NER places that are dates or organisations are fixed."""
from __future__ import annotations

import pytest

from vnfigures.extractors.entity_rules import refine_entities
from vnfigures.schemas import Entity


def ner(text: str, *found: tuple[str, str]) -> list[Entity]:
    """NER entities as underthesea gave them on `text` (span text, label)."""
    out = []
    for part, label in found:
        start = text.index(part)
        out.append(Entity(text=part, start=start, end=start + len(part), label=label))
    return out


@pytest.mark.parametrize(("text", "found", "expected"), [
    ("Ngày 8-11, Công an tỉnh đã trao 115 hộ nghèo.", [("Ngày 8-11", "LOC")],
     [("Công an tỉnh", "ORG")]),  # a date is no place
    ("Theo Hội Liên hiệp Phụ nữ tỉnh Cà Mau, năm 2017 có 115 hộ.", [("Cà Mau", "PER"), ("năm 2017", "LOC")],
     [("Hội Liên hiệp Phụ nữ tỉnh Cà Mau", "ORG")]),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Bạc Liêu cho biết", [("Sở Lao động", "LOC")],
     [("Sở Lao động - Thương binh và Xã hội tỉnh Bạc Liêu", "ORG")]),
    ("Ngân hàng Chính sách xã hội huyện Hồng Dân cho vay", [("huyện Hồng Dân", "LOC")],
     [("Ngân hàng Chính sách xã hội huyện Hồng Dân", "ORG")]),
    ("tặng 100 triệu đồng tới Ủy ban mặt trận Tổ Quốc Việt Nam tỉnh An Giang",
     [("Ủy ban mặt trận Tổ Quốc Việt Nam", "LOC")],
     [("Ủy ban mặt trận Tổ Quốc Việt Nam", "ORG"), ("tỉnh An Giang", "LOC")]),  # org word: not a place
    ("được phát hành tại điểm bán P.Mỹ Thới, Long Xuyên, An Giang", [(", Long Xuyên", "LOC")],
     [("P.Mỹ Thới", "LOC"), ("Long Xuyên", "LOC"), ("An Giang", "LOC")]),  # no edge punctuation
    ("Phó Thủ tướng Chính phủ Trương Hòa Bình thăm Khánh Hòa", [("Trương Hòa Bình", "PER"), ("Khánh Hòa", "PER")],
     [("Chính phủ", "ORG"), ("Trương Hòa Bình", "PER"), ("Khánh Hòa", "LOC")]),
    ("mưa lũ làm hư hỏng 36 căn nhà tại xã Hiệp Tùng, H.Năm Căn", [("hư hỏng 36", "LOC")],
     [("xã Hiệp Tùng", "LOC"), ("H.Năm Căn", "LOC")]),
])
def test_refine_entities(text: str, found: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.label.value) for e in refine_entities(text, ner(text, *found))] == expected
