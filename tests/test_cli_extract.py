"""`vnfig extract`: one article's figures at a glance, from a file or standard input."""
from __future__ import annotations

import json
from pathlib import Path

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
