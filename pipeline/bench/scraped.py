"""Plain-text cleaning benchmark: `clean_text` on scraped texts, per paper, held-out apart.

    .venv/bin/python -m vnfigures.bench.scraped [--expect FILE] [--fixtures] [--hold-out PAPERS] [--repeat N]
        [--json OUT] [--against REV]

Scraped text comes in two shapes, and both are scored with snippets the cleaned text must
contain and snippets (menus, teasers, comment widgets, footers) it must not:

- texts as a scraper saved them (`raw/text`, the seed): the plain-text entries of
  clean_expect.json, and the rows of `BENCH_TEXTS` in tests/test_clean_scraped.py (the four
  scraped pages of ../shared whose gold keeps the furniture);
- the texts of `BENCH_TEXTS_HELDOUT` in tests/test_clean_scraped_heldout.py (written after
  the rules, held out);
- every article page of clean_expect.json flattened to text the way a copy of the whole page
  reads (one line per block element, the `<title>` first, menus, teasers and footer
  included): what a researcher gets by saving a page as text. Its snippets are the page's.
  `--fixtures` adds the article pages written as tables in tests/test_clean_shapes.py and
  test_clean_heldout.py (for the HTML cleaner; the text rules were not written on them).

Papers in `--hold-out` (rules were not written on them) are summed apart. Pages per CPU
second are for a report only: nothing asserts a speed. `--against main` times main's text
cleaner beside ours in one process (on a shared machine, separate runs differ by more than
the change being measured).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
import types
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from rich.console import Console
from rich.table import Table

from vnfigures.bench.clean import DEFAULT_EXPECT, FIXTURES, REPO, Page, Score, load_fixture_pages, norm, score_page
from vnfigures.clean import clean_text
from vnfigures.clean.scrape import forget

DEFAULT_HOLD_OUT = "baodautu,nld,phapluatplus,hanoimoi,vietnamvn,fixture,held-out-fixture,held-out-text"
TEXT_TABLE = REPO / "tests" / "test_clean_scraped.py"
HELDOUT_TABLE = REPO / "tests" / "test_clean_scraped_heldout.py"
# Elements that start a new line when a page is read as text (a browser's block elements).
_BLOCKS = frozenset("address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
                    "h5 h6 header hr li main nav ol p pre section table td th title tr ul".split())
_SKIPPED = ("script", "style", "noscript", "template", "svg", "iframe")


def page_as_text(html: str) -> str:
    """The whole page as text, one line per block element (what 'save as text' gives)."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(_SKIPPED):
        tag.decompose()
    lines: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(pending)).strip()
        if line:
            lines.append(line)
        pending.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if type(child) is NavigableString:  # comments and doctypes are subclasses
                pending.append(str(child))
            elif isinstance(child, Tag):
                block = child.name in _BLOCKS
                if block:
                    flush()
                walk(child)
                if block:
                    flush()

    walk(soup)
    flush()
    return "\n".join(lines)


def _paper(path: Path) -> str:
    stem = path.stem
    return "baocamau" if path.parent.name == "seeds" else stem.rsplit("_", 1)[0]


def load_texts(expect: Path, table: Path | None) -> list[Page]:
    """Scraped texts with snippets: text entries and flattened article pages of `expect`,
    and the rows of `BENCH_TEXTS` in `table` (name, with, without; read from raw/text)."""
    texts: list[Page] = []
    for entry in json.loads(expect.read_text(encoding="utf-8")):
        # a seed's path is given from the corpus' parent (../shared/seeds)
        path = next((p for p in (expect.parent / entry["file"], expect.parent.parent / entry["file"]) if p.is_file()),
                    None)
        if entry["kind"] != "article" or path is None:
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        name = path.stem if path.suffix != ".html" else f"{path.stem} (page as text)"
        text = page_as_text(raw) if path.suffix == ".html" else raw
        texts.append(Page(name, _paper(path), True, text, tuple(map(norm, entry["with"])),
                          tuple(map(norm, entry["without"]))))
    for name, with_, without in _table_rows(table):
        path = expect.parent / "raw" / "text" / f"{name}.txt"
        if path.is_file():
            texts.append(Page(name, _paper(path), True, path.read_text(encoding="utf-8"),
                              tuple(map(norm, with_)), tuple(map(norm, without))))
    return texts


def _table_rows(table: Path | None, name: str = "BENCH_TEXTS") -> list[tuple]:
    if table is None or not table.is_file():
        return []
    spec = importlib.util.spec_from_file_location(f"_bench_{table.stem}", table)
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(getattr(module, name))


def load_heldout_texts(table: Path) -> list[Page]:
    """The held-out texts written as a table (`BENCH_TEXTS_HELDOUT`: name, text, with, without)."""
    return [Page(name, "held-out-text", True, raw, tuple(map(norm, with_)), tuple(map(norm, without)))
            for name, raw, with_, without in _table_rows(table, "BENCH_TEXTS_HELDOUT")]


def run(texts: list[Page], repeat: int) -> tuple[list[Score], float]:
    """Each text's score, and texts per CPU second over `repeat` passes (the first scored);
    each text is cleaned as if seen for the first time (no answers kept from the last)."""
    scores: list[Score] = []
    start = time.process_time()
    for round_ in range(repeat):
        for page in texts:
            forget()
            cleaned = clean_text(page.html).text
            if round_ == 0:
                scores.append(score_page(page, cleaned))
    return scores, len(texts) * repeat / max(time.process_time() - start, 1e-9)


