"""A run's outputs are guarded: never read back, never an input, never clobbered, never shared.

Also the smaller promises of `vnfig run`: skipped inputs are listed, a missing path among
others is one failure, a stale summary says so, the log has a total, failures can be retried,
the default worker count follows the CPUs we may use.
"""
from __future__ import annotations

import fcntl
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnfigures.runner import cpus
from vnfigures.runner.output import RunSummary
from vnfigures.runner.progress import make_progress
from test_run_cli import VN, _app, _inputs, _lines, invoke

BROKEN = "{broken\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("out", ["data/out.jsonl", "data/sub/out.jsonl", "data/out"])
def test_an_output_inside_the_input_folder_is_never_read(tmp_path: Path, out: str) -> None:
    data = _inputs(tmp_path / "data", {"a.jsonl": BROKEN, "b.txt": VN})
    target = tmp_path / out
    db = ["--db", f"sqlite:///{data / 'run.jsonl'}"]  # a database named like an input, even
    first = invoke([str(data), "-o", str(target), "--workers", "1", *db])
    assert first.exit_code == 1, first.output
    again = invoke([str(data), "-o", str(target), "--workers", "1", "--resume", *db])
    summary = RunSummary.model_validate_json(target.with_name(target.name.removesuffix(".jsonl")
                                                              + ".summary.json").read_text())
    assert "read 2, written 1, failed 1" in first.output  # a.jsonl:1 and b, nothing of its own
    assert (summary.read, summary.skipped) == (2, {"resume": 2}) and again.exit_code == 0


def test_a_report_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    data = _inputs(tmp_path / "data", {"a.jsonl": BROKEN, "b.txt": VN})
    report = data / "report.html"
    first = invoke([str(data), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--report", str(report)])
    again = invoke([str(data), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--overwrite",
                    "--report", str(report)])
    assert report.exists() and "read 2, written 1, failed 1" in first.output, first.output
    assert "read 2, written 1, failed 1" in again.output, again.output  # not 3: the page is the run's own


def test_the_progress_total_leaves_out_the_outputs(tmp_path: Path) -> None:
    data = _inputs(tmp_path / "data", {"a.jsonl": json.dumps({"id": "x", "text": VN}) + "\n", "out.jsonl": "{}\n{}\n"})
    from vnfigures.runner.guard import resolved

    stream = io.StringIO()
    progress = make_progress([str(data)], enabled=False, stream=stream, exclude=frozenset({resolved(data / "out.jsonl")}))
    assert progress._total == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "output", "db"), [
    ("in.jsonl", "in.jsonl", None),           # -o is the input
    ("in.jsonl", "./sub/../in.jsonl", None),  # ... spelled otherwise
    ("in.jsonl", "link.jsonl", None),         # ... through a symbolic link
    ("out.failures.jsonl", "out.jsonl", None),  # the failures file would be emptied
    ("in.jsonl", "out.jsonl", "sqlite:///{tmp}/in.jsonl"),  # the database would overwrite it
])
def test_an_output_that_is_an_input_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     name: str, output: str, db: str | None) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    source = _write(tmp_path / name, json.dumps({"id": "a", "text": VN}) + "\n")
    (tmp_path / "link.jsonl").symlink_to(source)
    before = sorted(p.name for p in tmp_path.iterdir())
    extra = ["--db", db.format(tmp=tmp_path)] if db else []
    result = invoke([name, "-o", output, "--workers", "1", *extra])
    assert result.exit_code == 2
    assert "is both an input and an output of this run" in result.output
    assert source.read_text("utf-8") == json.dumps({"id": "a", "text": VN}) + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing opened, nothing made


