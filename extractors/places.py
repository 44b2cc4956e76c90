"""Place names in an article's text, each with the provinces it can be in (ANNOTATION.md §8).

WHY unit words first: Vietnamese writes the level of a unit before its name (`huyện Hồng
Dân`, `xã Hiệp Thành`, `TP. Bạc Liêu`), and a name means different units at different levels
(`Hà Tĩnh` the province and `TP Hà Tĩnh` its city; `Tân Thành` is a commune in 19 provinces).
So a name after a unit word is looked up at that level only; a bare name counts when it is a
province (former or current) or an alias, or when it is a district of the article's own
province (resolved later, by `locate`). Names match as a whole run of capitalized words, so
`Đức` in `Nguyễn Đức Công` is no place. National, regional and foreign names are places too:
they tell that a figure holds in no single province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .gazetteer import gazetteer, name_key, place_words
from .lexicon import UPPERCASE, alternation, cue_before_re, windows
from .years import lowered

_WORD = rf"[{UPPERCASE}][\w'’]*(?:\.[{UPPERCASE}][\w]*)*"
#: Blanks within a line: a name never runs on into the next paragraph (`An Giang\nNgày 9-5`).
_BLANK = r"[^\S\n]"
#: A run of capitalized words, possibly joined by a spaced dash (`Bà Rịa - Vũng Tàu`).
_RUN = re.compile(rf"(?<![\w.])(?:{_WORD}|Ð\w*)(?:(?:{_BLANK}+|{_BLANK}[-–]{_BLANK})(?:{_WORD}|\d{{1,2}}(?!\d)))*")

#: A word written like a name (`Hoàng`, not `UBND` or `TP`).
_TITLE_WORD = re.compile(rf"[{UPPERCASE}][^\W\d{UPPERCASE}]+")

#: Levels of the gazetteer a unit word may name.
_LOOKUP_LEVELS = {"province": ("province",), "city": ("province", "district"), "district": ("district",),
                  "ward": ("ward",), "below_ward": ()}
#: Levels without a name of their own in a province: national, regional, foreign.
NO_PROVINCE = frozenset({"national", "region", "foreign", "span"})


@dataclass(frozen=True)
class PlaceMention:
    """A place written in the text and the provinces that hold a unit of that name.

    `level` is the unit's level (`province`, `city`, `district`, `ward`, `below_ward`,
    `bare` for a bare name that is not a province, `anaphor` for `toàn tỉnh`, `route` for a
    route inside one province) or one of NO_PROVINCE (`span`: a route across provinces).
    """

    start: int
    end: int
    text: str
    level: str
    provinces: frozenset[str]
    refers: str | None = None  # for `toàn tỉnh`: the unit level it points back to


    @property
    def province(self) -> str | None:
        """The one province holding it, or None when unknown or ambiguous."""
        return next(iter(self.provinces)) if len(self.provinces) == 1 else None


@cache
def _unit_words() -> dict[str, str]:
    """Unit word (lowercase) -> its level."""
    return {w.lower(): level for level, words in place_words().unit_words.items() for w in words}


@cache
def _person_words() -> frozenset[str]:
    """Family and middle names: a place name right after one is part of a person's name."""
    return frozenset(place_words().person_words)


@cache
def _thing_re() -> re.Pattern[str]:
    """A street, bridge or market word ending right before a name."""
    return cue_before_re(place_words().thing_words, r"\s+")


@cache
def _route_re() -> re.Pattern[str]:
    """A road or project word, a capitalized name and a dash, ending right before a name."""
    words = place_words()
    name = rf"(?-i:[{UPPERCASE}]\w*(?:[ \t]+[{UPPERCASE}]\w*){{0,3}})"
    return re.compile(rf"(?:^|[^\w])(?:{alternation(words.thing_words + words.route_words)})\s+{name}\s*[-–]\s*$",
                      re.IGNORECASE)


