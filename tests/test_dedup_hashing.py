"""The hashed shingles and the in-place field rewrite agree with their readable definitions (#17).

`shingle_values` must count and compare exactly the shingles `shingles` spells out, and the
rewrite of `duplicate_of`/`duplicates` in a record's text must give the record the model gives.
"""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from vnfigures.clean import clean_text
from vnfigures.dedup.finalize import _changed_line
from vnfigures.dedup.shingles import jaccard, shingle_values, shingles, text_signature, value_jaccard
from vnfigures.schemas import Article

SENTENCES = [
    "Hội Chữ thập đỏ tỉnh Cà Mau trao 50 suất quà, trị giá 25 triệu đồng, cho hộ nghèo.",
    "Hội Chữ thập đỏ tỉnh Cà Mau trao 50 suất quà (trị giá 25 triệu đồng) cho hộ nghèo!",
    "Hội Chữ thập đỏ tỉnh Bạc Liêu trao 50 suất quà, trị giá 25 triệu đồng, cho hộ nghèo.",
    "Xã trao quà",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_one_value_per_distinct_shingle(text: str) -> None:
    assert len(shingle_values(text)) == len(shingles(text))


@pytest.mark.parametrize("a,b", list(combinations(SENTENCES, 2)))
def test_value_jaccard_is_the_shingle_jaccard(a: str, b: str) -> None:
    assert value_jaccard(shingle_values(a), shingle_values(b)) == pytest.approx(jaccard(shingles(a), shingles(b)))


def test_on_real_articles_values_and_strings_agree(shared_corpus: Path) -> None:
    texts = [clean_text(p.read_text(encoding="utf-8")).text for p in sorted((shared_corpus / "raw" / "text").glob("*.txt"))[:12]]
    for a, b in combinations(texts, 2):
        assert value_jaccard(shingle_values(a), shingle_values(b)) == pytest.approx(jaccard(shingles(a), shingles(b)))


@pytest.mark.parametrize("a,b,same", [
    (SENTENCES[0], SENTENCES[1], True),  # punctuation does not count
    (SENTENCES[0], SENTENCES[2], False),
])
def test_signature_is_deterministic_and_follows_the_words(a: str, b: str, same: bool) -> None:
    assert (text_signature(a) == text_signature(a)).all()
    assert bool((text_signature(a) == text_signature(b)).all()) is same


def _line(compact: bool, text: str = "Xã trao 50 suất quà", **fields: object) -> str:
    record = Article(id="a/1", text=text).model_copy(update=fields)
    return record.model_dump_json() if compact else json.dumps(json.loads(record.model_dump_json()), ensure_ascii=False)


@pytest.mark.parametrize("line,target,changed", [
    (_line(True), ("b\"2", 3), True),
    (_line(False), ("b", 2), True),  # written with spaces after the colons
    (_line(True, text='chép "duplicate_of":null,"duplicates":1 vào'), ("b", 2), True),
    (_line(True, duplicate_of="b", duplicates=2), ("b", 2), False),
    (_line(True, duplicate_of="b", duplicates=2), (None, 1), True),
    (_line(True), (None, 1), False),
    (json.dumps({"id": "a/1", "text": "bản ghi cũ"}, ensure_ascii=False), ("b", 2), True),  # no fields yet
    (_line(True)[:-9], ("b", 2), False),  # torn line of a killed run: kept as is
])
def test_changed_line_says_the_target(line: str, target: tuple[str | None, int], changed: bool) -> None:
    new = _changed_line(line, target)
    assert (new is not None) is changed
    if new is not None:
        before, after = json.loads(line), Article.model_validate_json(new)
        assert (after.duplicate_of, after.duplicates) == target
        assert after.text == before["text"] and after.id == before["id"]
