"""Page metadata: the article's address, publication date, headline and description.

Why from metadata first: `<link rel=canonical>`, Open Graph and JSON-LD are written for
machines and survive redesigns better than visible markup; the visible `<h1>` is still
preferred for the headline because `og:title` is often a shortened or SEO variant. All of it
is read in one pass over the page's `<meta>`, `<link>`, JSON-LD and `<time>` elements.
When none gives a date, html.py looks for a dateline ("Thứ hai, 12/03/2012 08:15") near the
headline.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from vnfigures.clean.dates import iso_date
from vnfigures.clean.page import squash, tags_in
from vnfigures.clean.rules import furniture

_TITLE_SUFFIX = re.compile(r"\s+(?:[-|–—]|::|:\.)\s+(?P<site>[^-|–—]{2,80})$")
_TITLE_PREFIX = re.compile(r"^(?P<site>[^-|–—:]{2,60}?)\s+(?:[-|–—]|::|:\.)\s+")
_META_TAGS = frozenset({"meta", "link", "script", "time"})
_PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "publishdate",
                   "og:published_time", "date", "dc.date.issued", "article:published")


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself (None where it says nothing)."""

    url: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD, from <meta> or JSON-LD
    time_published: str | None = None  # ... from the first dated <time> element
    title: str | None = None  # og:title or <title>, without the site's name
    description: str | None = None


def read_meta(soup: BeautifulSoup) -> PageMeta:
    """Read the page's metadata; call it before scripts are removed (JSON-LD is a script)."""
    metas: dict[str, str] = {}
    canonical = None
    ld_dates: list[str] = []
    times: list[str] = []
    for tag in tags_in(soup, _META_TAGS):
        if tag.name == "meta":
            key = tag.get("property") or tag.get("name") or tag.get("itemprop")
            content = tag.get("content")
            if isinstance(key, str) and isinstance(content, str) and content.strip():
                metas.setdefault(key.strip().lower(), content.strip())
        elif tag.name == "link" and canonical is None and "canonical" in (tag.get("rel") or []):
            href = tag.get("href")
            canonical = href.strip() if isinstance(href, str) and href.strip().startswith("http") else None
        elif tag.name == "script" and tag.get("type") == "application/ld+json":
            ld_dates += _json_ld_dates(tag.string or "")
        elif tag.name == "time":
            stamp = tag.get("datetime") or tag.get("pubdate")
            times.append(stamp if isinstance(stamp, str) and stamp.strip() else tag.get_text(" "))
    return PageMeta(
        url=canonical or metas.get("og:url"),
        published=_first_date([metas.get(k) for k in _PUBLISHED_META] + ld_dates),
        time_published=_first_date(times),
        title=_title(metas, soup),
        description=squash(metas.get("og:description") or metas.get("description") or "") or None,
    )


def _first_date(values: list[str | None]) -> str | None:
    for value in values:
        found = iso_date(value) if value else None
        if found:
            return found
    return None


def _json_ld_dates(source: str) -> list[str]:
    try:
        data = json.loads(source)
    except (json.JSONDecodeError, TypeError):
        return []
    return [item["datePublished"] for item in _json_items(data) if isinstance(item.get("datePublished"), str)]


def _json_items(data: object) -> Iterator[dict]:
    """Every JSON-LD object, outer ones first, inside lists, `@graph`s and other objects too."""
    if isinstance(data, list):
        for item in data:
            yield from _json_items(item)
    elif isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _json_items(value)


def _title(metas: dict[str, str], soup: BeautifulSoup) -> str | None:
    """`og:title` (its site suffix cut when it names the site), else `<title>` without the
    site's name: before a separator when it is shaped like a paper's name ("Báo Tỉnh Nhà -
    ..."), else after the last separator."""
    found = metas.get("og:title")
    if found:
        title = squash(found)
        suffix = _TITLE_SUFFIX.search(title)
        site = (metas.get("og:site_name") or "").casefold()
        if suffix and site and suffix.group("site").casefold() in site:
            title = title[: suffix.start()]
        return title
    if soup.title and soup.title.string:
        title = squash(soup.title.string)
        prefix = _TITLE_PREFIX.match(title)
        if prefix and furniture().is_site_name(prefix.group("site")):  # "Báo Tỉnh Nhà - Headline"
            return title[prefix.end():] or None
        return squash(_TITLE_SUFFIX.sub("", title)) or None
    return None


def headline_tag(soup: BeautifulSoup, selector: str | None, reference: str | None) -> Tag | None:
    """The element holding the headline: the site's selector, else the `<h1>` closest to the
    metadata title (a page may have several `<h1>`, e.g. the logo)."""
    if selector:
        found = soup.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return found
    candidates = [h for h in tags_in(soup, {"h1"}) if h.get_text(strip=True)]
    if not candidates:
        return None
    folded = (reference or "").casefold()
    return max(candidates, key=lambda h: _overlap(h.get_text(" ", strip=True).casefold(), folded))


def _overlap(text: str, reference: str) -> int:
    """How many words two strings share (ties keep the first `<h1>`)."""
    return len(set(text.split()) & set(reference.split()))
