"""Figures of an article: every cardinal quantity with what it counts (ANNOTATION.md).

`extract_figures` scans the numbers of the text, reads each with the unit after it, joins
ranges (`từ 10 đến 15 hộ`) and pairs (`13/20 hộ`), then fixes qualifier and modality from the
cue words around the figure. It is a pure function of the text: no model is loaded.

>>> [(f.text, f.kind.value, f.value, f.qualifier.value) for f in extract_figures(
...     "Công an tỉnh hỗ trợ 115 hộ nghèo trên 625 triệu đồng.")]
[('115 hộ nghèo', 'households', Decimal('115'), 'exact'), ('trên 625 triệu đồng', 'money', Decimal('625000000'), 'more_than')]
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from pydantic import ValidationError

from vnfigures.schemas import Figure, Kind, Modality, Qualifier, canonical_decimal

from .context import ArticleContext, nfc_with_offsets
from .lexicon import alternation, cues, number_words
from .numbers import NumberMention, scan_numbers
from .qualifiers import (approx_governed, is_target, qualifier_after, qualifier_before,
                         hypothetical_question, revises_plan, target_after,
                         target_right_before)
from .readings import Candidate, interpret
from .word_fractions import word_fractions

__all__ = ["extract_figures"]

_RANGE_SEP = re.compile(r"[ \t]*(?:[-–—~]|đến|tới|tới mức|đến mức|đến dưới|tới dưới)[ \t]*",
                        re.IGNORECASE)
_STEP_SEP = re.compile(r"[ \t]+(?:xuống|lên|xuống còn|lên mức|xuống mức|lên đến)[ \t]+", re.IGNORECASE)
_LIST_SEP = re.compile(r"[ \t]*(?:,|và|hoặc|hay)[ \t]*", re.IGNORECASE)
_DIMENSIONS = re.compile(r"(?<![\w.,])(\d{2,5})[ \t]*[x×][ \t]*(\d{2,5})(?![\w.,])")
#: `tối đa` before one of these names a specification, not a bound (`tối đa 60km/h`, §7)
_SPEC_KINDS = (Kind.other,)


@dataclass(frozen=True)
class _Draft:
    """A figure before its qualifier and modality are known."""

    start: int
    end: int
    kind: Kind
    unit: str
    value: Decimal
    value_max: Decimal | None
    subject: str
    per: str | None
    qualifier: Qualifier | None = None
    modality: Modality | None = None
    step_first: bool = False


@cache
def _bare_cue_re() -> re.Pattern[str]:
    return re.compile(rf"(?:^|[^\w])({alternation(cues().bare_number_before)})\s*$", re.IGNORECASE)


def _draft(r: Candidate, kind: Kind | None = None, unit: str | None = None) -> _Draft:
    """The draft of a reading, with the kind and unit it borrows when it has none."""
    kind, unit = r.kind or kind, r.unit_code or unit
    if kind is None or unit is None:  # pragma: no cover - callers pass readings with a unit
        raise ValueError(f"reading {r.mention.raw!r} has no unit")
    return _Draft(r.mention.start, r.end, kind, unit, canonical_decimal(r.value), None, r.subject, r.per)


def _range(a: Candidate, b: Candidate) -> _Draft | None:
    """`10-15 hộ`, `từ 2 đến 5 triệu đồng`, `từ 35,99 triệu đồng đến 38,99 triệu đồng`."""
    if b.kind is None or b.unit_code is None:
        return None
    if a.kind is not None and (a.kind, a.unit_code) != (b.kind, b.unit_code):
        return None
    low = a.value
    if a.kind is None:  # the low end takes the high end's scale and unit
        scale = b.mention.scale if a.mention.scale == 1 else Decimal(1)
        low = a.mention.value * scale * (b.unit.factor if b.unit else 1)
        if b.kind is Kind.money and low * 1000 < b.value < low * 10000 and b.value >= 10000:
            low *= 1000  # `từ 400 đến 600.000 đồng`: the low end is in thousands too
    if low >= b.value:
        return None
    return _Draft(a.mention.start, b.end, b.kind, b.unit_code, canonical_decimal(low), canonical_decimal(b.value),
                  b.subject, b.per, Qualifier.range)


def _step(a: Candidate, b: Candidate) -> list[_Draft]:
    """`từ 6.000 đồng/kg xuống 5.800 đồng/kg`: two exact figures, the first the state before
    the change (§7); a bare first number borrows the second's unit."""
    first = replace(_draft(a, b.kind, b.unit_code), value=canonical_decimal(a.value * _borrowed_factor(a, b)))
    return [replace(first, qualifier=Qualifier.exact, modality=Modality.actual, step_first=True),
            replace(_draft(b), qualifier=Qualifier.exact)]


