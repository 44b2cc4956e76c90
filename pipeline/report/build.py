"""Write the HTML report of a run: `write_report(OUT.jsonl, report.html)`.

OUT.jsonl is streamed once (after a quick count of its lines). Article sections and table
rows are written to spool files on disk as they are read; only the summary tables stay in
memory. The page is then assembled in the order a reader wants (summary, plots, table,
articles) into a temporary file that replaces the target only when whole.
"""
from __future__ import annotations

import contextlib
import math
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from vnfigures.report.article import INDEX_HEAD, INDEX_TAIL, article_anchor, index_entry, render_article
from vnfigures.report.labels import Labels, load_labels, vn_number
from vnfigures.report.page import articles_head, is_report, page_head, page_tail, plots_section
from vnfigures.report.plots import render_plots
from vnfigures.report.records import ArticleView, FailureView, Problem, count_lines, read_items, read_summary
from vnfigures.report.summary import render_summary
from vnfigures.report.table import TABLE_TAIL, figure_row, table_head
from vnfigures.report.tally import Tally
from vnfigures.runner.output import OutputPaths

MAX_FAILURES_LISTED = 5000


class ReportError(Exception):
    """A report that cannot be written, said in words a user can act on."""


@dataclass(frozen=True)
class ReportOptions:
    """Limits that keep the report of a large run usable in a browser."""

    max_articles: int = 2000  # past this, every k-th article is shown (all are counted)
    max_rows: int = 20000  # figure-table rows; the rest are counted, not listed
    force: bool = False  # overwrite a file that is not a vnfigures report


@dataclass(frozen=True)
class ReportResult:
    """What went into the report, for the command line to say."""

    path: Path
    articles: int
    shown: int
    figures: int
    rows: int
    failures: int
    problems: int


class _Collector:
    """Reads the run's lines into the tally and the two spools, sampling articles if told."""

    def __init__(self, labels: Labels, options: ReportOptions, step: int, spools: tuple[IO[str], IO[str], IO[str]]):
        self.labels, self.options, self.step = labels, options, step
        self.articles_out, self.rows_out, self.index_out = spools
        self.tally = Tally()
        self.failures: list[FailureView] = []
        self.shown = 0
        self.rows = 0
        self.rows_dropped = 0

    def add(self, item: ArticleView | FailureView | Problem, in_failures_file: bool = False) -> None:
        if isinstance(item, Problem):
            self.tally.add_problem(item)
        elif isinstance(item, FailureView):
            self.tally.add_failure(item)
            if len(self.failures) < MAX_FAILURES_LISTED:
                self.failures.append(item)
        elif in_failures_file:
            self.tally.add_problem(Problem("failures", item.line, "an article record in the failures file: skipped"))
        else:
            self._article(item)

    def _article(self, article: ArticleView) -> None:
        index = self.tally.articles
        self.tally.add_article(article)
        if index % self.step:
            return
        anchor = article_anchor(index)
        self.shown += 1
        self.articles_out.write(render_article(article, anchor, self.labels))
        self.index_out.write(index_entry(article, anchor))
        for figure in article.figures:
            if self.rows >= self.options.max_rows:
                self.rows_dropped += 1
                continue
            self.rows_out.write(figure_row(article, anchor, figure, self.labels))
            self.rows += 1


def write_report(jsonl: Path, out: Path, options: ReportOptions | None = None) -> ReportResult:
    """Write the report of the run whose records are in `jsonl` to `out`.

    Raises `ReportError` when `jsonl` cannot be read or `out` may not be written.
    """
    options = options or ReportOptions()
    paths = OutputPaths(jsonl)
    _check_paths(jsonl, out, [jsonl, paths.failures, paths.summary], options.force)
    try:
        return _write(jsonl, out, paths, options)
    except OSError as exc:
        raise ReportError(f"{exc.filename or out}: {exc.strerror or exc}") from exc


def _write(jsonl: Path, out: Path, paths: OutputPaths, options: ReportOptions) -> ReportResult:
    lines = count_lines(jsonl)
    step = math.ceil(lines / options.max_articles) if lines > options.max_articles else 1
    labels = load_labels()
    with contextlib.ExitStack() as stack:
        spools = tuple(stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) for _ in range(3))
        collect = _Collector(labels, options, step, spools)  # type: ignore[arg-type]
        for item in read_items(jsonl):
            collect.add(item)
        if paths.failures.exists():
            for item in read_items(paths.failures):
                collect.add(item, in_failures_file=True)
        run, problem = read_summary(paths.summary)
        if problem:
            collect.tally.add_problem(problem)
        _assemble(out, jsonl, collect, run, step, labels)
    return ReportResult(out, collect.tally.articles, collect.shown, collect.tally.figures, collect.rows,
                        collect.tally.failed, collect.tally.problem_count)


def _check_paths(jsonl: Path, out: Path, inputs: list[Path], force: bool) -> None:
    if not jsonl.exists():
        raise ReportError(f"no such file: {jsonl} (give the OUT.jsonl that `vnfig run -o` wrote)")
    if jsonl.is_dir():
        raise ReportError(f"{jsonl} is a folder; give the OUT.jsonl file that `vnfig run -o` wrote")
    if out.exists() and out.is_dir():
        raise ReportError(f"{out} is a folder; give a file such as report.html")
    if any(out.exists() and p.exists() and out.samefile(p) for p in inputs):
        raise ReportError(f"{out} is one of the run's own files; give another name such as report.html")
    if out.exists() and not force:
        with open(out, "rb") as handle:
            if not is_report(handle.read(4096)):
                raise ReportError(f"{out} exists and is not a vnfigures report; pass --force to overwrite it")


def _assemble(out: Path, jsonl: Path, collect: _Collector, run: dict | None, step: int, labels: Labels) -> None:
    tally = collect.tally
    notes = _notes(collect, step)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as page:
            page.write(page_head(jsonl.name))
            page.write(render_summary(tally, run, collect.failures, labels, notes[:1]))
            page.write(plots_section(render_plots(tally, labels)))
            page.write(table_head(tally, labels, collect.rows, notes[1]))
            _copy(collect.rows_out, page)
            page.write(TABLE_TAIL)
            page.write(articles_head(collect.shown, tally.articles, notes[0]))
            page.write(INDEX_HEAD)
            _copy(collect.index_out, page)
            page.write(INDEX_TAIL)
            _copy(collect.articles_out, page)
            page.write(page_tail())
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes it private; a report is an ordinary file
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _notes(collect: _Collector, step: int) -> tuple[str, str]:
    """(articles note, table note): what a large run leaves out, said where it shows."""
    tally = collect.tally
    articles = ""
    if step > 1:
        articles = (f"Lần chạy lớn: hiển thị {vn_number(collect.shown)} trong {vn_number(tally.articles)} bài, "
                    f"cứ {step} bài lấy 1 (large run: 1 article in {step} is shown; the summary and plots "
                    "count all of them).")
    table = ""
    if collect.rows < tally.figures:
        capped = ", capped by --max-rows" if collect.rows_dropped else ""
        table = (f"Bảng liệt kê {vn_number(collect.rows)} trong {vn_number(tally.figures)} số liệu (the table lists "
                 f"the figures of the articles shown{capped}; the summary and plots count all of them).")
    return articles, table


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _copy(spool: IO[str], page: IO[str]) -> None:
    spool.flush()
    spool.seek(0)
    shutil.copyfileobj(spool, page)