@cache
def _unit_re() -> re.Pattern[str]:
    """A unit word ending right before a name (`huyện `, `TP.`, `Tp `); the word is group 1."""
    return cue_before_re(list(_unit_words()), rf"{_BLANK}*", group=True)


@cache
def _compound_re() -> re.Pattern[str]:
    """A word that, ending right before a unit word, makes it part of another (`phiên bản`)."""
    return cue_before_re(place_words().unit_compounds, r"\s+")


@cache
def _anaphor_re() -> re.Pattern[str]:
    """`toàn tỉnh`, `trên địa bàn huyện`: a unit word with no name, pointing back."""
    words = place_words()
    units = [w for level in ("province", "city", "district", "ward") for w in words.unit_words[level] if "." not in w]
    return re.compile(rf"(?<!\w)(?:{alternation(words.anaphora_before)})\s+(?P<unit>{alternation(units)})"
                      rf"(?!\w)(?-i:(?!{_BLANK}+(?:[{UPPERCASE}]|\d)))", re.IGNORECASE)


def _before(text: str, end: int, window: int) -> str:
    """The `window` characters of `text` ending at `end`, where a cue right before is looked for."""
    return text[max(0, end - window):end]


def _is_compound(text: str, unit_start: int) -> bool:
    return _compound_re().search(_before(text, unit_start, windows().unit_compound)) is not None


@cache
def _special_names() -> dict[str, str]:
    """Name key -> level for national and foreign names written capitalized."""
    words = place_words()
    out = {name_key(n): "foreign" for n in words.foreign}
    out.update({name_key(n): "national" for n in words.national})
    return out


@cache
def _numbered_re() -> re.Pattern[str]:
    """A unit word before a number that names the unit (`quận 1`, `phường 5`), any case."""
    return re.compile(rf"(?<!\w)({alternation(place_words().numbered_units)}){_BLANK}*(\d{{1,2}})(?![\d,.]\d|\w)",
                      re.IGNORECASE)


@cache
def _unit_only() -> frozenset[str]:
    """Name keys of the aliases that are places only after a unit word."""
    return frozenset(name_key(n) for n in place_words().unit_only_aliases)


@cache
def _phrase_re() -> re.Pattern[str]:
    """National and regional phrases (`cả nước`, `miền Tây`, `các tỉnh`), matched on the
    lowercased text so that any case matches."""
    words = place_words()
    national = alternation([w.lower() for w in words.national])
    regions = alternation([w.lower() for w in words.regions + words.unnamed_regions])
    return re.compile(rf"(?<!\w)(?:(?P<national>{national})|(?P<region>{regions}))(?!\w)")


@cache
def _reference_re() -> re.Pattern[str]:
    """A ranking or comparison word ending right before a national phrase (`cao nhất cả nước`)."""
    words = place_words()
    return cue_before_re(words.reference_words, rf"\s+(?:(?:{alternation(words.reference_gap)})\s+)?")


@cache
def _share_re() -> re.Pattern[str]:
    """A share right before a national or regional phrase (`chiếm gần 30% cả nước`)."""
    return re.compile(place_words().share_before, re.IGNORECASE)


#: The short number a run of capitalized words may end with (`Hà Nội 2`, `Hà Giang 2`).
_TRAILING_NUMBER = re.compile(rf"{_BLANK}+\d{{1,2}}$")


def find_places(text: str, counts: frozenset[int] = frozenset()) -> list[PlaceMention]:
    """Every place mention of `text`, in reading order (bare non-province names included, with
    the provinces where a district of that name exists).

    `counts` are the starts of the article's figures: a short number ending a run of names is
    part of the name (`ĐH Sư phạm Hà Nội 2`, `hầm Hải Vân 2`) unless it starts a figure, as in a
    breakdown by place (`Hà Giang 2 người, Điện Biên 2 người`): the name before it is a place.

    The locate step and the entity step both read an article's places; the answer depends only
    on the text and on which runs lose their trailing number, so it is kept for the last few
    texts and computed once."""
    cut = frozenset(run.start() for run in _RUN.finditer(text) if _cuts_number(run, counts))
    return list(_places_of(text, cut))


