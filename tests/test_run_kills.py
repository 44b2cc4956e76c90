"""Real processes, real signals: kills, SIGTERM, stopped and hung workers, two runs at once.

Each test starts `vnfig run` in a session of its own, signals processes it started by pid,
waits for them, and checks that no process of that session is left (a `finally` kills any
survivor by pid, so a failing test leaves nothing running either).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from vnfigures.bench.faults import kill_session, wait_until_gone, worker_pids
from vnfigures.export import read_target
from vnfigures.runner.output import OutputPaths
from test_resume import _assert_complete, _ids, _jsonl, _start, _wait_for_lines

pytestmark = pytest.mark.slow


def kill_survivors(sid: int) -> None:
    kill_session(sid)


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes a test starts; after it, any of their sessions' survivors are killed."""
    processes: list[subprocess.Popen[bytes]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
        kill_survivors(process.pid)  # first: an orphan would hold the pipes open
        process.communicate()


def _workers(process: subprocess.Popen[bytes], count: int) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pids = worker_pids(process.pid)
        if len(pids) >= count:
            return pids
        time.sleep(0.05)
    raise AssertionError(f"the run never had {count} workers")


@pytest.mark.parametrize("kind", ["sqlite", "parquet"])
def test_kill_between_the_jsonl_and_the_database_then_resume(tmp_path: Path, started: list, kind: str) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 120, cue="SLOW")
    out = tmp_path / "out.jsonl"
    target = f"sqlite:///{tmp_path / 'run.db'}" if kind == "sqlite" else f"{tmp_path / 'tables'}/"
    process = _start(source, out, "--workers", "2", "--db", target)
    started.append(process)
    _wait_for_lines(out, 15, process)
    os.kill(process.pid, signal.SIGKILL)  # the JSONL has lines the database has not committed
    process.communicate(timeout=60)
    assert wait_until_gone(process.pid) == []
    in_jsonl = set(_ids(out))
    stored = {a.id for a in read_target(target)} if kind == "sqlite" else set()
    assert len(stored) < len(in_jsonl)  # the gap this test is about
    resumed = _start(source, out, "--workers", "2", "--resume", "--db", target)
    started.append(resumed)
    _stdout, stderr = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, stderr.decode()
    _assert_complete(out, 120)
    assert sorted(a.id for a in read_target(target)) == sorted(_ids(out))
    summary = json.loads(OutputPaths(out).summary.read_text("utf-8"))
    assert summary["reconciled"] >= len(in_jsonl) - len(stored) > 0


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGKILL, -9), (signal.SIGTERM, 143)])
def test_workers_die_with_their_parent_and_sigterm_is_a_clean_stop(tmp_path: Path, started: list,
                                                                   sig: int, code: int) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 200, cue="SLOW")
    out = tmp_path / "out.jsonl"
    process = _start(source, out, "--workers", "2")
    started.append(process)
    _workers(process, 2)
    _wait_for_lines(out, 15, process)
    os.kill(process.pid, sig)  # the main process only, as `kill PID` or an OOM killer does
    _stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    assert wait_until_gone(process.pid) == [], "processes of the run outlived it"
    summary = json.loads(OutputPaths(out).summary.read_text("utf-8"))
    if sig == signal.SIGTERM:
        assert b"interrupted (SIGTERM): rerun with --resume" in stderr
        assert summary["interrupted"] and summary["signal"] == "SIGTERM" and summary["finished"]
        assert summary["read"] == summary["written"] + summary["failed"] + summary["skipped_total"]
        assert summary["written"] == len(_ids(out))
    else:
        assert summary["finished"] is False  # a killed run's summary says it is not a whole one


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_over_the_timeout_fails_and_the_run_goes_on(tmp_path: Path, started: list, workers: str) -> None:
    source = tmp_path / "in.jsonl"
    lines = [{"id": f"a{i:02d}", "text": f"Có {i} hộ nghèo SLOW"} for i in range(12)]
    lines.insert(3, {"id": "stuck", "text": "Có 5 hộ HANG"})
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = _start(source, out, "--workers", workers, "--article-timeout", "2")
    started.append(process)
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr.decode()
    failures = [json.loads(line) for line in OutputPaths(out).failures.read_text("utf-8").splitlines()]
    assert [(f["id"], f["error"]) for f in failures] == [("stuck", "Timeout")]
    assert sorted(_ids(out)) == [f"a{i:02d}" for i in range(12)]
    assert wait_until_gone(process.pid) == []


def test_a_stopped_worker_is_reported_killed_and_replaced(tmp_path: Path, started: list) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 150, cue="SLOW")
    out = tmp_path / "out.jsonl"
    process = _start(source, out, "--workers", "2", "--article-timeout", "2")
    started.append(process)
    victim = _workers(process, 2)[0]
    _wait_for_lines(out, 10, process)
    os.kill(victim, signal.SIGSTOP)  # as `kill -STOP`: it answers nothing, not even SIGTERM
    _stdout, stderr = process.communicate(timeout=180)
    assert process.returncode == 1, stderr.decode()
    assert b"has run for" in stderr and b"recorded as a Timeout failure" in stderr
    failures = [json.loads(line) for line in OutputPaths(out).failures.read_text("utf-8").splitlines()]
    timeouts = [f["id"] for f in failures if f["error"] == "Timeout"]
    assert 1 <= len(timeouts) <= 2
    written = _ids(out)
    assert sorted(written + [f["id"] for f in failures]) == [f"a{i:03d}" for i in range(150)]
    assert wait_until_gone(process.pid) == []


def test_a_second_run_on_the_same_output_exits_2_naming_the_first(tmp_path: Path, started: list) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 100, cue="SLOW")
    out = tmp_path / "out.jsonl"
    first = _start(source, out, "--workers", "1")
    started.append(first)
    _wait_for_lines(out, 5, first)
    second = _start(source, out, "--workers", "1", "--resume")
    started.append(second)
    _stdout, stderr = second.communicate(timeout=60)
    assert second.returncode == 2
    assert f"is locked by pid {first.pid}".encode() in stderr
    first.communicate(timeout=120)
    assert first.returncode == 1  # a003 fails (BOOM); every other id once, none twice
    _assert_complete(out, 100)


#: A run whose counting pass over the inputs is where SIGTERM lands (as on a huge tree).
_TERM_WHILE_COUNTING = """
import os, signal, sys
from pathlib import Path
import vnfigures.runner.progress as progress
from vnfigures.runner.batch import RunOptions, run_batch

def counting(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGTERM)
    return 0

progress.count_inputs = counting
summary = run_batch([sys.argv[1]], RunOptions(output=Path(sys.argv[2]), workers=1, progress=False))
sys.exit(143 if summary.interrupted else 0)
"""


def test_sigterm_while_counting_the_inputs_is_a_clean_stop(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Xã hỗ trợ 115 hộ nghèo."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-c", _TERM_WHILE_COUNTING, str(source), str(out)],
                          capture_output=True, timeout=120, check=False)
    summary = json.loads(OutputPaths(out).summary.read_text("utf-8"))
    assert done.returncode == 143, done.stderr.decode()
    assert summary["interrupted"] and summary["signal"] == "SIGTERM" and summary["finished"]
    assert summary["read"] == summary["written"] + summary["failed"] + summary["skipped_total"] == 0