def _borrowed_factor(a: Candidate, b: Candidate) -> Decimal:
    return b.unit.factor if a.kind is None and b.unit else Decimal(1)


def _join(ctx: ArticleContext, a: Candidate, b: Candidate | None) -> tuple[list[_Draft], bool]:
    """Drafts for reading `a`, using its neighbour `b`; True when `b` was consumed."""
    gap = ctx.text[a.end:b.mention.start] if b else ""
    if b is not None and _RANGE_SEP.fullmatch(gap):
        joined = _range(a, b)
        if joined:
            return [joined], True
    has_b = b is not None and b.kind is not None
    if has_b and b is not None and _STEP_SEP.fullmatch(gap):
        return _step(a, b), True
    if a.kind is not None:
        return [_draft(a)], False
    listed = (_LIST_SEP.fullmatch(gap) and b is not None and b.unit is not None and b.unit.measure
              and a.mention.form == "digits")  # `64, 128GB`
    if has_b and b is not None and (a.mention.pair_first or listed):  # `13/20 hộ`
        first = replace(_draft(a, b.kind, b.unit_code), value=canonical_decimal(a.value * _borrowed_factor(a, b)),
                        subject=b.subject, per=b.per)
        return [first, _draft(b)], True
    window = ctx.text[max(0, a.mention.start - 20):a.mention.start]
    if _bare_cue_re().search(window):  # `gấp 3`, `gấp ba`, `hệ số 1.5`
        return [_Draft(a.mention.start, a.end, Kind.other, "item", canonical_decimal(a.value), None, "", None)], False
    return [], False


@cache
def _multiple_re() -> re.Pattern[str]:
    words = alternation(list(number_words().multiples))
    return re.compile(rf"(?<!\w)gấp\s+({words})(?!\w)", re.IGNORECASE)


def _multiple_drafts(text: str) -> list[_Draft]:
    """`gấp đôi` is a count of times, 2, of kind `other` (§7)."""
    multiples = number_words().multiples
    return [_Draft(m.start(), m.end(), Kind.other, "item", canonical_decimal(multiples[m.group(1).lower()]),
                   None, "lần", None) for m in _multiple_re().finditer(text)]


def _fraction_drafts(text: str) -> list[_Draft]:
    """`hai phần ba số hộ`: a fraction in words is a percentage (§7)."""
    return [_Draft(f.start, f.end, Kind.percent, "percent", canonical_decimal(f.percent), None, "", None)
            for f in word_fractions(text)]


def _dimension_drafts(text: str) -> list[_Draft]:
    """A resolution or size `2688x1242` is two figures of kind `other` (§7)."""
    drafts: list[_Draft] = []
    for m in _DIMENSIONS.finditer(text):
        for g in (1, 2):
            drafts.append(_Draft(m.start(g), m.end(g), Kind.other, "item", Decimal(m.group(g)),
                                 None, "", None))
    return drafts


