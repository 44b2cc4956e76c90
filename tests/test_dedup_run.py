"""`vnfig run` marks near-duplicates the same with any worker count, engine, and --resume (#17)."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from vnfigures.clean import clean_text
from vnfigures.runner.batch import RunOptions, run_batch

CLEAN_FACTORY = "test_run_steps:clean_steps"  # the real clean and normalize steps, no models
BASES = ("dantri_35", "baomoi_10", "baomoi_35", "baomoi_36")  # 35 and 36: one event, two reports


def _lines(shared_corpus: Path) -> list[str]:
    """JSONL input lines: four articles and, after them, three copies of the first two."""
    texts = {n: (shared_corpus / "raw" / "text" / f"{n}.txt").read_text("utf-8") for n in BASES}
    title, body = clean_text(texts["dantri_35"]).text.split("\n", 1)
    records = [{"id": name, "text": text} for name, text in texts.items()]
    records += [{"id": "copy-exact", "text": texts["dantri_35"]},
                {"id": "copy-title", "text": f"Tăng phí qua hầm Hải Vân\n{body}"},
                {"id": "copy-baomoi", "text": texts["baomoi_10"]}]
    assert title
    return [json.dumps(r, ensure_ascii=False) for r in records]


EXPECTED = {"dantri_35": (None, 3), "baomoi_10": (None, 2), "baomoi_35": (None, 1), "baomoi_36": (None, 1),
            "copy-exact": ("dantri_35", 3), "copy-title": ("dantri_35", 3), "copy-baomoi": ("baomoi_10", 2)}


def _run(source: Path, out: Path, **options: object) -> object:
    settings = {"workers": 1, "ner": False, "steps": CLEAN_FACTORY, "progress": False, **options}
    return run_batch([str(source)], RunOptions(output=out, **settings))  # type: ignore[arg-type]


def _records(out: Path) -> dict[str, tuple[str | None, int]]:
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    return {r["id"]: (r["duplicate_of"], r["duplicates"]) for r in rows}


@pytest.fixture
def source(shared_corpus: Path, tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(_lines(shared_corpus)) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("engine", "workers"), [("local", 1), ("local", 2), ("dask", 2)])
def test_engines_and_workers_agree(source: Path, tmp_path: Path, engine: str, workers: int) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    out = tmp_path / "out.jsonl"
    summary = _run(source, out, engine=engine, workers=workers)
    assert _records(out) == EXPECTED
    assert summary.written == len(EXPECTED) and summary.near_duplicates["signed_at_end"] == 0
    reference = tmp_path / "reference.jsonl"
    _run(source, reference)
    assert sorted(out.read_text("utf-8").splitlines()) == sorted(reference.read_text("utf-8").splitlines())


def test_resume_indexes_articles_written_before(shared_corpus: Path, tmp_path: Path) -> None:
    lines = _lines(shared_corpus)
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")  # the originals only
    _run(source, out)
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")      # then the copies arrive
    summary = _run(source, out, resume=True)
    assert summary.skipped == {"resume": 4} and summary.near_duplicates["signed_at_end"] == 0
    assert _records(out) == EXPECTED


def test_db_target_gets_the_fields(source: Path, tmp_path: Path) -> None:
    out, db = tmp_path / "out.jsonl", tmp_path / "out.db"
    _run(source, out, db=f"sqlite:///{db}")
    with sqlite3.connect(db) as conn:
        rows = dict(((i, (d, n)) for i, d, n in conn.execute("SELECT id, duplicate_of, duplicates FROM articles")))
        records = {i: (json.loads(r)["duplicate_of"], json.loads(r)["duplicates"])
                   for i, r in conn.execute("SELECT id, record FROM articles")}
    assert rows == EXPECTED and records == EXPECTED


def test_no_dedup_leaves_the_defaults(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = _run(source, out, dedup=False)
    assert set(_records(out).values()) == {(None, 1)} and summary.near_duplicates is None
    assert not (tmp_path / "out.signatures").exists()


def test_rerun_in_one_process_keeps_its_signatures(source: Path, tmp_path: Path) -> None:
    """A second run over the same OUT (--overwrite, no --resume) starts a fresh side folder and still fills it."""
    out = tmp_path / "out.jsonl"
    _run(source, out)
    summary = _run(source, out, overwrite=True)
    assert summary.near_duplicates["signed_at_end"] == 0 and _records(out) == EXPECTED


def test_the_first_in_input_order_leads_though_written_later(shared_corpus: Path, tmp_path: Path) -> None:
    """A copy written by an earlier run sits first in OUT.jsonl; the original, first in the input, still leads."""
    lines = _lines(shared_corpus)
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(lines[4] + "\n", encoding="utf-8")  # copy-exact alone
    _run(source, out)
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")  # dantri_35 comes first in the input
    _run(source, out, resume=True)
    assert json.loads(out.read_text("utf-8").splitlines()[0])["id"] == "copy-exact"
    assert _records(out) == EXPECTED