def _cuts_number(run: re.Match[str], counts: frozenset[int]) -> bool:
    """Whether the short number ending this run of names starts one of the figures `counts`."""
    tail = _TRAILING_NUMBER.search(run.group(0))
    return tail is not None and run.start() + len(run.group(0)) - len(tail.group(0).lstrip()) in counts


@lru_cache(maxsize=4)
def _places_of(text: str, cut: frozenset[int]) -> tuple[PlaceMention, ...]:
    """The places of `text`, the runs starting at `cut` read without their trailing number."""
    found: list[PlaceMention] = []
    for run in _RUN.finditer(text):
        name = run.group(0)
        if run.start() in cut:
            name = name[:_TRAILING_NUMBER.search(name).start()]
        found.extend(_from_run(text, run.start(), name))
    taken = [(m.start, m.end) for m in found]
    for m in _numbered_re().finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in taken):
            unit = _unit_words()[m.group(1).lower()]
            place = _match_name(text, m.start(2), m.group(2), unit, m.start())
            if place is not None:
                found.append(place)
    for m in _anaphor_re().finditer(text):
        unit = _unit_words()[" ".join(m.group("unit").lower().split())]
        found.append(PlaceMention(m.start("unit"), m.end(), m.group("unit"), "anaphor", frozenset(),
                                  "province" if unit == "city" else unit))
    for m in _phrase_re().finditer(lowered(text)):
        if _reference_re().search(_before(text, m.start(), windows().national_reference)):
            continue
        if not any(m.start() < e and s < m.end() for s, e in taken):
            level = "national" if m.group("national") else "region"
            found.append(PlaceMention(m.start(), m.end(), text[m.start():m.end()], level, frozenset()))
    found = [p for p in found if not (p.level in ("national", "region")
                                      and _share_re().search(_before(text, p.start, windows().national_reference)))]
    named = [m.span() for m in _names_with_places_re().finditer(text)]
    found = [p for p in found if not any(s <= p.start and p.end <= e for s, e in named)]
    routes = _routes(text)
    found = [p for p in found if not any(r.start < p.end and p.start < r.end for r in routes)] + routes
    return tuple(sorted(found, key=lambda p: p.start))


@cache
def _route_span_re() -> re.Pattern[str]:
    """A road, railway or project word, then a route named by its two ends (`đường sắt Cát Linh -
    Hà Đông`, `tuyến Bến Thành - Suối Tiên`); the ends are groups `a` and `b`."""
    words = place_words()
    name = rf"(?-i:[{UPPERCASE}][\w'’]*(?:{_BLANK}+[{UPPERCASE}][\w'’]*){{0,3}})"
    return re.compile(rf"(?<!\w)(?:{alternation(words.thing_words + words.route_words)}){_BLANK}+"
                      rf"(?P<a>{name}){_BLANK}*[-–]{_BLANK}*(?P<b>{name})", re.IGNORECASE)


def _routes(text: str) -> list[PlaceMention]:
    """Routes named by their two ends. Ends that are places of one province (`đường sắt Cát
    Linh - Hà Đông`: a ward and a district of Hà Nội) make the route a place inside it, so its
    figures hold there. Compass points (`cao tốc Bắc - Nam`) make a route across the country:
    no single province (§8). Ends in two provinces (`cao tốc Cam Lộ - La Sơn`) are left unread:
    what happens on such a road happens at a place the text names nearer (`xã Phong Thu`), and
    an end that names no unit, or units of several provinces (`Mỹ Thuận`), tells nothing."""
    out = []
    compass = _route_compass()
    for m in _route_span_re().finditer(text):
        a, b = m.group("a"), m.group("b")
        if a.lower() in compass and b.lower() in compass:
            out.append(PlaceMention(m.start(), m.end(), m.group(0), "span", frozenset()))
            continue
        ends = {_end_province(a), _end_province(b)}
        if len(ends) == 1 and None not in ends:
            out.append(PlaceMention(m.start(), m.end(), m.group(0), "route", frozenset(ends)))
    return out


