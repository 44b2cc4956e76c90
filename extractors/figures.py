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
from dataclasses import replace
from functools import cache

from pydantic import ValidationError

from vnfigures.schemas import Figure, Kind, Qualifier

from .context import ArticleContext, nfc_with_offsets
from .joins import Draft, dimension_drafts, fraction_drafts, join, multiple_drafts
from .lexicon import alternation, cues, windows
from .modality import decide as decide_modality
from .numbers import NumberMention, scan_numbers
from .qualifiers import approx_governed, is_difference, qualifier_after, qualifier_before
from .readings import Candidate, interpret
from .rejections import Reason, Rejection
from .surroundings import minus_start, one_in_tally
from .units import unit_at

__all__ = ["extract_figures", "extract_with_rejections"]


#: `tối đa` before one of these names a specification, not a bound (`tối đa 60km/h`, §7)
_SPEC_KINDS = (Kind.other,)


def _qualify(ctx: ArticleContext, d: Draft, prev_end: int) -> Figure:
    """Fix qualifier and modality from the cue words around the draft; build the Figure."""
    text, sent = ctx.text, ctx.sentence_start(d.start)
    d = _signed(text, d)
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
            if is_difference(text, start, end):
                qual, start = Qualifier.exact, d.start  # `thấp hơn 3 triệu so với`: the difference (§3)
            if (qual is Qualifier.at_most and d.kind in _SPEC_KINDS
                    and text[start:d.start].lower().startswith("tối đa")):
                qual = Qualifier.exact  # `tốc độ tối đa 60km/h` names a specification (§7)
            elif _size_grade(text, start, d):
                qual, start = Qualifier.exact, d.start  # `tôm cỡ 30 con/kg`: a grade of size
            elif qual is Qualifier.more_than and _tren_means_on(text, start, d):
                qual, start = Qualifier.exact, d.start  # `trên 3 ngọn núi`: "on", no bound
        elif approx_governed(text, max(sent, prev_end), d.start):
            qual = Qualifier.approx
        else:
            qual = Qualifier.exact
    elif qual is Qualifier.range and before and not _size_grade(text, before[1], d):
        start = before[1]  # `khoảng 170.000 - 200.000`, `từ 10 đến 15`: the span starts at the cue
    modality = decide_modality(ctx, start, end, d.modality, rate=d.per is not None,
                               money=d.kind is Kind.money, step_first=d.step_first)
    return Figure(text=text[start:end], start=start, end=end, kind=d.kind, value=d.value,
                  value_max=d.value_max if qual is Qualifier.range else None, unit=d.unit,
                  qualifier=qual, subject=d.subject, modality=modality, per=d.per)


def _signed(text: str, d: Draft) -> Draft:
    """A minus before the number (`âm 20 tỷ đồng`, `tăng trưởng -2%`) makes the value negative
    and starts the span; a range keeps its ends as read (`từ 25 -35cm` has no minus)."""
    sign = None if d.value_max is not None else minus_start(text, d.start)
    return d if sign is None else replace(d, start=sign, value=-d.value)


def _size_grade(text: str, cue_start: int, d: Draft) -> bool:
    """A size word (`cỡ`) opening a count per unit of weight (`cỡ 30 con/kg`) names the grade:
    no qualifier, and the span starts at the number."""
    per = unit_at(d.per, 0) if d.per else None
    return (d.kind is Kind.other and per is not None and per.kind is Kind.mass
            and _size_grade_re().match(text, cue_start, d.start) is not None)


def _tren_means_on(text: str, cue_start: int, d: Draft) -> bool:
    """`trên` before a count of surfaces (`trên hai tuyến sông`, `trên 4 ao`) means "on", unless a
    word stating a quantity stands before it (`có trên 100 ao`); so does `trên` after a verb whose
    preposition it is (`dựa trên 3 nhóm tiêu chí`)."""
    if not text[cue_start:d.start].lower().startswith("trên"):
        return False
    if _on_verb_before_re().search(text, max(0, cue_start - windows().quantity_before), cue_start):
        return True  # `dựa trên 3 nhóm tiêu chí`: the verb's preposition
    head = d.subject.lower()
    if not any(head == w or head.startswith(w + " ") for w in cues().locative_surfaces):
        return False
    return _quantity_before_re().search(text, max(0, cue_start - windows().quantity_before), cue_start) is None


@cache
def _on_verb_before_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(cues().on_verbs)})\s+$", re.IGNORECASE)


@cache
def _quantity_before_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(cues().locative_not_after)})\s+$", re.IGNORECASE)


@cache
def _size_grade_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(cues().size_grades)})(?!\w)", re.IGNORECASE)


#: a related-story link set inside the body, `[Mưa lũ Điện Biên: 2 người chết ...]` (§7)
_STORY_LINK = re.compile(r"\[[^\W\d_a-zđ][^\[\]\n]{10,200}\]")


def _tallied_ones(ctx: ArticleContext, readings: list[Candidate], ones: list[NumberMention],
                  rejected: list[Rejection]) -> list[Candidate]:
    """`một` beside other counts of its sentence is a count in the tally (§7: `2 người chết,
    một người mất tích`); elsewhere it reads as "a/an" and is rejected."""
    if not ones:
        return readings
    counts = {(ctx.sentence_start(r.mention.start), r.kind) for r in readings
              if r.unit is not None and not r.unit.measure and r.kind is not None}
    for m in ones:
        found = interpret(ctx, replace(m, bare_mot=False)) if one_in_tally(ctx.text, m.start) else None
        sentence = ctx.sentence_start(m.start)
        if isinstance(found, Candidate) and any((sentence, k) in counts for k in _tallying(found.kind)):
            readings.append(found)
        else:
            rejected.append(Rejection(m.start, m.end, Reason.one_as_article))
    return sorted(readings, key=lambda r: r.mention.start)


