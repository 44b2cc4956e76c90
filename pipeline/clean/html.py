"""Clean an HTML page: find the article (title, lead, body, captions), drop everything else.

How: read the metadata (address, time, headline) first, pick the body with the site's
selector from sites.yaml or, on any other site, the container with the most paragraph text;
drop boxes inside it (related stories, tags, bylines, share bars); cut it into text blocks;
then apply the same line rules as plain text (credits, related links, teasers, bylines).
A page whose densest container is too thin to be an article is a list page or a homepage
and raises `NoArticleFound` rather than passing headlines off as an article.
"""
from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from vnfigures.clean.cleaned import Cleaned
from vnfigures.clean.config import HtmlRules, SiteRules, html_rules, site_rules
from vnfigures.clean.meta import (
    headline_tag,
    meta_description,
    meta_title,
    page_url,
    published,
)
from vnfigures.clean.page import (
    densest_container,
    density,
    drop_junk,
    squash,
    text_blocks,
)
from vnfigures.clean.rules import furniture
from vnfigures.clean.text import clean_lines
from vnfigures.clean.wrapped import looks_like_list, wrapped_body
from vnfigures.errors import NoArticleFound


def clean_html(html: str) -> Cleaned:
    """Return the article of an HTML page, or raise `NoArticleFound` if it holds none."""
    try:
        return _clean(html)
    except RecursionError as error:  # absurdly deep markup
        raise NoArticleFound("the page's markup is nested too deeply to read; save it again") from error


def _clean(html: str) -> Cleaned:
    rules = html_rules()
    soup = _parse(html)
    url, when = page_url(soup), published(soup)  # JSON-LD is read before scripts go
    for tag in soup.find_all(list(rules.hidden_tags)):
        tag.decompose()
    site = site_rules(url) or SiteRules()
    head = headline_tag(soup, site.title)
    title = squash(head.get_text(" ")) if head is not None else meta_title(soup)
    body = _find_body(soup, site, rules)
    lead = _lead(soup, site, head, body, rules)
    drop_junk(body, rules, site.drop)
    blocks = text_blocks(body, rules)
    if lead and not any(lead in block or block in lead for block in blocks[:2]):
        blocks.insert(0, lead)
    cleaned = clean_lines(blocks, title=title)
    paragraphs = _drop_trailing_byline(cleaned.paragraphs)
    if sum(len(p) for p in paragraphs) < rules.min_body_chars:
        raise NoArticleFound(_NO_ARTICLE + " (too little text remains once furniture is removed)")
    return Cleaned(title=title, paragraphs=paragraphs, url=url, published=when)


_NO_ARTICLE = (
    "no article found in the page: it looks like a section list or homepage; "
    "pass the page of a single article"
)


def _parse(html: str) -> BeautifulSoup:
    """Parse with lxml, which is tolerant of broken and truncated markup."""
    if not isinstance(html, str) or not html.strip():
        raise NoArticleFound("the page is empty: there is no article to read")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html.replace("\x00", ""), "lxml")


def _find_body(soup: BeautifulSoup, site: SiteRules, rules: HtmlRules) -> Tag:
    """The site's body selector when it matches, else the densest container of `<p>`, else
    a container of wrapped paragraphs; it must hold enough running text to be an article."""
    body = soup.select_one(site.body) if site.body else None
    if body is None:
        body = soup.find(attrs={"itemprop": "articleBody"})
    if not isinstance(body, Tag) or not density(body, rules).is_article(rules):
        body = densest_container(soup, rules)
        if body is None or not _reads_as_article(body, rules):
            body = wrapped_body(soup, rules)
    if body is None:
        raise NoArticleFound(_NO_ARTICLE)
    return body


def _reads_as_article(body: Tag, rules: HtmlRules) -> bool:
    found = density(body, rules)
    return found.is_article(rules) and not looks_like_list(body, rules, found.paragraphs)


def _lead(soup: BeautifulSoup, site: SiteRules, head: Tag | None, body: Tag, rules: HtmlRules) -> str | None:
    """The lead (sapo): the site's selector; else the first sentence-like text block of
    enough words between the headline and the body; else the visible block that repeats the
    page's meta description."""
    if site.lead:
        found = soup.select_one(site.lead)
        if found is not None and found is not body and squash(found.get_text(" ")):
            return squash(found.get_text(" "))
    candidates = head.find_all_next(_LEAD_TAGS) if head is not None else []
    around_body = {id(parent) for parent in body.parents}
    for tag in candidates:
        if tag is body:
            break
        if id(tag) in around_body or tag.find(_LEAD_TAGS) is not None:
            continue
        text = squash(tag.get_text(" "))
        if _reads_as_lead(text, rules) and not tag.find_parent(list(rules.box_tags)):
            return text
    return _lead_from_description(soup, body, rules)


_LEAD_TAGS = ["p", "h2", "h3", "div"]


def _reads_as_lead(text: str, rules: HtmlRules) -> bool:
    """Long enough, and a sentence rather than a headline (the title is often repeated)."""
    return len(text.split()) >= rules.lead_min_words and not furniture().is_headline(text)


def _lead_from_description(soup: BeautifulSoup, body: Tag, rules: HtmlRules) -> str | None:
    description = meta_description(soup)
    if not description or not _reads_as_lead(description, rules):
        return None
    start = description[:60]
    for tag in soup.find_all(_LEAD_TAGS):
        if tag is body or body in tag.parents or tag.find(_LEAD_TAGS) is not None:
            continue
        text = squash(tag.get_text(" "))
        if start in text and len(text) < 2 * len(description) + 20:
            return text
    return None


def _drop_trailing_byline(paragraphs: list[str]) -> list[str]:
    """An HTML body often ends with the author's name ("Hà Thu (tổng hợp)") or the source
    ("Theo Reuters"): neither is article text."""
    rules = furniture()
    while paragraphs and any(
        check(paragraphs[-1]) for check in (rules.is_signature, rules.is_name_line, rules.is_source_line)
    ):
        paragraphs = paragraphs[:-1]
    return paragraphs
