"""Paragraphs, sentences and clauses of an article's text, as character ranges.

WHY its own module: ANNOTATION.md §8 finds a figure's place and year in widening scopes —
its clause, its sentence, the paragraph or heading that frames it, the title and lead — so
the locate step needs those ranges for every offset, cheaply and without re-tokenizing.
A clause ends at `;`, `:`, a bracket or a comma followed by a space (never the decimal
comma of `2,5`); a sentence at `.`, `!`, `?` or `…` followed by a space (not an ellipsis before
a lower-case word, nor an abbreviation's dot: the same exceptions as `context.split_sentences`),
or glued to the next sentence's capitalized first word.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from .context import ends_no_sentence
from .lexicon import LOWERCASE, UPPERCASE

#: A sentence ends at `.`, `!`, `?` or `…` followed by a space, or glued to the next sentence's
#: first word when a scrape lost the space or the line break (`ngày thường."Năm ngoái`, `bán
#: lại.Những thùng`): a lower-case letter or digit before, a capitalized word after, which an
#: abbreviation (`TP.HCM`) or a decimal point never has.
_SENTENCE_END = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+|(?<=[{LOWERCASE}\d][.!?])[\"”’)]*(?=[\"“]?[{UPPERCASE}][{LOWERCASE}])")
#: A clause ends at `;`, `:`, a bracket, a comma before a space, or a spaced dash that joins no
#: two numbers (`Bắc - Nam` parts; `2017 - 2020` and `38.000 - 41.000` stay one span).
_CLAUSE_END = re.compile(r"[;:()]|,(?=\s)|(?<!\d)\s[-–]\s|\s[-–]\s(?!\d)")
#: A heading: a short line that does not end like a sentence (a question may end one).
_HEADING_MAX = 90


@dataclass(frozen=True)
class Layout:
    """The scopes of one text: paragraph, sentence and clause ranges, each sorted by start."""

    text: str
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    clauses: list[tuple[int, int]]
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("paragraphs", "sentences", "clauses"):
            self._starts[name] = [s for s, _ in getattr(self, name)]

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The paragraph holding offset `pos`."""
        return self._around("paragraphs", pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding offset `pos`."""
        return self._around("sentences", pos)

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause holding offset `pos`."""
        return self._around("clauses", pos)

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding `pos`."""
        return max(0, bisect_right(self._starts["paragraphs"], pos) - 1)

    def _around(self, name: str, pos: int) -> tuple[int, int]:
        """The range of `name` holding `pos` (the last one starting at or before it)."""
        ranges = getattr(self, name)
        i = bisect_right(self._starts[name], pos) - 1
        return ranges[max(i, 0)] if ranges else (0, 0)

    def is_heading(self, index: int) -> bool:
        """A short paragraph that does not end with sentence punctuation frames what follows. A
        question mark may end one: news subheadings are often questions (`Định đoạt ra sao số phận
        dự án cao tốc Bắc - Nam?`); a question quoted in the text ends with its quote mark."""
        start, end = self.paragraphs[index]
        line = self.text[start:end].rstrip()
        return 0 < len(line) <= _HEADING_MAX and line[-1] not in ".!…:;,\"”"


def layout(text: str) -> Layout:
    """Split `text` (one paragraph a line) into its paragraph, sentence and clause ranges."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    sentences = [s for p in paragraphs for s in _split(text, p, _SENTENCE_END, ends_no_sentence)]
    clauses = [c for s in sentences for c in _split(text, s, _CLAUSE_END)]
    return Layout(text, paragraphs, sentences, clauses)


def _split(text: str, span: tuple[int, int], boundary: re.Pattern[str],
           continues: Callable[[str, re.Match[str]], bool] | None = None) -> list[tuple[int, int]]:
    """`span` cut at every `boundary` match (the boundary ends the piece before it), except where
    `continues` says the match goes on with the same piece."""
    start, end = span
    pieces, cur = [], start
    for m in boundary.finditer(text, start, end):
        if continues is not None and continues(text, m):
            continue
        if m.end() > cur:
            pieces.append((cur, m.end()))
            cur = m.end()
    if cur < end:
        pieces.append((cur, end))
    return pieces or [span]