def _tallying(kind: Kind | None) -> set[Kind | None]:
    """The kinds whose counts make a `một` of `kind` part of a tally (its own, its group's)."""
    group = next((set(g) for g in cues().one_tally_groups if kind in g), set())
    return {kind} | group


def _unclaimed(mentions: list[NumberMention], claimed: list[tuple[int, int]], reason: Reason,
               rejected: list[Rejection]) -> list[NumberMention]:
    """The mentions starting outside every claimed span; the others are rejected for `reason`."""
    out: list[NumberMention] = []
    for m in mentions:
        if any(s <= m.start < e for s, e in claimed):
            rejected.append(Rejection(m.start, m.end, reason))
        else:
            out.append(m)
    return out


def _drafts(ctx: ArticleContext, rejected: list[Rejection]) -> list[Draft]:
    links = [(m.start(), m.end()) for m in _STORY_LINK.finditer(ctx.text)]
    drafts: list[Draft] = []
    for d in dimension_drafts(ctx.text) + multiple_drafts(ctx.text) + fraction_drafts(ctx.text):
        if any(s <= d.start < e for s, e in links):
            rejected.append(Rejection(d.start, d.end, Reason.story_link))
        else:
            drafts.append(d)
    mentions = _unclaimed(scan_numbers(ctx.text, rejected), links, Reason.story_link, rejected)
    mentions = _unclaimed(mentions, [(d.start, d.end) for d in drafts], Reason.overlap, rejected)
    readings: list[Candidate] = []
    ones: list[NumberMention] = []
    for m in mentions:
        found = interpret(ctx, m)
        if isinstance(found, Candidate):
            readings.append(found)
        elif found.reason is Reason.one_as_article:
            ones.append(m)
        else:
            rejected.append(found)
    readings = _outside_units(_tallied_ones(ctx, readings, ones, rejected), rejected)
    i = 0
    while i < len(readings):
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        made, consumed = join(ctx, readings[i], nxt)
        if not made:
            r = readings[i]
            rejected.append(Rejection(r.mention.start, r.end, r.bare))
        drafts.extend(made)
        i += 2 if consumed else 1
    return drafts


def _outside_units(readings: list[Candidate], rejected: list[Rejection]) -> list[Candidate]:
    """Drop a reading that starts inside the previous one's unit: the `năm` of `4,25%/năm`
    (its denominator, §7) read as the number five would otherwise take the place of the
    reading before it in a join (`từ 4,25%/năm xuống 4%/năm` is two exact figures)."""
    out: list[Candidate] = []
    for r in readings:
        if out and r.mention.start < out[-1].end:
            rejected.append(Rejection(r.mention.start, r.end, Reason.overlap))
            continue
        out.append(r)
    return out


def _no_overlap(drafts: list[Draft], rejected: list[Rejection]) -> list[Draft]:
    """Keep drafts in reading order; a draft starting inside the previous one is dropped."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start, -d.end)):
        if out and d.start < out[-1].end:
            rejected.append(Rejection(d.start, d.end, Reason.overlap))
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
    return extract_with_rejections(text, sentences)[0]


def extract_with_rejections(text: str, sentences: Sequence[tuple[int, int]] | None = None
                            ) -> tuple[list[Figure], list[Rejection]]:
    """The figures of `text` and, beside them, every candidate number dropped, with why.

    >>> text = "Năm 2021, xã có 115 hộ nghèo và dăm ba người."
    >>> figures, rejected = extract_with_rejections(text)
    >>> [f.text for f in figures], [(text[r.start:r.end], r.reason.value) for r in rejected]
    (['115 hộ nghèo'], [('Năm', 'year'), ('2021', 'label'), ('ba', 'indefinite')])
    """
    if not text or not text.strip():
        return [], []
    mapped = nfc_with_offsets(text)
    if mapped is not None:
        return _on_nfc(text, sentences, *mapped)
    return _extract(text, sentences)


def _extract(text: str, sentences: Sequence[tuple[int, int]] | None) -> tuple[list[Figure], list[Rejection]]:
    """The figures and rejections of an NFC text (or one that cannot be mapped to NFC)."""
    ctx = ArticleContext.build(text, sentences)
    figures: list[Figure] = []
    rejected: list[Rejection] = []
    prev_end = 0
    for d in _no_overlap(_drafts(ctx, rejected), rejected):
        try:
            figures.append(_qualify(ctx, d, prev_end))
        except ValidationError:  # a draft the record refuses is dropped, never the whole article
            rejected.append(Rejection(d.start, d.end, Reason.invalid))
            continue
        prev_end = d.end
    rejected.sort(key=lambda r: (r.start, r.end))
    return figures, rejected


def _on_nfc(text: str, sentences: Sequence[tuple[int, int]] | None, norm: str,
            starts: list[int]) -> tuple[list[Figure], list[Rejection]]:
    """Figures of a text that is not NFC: found on its NFC form, offsets mapped back."""
    bounds = None
    if sentences:
        to_norm = {orig: k for k, orig in reversed(list(enumerate(starts)))}
        bounds = [(to_norm.get(a, 0), to_norm.get(b, len(norm))) for a, b in sentences]
    out: list[Figure] = []
    figures, rejected = _extract(norm, bounds)
    for f in figures:
        start, end = starts[f.start], starts[f.end]
        out.append(f.model_copy(update={"text": text[start:end], "start": start, "end": end}))
    return out, [Rejection(starts[r.start], starts[r.end], r.reason) for r in rejected]
