"""Find the article body on any page: the container with the most text in runs of sentences.

Why not the site's markup: a researcher's own province paper, a 2012 table layout or a
mobile `m.` page has markup nobody described. What every article page has is a run of
sentence paragraphs (blocks.py); what a list page or homepage has is teasers cut apart by
linked headlines. So every element is scored by the characters of its qualifying runs, the
best one is the body, and:

- siblings that hold runs of their own, with nothing but ad slots (short or empty boxes),
  pictures or subheadings between, are merged with it: a body split in two around an ad
  slot, or a long article in sections, is read whole; a short box of links set between two
  such siblings ("Có thể bạn quan tâm" and two headlines) is passed over and left out;
- the body's tail from the first linked headline after its last run (teasers of other
  stories in the same container) is cut, and so is its head up to the last linked headline
  before its first run (a breadcrumb, a "read also" link);
- when no element has such a run, the page is refused, saying what it saw.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from vnfigures.clean.blocks import Index, Kind, Runs, container_runs
from vnfigures.clean.config import HtmlRules
from vnfigures.clean.page import inside_box, squash, tag_words, tags_in
from vnfigures.errors import NoArticleFound

_ROOTS = ("html", "body", "[document]")
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_DIGITS = re.compile(r"\d+")


class Scan:
    """Every element's runs, computed once per page."""

    def __init__(self, soup: BeautifulSoup | Tag, rules: HtmlRules) -> None:
        self.rules = rules
        tags = [node for node in soup.descendants if isinstance(node, Tag)]
        self.index = Index(tags, rules)
        self.runs: dict[int, Runs] = {}
        self.tags: dict[int, Tag] = {}
        self.best_inside: dict[int, int] = {}
        self.longest = 0
        for tag in tags:
            if not (self.index.has_block[id(tag)] or self.index.br_child[id(tag)]):
                continue  # a leaf paragraph: its parent reads it as one unit
            runs = container_runs(tag, rules, self.index)
            self.longest = max(self.longest, runs.longest)
            if runs.score:
                self.runs[id(tag)], self.tags[id(tag)] = runs, tag
        for key, runs in self.runs.items():
            for node in [self.tags[key], *self.tags[key].parents]:
                if self.best_inside.get(id(node), 0) >= runs.score:
                    break
                self.best_inside[id(node)] = runs.score

    def ranked(self) -> list[Tag]:
        """The elements with the highest scores outside page boxes (popups, footers, ...)."""
        keys = sorted(self.runs, key=lambda k: self.runs[k].score, reverse=True)
        found: list[Tag] = []
        for key in keys:
            if len(found) == self.rules.candidates_tried or self.runs[key].score < self.rules.merge_min_chars:
                break
            if not inside_box(self.tags[key], self.rules):
                found.append(self.tags[key])
        return found

    def score_inside(self, tag: Tag) -> int:
        """The best score of `tag` or of any element inside it."""
        return self.best_inside.get(id(tag), 0)


def find_body(soup: BeautifulSoup | Tag, rules: HtmlRules) -> list[Tag]:
    """The body's parts in reading order (one element, or several split by ad slots): of the
    best-scoring elements, the one whose merged parts hold the most text in runs."""
    scan = Scan(soup, rules)
    best: list[Tag] = []
    best_total = 0
    for candidate in scan.ranked():
        parts = _merge_siblings(candidate, scan, rules)
        total = sum(scan.score_inside(part) for part in parts)
        if total > best_total:
            best, best_total = parts, total
    if best_total < rules.min_body_chars:
        raise NoArticleFound(no_article_message(soup, scan, rules))
    for part in best:
        if id(part) in scan.runs:
            _trim(part, scan.runs[id(part)])
    return best


def no_article_message(soup: BeautifulSoup | Tag, scan: Scan, rules: HtmlRules) -> str:
    """What the page holds instead of an article, in numbers a user can check."""
    headlines = sum(1 for a in tags_in(soup, {"a"})
                    if len(a.get_text(" ").split()) >= rules.headline_link_words)
    visible = max(scan.index.chars.values(), default=0)  # the root holds every element's text
    if visible <= rules.bare_page_max_chars and headlines <= rules.bare_page_max_headlines:
        return (f"no article found in the page: it holds almost no text ({visible} visible characters, "
                f"{headlines} linked headlines): its content is filled in by scripts, or it is a redirect "
                "or a bot check; save the page once it has loaded in a browser")
    return ("no article found in the page: no run of article sentences "
            f"({headlines} linked headlines, longest paragraph {scan.longest} characters); "
            "it looks like a section list or homepage: pass the page of a single article")


