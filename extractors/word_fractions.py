"""Fractions said in words: `hai phần ba số hộ` (two thirds), `1 phần 4 diện tích`.

ANNOTATION.md §7 reads fractions as percentages (`1/3 dân số` -> 33.33); a fraction written
as `X phần Y` is the same quantity, so it is a percent figure too. `phần trăm` is a percent
unit, never a denominator, and `2 phần quà` is a count of gifts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .lexicon import alternation, number_words

__all__ = ["WordFraction", "word_fractions"]


@dataclass(frozen=True)
class WordFraction:
    """A fraction `numerator phần denominator` and its value as a percentage."""

    start: int
    end: int
    percent: Decimal


def _small_words() -> dict[str, int]:
    """Digit words and `mười` with their values (`tư` only ends a fraction: `một phần tư`)."""
    words = {w: d.value for w, d in number_words().digits.items() if d.value > 0}
    words.update({w: 10 for w in number_words().ten_words})
    return words


@cache
def _fraction_re() -> re.Pattern[str]:
    digits = number_words().digits
    tops = [w for w, v in _small_words().items() if w not in digits or digits[w].initial]
    bottoms = [w for w, v in _small_words().items() if v > 1]
    top = rf"(\d{{1,2}}|{alternation(tops)})"
    bottom = rf"(\d{{1,2}}|{alternation(bottoms)})"
    part = alternation(number_words().fraction_words)
    more = alternation([*number_words().hundred_words, *number_words().scales])
    # not `phần trăm` (per cent) nor `một phần năm 2017` (part of the year 2017)
    return re.compile(rf"(?<![\w.,]){top}[ \t]+(?:{part})[ \t]+{bottom}(?![\w.,])"
                      rf"(?![ \t]+(?:\d|(?:{more})(?!\w)))", re.IGNORECASE)


def _value(token: str) -> int:
    return int(token) if token.isdigit() else _small_words()[token.lower()]


def word_fractions(text: str) -> list[WordFraction]:
    """Every `X phần Y` fraction of `text` with X < Y, as a percentage rounded to 0.01.

    >>> [(f.start, f.end, f.percent) for f in word_fractions("hai phần ba số hộ, 50 phần trăm")]
    [(0, 11, Decimal('66.67'))]
    """
    out: list[WordFraction] = []
    for m in _fraction_re().finditer(text):
        a, b = _value(m.group(1)), _value(m.group(2))
        if 0 < a < b:
            pct = (Decimal(a) / Decimal(b) * 100).quantize(Decimal("0.01"))
            out.append(WordFraction(m.start(), m.end(), pct))
    return out
