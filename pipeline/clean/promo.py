"""Promotional and link boxes inside an article body, recognised by their shape.

Why shape: a box advertising a flat, a course or another story sits inside the body under
any class name the site likes ("kbox", "z-1", "inread"); naming them all is a losing game.
What such a box looks like is constant: most of its text is links, or it is a stack of
short lines (a slogan, an offer, a phone number, a call to action) with no sentence among
them. Data tables and lists of the article are left alone, and so is a box that holds a
sentence.
"""
from __future__ import annotations

import re

from bs4 import Tag
from vnfigures.clean.config import HtmlRules
from vnfigures.clean.page import squash, tags_in, text_blocks

_SENTENCE_END = re.compile(r"[.!?…:;][\"”’)]*$")
_WORD = re.compile(r"\w+")  # a dash or a bullet between words is no word
_BOXES = frozenset({"div", "section", "aside", "span", "center"})
_CONTENT_BOXES = ["table", "ul", "ol", "dl", "p", "blockquote", "figure"]


def drop_promotions(body: Tag, rules: HtmlRules) -> None:
    """Remove link boxes and short-line promotional boxes found inside `body`."""
    for box in tags_in(body, _BOXES):
        if box.decomposed or box.attrs is None:
            continue
        if _link_box(box, rules) or _promo_box(box, rules):
            box.decompose()


def _link_box(box: Tag, rules: HtmlRules) -> bool:
    """A box whose text is mostly links (a card pointing elsewhere)."""
    text = squash(box.get_text(" "))
    if not text or box.find("a") is None:
        return False
    links = sum(len(squash(a.get_text(" "))) for a in box.find_all("a"))
    return links >= rules.promo_link_share * len(text)


def _promo_box(box: Tag, rules: HtmlRules) -> bool:
    """Several short lines, none a sentence, with a link, a picture or a line in capitals."""
    if box.find(_CONTENT_BOXES) is not None:
        return False
    lines = text_blocks(box, rules)
    if len(lines) < rules.promo_min_lines:
        return False
    if any(len(_WORD.findall(line)) > rules.promo_max_line_words or _SENTENCE_END.search(line) for line in lines):
        return False
    return box.find(["a", "img"]) is not None or any(line.isupper() for line in lines)
