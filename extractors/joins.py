"""Drafts of figures from readings: ranges, steps, pairs and lists, and the word-level forms.

A `Draft` is a figure before its qualifier and modality are known. `join` looks at a reading
and the next one and decides, from the words between them (`data/number_words.yaml`
separators), whether they make a range (`10-15 hộ`, `giữa 10 và 20 tấn`), a change of two
exact figures (`từ 6.000 xuống 5.800`), a pair sharing a unit (`13/20 hộ`, `1 hoặc 2 chỉ`) or
stand alone. `gấp đôi`, `hai phần ba` and `2688x1242` are read from the text directly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from vnfigures.schemas import Kind, Modality, Qualifier, canonical_decimal

from .context import ArticleContext
from .lexicon import alternation, cue_before_re, cues, number_words, separator_re, windows

from .readings import Candidate
from .word_fractions import word_fractions

__all__ = ["Draft", "dimension_drafts", "fraction_drafts", "join", "multiple_drafts"]


@cache
def _between_re() -> re.Pattern[str]:
    return cue_before_re(number_words().between_words["before"], r"[ \t]+", group=True)


@cache
def _between_joiner() -> re.Pattern[str]:
    return re.compile(rf"[ \t]+(?:{alternation(number_words().between_words['joiner'])})[ \t]+", re.IGNORECASE)

_DIMENSIONS = re.compile(r"(?<![\w.,])(\d{2,5})[ \t]*[x×][ \t]*(\d{2,5})(?![\w.,])")


@dataclass(frozen=True)
class Draft:
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
    return cue_before_re(cues().bare_number_before, group=True)


def _draft(r: Candidate, kind: Kind | None = None, unit: str | None = None) -> Draft:
    """The draft of a reading, with the kind and unit it borrows when it has none."""
    kind, unit = r.kind or kind, r.unit_code or unit
    if kind is None or unit is None:  # pragma: no cover - callers pass readings with a unit
        raise ValueError(f"reading {r.mention.raw!r} has no unit")
    return Draft(r.mention.start, r.end, kind, unit, canonical_decimal(r.value), None, r.subject, r.per)


def _range(a: Candidate, b: Candidate) -> Draft | None:
    """`10-15 hộ`, `từ 2 đến 5 triệu đồng`, `từ 35,99 triệu đồng đến 38,99 triệu đồng`."""
    if b.kind is None or b.unit_code is None:
        return None
    # a low end with no unit of its own (a kind only from `số ngầm tràn bị ngập 0,5`) borrows
    bare = a.kind is None or (a.unit is None and a.mention.scale == 1 and a.kind is not b.kind)
    if not bare and (a.kind, a.unit_code) != (b.kind, b.unit_code):
        return None
    low = a.value
    if bare:  # the low end takes the high end's scale and unit
        scale = _low_scale(a, b)
        low = a.mention.value * scale * (b.unit.factor if b.unit else 1)
        if b.kind is Kind.money and low * 1000 < b.value < low * 10000 and b.value >= 10000:
            low *= 1000  # `từ 400 đến 600.000 đồng`: the low end is in thousands too
    if low >= b.value:
        return None
    return Draft(a.mention.start, b.end, b.kind, b.unit_code, canonical_decimal(low), canonical_decimal(b.value),
                  b.subject, b.per, Qualifier.range)


def _low_scale(a: Candidate, b: Candidate) -> Decimal:
    """The scale a bare low end takes from the high end: the high end's own (`10 - 15 triệu`),
    else the largest thousandth of it that keeps the low end below (`900 - 1,2 triệu` is 900
    nghìn, `500.000 - 1,7 triệu` is 500.000 đồng)."""
    if a.mention.scale != 1:
        return Decimal(1)
    scale = b.mention.scale
    while scale > 1 and a.mention.value * scale >= b.mention.value:
        scale /= 1000
    return max(scale, Decimal(1))


def _step(a: Candidate, b: Candidate) -> list[Draft]:
    """`từ 6.000 đồng/kg xuống 5.800 đồng/kg`: two exact figures, the first the state before
    the change (§7); a bare first number borrows the second's unit."""
    first = replace(_draft(a, b.kind, b.unit_code), value=canonical_decimal(a.value * _borrowed_factor(a, b)))
    return [replace(first, qualifier=Qualifier.exact, modality=Modality.actual, step_first=True),
            replace(_draft(b), qualifier=Qualifier.exact)]


def _borrowed_factor(a: Candidate, b: Candidate) -> Decimal:
    return b.unit.factor if a.kind is None and b.unit else Decimal(1)


