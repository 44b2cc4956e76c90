"""The report in a real browser: headless Chromium runs its script without error, shows the
summary and the plots, and its filters find what they should.

Skips when Chromium is absent, except in CI (`.ci/run` installs it and sets
VNFIG_REQUIRE_CHROMIUM=1), where a missing browser fails.
"""
from __future__ import annotations

import os
import struct
import unicodedata
import zlib
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from test_report import vnfig
from vnfigures.report.browser import dump_dom, find_chromium, screenshot


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        if os.environ.get("VNFIG_REQUIRE_CHROMIUM"):
            pytest.fail("chromium is required here (VNFIG_REQUIRE_CHROMIUM is set) but not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory, project_corpus: Path) -> Path:
    out = tmp_path_factory.mktemp("browser")
    result = vnfig("run", str(project_corpus), "-o", str(out / "out.jsonl"), "--workers", "1", "--no-progress",
                   "--report", str(out / "report.html"))
    assert result.exit_code == 0, result.output
    return out / "report.html"


def _dom(report: Path, **query: str) -> BeautifulSoup:
    return BeautifulSoup(dump_dom(report, urlencode(query)), "lxml")


def _fold(text: str) -> str:
    """What the page script does to search text: no tone marks, đ as d, lower case."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").lower()


def test_page_loads_with_no_script_error_and_shows_summary_and_plots(chromium: str, report: Path) -> None:
    dom = _dom(report)
    assert dom.html["data-ready"] == "ok", dom.select_one("#script-errors").get_text()
    assert dom.select_one("#script-errors").get_text() == ""
    assert dom.select_one("#summary .cards .card") is not None
    assert len(dom.select("#plots figure.plot svg.chart rect")) > 0
    rows = dom.select("#fig-table tbody tr")
    assert dom.select_one("#shown").get_text() == str(len(rows))


@pytest.mark.parametrize("query", [
    {"kind": "money"},
    {"kind": "households", "modality": "target"},
    {"modality": "actual"},
    {"province": "-"},
    {"q": "ho ngheo"},          # without tone marks, finds "hộ nghèo"
    {"q": "TRIỆU   đồng"},
    {"kind": "money", "q": "625"},
    {"q": "no such words"},
])
def test_filters_in_the_browser_find_what_they_should(chromium: str, report: Path, query: dict[str, str]) -> None:
    dom = _dom(report, **query)
    assert dom.html["data-ready"] == "ok"
    rows = dom.select("#fig-table tbody tr")
    words = _fold(query.get("q", "")).split()

    def wanted(row) -> bool:
        if query.get("kind") and row["data-kind"] != query["kind"]:
            return False
        if query.get("modality") and row["data-modality"] != query["modality"]:
            return False
        if query.get("province") == "-" and row["data-province"]:
            return False
        return all(w in _fold(row.get_text()) for w in words)

    expected = [row for row in rows if wanted(row)]
    visible = [row for row in rows if not row.has_attr("hidden")]
    assert visible == expected
    assert dom.select_one("#shown").get_text() == str(len(expected))
    if query == {"kind": "money"}:
        assert len(expected) == 2


def test_screenshot_of_the_report(chromium: str, report: Path, tmp_path: Path) -> None:
    png = screenshot(report, tmp_path / "report.png", 1000, 700)
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1000, 700)


@pytest.mark.parametrize("fragment", ["a0", "articles"])
def test_a_screenshot_at_an_anchor_is_not_the_top_of_the_page(chromium: str, report: Path, tmp_path: Path,
                                                             fragment: str) -> None:
    top = screenshot(report, tmp_path / "top.png", 1000, 700)
    anchored = screenshot(report, tmp_path / f"{fragment}.png", 1000, 700, fragment=fragment)
    assert struct.unpack(">II", anchored.read_bytes()[16:24]) == (1000, 700)
    assert anchored.read_bytes() != top.read_bytes()
    assert len(_pixel_bytes(anchored)) > 50  # text was painted, not an empty background


def _pixel_bytes(png: Path) -> set[int]:
    """The distinct byte values of a PNG's decoded image data: a handful for a blank picture."""
    data, pos, raw = png.read_bytes(), 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            raw += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return set(zlib.decompress(raw))


def test_a_script_error_shows_in_the_page(chromium: str, report: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(report.read_text(encoding="utf-8").replace('id="fig-table"', 'id="gone"'), encoding="utf-8")
    dom = _dom(broken)
    assert dom.html["data-ready"] == "error"
    assert dom.select_one("#script-errors").get_text().strip()


@pytest.mark.parametrize("sort, descending", [("value", False), ("-value", True)])
def test_sorting_from_the_address(chromium: str, report: Path, sort: str, descending: bool) -> None:
    dom = _dom(report, sort=sort)
    values = [float(row.find_all("td")[1]["data-sort"]) for row in dom.select("#fig-table tbody tr")]
    assert len(values) > 2 and values == sorted(values, reverse=descending)
    assert dom.select_one('th[data-key="value"]')["aria-sort"] == ("descending" if descending else "ascending")


def test_an_empty_report_runs_its_script_too(chromium: str, tmp_path: Path) -> None:
    (tmp_path / "out.jsonl").write_text("", encoding="utf-8")
    assert vnfig("report", str(tmp_path / "out.jsonl"), "-o", str(tmp_path / "r.html")).exit_code == 0
    dom = _dom(tmp_path / "r.html", kind="money", sort="-value")
    assert dom.html["data-ready"] == "ok" and dom.select_one("#shown").get_text() == "0"
