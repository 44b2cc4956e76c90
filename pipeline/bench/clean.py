"""Cleaning benchmark: our HTML cleaner beside trafilatura and readability-lxml, in one run.

    .venv/bin/python -m vnfigures.bench.clean [--expect FILE ...] [--fixtures] [--hold-out SITES]
        [--hold-out-parity odd|even] [--only NAMES] [--repeat N] [--json OUT]

Every page with expectations (`clean_expect.json`: for each page its kind, snippets the
cleaned text must contain, snippets it must not) is cleaned by each extractor. Reported per
page and overall: with-recall (share of the article's snippets kept), without-precision
(share of the furniture snippets left out), article pages that yielded an article, non-article
pages refused, and pages per CPU second. Ours runs twice: with the site hints of sites.yaml and
without them, as on a site nobody has described. Pages of the held-out sites (rules were not
written on them) are summed apart; `--hold-out-parity even` also holds out every page whose
number is even (an entry's `"n"`, else its position in its expectation file, from 1), for a split
of one's own harvest into a learning and a held-out half. `--fixtures` adds the page shapes written as tables in the
checkout's tests (2012 tables, mobile `<br>` text, ad-split bodies, ...; those of
test_clean_heldout.py were written after the rules and count as held out) and the whole pages
of tests/data/clean_pages/ (an entry's `"site"` overrides the site read from the file name). trafilatura and readability-lxml are optional
(`pip install 'vnfigures[bench]'`): a missing one is reported and skipped. Nothing asserts a
speed: the numbers are for a report.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from vnfigures.clean import clean_html
from vnfigures.errors import NoArticleFound

REPO = Path(__file__).resolve().parents[2]
DEFAULT_EXPECT = REPO.parent / "shared" / "corpus" / "clean_expect.json"
DEFAULT_HOLD_OUT = "baodautu,phapluatplus,nld,held-out-fixture,held-out"
FIXTURES = (REPO / "tests" / "test_clean_shapes.py", REPO / "tests" / "test_clean_heldout.py")
#: Hand-written whole pages with expectations (entries marked `"site": "held-out"` were not
#: looked at while the rules were written).
FIXTURE_PAGES = REPO / "tests" / "data" / "clean_pages"

#: An extractor maps a page's HTML to its article text, or None when it finds no article.
Extractor = Callable[[str], "str | None"]


def norm(text: str) -> str:
    """Snippets and texts are compared after NFC and whitespace collapsing."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True)
class Page:
    """One page with expectations."""

    name: str
    site: str
    article: bool
    html: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    number: int = 0


@dataclass
class Score:
    """Counts for one extractor on one page or a group of pages."""

    kept: int = 0
    wanted: int = 0
    excluded: int = 0
    unwanted: int = 0
    articles_found: int = 0
    article_pages: int = 0
    refused: int = 0
    other_pages: int = 0

    def add(self, other: Score) -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)

    @property
    def with_recall(self) -> float | None:
        return self.kept / self.wanted if self.wanted else None

    @property
    def without_precision(self) -> float | None:
        return self.excluded / self.unwanted if self.unwanted else None


def load_pages(expect_files: Sequence[Path]) -> list[Page]:
    """The HTML pages listed in the expectation files (plain-text entries are left out)."""
    pages = []
    for path in expect_files:
        for position, entry in enumerate(json.loads(path.read_text(encoding="utf-8")), start=1):
            page = path.parent / entry["file"]
            if page.suffix != ".html" or not page.is_file():
                continue
            site = entry.get("site") or page.stem.rsplit("_", 1)[0]
            pages.append(Page(page.stem, site, entry["kind"] == "article",
                              page.read_text(encoding="utf-8", errors="replace"),
                              tuple(map(norm, entry["with"])), tuple(map(norm, entry["without"])),
                              int(entry.get("n", position))))
    return pages


