"""`vnfig report` on files a user may really have: a clear report or a clear error, no traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_report import parse, vnfig, write_records

TEXT = "Tỉnh Cà Mau trao 115 suất quà cho hộ nghèo và hỗ trợ 625 triệu đồng xây nhà."
FIGURES = [
    {"text": "115 suất quà", "start": 17, "end": 29, "kind": "gifts", "value": 115, "value_max": None,
     "unit": "gift", "qualifier": "exact", "subject": "quà", "modality": "actual", "per": None,
     "place": "Cà Mau", "province": "Cà Mau", "year": 2024, "year_max": None, "mention_of": None},
    {"text": "625 triệu đồng", "start": 53, "end": 67, "kind": "money", "value": 625000000, "value_max": None,
     "unit": "VND", "qualifier": "exact", "subject": "hỗ trợ", "modality": "target", "per": None,
     "place": "Cà Mau", "province": "Cà Mau", "year": 2024, "year_max": None, "mention_of": None},
]
FAILURE = {"id": "b", "input": "in/b.txt", "step": "read", "error": "EmptyInput", "message": "the file is empty"}
OLD_KEYS = ("place", "province", "year", "year_max", "mention_of")


def record(article_id: str = "a", figures: list[dict] | None = None, **extra: object) -> dict:
    return {"id": article_id, "source": f"{article_id}.txt", "url": None, "published": None, "title": "Tin",
            "text": TEXT, "figures": FIGURES if figures is None else figures, "entities": [], "flags": [],
            "pipeline_version": "0.1.0", **extra}


def report_of(tmp_path: Path, *extra_args: str) -> tuple[object, Path]:
    out = tmp_path / "report.html"
    result = vnfig("report", str(tmp_path / "out.jsonl"), "-o", str(out), *extra_args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result, out


def test_empty_output_gives_a_report_saying_so(tmp_path: Path) -> None:
    (tmp_path / "out.jsonl").write_text("", encoding="utf-8")
    result, out = report_of(tmp_path)
    assert result.exit_code == 0, result.output
    soup = parse(out)
    assert not soup.select("mark.fig[id]") and not soup.select("#fig-table tbody tr")
    assert "Không có bài nào (no articles)" in soup.select_one("#plot-per-article").get_text()
    assert "Không có số liệu nào (no figures)" in soup.select_one("#plot-kinds").get_text()


def test_a_run_with_only_failures_lists_each(tmp_path: Path) -> None:
    (tmp_path / "out.jsonl").write_text("", encoding="utf-8")
    failures = [FAILURE, {**FAILURE, "id": None, "input": "in/x.jsonl:3", "error": "BadJSONL", "message": "line 3 is not JSON"}]
    write_records(tmp_path / "out.failures.jsonl", failures)
    result, out = report_of(tmp_path)
    assert result.exit_code == 0 and "2 failures" in result.output
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in parse(out).select("#failures tr.failure")]
    assert sorted(rows) == [["b", "in/b.txt", "read", "the file is empty"], ["—", "in/x.jsonl:3", "read", "line 3 is not JSON"]]


def test_failure_lines_inside_the_output_are_failures(tmp_path: Path) -> None:
    write_records(tmp_path / "out.jsonl", [record(), FAILURE])
    result, out = report_of(tmp_path)
    assert result.exit_code == 0
    assert len(parse(out).select("#failures tr.failure")) == 1


@pytest.mark.parametrize("tail, message", [
    (b'{"id": "c", "text": "Tr', "cut short"),
    (b"\xff\xfe\x00garbage\n", "not UTF-8"),
    (b"not json at all\n", "not valid JSON"),
    (b"[1, 2]\n", "not an object"),
    (b'{"hello": 1}\n', "neither an article record"),
])
def test_unreadable_lines_are_listed_and_the_rest_reported(tmp_path: Path, tail: bytes, message: str) -> None:
    path = write_records(tmp_path / "out.jsonl", [record("a"), record("b")])
    path.write_bytes(path.read_bytes() + tail)
    result, out = report_of(tmp_path)
    assert result.exit_code == 0 and "1 unreadable lines" in result.output
    soup = parse(out)
    assert len(soup.select("article.art")) == 2 and len(soup.select("article mark.fig")) == 4
    problem = soup.select_one("#problems").get_text()
    assert "out.jsonl" in problem and "dòng 3" in problem and message in problem


def test_records_of_an_older_version_say_they_have_no_place_or_year(tmp_path: Path) -> None:
    old = record(figures=[{k: v for k, v in f.items() if k not in OLD_KEYS} for f in FIGURES], pipeline_version="0.0.9")
    del old["flags"], old["pipeline_version"]
    write_records(tmp_path / "out.jsonl", [old])
    result, out = report_of(tmp_path)
    assert result.exit_code == 0
    soup = parse(out)
    for plot in ("money-province", "households-province", "money-year", "households-year"):
        text = soup.select_one(f"#plot-{plot}").get_text()
        assert "no province/year data" in text and "no §8 fields" in text
    assert len(soup.select("article mark.fig")) == 2


@pytest.mark.parametrize("start, end", [(500, 520), (60, 40), (10, 30)])
def test_a_figure_with_bad_offsets_is_still_marked_once(tmp_path: Path, start: int, end: int) -> None:
    bad = {**FIGURES[0], "start": start, "end": end}
    write_records(tmp_path / "out.jsonl", [record(figures=[FIGURES[0], bad, FIGURES[1]])])
    result, out = report_of(tmp_path)
    assert result.exit_code == 0
    assert len(parse(out).select("article .text mark.fig")) == 3


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "is a folder"),
])
def test_a_missing_input_is_a_clear_error(tmp_path: Path, make, message: str) -> None:
    make(tmp_path / "out.jsonl")
    result, out = report_of(tmp_path)
    assert result.exit_code == 2 and message in result.output
    assert not out.exists()


def test_a_file_that_is_not_a_report_is_kept_unless_forced(tmp_path: Path) -> None:
    write_records(tmp_path / "out.jsonl", [record()])
    (tmp_path / "report.html").write_text("my notes", encoding="utf-8")
    result, out = report_of(tmp_path)
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "my notes"
    assert report_of(tmp_path, "--force")[0].exit_code == 0
    assert report_of(tmp_path)[0].exit_code == 0  # now a report: replaced without asking
    assert parse(out).select("article.art")


def test_the_report_never_replaces_the_run_files(tmp_path: Path) -> None:
    write_records(tmp_path / "out.jsonl", [record()])
    result = vnfig("report", str(tmp_path / "out.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--force")
    assert result.exit_code == 2 and "run's own files" in result.output
    assert json.loads((tmp_path / "out.jsonl").read_text("utf-8"))["id"] == "a"


def test_run_refuses_a_report_target_before_running(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "keep.html").write_text("mine", encoding="utf-8")
    result = vnfig("run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"), "--report",
                   str(tmp_path / "keep.html"), "--no-progress")
    assert result.exit_code == 2 and "not a vnfigures report" in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_a_large_run_shows_a_sample_and_says_so(tmp_path: Path) -> None:
    write_records(tmp_path / "out.jsonl", [record(f"a{i}") for i in range(25)])
    result, out = report_of(tmp_path, "--max-articles", "10", "--max-rows", "4")
    assert result.exit_code == 0 and "(9 shown)" in result.output
    soup = parse(out)
    assert [a["data-id"] for a in soup.select("article.art")] == [f"a{i}" for i in range(0, 25, 3)]
    assert "1 article in 3 is shown" in soup.select_one("#articles").get_text()
    assert "1 article in 3 is shown" in soup.select_one("#summary").get_text()
    assert len(soup.select("#fig-table tbody tr")) == 4
    assert "capped by --max-rows" in soup.select_one("#figures").get_text()
    assert "50" in soup.select_one("#summary .cards").get_text()  # all figures are still counted


def test_a_report_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    write_records(tmp_path / "out.jsonl", [record()])
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = vnfig("report", str(tmp_path / "out.jsonl"), "-o", str(tmp_path / "file" / "report.html"))
    assert result.exit_code == 2 and result.output.startswith("error: ") and "file" in result.output


@pytest.mark.parametrize("summary, card, shown", [
    ('{"read": 3, "written": 1, "failed": 1, "skipped": {"resume": 1}, "skipped_total": 1, "seconds": 2.5}',
     "bài đã ghi (written)", "1"),
    ('{"read": 5, "written": 4, "failed": 1, "skipped": {}, "skipped_total": 0, "seconds": 2.5}',
     "bài đã ghi (written)", "4 (tệp: 1)"),  # a summary that disagrees with the file: both shown
    ('{"read": 3, "written": 1, "failed": 1, "skipped": {}, "skipped_total": 0, "seconds": 12.25}',
     "thời gian chạy (run time)", "12,2 s"),
    ("not json", "bài đã đọc (read)", "?"),
])
def test_the_summary_file_is_read_and_checked_against_the_files(tmp_path: Path, summary: str, card: str, shown: str) -> None:
    write_records(tmp_path / "out.jsonl", [record()])
    write_records(tmp_path / "out.failures.jsonl", [FAILURE])
    (tmp_path / "out.summary.json").write_text(summary, encoding="utf-8")
    result, out = report_of(tmp_path)
    assert result.exit_code == 0
    cards = {c.select_one(".l").get_text(): c.select_one(".n").get_text() for c in parse(out).select(".card")}
    assert cards[card] == shown
    if summary == "not json":
        assert "out.summary.json" in parse(out).select_one("#problems").get_text()


def test_flags_and_near_duplicates_are_counted(tmp_path: Path) -> None:
    write_records(tmp_path / "out.jsonl", [record("a", flags=["not_vietnamese"]),
                                           record("b", duplicate_of="a", duplicates=2)])
    result, out = report_of(tmp_path)
    assert result.exit_code == 0
    flags = parse(out).select_one("#summary p.flags").get_text()
    assert "not_vietnamese: 1" in flags and "near-duplicates of an earlier article): 1" in flags


def test_a_report_that_fails_after_a_run_leaves_the_run_standing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = vnfig("run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"), "--workers", "1",
                   "--report", str(tmp_path / "file" / "report.html"), "--no-progress")
    assert result.exit_code == 0 and "report not written" in result.output
    assert json.loads((tmp_path / "out.jsonl").read_text("utf-8"))["id"] == "a"