def _merge_siblings(best: Tag, scan: Scan, rules: HtmlRules) -> list[Tag]:
    """`best` and the sibling blocks that continue it across ad slots, a few levels up."""
    parts = [best]
    node = best
    for _ in range(rules.merge_levels):
        before, open_before = _continuation(node, node.previous_siblings, scan, rules)
        after, open_after = _continuation(node, node.next_siblings, scan, rules)
        parts = before[::-1] + parts + after
        parent = node.parent
        if not (open_before and open_after) or parent is None or parent.name in _ROOTS:
            break
        node = parent
    return parts


def _continuation(node: Tag, siblings: Iterable[PageElement], scan: Scan,
                  rules: HtmlRules) -> tuple[list[Tag], bool]:
    """Siblings that hold runs of their own, with the ad slots, pictures and subheadings
    between them (a short link box is passed over and left out when the sibling after it is of
    the same kind as `node`: a comment thread after "Tin liên quan" is not); and whether the walk reached the end of the parent without meeting other
    content (what stands after the last run is left out)."""
    merged: list[Tag] = []
    pending: list[Tag] = []
    interrupts = 0
    for sibling in siblings:
        if isinstance(sibling, NavigableString):
            if len(squash(str(sibling))) > rules.ad_slot_max_chars:
                return merged, False
            continue
        if not isinstance(sibling, Tag):
            continue
        if scan.score_inside(sibling) >= rules.merge_min_chars and not inside_box(sibling, rules):
            if interrupts and _kind(sibling) != _kind(node):
                return merged, False
            merged += [*pending, sibling]
            pending = []
        elif _ad_slot(sibling, scan, rules) or _picture_or_heading(sibling, scan, rules):
            pending.append(sibling)
        elif interrupts < rules.interrupts_max and _link_box(sibling, scan, rules):
            interrupts += 1  # left out of the parts: only what follows it may join
        else:
            return merged, False
    return merged, True


def _ad_slot(tag: Tag, scan: Scan, rules: HtmlRules) -> bool:
    """An empty or nearly empty box (its scripts are gone), or one named as an ad."""
    if scan.index.chars[id(tag)] <= rules.ad_slot_max_chars:
        return True
    return rules.is_junk(tag_words(tag, rules)) and not tag.find("p")


def _kind(tag: Tag) -> tuple[str, frozenset[str]]:
    """A template's wrapper: its tag and class names without digits (`section.s1`, `section.s2`
    are one kind): the parts of a body a box cuts apart are written with the same wrapper."""
    return tag.name, frozenset(_DIGITS.sub("", c) for c in tag.get("class") or ())


def _link_box(tag: Tag, scan: Scan, rules: HtmlRules) -> bool:
    """A short box of links ("Có thể bạn quan tâm" and two headlines) set into the article:
    mostly linked text, or holding a linked headline, and no run of its own."""
    chars = scan.index.chars[id(tag)]
    if chars > rules.interrupt_max_chars or scan.score_inside(tag):
        return False
    return bool(scan.index.headlines[id(tag)]) or scan.index.links[id(tag)] >= rules.breaker_link_share * chars


def _picture_or_heading(tag: Tag, scan: Scan, rules: HtmlRules) -> bool:
    """A picture with its caption, or a subheading: what a long article puts between its
    sections. Neither holds a linked headline."""
    if scan.index.headlines[id(tag)] or scan.index.chars[id(tag)] > rules.caption_max_chars:
        return False
    return tag.name in _HEADINGS or tag.name == "figure" or tag.find("img") is not None


def _trim(body: Tag, runs: Runs) -> None:
    """Cut the teasers after the article's last run (from the first linked headline or box
    holding one) and the links before its first run."""
    children = list(body.children)
    breakers = [u.child for u in runs.units if u.kind is Kind.BREAKER]
    # after the article, a box holding a linked headline is a teaser card (<article><h3><a>)
    linked = [u.child for u in runs.units if u.kind is Kind.BREAKER or (u.kind is Kind.NEUTRAL and u.headlines)]
    after = [i for i in linked if runs.last is not None and i > runs.last]
    before = [i for i in breakers if runs.first is not None and i < runs.first]
    cut_from = after[0] if after else len(children)
    cut_to = before[-1] + 1 if before else 0
    for index, child in enumerate(children):
        if index < cut_to or index >= cut_from:
            child.extract()
