"""`vnfig extract`: one article's figures at a glance, from a file or standard input."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnfigures.cli import app

RUNNER = CliRunner()


def test_extract_seed_file_as_json(project_corpus: Path) -> None:
    result = RUNNER.invoke(app, ["extract", str(project_corpus / "seed-camau-police-poverty.txt"), "--no-ner", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["id"] == "seed-camau-police-poverty"
    assert [f["text"] for f in record["figures"]][1:3] == ["115 hộ nghèo", "trên 625 triệu đồng"]
    assert len(record["figures"]) == 13


def test_extract_table_from_stdin() -> None:
    result = RUNNER.invoke(app, ["extract", "-", "--no-ner"], input="Xã đã trao 144.000 phần quà cho người dân.\n")
    assert result.exit_code == 0, result.output
    assert "1 figures" in result.stdout and "gifts" in result.stdout and "144,000" in result.stdout


def test_extract_html_by_extension(tmp_path: Path) -> None:
    page = tmp_path / "list.html"
    page.write_text("\ufeff<!DOCTYPE html><html><body><ul><li><a href='/a'>Tin 1</a></li></ul></body></html>", "utf-8")
    result = RUNNER.invoke(app, ["extract", str(page), "--no-ner"])
    assert result.exit_code == 1
    assert "NoArticleFound" in result.output


def test_extract_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2


def test_extract_folder_points_to_run(project_corpus: Path) -> None:
    result = RUNNER.invoke(app, ["extract", str(project_corpus)])
    assert result.exit_code == 2
    assert "is a folder" in result.output and "vnfig run" in result.output


@pytest.mark.parametrize(("source", "stdin"), [("file", None), ("stdin", ""), ("stdin", "  \n\t\n")])
def test_empty_input_is_one_error_class(tmp_path: Path, source: str, stdin: str | None) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    args = [str(empty)] if source == "file" else ["-"]
    result = RUNNER.invoke(app, ["extract", *args, "--no-ner"], input=stdin)
    assert result.exit_code == 1
    assert "InputError: the input is empty" in result.output


def test_extract_shows_flags() -> None:
    english = "The province gave 1,500 low-income families are 625 million dong to build new houses this year."
    result = RUNNER.invoke(app, ["extract", "-", "--no-ner"], input=english)
    assert result.exit_code == 0, result.output
    assert "0 figures" in result.stdout and "flag not_vietnamese: the text is not Vietnamese" in result.stdout


@pytest.mark.parametrize("columns", ["60", "80", "100", "200"])
def test_figure_table_never_breaks_a_word(project_corpus: Path, columns: str) -> None:
    """Every word of every cell is printed whole, at any terminal width."""
    path = project_corpus / "seed-camau-police-poverty.txt"
    result = RUNNER.invoke(app, ["extract", str(path), "--no-ner"], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    record = json.loads(RUNNER.invoke(app, ["extract", str(path), "--no-ner", "--json"]).stdout)
    printed = set(re.split(r"[\s│┃,]+", result.stdout))
    words = {w for f in record["figures"] for cell in (f["text"], f["kind"], f["unit"], f["qualifier"], f["subject"])
             for w in cell.split()}
    assert words - printed == set()
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines())
