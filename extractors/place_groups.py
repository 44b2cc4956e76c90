"""Place mentions read together (ANNOTATION.md §8): a group of adjacent mentions is one place
(`xã Chà Nưa, huyện Nậm Pồ`; `A, B và C`), and some groups locate no figure.

WHY apart from `places`: finding a name is about the text of one mention; reading mentions
together, and telling which of them say where an event happened rather than where a person
lives or comes from, is about their neighbours.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .gazetteer import place_words
from .lexicon import UPPERCASE, alternation, cue_before_re, windows, word_re
from .places import NO_PROVINCE, PlaceMention

#: The levels of a group made of foreign names only.
FOREIGN = frozenset({"foreign"})



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
        elif groups and _group_gap_re().fullmatch(gap):
            groups[-1].append(m)
        else:
            groups.append([m])
    return [_group(text, g) for g in groups]


def where_events_hold(text: str, groups: Sequence[PlaceGroup]) -> list[PlaceGroup]:
    """The groups that may locate a figure: not where a person lives (`anh A, trú tại xã B`, `anh
    A (30 tuổi, xã B)`) or comes from (`người Sài Gòn`), since the people of an event hold at the event's place (§8);
    not where a vehicle is registered (`xe tải biển Tiền Giang`); not where a trip or goods go
    (`đi Đà Nẵng`, `xuất khẩu sang Mỹ`); not a deputy's constituency
    (`đoàn đại biểu Quốc hội tỉnh Đắk Lắk`); nor a nationality (`1 người
    Mỹ`, `nhà đầu tư Thái Lan`): the people and things of a country are not abroad."""
    out = []
    for g in groups:
        before = text[max(0, g.start - windows().residence_before):g.start]
        if (_residence_re().search(before) or _person_details_re().search(before)
                or _plate_re().search(before) or _constituency_re().search(before)
                or _destination_re().search(before)):
            continue
        if g.levels == FOREIGN and (_nationality_re().search(before) or _arrival_re().search(before)):
            continue  # `1 người Mỹ`: a nationality; `trở về từ Hàn Quốc`: where people came from
        if not g.levels & NO_PROVINCE - REGION and _origin_re().search(before):
            continue  # `nhiều người Sài Gòn`: people from a part of the country
        if g.levels == REGION and _in_a_name(text, g):
            continue
        out.append(g)
    return out


#: The levels of a group that is a region alone (`miền Tây`, `Tây Nguyên`).
REGION = frozenset({"region"})
#: A capitalized word that is not the first of its sentence, right before a place.
_BRAND_BEFORE = re.compile(rf"(?<![.!?:\n]\s)(?<!^)\b[{UPPERCASE}][\w&'’-]*\s+$")
#: Punctuation that ends a name: a firm word before it names something else.
_NAME_BREAK = re.compile(r"[,.;:()]")


def _in_a_name(text: str, g: PlaceGroup) -> bool:
    """A region that ends a firm's or station's name (`Công ty thép Tây Nguyên`, `Sunhouse
    Miền Nam`, `Bến xe miền Tây`): a firm word a few words before it, with no punctuation
    between, or a brand's capitalized name right before it."""
    before = text[max(0, g.start - windows().firm_before):g.start]
    firm = _firm_re().search(before)
    if firm is not None and not _NAME_BREAK.search(before, firm.end()):
        return True
    if _in_a_programme(text, g) or _in_a_body(text, g):
        return True
    # searched in the whole text up to the place, so `^` and the look-behinds see the real
    # start of the sentence, not the edge of a slice
    return _BRAND_BEFORE.search(text, max(0, g.start - windows().brand_before), g.start) is not None


#: A word written like a name, not an acronym (`Formosa`, not `NHCSXH`), right before a place.
_WORD_BRAND_BEFORE = re.compile(rf"(?<![.!?:\n]\s)(?<!^)\b(?P<word>[{UPPERCASE}][^\W\d{UPPERCASE}][\w&'’-]*)\s+$")
#: One Vietnamese syllable written without diacritics (`Long`, `Minh`, `Tan`).
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?",
                       re.IGNORECASE)


def ends_a_firms_name(text: str, g: PlaceGroup) -> bool:
    """A province that ends a firm's name (`Formosa Hà Tĩnh`, `Công ty TNHH Gang Thép Hưng Nghiệp
    Formosa Hà Tĩnh`): a firm word a few words before it, or a brand's name right before it.
    An acronym before it names a branch that works there (`NHCSXH Thái Bình`, `EVN Hà Nội`): §8
    takes that as a place, so it is no brand here. A preposition after the firm word (`siêu thị
    tại Hà Nội`) says where the firm is: no name."""
    before = text[max(0, g.start - windows().firm_before):g.start]
    firm = _firm_re().search(before)
    if firm is not None and not _NAME_BREAK.search(before, firm.end()) and not _programme_break_re().search(
            before, firm.end()):
        return True
    brand = _WORD_BRAND_BEFORE.search(text, max(0, g.start - windows().brand_before), g.start)
    return brand is not None and _is_brand(brand.group("word"))


