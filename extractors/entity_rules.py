"""Entities researchers can use: places from the gazetteer first, organisations with their
regular Vietnamese heads, and underthesea's NER for the rest, with its known errors removed.

WHY: measured on public news NER gold, underthesea's places are mostly wrong (one in six is
a date or a number such as `năm 2014`, one in four an organisation) and it finds few
organisations. Administrative names are a closed list (the gazetteer), and organisations
have regular heads (`Ủy ban nhân dân tỉnh X`, `Sở Y tế`, `Hội Liên hiệp Phụ nữ`), so both are
found by rule; what NER still offers is kept only when it does not contradict them.
Vocabulary lives in data/entities.yaml (entity_words); people in entity_people.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from vnfigures.schemas import Entity, EntityLabel

from .entity_people import (is_person_name, is_posted_name, names_a_place_or_body, people_after_titles, post_across,
                            words_after)
from .entity_words import WORD_RE, entity_words, starts_re
from .gazetteer import place_words
from .lexicon import UPPERCASE, alternation
from .places import NO_PROVINCE, PlaceMention, find_places

#: Place levels that are places in their own right; a bare district name (`Thanh Bình`) is
#: one unless the NER reads a person there.
_PLACE_LEVELS = frozenset({"province", "city", "district", "ward", "below_ward", "foreign", "region", "national"})
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
#: Where one NER entity holds several names (`Kim Sơn, Kim Phượng`, `Quang Duy/TTXVN`).
_SEPARATOR = re.compile(r"\s*[,;/|]\s*|\s*\(\s*|\s*\)\s*|\s+[-–]\s+(?=\S*[/]|TTXVN)")


@cache
def _date_re() -> re.Pattern[str]:
    """A time word with its number (`năm 2020`, `Ngày 7/2`, `tháng 1-2017`)."""
    return re.compile(rf"(?:{alternation(entity_words().time_words)})\s+\d", re.IGNORECASE)


@cache
def _head_re() -> re.Pattern[str]:
    """An organisation head (case as written: heads are capitalized names), not inside a
    document code (`215/BC-UBND`)."""
    words = entity_words()
    heads = words.organisation_heads + words.placed_organisation_heads
    return re.compile(rf"(?<![\w-])(?:{alternation(heads)})(?![\w-])")


@cache
def _bare_unit_re() -> re.Pattern[str]:
    """A unit word with no name after it (`Công an tỉnh đã ...`)."""
    units = [w for level in ("province", "city", "district", "ward") for w in place_words().unit_words[level]
             if "." not in w]
    return re.compile(rf"\s+(?:{alternation(units)})(?!\w)(?!\s+[{UPPERCASE}])")


def refine_entities(text: str, ner: Sequence[Entity]) -> list[Entity]:
    """The article's entities: rule organisations, gazetteer places, then the NER entities
    that overlap neither, corrected (a place that is a date is dropped, one that starts with
    an organisation word is an organisation) and trimmed of edge punctuation."""
    places = find_places(text)
    chosen = _organisations(text, places)
    fixed = [f for e in ner for f in _corrected(text, e)]
    people = [f for f in fixed if f.label is EntityLabel.PER]
    for region in _regions(text, people):
        _add(chosen, region)
    for f in fixed:  # `Nhà máy Thủy điện Sơn La`: an organisation word outranks the place in it,
        if (f.label is EntityLabel.ORG and starts_re("organisation_words").match(f.text)) or (
                f.label is EntityLabel.LOC and _extends_a_place(f, places)):  # and `Nam Mỹ` `Mỹ`
            _add(chosen, f)
    for p in places:  # a name has a capital (`miền Trung`, not `các tỉnh`, `Các tỉnh` or `thế giới`)
        words = p.text.split()
        if not any(w[:1].isupper() for w in words[1:] or words):
            continue
        if p.level in _PLACE_LEVELS or (p.level == "bare" and not any(
                p.start < f.end and f.start < p.end for f in people)):
            _add(chosen, Entity(text=p.text, start=p.start, end=p.end, label=EntityLabel.LOC))
    for f in fixed:
        _add(chosen, f)
    for person in people_after_titles(text):  # names the NER missed after `ông`, `Thiếu tướng`...
        _add(chosen, person)
    return sorted(chosen, key=lambda e: e.start)


@cache
def _region_re() -> re.Pattern[str]:
    """A world region, as written (capitalized: `Nam Mỹ`, not `nam mỹ`)."""
    return re.compile(rf"(?<!\w)(?:{alternation(entity_words().world_regions)})(?!\w)")


def _regions(text: str, people: Sequence[Entity]) -> list[Entity]:
    """World regions (`Nam Mỹ`), unless the NER reads a person there (`ông Nam Mỹ`) or a
    capitalized word runs into the region (`Hà Nam Mỹ`: a province, then `Mỹ`)."""
    out: list[Entity] = []
    for m in _region_re().finditer(text):
        before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 30):m.start()])
        if (before and before.group(1)[:1].isupper()) or any(
                m.start() < p.end and p.start < m.end() for p in people):
            continue
        out.append(Entity(text=m.group(), start=m.start(), end=m.end(), label=EntityLabel.LOC))
    return out


def _extends_a_place(e: Entity, places: Sequence[PlaceMention]) -> bool:
    """A capitalized name, or a state's form and name, that ends with a gazetteer place and
    is longer (`Nam Mỹ`, `Cộng hòa Pháp`): the compound is the place meant."""
    named = all(w[:1].isupper() for w in e.text.split()) or starts_re("state_forms").match(e.text)
    return bool(named) and any(p.end == e.end and e.start < p.start for p in places)


def _organisations(text: str, places: Sequence[PlaceMention]) -> list[Entity]:
    """`head` + the place right after it, if any (`Công an tỉnh Cà Mau`, `Công an tỉnh`); an
    acronym head only with its place (`BĐBP Điện Biên`, not `BĐBP`)."""
    by_start = {p.start: p for p in places if p.level not in NO_PROVINCE or p.level == "national"}
    out: list[Entity] = []
    for m in _head_re().finditer(text):
        end = m.end()
        nxt = re.match(r"\s+", text[end:])
        place = by_start.get(end + (nxt.end() if nxt else 0))
        if place is not None and (place.level != "national" or text[place.start:place.end] == "Việt Nam"):
            end = place.end
        elif m.group() in entity_words().placed_organisation_heads:
            continue
        else:
            unit = _bare_unit_re().match(text, end)
            end = unit.end() if unit else end  # `Công an tỉnh`: the province the article is about
        _add(out, Entity(text=text[m.start():end], start=m.start(), end=end, label=EntityLabel.ORG))
    return out


def _corrected(text: str, e: Entity) -> list[Entity]:
    """A NER entity split where it lists several names, each piece trimmed of its edges and
    corrected (see `_fixed`); pieces that are no name are dropped."""
    out: list[Entity] = []
    cursor = e.start
    for gap in [*_SEPARATOR.finditer(text, e.start, e.end), None]:
        stop = gap.start() if gap else e.end
        for start, end, label in _place_then_person(text, *_trimmed(text, cursor, stop), e.label):
            fixed = _fixed(text, start, end, label)
            if fixed is not None:
                out.append(fixed)
        cursor = gap.end() if gap else e.end
    return out


def _place_then_person(text: str, start: int, end: int,
                       label: EntityLabel) -> list[tuple[int, int, EntityLabel]]:
    """A place run into a byline or a name (`Hà Nội Trần Thị Phương Hoa`) cut where the full
    name begins; anything else as it is."""
    words = [(m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]
    if label is EntityLabel.LOC:
        for i in range(1, len(words) - 2):
            named = any(text[a:a + 1].isupper() for a, _ in words[:i])  # not `đường Phạm Văn Đồng`
            if named and is_person_name([text[a:b] for a, b in words[i:]],
                                  whole=not starts_re("place_heads").match(text, start)):
                return [(start, words[i - 1][1], label), (words[i][0], end, EntityLabel.PER)]
    return [(start, end, label)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    lead = _EDGE.match(text, start, end)
    start = lead.end() if lead else start
    tail = re.search(r"[\W_]+$", text[start:end])
    return start, end - (len(tail.group(0)) if tail else 0)


def _fixed(text: str, start: int, end: int, label: EntityLabel) -> Entity | None:
    """One NER name with its known mistakes fixed, or None to drop it.

    WHY each rule: underthesea's places and people often begin with the words before the name
    (`Chủ tịch`, `người dân`, `thời gian`), run into the words after it (`Bình Dương hội`), or
    are no name at all (`năm 2017`, `Luật thuế GTGT`, `KT-XH`)."""
    words = [(m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]
    if label is not EntityLabel.ORG:
        words, label = post_across(text, words, label)
        words, label = _without_lead(text, words, label)
        if label is None:
            return None
        words = _without_tail(text, words) if label is EntityLabel.LOC else words
    if not words:
        return None
    span = text[words[0][0]:words[-1][1]]
    if label is not EntityLabel.ORG:
        if starts_re("time_words").match(span) or not any(w[:1].isupper() for w in span.split()):
            return None  # `năm 2017`, `ngày 4/7`, `công tác thiện nguyện`
        if span not in entity_words().acronym_places and all(_is_acronym(w) for w in span.split()) and (
                label is EntityLabel.LOC or " " not in span):
            return None  # `KT-XH`, `TTXVN`; a byline in capitals (`KỲ QUAN`) stays a person
        if label is EntityLabel.LOC and (is_person_name(span.split()) or (
                " " not in span and span not in entity_words().one_syllable_places
                and span not in entity_words().acronym_places)):
            label = EntityLabel.PER if " " in span else None
            if label is None:
                return None  # `Tàu`, `Số`: one syllable is rarely a place
        if starts_re("organisation_words").match(span) and not (
                label is EntityLabel.PER and span.split()[0] in entity_words().surname_organisation_words):
            label = EntityLabel.ORG
    return Entity(text=span, start=words[0][0], end=words[-1][1], label=label)


def _is_acronym(word: str) -> bool:
    """An acronym or code (`KT-XH`, `NĐ-CP`, `QH12`, `TTXVN`): letters, none lowercase."""
    return any(c.isalpha() for c in word) and not any(c.islower() for c in word)


def _without_lead(text: str, words: list[tuple[int, int]],
                  label: EntityLabel) -> tuple[list[tuple[int, int]], EntityLabel | None]:
    """Words before the name left out: roles, occasions, numbers and lowercase common nouns go
    (`3 hầm Hải Vân`, `Quốc khánh Lào`), a word of address makes the rest a person; a document word, or a post before
    what is neither a place nor an organisation, means there is no name (label None)."""
    while words:
        rest = text[words[0][0]:words[-1][1]]
        if starts_re("document_words").match(rest):
            return [], None
        occasion = starts_re("occasion_words").match(rest)
        if occasion and occasion.end() < len(rest):
            words = words_after(words, words[0][0] + occasion.end())
            continue  # `Quốc khánh Vương quốc Thái Lan`: the place is what follows
        for kind in ("person_titles", "person_posts", "role_words"):
            lead = starts_re(kind).match(rest)
            if lead and lead.end() < len(rest):
                after = words_after(words, words[0][0] + lead.end())
                if kind == "person_posts" and not is_posted_name(text, after):
                    continue  # `Chủ tịch UBND`: judged as a role below
                words = after
                if kind != "role_words":
                    label = EntityLabel.PER
                elif label is EntityLabel.LOC and not names_a_place_or_body(text, words[0][0]):
                    return [], None  # `Chủ tịch HoREA`: what follows a post is no place, but what is it?
                break
        else:
            first = text[words[0][0]:words[0][1]]
            head = starts_re("place_heads").match(rest)
            if first[:1].isupper() or (
                    label is EntityLabel.LOC and head and not starts_re("not_place_heads").match(rest)
                    and re.match(rf"\s+[{UPPERCASE}]" if starts_re("unnumbered_place_heads").fullmatch(head.group(0))
                                 else rf"\s+[{UPPERCASE}\d]", rest[head.end():])):
                return words, label  # `huyện Hồng Dân`, `khối 5`; not `vùng biển gần Argentina`
            words = words[1:]
            continue
        if label is EntityLabel.PER:
            return words, label
    return words, label


def _without_tail(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A place ends at its last capitalized word or number (`Bình Dương hội` -> `Bình Dương`)
    and before a date (`Cửu Long Ngày 7/2`, `Việt Nam năm 2020`; not `thôn Đầu Cầu`)."""
    for i, (a, _) in enumerate(words[1:], 1):
        if _date_re().match(text, a):
            words = words[:i]
            break
    while len(words) > 1 and text[words[-1][0]:words[-1][1]][:1].islower():
        words = words[:-1]
    return words


def _add(chosen: list[Entity], e: Entity) -> None:
    """Keep `e` unless it overlaps an entity already chosen (earlier sources win)."""
    if not any(e.start < c.end and c.start < e.end for c in chosen):
        chosen.append(e)
