"""`vnfig eval` and `vnfig gold ...` through typer's CliRunner, on small hand-made gold files."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from vnfigures.cli import evaluate as eval_cli
from vnfigures.cli import gold as gold_cli
from vnfigures.evaluate import run
from vnfigures.evaluate.gold import GoldArticle
from vnfigures.schemas import Article, Figure, Qualifier

runner = CliRunner()

A_TEXT = "Xã đã hỗ trợ 115 hộ nghèo với tổng số tiền trên 625 triệu đồng. Năm nay sẽ xây 12 căn nhà."
B_TEXT = "Tỉnh trao 300 phần quà và 262 tấn gạo cho người dân."


def _fig(text: str, phrase: str, kind: str, value: str, unit: str, **extra: str) -> Figure:
    start = text.index(phrase)
    return Figure(text=phrase, start=start, end=start + len(phrase), kind=kind, value=Decimal(value), unit=unit, **extra)


GOLD = [
    GoldArticle(id="a", text=A_TEXT, figures=[
        _fig(A_TEXT, "115 hộ nghèo", "households", "115", "household", subject="hộ nghèo"),
        _fig(A_TEXT, "trên 625 triệu đồng", "money", "625000000", "VND", qualifier="more_than"),
        _fig(A_TEXT, "12 căn nhà", "houses", "12", "house", modality="target"),
    ]),
    GoldArticle(id="b", text=B_TEXT, figures=[
        _fig(B_TEXT, "300 phần quà", "gifts", "300", "gift"),
        _fig(B_TEXT, "262 tấn gạo", "mass", "262", "tonne"),
    ]),
]


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test app"""

    eval_cli.register(app)
    gold_cli.register(app)
    return app


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for article in GOLD:
        (folder / f"{article.id}.json").write_text(article.to_json(), encoding="utf-8")
    return folder


def _pred_file(tmp_path: Path, drop: int) -> Path:
    """Predictions equal to gold, minus the first `drop` figures of article a; qualifier lost on money."""
    lines = []
    for article in GOLD:
        figures = list(article.figures)
        if article.id == "a":
            figures = [f.model_copy(update={"qualifier": Qualifier.exact}) if f.kind.value == "money" else f for f in figures]
            figures = figures[drop:]
        lines.append(Article(id=article.id, text=article.text, figures=figures).model_dump_json())
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# (extra arguments, figures dropped, exit code, value F1, full F1)
GATES = [
    ([], 0, 0, 1.0, 0.8),
    (["--min-f1", "0.95"], 0, 0, 1.0, 0.8),
    (["--min-f1", "0.95"], 1, 1, 8 / 9, 6 / 9),
    (["--min-f1", "0.85"], 1, 0, 8 / 9, 6 / 9),
]


@pytest.mark.parametrize(("args", "drop", "code", "value_f1", "full_f1"), GATES)
def test_eval_pred_json_and_gate(app, gold_dir: Path, tmp_path: Path, args: list[str], drop: int, code: int,
                                 value_f1: float, full_f1: float) -> None:
    result = runner.invoke(app, ["eval", str(gold_dir), "--pred", str(_pred_file(tmp_path, drop)), "--json", *args])
    assert result.exit_code == code, result.output
    report = json.loads(result.stdout)
    assert report["value"]["overall"]["f1"] == pytest.approx(value_f1, abs=1e-4)
    assert report["full"]["overall"]["f1"] == pytest.approx(full_f1, abs=1e-4)
    assert report["value"]["per_kind"]["gifts"]["tp"] == 1


def test_eval_table_and_errors(app, gold_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(gold_dir), "--pred", str(_pred_file(tmp_path, 1)), "--errors"],
                           env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "overall" in out and "core" in out and "households" in out
    assert "FN   '115 hộ nghèo'" in out
    assert "Xã đã hỗ trợ 115 hộ nghèo với tổng số tiền trên 625 triệu đồng." in out
    assert "FULL 'trên 625 triệu đồng'" in out and "predicted exact/actual" in out


