"""Where and when each figure holds: `place`, `province`, `year`, `year_max` (ANNOTATION.md §8).

WHY widening scopes: §8 takes a figure's place and year from its own clause, failing that its
sentence, failing that the paragraph or heading that frames it, then the title and lead, and
for the place finally the article's main place (dateline, lead, a provincial paper's own
province). Within a scope the nearest expression before the figure wins, then the nearest
after it. A place naming no single province (national, regional, abroad, or a list spanning
provinces) gives province null and stops the search; a place whose province is unknown or
ambiguous (`xóm Co Lương`, `xã Tân Thành`) keeps its text and takes its province from the
next scope that resolves it. A year is never guessed: no expression, no year.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from vnfigures.schemas import Article, Figure

from .gazetteer import ascii_key, gazetteer, place_words
from .lexicon import alternation, cue_before_re, windows
from .layout import Layout, layout
from .places import NO_PROVINCE, PlaceMention, find_places
from .years import YearMention, find_years, is_standing

#: A year frames what follows when its clause has at most this many other words (`Trong
#: năm 2024,`; `Mưa liên tục từ chiều 28-8,`).
_FRAME_WORDS = 4

#: A paragraph's first clause of at most this many words is a connective (`Theo đó,`).
_CONNECTIVE_WORDS = 2

#: A paper's tag before a dateline (`(Dân trí) - `, `NDĐT – `), and the dash after a dateline.
_DATELINE = re.compile(r"(?:\([^()\n]{1,30}\)|[A-ZĐ]{2,8})\s*[-–—]\s*")
_DASH = re.compile(r"\s*[-–—]\s")
_DATELINE_CHARS = 40  # a dateline is a place name, not a clause

#: The figure's own scopes (clause, sentence) come first in `_scopes`; the wider ones follow.
_OWN_SCOPES = 2
_FOREIGN = frozenset({"foreign"})

#: Text between two place mentions that makes them one group (`xã A, huyện B`, `A (B)`).
_GROUP_GAP = re.compile(r"(?:[\s,()\-–]|và|hoặc|thuộc|đến|tới|các|những)*")


@dataclass(frozen=True)
class PlaceGroup:
    """Adjacent place mentions read as one place (`xã Chà Nưa, huyện Nậm Pồ`; `A, B và C`)."""

    start: int
    end: int
    text: str
    province: str | None
    candidates: frozenset[str]  # provinces it may be in when `province` is unknown (empty: any)
    no_province: bool  # national, regional, abroad, or spanning several provinces
    levels: frozenset[str] = frozenset()  # unit levels of its members
    refers: str | None = None  # a lone `toàn tỉnh`: the level of the unit it points back to

    @property
    def resolved(self) -> bool:
        return self.no_province or self.province is not None


def group_places(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceGroup]:
    """Join mentions separated only by commas, brackets or `và` into groups, in order."""
    groups: list[list[PlaceMention]] = []
    for m in mentions:
        gap = text[groups[-1][-1].end:m.start] if groups else ""
        if groups and gap.isspace():
            groups[-1][-1] = m  # `Mặt trận Tổ quốc Việt Nam tỉnh An Giang`: the narrower one names it
        elif groups and _GROUP_GAP.fullmatch(gap):
            groups[-1].append(m)
        else:
            groups.append([m])
    return [_group(text, g) for g in groups]


def where_events_hold(text: str, groups: Sequence[PlaceGroup]) -> list[PlaceGroup]:
    """The groups that may locate a figure: not where a person lives (`anh A, trú tại xã B`),
    since the people of an event hold at the event's place (§8), nor a nationality (`1 người Mỹ`,
    `nhà đầu tư Thái Lan`): the people and things of a country are not abroad."""
    out = []
    for g in groups:
        before = text[max(0, g.start - windows().residence_before):g.start]
        if _residence_re().search(before) or (g.levels == _FOREIGN and _nationality_re().search(before)):
            continue
        out.append(g)
    return out


@cache
def _residence_re() -> re.Pattern[str]:
    return cue_before_re(place_words().residence_words, r"\s+")


@cache
def _nationality_re() -> re.Pattern[str]:
    return cue_before_re(place_words().nationality_words, r"\s+")


def _group(text: str, members: list[PlaceMention]) -> PlaceGroup:
    start, end = members[0].start, members[-1].end
    if text.count("(", start, end) > text.count(")", start, end) and text[end:end + 1] == ")":
        end += 1  # `Từ Sơn (Bắc Ninh)`: keep the bracket the group opened
    resolved = {m.province for m in members if m.province}
    spans_many = any(m.level in NO_PROVINCE for m in members) or len(resolved) > 1
    sets = [m.provinces for m in members if m.provinces]
    candidates = frozenset.intersection(*sets) if sets else frozenset()
    province = None if spans_many else (next(iter(resolved)) if resolved else None)
    refers = members[0].refers if len(members) == 1 else None
    return PlaceGroup(start, end, text[start:end].strip(" ,"), province, candidates, spans_many,
                      _levels(members), refers)


def _levels(members: Sequence[PlaceMention]) -> frozenset[str]:
    """The unit levels a group names; a centrally-run city (`TP.HCM`) is a province too."""
    out = {m.level for m in members}
    if "city" in out or "bare" in out:
        out |= {"district"}
    if "city" in out:
        out |= {"province"}
    return frozenset(out)


def _ordered(items: Sequence, lo: int, hi: int, fig: Figure) -> list:
    """Items inside [lo, hi): the nearest before the figure first, then the nearest after it."""
    before = [x for x in items if lo <= x.start and x.end <= fig.start]
    after = [x for x in items if fig.end <= x.start < hi]
    return before[::-1] + after


def _scopes(lay: Layout, fig: Figure, framing: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The figure's clause, sentence, the start of its paragraph up to it, and its heading."""
    clause, sentence = lay.clause(fig.start), lay.sentence(fig.start)
    para = lay.paragraph(fig.start)
    scopes = [clause, sentence, (para[0], fig.start)]
    heading = _heading_above(lay, fig)
    if heading is not None:
        scopes.append(heading)
    if framing is not None:
        scopes.append(framing)
    return scopes