def test_an_existing_output_is_kept_without_resume_or_overwrite(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN, "b.txt": VN})
    out = tmp_path / "out.jsonl"
    assert invoke([str(folder), "-o", str(out), "--workers", "1"]).exit_code == 0
    before = out.read_bytes()
    refused = invoke([str(folder), "-o", str(out), "--workers", "1"])
    assert refused.exit_code == 2 and "already exists: add --resume" in refused.output and "--overwrite" in refused.output
    assert out.read_bytes() == before
    replaced = invoke([str(folder), "-o", str(out), "--workers", "1", "--overwrite"])
    assert replaced.exit_code == 0 and len(_lines(out)) == 2
    both = invoke([str(folder), "-o", str(out), "--resume", "--overwrite"])
    assert both.exit_code == 2 and "give one" in both.output


def test_a_second_run_on_a_locked_output_exits_2_naming_it(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN})
    out = tmp_path / "out.jsonl"
    with open(tmp_path / "out.jsonl.lock", "w") as held:  # what a running vnfig run holds
        held.write("4242\n")
        held.flush()
        fcntl.flock(held, fcntl.LOCK_EX)
        result = invoke([str(folder), "-o", str(out), "--workers", "1", "--resume"])
    assert result.exit_code == 2
    assert f"{out}.lock is locked by pid 4242" in result.output
    assert not out.exists()
    assert invoke([str(folder), "-o", str(out), "--workers", "1"]).exit_code == 0  # released: runs


@pytest.mark.parametrize(("texts", "skips"), [
    ({"story.txt": VN, "story.html": f"<p>{VN}</p>"}, [("story", "story.html", "story.txt")]),
    ({"feed.jsonl": "".join(json.dumps({"id": "x", "text": f"{VN} {i}"}) + "\n" for i in range(3))},
     [("x", "feed.jsonl:1", "feed.jsonl:2"), ("x", "feed.jsonl:1", "feed.jsonl:3")]),
])
def test_every_skipped_input_is_listed_with_the_id_it_collides_with(
        tmp_path: Path, texts: dict[str, str], skips: list[tuple[str, str, str]]) -> None:
    folder = _inputs(tmp_path / "in", texts)
    result = invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert result.exit_code == 0 and "out.skipped.jsonl" in result.output
    listed = [(r["id"], Path(r["first_input"]).name, Path(r["input"]).name, r["reason"])
              for r in _lines(tmp_path / "out.skipped.jsonl")]
    assert listed == [(i, first, dup, "duplicate_id") for i, first, dup in skips]
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    assert summary["skipped"] == {"duplicate_id": len(skips)} and summary["read"] == 1 + len(skips)