def test_eval_runs_pipeline_and_reports_bad_gold(app, gold_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (gold_dir / "broken.json").write_text('{"id": "c", "text": "x", "figures": [{"kind": "money"}]}', encoding="utf-8")
    calls: list[bool] = []

    def fake_predictor(ner: bool = False):
        calls.append(ner)
        return lambda gold: [f for f in gold.figures if f.kind.value != "mass"]

    monkeypatch.setattr(run, "pipeline_predictor", fake_predictor)
    result = runner.invoke(app, ["eval", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert calls == [False]
    assert report["value"]["overall"]["tp"] == 4 and report["value"]["overall"]["fn"] == 1
    assert {(Path(p["path"]).name, p["field"]) for p in report["gold_problems"]} >= {("broken.json", "figures.0.text")}


def test_write_baseline(app, gold_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    result = runner.invoke(app, ["eval", str(gold_dir), "--pred", str(_pred_file(tmp_path, 1)), "--json",
                                 "--write-baseline", str(target)])
    assert result.exit_code == 0, result.output
    baseline = json.loads(target.read_text(encoding="utf-8"))
    assert baseline["gold_files"] == 2 and len(baseline["corpus_sha256"]) == 64
    assert baseline["scores"]["value_f1"] == pytest.approx(8 / 9, abs=1e-4)
    assert baseline["scores"]["kind.households.value_f1"] == 0.0


def _write_baseline(app, gold_dir: Path, tmp_path: Path, target: Path, drop: int, *extra: str):
    """`vnfig eval --write-baseline` on predictions missing `drop` figures (fewer is better)."""
    folder = tmp_path / f"pred-{len(list(tmp_path.glob('pred-*')))}"
    folder.mkdir()
    pred = _pred_file(folder, drop)
    return runner.invoke(app, ["eval", str(gold_dir), "--pred", str(pred), "--json",
                               "--write-baseline", str(target), *extra])


# (figures dropped by the first refresh, by the second, extra arguments, exit code, written again)
REFRESHES = [
    (1, 1, (), 0, True),                          # same scores: no floor moves
    (1, 0, (), 0, True),                          # better scores raise the floors
    (0, 1, (), 1, False),                         # worse scores: refused, the file is kept
    (0, 1, ("--allow-regression",), 0, True),     # unless asked
]


@pytest.mark.parametrize(("first", "second", "extra", "code", "written"), REFRESHES)
def test_write_baseline_never_lowers_a_floor_unasked(app, gold_dir: Path, tmp_path: Path, first: int,
                                                     second: int, extra: tuple[str, ...], code: int,
                                                     written: bool) -> None:
    target = tmp_path / "baseline.json"
    assert _write_baseline(app, gold_dir, tmp_path, target, first).exit_code == 0
    before = target.read_text(encoding="utf-8")
    result = _write_baseline(app, gold_dir, tmp_path, target, second, *extra)
    assert result.exit_code == code, result.output
    after = json.loads(target.read_text(encoding="utf-8"))
    expected_f1 = {0: 1.0, 1: 8 / 9}[second if written else first]
    assert after["scores"]["value_f1"] == pytest.approx(expected_f1, abs=1e-4)
    if not written:
        assert target.read_text(encoding="utf-8") == before
        assert "value_f1" in result.stderr and "--allow-regression" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["baseline.json"]  # no temp left


def test_write_baseline_refuses_to_replace_a_file_that_is_not_a_baseline(app, gold_dir: Path,
                                                                         tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_text("my notes, not a baseline\n", encoding="utf-8")
    result = _write_baseline(app, gold_dir, tmp_path, target, 1)
    assert result.exit_code == 1 and "not a readable baseline" in result.stderr
    assert target.read_text(encoding="utf-8") == "my notes, not a baseline\n"


def test_an_interrupted_write_leaves_the_old_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnfigures.evaluate import baseline as baseline_module

    target = tmp_path / "baseline.json"
    baseline_module.write_baseline(target, {"scores": {"value_f1": 0.5}})

    def crash(src: str, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(baseline_module.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        baseline_module.write_baseline(target, {"scores": {"value_f1": 0.9}})
    assert json.loads(target.read_text(encoding="utf-8")) == {"scores": {"value_f1": 0.5}}
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]


def test_gold_round_trip_cli(app, gold_dir: Path, tmp_path: Path) -> None:
    tasks, config, back = tmp_path / "tasks.json", tmp_path / "config.xml", tmp_path / "back"
    result = runner.invoke(app, ["gold", "to-labelstudio", str(gold_dir), "-o", str(tasks), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "<Labels" in config.read_text(encoding="utf-8")
    result = runner.invoke(app, ["gold", "from-labelstudio", str(tasks), str(back)])
    assert result.exit_code == 0, result.output
    for article in GOLD:
        assert GoldArticle.model_validate_json((back / f"{article.id}.json").read_text(encoding="utf-8")) == article
    assert runner.invoke(app, ["gold", "check", str(back)]).exit_code == 0


def test_from_labelstudio_reports_offset_mismatch(app, gold_dir: Path, tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.json"
    runner.invoke(app, ["gold", "to-labelstudio", str(gold_dir), "-o", str(tasks)])
    data = json.loads(tasks.read_text(encoding="utf-8"))
    data[0]["predictions"][0]["result"][0]["value"]["start"] += 2
    tasks.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["gold", "from-labelstudio", str(tasks), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "region f0: text[" in result.output and "but the region says '115 hộ nghèo'" in result.output
    assert (tmp_path / "out" / "b.json").exists() and not (tmp_path / "out" / "a.json").exists()


def test_gold_check_fails_on_bad_file(app, gold_dir: Path) -> None:
    (gold_dir / "bad.json").write_text(json.dumps({"id": "z", "text": "3 hộ", "figures": [
        {"text": "3 hộ", "start": 0, "end": 4, "kind": "households", "value": 3, "unit": "person"}]}), encoding="utf-8")
    result = runner.invoke(app, ["gold", "check", str(gold_dir)])
    assert result.exit_code == 1
    assert "bad.json: figures.0:" in result.output and "not a canonical unit" in result.output


def test_json_errors_and_duplicate_prediction(app, gold_dir: Path, tmp_path: Path) -> None:
    pred = _pred_file(tmp_path, 1)
    pred.write_text(pred.read_text(encoding="utf-8") + pred.read_text(encoding="utf-8").splitlines()[1] + "\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold_dir), "--pred", str(pred), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [(e["article"], e["error"], e["text"]) for e in report["errors"]] == [
        ("a", "FN", "115 hộ nghèo"), ("a", "FULL", "trên 625 triệu đồng")]
    assert report["errors"][1]["note"] == "predicted exact/actual"
    assert report["errors"][0]["sentence"].startswith("Xã đã hỗ trợ 115 hộ nghèo")
    assert any("id 'b' appears again" in p for p in report["prediction_problems"])


def test_to_labelstudio_runs_pipeline_on_plain_articles(app, gold_dir: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain articles go through `vnfigures.process`; gold files keep their figures unless --rerun."""
    import vnfigures.api as api

    seen: list[object] = []

    def fake_process(items, ner: bool = True):
        for item in items:
            seen.append(item)
            yield Article(id="plain", text=B_TEXT, figures=GOLD[1].figures[:1])

    monkeypatch.setattr(api, "process", fake_process)
    monkeypatch.setattr(api, "extract", lambda text, id=None, ner=True: Article(id=id, text=text, figures=[]))
    article = tmp_path / "plain.txt"
    article.write_text(B_TEXT, encoding="utf-8")
    tasks = tmp_path / "tasks.json"
    for extra, gold_regions in (([], 3), (["--rerun"], 0)):
        seen.clear()
        result = runner.invoke(app, ["gold", "to-labelstudio", str(gold_dir / "a.json"), str(article), "-o", str(tasks), *extra])
        assert result.exit_code == 0, result.output
        written = json.loads(tasks.read_text(encoding="utf-8"))
        assert seen == [article]
        assert [t["data"]["id"] for t in written] == ["a", "plain"]
        assert sum(r["from_name"] == "kind" for r in written[0]["predictions"][0]["result"]) == gold_regions
        assert sum(r["from_name"] == "kind" for r in written[1]["predictions"][0]["result"]) == 1


def test_to_labelstudio_skips_bad_jsonl_lines_and_goes_on(app, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A JSONL of articles is read like `vnfig run` reads it: a bad line is reported, not a crash."""
    import vnfigures.api as api

    seen: list[object] = []

    def fake_process(items, ner: bool = True):
        for item in items:
            seen.append(item)
            yield Article(id=item.id, text=B_TEXT, figures=GOLD[1].figures[:1])

    monkeypatch.setattr(api, "process", fake_process)
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "ok", "text": B_TEXT}, ensure_ascii=False) + "\n{not json\n",
                        encoding="utf-8")
    tasks = tmp_path / "tasks.json"
    result = runner.invoke(app, ["gold", "to-labelstudio", str(articles), "-o", str(tasks)])
    assert result.exit_code == 0, result.output
    assert [a.id for a in seen] == ["ok"]
    assert f"skipped: {articles}:2: InputError: line is not JSON" in result.stderr
    assert [t["data"]["id"] for t in json.loads(tasks.read_text(encoding="utf-8"))] == ["ok"]


def test_score_dir_in_a_notebook(gold_dir: Path) -> None:
    """`score_dir` with a plain function of the gold article, and the error records it gives."""
    result = run.score_dir(gold_dir, predict=lambda gold: gold.figures[1:])
    assert (result.scores.overall("value").tp, result.scores.overall("value").fn) == (3, 2)
    assert [(e["article"], e["error"], e["text"]) for e in result.errors()] == [
        ("a", "FN", "115 hộ nghèo"), ("b", "FN", "300 phần quà")]


def test_eval_raw_runs_the_pipeline_on_raw_pages(app, gold_dir: Path, tmp_path: Path) -> None:
    """`--raw`: each gold article's raw page, furniture included, read as `vnfig run` reads it;
    a gold article without a page is unpredicted, and says why."""
    pages = tmp_path / "raw"
    pages.mkdir()
    (pages / "a.txt").write_text("Trang chủ\nThời sự\n\nHỗ trợ hộ nghèo\n\n" + A_TEXT + "\n\nBình luận\n",
                                 encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold_dir), "--raw", str(pages), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["value"]["per_kind"]["households"]["tp"] == 1
    assert report["value"]["per_kind"]["money"]["tp"] == 1
    assert list(report["prediction_failures"]) == ["b"]
    assert "no raw page b" in report["prediction_failures"]["b"]


@pytest.mark.parametrize("extra", [["--pred", "PRED"], ["--lopo"], ["--write-baseline", "BASE"]])
def test_eval_raw_refuses_what_it_cannot_do(app, gold_dir: Path, tmp_path: Path, extra: list[str]) -> None:
    args = [str(_pred_file(tmp_path, 0)) if a == "PRED" else str(tmp_path / "b.json") if a == "BASE" else a
            for a in extra]
    result = runner.invoke(app, ["eval", str(gold_dir), "--raw", str(tmp_path), *args])
    assert result.exit_code == 2
    assert "--raw" in result.output
    assert not (tmp_path / "b.json").exists()