def locate_place(groups: Sequence[PlaceGroup], scopes: Sequence[tuple[int, int]], fig: Figure,
                 main: str | None) -> tuple[str | None, str | None]:
    """(place, province) of one figure.

    A foreign name counts only in the figure's own clause or sentence: in an earlier sentence
    it is mostly an attribute (`giống lợn Hàn Quốc`, `nhà đầu tư Thái Lan`), not the place the
    paragraph reports on.
    """
    anchor: PlaceGroup | None = None
    for depth, (lo, hi) in enumerate(scopes):
        for g in _ordered(groups, lo, hi, fig):
            if depth >= _OWN_SCOPES and g.levels == _FOREIGN:
                continue
            if anchor is None:
                anchor = g
                if g.resolved:
                    return g.text, g.province
            elif anchor.refers is not None:
                if anchor.refers in g.levels and g.resolved:
                    return g.text, g.province  # `toàn tỉnh` is the province named before
            elif g.province is not None and (not anchor.candidates or g.province in anchor.candidates):
                return anchor.text, g.province
    if anchor is None or anchor.refers is not None:
        return None, main
    return anchor.text, main if main and (not anchor.candidates or main in anchor.candidates) else None


def locate_year(years: Sequence[YearMention], lay: Layout, fig: Figure,
                framing: tuple[int | None, int | None]) -> tuple[int | None, int | None]:
    """(year, year_max) of one figure: its clause, its sentence, the phrase that opens its
    paragraph (`Năm 2024, ...`), the heading above it, else the period the title or lead names."""
    own = [y for y in years if not y.comparison]
    standing = is_standing(lay.text, fig.start)
    for lo, hi in (lay.clause(fig.start), lay.sentence(fig.start)):
        found = _ordered(own, lo, hi, fig)
        if found:
            return found[0].year, found[0].year_max
        if standing:
            return None, None  # a size or capacity holds for no period unless its clause says so
    opener = _opener(lay, lay.paragraph(fig.start)[0], years)
    if opener[1] <= fig.start:
        found = [y for y in own if opener[0] <= y.start < opener[1] and not y.dated and _frames(lay, y)]
        if found:
            return found[0].year, found[0].year_max
    heading = _heading_above(lay, fig)
    if heading is not None:
        found = [y for y in own if heading[0] <= y.start < heading[1]]
        if found:
            return found[0].year, found[0].year_max
    return framing


def _opener(lay: Layout, start: int, years: Sequence[YearMention]) -> tuple[int, int]:
    """The clause that opens the paragraph at `start`, past a connective (`Theo đó,`, `Cụ
    thể,`, `Được biết,`: short, and no year in it): `Theo đó, năm 2024, ...` is framed by
    `năm 2024`."""
    clause = lay.clause(start)
    following = lay.clause(clause[1])
    if (following != clause and len(re.findall(r"\w+", lay.text[clause[0]:clause[1]])) <= _CONNECTIVE_WORDS
            and not any(clause[0] <= y.start < clause[1] for y in years)):
        return following
    return clause


