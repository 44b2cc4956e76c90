"""Compiled templates give underthesea's feature strings, edge positions included; IOB grouping."""
from __future__ import annotations

import pytest
from vnfigures.extractors.entities import entities_from_words, iob_spans
from vnfigures.nlp.featurize import Featurizer, parse_template

TEMPLATES = [
    "T[0]", "T[-1]", "T[2]", "T[-3][1]", "T[1][1]", "T[-2].lower", "T[1].istitle", "T[0].isdigit",
    "T[0].isallcap", "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]", "T[0,2]",
    "T[-3,-2][1]", "T[-1,0].lower", "T[0,1].istitle", "T[-2,-1][1]", "T[5]", "T[-5,-4]",
]
SENTENCES = [
    [],
    [("Hà Nội", "Np")],
    [("Ông", "Nc"), ("Putin", "Np")],
    [("ĐỒNG HÀNH", "N"), ("123", "M"), ("x", "X"), ("Bác  sĩ", "N")],
    [("a", "A"), ("B", "B"), ("ǅ", "C"), ("1.000", "M"), ("Ⅻ", "N"), ("", "CH")],
]


def _underthesea(sentence: list[tuple[str, str]], template: str) -> list[str]:
    from underthesea.pipeline.ner.tagged_feature import template2features

    return [template2features(sentence, i, template)[0] for i in range(len(sentence))]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: f"{len(s)}-words")
def test_feature_strings_equal_underthesea(template: str, sentence: list[tuple[str, str]]) -> None:
    columns = [[w for w, _ in sentence], [t for _, t in sentence]]
    ours = [row[0] for row in Featurizer([template])(columns)]
    assert ours == _underthesea(sentence, template)


@pytest.mark.parametrize(("syntax", "parsed"), [
    ("T[-2].lower", (-2, None, 0, "lower")),
    ("T[-3,-2][1]", (-3, -2, 1, None)),
    ("T[0,1].istitle", (0, 1, 0, "istitle")),
])
def test_parse_template(syntax: str, parsed: tuple) -> None:
    t = parse_template(syntax)
    assert (t.index1, t.index2, t.column, t.function) == parsed


@pytest.mark.parametrize("syntax", ["W[0]", "T[0].is_in_dict", "T[x]"])
def test_unsupported_templates_are_refused(syntax: str) -> None:
    with pytest.raises(ValueError):
        parse_template(syntax)


@pytest.mark.parametrize(("tags", "spans"), [
    (["B-PER", "I-PER", "O"], [("PER", 0, 2)]),
    (["I-LOC", "I-LOC"], [("LOC", 0, 2)]),
    (["B-LOC", "I-PER"], [("LOC", 0, 1), ("PER", 1, 2)]),
    (["B-MISC", "I-MISC", "B-ORG"], [("ORG", 2, 3)]),
    (["B-ORG", "B-ORG"], [("ORG", 0, 1), ("ORG", 1, 2)]),
    (["O", "O"], []),
    ([], []),
])
def test_iob_spans(tags: list[str], spans: list[tuple[str, int, int]]) -> None:
    assert iob_spans(tags) == spans


def test_entities_from_words_use_character_spans() -> None:
    text = "Ông  Nguyễn Văn\nNam ở Cà Mau"
    words = [(0, 3), (5, 19), (20, 21), (22, 28)]
    found = entities_from_words(text, words, ["O", "B-PER", "O", "B-LOC"])
    assert [(e.text, e.start, e.label.value) for e in found] == [("Nguyễn Văn\nNam", 5, "PER"), ("Cà Mau", 22, "LOC")]
