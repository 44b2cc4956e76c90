"""Clean an HTML page: find the article (title, lead, body, captions), drop everything else.

How: read the metadata (address, time, headline) first, pick the body with the site's
selector from sites.yaml when one is known (an optional hint), else the element with the
most text in runs of article sentences (body.py), merged across ad slots; drop boxes inside
it (related stories, tags, bylines, share bars); cut it into text blocks; then apply the
same line rules as plain text (credits, related links, teasers, bylines). A page with no
run of article sentences is a list page or a homepage and raises `NoArticleFound`, saying
what it saw, rather than passing headlines off as an article.
"""
from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from vnfigures.clean.cleaned import Cleaned
from vnfigures.clean.config import HtmlRules, SiteRules, html_rules, site_rules
from vnfigures.clean.dates import dateline_date, url_date
from vnfigures.clean.meta import headline_tag, read_meta
from vnfigures.clean.body import find_body
from vnfigures.clean.lead import find_lead
from vnfigures.clean.page import density, drop_junk, squash, tags_in, text_blocks
from vnfigures.clean.promo import drop_promotions
from vnfigures.clean.rules import furniture
from vnfigures.clean.text import clean_lines
from vnfigures.errors import NoArticleFound


def clean_html(html: str, *, site_hints: bool = True) -> Cleaned:
    """Return the article of an HTML page, or raise `NoArticleFound` if it holds none.

    `site_hints=False` ignores sites.yaml, as on a site nobody has described (tests, bench).
    """
    try:
        return _clean(html, site_hints)
    except RecursionError as error:  # absurdly deep markup
        raise NoArticleFound("the page's markup is nested too deeply to read; save it again") from error


def _clean(html: str, site_hints: bool) -> Cleaned:
    rules = html_rules()
    soup = _parse(html)
    meta = read_meta(soup)  # JSON-LD is read before scripts go
    for tag in tags_in(soup, rules.hidden_tags):
        tag.decompose()
    site = (site_rules(meta.url) if site_hints else None) or SiteRules()
    head = headline_tag(soup, site.title, meta.title)
    title = squash(head.get_text(" ")) if head is not None else meta.title
    parts = _find_body(soup, site, rules)
    lead = find_lead(soup, site, head, parts[0], rules, title, meta.description)
    # metadata, then the page's dateline, then a <time> element, then a dated address
    when = meta.published or _dateline(head, parts[0], rules) or meta.time_published or url_date(meta.url)
    blocks = []
    for part in parts:
        drop_junk(part, rules, site.drop)
        drop_promotions(part, rules)
        blocks += text_blocks(part, rules)
    if lead and not any(lead in block or block in lead for block in blocks[:2]):
        blocks.insert(0, lead)
    cleaned = clean_lines(blocks, title=title)
    paragraphs = _drop_trailing_byline(cleaned.paragraphs)
    if sum(len(p) for p in paragraphs) < rules.min_body_chars:
        raise NoArticleFound("no article found in the page: too little text remains once furniture "
                             "is removed; pass the page of a single article")
    return Cleaned(title=title, paragraphs=paragraphs, url=meta.url, published=when)


def _parse(html: str) -> BeautifulSoup:
    """Parse with lxml, which is tolerant of broken and truncated markup."""
    if not isinstance(html, str) or not html.strip():
        raise NoArticleFound("the page is empty: there is no article to read")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html.replace("\x00", ""), "lxml")


def _find_body(soup: BeautifulSoup, site: SiteRules, rules: HtmlRules) -> list[Tag]:
    """The site's body selector when it matches, else the page's `articleBody` when it reads
    as an article, else the element with the most text in runs of sentences (body.py)."""
    body = soup.select_one(site.body) if site.body else None
    if body is None:
        body = next((t for t in tags_in(soup) if t.get("itemprop") == "articleBody"), None)
        if isinstance(body, Tag) and not density(body, rules).is_article(rules):
            body = None
    if isinstance(body, Tag):
        return [body]
    return find_body(soup, rules)


def _dateline(head: Tag | None, body: Tag, rules: HtmlRules) -> str | None:
    """The date of a dateline printed near the headline ("Thứ hai, 12/03/2012 08:15"): in the
    short text pieces after the headline up to the body, else just above the headline, or
    (no headline) just before the body and at its top. Short pieces only: a sentence's "8h30 ngày 5/3/2024" is no dateline."""
    if head is not None:
        after = [s for s in head.find_all_next(string=True, limit=rules.dateline_strings) if body not in s.parents]
        before = head.find_all_previous(string=True, limit=rules.dateline_strings // 2)
        strings = [*after, *before]  # a dateline after the headline first, else just above it
    else:
        before = body.find_all_previous(string=True, limit=rules.dateline_strings)
        strings = [*reversed(before), *body.find_all(string=True, limit=rules.dateline_strings)]
    pieces = [squash(str(s)) for s in strings]
    return dateline_date(" | ".join(p for p in pieces if p and len(p) <= rules.dateline_max_chars))


def _drop_trailing_byline(paragraphs: list[str]) -> list[str]:
    """An HTML body often ends with the author's name ("Hà Thu (tổng hợp)") or the source
    ("Theo Reuters"): neither is article text."""
    rules = furniture()
    while paragraphs and any(
        check(paragraphs[-1]) for check in (rules.is_signature, rules.is_name_line, rules.is_source_line)
    ):
        paragraphs = paragraphs[:-1]
    return paragraphs
