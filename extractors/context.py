"""Article-level context a figure needs: sentence bounds and the regional size of `sào`.

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

from .lexicon import cues, unit_table
from .numbers import parse_number

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*\s+(?=\S)|\n+")
_STATED_SAO = re.compile(r"(\S+(?:\s\S+){0,2}?)\s+sào\s*\(\s*(?:khoảng\s+)?([\d.,]+)\s*m(?:2|²)",
                         re.IGNORECASE)
_M2_PER_HA = Decimal(10000)


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
    """(start, end) of each sentence: a rule splitter on `. ! ? …` + space and on newlines.

    >>> split_sentences("Có 5 hộ. Hơn 3 người\\nGần 2 tấn")
    [(0, 8), (9, 20), (21, 30)]
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + len(m.group().rstrip())
        if text[start:end].strip():
            bounds.append((start, end))
        start = m.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def sao_size(text: str) -> Decimal:
    """Hectares in one `sào` for this article (§7): as stated, else by region, else northern.

    >>> sao_size("bốn sào (4.000 m2)"), sao_size("xã ở Gia Lai có 6 sào"), sao_size("6 sào")
    (Decimal('0.1'), Decimal('0.05'), Decimal('0.036'))
    """
    stated = _STATED_SAO.search(text)
    if stated:
        words = stated.group(1).split()
        for k in range(len(words)):
            count = parse_number(" ".join(words[k:]))
            area = parse_number(stated.group(2))
            if count and area:
                return area / count / _M2_PER_HA
    c = cues()
    central = sum(text.count(p) for p in c.central_provinces)
    north = sum(text.count(p) for p in c.north_provinces)
    return _sao_by_region()["central" if central > north else "north"]


@cache
def _sao_by_region() -> dict[str, Decimal]:
    """Hectares in one `sào` per region, as `units.yaml` gives them (`region_factor`)."""
    sao = next(u for u in unit_table().units if "sào" in u.forms)
    if not sao.region_factor or not {"north", "central"} <= set(sao.region_factor):
        raise ValueError("units.yaml: the `sào` entry needs region_factor for north and central")
    return sao.region_factor


@dataclass
class ArticleContext:
    """The text with its sentence bounds and regional land units, shared by all its figures."""

    text: str
    sentences: list[tuple[int, int]]
    sao: Decimal
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, text: str, sentences: Sequence[tuple[int, int]] | None) -> ArticleContext:
        bounds = sorted(sentences) if sentences else split_sentences(text)
        ctx = cls(text, list(bounds), sao_size(text))
        ctx._starts = [s for s, _ in ctx.sentences]
        return ctx

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding `pos` (0 when before the first)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._starts[i] if i >= 0 else 0

    def sentence_end(self, pos: int) -> int:
        """End of the sentence holding `pos` (the text's end when after the last)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[i][1] if i >= 0 else len(self.text)
