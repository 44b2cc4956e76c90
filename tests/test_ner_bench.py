"""The NER gold benchmark reads CoNLL/BIO, scores exact matches per label, and runs end to end.

Every sentence here is hand-written for the test (none comes from a public NER set)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnfigures.bench.ner import Score, main, read_bio

BIO = """\
Ông\tN\tO
Trần_Văn_Bình\tNp\tB-PER
làm_việc\tV\tO
tại\tE\tO
Sở\tN\tB-ORG
Y_tế\tN\tI-ORG
tỉnh\tN\tI-ORG
Cà_Mau\tNp\tI-ORG
.\tCH\tO

Hội_nghị\tN\tB-MISC
diễn_ra\tV\tO
ở\tE\tO
huyện\tN\tB-LOC
Hồng_Dân\tNp\tI-LOC
"""


@pytest.mark.parametrize(("lines", "expected"), [
    (BIO.splitlines(), [("Ông Trần Văn Bình làm việc tại Sở Y tế tỉnh Cà Mau .",
                         {("PER", 4, 17), ("ORG", 31, 50)}),
                        ("Hội nghị diễn ra ở huyện Hồng Dân", {("LOC", 19, 33)})]),  # MISC ignored
    (["-DOCSTART- O", "", "Hà_Nội B-LOC", "và O", "Huế B-LOC"], [("Hà Nội và Huế", {("LOC", 0, 6), ("LOC", 10, 13)})]),
    (["Nguyễn I-PER", "Lan I-PER", "", "", "xã O"], [("Nguyễn Lan", {("PER", 0, 10)}), ("xã", set())]),  # I- opens
])
def test_read_bio(lines: list[str], expected: list[tuple[str, set[tuple[str, int, int]]]]) -> None:
    assert [(s.text, set(s.entities)) for s in read_bio(lines)] == expected


def test_read_bio_spans_cover_the_entity_words() -> None:
    sentence = read_bio(BIO.splitlines())[0]
    assert sorted(sentence.text[a:b] for _, a, b in sentence.entities) == ["Sở Y tế tỉnh Cà Mau", "Trần Văn Bình"]


def test_read_bio_tag_column() -> None:
    assert read_bio(["Huế B-LOC x"], tag_column=1)[0].entities == frozenset({("LOC", 0, 3)})


@pytest.mark.parametrize(("gold", "found", "label", "expected"), [
    ({("LOC", 0, 6)}, {("LOC", 0, 6)}, "LOC", (1.0, 1.0, 1.0)),
    ({("LOC", 0, 6)}, {("LOC", 0, 5)}, "LOC", (0.0, 0.0, 0.0)),  # exact match only
    ({("LOC", 0, 6)}, {("ORG", 0, 6)}, "ORG", (0.0, 0.0, 0.0)),  # right span, wrong label
    ({("PER", 0, 4), ("LOC", 5, 9)}, {("PER", 0, 4), ("LOC", 10, 12)}, None, (0.5, 0.5, 0.5)),
    ({("PER", 0, 4), ("PER", 5, 9)}, {("PER", 0, 4)}, "PER", (1.0, 0.5, 2 / 3)),
    (set(), set(), None, (0.0, 0.0, 0.0)),
])
def test_score(gold: set, found: set, label: str | None, expected: tuple[float, float, float]) -> None:
    score = Score()
    score.add(frozenset(gold), frozenset(found))
    assert score.prf(label) == pytest.approx(expected)


def test_score_adds_up_over_sentences() -> None:
    score = Score()
    for gold, found in [({("LOC", 0, 3)}, {("LOC", 0, 3)}), ({("LOC", 0, 3)}, set()), (set(), {("LOC", 1, 2)})]:
        score.add(frozenset(gold), frozenset(found))
    assert (score.tp["LOC"], score.fp["LOC"], score.fn["LOC"]) == (1, 1, 1)


def test_main_scores_three_systems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gold.bio"
    path.write_text("Theo\tO\nHội\tB-ORG\nLiên_hiệp\tI-ORG\nPhụ_nữ\tI-ORG\ntỉnh\tI-ORG\nCà_Mau\tI-ORG\n"
                    ",\tO\nnăm\tO\n2017\tO\ncó\tO\n115\tO\nhộ\tO\n.\tO\n", encoding="utf-8")
    assert main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sentences"] == 1
    assert set(data) >= {"underthesea", "labels", "project"}
    assert data["project"]["labels"]["ORG"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 1}
    assert data["project"]["labels"]["all"]["gold"] == 1


def test_main_reports_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing.bio")]) == 2
    assert "cannot read" in capsys.readouterr().err

