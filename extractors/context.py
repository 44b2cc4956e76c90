"""Article-level context a figure needs: sentence bounds and the region of its land units.

Both are read once per article, so `extract_figures` stays a pure function of its text.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from vnfigures.schemas import canonical_decimal

from .lexicon import UnitEntry, alternation, cues, unit_table, windows

from .numbers import parse_number

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*\s+(?=\S)|\n+")


def normalized_with_offsets(text: str, normalize: Callable[[str], str]) -> tuple[str, list[int]]:
    """`text` normalized cluster by cluster (a starter and its combining marks), and for each
    character of the result plus its end the offset in `text` it comes from.

    The one offset map of the project: the extractors use it with NFC, the NLP chain with
    underthesea's character normalization. A character of a merged cluster maps to the
    cluster's start; one of an unchanged cluster to itself. The caller checks that the pieces
    rebuild what normalizing the whole text gives (compositions across clusters do not).

    >>> normalized_with_offsets("ha\u0300 5 ho\u0323", lambda s: unicodedata.normalize("NFC", s))
    ('hà 5 họ', [0, 1, 3, 4, 5, 6, 7, 9])
    """
    parts: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = normalize(text[i:j])
        parts.append(piece)
        starts.extend(i + min(k, j - i - 1) for k in range(len(piece)))
        i = j
    starts.append(len(text))
    for k in range(len(starts) - 2, -1, -1):  # never backwards: every mapped span is a slice
        starts[k] = min(starts[k], starts[k + 1])
    return "".join(parts), starts


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfc_with_offsets(text: str) -> tuple[str, list[int]] | None:
    """The NFC form of `text` and, for each of its characters plus the end, the offset in
    `text` it comes from; None when `text` is already NFC (the usual case, no copy made).

    Scraped pages often spell Vietnamese with combining marks (`e` + U+0302 + U+0301); the
    lexicons are NFC, so matching runs on the NFC form and offsets are mapped back.
    """
    if unicodedata.is_normalized("NFC", text):
        return None
    norm, starts = normalized_with_offsets(text, _nfc)
    if not unicodedata.is_normalized("NFC", norm):
        return None  # compositions across clusters (Hangul jamo): read the text as it is
    return norm, starts


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: a rule splitter on `. ! ? …` + space and on newlines; an
    ellipsis that a lower-case word follows (`bờ biển… với tổng mức đầu tư`) trails off a list
    inside its sentence and ends none.

    >>> split_sentences("Có 5 hộ. Hơn 3 người\\nGần 2 tấn")
    [(0, 8), (9, 20), (21, 30)]
    >>> len(split_sentences("trồng rừng… với tổng mức 1.300 tỷ đồng"))
    1
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if ends_no_sentence(text, m):
            continue
        end = m.start() + len(m.group().rstrip())
        if text[start:end].strip():
            bounds.append((start, end))
        start = m.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def ends_no_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether punctuation and space that look like a sentence's end (`m`, on one line) continue it:
    an ellipsis before a lower-case word (`Vùng Cảnh sát biển 4… đã xử lý 15/44 vụ`: a list cut
    short, the sentence goes on) or the dot of an abbreviation (`TP. Huế`, `GS. Nguyễn Văn A`)."""
    if "\n" in m.group() or m.end() >= len(text):
        return False
    stop = m.start() + len(m.group().rstrip())  # past the marks (a splitter may match the space alone)
    marks = text[max(0, stop - 4):stop].rstrip("\"”’)")
    if (marks.endswith("…") or marks.endswith("...")) and text[m.end()].islower():
        return True
    dot = len(text[:stop].rstrip("\"”’)")) - 1
    return marks.endswith(".") and not marks.endswith("..") and _abbreviation_before(text, dot)


@cache
def _abbreviation_re() -> re.Pattern[str]:
    words = alternation(cues().dot_abbreviations)
    return re.compile(rf"(?<![\w.])(?:{words})$")


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the word right before the dot at `dot` is an abbreviation (`TP`, `GS`)."""
    return _abbreviation_re().search(text, max(0, dot - windows().abbreviation_before), dot) is not None


def _cut(sentences: Sequence[tuple[int, int]], rule: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`sentences` split again at the starts of the `rule` sentences that fall inside them.

    >>> _cut([(0, 20)], [(0, 8), (9, 20)])
    [(0, 8), (9, 20)]
    """
    starts = [s for s, _ in rule]
    out: list[tuple[int, int]] = []
    for a, b in sentences:
        lo, hi = bisect.bisect_right(starts, a), bisect.bisect_left(starts, b)
        left = a
        for k in range(lo, hi):  # rule sentence k starts inside (a, b): cut before it
            out.append((left, max(left, min(rule[k - 1][1], b) if k else left)))
            left = starts[k]
        out.append((left, b))
    return out


def _land_entry(form: str) -> UnitEntry:
    return next(e for e in unit_table().units if form in e.forms)


def _square_metre() -> UnitEntry:
    return _land_entry("m2")


