"""Discovering and reading inputs: ids, formats, order, JSONL fields, streaming."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnfigures.errors import InputError
from vnfigures.read.inputs import iter_inputs, parse_jsonl_line, read_jsonl
from vnfigures.schemas import Article, Failure

VN = "Tỉnh Cà Mau trao 115 suất quà cho hộ nghèo và hỗ trợ 625 triệu đồng xây nhà."


def _tree(root: Path) -> Path:
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a.txt").write_text(VN, encoding="utf-8")
    (root / "b" / "page.html").write_text(f"<html><p>{VN}</p></html>", encoding="utf-8")
    (root / "b" / "deep" / "old.HTM").write_text(f"<p>{VN}</p>", encoding="utf-8")
    (root / "b" / "notes.md").write_text("not an input", encoding="utf-8")
    (root / "b" / "gold.json").write_text("{}", encoding="utf-8")
    (root / "c.jsonl").write_text(
        json.dumps({"id": "j1", "text": VN, "title": "T", "url": "https://x.vn/1", "published": "2025-01-02"})
        + "\n\n" + json.dumps({"id": 7, "html": f"<p>{VN}</p>", "source": "dantri"}) + "\n",
        encoding="utf-8",
    )
    return root


def test_directory_is_recursed_sorted_with_relative_ids(tmp_path: Path) -> None:
    records = list(iter_inputs([str(_tree(tmp_path / "in"))]))
    assert [(r.id, r.raw_format, r.source) for r in records] == [
        ("a", "text", "a.txt"),
        ("b/deep/old", "html", "old.HTM"),
        ("b/page", "html", "page.html"),
        ("j1", "text", "c.jsonl"),
        ("7", "html", "dantri"),
    ]
    assert all(isinstance(r, Article) and r.raw and VN in r.raw for r in records)
    assert records[3].origin.endswith("c.jsonl:1") and records[4].origin.endswith("c.jsonl:3")
    assert (records[3].title, records[3].url, records[3].published) == ("T", "https://x.vn/1", "2025-01-02")


@pytest.mark.parametrize(
    ("name", "expected_id", "raw_format"),
    [("story.txt", "story", "text"), ("page.html", "page", "html"), ("page.htm", "page", "html"),
     ("notes.text", "notes", "text")],
)
def test_a_file_given_directly_is_named_by_its_stem(tmp_path: Path, name: str, expected_id: str, raw_format: str) -> None:
    path = tmp_path / "sub" / name
    path.parent.mkdir()
    path.write_text(VN, encoding="utf-8")
    [record] = iter_inputs([str(path)])
    assert (record.id, record.raw_format, record.origin) == (expected_id, raw_format, str(path))


def test_stdin_is_read_as_jsonl() -> None:
    stdin = io.BytesIO(b'{"id": "s1", "text": "x"}\n{"id": "s2", "text": "y"}')
    records = list(iter_inputs(["-"], stdin=stdin))
    assert [(r.id, r.origin, r.raw) for r in records] == [("s1", "stdin:1", "x"), ("s2", "stdin:2", "y")]


def test_inputs_stream_lazily() -> None:
    """A reader pulls one line at a time: nothing past the first article is read up front."""

    class Lines(io.BytesIO):
        reads = 0

        def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
            Lines.reads += 1
            return super().readline(size)

    stream = Lines(b"".join(b'{"id": "%d", "text": "x"}\n' % i for i in range(1000)))
    first = next(iter_inputs(["-"], stdin=stream))
    assert first.id == "0" and Lines.reads == 1


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "JSON list"),
        (b'"just a string"', "JSON str"),
        (b'{"text": "no id"}', "no 'id'"),
        (b'{"id": "", "text": "x"}', "no 'id'"),
        (b'{"id": true, "text": "x"}', "no 'id'"),
        (b'{"id": "a"}', "neither a 'text' nor an 'html'"),
        (b'{"id": "a", "text": 5}', "neither a 'text' nor an 'html'"),
        (b'{"id": "a", "text": "   "}', "is empty"),
        (b'{"id": "a", "text": "x", "title": 3}', "'title' must be a string"),
        (b'{"id": "a", "text": "\xff\xfe"}', "not valid UTF-8"),
    ],
)
def test_bad_jsonl_lines_raise_a_clear_input_error(line: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words):
        parse_jsonl_line(line, "f.jsonl:1")


def test_mojibake_text_in_jsonl_is_repaired_and_flagged() -> None:
    garbled = "Hµ Néi trao quµ cho hé nghÌo"  # TCVN3 bytes once read as Windows-1252
    [article] = read_jsonl(io.BytesIO(json.dumps({"id": "m", "text": garbled}).encode()), "f.jsonl")
    assert (article.raw, article.flags) == ("Hà Nội trao quà cho hộ nghèo", ["encoding:mojibake-tcvn3"])


def test_bad_line_keeps_its_id_when_known() -> None:
    [failure] = read_jsonl(io.BytesIO(b'{"id": "k", "text": 1}\n'), "f.jsonl")
    assert isinstance(failure, Failure)
    assert (failure.id, failure.input, failure.step, failure.error) == ("k", "f.jsonl:1", "read", "InputError")


def test_an_over_long_line_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    stream = io.BytesIO(b'{"id": "big", "text": "' + b"x" * 5000 + b'"}\n{"id": "ok", "text": "y"}\n')
    records = list(read_jsonl(stream, "f.jsonl", max_bytes=1000))
    assert isinstance(records[0], Failure) and "1,000-byte limit" in records[0].message
    assert records[0].input == "f.jsonl:1"
    assert isinstance(records[1], Article) and records[1].id == "ok" and records[1].origin == "f.jsonl:2"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_jsonl_reader_never_crashes_and_is_deterministic(data: bytes) -> None:
    first = [r.model_dump() for r in read_jsonl(io.BytesIO(data), "fuzz.jsonl", max_bytes=200)]
    again = [r.model_dump() for r in read_jsonl(io.BytesIO(data), "fuzz.jsonl", max_bytes=200)]
    assert first == again
    assert all(r["id"] is None or r["id"] for r in first)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "text", "html", "title", "url", "source", "x"]),
                       st.one_of(st.none(), st.integers(), st.text(max_size=20), st.booleans()), max_size=6))
def test_fuzz_jsonl_objects_give_an_article_or_a_clear_error(record: dict[str, object]) -> None:
    line = json.dumps(record).encode()
    try:
        article = parse_jsonl_line(line, "f:1")
    except InputError as exc:
        assert str(exc)
    else:
        assert article.id == str(record["id"]) and article.raw