def _is_brand(word: str) -> bool:
    """A foreign-made brand (`Formosa`, `Becamex`): plain Latin letters that are no Vietnamese
    syllable. A Vietnamese word opening a clause (`Tại Hoài Đức, Hà Nội`) is none."""
    return word.isascii() and word.isalpha() and _SYLLABLE.fullmatch(word) is None


def ends_a_national_name(text: str, g: PlaceGroup) -> bool:
    """A national name that ends a firm's or a state body's (`Savills Việt Nam`, `Viện Nghiên cứu
    Bất động sản Việt Nam`): the body's own figures are national, but it frames no other sentence.
    A body's name runs longer than a firm's, so the programme window bounds it."""
    return ends_a_firms_name(text, g) or _ends_a_name(text, g, _body_re(), windows().programme_before)


def _in_a_programme(text: str, g: PlaceGroup) -> bool:
    """A region a few words after a programme word, with no punctuation or preposition of place
    between (`Dự án giảm nghèo các tỉnh miền núi phía Bắc`): the programme's name. `dự án hỗ trợ
    cho các tỉnh miền Trung` still says where the help goes."""
    return _ends_a_name(text, g, _programme_re(), windows().programme_before)


def _in_a_body(text: str, g: PlaceGroup) -> bool:
    """A region that ends a state body's name (`Cảng vụ Hàng không Miền Nam`, `Viện Khoa học
    thủy lợi miền Nam`): a body word a few words before it, with no punctuation or preposition
    of place between. `Cục ... hỗ trợ cho miền Trung` still says where the help goes."""
    return _ends_a_name(text, g, _body_re(), windows().firm_before)


def _ends_a_name(text: str, g: PlaceGroup, head: re.Pattern[str], span: int) -> bool:
    """The last `head` word within `span` characters before the region, with no punctuation or
    preposition of place between them: the region is the end of that name."""
    before = text[max(0, g.start - span):g.start]
    found = list(head.finditer(before))
    if not found:
        return False
    between = before[found[-1].end():]
    return not _NAME_BREAK.search(between) and not _programme_break_re().search(between)


@cache
def _body_re() -> re.Pattern[str]:
    return word_re(place_words().body_words)


@cache
def _programme_re() -> re.Pattern[str]:
    return word_re(place_words().programme_words)


@cache
def _programme_break_re() -> re.Pattern[str]:
    return word_re(place_words().programme_breaks)


@cache
def _firm_re() -> re.Pattern[str]:
    return word_re(place_words().firm_words)


@cache
def _group_gap_re() -> re.Pattern[str]:
    """Text between two place mentions that makes them one group (`xã A, huyện B`, `A (B)`)."""
    return re.compile(rf"(?:[\s,()\-–]|{alternation(place_words().group_joiners)})*")


@cache
def _residence_re() -> re.Pattern[str]:
    return cue_before_re(place_words().residence_words, r"\s+")


@cache
def _person_details_re() -> re.Pattern[str]:
    """A person's age or birth year and a comma right before a place (`(34 tuổi, huyện Phù Mỹ`)."""
    return re.compile(place_words().person_details_before, re.IGNORECASE)


@cache
def _constituency_re() -> re.Pattern[str]:
    """A deputy's delegation right before a province (`đoàn đại biểu Quốc hội tỉnh Đắk Lắk`)."""
    return cue_before_re(place_words().constituency_words, r"\s+")


@cache
def _plate_re() -> re.Pattern[str]:
    """`biển số`/`BKS` right before a place, or `biển` after a vehicle word (`xe tải biển`)."""
    words = place_words()
    vehicles = alternation(words.plate_vehicles)
    plate = rf"(?:{alternation(words.registration_words)}|(?:{vehicles})\s+biển)"
    return re.compile(rf"(?:^|[^\w]){plate}\s+$", re.IGNORECASE)


@cache
def _origin_re() -> re.Pattern[str]:
    return cue_before_re(place_words().origin_words, r"\s+")


@cache
def _destination_re() -> re.Pattern[str]:
    """A verb of going right before a place (`đi Đà Nẵng`, `sang Việt Nam`): a destination."""
    return cue_before_re(place_words().destination_words, r"\s+")


@cache
def _arrival_re() -> re.Pattern[str]:
    return cue_before_re(place_words().arrival_words, r"\s+")


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
