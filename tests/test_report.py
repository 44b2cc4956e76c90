"""`vnfig report`: the report of real runs holds every figure, failure and article, and links them.

The bundled corpus is run through `vnfig run --report`; the shared corpus's raw texts and
pages through `vnfig run` then `vnfig report`; the shared gold files (which carry the §8
fields) are written as a run's records, to check the province and year plots.
"""
from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from typer.testing import CliRunner

from vnfigures.cli import app
from vnfigures.report.records import article_view
from vnfigures.report.tally import Tally


def vnfig(*args: str):
    return CliRunner().invoke(app, list(args))


def parse(report: Path) -> BeautifulSoup:
    return BeautifulSoup(report.read_text(encoding="utf-8"), "lxml")


def records(path: Path) -> list[dict]:
    return [json.loads(line, parse_float=Decimal) for line in path.read_text("utf-8").splitlines() if line.strip()]


def write_records(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in items), encoding="utf-8")
    return path


def mark_text(mark) -> str:
    """The article text a figure mark covers (its label chip left out)."""
    return "".join(s for s in mark.find_all(string=True) if not s.find_parent(class_="tag") and not s.find_parent("sup"))


def check_report(jsonl: Path, report: Path) -> BeautifulSoup:
    """Everything the issue asks of a report, checked against the run's files."""
    soup = parse(report)
    articles = records(jsonl)
    # every figure highlighted exactly once, in its own article, over its own text
    assert len(soup.select("article .text mark.fig")) == sum(len(a["figures"]) for a in articles)
    sections = {tag["data-id"]: tag for tag in soup.select("article.art")}
    indexed = {a["href"] for a in soup.select("details.index a")}
    by_id = {tag["id"]: tag for tag in soup.find_all(id=True)}
    for article in articles:
        section = sections.get(article["id"])
        assert section is not None, article["id"]
        marks = section.select(".text mark.fig")
        assert [mark_text(m) for m in marks] == [f["text"] for f in sorted(article["figures"], key=lambda f: f["start"])]
        assert len(section.select(".text sup.etag")) == len(article["entities"])
        assert f"#{section['id']}" in indexed  # the list of articles links every article
    # the table: one row per figure, each linking to its mark, filterable by its attributes
    rows = soup.select("#fig-table tbody tr")
    assert len(rows) == sum(len(a["figures"]) for a in articles)
    for row in rows:
        target = by_id.get(row.a["href"].lstrip("#"))
        assert target is not None and target.name == "mark"
        assert mark_text(target) == row.find_all("td")[-1].get_text()
    kinds = Counter(f["kind"] for a in articles for f in a["figures"])
    assert Counter(r["data-kind"] for r in rows) == kinds
    modalities = Counter(f["modality"] for a in articles for f in a["figures"])
    assert Counter(r["data-modality"] for r in rows) == modalities
    provinces = Counter(f.get("province") or "" for a in articles for f in a["figures"])
    assert Counter(r["data-province"] for r in rows) == provinces
    # every failure appears with its error class, input and message
    failures_file = jsonl.with_name(jsonl.name.removesuffix(".jsonl") + ".failures.jsonl")
    failures = records(failures_file) if failures_file.exists() else []
    shown = [[tr.find_parent("details").summary.b.get_text(), *(td.get_text() for td in tr.find_all("td"))]
             for tr in soup.select("#failures tr.failure")]
    assert len(shown) == len(failures)
    for failure in failures:
        assert [failure["error"], failure["id"] or "—", failure["input"], failure["step"], failure["message"]] in shown
    # the summary and the plots are there, self-contained
    assert soup.select_one("#summary .cards") is not None
    assert len(soup.select("#plots svg.chart")) >= (2 if articles else 0)
    assert not soup.select("script[src], link[rel=stylesheet], img[src^=http]")
    return soup


@pytest.fixture(scope="module")
def bundled_run(tmp_path_factory, project_corpus: Path) -> tuple[Path, Path, object]:
    out = tmp_path_factory.mktemp("bundled")
    result = vnfig("run", str(project_corpus), "-o", str(out / "out.jsonl"), "--workers", "1",
                   "--no-progress", "--report", str(out / "report.html"))
    return out / "out.jsonl", out / "report.html", result


