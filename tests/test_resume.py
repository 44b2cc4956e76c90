"""`--resume`: a rerun after a crash, a kill or Ctrl-C finishes the job, each id exactly once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vnfigures.runner.batch import RunOptions, run_batch
from vnfigures.runner.output import OutputPaths, load_done
from test_run_steps import FACTORY

pytestmark = pytest.mark.slow  # whole corpora / worker processes: CI runs it, `-m 'not slow'` skips

TESTS = Path(__file__).resolve().parent
VNFIG = Path(sys.executable).with_name("vnfig")
VN = "Tỉnh Cà Mau trao 115 suất quà cho hộ nghèo và hỗ trợ 625 triệu đồng xây nhà đại đoàn kết."


def _jsonl(path: Path, count: int, cue: str = "") -> Path:
    lines = [json.dumps({"id": f"a{i:03d}", "text": f"{VN} {cue} #{i}"}) for i in range(count)]
    lines[3] = json.dumps({"id": "a003", "text": "BOOM"})  # one failure to carry over
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(source: Path, out: Path, resume: bool) -> object:
    options = RunOptions(output=out, workers=1, ner=False, resume=resume, steps=FACTORY, progress=False)
    return run_batch([str(source)], options)


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()]


def _assert_complete(out: Path, count: int) -> None:
    paths = OutputPaths(out)
    written, failed = _ids(paths.output), _ids(paths.failures)
    assert len(written) == len(set(written)) and len(failed) == len(set(failed))
    assert sorted(written + failed) == [f"a{i:03d}" for i in range(count)]
    assert failed == ["a003"]


@pytest.mark.parametrize(
    ("tail", "redone"),
    [
        ('{"id": "a005", "text": "half a li', 1),  # torn last line: cut away, a005 redone
        ("", 0),                                  # clean stop between lines
        ('{"id": "a005"}\n{"id": "a006", "te', 2),  # torn after a whole (but odd) line
    ],
)
def test_resume_after_a_torn_line(tmp_path: Path, tail: str, redone: int) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 10)
    out = tmp_path / "out.jsonl"
    _run(source, out, resume=False)
    paths = OutputPaths(out)
    kept = paths.output.read_text("utf-8").splitlines(keepends=True)[:4]  # a000-a002, a004
    paths.output.write_text("".join(kept) + tail, encoding="utf-8")
    summary = _run(source, out, resume=True)
    already = 5 + (1 if tail.startswith('{"id": "a005"}\n') else 0)
    assert summary.skipped == {"resume": already}
    assert summary.read == 10 and summary.written == 10 - already and summary.balanced()
    _assert_complete(out, 10)
    assert all(json.loads(line) for line in paths.output.read_text("utf-8").splitlines())


def test_load_done_truncates_only_the_torn_end(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "x"}\n{"id": "y"}\n{"id": "z", "te', encoding="utf-8")
    done = load_done(path)
    assert done.ids == {"x", "y"} and done.truncated_bytes == len('{"id": "z", "te')
    assert path.read_text("utf-8") == '{"id": "x"}\n{"id": "y"}\n'


def test_id_less_failures_are_skipped_by_their_input_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "ok", "text": VN}) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    first = _run(source, out, resume=False)
    again = _run(source, out, resume=True)
    assert (first.written, first.failed) == (1, 1)
    assert again.skipped == {"resume": 2} and again.written == again.failed == 0


def test_without_resume_a_rerun_starts_afresh(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.jsonl"
    _run(source, out, resume=False)
    summary = _run(source, out, resume=False)
    assert summary.skipped == {} and summary.written == 5
    _assert_complete(out, 6)


def _start(source: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [str(VNFIG), "run", str(source), "-o", str(out), "--steps", FACTORY, "--no-progress", *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes], limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{path} did not reach {count} lines: {process.communicate()}")


@pytest.mark.parametrize(("sig", "workers", "code"), [(signal.SIGKILL, "2", -9), (signal.SIGINT, "1", 130), (signal.SIGINT, "2", 130)])
def test_a_killed_or_interrupted_run_is_finished_by_resume(tmp_path: Path, sig: int, workers: str, code: int) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 120, cue="SLOW")
    out = tmp_path / "out.jsonl"
    process = _start(source, out, "--workers", workers)
    _wait_for_lines(out, 15, process)
    os.killpg(process.pid, sig)  # the whole group we started: the run and its workers
    process.communicate(timeout=60)
    assert process.returncode == code
    if sig == signal.SIGINT:
        summary = json.loads(OutputPaths(out).summary.read_text("utf-8"))
        assert summary["interrupted"] and summary["read"] == (
            summary["written"] + summary["failed"] + sum(summary["skipped"].values()))
    done_before = len(_ids(out)) + len(_ids(OutputPaths(out).failures))
    resumed = _start(source, out, "--workers", "2", "--resume")
    stdout, stderr = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, stderr.decode()
    summary = json.loads(OutputPaths(out).summary.read_text("utf-8"))
    assert summary["skipped"] == {"resume": done_before}
    assert summary["written"] == 120 - done_before and summary["failed"] == 0
    _assert_complete(out, 120)
