"""The lead (sapo) of an HTML article: the sentence-like block between the headline and the body.

Why several ways: a known site names its lead (sites.yaml); most pages put it in a `<p>`,
`<h2>` or `<div>` right after the headline; older and mobile templates put it in a table
cell or in nested `<span>`s beside the body, sometimes with no `<h1>` at all. So: the site's
selector, else the first lead-shaped block after the headline, else the nearest lead-shaped
block before the body (any element holding no block of its own), else the visible block that
repeats the page's meta description.
"""
from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from vnfigures.clean.config import HtmlRules, SiteRules
from vnfigures.clean.page import squash
from vnfigures.clean.rules import furniture

_LEAD_TAGS = ["p", "h2", "h3", "div"]


def find_lead(soup: BeautifulSoup, site: SiteRules, head: Tag | None, body: Tag, rules: HtmlRules,
              title: str | None, description: str | None) -> str | None:
    """The lead's text, or None when the page has none apart from its body."""
    if site.lead:
        found = soup.select_one(site.lead)
        if found is not None and found is not body and squash(found.get_text(" ")):
            return squash(found.get_text(" "))
    return (_after_headline(head, body, rules) or _before_body(body, head, rules, title)
            or _from_description(soup, body, rules, description))


def _after_headline(head: Tag | None, body: Tag, rules: HtmlRules) -> str | None:
    if head is None:
        return None
    around_body = {id(parent) for parent in body.parents}
    for tag in head.find_all_next(_LEAD_TAGS):
        if tag is body:
            break
        if id(tag) in around_body or tag.find(_LEAD_TAGS) is not None:
            continue
        text = squash(tag.get_text(" "))
        if _reads_as_lead(text, rules) and not tag.find_parent(list(rules.box_tags)):
            return text
    return None


def _before_body(body: Tag, head: Tag | None, rules: HtmlRules, title: str | None) -> str | None:
    """The nearest lead-shaped element before the body that holds no block of its own and
    stands beside blocks (a table cell, a `<span>` next to the body's `<div>`)."""
    blocks = list(rules.block_tags - {"br", "hr"})
    around_body = {id(parent) for parent in body.parents}
    seen = 0
    for tag in body.find_all_previous(True):
        if tag is head or seen >= rules.lead_lookback:
            return None
        parent = tag.parent
        if id(tag) in around_body or parent is None or tag.find(blocks) is not None:
            continue
        if parent.find(blocks, recursive=False) is None and id(parent) not in around_body:
            continue  # inside a leaf block: that block is the candidate
        text = squash(tag.get_text(" "))
        if not text or text == title:
            continue
        seen += 1
        links = sum(len(squash(a.get_text(" "))) for a in tag.find_all("a"))
        if _reads_as_lead(text, rules) and links < rules.max_link_density * len(text):
            return text if not tag.find_parent(list(rules.box_tags)) else None
    return None


def _reads_as_lead(text: str, rules: HtmlRules) -> bool:
    """Long enough, and a sentence rather than a headline (the title is often repeated)."""
    return len(text.split()) >= rules.lead_min_words and not furniture().is_headline(text)


def _from_description(soup: BeautifulSoup, body: Tag, rules: HtmlRules, description: str | None) -> str | None:
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
