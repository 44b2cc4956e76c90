"""clean_html on whole hand-written pages of sites nobody described (tests/data/clean_pages/dev).

Each page is a template of its kind (a 2012 table layout with `<font>` and `<br>` runs, a
`<div class="content">` with no `<p>`, a mobile AMP page in `<section>`s, a body split by an ad
slot and a "read also" box, a promotional box with neutral class names, captions in tables)
or a page with no article (a 2012 section table, a tag page, a mobile homepage). Its entry in
expect.json (the format of ../shared/corpus/clean_expect.json) says what the cleaned text must
hold and what it must not. Site hints are off: the result must be right without them.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from vnfigures.clean import clean_html
from vnfigures.errors import NoArticleFound

PAGES = Path(__file__).parent / "data" / "clean_pages"


def entries(folder: str) -> list[dict]:
    """The expectation entries of one fixture folder, each with its page's HTML."""
    path = PAGES / folder / "expect.json"
    found = json.loads(path.read_text(encoding="utf-8"))
    return [{**e, "html": (path.parent / e["file"]).read_text(encoding="utf-8")} for e in found]


def check(entry: dict) -> None:
    """An article keeps every `with` snippet and no `without` one; any other page is refused."""
    if entry["kind"] != "article":
        with pytest.raises(NoArticleFound, match="linked headlines"):
            clean_html(entry["html"], site_hints=False)
        return
    cleaned = clean_html(entry["html"], site_hints=False)
    text = " ".join(cleaned.text.split())
    assert cleaned.title == entry["title"]
    assert [s for s in entry["with"] if s not in text] == []
    assert [s for s in entry["without"] if s in text] == []


@pytest.mark.parametrize("entry", entries("dev"), ids=lambda e: e["file"])
def test_dev_page(entry: dict) -> None:
    check(entry)
