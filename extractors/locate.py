"""Where and when each figure holds: `place`, `province`, `year`, `year_max` (ANNOTATION.md §8).

WHY widening scopes: §8 takes a figure's place and year from its own clause, failing that its
sentence, failing that the paragraph or heading that frames it, then the title and lead, and
for the place finally the article's main place (dateline, lead, a provincial paper's own
province). Within a scope the nearest expression before the figure wins, then the nearest
after it. A place naming no single province (national, regional, abroad, or a list spanning
provinces) gives province null and stops the search; a place whose province is unknown or
ambiguous (`xóm Co Lương`, `xã Tân Thành`) keeps its text and takes its province from the
next scope that resolves it. A year is never guessed: no expression, no year. Grouping the
mentions is `place_groups`'s work, the article's main place `main_place`'s.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from vnfigures.schemas import Article, Figure

from .gazetteer import name_key, place_words
from .lexicon import alternation, windows, word_re
from .layout import Layout, layout
from .main_place import main_province
from .place_groups import (FOREIGN, PlaceGroup, ends_a_firms_name, ends_a_national_name, group_places,
                           where_events_hold)
from .places import PlaceMention, find_places
from .framing import article_period, frames
from .years import YearMention, find_years, is_standing, lowered, year_words

#: A paragraph's first clause of at most this many words is a connective (`Theo đó,`).
_CONNECTIVE_WORDS = 2

#: The levels of a group made of national names only (`Việt Nam`, `cả nước`).
NATIONAL = frozenset({"national"})

#: The figure's own scopes (clause, sentence) come first in `_scopes`; the wider ones follow.
_OWN_SCOPES = 2


def _ordered(items: Sequence, lo: int, hi: int, fig: Figure) -> list:
    """Items inside [lo, hi): the nearest before the figure first, then the nearest after it."""
    before = [x for x in items if lo <= x.start and x.end <= min(fig.start, hi)]
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


def _examples_after(groups: Sequence[PlaceGroup], lo: int, hi: int, fig: Figure) -> bool:
    """Whether nothing in [lo, hi) names a place before the figure and the places after it lie
    in several provinces: the figure holds across them."""
    if any(lo <= g.start and g.end <= fig.start for g in groups):
        return False
    return len({g.province for g in groups if fig.end <= g.start < hi and g.province}) > 1


def locate_place(groups: Sequence[PlaceGroup], scopes: Sequence[tuple[int, int]], fig: Figure,
                 main: str | None, captioned: frozenset[int] = frozenset(),
                 listed: frozenset[int] = frozenset(), named: frozenset[int] = frozenset(),
                 unnamed: frozenset[int] = frozenset()) -> tuple[str | None, str | None]:
    """(place, province) of one figure.

    A foreign name counts only in the figure's own clause or sentence: in an earlier sentence
    it is mostly an attribute (`giống lợn Hàn Quốc`, `nhà đầu tư Thái Lan`), not the place the
    paragraph reports on. So does a place of a photo's caption (`captioned`: the starts of
    such groups): it tells where the photo was taken, not where the text around it holds. And
    so does a place that ends a firm's name (`named`: `sự cố môi trường do Formosa Hà Tĩnh gây
    ra` in the lead of national budget figures): it names the firm, not what the article reports on;
    even in the figure's own sentence it locates no figure before it (`Bộ Tài chính đã tạm cấp 1.680
    tỷ đồng ... do Formosa Hà Tĩnh gây ra`): a firm named after a figure says who, not where.
    And so do several provinces named by no region (`unnamed`: `cho thành phố và các tỉnh lân cận`).
    """
    anchor: PlaceGroup | None = None
    for depth, (lo, hi) in enumerate(scopes):
        if depth < _OWN_SCOPES and _examples_after(groups, lo, hi, fig):
            return None, None  # `có nơi trên 200mm như: Mai Hóa (Quảng Bình), Tà Long (Quảng Trị)`
        for g in _ordered(groups, lo, hi, fig):
            if depth >= _OWN_SCOPES and (g.levels == FOREIGN or g.start in captioned or g.start in listed
                                          or g.start in named or g.start in unnamed):
                continue
            if g.start in named and g.start >= fig.end:
                continue  # `cấp 1.680 tỷ đồng ... do Formosa Hà Tĩnh gây ra`: the firm comes after, as who
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
                framing: tuple[int | None, int | None],
                title_period: tuple[int | None, int | None] = (None, None),
                event_dated: bool = False) -> tuple[int | None, int | None]:
    """(year, year_max) of one figure: its clause, its sentence, the phrase that opens its
    paragraph (`Năm 2024, ...`) or a numbered event its first sentence reports (`Bão số 3 ...`: the
    paragraph tallies its damage), the heading above it, else the period the title or lead names.
    A figure reported as a standing state (`hiện có`) holds for the period the title names, else none."""
    own = [y for y in years if not y.comparison]
    standing = is_standing(lay.text, fig.start)
    for lo, hi in (lay.clause(fig.start), lay.sentence(fig.start)):
        found = _ordered(own, lo, hi, fig)
        if found:
            return _year_of(found[0], title_period)
        if standing:  # a size or capacity holds for no period unless its clause says so, or it is
            return framing if _affected(lay, fig) else (None, None)  # what the lead-dated event hit
    previous = _elaborated(lay, fig)
    if previous is not None:
        found = _ordered(own, previous[0], previous[1], fig)
        if found:
            return _year_of(found[0], title_period)
    opener = _opener(lay, lay.paragraph(fig.start)[0], years)
    if opener[1] <= fig.start:
        found = [y for y in own if opener[0] <= y.start < opener[1] and not y.dated and frames(lay, y)]
        if found:
            return _year_of(found[0], title_period)
    first = lay.sentence(lay.paragraph(fig.start)[0])
    if first[1] <= fig.start:  # `Bão số 3 đổ bộ gây thiệt hại nặng. Toàn huyện có 200 nhà bị tốc mái.`
        found = [y for y in own if first[0] <= y.start < first[1] and y.event]
        if found:
            return _year_of(found[0], title_period)
    heading = _heading_above(lay, fig)
    if heading is not None:
        found = [y for y in own if heading[0] <= y.start < heading[1]]
        if found:
            return _year_of(found[0], title_period)
    if event_dated and _possessed(lay, fig) and not _affected(lay, fig):
        return None, None  # `Thôn Đang có 69 hộ`, `cầu có 9 nhịp`: what a place or a work has, no event's
    return framing


def _elaborated(lay: Layout, fig: Figure) -> tuple[int, int] | None:
    """The sentence before the figure's when the figure's opens by elaborating on it (`Cụ thể,
    khai thác biển ước đạt hơn 1,55 triệu tấn` after `sản lượng 6 tháng đầu năm 2017 đạt ...`):
    the details hold for the period that sentence names."""
    lo, _ = lay.sentence(fig.start)
    if lo == 0 or not _elaboration_re().match(lowered(lay.text[lo:lo + 20]).lstrip()):
        return None
    previous = lay.sentence(lo - 1)
    return previous if previous[1] <= lo and lay.paragraph(previous[0]) == lay.paragraph(lo) else None


@cache
def _elaboration_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(year_words().elaboration_openers)})\s*,")


def _listed(lay: Layout, groups: Sequence[PlaceGroup]) -> frozenset[int]:
    """Starts of the places of a sentence that names several provinces (`trong đó, Khánh Hòa
    đạt 2.925 tấn; Phú Yên đạt 3.201 tấn`, `(Điện Biên, Nghệ An, Đồng Tháp)`): a breakdown or a
    list, whose last item says nothing of where the sentences after it hold."""
    by_sentence: dict[tuple[int, int], list[PlaceGroup]] = {}
    for g in groups:
        by_sentence.setdefault(lay.sentence(g.start), []).append(g)
    out: set[int] = set()
    for members in by_sentence.values():
        provinces = {g.province for g in members if g.province}
        if len(provinces) > 1 or any(g.no_province and "province" in g.levels for g in members):
            out.update(g.start for g in members)
    return frozenset(out)


@cache
def _unnamed_regions() -> frozenset[str]:
    """Name keys of the phrases naming several provinces by no region (`các tỉnh`)."""
    return frozenset(name_key(w) for w in place_words().unnamed_regions)


def _captioned(lay: Layout, groups: Sequence[PlaceGroup]) -> frozenset[int]:
    """Starts of the places in a photo's caption: a sentence that the photo credit follows
    (`... thăm Mẹ Việt Nam Anh hùng Trần Thị Tư, thành phố Phan Thiết. Ảnh VGP/Quang Hiếu`)
    or that ends with it (`... tại huyện Định Hóa (Ảnh: TTXVN)`)."""
    credit = _credit_re()
    out = set()
    for g in groups:
        lo, hi = lay.sentence(g.start)
        if credit.match(lay.text, hi) or credit.search(lay.text, g.end, hi):
            out.add(g.start)
    return frozenset(out)


@cache
def _credit_re() -> re.Pattern[str]:
    return re.compile(place_words().photo_credit)


def _possessed(lay: Layout, fig: Figure) -> bool:
    """Whether the figure is what its clause's subject has (`Thôn Đang có 69 hộ, 311 nhân khẩu`,
    `Cầu có 9 nhịp, 8 trụ`): `có` right before it or before the list it closes. A standing fact:
    the article's dated event gives it no year (§8), though its own sentence or paragraph may."""
    lo = lay.clause(fig.start)[0]
    sentence = lay.sentence(fig.start)[0]
    before = lowered(lay.text[max(sentence, lo - windows().possession_before):fig.start])
    has = _possession_re().search(before)
    return has is not None and _possessor_re().search(before, 0, has.start()) is not None


@cache
def _possessor_re() -> re.Pattern[str]:
    """A place or a work as the subject having the figure (`Thôn Đang`, `Cầu Sông Lô`)."""
    return word_re(year_words().possessors)


@cache
def _possession_re() -> re.Pattern[str]:
    words = year_words()
    return re.compile(rf"(?<!\w)(?:{alternation(words.possession_words)})\s+(?:[^\W\d_]+\s+){{0,2}}"
                      rf"(?:[\d.,]+\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*,\s*)*$")


def _affected(lay: Layout, fig: Figure) -> bool:
    """Whether the figure's sentence tells what the event did to the thing it measures (`Hai dãy
    nhà rộng hơn 4.000 m2 đã bị thiêu rụi`): the size is then the event's, dated like it."""
    lo, hi = lay.sentence(fig.start)
    return _affected_re().search(lowered(lay.text[lo:hi])) is not None


@cache
def _affected_re() -> re.Pattern[str]:
    words = year_words()
    not_after = "".join(f"(?<!{re.escape(w)} )" for w in words.affected_not_after)
    return re.compile(rf"(?<!\w){not_after}(?:{alternation(words.affected_words)})(?!\w)")


def _year_of(year: YearMention, title_period: tuple[int | None, int | None]) -> tuple[int | None, int | None]:
    """The (year, year_max) a mention gives a figure: `hiện có` gives the title's period."""
    return title_period if year.current else (year.year, year.year_max)


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


def _after_locative(text: str, mention: PlaceMention) -> bool:
    """A bare district name right after `tại`/`ở` whose name one province alone holds
    (`trồng tại Đà Lạt`): a place even outside the article's own province."""
    lo = max(0, mention.start - windows().locative_before)
    return len(mention.provinces) == 1 and _locative_re().search(text, lo, mention.start) is not None


@cache
def _locative_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(place_words().locative_words)})\s+$", re.IGNORECASE)


def published_year(article: Article) -> int | None:
    """The publication year from `Article.published` (ISO date), when known."""
    m = re.match(r"(\d{4})", article.published or "")
    return int(m.group(1)) if m else None


def _not_where_events_hold(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceGroup]:
    """The groups, read with every name (bare district names too), that say where a person
    lives or comes from, or another place no figure holds at (`where_events_hold`): `quê Bình
    Lục, Hà Nam` is one hometown even where the bare `Bình Lục` is left unread."""
    groups = group_places(text, list(mentions))
    kept = {(g.start, g.end) for g in where_events_hold(text, groups)}
    return [g for g in groups if (g.start, g.end) not in kept]


def _outside(groups: Sequence[PlaceGroup], excluded: Sequence[PlaceGroup]) -> list[PlaceGroup]:
    """`groups` without those lying inside one of `excluded`."""
    return [g for g in groups if not any(e.start <= g.start and g.end <= e.end for e in excluded)]


def locate(article: Article) -> Article:
    """Fill place/province/year/year_max of every figure and the article's main province."""
    text = article.text
    lay = layout(text)
    mentions = find_places(text, frozenset(f.start for f in article.figures))
    main_groups = where_events_hold(text, group_places(text, [m for m in mentions if m.level != "bare"]))
    main = main_province(article, lay, main_groups)
    # A bare district name (`Ba Vì`) is read only inside the article's own province: elsewhere
    # it is as likely a street, a bridge or a market named after a district (`đường Hai Bà Trưng`).
    usable = [m for m in mentions if m.level != "bare" or (main and main in m.provinces) or _after_locative(text, m)]
    groups = _outside(where_events_hold(text, group_places(text, usable)), _not_where_events_hold(text, mentions))
    years = find_years(text, published_year(article))
    head_end = lay.paragraphs[1][1] if len(lay.paragraphs) > 1 else len(text)
    framing, title_period, event_dated = article_period(years, lay)
    lead = (0, head_end)
    captioned, listed = _captioned(lay, groups), _listed(lay, groups)
    # a firm named after a province other than the article's (`Formosa Hà Tĩnh`) frames nothing
    # ... nor does a national name ending a firm's (`Savills Việt Nam`): it gives the firm's own
    # figures no province, not the sentences after them
    named = frozenset(g.start for g in groups if (g.province and g.province != main and ends_a_firms_name(text, g))
                      or (g.levels == NATIONAL and ends_a_national_name(text, g)))
    unnamed = frozenset(g.start for g in groups if name_key(g.text) in _unnamed_regions())
    figures = []
    for fig in article.figures:
        place, province = locate_place(groups, _scopes(lay, fig, lead), fig, main, captioned, listed, named,
                                       unnamed)
        if fig.value > 1 and _counts_provinces(fig):
            province = None  # `4 tỉnh miền Trung`: the figure spans its provinces
        year, year_max = locate_year(years, lay, fig, framing, title_period, event_dated)
        figures.append(fig.model_copy(update={"place": place, "province": province, "year": year,
                                              "year_max": year_max}))
    return article.model_copy(update={"figures": figures, "province": main})