def load_fixture_pages(modules: Sequence[Path]) -> list[Page]:
    """Pages written as test tables (`BENCH_PAGES` of tests/test_clean_shapes.py and
    test_clean_heldout.py: name, kind, html, with, without), for a run on them too."""
    pages = []
    for path in modules:
        spec = importlib.util.spec_from_file_location(f"_bench_{path.stem}", path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, kind, html, with_, without in module.BENCH_PAGES:
            site = "held-out-fixture" if "heldout" in path.stem else "fixture"
            pages.append(Page(name, site, kind == "article", html, tuple(map(norm, with_)), tuple(map(norm, without))))
    return pages


def score_page(page: Page, text: str | None) -> Score:
    """Snippets kept and left out; a refused page contains nothing."""
    found = norm(text or "")
    return Score(
        kept=sum(s in found for s in page.with_), wanted=len(page.with_),
        excluded=sum(s not in found for s in page.without), unwanted=len(page.without),
        articles_found=int(page.article and text is not None), article_pages=int(page.article),
        refused=int(not page.article and text is None), other_pages=int(not page.article),
    )


def _ours(site_hints: bool) -> Extractor:
    def extract(html: str) -> str | None:
        try:
            return clean_html(html, site_hints=site_hints).text
        except NoArticleFound:
            return None
    return extract


def _trafilatura() -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return lambda html: trafilatura.extract(html, with_metadata=False)


def _readability() -> Extractor | None:
    try:
        import lxml.html
        from readability import Document
    except ImportError:
        return None

    def extract(html: str) -> str | None:
        document = Document(html)
        body = lxml.html.fromstring(document.summary(html_partial=True)).text_content()
        return f"{document.short_title()}\n{body}" if body.strip() else None
    return extract


def extractors() -> dict[str, Extractor | None]:
    """Every extractor of the comparison; None marks one that is not installed."""
    return {"vnfigures": _ours(True), "vnfigures (no site hints)": _ours(False),
            "trafilatura": _trafilatura(), "readability-lxml": _readability()}


def run(pages: list[Page], extract: Extractor, repeat: int) -> tuple[list[Score], float]:
    """Each page's score, and pages per CPU second over `repeat` passes (the first one scored).

    CPU time, not wall time: on a shared machine other processes' load would otherwise
    decide which extractor looks faster.
    """
    scores: list[Score] = []
    start = time.process_time()
    for round_ in range(repeat):
        for page in pages:
            text = extract(page.html)
            if round_ == 0:
                scores.append(score_page(page, text))
    return scores, len(pages) * repeat / max(time.process_time() - start, 1e-9)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _row(name: str, score: Score) -> list[str]:
    return [name, _share(score.with_recall), _share(score.without_precision),
            f"{score.articles_found}/{score.article_pages}", f"{score.refused}/{score.other_pages}"]


def held_out(page: Page, hold_out: set[str], parity: str | None = None) -> bool:
    """A page of a held-out site, or (with a parity) one whose number has that parity."""
    by_number = parity is not None and page.number > 0 and page.number % 2 == (0 if parity == "even" else 1)
    return page.site in hold_out or by_number


def report(pages: list[Page], results: dict[str, tuple[list[Score], float]], hold_out: set[str],
           console: Console, parity: str | None = None) -> dict[str, object]:
    """Print the per-page and the summary tables; return the numbers."""
    names = list(results)
    per_page = Table(title="per page: with-recall / without-precision (refused = no article)")
    per_page.add_column("page")
    for name in names:
        per_page.add_column(name, justify="right")
    for i, page in enumerate(pages):
        cells = []
        for name in names:
            score = results[name][0][i]
            refused = score.articles_found == 0 and score.refused == 0 and page.article
            cells.append("NO ARTICLE" if refused else f"{_share(score.with_recall)} / {_share(score.without_precision)}")
        per_page.add_row(page.name + (" (held out)" if held_out(page, hold_out, parity) else ""), *cells)
    console.print(per_page)
    summary = Table(title="overall")
    for column in ("extractor", "pages", "with-recall", "without-precision", "articles found",
                   "non-articles refused", "pages/CPU s"):
        summary.add_column(column, justify="right")
    out: dict[str, object] = {}
    for name in names:
        scores, rate = results[name]
        groups = {"all": Score(), "held out": Score(), "rules written on": Score()}
        for page, score in zip(pages, scores, strict=True):
            groups["all"].add(score)
            groups["held out" if held_out(page, hold_out, parity) else "rules written on"].add(score)
        for group, score in groups.items():
            summary.add_row(*_row(name, score)[:1], group, *_row(name, score)[1:], f"{rate:.1f}" if group == "all" else "")
        out[name] = {group: {**asdict(s), "with_recall": s.with_recall, "without_precision": s.without_precision}
                     for group, s in groups.items()} | {"pages_per_second": rate}
    console.print(summary)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--expect", type=Path, action="append",
                        help=f"expectation file(s) in the format of clean_expect.json (default {DEFAULT_EXPECT})")
    parser.add_argument("--fixtures", action="store_true",
                        help="also run on the page shapes written as tables in tests/test_clean_shapes.py and "
                             "test_clean_heldout.py and on the pages of tests/data/clean_pages/ (a checkout's tests/)")
    parser.add_argument("--hold-out", default=DEFAULT_HOLD_OUT,
                        help="comma-separated sites (file name before '_') summed apart as held out")
    parser.add_argument("--hold-out-parity", choices=("odd", "even"),
                        help="also hold out the pages whose number (entry 'n', else position) has this parity")
    parser.add_argument("--repeat", type=int, default=3, help="clean every page this many times for the rate")
    parser.add_argument("--only", help="comma-separated extractor names to run (default: all)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    args = parser.parse_args(argv)
    console = Console(width=160)
    expect = args.expect or [DEFAULT_EXPECT]
    missing = [str(p) for p in expect if not p.is_file()]
    if missing:
        console.print(f"no expectation file at {', '.join(missing)}: nothing to measure")
        return
    pages = load_pages(expect)
    if args.fixtures:
        pages += load_fixture_pages([p for p in FIXTURES if p.is_file()])
        pages += load_pages(sorted(FIXTURE_PAGES.glob("*/expect.json")))
    hold_out = {s for s in args.hold_out.split(",") if s}
    console.print(f"{len(pages)} pages ({sum(p.article for p in pages)} articles) from {', '.join(map(str, expect))}; "
                  f"held out: {', '.join(sorted(hold_out)) or 'none'}")
    results = {}
    wanted = set(args.only.split(",")) if args.only else None
    for name, extract in extractors().items():
        if wanted is not None and name not in wanted:
            continue
        if extract is None:
            console.print(f"{name}: not installed, skipped (pip install 'vnfigures[bench]')")
            continue
        results[name] = run(pages, extract, args.repeat)
    numbers = report(pages, results, hold_out, console, args.hold_out_parity)
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
