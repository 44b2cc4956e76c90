"""The Dask engine gives the same records and accounting as the local engine."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vnfigures.runner.batch import RunOptions, run_batch
from vnfigures.runner.dask_engine import process_partition, read_part
from vnfigures.read.inputs import iter_inputs
from vnfigures.runner.output import OutputPaths
from vnfigures.runner.worker import StepsSpec
from test_run_steps import FACTORY

pytestmark = pytest.mark.slow  # whole corpora / worker processes: CI runs it, `-m 'not slow'` skips

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
SHARED_TEXTS = ("baomoi_10.txt", "dantri_1.txt", "baomoi_1.txt")
SHARED_PAGES = ("baochinhphu_2.html",)  # a section list: NoArticleFound


def _inputs(folder: Path) -> Path:
    """The project corpus, a few shared raw texts and pages, and one unreadable input."""
    folder.mkdir()
    for path in sorted((REPO / "corpus").glob("*.txt")):
        shutil.copy(path, folder)
    if SHARED.is_dir():
        for name in SHARED_TEXTS:
            shutil.copy(SHARED / "raw" / "text" / name, folder)
        for name in SHARED_PAGES:
            shutil.copy(SHARED / "raw" / "html" / name, folder)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _sorted_lines(path: Path) -> list[str]:
    return sorted(path.read_text("utf-8").splitlines())


def test_dask_records_are_identical_to_local_ones(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    summaries = {}
    for engine in ("local", "dask"):
        options = RunOptions(output=tmp_path / f"{engine}.jsonl", workers=2, engine=engine, progress=False)
        summaries[engine] = run_batch([str(folder)], options)
    local, dask = OutputPaths(tmp_path / "local.jsonl"), OutputPaths(tmp_path / "dask.jsonl")
    local_lines, dask_lines = _sorted_lines(local.output), _sorted_lines(dask.output)
    differing = [(a[:200], b[:200]) for a, b in zip(local_lines, dask_lines, strict=False) if a != b]
    assert local_lines == dask_lines, differing[:1]
    assert _sorted_lines(local.failures) == _sorted_lines(dask.failures)
    counts = {e: (s.read, s.written, s.failed, s.skipped) for e, s in summaries.items()}
    assert counts["local"] == counts["dask"] and counts["dask"][2] >= 1
    assert summaries["dask"].engine == "dask" and 1 <= len(summaries["dask"].worker_peak_rss_mb) <= 2
    assert not dask.parts.exists()  # every partition was merged and removed
    written = [json.loads(line) for line in _sorted_lines(dask.output)]
    assert any(record["figures"] for record in written)


def test_a_partition_is_written_whole_then_merged(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"p{i}", "text": "BOOM" if i == 1 else f"Có {i} hộ"})
                                for i in range(3)) + "\nnot json\n", encoding="utf-8")
    records = list(iter_inputs([str(source)]))
    result = process_partition(7, records, StepsSpec(FACTORY, ner=False), str(tmp_path / "parts"))
    assert sorted(p.name for p in (tmp_path / "parts").iterdir()) == ["part-00007.failures.jsonl", "part-00007.jsonl"]
    outcomes = list(read_part(result))
    assert [(o.kind, json.loads(o.line)["id"]) for o in outcomes] == [
        ("article", "p0"), ("article", "p2"), ("failure", "p1"), ("failure", None)]
    assert not list((tmp_path / "parts").iterdir())


def test_scheduler_address_connects_to_an_existing_cluster(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"s{i}", "text": f"Có {i} hộ"}) for i in range(20)) + "\n",
                      encoding="utf-8")
    # threads in this process, so the workers can import this test's tiny steps
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as cluster:
        options = RunOptions(output=tmp_path / "out.jsonl", engine="dask", scheduler=cluster.scheduler_address,
                             steps=FACTORY, ner=False, progress=False)
        summary = run_batch([str(source)], options)
    assert (summary.read, summary.written, summary.workers) == (20, 20, 2)
    assert sorted(json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()) == sorted(
        f"s{i}" for i in range(20))


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    import dask
    import typer
    from typer.testing import CliRunner

    from vnfigures.cli.run import register

    app = typer.Typer()
    register(app)
    app.callback()(lambda: None)
    source = tmp_path / "a.txt"
    source.write_text("Có 5 hộ nghèo.", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(app, ["run", str(source), "-o", str(tmp_path / "out.jsonl"), "--engine", "dask",
                                          "--scheduler", "tcp://127.0.0.1:9", "--no-progress"])
    assert result.exit_code == 2
    assert "cannot start the dask engine" in result.output


def test_an_article_that_kills_its_dask_worker_fails_alone(tmp_path: Path) -> None:
    import dask

    source = tmp_path / "in.jsonl"
    texts = ["Có 1 hộ", "CRASH", "Có 3 hộ", "Có 4 hộ", "Có 5 hộ"]
    source.write_text("\n".join(json.dumps({"id": f"k{i}", "text": t}) for i, t in enumerate(texts)) + "\n",
                      encoding="utf-8")
    tests = str(Path(__file__).resolve().parent)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", env={"PYTHONPATH": tests},
    ) as cluster:
        options = RunOptions(output=tmp_path / "out.jsonl", engine="dask", scheduler=cluster.scheduler_address,
                             steps=FACTORY, ner=False, progress=False)
        summary = run_batch([str(source)], options)
    paths = OutputPaths(tmp_path / "out.jsonl")
    assert sorted(json.loads(line)["id"] for line in paths.output.read_text().splitlines()) == ["k0", "k2", "k3", "k4"]
    [failure] = [json.loads(line) for line in paths.failures.read_text().splitlines()]
    assert (failure["id"], failure["step"], failure["error"]) == ("k1", "worker", "KilledWorker")
    assert (summary.read, summary.written, summary.failed) == (5, 4, 1)


def test_dask_resume_skips_what_was_written_and_clears_stale_parts(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"r{i}", "text": f"Có {i} hộ"}) for i in range(12)) + "\n",
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    paths = OutputPaths(out)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as cluster:
        options = RunOptions(output=out, engine="dask", scheduler=cluster.scheduler_address, steps=FACTORY,
                             ner=False, progress=False)
        run_batch([str(source)], options)
        lines = paths.output.read_text("utf-8").splitlines(keepends=True)
        paths.output.write_text("".join(lines[:5]) + lines[5][:10], encoding="utf-8")  # killed mid-line
        paths.parts.mkdir()
        (paths.parts / "part-00003.jsonl").write_text('{"id": "stale"}\n', encoding="utf-8")
        summary = run_batch([str(source)], RunOptions(**{**options.__dict__, "resume": True}))
    assert summary.skipped == {"resume": 5} and summary.written == 7
    ids = [json.loads(line)["id"] for line in paths.output.read_text("utf-8").splitlines()]
    assert sorted(ids) == sorted(f"r{i}" for i in range(12))
    assert not paths.parts.exists()
