"""Year expressions in an article's text: the `year`/`year_max` candidates of ANNOTATION.md §8.

WHY rules over the raw text rather than the figure extractor's number parse: a year is context
for a figure, not a figure (§2), and the forms are few and regular: `năm 2024`, spans
`2023-2024` / `giai đoạn 2021 - 2025`, `từ năm 2021 đến nay`, dates `7/11/2024`, `quý IV-2023`,
and relative years (`năm ngoái`, `9 tháng đầu năm`) that need the publication year. A year in a
comparison's base (`so với năm 2023`) is found but marked, so that it is never a figure's year.
The cue words live in data/years.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pydantic import BaseModel, ConfigDict

from vnfigures.schemas import read_data

from .lexicon import alternation, nfc_tree, windows

_YEAR = r"(?:19[4-9]\d|20\d\d|21\d\d)"


class YearWords(BaseModel):
    """extractors/data/years.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    year_heads: list[str]
    year_tails: list[str]
    after_heads: list[str]
    lunar_stems: list[str]
    lunar_branches: list[str]
    span_joiners: list[str]
    until_now: list[str]
    relative: dict[str, int]
    vague_counts: list[str]
    vague_spans: list[str]
    counted_spans: list[str]
    standing_far: list[str]
    standing_far_compounds: list[str]
    standing_not_after: list[str]
    current_words: list[str]
    current_not_after: list[str]
    named_months: list[str]
    date_heads: list[str]
    today_words: list[str]
    month_words: list[str]
    quarter_words: list[str]
    quarter_numbers: list[str]
    numbered_events: list[str]
    comparison: list[str]
    effect_words: list[str]
    birth_words: list[str]
    category_words: list[str]
    standing_words: list[str]
    affected_words: list[str]
    affected_not_after: list[str]
    elaboration_openers: list[str]
    event_dating_words: list[str]
    event_dating_gap: int
    event_dating_not_after: list[str]
    frame_openers: list[str]
    term_heads: list[str]
    statement_verbs: list[str]
    incident_words: list[str]
    possession_words: list[str]
    possessors: list[str]


@dataclass(frozen=True)
class YearMention:
    """One year expression: `[start, end)` in the text, the year(s) it names.

    `comparison` marks a year that is never a figure's own: the base of a comparison (`so với
    năm 2023`), a rule's date of effect (`có hiệu lực từ 1-11-2023`) or a person's birth year
    (`sinh năm 1990`). `dated` marks a date
    written without its year (`ngày 7/11`), whose year is the publication year. `current` marks
    `hiện có`/`hiện còn`: the figure is a standing state, the period a title names or else no year.
    `this_year` marks the publication year said as such (`năm nay`, `từ đầu năm`). `event` marks
    an event numbered within the publication year (`bão số 3`), which frames the paragraph it opens. `year` is None
    for a relative year or a yearless date when the publication year is unknown: the text gives
    the figure a year that cannot be told, so nothing wider may stand in for it (§8).
    """

    start: int
    end: int
    year: int | None
    year_max: int | None = None
    comparison: bool = False
    dated: bool = False
    current: bool = False
    this_year: bool = False
    event: bool = False
    day: bool = False  # a whole date (`22/6/2018`): it dates an event, like a day without its year


