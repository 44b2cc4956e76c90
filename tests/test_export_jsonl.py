"""From a run's JSONL output to a target: exact parsing, bad lines, and `vnfig export`."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from vnfigures.cli import export as export_cli
from vnfigures.export import export_jsonl, parse_record, read_records, read_target
from vnfigures.schemas import Article, Failure

from test_export_samples import db_url, pg_url, sample_articles  # noqa: F401 - fixtures


def write_jsonl(path: Path, articles: list[Article], extra: list[str] = ()) -> Path:
    """The run's output format: one `model_dump_json()` line per article."""
    lines = [a.model_dump_json() for a in articles] + list(extra)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def output(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "out.jsonl", sample_articles())


@pytest.mark.parametrize(("number", "value"), [
    ("0.1", "0.1"), ("12.5", "12.5"), ("0.000001", "0.000001"), ("1e-06", "0.000001"),
    ("123456789012345678", "123456789012345678"), ("2500000000", "2500000000"),
])
def test_values_are_read_as_exact_decimals(number: str, value: str) -> None:
    line = ('{"id": "a", "text": "1 x", "figures": [{"text": "1 x", "start": 0, "end": 3, "kind": "other", '
            f'"value": {number}, "unit": "item"}}]}}')
    article = parse_record(line, origin="out.jsonl:1")
    assert isinstance(article, Article) and article.origin == "out.jsonl:1"
    assert article.figures[0].value == Decimal(value) and isinstance(article.figures[0].value, Decimal)


def test_output_lines_read_back_equal(output: Path) -> None:
    articles = list(read_records(output))
    assert [a.origin for a in articles] == [f"{output}:{n}" for n in range(1, 5)]
    assert [a.model_copy(update={"origin": None}) for a in articles] == sample_articles()


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not JSON"),
    ('["a list"]', "not an object"),
    ('{"id": "b", "text": "abc", "figures": [{"text": "zz", "start": 0, "end": 2, "kind": "houses", '
     '"value": 1, "unit": "house"}]}', "not an article record"),
    ('{"id": "c", "text": "5 kg", "figures": [{"text": "5 kg", "start": 0, "end": 4, "kind": "mass", '
     '"value": 5, "unit": "kg"}]}', "figures.0"),
])
def test_bad_lines_become_failures(line: str, message: str) -> None:
    failure = parse_record(line, origin="out.jsonl:7")
    assert isinstance(failure, Failure)
    assert failure.input == "out.jsonl:7" and failure.step == "read" and message in failure.message


def test_export_skips_bad_lines_and_keeps_going(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "out.jsonl", sample_articles()[:2], extra=["{oops", ""])
    path.write_text(path.read_text(encoding="utf-8") + sample_articles()[3].model_dump_json() + "\n", encoding="utf-8")
    report = export_jsonl(path, f"sqlite:///{tmp_path / 'f.db'}")
    assert (report.articles, report.figures, report.entities) == (3, 12, 2)
    assert [(f.input, f.error) for f in report.failures] == [(f"{path}:3", "InputError")]


def test_export_then_read_back(output: Path, db_url: str) -> None:
    report = export_jsonl(output, db_url)
    assert (report.articles, report.figures, report.entities, report.failures) == (4, 14, 2, [])
    assert read_target(db_url) == sample_articles()


def test_export_to_parquet(output: Path, tmp_path: Path) -> None:
    target = str(tmp_path / "f.parquet")
    export_jsonl(output, target)
    assert read_target(target) == sample_articles()


# --- vnfig export ---------------------------------------------------------------------------

def cli() -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)
    export_cli.register(app)
    return app


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_export_twice_is_idempotent(output: Path, db_url: str) -> None:
    for _ in range(2):
        code, out, _err = run("export", str(output), "--to", db_url, "--batch-size", "2")
        assert code == 0 and "exported 4 articles (14 figures, 2 entities)" in out
    assert read_target(db_url) == sample_articles()


def test_cli_export_reports_skipped_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "out.jsonl", sample_articles()[:1], extra=["{oops"])
    code, out, err = run("export", str(path), "--to", str(tmp_path / "f.parquet"))
    assert code == 1 and "1 skipped" in out
    assert Failure.model_validate_json(err.strip()).input == f"{path}:2"


@pytest.mark.parametrize(("args", "message"), [
    (["--to", "mysql://me@host/db"], "unsupported database"),
    (["--to", "figures.csv"], "cannot tell what"),
    (["--to", "postgresql://nobody:secret@127.0.0.1:1/none"], "cannot export to postgresql://nobody:***@127.0.0.1:1/none"),
])
def test_cli_export_refuses_unusable_targets(output: Path, args: list[str], message: str) -> None:
    code, _out, err = run("export", str(output), *args)
    assert code == 2 and message in err and "secret" not in err


def test_cli_export_missing_input(tmp_path: Path) -> None:
    code, _out, err = run("export", str(tmp_path / "none.jsonl"), "--to", str(tmp_path / "f.parquet"))
    assert code == 2 and "no such file" in err
