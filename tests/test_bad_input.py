"""Bad input never crashes a batch: each case ends as a clear failure record (or a flag).

Each row builds one input inside a folder, runs the batch in-process with a small chain, and
checks where the article ended: written (with flags), failed (step, error, words of the
message) or skipped (reason).
"""
from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from vnfigures.read import inputs as inputs_module
from vnfigures.runner.batch import RunOptions, run_batch
from vnfigures.runner.output import OutputPaths, RunSummary
from test_decode import encode_cp1258, encode_tcvn3, encode_vni
from test_run_steps import CLEAN_FACTORY, FACTORY

VN = "Tỉnh Cà Mau trao 115 suất quà cho hộ nghèo và hỗ trợ 625 triệu đồng xây nhà đại đoàn kết."
EN = "The province gave 115 gifts to poor households and 625 million dong to build new houses."


def run(inputs: list[Path], out: Path, factory: str = FACTORY, **options: object) -> tuple[RunSummary, list[dict], list[dict]]:
    summary = run_batch([str(p) for p in inputs],
                        RunOptions(output=out, workers=1, ner=False, steps=factory, progress=False, **options))
    paths = OutputPaths(out)
    written = [json.loads(line) for line in paths.output.read_text("utf-8").splitlines()]
    failed = [json.loads(line) for line in paths.failures.read_text("utf-8").splitlines()]
    assert summary.balanced()
    assert json.loads(paths.summary.read_text("utf-8"))["read"] == summary.read
    return summary, written, failed


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path
    return build


def _sparse(name: str, size: int) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        with open(path, "wb") as handle:
            handle.truncate(size)  # 50 MB on paper, nothing on disk
        return path
    return build


def _dangling(folder: Path) -> Path:
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    return folder / "gone.txt"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


# (case, build the input, where it ends: "written" | (step, error, words), clean chain?, flags)
CASES = [
    ("empty file", _write("empty.txt", b""), ("read", "InputError", "empty"), False, None),
    ("whitespace only", _write("blank.txt", "  \n\n\t "), ("read", "InputError", "empty"), False, None),
    ("binary file", _write("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), ("read", "InputError", "PNG"), False, None),
    ("binary without signature", _write("blob.html", bytes(range(256)) * 8), ("read", "InputError", "binary"), False, None),
    ("invalid UTF-8", _write("bad.txt", VN.encode() + b" \xff\xfe garbage \xc3\x28"), ("read", "EncodingError", "not valid UTF-8"), False, None),
    ("Windows-1258", _write("cp1258.txt", encode_cp1258(VN)), "written", False, ["encoding:windows-1258"]),
    ("TCVN3", _write("tcvn3.txt", encode_tcvn3(VN.lower())), "written", False, ["encoding:tcvn3"]),
    ("VNI", _write("vni.txt", encode_vni(VN)), "written", False, ["encoding:vni"]),
    ("HTML with no article", _write("list.html", "<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>"),
     ("clean", "NoArticleFound", "no article"), True, None),
    ("50 MB file", _sparse("huge.txt", 50 * 1024 * 1024), ("read", "InputError", "20,971,520-byte limit"), False, None),
    ("not Vietnamese", _write("english.txt", EN * 3), "written", False, ["not_vietnamese"]),
    ("broken symbolic link", _dangling, ("read", "InputError", "broken symbolic link"), False, None),
    ("FIFO", _fifo, ("read", "InputError", "not a regular file (a FIFO)"), False, None),
    ("step raises", _write("boom.txt", "Số liệu BOOM ở đây"), ("figures", "ValueError", "boom"), False, None),
]


@pytest.mark.parametrize(("case", "build", "expected", "clean", "flags"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_ends_as_a_clear_record(tmp_path: Path, case: str, build, expected, clean: bool, flags) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = build(folder)
    summary, written, failed = run([folder], tmp_path / "out.jsonl", CLEAN_FACTORY if clean else FACTORY)
    assert summary.read == 1
    if expected == "written":
        assert (summary.written, summary.failed, failed) == (1, 0, [])
        assert written[0]["id"] == path.stem and written[0]["flags"] == flags
        assert unicodedata.normalize("NFC", written[0]["text"]).lower() in {VN.lower(), (EN * 3).lower()}
    else:
        step, error, words = expected
        assert (summary.written, summary.failed, written) == (0, 1, [])
        record = failed[0]
        assert (record["id"], record["input"], record["step"], record["error"]) == (path.stem, str(path), step, error)
        assert words in record["message"]


def test_jsonl_bad_lines_and_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": VN}),
        "{this is not json",
        json.dumps({"text": "no id here"}),
        json.dumps({"id": "a", "text": "the same id again"}),
        json.dumps({"id": "b", "text": VN}),
    ]) + "\n", encoding="utf-8")
    summary, written, failed = run([path], tmp_path / "out.jsonl")
    assert (summary.read, summary.written, summary.failed, summary.skipped) == (5, 2, 2, {"duplicate_id": 1})
    assert [r["id"] for r in written] == ["a", "b"] and written[0]["text"] == VN
    assert [(r["id"], r["input"], r["error"]) for r in failed] == [
        (None, f"{path}:2", "InputError"), (None, f"{path}:3", "InputError")]
    assert "not JSON" in failed[0]["message"] and "no 'id'" in failed[1]["message"]


def test_duplicate_ids_across_files_keep_the_first(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f"{VN} ({folder})", encoding="utf-8")
    summary, written, _ = run([tmp_path / "one", tmp_path / "two"], tmp_path / "out.jsonl")
    assert summary.skipped == {"duplicate_id": 1}
    assert [r["text"][-5:] for r in written] == ["(one)"]


def test_unreadable_file_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, so chmod 000 would still be readable: simulate the refusal."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "locked.txt").write_text(VN, encoding="utf-8")
    (folder / "open.txt").write_text(VN, encoding="utf-8")

    def fake_open(path: object, *args: object, **kwargs: object):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)  # noqa: SIM115

    monkeypatch.setattr(inputs_module, "open", fake_open, raising=False)
    summary, written, failed = run([folder], tmp_path / "out.jsonl")
    assert [r["id"] for r in written] == ["open"]
    assert [(r["id"], r["error"]) for r in failed] == [("locked", "InputError")]
    assert "Permission denied" in failed[0]["message"]