@pytest.fixture(scope="module")
def shared_run(tmp_path_factory, shared_corpus: Path) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("shared")
    run = vnfig("run", str(shared_corpus / "raw"), "-o", str(out / "out.jsonl"), "--workers", "2", "--no-progress")
    assert run.exit_code == 1, run.output  # the list pages and homepages are failures
    result = vnfig("report", str(out / "out.jsonl"), "-o", str(out / "report.html"))
    assert result.exit_code == 0, result.output
    return out / "out.jsonl", out / "report.html"


def test_run_with_report_writes_the_report(bundled_run) -> None:
    jsonl, report, result = bundled_run
    assert result.exit_code == 0, result.output
    assert f"-> {report}" in result.output
    soup = check_report(jsonl, report)
    assert soup.html["data-ready"] == "no"  # set to "ok" by the page script in a browser
    assert soup.find("meta", attrs={"name": "generator"})["content"].startswith("vnfigures report")


def test_bundled_report_shows_the_seed_figures_readably(bundled_run) -> None:
    jsonl, report, _ = bundled_run
    soup = parse(report)
    tags = [t.get_text() for t in soup.select("article mark.fig .tag")]
    assert "tiền · 625 triệu đồng · thực tế" in tags
    assert "hộ gia đình · 115 hộ · thực tế" in tags
    assert "khối lượng · 262 tấn · thực tế" in tags
    assert "115 hộ" in soup.select_one("#totals").get_text()  # households reported done, summed
    summary = soup.select_one("#summary").get_text(" ")
    assert "bài đã ghi (written)" in summary and "Không có bài lỗi" in summary


def test_shared_corpus_report(shared_run) -> None:
    jsonl, report = shared_run
    soup = check_report(jsonl, report)
    assert len(soup.select("#failures tr.failure")) == 10
    assert "NoArticleFound" in soup.select_one("#failures").get_text()


def _gold_records(shared_corpus: Path) -> list[dict]:
    items = []
    for path in sorted((shared_corpus / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"), parse_float=Decimal)
        if any("province" in f for f in gold["figures"]):
            items.append({**gold, "entities": [], "pipeline_version": "gold"})
    return items


def test_province_and_year_plots_add_up_each_fact_once(tmp_path: Path, shared_corpus: Path) -> None:
    items = _gold_records(shared_corpus)
    jsonl = write_records(tmp_path / "gold.jsonl", items)
    assert vnfig("report", str(jsonl), "-o", str(tmp_path / "r.html")).exit_code == 0
    soup = check_report(jsonl, tmp_path / "r.html")
    money = [f for a in items for f in a["figures"] if f["kind"] == "money" and f["unit"] == "VND"]
    provinces = {f["province"] for f in money if f["province"]}
    bars = soup.select("#plot-money-province svg rect title")
    assert len(bars) == 2 * len(provinces)  # actual and target side by side, per province
    assert {b.get_text().split(" · ")[0] for b in bars} == provinces
    years = soup.select("#plot-households-year svg rect title")
    assert years and all(b.get_text()[:4].isdigit() for b in years)
    tally = Tally()
    for line, item in enumerate(items, 1):
        tally.add_article(article_view(item, line))
    expected = Counter()
    for f in money:
        if f["province"] and f.get("mention_of") is None:
            expected[(f["province"], f["modality"])] += Decimal(str(f["value"]))
    assert dict(tally.totals["money"].by_province) == dict(expected)


def test_filters_by_province_find_its_figures(tmp_path: Path, shared_corpus: Path) -> None:
    jsonl = write_records(tmp_path / "gold.jsonl", _gold_records(shared_corpus))
    assert vnfig("report", str(jsonl), "-o", str(tmp_path / "r.html")).exit_code == 0
    soup = parse(tmp_path / "r.html")
    options = [o["value"] for o in soup.select('#filters select[name=province] option') if o["value"] not in ("", "-")]
    rows = soup.select("#fig-table tbody tr")
    assert options == sorted({r["data-province"] for r in rows if r["data-province"]})
    for province in options:
        chosen = [r for r in rows if r["data-province"] == province]
        assert chosen and all(r.find_all("td")[5].get_text() == province for r in chosen)