@cache
def _stated_sao_re() -> re.Pattern[str]:
    """`bốn sào (4.000 m2)`, `1 sào (khoảng 500m²)`: the forms of `units.yaml`."""
    sao = alternation(_land_entry("sào").forms)
    m2 = alternation(_square_metre().forms)
    approx = alternation(cues().qualifiers_before["approx"])
    return re.compile(rf"(\S+(?:\s\S+){{0,2}}?)\s+(?:{sao})\s*\(\s*(?:(?:{approx})\s+)?([\d.,]+)\s*(?:{m2})",
                      re.IGNORECASE)


def stated_sao(text: str) -> Decimal | None:
    """Hectares in one `sào` when the article states it (`bốn sào (4.000 m2)`, §7), else None.

    >>> stated_sao("bốn sào (4.000 m2)"), stated_sao("6 sào")
    (Decimal('0.1'), None)
    """
    stated = _stated_sao_re().search(text)
    if stated:
        words = stated.group(1).split()
        for k in range(len(words)):
            count = parse_number(" ".join(words[k:]))
            area = parse_number(stated.group(2))
            if count and area:
                return canonical_decimal(area * _square_metre().factor / count)
    return None


def land_region(text: str) -> str:
    """`central` when the article names more central provinces than northern ones, else
    `north` (§7: the northern sào size when the article does not tell the region).

    >>> land_region("xã ở Gia Lai có 6 sào"), land_region("6 sào")
    ('central', 'north')
    """
    c = cues()
    central = sum(text.count(p) for p in c.central_provinces)
    north = sum(text.count(p) for p in c.north_provinces)
    if central == north and _has_regional_unit(text):
        # no province named more than another (`xã Đắk Hòa (Đắk Song)`): the provinces of the
        # units the article names tell (looked up only when a regional land unit is there)
        from .places import find_places

        provinces = [m.province for m in find_places(text) if m.province]
        central = sum(p in c.central_provinces for p in provinces)
        north = sum(p in c.north_provinces for p in provinces)
    return "central" if central > north else "north"


def _has_regional_unit(text: str) -> bool:
    """Whether a land unit whose size depends on the region (`sào`, `mẫu`) is written in `text`."""
    return _regional_unit_re().search(text) is not None


@cache
def _regional_unit_re() -> re.Pattern[str]:
    forms = [f for entry in unit_table().units if entry.region_factor for f in entry.forms]
    return re.compile(rf"(?<!\w)(?:{alternation(forms)})(?!\w)", re.IGNORECASE)


@cache
def _sao_factors() -> dict[str, Decimal]:
    """The regional sizes of one sào (`units.yaml`), against which a stated size scales."""
    return dict(_land_entry("sào").region_factor or {})


@dataclass
class ArticleContext:
    """The text with its sentence bounds and regional land units, shared by all its figures."""

    text: str
    sentences: list[tuple[int, int]]
    region: str
    sao: Decimal | None
    _starts: list[int] = field(default_factory=list)
    #: the sentences cut again where the rule splitter ends one: a cue must not reach across
    #: a break that a tokenizer's splitter missed (`… Trong năm 2025,`)
    fine: list[tuple[int, int]] = field(default_factory=list)
    _fine_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, text: str, sentences: Sequence[tuple[int, int]] | None) -> ArticleContext:
        rule = split_sentences(text)
        bounds = sorted(sentences) if sentences else rule
        ctx = cls(text, list(bounds), land_region(text), stated_sao(text))
        ctx._starts = [s for s, _ in ctx.sentences]
        ctx.fine = _cut(ctx.sentences, rule) if sentences else rule
        ctx._fine_starts = [s for s, _ in ctx.fine]
        return ctx

    def fine_sentence(self, pos: int) -> tuple[int, int]:
        """The `fine` sentence holding `pos` (the whole text when there is none)."""
        i = bisect.bisect_right(self._fine_starts, pos) - 1
        return self.fine[i] if i >= 0 else (0, len(self.text))

    def fine_previous(self, pos: int) -> tuple[int, int] | None:
        """The `fine` sentence before the one holding `pos`, None for the first."""
        i = bisect.bisect_right(self._fine_starts, pos) - 1
        return self.fine[i - 1] if i >= 1 else None

    def land_factor(self, regional: dict[str, Decimal]) -> Decimal:
        """Hectares in one regional land unit (`sào`, `mẫu`, §7): its size in this article's
        region, scaled to the sào size the article states when it states one.

        >>> ctx = ArticleContext.build("bốn sào (4.000 m2) ở Nghệ An", None)
        >>> ctx.land_factor({"north": Decimal("0.36"), "central": Decimal("0.5")})
        Decimal('1')
        """
        factor = regional[self.region]
        if self.sao is None:
            return factor
        return canonical_decimal(factor * self.sao / _sao_factors()[self.region])

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding `pos` (0 when before the first)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._starts[i] if i >= 0 else 0

    def sentence_end(self, pos: int) -> int:
        """End of the sentence holding `pos` (the text's end when after the last)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[i][1] if i >= 0 else len(self.text)