def _heading_above(lay: Layout, fig: Figure) -> tuple[int, int] | None:
    """The nearest heading line above the figure's paragraph (never the title)."""
    index = lay.paragraph_index(fig.start)
    heading = next((i for i in range(index - 1, -1, -1) if lay.is_heading(i)), None)
    return lay.paragraphs[heading] if heading else None


def framing_period(years: Sequence[YearMention], lay: Layout, title_end: int,
                   head_end: int) -> tuple[int | None, int | None]:
    """The period the title names, else the one a framing phrase of the lead names
    (`trong 9 tháng đầu năm 2024, ...`; `Trưa 27/8, ...` dates the event: the publication
    year). A day written without its year anywhere in the lead's first sentence dates the event
    the article reports (`mưa lũ xảy ra từ ngày 7-7 đến nay ...`): the publication year. Any other
    year inside a longer clause of the lead is that clause's, not the article's."""
    own = [y for y in years if y.end <= head_end and not y.comparison]
    first = lay.sentence(title_end + 1) if title_end < head_end else (0, 0)
    for y in own:
        if y.end <= title_end or _frames(lay, y) or (y.dated and first[0] <= y.start < first[1]):
            return y.year, y.year_max
    return None, None


def _frames(lay: Layout, year: YearMention) -> bool:
    """Whether `year` is a framing phrase: its clause holds little else (`Năm 2024,`)."""
    lo, hi = lay.clause(year.start)
    rest = lay.text[lo:year.start] + lay.text[year.end:hi]
    return len(re.findall(r"\w+", rest)) <= _FRAME_WORDS


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
    `TP HCM – ...`), optionally after the paper's tag (`(Dân trí) -`).

    The dash may have been read as a gap inside a group (`TP HCM – Các tỉnh`), so the words
    before it are looked up again on their own.
    """
    for start, end in lay.paragraphs[1:3]:
        opening = _DATELINE.match(lay.text, start)
        begin = opening.end() if opening else start
        dash = _DASH.search(lay.text, begin, min(end, begin + _DATELINE_CHARS))
        if dash is None:
            continue
        head = [g for g in group_places(lay.text, find_places(lay.text[:dash.start()]))
                if g.start == begin and g.end == dash.start()]
        if head and head[0].resolved:
            return head[0]
    return None


def _counts_provinces(fig: Figure) -> bool:
    """Whether the figure counts provinces (`4 tỉnh`, `21 tỉnh, thành`)."""
    return _counted_re().match(fig.text, _number_end(fig.text)) is not None


@cache
def _counted_re() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation(place_words().counted_provinces)})(?!\w)", re.IGNORECASE)


def _number_end(text: str) -> int:
    """Offset just past the digits of a figure's span (`4 tỉnh` -> 1)."""
    m = re.search(r"\d[\d.,]*", text)
    return m.end() if m else 0


def published_year(article: Article) -> int | None:
    """The publication year from `Article.published` (ISO date), when known."""
    m = re.match(r"(\d{4})", article.published or "")
    return int(m.group(1)) if m else None


def locate(article: Article) -> Article:
    """Fill place/province/year/year_max of every figure and the article's main province."""
    text = article.text
    lay = layout(text)
    mentions = find_places(text)
    main_groups = where_events_hold(text, group_places(text, [m for m in mentions if m.level != "bare"]))
    main = main_province(article, lay, main_groups)
    # A bare district name (`Ba Vì`) is read only inside the article's own province: elsewhere
    # it is as likely a street, a bridge or a market named after a district (`đường Hai Bà Trưng`).
    usable = [m for m in mentions if m.level != "bare" or (main and main in m.provinces)]
    groups = where_events_hold(text, group_places(text, usable))
    years = find_years(text, published_year(article))
    head_end = lay.paragraphs[1][1] if len(lay.paragraphs) > 1 else len(text)
    title_end = lay.paragraphs[0][1] if lay.paragraphs else 0
    framing = framing_period(years, lay, title_end, head_end)
    lead = (0, head_end)
    figures = []
    for fig in article.figures:
        place, province = locate_place(groups, _scopes(lay, fig, lead), fig, main)
        if fig.value > 1 and _counts_provinces(fig):
            province = None  # `4 tỉnh miền Trung`: the figure spans its provinces
        year, year_max = locate_year(years, lay, fig, framing)
        figures.append(fig.model_copy(update={"place": place, "province": province, "year": year,
                                              "year_max": year_max}))
    return article.model_copy(update={"figures": figures, "province": main})