def test_unlistable_folder_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    (folder / "secret").mkdir(parents=True)
    (folder / "secret" / "x.txt").write_text(VN, encoding="utf-8")
    (folder / "y.txt").write_text(VN, encoding="utf-8")
    real_scandir = os.scandir

    def fake_scandir(path: object):
        if str(path).endswith("secret"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(inputs_module.os, "scandir", fake_scandir)
    summary, written, failed = run([folder], tmp_path / "out.jsonl")
    assert [r["id"] for r in written] == ["y"]
    assert failed[0]["input"] == str(folder / "secret") and "cannot list folder" in failed[0]["message"]
    assert summary.read == 2


def test_max_bytes_applies_to_files_and_is_adjustable(tmp_path: Path) -> None:
    path = tmp_path / "medium.txt"
    path.write_text(VN * 50, encoding="utf-8")
    small, _, failed = run([path], tmp_path / "small.jsonl", max_bytes=1024)
    assert small.failed == 1 and "1,024-byte limit" in failed[0]["message"]
    big, written, _ = run([path], tmp_path / "big.jsonl", max_bytes=1024 * 1024)
    assert big.written == 1 and written[0]["text"] == VN * 50


def test_truncated_html_pages_end_as_records_or_clean_failures(tmp_path: Path, shared_corpus: Path) -> None:
    """Pages cut mid-way (a killed download) are cleaned as far as they go, or fail clearly."""
    folder = tmp_path / "in"
    folder.mkdir()
    pages = ("tuoitre_1", "cafef_1", "vnexpress_1", "dantri_1")
    for name in pages:
        html = (shared_corpus / "raw" / "html" / f"{name}.html").read_text("utf-8")
        for share in (50, 90):
            cut = html[: len(html) * share // 100]
            (folder / f"{name}-{share}.html").write_text(cut[: cut.rfind("<") + 2], encoding="utf-8")
    summary, written, failed = run([folder], tmp_path / "out.jsonl", CLEAN_FACTORY)
    assert summary.read == len(pages) * 2 == summary.written + summary.failed
    assert {(r["step"], r["error"]) for r in failed} <= {("clean", "NoArticleFound")}
    assert written and all(len(r["text"]) > 200 for r in written)