@cache
def _route_compass() -> frozenset[str]:
    return frozenset(w.lower() for w in place_words().route_compass)


def _end_province(name: str) -> str | None:
    """The one province holding a route's end: read at its highest level that names a unit
    (a province, else a district, else a commune or ward), or a landmark of `landmarks`."""
    gaz = gazetteer()
    for cand in _prefixes(name):
        landmark = _landmarks().get(name_key(cand))
        if landmark is not None:
            return landmark
        for level in ("province", "district", "ward"):
            provinces = gaz.provinces(cand, (level,))
            if provinces:
                return next(iter(provinces)) if len(provinces) == 1 else None
    return None


@cache
def _names_with_places_re() -> re.Pattern[str]:
    """Names whose place is part of the name (`Bà mẹ Việt Nam anh hùng`, `Sở Giao dịch chứng
    khoán Hà Nội`): the place in them tells nothing of where a figure holds."""
    return re.compile("|".join(f"(?:{p})" for p in place_words().names_with_places))


def _from_run(text: str, start: int, run: str) -> list[PlaceMention]:
    """The places in one run of capitalized words (the unit word may sit just before it)."""
    if re.search(r"\s[-–]\s", run):
        dash = re.search(r"\s[-–]\s", run).start()
        for word in re.finditer(r"\S+", run[:dash]):  # `Tại Thừa Thiên - Huế`: a later start
            whole = _match_name(text, start + word.start(), run[word.start():], unit=None)
            if whole is not None:
                return [whole]
        out, offset = [], 0
        for part in re.split(r"\s[-–]\s", run):
            offset = run.index(part, offset)
            out.extend(_from_run(text, start + offset, part))
            offset += len(part)
        return out
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", run)]
    for i, (offset, word) in enumerate(words):
        found = _read_at(text, start, run, words, i)
        if found is not None:
            return [found]
    return []


def _read_at(text: str, start: int, run: str, words: list[tuple[int, str]], i: int) -> PlaceMention | None:
    """The place that begins at word `i` of a run, if one does."""
    units = _unit_words()
    offset, word = words[i]
    level = units.get(word.lower())
    if level is not None and _a_names_first_word(text, start + offset, word):
        level = None
    if level == "below_ward" and word[:1].isupper():
        whole = _match_name(text, start + offset, run[offset:], None)
        if whole is not None and whole.provinces and " " in whole.text:
            level = None  # `Sóc Trăng`, `Buôn Đôn`: a hamlet word that begins a province's or district's name
    if level is not None:
        if i + 1 == len(words) or _is_compound(text, start + offset):
            return None
        return _match_name(text, start + words[i + 1][0], run[words[i + 1][0]:], level, start + offset)
    head, dot, rest = word.partition(".")
    if dot and rest and units.get(head.lower() + "."):  # `TP.HCM`: a unit glued to its name
        glued = _match_name(text, start + offset, run[offset:], None)
        return glued or _match_name(text, start + offset + len(head) + 1, run[offset + len(head) + 1:],
                                    units[head.lower() + "."], start + offset)
    if i > 0 and words[i - 1][1] in _person_words():
        return None  # `Trương Hòa Bình`, `Nguyễn Thái Bình`: a person, not the province
    if i >= 2 and all(_TITLE_WORD.fullmatch(w) for _, w in words[i - 2:i]) and not gazetteer().provinces(
            run[words[i - 2][0]:words[i][0]].strip()):
        return None  # `Hoàng Anh Gia Lai`, `Quốc Cường Gia Lai`: a firm's name ends with the province
    if i == 0:
        window = max(0, start - windows().unit_before)
        before = _unit_re().search(text[window:start])
        if before is not None and before.end() == start - window and not _is_compound(text, window + before.start(1)):
            unit = units[" ".join(before.group(1).lower().split())]
            return _match_name(text, start, run, unit, window + before.start(1))
    landmark = _landmark_at(text, start + offset, run[offset:])
    if landmark is not None:
        return landmark
    if _thing_re().search(_before(text, start + offset, windows().thing_before)):
        return None  # `đường Hà Nội`, `Xa lộ Hà Nội`: a street named after the city
    if _route_re().search(_before(text, start + offset, windows().route_before)):
        return None  # `dự án Mỹ Thuận - Cần Thơ`: the second end of a route's name
    return _match_name(text, start + offset, run[offset:], None)


