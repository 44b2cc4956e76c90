"""Fallback body finder for pages whose paragraphs are not `<p>` children of one element.

Why: some CMSs wrap every paragraph in its own `<div>`, or write paragraphs as bare `<div>`s;
the density rule of page.py then finds no container with enough text. Here a paragraph is a
`<p>` or a text-only `<div>`, and its text counts for its parent and, at half weight, for its
grandparent (as readability-style extractors do). A list page can score high this way (one
teaser per wrapped item), so a candidate holding several linked headings or `<article>`
items is refused: the fallback must never pass a list of headlines off as an article.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag
from vnfigures.clean.config import HtmlRules
from vnfigures.clean.page import Density, inside_box, squash, tag_words

_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_CANDIDATES_TRIED = 5
_HEADLINE_LINK_WORDS = 4


def wrapped_body(soup: BeautifulSoup | Tag, rules: HtmlRules) -> Tag | None:
    """The best-scoring container of wrapped paragraphs that reads as an article, if any."""
    scores: dict[int, float] = defaultdict(float)
    nodes: dict[int, Tag] = {}
    for paragraph in _paragraphs(soup, rules):
        length = len(squash(paragraph.get_text()))
        for weight, node in zip((1.0, 0.5), paragraph.parents):
            if isinstance(node, Tag) and node.name not in ("body", "html", "[document]"):
                scores[id(node)] += weight * length
                nodes[id(node)] = node
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[:_CANDIDATES_TRIED]
    for key in ranked:
        candidate = nodes[key]
        found = wrapped_density(candidate, rules)
        if inside_box(candidate, rules) or looks_like_list(candidate, rules, found.paragraphs):
            continue
        if found.is_article(rules):
            return candidate
    return None


def wrapped_density(container: Tag, rules: HtmlRules) -> Density:
    """Paragraph text of `container`'s children and grandchildren."""
    chars = count = links = 0
    for paragraph in _paragraphs(container, rules):
        depth = next(i for i, parent in enumerate(paragraph.parents) if parent is container)
        if depth <= 1:
            length = len(squash(paragraph.get_text()))
            chars += length
            count += 1
            links += sum(len(squash(a.get_text())) for a in paragraph.find_all("a"))
    return Density(chars, count, links)


def _paragraphs(root: BeautifulSoup | Tag, rules: HtmlRules) -> Iterator[Tag]:
    """`<p>` elements and `<div>`s that hold text but no block element."""
    blocks = list(rules.block_tags - {"br", "hr"})
    for tag in root.find_all(["p", "div"]):
        if tag.name == "div" and tag.find(blocks) is not None:
            continue
        if len(squash(tag.get_text())) >= rules.min_paragraph_chars:
            yield tag


def looks_like_list(container: Tag, rules: HtmlRules, paragraphs: int) -> bool:
    """Several linked headlines or `<article>` items, or about as many headline links as
    paragraphs: a list of stories, not one story. Links in related-story boxes (junk words
    in their names) do not count, since an article may carry such a box."""
    linked = [h for h in container.find_all(_HEADINGS) if h.find("a") is not None or h.find_parent("a")]
    headings = sum(1 for h in linked if _outside_junk(h, container, rules))
    items = sum(1 for a in container.find_all("article") if _outside_junk(a, container, rules))
    if max(headings, items) > rules.list_max_linked_headings:
        return True
    headlines = sum(
        1 for a in container.find_all("a")
        if len(squash(a.get_text()).split()) >= _HEADLINE_LINK_WORDS and _outside_junk(a, container, rules)
    )
    return headlines > rules.list_max_linked_headings and 2 * headlines >= paragraphs


def _outside_junk(tag: Tag, container: Tag, rules: HtmlRules) -> bool:
    """Not inside a box named as furniture (between `tag` and `container`)."""
    for node in [tag, *tag.parents]:
        if node is container:
            return True
        if rules.is_junk(tag_words(node, rules)):
            return False
    return True
