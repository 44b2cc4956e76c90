"""Qualifier and modality of a figure, read from the cue words around it (ANNOTATION.md §3, §7).

The qualifier word nearest the number decides (`ước tính gần 700 tỷ` -> nearly); filler words
(`mức`, `là`) and emphasis (`lên đến`, `có tới`) may sit between it and the number. Modality is
`target` when a goal/plan/forecast cue governs the figure's clause and no fact cue (`đã`,
`so với kế hoạch`) stands between them.
"""
from __future__ import annotations

import re
from functools import cache

from vnfigures.schemas import Qualifier

from .lexicon import alternation, cues, tone_variants

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
    return frozenset(w.lower() for w in (*c.qualifier_fillers, *c.emphasis))


@cache
def _after_re() -> re.Pattern[str]:
    words = [w for ws in cues().qualifiers_after.values() for w in ws]
    return re.compile(rf"\s*({alternation(words)})(?![^\W\d_])", re.IGNORECASE)


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
    window_start = max(lower, start - 60)
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
    return frozenset(w.lower() for w in cues().qualifier_compounds)


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
    """A qualifier written after the figure (`3 liệt sĩ trở lên`) and where it ends."""
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
    return re.compile(rf"(?<!\w)({alternation(cues().approx_governing)})(?!\w)", re.IGNORECASE)


@cache
def _not_governing_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({alternation(cues().approx_governing_not)})(?!\w)", re.IGNORECASE)


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
def _target_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({alternation(cues().target_cues)})(?!\w)", re.IGNORECASE)


@cache
def _breaker_re() -> re.Pattern[str]:
    words = rf"(?<!\w)(?:{alternation(cues().target_breakers)})(?!\w)"
    patterns = "|".join(f"(?:{p})" for p in cues().target_breaker_patterns)
    return re.compile(f"{words}|{patterns}" if patterns else words, re.IGNORECASE)


@cache
def _weak() -> frozenset[str]:
    return frozenset(w.lower() for w in cues().weak_target_cues)


_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")


def _in_name(segment: str, cue: re.Match[str]) -> bool:
    """A cue inside a proper name (`Ban chỉ đạo`, `Sở Kế hoạch`) governs nothing."""
    if cue.group(1)[0].isupper() and cue.start() > 0 and not re.search(r"[.!?:\n]\s*$", segment[:cue.start()]):
        return True
    prev = re.search(r"(\w+)\s+$", segment[:cue.start()])
    return bool(prev and prev.group(1) in cues().name_heads)


@cache
def _after_target_re() -> re.Pattern[str]:
    cue = alternation(cues().target_cues_after)
    return re.compile(rf"[ \t]+(?:[^\W\d_]+[ \t]+){{0,2}}?({cue})(?!\w)", re.IGNORECASE)


def target_after(text: str, end: int) -> bool:
    """A plan cue within the three words after the figure, no punctuation between.

    >>> target_after("khoảng 700 nhà sẽ được xây", 14), target_after("700 nhà, sẽ", 7)
    (True, False)
    """
    return bool(_after_target_re().match(text, end))


@cache
def _adjacent_target_re(words: int) -> re.Pattern[str]:
    cue = alternation(cues().target_cues_adjacent)
    gap = rf"(?:[^\W\d_]+[ \t]+){{0,{words}}}"
    return re.compile(rf"(?:^|[^\w])(?<!chỉ )(?<!Chỉ )({cue})(?![ \t]+(?:thiết|cù|mẫn)(?!\w))[ \t]+{gap}$",
                      re.IGNORECASE)


def target_right_before(text: str, start: int, money: bool = False) -> bool:
    """A need cue right before the figure (`Cần 340 tỷ đồng khắc phục`), or up to five
    syllables before an amount of money (`cần hỗ trợ khẩn cấp 200 tỷ đồng`): what is still
    needed is a target (§7); `chỉ cần 1 hộ` (it only takes one) and `cần thiết` are no need.

    >>> target_right_before("Cần 340 tỷ đồng", 4), target_right_before("chỉ cần 1 hộ", 8)
    (True, False)
    >>> target_right_before("cần hỗ trợ khẩn cấp 200 tỷ", 20, money=True)
    True
    """
    return bool(_adjacent_target_re(5 if money else 0).search(text, max(0, start - 40), start))


@cache
def _question_re() -> re.Pattern[str]:
    words = cues().hypothetical_question_cues or ["\uffff"]
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.IGNORECASE)


def hypothetical_question(sentence: str) -> bool:
    """A question whether something could be done: its figures are possibilities (§7).

    >>> hypothetical_question("Căn hộ 100 - 200 triệu đồng cho người nghèo có khả thi?")
    True
    >>> hypothetical_question("Nhà giá rẻ chỉ 100 triệu đồng thực chất là thế nào?")
    False
    """
    return sentence.rstrip(" \t\"”’)").endswith("?") and bool(_question_re().search(sentence))


@cache
def _revision_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({alternation(cues().plan_revision_cues)})(?!\w)", re.IGNORECASE)


def revises_plan(text: str, sentence_start: int, start: int) -> bool:
    """The clause revises a plan (`giao bổ sung kế hoạch tăng trưởng ... tăng từ 8% lên 10%`):
    the value before the change was a plan too, not a fact.

    >>> revises_plan("bổ sung kế hoạch tăng trưởng thêm 2%, tăng từ 8% lên 10%", 0, 47)
    True
    """
    return bool(_revision_re().search(text, sentence_start, start))


@cache
def _compound_re() -> re.Pattern[str]:
    words = cues().target_cue_compounds or ["\uffff"]
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.IGNORECASE)


def is_target(text: str, sentence_start: int, start: int, rate: bool = False) -> bool:
    """True when a plan/goal/forecast cue governs the figure at `start` (§7 Modality).

    >>> s = "Năm nay tỉnh dự kiến xây dựng khoảng 700 nhà"
    >>> is_target(s, 0, s.index("khoảng"))
    True
    >>> s = "đạt 85% kế hoạch"
    >>> is_target(s, 0, s.index("85"))
    False
    """
    segment = text[sentence_start:start]
    breakers = list(_breaker_re().finditer(segment))
    masked = segment
    spans = [*breakers, *_QUOTED.finditer(segment), *_compound_re().finditer(segment)]
    # "so với kế hoạch"; a quoted title; `sắp xếp` (arrange) is no `sắp` (soon)
    for b in spans:
        masked = masked[:b.start()] + " " * (b.end() - b.start()) + masked[b.end():]
    last_cue = None
    for cue in _target_re().finditer(masked):
        if _in_name(masked, cue) or (rate and cue.group(1).lower() in _weak()):
            continue
        last_cue = cue
    if last_cue is None:
        return False
    return not any(b.start() >= last_cue.end() for b in breakers)
