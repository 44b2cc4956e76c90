"""Page metadata: the article's address, publication time and headline.

Why from metadata first: `<link rel=canonical>`, Open Graph and JSON-LD are written for
machines and survive redesigns better than visible markup; the visible `<h1>` is still
preferred for the headline because `og:title` is often a shortened or SEO variant.
"""
from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, Tag
from vnfigures.clean.page import squash

_TITLE_SUFFIX = re.compile(r"\s+(?:[-|–—]|::|:\.)\s+[^-|–—]{2,80}$")
_PUBLISHED_META = (
    ("property", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("property", "og:published_time"),
    ("name", "article:published_time"),
)


def _meta(soup: BeautifulSoup, attr: str, value: str) -> str | None:
    tag = soup.find("meta", attrs={attr: value})
    content = tag.get("content") if isinstance(tag, Tag) else None
    return content.strip() if isinstance(content, str) and content.strip() else None


def page_url(soup: BeautifulSoup) -> str | None:
    """The canonical address of the page, else its `og:url`."""
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    if isinstance(href, str) and href.strip().startswith("http"):
        return href.strip()
    return _meta(soup, "property", "og:url")


def published(soup: BeautifulSoup) -> str | None:
    """The publication time as the page writes it (ISO 8601 on the sites we know)."""
    for attr, value in _PUBLISHED_META:
        found = _meta(soup, attr, value)
        if found:
            return found
    return _json_ld_published(soup)


def _json_ld_published(soup: BeautifulSoup) -> str | None:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                return item["datePublished"].strip()
    return None


def meta_description(soup: BeautifulSoup) -> str | None:
    """The page's description (`og:description`, else `description`), whitespace squashed."""
    found = _meta(soup, "property", "og:description") or _meta(soup, "name", "description")
    return squash(found) if found else None


def meta_title(soup: BeautifulSoup) -> str | None:
    """`og:title`, else `<title>` without the site's name after a separator."""
    found = _meta(soup, "property", "og:title")
    if found:
        return squash(found)
    if soup.title and soup.title.string:
        return squash(_TITLE_SUFFIX.sub("", squash(soup.title.string))) or None
    return None


def headline_tag(soup: BeautifulSoup, selector: str | None) -> Tag | None:
    """The element holding the headline: the site's selector, else the `<h1>` closest to the
    metadata title (a page may have several `<h1>`, e.g. the logo)."""
    if selector:
        found = soup.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return found
    candidates = [h for h in soup.find_all("h1") if h.get_text(strip=True)]
    if not candidates:
        return None
    reference = (meta_title(soup) or "").casefold()
    return max(candidates, key=lambda h: _overlap(h.get_text(" ", strip=True).casefold(), reference))


def _overlap(text: str, reference: str) -> int:
    """How many words two strings share (ties keep the first `<h1>`)."""
    return len(set(text.split()) & set(reference.split()))
