"""Gold files (ANNOTATION.md §5): validated on load; a bad file names its path and field."""
from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from vnfigures.evaluate.gold import GoldArticle, GoldFileError, load_gold, load_gold_dir

SEED = "seed-camau-police-poverty.json"


@pytest.fixture(scope="module")
def seed(project_corpus: Path) -> dict:
    return json.loads((project_corpus / SEED).read_text(encoding="utf-8"))


def _shift(fig: dict) -> None:
    fig.update(start=fig["start"] + 1, end=fig["end"] + 1)


# (case, mutation of the seed gold file, field reported, words in the message)
MALFORMED: list[tuple[str, Callable[[dict], object], str, str]] = [
    ("unit of another kind", lambda g: g["figures"][0].update(unit="people"), "figures.0", "not a canonical unit"),
    ("unknown kind", lambda g: g["figures"][1].update(kind="household"), "figures.1.kind", "Input should be"),
    ("value not a number", lambda g: g["figures"][1].update(value="abc"), "figures.1.value", "decimal"),
    ("no text", lambda g: g.pop("text"), "text", "required"),
    ("offsets shifted", lambda g: _shift(g["figures"][2]), "figures", "figures[2] 'trên 625 triệu đồng'"),
    ("unknown field", lambda g: g["figures"][0].update(note="?"), "figures.0.note", "Extra inputs"),
    ("range without max", lambda g: g["figures"][0].update(qualifier="range"), "figures.0", "needs value_max"),
    ("max without range", lambda g: g["figures"][0].update(value_max=5), "figures.0", "only set for ranges"),
    ("bad modality", lambda g: g["figures"][0].update(modality="planned"), "figures.0.modality", "'actual' or 'target'"),
    ("span length", lambda g: g["figures"][0].update(end=g["figures"][0]["end"] + 1), "figures.0", "characters"),
    ("empty id", lambda g: g.update(id=""), "id", "at least 1 character"),
]


@pytest.mark.parametrize(("case", "mutate", "field", "words"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_gold_names_field(tmp_path: Path, seed: dict, case: str, mutate, field: str, words: str) -> None:
    data = copy.deepcopy(seed)
    mutate(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldFileError) as info:
        load_gold(path)
    problem = info.value.problems[0]
    assert problem.path == str(path)
    assert problem.field == field
    assert words in problem.message


@pytest.mark.parametrize(("content", "words"), [('{"id": ', "Invalid JSON"), ("[]", "should be an object"), ("", "Invalid JSON")])
def test_unreadable_gold_file(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFileError, match=words):
        load_gold(path)


def test_bad_file_does_not_stop_the_rest(tmp_path: Path, seed: dict) -> None:
    (tmp_path / "a.json").write_text(json.dumps(seed, ensure_ascii=False), encoding="utf-8")
    other = dict(seed, id="other")
    (tmp_path / "b.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(dict(seed, text=None)), encoding="utf-8")
    (tmp_path / "d.json").write_text(json.dumps(seed, ensure_ascii=False), encoding="utf-8")
    gold = load_gold_dir(tmp_path)
    assert [a.id for a in gold.articles] == [seed["id"], "other"]
    assert [(Path(p.path).name, p.field) for p in gold.problems] == [("c.json", "text"), ("d.json", "id")]
    assert "duplicate id" in gold.problems[1].message


def test_values_are_exact_decimals(seed: dict, project_corpus: Path) -> None:
    article = load_gold(project_corpus / SEED)
    assert [str(f.value) for f in article.figures[:3]] == [str(f["value"]) for f in seed["figures"][:3]]
    assert article.entities is None


def test_to_json_round_trips(project_corpus: Path) -> None:
    article = load_gold(project_corpus / SEED)
    assert GoldArticle.model_validate_json(article.to_json()) == article
    assert "entities" not in json.loads(article.to_json())


def test_shared_gold_files_are_valid(shared_corpus: Path) -> None:
    gold = load_gold_dir(shared_corpus / "gold")
    assert gold.problems == []
    assert len(gold.articles) == len(list((shared_corpus / "gold").glob("*.json")))