def _qualify(ctx: ArticleContext, d: _Draft, prev_end: int) -> Figure:
    """Fix qualifier and modality from the cue words around the draft; build the Figure."""
    text, sent = ctx.text, ctx.sentence_start(d.start)
    start, end, qual = d.start, d.end, d.qualifier
    before = qualifier_before(text, d.start, sent)
    if qual is None:
        after = qualifier_after(text, d.end)
        if after:
            qual, end = after[0], after[1]
            if before:
                start = before[1]
        elif before:
            qual, start = before
            if (qual is Qualifier.at_most and d.kind in _SPEC_KINDS
                    and text[start:d.start].lower().startswith("tối đa")):
                qual = Qualifier.exact  # `tốc độ tối đa 60km/h` names a specification (§7)
        elif approx_governed(text, max(sent, prev_end), d.start):
            qual = Qualifier.approx
        else:
            qual = Qualifier.exact
    elif qual is Qualifier.range and before:
        start = before[1]  # `khoảng 170.000 - 200.000`, `từ 10 đến 15`: the span starts at the cue
    target = (is_target(text, sent, start, rate=d.per is not None) or target_after(text, end)
              or target_right_before(text, start, money=d.kind is Kind.money)
              or hypothetical_question(text[sent:ctx.sentence_end(d.start)]))
    modality = d.modality or (Modality.target if target else Modality.actual)
    if d.modality is Modality.actual and d.step_first and target and revises_plan(text, sent, start):
        modality = Modality.target  # `kế hoạch ... tăng từ 8% lên 10%`: the old plan is a plan
    return Figure(text=text[start:end], start=start, end=end, kind=d.kind, value=d.value,
                  value_max=d.value_max if qual is Qualifier.range else None, unit=d.unit,
                  qualifier=qual, subject=d.subject, modality=modality, per=d.per)


#: a related-story link set inside the body, `[Mưa lũ Điện Biên: 2 người chết ...]` (§7)
_STORY_LINK = re.compile(r"\[[^\W\d_a-zđ][^\[\]\n]{10,200}\]")


def _drafts(ctx: ArticleContext) -> list[_Draft]:
    links = [(m.start(), m.end()) for m in _STORY_LINK.finditer(ctx.text)]
    drafts = [d for d in _dimension_drafts(ctx.text) + _multiple_drafts(ctx.text) + _fraction_drafts(ctx.text)
              if not any(s <= d.start < e for s, e in links)]
    claimed = [(d.start, d.end) for d in drafts] + links
    mentions: list[NumberMention] = [
        m for m in scan_numbers(ctx.text) if not any(s <= m.start < e for s, e in claimed)]
    readings = [r for r in (interpret(ctx, m) for m in mentions) if r is not None]
    i = 0
    while i < len(readings):
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        made, consumed = _join(ctx, readings[i], nxt)
        drafts.extend(made)
        i += 2 if consumed else 1
    return drafts


def _no_overlap(drafts: list[_Draft]) -> list[_Draft]:
    """Keep drafts in reading order; a draft starting inside the previous one is dropped."""
    out: list[_Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start, -d.end)):
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def extract_figures(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> list[Figure]:
    """All figures of an article's normalized `text`, in reading order (ANNOTATION.md §2-§7).

    `sentences` are (start, end) bounds when the caller has them; otherwise a rule splitter
    finds them. Offsets index into `text`: `text[f.start:f.end] == f.text`.

    >>> [(f.value, f.value_max, f.per) for f in extract_figures("giá từ 4.800 – 5.300 đồng/kg")]
    [(Decimal('4800'), Decimal('5300'), 'kg')]
    """
    if not text or not text.strip():
        return []
    mapped = nfc_with_offsets(text)
    if mapped is not None:
        return _on_nfc(text, sentences, *mapped)
    return _extract(text, sentences)


def _extract(text: str, sentences: Sequence[tuple[int, int]] | None) -> list[Figure]:
    """The figures of an NFC text (or one that cannot be mapped to NFC)."""
    ctx = ArticleContext.build(text, sentences)
    figures: list[Figure] = []
    prev_end = 0
    for d in _no_overlap(_drafts(ctx)):
        try:
            figures.append(_qualify(ctx, d, prev_end))
        except ValidationError:  # pragma: no cover - a draft the record refuses is dropped,
            continue             # never the whole article
        prev_end = d.end
    return figures


def _on_nfc(text: str, sentences: Sequence[tuple[int, int]] | None, norm: str,
            starts: list[int]) -> list[Figure]:
    """Figures of a text that is not NFC: found on its NFC form, offsets mapped back."""
    bounds = None
    if sentences:
        to_norm = {orig: k for k, orig in reversed(list(enumerate(starts)))}
        bounds = [(to_norm.get(a, 0), to_norm.get(b, len(norm))) for a, b in sentences]
    out: list[Figure] = []
    for f in _extract(norm, bounds):
        start, end = starts[f.start], starts[f.end]
        out.append(f.model_copy(update={"text": text[start:end], "start": start, "end": end}))
    return out
