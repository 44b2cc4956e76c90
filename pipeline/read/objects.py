"""Python values as input articles: a text or HTML string, a path, a JSONL-shaped mapping.

The one-article API (`vnfigures.extract`, `vnfigures.process`, `vnfig extract`) reads through
here; files and mappings go through the very readers `vnfig run` uses (same decoding, size cap
and field checks), so an article gives the same record from the API and from a batch.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vnfigures.read.inputs import article_from_mapping, read_file
from vnfigures.schemas import Article

ArticleInput = str | Path | Mapping[str, Any] | Article
_HTML_TAGS = ("<html", "<body", "<div", "<p", "<head", "<article", "<!doctype")


def looks_like_html(raw: str) -> bool:
    """Guess whether a string is an HTML page rather than plain text (for untyped inputs).

    >>> looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    True
    >>> looks_like_html("\\ufeff<!DOCTYPE html>\\n<html><head></head></html>")
    True
    >>> looks_like_html("Giá lúa tăng 5% so với <b>tháng trước</b> theo báo cáo")
    False
    """
    head = raw.lstrip("\ufeff \t\r\n")[:2048].lower()
    return head.startswith("<") and any(tag in head for tag in _HTML_TAGS)


def to_article(item: ArticleInput, default_id: str = "article") -> Article:
    """Turn one API input into the `Article` record that flows through the steps."""
    if isinstance(item, Article):
        return item
    if isinstance(item, Path):
        return read_file(item, item.stem)
    if isinstance(item, str):
        return Article(id=default_id, raw=item, raw_format="html" if looks_like_html(item) else "text")
    if isinstance(item, Mapping):
        return article_from_mapping(item, origin=default_id)
    raise TypeError(f"cannot read an article from a {type(item).__name__}")
