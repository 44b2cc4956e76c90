"""Label Studio round trip: gold -> tasks -> export-shaped JSON -> gold loses nothing."""
from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

from vnfigures.evaluate.gold import GoldArticle, load_gold
from vnfigures.evaluate.labelstudio import LabelStudioError, from_task, labeling_config, read_export, to_task
from vnfigures.schemas import Entity, Figure

REPO = Path(__file__).resolve().parents[1]
SHARED_GOLD = REPO.parent / "shared" / "corpus" / "gold"
GOLD_FILES = sorted(SHARED_GOLD.glob("*.json")) + sorted((REPO / "corpus").glob("*.json"))


def exported(task: dict, task_id: int = 7) -> dict:
    """What Label Studio exports after an annotator accepted the pre-annotation unchanged."""
    task = json.loads(json.dumps(task, ensure_ascii=False))  # through JSON, like a real file
    return {"id": task_id, "data": task["data"], "predictions": [],
            "annotations": [{"id": 1, "was_cancelled": False, "result": task["predictions"][0]["result"],
                             "created_at": "2026-11-28T10:00:00Z"}]}


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_round_trip_is_lossless(path: Path) -> None:
    gold = load_gold(path)
    assert from_task(exported(to_task(gold))) == gold


def test_round_trip_covers_shared_gold(shared_corpus: Path) -> None:
    assert len([p for p in GOLD_FILES if p.parent == shared_corpus / "gold"]) >= 20


EMOJI = "Tặng 😀 quà: 115 hộ nghèo nhận 2,5 tỷ đồng"


@pytest.fixture
def emoji_article() -> GoldArticle:
    """Offsets after a non-BMP character differ between Python and Label Studio (UTF-16)."""
    start = EMOJI.index("115")
    money = EMOJI.index("2,5")
    return GoldArticle(id="emoji", text=EMOJI, figures=[
        Figure(text="115 hộ nghèo", start=start, end=start + 12, kind="households", value=115,
               unit="household", subject="hộ nghèo"),
        Figure(text="2,5 tỷ đồng", start=money, end=money + 11, kind="money", value=Decimal("2.5E9"),
               unit="VND", modality="target"),
    ], entities=[Entity(text="Tặng", start=0, end=4, label="PER")])


def test_utf16_offsets(emoji_article: GoldArticle) -> None:
    task = to_task(emoji_article)
    first = task["predictions"][0]["result"][0]["value"]
    assert (first["start"], first["end"]) == (EMOJI.index("115") + 1, EMOJI.index("115") + 13)
    assert from_task(exported(task)) == emoji_article


def test_values_written_plainly(emoji_article: GoldArticle) -> None:
    results = to_task(emoji_article)["predictions"][0]["result"]
    values = [r["value"]["text"][0] for r in results if r["from_name"] == "value"]
    assert values == ["115", "2500000000"]


def _edit(task: dict, region: str, control: str, **value: object) -> dict:
    task = copy.deepcopy(task)
    for result in task["annotations"][0]["result"]:
        if result["id"] == region and result["from_name"] == control:
            result["value"].update(value)
    return task


# (case, edit of the exported task, words the problem must contain)
BROKEN = [
    ("offset shifted", lambda t: _edit(t, "f0", "kind", start=t["annotations"][0]["result"][0]["value"]["start"] + 1),
     "region f0: text["),
    ("value not a number", lambda t: _edit(t, "f0", "value", text=["115 hộ"]), "value '115 hộ' is not a plain number"),
    ("no value", lambda t: _edit(t, "f0", "value", text=[""]), "region f0 ('115 hộ nghèo'): no value"),
    ("two kinds", lambda t: _edit(t, "f0", "kind", labels=["households", "people"]), "exactly one kind"),
    ("unit of another kind", lambda t: _edit(t, "f1", "unit", choices=["tonne"]), "figures.1: Value error, unit 'tonne'"),
    ("offsets past the end", lambda t: _edit(t, "f1", "kind", end=999), "do not fit the text"),
    ("no text", lambda t: {**t, "data": {"id": "x"}}, "data.text is missing"),
]


@pytest.mark.parametrize(("case", "edit", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_bad_export_is_reported(emoji_article: GoldArticle, case: str, edit, words: str) -> None:
    task = edit(exported(to_task(emoji_article)))
    with pytest.raises(LabelStudioError) as info:
        from_task(task)
    assert any(words in problem for problem in info.value.problems), info.value.problems


def test_annotation_preferred_and_cancelled_ignored(emoji_article: GoldArticle) -> None:
    task = exported(to_task(emoji_article))
    task["predictions"] = [{"result": []}]
    cancelled = {"id": 2, "was_cancelled": True, "result": [], "created_at": "2026-11-29T00:00:00Z"}
    task["annotations"].append(cancelled)
    assert len(from_task(task).figures) == 2
    task["annotations"] = [cancelled]
    assert from_task(task).figures == []


def test_defaults_for_unset_fields(emoji_article: GoldArticle) -> None:
    task = exported(to_task(emoji_article))
    task["annotations"][0]["result"] = [r for r in task["annotations"][0]["result"]
                                        if r["from_name"] in {"kind", "value"}]
    figures = from_task(task).figures
    assert [(f.unit, f.qualifier.value, f.modality.value, f.subject) for f in figures] == [
        ("household", "exact", "actual", ""), ("VND", "exact", "actual", "")]


def test_read_export_keeps_good_tasks(tmp_path: Path, emoji_article: GoldArticle) -> None:
    good = exported(to_task(emoji_article), task_id=1)
    bad = _edit(exported(to_task(emoji_article), task_id=2), "f0", "value", text=["x"])
    path = tmp_path / "export.json"
    path.write_text(json.dumps([good, bad], ensure_ascii=False), encoding="utf-8")
    articles, errors = read_export(path)
    assert [a.id for a in articles] == ["emoji"]
    assert len(errors) == 1 and "task 2 (emoji)" in errors[0].where


def test_config_declares_every_control(emoji_article: GoldArticle) -> None:
    root = ET.fromstring(labeling_config())
    names = {el.get("name"): el for el in root.iter() if el.get("name")}
    for result in to_task(emoji_article)["predictions"][0]["result"]:
        control = names[result["from_name"]]
        assert control.get("toName") == result["to_name"] == "text"
        expected = {"labels": "Labels", "textarea": "TextArea", "choices": "Choices"}[result["type"]]
        assert control.tag == expected
        if result["type"] != "labels":
            assert control.get("perRegion") == "true"
        for label in result["value"].get("labels", []) + result["value"].get("choices", []):
            assert label in {child.get("value") for child in control}
