"""`vnfig run` end to end: exit codes, stdin, workers, crashes, summary, progress, --db."""
from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from vnfigures.cli.run import parse_size, register
from vnfigures.runner.output import RunSummary
from vnfigures.runner.progress import LogProgress
from test_run_steps import FACTORY

VN = "Tỉnh Cà Mau trao 115 suất quà cho hộ nghèo và hỗ trợ 625 triệu đồng xây nhà đại đoàn kết."


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:
        """Keep `run` a subcommand, as in the real `vnfig` app."""

    return app


def invoke(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(_app(), ["run", *args, "--steps", FACTORY, "--no-progress"], input=stdin)


def _inputs(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_clean_run_exits_0_and_writes_the_summary(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN, "b.txt": VN, "c.html": f"<p>{VN}</p>"})
    result = invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "read 3, written 3, failed 0" in result.output
    assert sorted(r["id"] for r in _lines(tmp_path / "out.jsonl")) == ["a", "b", "c"]
    summary = RunSummary.model_validate_json((tmp_path / "out.summary.json").read_text())
    assert (summary.read, summary.written, summary.failed, summary.skipped) == (3, 3, 0, {})
    assert summary.articles_per_second > 0 and summary.seconds > 0
    assert (tmp_path / "out.failures.jsonl").read_text() == ""


def test_some_failures_exit_1(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN, "b.txt": "BOOM", "c.txt": ""})
    result = invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert result.exit_code == 1
    failures = _lines(tmp_path / "out.failures.jsonl")
    assert sorted((f["id"], f["step"]) for f in failures) == [("b", "figures"), ("c", "read")]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ([], "Missing argument"),
        (["nowhere.txt"], "no such file or folder"),
        (["{in}", "--max-bytes", "lots"], "not a size"),
        (["{in}", "--workers", "0"], "--workers"),
        (["{in}", "--engine", "spark"], "--engine"),
        (["{in}", "--scheduler", "tcp://h:8786"], "--scheduler needs --engine dask"),
        (["{in}", "--db", "mysql://x/y"], "unsupported database"),
        (["-", "-"], "only once"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], words: str) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN})
    args = [a.replace("{in}", str(folder)) for a in args]
    result = invoke([*args, "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert words in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_a_chain_that_cannot_be_built_is_a_usage_error(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN})
    result = CliRunner().invoke(_app(), ["run", str(folder), "-o", str(tmp_path / "out.jsonl"),
                                         "--steps", "no_such_module:steps", "--no-progress"])
    assert result.exit_code == 2
    assert "cannot build the steps 'no_such_module:steps': ModuleNotFoundError" in result.output


def test_an_empty_folder_runs_and_warns(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"notes.md": "not an input"})
    result = invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert result.exit_code == 0
    assert "read 0, written 0" in result.output and "no input articles found" in result.output


def test_stdin_jsonl(tmp_path: Path) -> None:
    stdin = "\n".join(json.dumps({"id": f"s{i}", "text": VN, "title": "T"}) for i in range(3)) + "\n"
    result = invoke(["-", "-o", str(tmp_path / "out.jsonl"), "--workers", "1"], stdin=stdin)
    assert result.exit_code == 0, result.output
    assert [(r["id"], r["title"]) for r in _lines(tmp_path / "out.jsonl")] == [("s0", "T"), ("s1", "T"), ("s2", "T")]


def test_two_workers_give_the_same_records_as_one(tmp_path: Path) -> None:
    texts = {f"n{i:02d}.txt": f"{VN} #{i}" for i in range(24)} | {"bad.txt": "BOOM", "page.html": "<nav>x</nav>"}
    folder = _inputs(tmp_path / "in", texts)
    for workers in ("1", "2"):
        result = invoke([str(folder), "-o", str(tmp_path / f"w{workers}.jsonl"), "--workers", workers])
        assert result.exit_code == 1
    by_id = lambda name: sorted(_lines(tmp_path / name), key=lambda r: r["id"])  # noqa: E731
    assert by_id("w1.jsonl") == by_id("w2.jsonl") and len(by_id("w2.jsonl")) == 24
    assert by_id("w1.failures.jsonl") == by_id("w2.failures.jsonl")
    summary = json.loads((tmp_path / "w2.summary.json").read_text())
    assert summary["workers"] == 2 and 1 <= len(summary["worker_peak_rss_mb"]) <= 2  # fast work: one may do all
    assert all(mb > 10 for mb in summary["worker_peak_rss_mb"].values())


def test_a_dying_worker_fails_its_article_and_the_run_goes_on(tmp_path: Path) -> None:
    texts = {f"n{i:02d}.txt": f"{VN} SLOW" for i in range(12)} | {"b.txt": "CRASH", "x.txt": "CRASH too"}
    folder = _inputs(tmp_path / "in", texts)
    result = invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "2"])
    assert result.exit_code == 1
    written = sorted(r["id"] for r in _lines(tmp_path / "out.jsonl"))
    failed = {r["id"]: r["error"] for r in _lines(tmp_path / "out.failures.jsonl")}
    assert failed == {"b": "WorkerCrashed", "x": "WorkerCrashed"}  # the others in flight were redone
    assert written == [f"n{i:02d}" for i in range(12)]
    summary = json.loads((tmp_path / "out.summary.json").read_text())
    assert summary["read"] == summary["written"] + summary["failed"] == 14


def test_no_ner_leaves_out_the_entity_step(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN})
    invoke([str(folder), "-o", str(tmp_path / "ner.jsonl"), "--workers", "1"])
    CliRunner().invoke(_app(), ["run", str(folder), "-o", str(tmp_path / "plain.jsonl"), "--workers", "1",
                                "--steps", FACTORY, "--no-ner"])
    assert _lines(tmp_path / "ner.jsonl")[0]["flags"] == ["ner"]
    assert _lines(tmp_path / "plain.jsonl")[0]["flags"] == []


def test_db_sink_receives_every_written_article(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN, "b.txt": VN, "c.txt": "BOOM"})
    db = tmp_path / "run.db"
    result = invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--db", f"sqlite:///{db}"])
    assert result.exit_code == 1
    with sqlite3.connect(db) as conn:
        assert sorted(row[0] for row in conn.execute("select id from articles")) == ["a", "b"]


def test_an_unopenable_db_is_a_usage_error(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", {"a.txt": VN})
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    target = f"sqlite:///{tmp_path / 'plain-file' / 'run.db'}"  # its parent is a file
    result = invoke([str(folder), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--db", target])
    assert result.exit_code == 2
    assert "cannot open the --db target" in result.output or "--db target failed" in result.output


def test_log_progress_prints_plain_lines() -> None:
    stream = io.StringIO()
    progress = LogProgress(10, stream, interval=0.0)
    progress.update(RunSummary(read=4, written=3, failed=1))
    line = stream.getvalue()
    assert line.startswith("vnfig run: 4/10 articles (3 written, 1 failed, 0 skipped)")
    assert "articles/s" in line and "s left" in line and "\x1b[" not in line


@pytest.mark.parametrize(("text", "size"), [("20MB", 20 * 1024**2), ("20M", 20 * 1024**2), ("1.5G", 1536 * 1024**2),
                                            ("512KiB", 512 * 1024), ("100", 100)])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size