def join(ctx: ArticleContext, a: Candidate, b: Candidate | None) -> tuple[list[Draft], bool]:
    """Drafts for reading `a`, using its neighbour `b`; True when `b` was consumed."""
    gap = ctx.text[a.end:b.mention.start] if b else ""
    between = _between(ctx, a, gap) if b is not None else None
    if b is not None and (separator_re("range_separators").fullmatch(gap) or between is not None):
        joined = _range(a, b)
        if joined:
            return [replace(joined, start=between) if between is not None else joined], True
    has_b = b is not None and b.kind is not None
    stepped = b is not None and (separator_re("step_separators", spaced=True).fullmatch(gap) is not None
                                 or _opened_step(ctx, a, gap))
    if has_b and b is not None and stepped:
        return _step(a, b), True
    if stepped and a.kind is not None:  # `từ 4,15% xuống còn 3,4-3,5%`: the second is a range of its own
        return [replace(_draft(a), qualifier=Qualifier.exact, modality=Modality.actual, step_first=True)], False
    if a.kind is not None:
        return [_draft(a)], False
    listed = b is not None and a.mention.form == "digits" and (
        (separator_re("list_separators").fullmatch(gap) and b.unit is not None and b.unit.measure)  # `64, 128GB`
        or (separator_re("alternative_separators", spaced=True).fullmatch(gap) and b.unit is not None)
        or (separator_re("share_separators", spaced=True).fullmatch(gap) and b.kind is not None))
    if has_b and b is not None and (a.mention.pair_first or listed):  # `13/20 hộ`, `1 hoặc 2 chỉ`
        first = replace(_draft(a, b.kind, b.unit_code), value=canonical_decimal(a.value * _borrowed_factor(a, b)),
                        subject=b.subject, per=b.per)
        return [first, _draft(b)], True
    window = ctx.text[max(0, a.mention.start - windows().bare_cue):a.mention.start]
    if _bare_cue_re().search(window):  # `gấp 3`, `gấp ba`, `hệ số 1.5`
        return [Draft(a.mention.start, a.end, Kind.other, "item", canonical_decimal(a.value), None, "", None)], False
    return [], False


def _between(ctx: ArticleContext, a: Candidate, gap: str) -> int | None:
    """`giữa 10 và 20 tấn`: two bounds joined by `và` after `giữa` make a range; where the
    range's span starts (at `giữa`), or None."""
    if not _between_joiner().fullmatch(gap):
        return None
    cue = _between_re().search(ctx.text, max(0, a.mention.start - windows().between_cue), a.mention.start)
    return None if cue is None else cue.start(1)


@cache
def _step_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = number_words().step_words
    steps = alternation(number_words().step_separators)
    filler = rf"(?:(?:{alternation(words['filler'])}|\d{{4}})[ \t]+)"
    return (cue_before_re(words["opener"], r"[ \t]+"),
            re.compile(rf"[ \t]+{filler}{{0,4}}(?:{steps})[ \t]+", re.IGNORECASE))


def _opened_step(ctx: ArticleContext, a: Candidate, gap: str) -> bool:
    """`từ 3 km nay tăng lên 13 km`: a change opened by `từ` whose separator follows a time or
    a change verb; two exact figures (§7), not `từ 3 km` as at least."""
    opener, loose = _step_res()
    start = a.mention.start
    return bool(loose.fullmatch(gap) and opener.search(ctx.text, max(0, start - windows().step_opener), start))


@cache
def _multiple_re() -> re.Pattern[str]:
    words = alternation(list(number_words().multiples))
    nw = number_words()  # `gấp ba mươi lần` is thirty, read elsewhere; `gấp đôi năm trước` is 2
    more = alternation([*nw.tens_multipliers, *nw.hundred_words, *nw.scales])
    cue = alternation(number_words().multiple_cues)
    return re.compile(rf"(?<!\w)(?:{cue})\s+({words})(?!\w)(?![ \t]+(?:{more})(?!\w))", re.IGNORECASE)


def multiple_drafts(text: str) -> list[Draft]:
    """`gấp đôi` is a count of times, 2, of kind `other` (§7)."""
    multiples = number_words().multiples
    return [Draft(m.start(), m.end(), Kind.other, "item", canonical_decimal(multiples[m.group(1).lower()]),
                   None, "lần", None) for m in _multiple_re().finditer(text)]


def fraction_drafts(text: str) -> list[Draft]:
    """`hai phần ba số hộ`: a fraction in words is a percentage (§7)."""
    return [Draft(f.start, f.end, Kind.percent, "percent", canonical_decimal(f.percent), None, "", None)
            for f in word_fractions(text)]


def dimension_drafts(text: str) -> list[Draft]:
    """A resolution or size `2688x1242` is two figures of kind `other` (§7)."""
    drafts: list[Draft] = []
    for m in _DIMENSIONS.finditer(text):
        for g in (1, 2):
            drafts.append(Draft(m.start(g), m.end(g), Kind.other, "item", Decimal(m.group(g)),
                                 None, "", None))
    return drafts