@cache
def _landmarks() -> dict[str, str]:
    """Name key of an airport -> the province that holds it."""
    return {name_key(name): province for name, province in place_words().landmarks.items()}


def _landmark_at(text: str, start: int, name: str) -> PlaceMention | None:
    """An airport named at `start` (`Tân Sơn Nhất` in `sân bay Tân Sơn Nhất`), read as a place
    inside its province, the longest name first."""
    for cand in _prefixes(name):
        province = _landmarks().get(name_key(cand))
        if province is not None:
            return PlaceMention(start, start + len(cand), cand, "district", frozenset({province}))
    return None


#: What ends a sentence or a line right before a word (a capitalized word there is just the
#: sentence's first).
_SENTENCE_START = re.compile(r"(?:^|[.!?:…\n\"“(\[\-–]\s*)$")


@cache
def _lowercase_units() -> frozenset[str]:
    return frozenset(place_words().lowercase_units)


def _a_names_first_word(text: str, start: int, word: str) -> bool:
    """A unit word of `lowercase_units` capitalized inside a sentence (`Chứng khoán Bản Việt`,
    `xã Bản Luốc`): the first word of a name, not the unit (the hamlet is written `bản Nậm Rịa`)."""
    if word.lower() not in _lowercase_units() or word == word.lower():
        return False
    return _SENTENCE_START.search(text, max(0, start - 3), start) is None


def _match_name(text: str, start: int, name: str, unit: str | None, unit_start: int | None = None) -> PlaceMention | None:
    """The mention of `name` (at `start`) read at the level its unit word gives, if a place."""
    gaz = gazetteer()
    begin = unit_start if unit_start is not None else start
    if unit is not None:
        names = _prefixes(name)
        for cand in names:
            provinces = gaz.provinces(cand, _LOOKUP_LEVELS[unit])
            if provinces:
                return PlaceMention(begin, start + len(cand), text[begin:start + len(cand)], unit, provinces)
        if unit in ("province", "city"):
            # Province names are a closed list: in `UBND tỉnh Nguyễn Văn A` the name is a person's
            # and `tỉnh` points back to the province named before, like `toàn tỉnh`.
            word_end = begin + len(text[begin:start].rstrip())
            return PlaceMention(begin, word_end, text[begin:word_end], "anaphor", frozenset(), "province")
        return PlaceMention(begin, start + len(name), text[begin:start + len(name)], unit, frozenset())
    key = name_key(name)
    special = _special_names().get(key)
    if special is not None:
        return PlaceMention(start, start + len(name), name, special, frozenset())
    if key in _unit_only():
        return None  # `HCM` alone: a ticker (`SSI, HCM, VND`) as often as the city
    if gaz.is_province_name(name):
        return PlaceMention(start, start + len(name), name, "province", gaz.provinces(name, ("province",)))
    districts = gaz.provinces(name, ("district",))
    if districts and " " in name.strip():
        return PlaceMention(start, start + len(name), name, "bare", districts)
    return None


def _prefixes(name: str) -> list[str]:
    """`name` and its shorter word prefixes, longest first (`Ba Vì Hà Nội` -> ... `Ba Vì`)."""
    words = name.split()
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]
