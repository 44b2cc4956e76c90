"""Where a modality cue's scope ends inside a sentence: clauses, quotes and brackets.

A cue governs its clause; a cue that opens its sentence (or the quote or bracket it stands in)
governs all of it (`modality.yaml` documents the scopes). Clauses are found from punctuation
and clause break words, not from a parse: `;` ends a clause, a comma does not (a list after
`dự kiến xây` belongs to the plan), and a quoted statement or a bracket is a region of its own.

>>> s = "Dự báo đêm nay mưa 40-90 mm; có nơi trên 150 mm."
>>> regions(s, 0, len(s)), scope_end(s, 0, len(s), 0, 6, opens=True)
([], 48)
>>> s = "Đã hoàn thành kế hoạch, nâng lên 50 km; 2 dự án còn lại"
>>> scope_end(s, 0, len(s), 14, 22, opens=False)
38
"""
from __future__ import annotations

import re

from .modality_cues import clause_break_re, opening_lead_re

_PAIRS = {"“": "”", "(": ")", "[": "]", "‘": "’"}
_STRAIGHT = '"'
_CLAUSE_END = re.compile(r";")
_OPENING_BREAK = re.compile(r"[,;:]")
_LIST_OR_CLAUSE = re.compile(r"[;:]")


def regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(inside start, inside end) of every quote and bracket of text[start:end]; one left open
    runs to `end`. Straight quotes pair up in order."""
    found: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch == _STRAIGHT:
            if straight is None:
                straight = i + 1
            else:
                found.append((straight, i))
                straight = None
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i + 1))
        elif stack and ch == stack[-1][0]:
            found.append((stack.pop()[1], i))
    found.extend((opened, end) for _, opened in stack)
    if straight is not None:
        found.append((straight, end))
    return sorted(found)


def region_of(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The innermost quote or bracket holding `pos`, else the sentence start..end."""
    best = (start, end)
    for a, b in regions(text, start, end):
        if a <= pos < b and a >= best[0]:
            best = (a, b)
    return best


def opens_region(text: str, region: tuple[int, int], cue_start: int, cue_end: int) -> bool:
    """The cue opens its region: it stands in the first clause (introductory phrases such as
    `Trong năm 2025,` aside), or it opens a list (a `:` follows it before any `;`).

    >>> s = "Trong nhiệm kỳ 2020 - 2025, Hội đưa ra mục tiêu tỷ lệ 60%; đạt 90%"
    >>> opens_region(s, (0, len(s)), s.index("mục"), s.index("mục") + 8)
    True
    """
    start = region[0]
    while (m := opening_lead_re().match(text, start, cue_start)) is not None:
        start = m.end()
    if not _OPENING_BREAK.search(text, start, cue_start):
        return True
    colon = _LIST_OR_CLAUSE.search(text, cue_end, region[1])
    return bool(colon and colon.group() == ":")


def scope_end(text: str, start: int, end: int, cue_start: int, cue_end: int, *, opens: bool,
              breaks: bool = True) -> int:
    """Where the scope of a cue at cue_start..cue_end ends, in the sentence start..end.

    Every cue stops at the end of its region, and at a clause break word (`nhưng`, `nên`) unless
    `breaks` is off (a forecast opening its sentence: `Dự báo đêm nay có mưa, nhưng lượng mưa chỉ
    20-50mm` is forecast to its end); one that does not open the region stops at the first `;` too.
    """
    region_start, region_end = region_of(text, start, end, cue_start)
    stops = [m.start() for m in (clause_break_re().search(text, cue_end, region_end) if breaks else None,
                                 None if opens else _CLAUSE_END.search(text, cue_end, region_end)) if m]
    return min([region_end, *stops])
