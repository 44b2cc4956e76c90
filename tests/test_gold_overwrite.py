"""`vnfig gold`: one id from two inputs is an error, and no gold file is replaced unasked (#14.1)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from vnfigures.cli import gold as gold_cli
from vnfigures.evaluate.gold import GoldArticle, load_gold
from vnfigures.evaluate.labelstudio import to_task
from vnfigures.schemas import Article

from test_cli_eval import GOLD

runner = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test app"""

    gold_cli.register(app)
    return app


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder like the bundled corpus: a gold `a.json` beside the article `a.txt` it annotates."""
    import vnfigures.api as api

    def fake_process(items, ner: bool = True):  # the real id of a .txt is its stem
        for item in items:
            yield Article(id=item.stem, text=item.read_text(encoding="utf-8"))

    monkeypatch.setattr(api, "process", fake_process)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.json").write_text(GOLD[0].to_json(), encoding="utf-8")
    (folder / "a.txt").write_text(GOLD[0].text, encoding="utf-8")
    return folder


def test_one_id_from_two_inputs_is_an_error(app, folder: Path, tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.json"
    result = runner.invoke(app, ["gold", "to-labelstudio", str(folder), "-o", str(tasks)])
    assert result.exit_code == 2
    assert str(folder / "a.json") in result.output and str(folder / "a.txt") in result.output
    assert not tasks.exists()


def _export(tmp_path: Path, articles: list[GoldArticle]) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([to_task(a) for a in articles], ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("extra", "exit_code", "count", "a_figures"), [
    ([], 1, 1, 1),               # a.json kept as it was, only b written
    (["--overwrite"], 0, 2, 3),  # asked: a.json replaced
])
def test_existing_gold_is_kept_unless_overwrite(app, tmp_path: Path, extra: list[str], exit_code: int,
                                                count: int, a_figures: int) -> None:
    out = tmp_path / "gold"
    out.mkdir()
    old = GOLD[0].model_copy(update={"figures": GOLD[0].figures[:1]})
    (out / "a.json").write_text(old.to_json(), encoding="utf-8")
    result = runner.invoke(app, ["gold", "from-labelstudio", str(_export(tmp_path, GOLD)), str(out), *extra])
    assert result.exit_code == exit_code, result.output
    assert f"{count} gold files written" in result.output
    assert len(load_gold(out / "a.json").figures) == a_figures
    assert (out / "b.json").exists()


def test_two_tasks_with_one_id_write_neither(app, tmp_path: Path) -> None:
    twin = GOLD[1].model_copy(update={"id": "a"})
    out = tmp_path / "gold"
    result = runner.invoke(app, ["gold", "from-labelstudio", str(_export(tmp_path, [GOLD[0], twin])), str(out)])
    assert result.exit_code == 1
    assert "0 gold files written" in result.output and "'a' is in 2 tasks" in result.output
    assert not (out / "a.json").exists()
