"""The article's main place (ANNOTATION.md §8): the province a figure holds in when nothing
nearer names one — its dateline, the place its title and lead name, a provincial paper's own
province, else the province most of its places are in.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from vnfigures.schemas import Article

from .gazetteer import ascii_key, gazetteer
from .layout import Layout
from .place_groups import PlaceGroup, group_places
from .places import find_places

#: A paper's tag before a dateline (`(Dân trí) - `, `NDĐT – `), and the dash after a dateline.
_DATELINE = re.compile(r"(?:\([^()\n]{1,30}\)|[A-ZĐ]{2,8})\s*[-–—]\s*")
_DASH = re.compile(r"\s*[-–—]\s")
_DATELINE_CHARS = 40  # a dateline is a place name, not a clause


def paper_province(article: Article) -> str | None:
    """A provincial paper's own province when its source or address names it (`baocamau.vn`,
    `Báo Cà Mau`): `bao` + a province name, accents and spacing ignored."""
    gaz = gazetteer()
    for field in (article.source, article.url):
        if not field:
            continue
        flat = ascii_key(field)
        for m in re.finditer(r"bao([a-z]+)", flat):
            for key, provinces in gaz.ascii_provinces().items():
                if m.group(1).startswith(key) and len(provinces) == 1:
                    return next(iter(provinces))
    return None


def main_province(article: Article, lay: Layout, groups: Sequence[PlaceGroup]) -> str | None:
    """The article's main place: its dateline, else the one province the title and lead name
    (or the title alone: `Hà Nam: ...` over a lead that also names a region), else the paper's
    own province, else the province that dominates the body's places.

    A title and lead naming one province and also a national or regional name (`Ngân hàng
    Chính sách xã hội Việt Nam`, `miền Trung`) still give that province when the body's places
    are mostly in it.
    """
    dateline = _dateline(lay, groups)
    if dateline is not None:
        return dateline.province
    head_end = lay.paragraphs[1][1] if len(lay.paragraphs) > 1 else len(article.text)
    title_end = lay.paragraphs[0][1] if lay.paragraphs else 0
    head = [g for g in groups if g.end <= head_end]
    for scope in (head, [g for g in head if g.end <= title_end]):
        found = {g.province for g in scope if g.province}
        if len(found) == 1 and not any(g.no_province for g in scope):
            return next(iter(found))  # the title and lead, else the title alone, name one province
    named = {g.province for g in head if g.province}
    if len(named) == 1 and _dominant(groups[len(head):]) in named:
        return next(iter(named))
    if any(g.resolved for g in head):
        return None
    return paper_province(article) or _dominant(groups)


def _dominant(groups: Sequence[PlaceGroup]) -> str | None:
    """The province of more of `groups` than all other provinces and no-province places
    together (and of 3 at least), else None."""
    body = Counter(g.province for g in groups if g.province)
    if not body:
        return None
    province, count = body.most_common(1)[0]
    nowhere = sum(1 for g in groups if g.no_province)
    return province if count > sum(body.values()) - count + nowhere and count >= 3 else None


def _dateline(lay: Layout, groups: Sequence[PlaceGroup]) -> PlaceGroup | None:
    """A place opening the lead or the first body paragraph before a dash (`Bạc Liêu - ...`,
    `TP HCM – ...`) or glued to its first word (`Hà NộiNhận ...`), optionally after the
    paper's tag (`(Dân trí) -`).

    The dash may have been read as a gap inside a group (`TP HCM – Các tỉnh`), so the words
    before it are looked up again on their own.
    """
    for start, end in lay.paragraphs[1:3]:
        opening = _DATELINE.match(lay.text, start)
        begin = opening.end() if opening else start
        limit = min(end, begin + _DATELINE_CHARS)
        dash = _DASH.search(lay.text, begin, limit)
        for stop in (_glued_end(lay.text, begin, limit), dash.start() if dash else None):
            place = _place_ending(lay.text, begin, stop) if stop is not None else None
            if place is not None:
                return place
    return None


def _glued_end(text: str, begin: int, limit: int) -> int | None:
    """Where a dateline glued to the lead's first word ends (`Hà NộiNhận thông báo`, `TP
    HCMHai dãy nhà`: the page set the place in its own box, and the scrape lost the space):
    the first capital after a letter, followed by a lowercase letter."""
    for i in range(begin + 1, limit - 1):
        if text[i].isupper() and text[i - 1].isalpha() and text[i + 1].islower():
            return i
    return None


def _place_ending(text: str, begin: int, stop: int) -> PlaceGroup | None:
    """The resolved place that spans exactly `text[begin:stop]`, if there is one."""
    head = [g for g in group_places(text, find_places(text[:stop])) if g.start == begin and g.end == stop]
    return head[0] if head and head[0].resolved else None