def revision_clean_text(rev: str) -> Callable[[str], object]:
    """`clean_text` of git revision `rev`'s text.py and inline.py, loaded beside ours (the
    other modules and the data files are this checkout's): for timing both in one process,
    where the load of a shared machine weighs on both alike. The revision's text.py imports
    this checkout's other modules, so it needs their names (from commit "scrape_runs.py" on:
    time older revisions from their own checkout)."""
    loaded: dict[str, types.ModuleType] = {}
    for name in ("inline", "text"):
        path = f"{rev}:pipeline/clean/{name}.py"
        source = subprocess.run(["git", "-C", str(REPO), "show", path], capture_output=True, text=True, check=True).stdout
        module = types.ModuleType("_rev_" + re.sub(r"\W", "_", rev) + f"_{name}")
        sys.modules[module.__name__] = module  # dataclasses look their module up
        exec(compile(source, path, "exec"), module.__dict__)  # noqa: S102 - the project's own history
        loaded[name] = module
    for attr in ("inline_rules", "is_menu_line"):  # text.py bound our inline.py's: rebind to the revision's
        setattr(loaded["text"], attr, getattr(loaded["inline"], attr))
    return loaded["text"].clean_text


def compare_speed(texts: list[Page], rev: str, rounds: int) -> tuple[float, float]:
    """Texts per CPU second, best of `rounds` alternating rounds: ours, then `rev`'s."""
    theirs = revision_clean_text(rev)
    best = {"ours": float("inf"), "theirs": float("inf")}
    for _ in range(rounds):
        for who, clean in (("ours", clean_text), ("theirs", theirs)):
            start = time.process_time()
            for page in texts:
                forget()
                clean(page.html)
            best[who] = min(best[who], time.process_time() - start)
    return len(texts) / best["ours"], len(texts) / best["theirs"]


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def report(texts: list[Page], scores: list[Score], rate: float, hold_out: set[str], console: Console) -> dict[str, object]:
    """Print per text, per paper and overall; return the numbers."""
    table = Table(title="clean_text: with-recall / without-precision")
    for column in ("text", "paper", "with", "without"):
        table.add_column(column)
    papers: dict[str, Score] = {}
    groups = {"all": Score(), "held out": Score(), "rules written on": Score()}
    for page, score in zip(texts, scores, strict=True):
        table.add_row(page.name, page.site + (" (held out)" if page.site in hold_out else ""),
                      f"{score.kept}/{score.wanted}", f"{score.excluded}/{score.unwanted}")
        papers.setdefault(page.site, Score()).add(score)
        groups["all"].add(score)
        groups["held out" if page.site in hold_out else "rules written on"].add(score)
    console.print(table)
    summary = Table(title=f"per paper and overall ({rate:.1f} texts/CPU s)")
    for column in ("group", "with-recall", "without-precision"):
        summary.add_column(column)
    for name, score in [*sorted(papers.items()), *groups.items()]:
        summary.add_row(name + (" (held out)" if name in hold_out else ""), _share(score.with_recall),
                        _share(score.without_precision))
    console.print(summary)
    return {name: {**asdict(s), "with_recall": s.with_recall, "without_precision": s.without_precision}
            for name, s in [*papers.items(), *groups.items()]} | {"texts_per_second": rate}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--expect", type=Path, default=DEFAULT_EXPECT, help="expectation file (clean_expect.json format)")
    parser.add_argument("--table", type=Path, default=TEXT_TABLE, help="test module whose BENCH_TEXTS rows are scored")
    parser.add_argument("--fixtures", action="store_true",
                        help="also the article pages of tests/test_clean_shapes.py and test_clean_heldout.py, as text")
    parser.add_argument("--hold-out", default=DEFAULT_HOLD_OUT, help="comma-separated papers summed apart as held out")
    parser.add_argument("--repeat", type=int, default=3, help="clean every text this many times for the rate")
    parser.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    parser.add_argument("--against", metavar="REV", help="also time the text cleaner of git revision REV (text.py, "
                        "inline.py) beside ours in this process, on the shared raw texts and on these texts")
    args = parser.parse_args(argv)
    console = Console(width=160)
    if not args.expect.is_file():
        console.print(f"no expectation file at {args.expect}: nothing to measure")
        return
    texts = load_texts(args.expect, args.table)
    texts += load_heldout_texts(HELDOUT_TABLE)
    if args.fixtures:
        texts += [Page(f"{p.name} (page as text)", p.site, True, page_as_text(p.html), p.with_, p.without)
                  for p in load_fixture_pages([f for f in FIXTURES if f.is_file()]) if p.article]
    scores, rate = run(texts, args.repeat)
    numbers = report(texts, scores, rate, {s for s in args.hold_out.split(",") if s}, console)
    if args.against:
        raw = [Page(p.stem, "", True, p.read_text(encoding="utf-8"), (), ())
               for p in sorted((args.expect.parent / "raw" / "text").glob("*.txt"))]
        for name, group in (("raw/text", raw), ("these texts", texts)):
            ours, theirs = compare_speed(group, args.against, rounds=15)
            console.print(f"{name}: ours {ours:.1f}, {args.against} {theirs:.1f} texts/CPU s ({ours / theirs - 1:+.1%})")
            numbers[f"speed {name}"] = {"ours": ours, args.against: theirs}
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