def test_a_missing_path_among_others_is_one_failure_and_the_rest_runs(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN})
    result = invoke([str(tmp_path / "gone.txt"), str(folder), str(tmp_path / "gone.jsonl"),
                     "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert result.exit_code == 1
    assert [r["id"] for r in _lines(tmp_path / "out.jsonl")] == ["a"]
    failures = _lines(tmp_path / "out.failures.jsonl")
    assert [(Path(f["input"]).name, f["step"]) for f in failures] == [("gone.txt", "read"), ("gone.jsonl", "read")]
    assert all("file does not exist" in f["message"] for f in failures)


def test_the_summary_of_a_run_says_whether_it_finished(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnfigures.runner import batch

    folder = _inputs(tmp_path / "in", {"a.txt": VN})
    summary = tmp_path / "out.summary.json"
    summary.write_text(json.dumps({"read": 99, "written": 99, "finished": True}))  # an old run's
    seen: list[dict] = []
    reason = batch.Gate._skip_reason

    def spy(gate: batch.Gate, record: object) -> str | None:  # what a reader sees mid-run
        seen.append(json.loads(summary.read_text()))
        return reason(gate, record)  # type: ignore[arg-type]

    monkeypatch.setattr(batch.Gate, "_skip_reason", spy)
    invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--overwrite"])
    assert seen and seen[0]["finished"] is False and seen[0]["read"] == 0  # the stale one is gone
    assert json.loads(summary.read_text())["finished"] is True


def test_retry_failed_runs_the_failures_again(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN, "b.txt": "BOOM"})
    out = tmp_path / "out.jsonl"
    assert invoke([str(folder), "-o", str(out), "--workers", "1"]).exit_code == 1
    (folder / "b.txt").write_text(VN, encoding="utf-8")  # the cause is fixed
    plain = invoke([str(folder), "-o", str(out), "--workers", "1", "--resume"])
    assert "skipped 2 (2 resume)" in plain.output
    retried = invoke([str(folder), "-o", str(out), "--workers", "1", "--resume", "--retry-failed"])
    assert retried.exit_code == 0 and "written 1, failed 0, skipped 1 (1 resume)" in retried.output
    assert sorted(r["id"] for r in _lines(out)) == ["a", "b"]
    assert (tmp_path / "out.failures.jsonl").read_text() == ""
    alone = invoke([str(folder), "-o", str(out), "--retry-failed"])
    assert alone.exit_code == 2 and "--retry-failed needs --resume" in alone.output


@pytest.mark.parametrize(("text", "expected"), [
    ("200000 100000\n", 2), ("150000 100000\n", 2), ("50000 100000\n", 1), ("max 100000\n", None), ("", None),
])
def test_cgroup_cpu_quota(tmp_path: Path, text: str, expected: int | None) -> None:
    assert cpus.cgroup_cpus(_write(tmp_path / "cpu.max", text)) == expected


@pytest.mark.parametrize(("affinity", "quota", "expected"), [({0}, None, 1), ({0, 1, 2, 3}, "200000 100000", 2),
                                                             ({0, 1}, "max 100000", 2)])
def test_default_workers_follow_affinity_and_quota(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   affinity: set[int], quota: str | None, expected: int) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: affinity)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    cgroup = _write(tmp_path / "cpu.max", quota) if quota else tmp_path / "absent"
    assert cpus.available_cpus(cgroup) == expected


def test_the_cli_default_workers_is_the_available_cpus() -> None:
    help_text = CliRunner().invoke(_app(), ["run", "--help"], env={"COLUMNS": "200"}).output
    assert f"default: {cpus.available_cpus()}" in help_text.replace("[", " ").replace("]", " ")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_not_called_binary(tmp_path: Path, encoding: str) -> None:
    from vnfigures.read.inputs import read_file

    path = tmp_path / "story.txt"
    path.write_bytes(f"{VN}\nHà Nội, ngày 2/1.\n".encode(encoding))
    assert read_file(path, "story").raw == f"{VN}\nHà Nội, ngày 2/1.\n"


@pytest.mark.parametrize(("line", "message"), [
    (b'{"id": "a", "text": "unterminated', "line is not JSON: Unterminated string starting at: column 21"),
    (b"{broken", "line is not JSON: Expecting property name enclosed in double quotes: column 2"),
])
def test_jsonl_messages_read_well(line: bytes, message: str) -> None:
    from vnfigures.errors import InputError
    from vnfigures.read.inputs import parse_jsonl_line

    with pytest.raises(InputError) as caught:
        parse_jsonl_line(line, "in.jsonl:1")
    assert str(caught.value) == message and "at at" not in message


def test_one_size_limit_the_readers() -> None:
    """spaCy's own 1,000,000-character cap never fires first: --max-bytes is the one limit."""
    from vnfigures.nlp.language import build
    from vnfigures.read.inputs import DEFAULT_MAX_BYTES

    nlp = build(ner=False)
    assert nlp.max_length >= 1000 * DEFAULT_MAX_BYTES


def test_recycle_after_replaces_each_worker_after_n_articles(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {f"n{i:02d}.txt": f"{VN} #{i}" for i in range(12)})
    result = invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "2", "--recycle-after", "2"])
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    # 2 workers x 2 articles per pool: 3 pools, each with a worker of its own (without: at most 2)
    assert summary["written"] == 12 and len(summary["worker_peak_rss_mb"]) >= 12 // (2 * 2)