@cache
def year_words() -> YearWords:
    """The validated year cue table (NFC)."""
    return YearWords.model_validate(nfc_tree(read_data("vnfigures.extractors", "data/years.yaml")))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The year regexes, most specific first (earlier ones win overlaps)."""
    w = _lowercase(year_words())
    heads, joins = alternation(w.year_heads), alternation(w.span_joiners)
    lunar = rf"(?:{alternation(w.lunar_stems)})\s+(?:{alternation(w.lunar_branches)})"
    flags = 0  # matched on the lowercased text (`lowered`): much faster than IGNORECASE
    left = r"(?<![\d/.,])"
    right = r"(?![\d/]|,\d|\.\d)"
    return {
        "until_now": re.compile(rf"{left}từ\s+(?:năm\s+)?(?P<y1>{_YEAR})\s*(?:{alternation(w.until_now)})", flags),
        "span": re.compile(rf"{left}(?P<y1>{_YEAR})\s*(?:{joins})\s*(?:năm\s+)?(?P<y2>{_YEAR}){right}", flags),
        "date": re.compile(rf"{left}\d{{1,2}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*(?P<y1>{_YEAR}){right}", flags),
        # `tháng 1/2017`, `quý IV-2023`, `tháng 1.2017` (a dot, as some papers write dates: `ngày 27.6`)
        "month": re.compile(rf"(?:tháng|quý)\s+[\divx]{{1,4}}\s*[-/.]\s*(?P<y1>{_YEAR}){right}", flags),
        "head": re.compile(rf"{left}(?P<y1>{_YEAR}){right}", flags),
        # Checked only right before a year the patterns above found (fast: no scan of the text).
        "head_before": re.compile(rf"(?<!\w)(?:{heads}|{lunar})\s+(?:năm\s+)?$", flags),
        # `sau năm 2030`: checked only at the start of a head word found before a year
        "after_head": re.compile(rf"(?:{alternation(w.after_heads)})(?!\w)", flags),
        # `2016 là năm …`: checked only right after a bare year (a match at its end)
        "head_after": re.compile(rf"\s+(?:{alternation(w.year_tails)})(?!\w)", flags),
        # `tháng 8 năm ngoái`: a month before a relative year is no count of years
        "relative": re.compile(rf"(?<!\w)(?P<rel>(?<![-/.])(?<!tháng )(?:\d+|{alternation(w.vague_counts)})\s+)?"
                               rf"(?P<word>{alternation(list(w.relative))})(?!\w)(?!\s*(?:{_YEAR}|\d))", flags),
        "vague": re.compile(rf"(?<!\w)(?:{alternation(w.vague_spans)}|(?:\d+|{alternation(w.vague_counts)})\s+"
                            rf"(?:{alternation(w.counted_spans)}))(?!\w)"
                            rf"(?!\s*[(,]?\s*(?:năm\s+)?{_YEAR})", flags),  # `nhiệm kỳ qua (2015 - 2020)`: the years say it
        "current": re.compile(rf"(?<!\w){_not_after(w)}(?:{alternation(w.current_words)})(?!\w)", flags),
        "yearless": re.compile(rf"(?:{alternation(w.date_heads)})\s+(?:\d{{1,2}}\s*(?:đến|và|-)\s*)?"
                               rf"\d{{1,2}}\s*[-/]\s*\d{{1,2}}(?!\s*[-/]\s*\d)(?!\d)(?!\s*âm lịch)", flags),
        "today": re.compile(rf"(?<!\w)(?:{alternation(w.today_words)})(?!\w)", flags),
        "yearless_month": re.compile(rf"(?<!\w)(?:{alternation(w.month_words)})\s+(?:1[0-2]|0?[1-9])(?![\d.,]?\d)"
                                     rf"(?!\s*[-/]\s*\d)(?!\s+(?:năm|âm lịch)(?!\w))", flags),
        "named_month": re.compile(rf"(?<!\w)(?:{alternation(w.named_months)})(?!\w)(?!\s+(?:năm\s+)?\d)", flags),
        "yearless_quarter": re.compile(rf"(?<!\w)(?:{alternation(w.quarter_words)})\s+(?:{alternation(w.quarter_numbers)})"
                                       rf"(?!\w)(?!\s*[-/.]\s*\d)(?!\s+(?:năm|âm lịch)(?!\w))", flags),
        # `bão số 3` (no year after it): an event numbered within the publication year
        "event": re.compile(rf"(?<!\w)(?:{alternation(w.numbered_events)})\s+\d{{1,2}}(?![\d.,]?\d)"
                            rf"(?!\s*(?:[-/]|năm)\s*\d)", flags),
        "category": re.compile(rf"(?<!\w)(?:{alternation(w.category_words)})(?!\w)", flags),
        "comparison": re.compile(rf"(?<!\w)(?:{alternation(w.comparison + w.effect_words + w.birth_words)})(?!\w)",
                                 flags),
    }


@cache
def _standing_re() -> re.Pattern[str]:
    """A size or capacity word, then at most a qualifier, ending right before a figure; or a
    distance word and the place it is measured from."""
    words = _lowercase(year_words())
    not_after = "".join(rf"(?<!{re.escape(w)} )" for w in words.standing_not_after)
    compound = rf"(?!\s+(?:{alternation(words.standing_far_compounds)})(?!\w))"
    near = rf"{not_after}(?:{alternation(words.standing_words)}){compound}(?:\s+\w+)?"
    far = rf"(?:{alternation(words.standing_far)}){compound}(?:\s+[^\s,;.]+){{0,{windows().standing_far_words}}}"
    return re.compile(rf"(?<!\w)(?:{near}|{far})\s+$")


def is_standing(text: str, start: int) -> bool:
    """Whether the figure at `start` measures a standing fact (`dài 98,3 km`, `rộng 40cm`)."""
    return _standing_re().search(lowered(text[max(0, start - windows().standing_before):start])) is not None


def find_years(text: str, published_year: int | None = None) -> list[YearMention]:
    """Every year expression of `text`, in reading order, non-overlapping.

    Relative years and yearless dates need `published_year`; without it their `year` is None.

    >>> [(m.year, m.year_max) for m in find_years("giai đoạn 2021 - 2025, năm 2024 và năm ngoái", 2024)]
    [(2021, 2025), (2024, None), (2023, None)]
    >>> [(m.year, m.comparison) for m in find_years("tăng 5% so với năm 2023")]
    [(2023, True)]
    """
    found: list[YearMention] = []
    taken: list[tuple[int, int]] = []
    pats = _patterns()
    text = lowered(text)
    for name in ("until_now", "span", "date", "month", "head", "vague", "relative", "current", "yearless", "today",
                 "yearless_month", "named_month", "yearless_quarter", "event"):
        for m in pats[name].finditer(text):
            start = _head_start(text, m.start()) if name in ("span", "head") else m.start()
            if (name == "head" and start == m.start() and pats["head_after"].match(text, m.end()) is None) or any(
                    start < e and s < m.end() for s, e in taken):
                continue  # a bare four-digit number is a year only after a head word or before a tail
            mention = _mention(name, m, published_year)
            if mention is not None and name == "head" and pats["after_head"].match(text, start):
                mention = replace(mention, year=None)  # `sau năm 2030`: past the year, in none
            if mention is not None:
                found.append(replace(mention, start=start))
                taken.append((start, m.end()))
    bases = [m.end() for m in pats["comparison"].finditer(text)]
    found = [_mark_comparison(text, m, bases) for m in found]
    groups = [m.end() for m in pats["category"].finditer(text)]
    found = [_mark_category(text, m, groups) for m in found]
    return sorted(found, key=lambda m: m.start)


def lowered(text: str) -> str:
    """`text` in lower case, character for character (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _lowercase(words: YearWords) -> YearWords:
    """The cue table in lower case, for matching on `lowered` text."""
    data = words.model_dump()
    lower = {k: ([w.lower() for w in v] if isinstance(v, list)
                 else {w.lower(): n for w, n in v.items()} if isinstance(v, dict) else v)
             for k, v in data.items()}
    return YearWords.model_validate(lower)


def _not_after(words: YearWords) -> str:
    """Look-behinds refusing the syllables before `hiện` that make a word of it (`thực hiện`):
    one each, since a look-behind has a fixed width."""
    return "".join(rf"(?<!{re.escape(w)} )" for w in words.current_not_after)


def _head_start(text: str, start: int) -> int:
    """Where the head word before a year begins (`năm học 2023-2024`), else `start`."""
    m = _patterns()["head_before"].search(text, max(0, start - windows().year_head), start)
    return m.start() if m else start


def _mention(name: str, m: re.Match[str], published: int | None) -> YearMention | None:
    """The mention a pattern's match stands for, or None when it names no usable year."""
    if name == "relative":
        if m.group("rel") and "tháng" not in m.group("word").lower():
            return YearMention(m.start(), m.end(), None)  # `Bốn năm nay` is vague; `9 tháng đầu năm` is not
        offset = year_words().relative[_rel_key(m.group("word"))]
        return YearMention(m.start(), m.end(), None if published is None else published + offset,
                           this_year=offset == 0)
    if name == "current":
        return YearMention(m.start(), m.end(), None, current=True)
    if name == "vague":
        return YearMention(m.start(), m.end(), None)
    if name in ("yearless", "today", "event"):
        return YearMention(m.start(), m.end(), published, dated=True, event=name == "event")
    if name in ("yearless_month", "named_month", "yearless_quarter"):  # the publication year, but a month dates no event the lead reports,
        # and without that year it says too little to stand in the way of a year the title names
        return None if published is None else YearMention(m.start(), m.end(), published)
    y1 = int(m.group("y1"))
    if name == "until_now":
        return YearMention(m.start(), m.end(), y1, published if published and published > y1 else None)
    if name == "span":
        y2 = int(m.group("y2"))
        if not 0 < y2 - y1 <= 30:
            return None
        return YearMention(m.start(), m.end(), y1, y2)
    return YearMention(m.start(), m.end(), y1, day=name == "date")


def _rel_key(word: str) -> str:
    """The table key of a relative-year match (spacing and tone placement may differ)."""
    norm = " ".join(word.lower().split())
    for key in year_words().relative:
        if re.fullmatch(alternation([key]), norm):
            return key
    raise KeyError(word)


#: What ends the phrase that defines a group of people: a comma, a semicolon, a sentence's end.
_PHRASE_END = re.compile(r"[,;]|\.\s")


def _mark_category(text: str, m: YearMention, groups: list[int]) -> YearMention:
    """A date in the phrase that defines a group of people (`người hoạt động cách mạng trước ngày
    1/1/1945`) tells who the figure is about, not when it holds: marked like a comparison's base."""
    for end in groups:
        if end <= m.start and m.start - end <= windows().category_date and not _PHRASE_END.search(text, end, m.start):
            return replace(m, comparison=True)
    return m


def _mark_comparison(text: str, m: YearMention, bases: list[int]) -> YearMention:
    """A year within a comparison's phrase (after `so với`, before the next comma) is its base."""
    for end in bases:
        if end <= m.start and m.start - end <= 30 and not re.search(r"[,;.]", text[end:m.start]):
            return replace(m, comparison=True)
    return m
