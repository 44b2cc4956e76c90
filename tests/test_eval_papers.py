"""Scores per source paper and leave-one-paper-out (`vnfig eval`, `vnfigures.evaluate.papers`)."""
from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from vnfigures.cli import evaluate as eval_cli
from vnfigures.evaluate import run
from vnfigures.evaluate.gold import GoldArticle, GoldSet
from vnfigures.evaluate.papers import by_paper, leave_one_paper_out, paper_of, pooled
from vnfigures.schemas import Figure

runner = CliRunner()


def _gold(id: str, text: str, *phrases: tuple[str, str, str, str]) -> GoldArticle:
    figures = []
    for phrase, kind, value, unit in phrases:
        start = text.index(phrase)
        figures.append(Figure(text=phrase, start=start, end=start + len(phrase), kind=kind,
                              value=Decimal(value), unit=unit))
    return GoldArticle(id=id, text=text, figures=figures)


GOLD = [
    _gold("baomoi_1", "Xã hỗ trợ 115 hộ nghèo.", ("115 hộ nghèo", "households", "115", "household")),
    _gold("baomoi_2", "Tỉnh trao 300 phần quà.", ("300 phần quà", "gifts", "300", "gift")),
    _gold("dantri_7", "Giá vàng tăng 2%.", ("2%", "percent", "2", "percent")),
    _gold("seed-one", "Có 12 căn nhà.", ("12 căn nhà", "houses", "12", "house")),
]


@pytest.mark.parametrize(("article_id", "paper"), [
    ("baomoi_10", "baomoi"), ("vnexpress_201", "vnexpress"), ("hanoimoi_201", "hanoimoi"),
    ("seed-camau-police-poverty", "seed-camau-police-poverty"), ("a_b_c", "a"),
])
def test_paper_of(article_id: str, paper: str) -> None:
    assert paper_of(article_id) == paper


def _memorizer(train: Sequence[GoldArticle]):
    """A 'model' that predicts only figures whose text it saw in training: fitted on gold."""
    seen = {f.text for a in train for f in a.figures}
    return lambda gold: [f for f in gold.figures if f.text in seen]


def test_leave_one_paper_out_never_trains_on_the_held_out_paper() -> None:
    doubled = GOLD + [_gold("dantri_8", "Có 115 hộ nghèo.", ("115 hộ nghèo", "households", "115", "household"))]
    results = leave_one_paper_out(GoldSet(articles=doubled), _memorizer)
    got = {r.paper: (r.train_articles, r.evaluation.scores.overall("value")) for r in results}
    assert {p: (n, c.tp, c.fn) for p, (n, c) in got.items()} == {
        "baomoi": (3, 1, 1),   # `115 hộ nghèo` is also in dantri_8, `300 phần quà` only in baomoi
        "dantri": (3, 1, 1),   # dantri_8's figure is known from baomoi_1, dantri_7's is not
        "seed-one": (4, 0, 1),
    }
    assert pooled(results).overall("value").tp == 2


def test_by_paper_groups_articles() -> None:
    evaluation = run.evaluate(GoldSet(articles=GOLD), {g.id: run.as_scored(g, g.figures) for g in GOLD[:3]})
    groups = by_paper(evaluation.scores)
    assert list(groups) == ["baomoi", "dantri", "seed-one"]
    assert [len(g.articles) for g in groups.values()] == [2, 1, 1]
    assert groups["seed-one"].overall("value").fn == 1 and groups["baomoi"].overall("value").tp == 2


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    """`vnfig eval` with the pipeline replaced by one that misses every houses figure."""
    monkeypatch.setattr(run, "pipeline_predictor",
                        lambda ner=False: lambda gold: [f for f in gold.figures if f.kind.value != "houses"])
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test app"""

    eval_cli.register(app)
    return app


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    for article in GOLD:
        (tmp_path / f"{article.id}.json").write_text(article.to_json(), encoding="utf-8")
    return tmp_path


def test_json_reports_per_paper_and_leave_one_out(app, gold_dir: Path) -> None:
    result = runner.invoke(app, ["eval", str(gold_dir), "--json", "--leave-one-paper-out"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    per_paper = report["per_paper"]
    assert {p: (v["articles"], v["value"]["overall"]["f1"]) for p, v in per_paper.items()} == {
        "baomoi": (2, 1.0), "dantri": (1, 1.0), "seed-one": (1, 0.0)}
    held = report["leave_one_paper_out"]
    assert held["trained"] is False and "rules only" in held["note"]
    assert held["per_paper"]["baomoi"]["train_articles"] == 2
    assert {p: v["full"]["overall"] for p, v in held["per_paper"].items()} == {
        p: v["full"]["overall"] for p, v in per_paper.items()}
    assert held["pooled"]["value"]["overall"]["tp"] == 3


def test_table_has_a_row_per_paper(app, gold_dir: Path) -> None:
    result = runner.invoke(app, ["eval", str(gold_dir), "--lopo"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Per paper" in out and "Leave one paper out" in out and "(pooled)" in out
    rows = [line.split() for line in out.splitlines() if line.startswith(("baomoi", "seed-one"))]
    assert [r[:4] for r in rows] == [["baomoi", "2", "2", "2"], ["seed-one", "1", "1", "0"]] * 2


def test_leave_one_out_refuses_saved_predictions(app, gold_dir: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold_dir), "--pred", str(pred), "--lopo"])
    assert result.exit_code == 2 and "cannot refit" in result.output
