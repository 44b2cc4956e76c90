"""Qualifier of a figure, read from the cue words around it (ANNOTATION.md §3, §7).

The qualifier word nearest the number decides (`ước tính gần 700 tỷ` -> nearly); filler words
(`mức`, `là`) and emphasis (`lên đến`, `có tới`) may sit between it and the number. Modality is
decided apart, by cue scopes (`modality.py`).
"""
from __future__ import annotations

import re
from functools import cache

from vnfigures.schemas import Qualifier

from .lexicon import alternation, cues, word_set, tone_variants, windows, word_re

_WORD = re.compile(r"[\w%/-]+")
_CLAUSE_STOP = re.compile(r"[.;:!?()\[\]\n]|,\s")
_MAX_CUE_WORDS = 4


@cache
def _before_table() -> dict[str, Qualifier]:
    table: dict[str, Qualifier] = {}
    for name, words in cues().qualifiers_before.items():
        for w in words:
            for variant in tone_variants(w.lower()):
                table[variant] = Qualifier(name)
    return table


@cache
def _skippable() -> frozenset[str]:
    c = cues()
    return word_set(c.qualifier_fillers, c.emphasis)


@cache
def _after_re() -> re.Pattern[str]:
    words = [w for ws in cues().qualifiers_after.values() for w in ws]
    # a rate's further denominators may stand before the cue: `từ 21 triệu đồng/người/năm trở xuống`
    per = r"(?:[ \t]*/[ \t]*[^\W\d_]+){0,2}"
    return re.compile(rf"{per}\s*({alternation(words)})(?![^\W\d_])", re.IGNORECASE)


def qualifier_before(text: str, start: int, lower: int = 0) -> tuple[Qualifier, int] | None:
    """The qualifier cue governing a number at `start` and where the cue begins.

    >>> qualifier_before("ước tính gần 700 tỷ", 13)
    (<Qualifier.nearly: 'nearly'>, 9)
    >>> qualifier_before("giá dưới mức 20.000 đồng", 13)
    (<Qualifier.less_than: 'less_than'>, 4)
    """
    sign = _sign_before(text, start)
    if sign is not None:
        return sign
    window_start = max(lower, start - windows().qualifier_before)
    words = [(m.group().lower(), m.start() + window_start)
             for m in _WORD.finditer(text[window_start:start])]
    table, skip = _before_table(), _skippable()
    i, skipped = len(words), 0
    while i > 0 and skipped <= 3:
        for n in range(min(_MAX_CUE_WORDS, i), 0, -1):
            phrase = " ".join(w for w, _ in words[i - n:i])
            if phrase in table and _adjacent(text, words[i - n][1], start):
                if i - n > 0 and f"{words[i - n - 1][0]} {phrase}" in _compounds():
                    return None  # "cầu vượt 36,75m", "tốc độ 50km/h"
                return table[phrase], words[i - n][1]
        if i == len(words) and skipped == 0:
            glued = _glued_cue(words[i - 1][0])
            if glued:
                return table[glued], words[i - 1][1] + len(words[i - 1][0]) - len(glued)
        if words[i - 1][0] in skip:
            i -= 1
            skipped += 1
            continue
        return None
    return None


def _sign_before(text: str, start: int) -> tuple[Qualifier, int] | None:
    """A qualifier sign right before the number (`>100mm`, `≤ 5%`), and where it stands.

    >>> _sign_before("mưa lớn (>100mm/6 giờ)", 10)
    (<Qualifier.more_than: 'more_than'>, 9)
    """
    pos = start - 1
    while pos >= 0 and text[pos] in " \t":
        pos -= 1
    name = cues().qualifier_signs.get(text[pos]) if pos >= 0 else None
    return (Qualifier(name), pos) if name else None


@cache
def _compounds() -> frozenset[str]:
    """Words that a qualifier cue ends, so they are no cue; a comparison (`rẻ hơn cả`) is one."""
    c = cues()
    compared = (f"{adj} {cue}" for adj in c.comparative_adjectives for cue in c.comparison_cues)
    return word_set(c.qualifier_compounds, compared)


_VOWEL = re.compile(r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]")


def _glued_cue(word: str) -> str | None:
    """A one-word cue glued to the word before it (`đượctrên` in text that lost its spaces)."""
    for cue in _before_table():
        if " " in cue or len(cue) < 3 or not word.endswith(cue) or word == cue:
            continue
        if _VOWEL.search(word[:-len(cue)]) and len(word) - len(cue) >= 2:
            return cue
    return None


def _adjacent(text: str, cue_start: int, start: int) -> bool:
    """No clause break between a cue and its number."""
    return not _CLAUSE_STOP.search(text, cue_start, start)


def qualifier_after(text: str, end: int) -> tuple[Qualifier, int] | None:
    """A qualifier written after the figure (`3 liệt sĩ trở lên`, past a rate's other
    denominators: `21 triệu đồng/người/năm trở xuống`) and where it ends."""
    m = _after_re().match(text, end)
    if not m:
        return None
    form = re.sub(r"\s+", " ", m.group(1).lower())
    for name, words in cues().qualifiers_after.items():
        if form in (w.lower() for w in words):
            return Qualifier(name), m.end()
    return None  # pragma: no cover - the regex only matches listed words


@cache
def _governing_re() -> re.Pattern[str]:
    return word_re(cues().approx_governing)


@cache
def _not_governing_re() -> re.Pattern[str]:
    return word_re(cues().approx_governing_not)


def approx_governed(text: str, clause_start: int, start: int) -> bool:
    """`ước`/`ước tính`/`ước đạt` between the previous figure and this one (§7); not the
    `ước` of `ước mơ` (a dream) or `hiệp ước` (a treaty).

    >>> approx_governed("Ước tính, tổng thiệt hại là 3,5 tỷ", 0, 28)
    True
    >>> approx_governed("ước mơ có 3 con bò", 0, 10)
    False
    """
    segment = _not_governing_re().sub(lambda m: " " * len(m.group()), text[clause_start:start])
    return _governing_re().search(segment) is not None


@cache
def _comparison_after_re() -> re.Pattern[str]:
    gap = windows().comparison_after
    return re.compile(rf"[^.;:!?()\n]{{0,{gap}}}?{word_re(cues().comparison_after).pattern}", re.IGNORECASE)


def is_difference(text: str, cue_start: int, end: int) -> bool:
    """A comparative cue (`thấp hơn`) whose figure `so với` follows: the figure is the
    difference itself, so its qualifier is exact (§3).

    >>> is_difference("thấp hơn 3 triệu so với căn đang ở", 0, 16)
    True
    >>> is_difference("thấp hơn 3 triệu đồng", 0, 16)
    False
    """
    cue = re.sub(r"\s+", " ", text[cue_start:cue_start + windows().comparative].lower())
    if not any(cue.startswith(c.lower() + " ") for c in cues().comparatives):
        return False
    return _comparison_after_re().match(text, end) is not None
