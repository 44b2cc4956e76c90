"""Interpret one number in context: what it counts, its canonical value, its rate and its noun.

A `Candidate` is a number plus the unit after it (or none, when the number is bare). Whether a
bare number still becomes a figure (a range's low end, the first of `13/20 hộ`, `gấp đôi`) is
decided by the resolver, which sees the neighbouring readings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from vnfigures.schemas import Kind

from .context import ArticleContext
from .labels import (LabelBefore, class_label_before, function_words, indefinite_before, is_idiom,
                     label_before, name_before)
from .lexicon import alternation, cues, number_words, unit_table
from .numbers import NumberMention
from .units import UnitMatch, blocked_after, unit_at, with_factor

_NOUN_WORD = re.compile(r"[ \t]+([^\W\d_][\w’'-]*)")
_PER = re.compile(r"[ \t]*/[ \t]*(?:(1)[ \t]*|(\d+(?:[.,]\d+)?)[ \t]*)?([^\W\d_][\w²³]*)"
                  r"|[ \t]+(?:mỗi|cho mỗi|trên mỗi|một)[ \t]+([^\W\d_]\w*)"
                  r"|[ \t]+cho[ \t]+(\d+(?:[.,]\d+)?[ \t]*(?:kg|tấn|tạ|yến|lít|m2|m3|ha))(?![^\W\d_])")
_YEAR = (Decimal(1945), Decimal(2099))
#: `một trong ba thiết kế` (one of three designs): the spelled-out number counts the noun after it
_ONE_OF = re.compile(r"(?<!\w)một[ \t]+trong(?:[ \t]+số)?[ \t]+$", re.IGNORECASE)
#: an all-capitals abbreviation naming what is counted (`500 CNVCLĐ`, `30 DN`, `5 HTX`)
_ABBREVIATION = re.compile(r"[A-ZĐ]{2,7}")


@dataclass(frozen=True)
class Candidate:
    """A number read with what follows it. `unit` is None for a bare number."""

    mention: NumberMention
    unit: UnitMatch | None
    kind: Kind | None
    unit_code: str | None
    value: Decimal
    end: int
    subject: str
    per: str | None


def _noun_words(text: str, pos: int, limit: int) -> tuple[str, int]:
    """Up to `limit` words naming the counted thing after `pos`, and where they end."""
    words: list[str] = []
    end = pos
    while len(words) < limit:
        m = _NOUN_WORD.match(text, end)
        if (not m or m.group(1).lower() in function_words() or blocked_after(text, end)
                or m.group(1)[0].isupper() or m.group(1).lower() in _number_words()):
            break  # a number word starts the next figure (`hai vợ chồng nuôi bốn người con`)
        pair = _NOUN_WORD.match(text, m.end())
        if pair and f"{m.group(1)} {pair.group(1)}".lower() in function_words():
            break  # a two-syllable function word: `trị giá`, `công suất`, `tham dự`
        words.append(m.group(1))
        end = m.end()
    return " ".join(words), end


@cache
def _number_words() -> frozenset[str]:
    return frozenset(w.lower() for w in number_words().all_words())


@cache
def _money_head_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({alternation(cues().money_subject_heads)})(?!\w)", re.IGNORECASE)


_TIEN_AFTER = re.compile(r"[ \t]+(tiền(?:[ \t]+[^\W\d_]+){0,2})")


def money_subject(ctx: ArticleContext, start: int, unit_end: int) -> str:
    """What an amount of money is: `tiền hỗ trợ` written after it, else the nearest money
    noun of its clause before it (`kinh phí`, `giá`, `thiệt hại`), else empty."""
    after = _TIEN_AFTER.match(ctx.text, unit_end)
    if after:
        words = [w for w in after.group(1).split() if w.lower() not in function_words()]
        return " ".join(words)
    lower = max(ctx.sentence_start(start), start - 50)
    clause = re.split(r"[,;:()]", ctx.text[lower:start])[-1]
    heads = list(_money_head_re().finditer(clause))
    return heads[-1].group(1).lower() if heads else ""


def _drop_classifier(subject: str) -> str:
    """`căn nhà tình thương` counts `nhà tình thương`; a lone classifier stays."""
    head, _, rest = subject.partition(" ")
    return rest if rest and head in unit_table().subject_drop else subject


def _per_at(text: str, pos: int, unit: UnitMatch | None = None) -> tuple[str | None, int]:
    """A rate's denominator after `/` or `mỗi` (`đồng/kg`, `đồng/1 nhà mới` -> `nhà mới`).
    A number in the same unit after the slash is no denominator: `64.000 tấn/80.000 tấn`
    is two figures, done out of planned (§7 `13/20 hộ`)."""
    m = _PER.match(text, pos)
    if not m:
        return None, pos
    if m.group(2) and unit is not None:
        other = unit_at(text, m.end(2))
        if other is not None and other.kind is unit.kind:
            return None, pos
    if m.group(5):
        return m.group(5), m.end()
    head = m.group(3) or m.group(4)
    if m.group(4) and head.lower() in function_words():
        return None, pos
    more, end = _noun_words(text, m.end(), 2)
    noun = f"{head} {more}".strip()
    return (f"{m.group(2)} {noun}" if m.group(2) else noun), end


def interpret(ctx: ArticleContext, m: NumberMention) -> Candidate | None:
    """Interpret mention `m` as a candidate figure, or None when it is not a quantity (a label, date, year, code)."""
    text = ctx.text
    label = label_before(ctx, m)
    if label is LabelBefore.NOT_A_QUANTITY or is_idiom(text, m.start):
        return None
    if m.form == "words" and indefinite_before(text, m.start):
        return None
    if m.form == "fraction":
        return _read_bare(ctx, m)  # `1/3 dân số` is a percentage whatever follows (§7)
    unit = unit_at(text, m.end, scaled=m.scale > 1)
    if unit and unit.form in ("sào", "mẫu"):
        unit = with_factor(unit, ctx.sao * (10 if unit.form == "mẫu" else 1))
    if label is LabelBefore.UNLESS_MEASURED and m.scale == 1 and (unit is None or not unit.measure):
        return None
    if unit is None:
        # `3/5 xã` is a pair only when a unit follows; else `3/5` is a date
        return None if m.date_like and not m.pair_first else _read_bare(ctx, m)
    if (m.bare_mot and not unit.measure) or class_label_before(text, m.start, unit.kind):
        return None
    per, end = _per_at(text, unit.end, unit)
    subject, noun_end = _noun_words(text, unit.end if per is None else end,
                                    0 if unit.kind is Kind.money else 3)
    if not unit.measure:
        subject = _drop_classifier(f"{unit.form} {subject}".strip())
    elif unit.kind is Kind.money:
        subject = money_subject(ctx, m.start, unit.end)
    if per is None and "/" in unit.form:  # `km/h`, `lần/ngày`
        per = unit.form.split("/", 1)[1]
    if per is None and unit.kind is not Kind.money:
        end = noun_end
        if noun_end > unit.end and text.startswith("/", noun_end):  # `10 kg gạo/nhân khẩu`
            per, end = _per_at(text, noun_end, unit)
            end = end if per else noun_end
    if unit.kind is Kind.houses and _non_dwelling_owner(text, noun_end):
        return Candidate(m, unit, Kind.infrastructure, "item", m.value, end, subject, per)
    return Candidate(m, unit, unit.kind, unit.unit, m.value * unit.factor, end, subject, per)


@cache
def _owner_re() -> re.Pattern[str]:
    owners = alternation(cues().non_dwelling_owners)
    return re.compile(rf"[ \t]+(?:thuộc(?:[ \t]+về)?|của)[ \t]+(?:{owners})(?!\w)", re.IGNORECASE)


def _non_dwelling_owner(text: str, pos: int) -> bool:
    """`2 ngôi nhà thuộc trường Tiểu học`: a building owned by a school or an office is no
    dwelling (§7), so it counts as `infrastructure`."""
    return bool(_owner_re().match(text, pos))


def _read_bare(ctx: ArticleContext, m: NumberMention) -> Candidate | None:
    """A number with no unit from the lexicon after it."""
    text = ctx.text
    if blocked_after(text, m.end):
        return None
    if m.form == "words":  # kept bare: only a range partner or `gấp ba` makes it a figure
        if _ONE_OF.search(text, max(0, m.start - 15), m.start):  # `một trong ba thiết kế`
            subject, end = _noun_words(text, m.end, 3)
            if subject:
                return Candidate(m, None, Kind.other, "item", m.value, end, subject, None)
        return Candidate(m, None, None, None, m.value, m.end, "", None)
    if m.form == "fraction":
        subject, end = _noun_words(text, m.end, 3)
        return Candidate(m, None, Kind.percent, "percent", m.value, m.end, subject, None)
    if name_before(ctx, m):
        return None  # a model or name (`Mazda 3`, `Mega 6/45`)
    if m.pair_first:
        return Candidate(m, None, None, None, m.value, m.end, "", None)
    if m.scale >= 1000:
        per, end = _per_at(text, m.end)  # a scale word alone is money: `82 tỉ` (§7)
        return Candidate(m, None, Kind.money, "VND", m.value, end, money_subject(ctx, m.start, m.end),
                       per)
    if re.match(r"[^\W\d_]", text[m.end:m.end + 1]):
        return None  # a code (`1A`, `5G`)
    per, per_end = _per_at(text, m.end)
    if per and m.value >= 1000 and text[m.end:per_end].lstrip().startswith("/"):
        return Candidate(m, None, Kind.money, "VND", m.value, per_end, "", per)  # 268.000/1 thâm niên
    is_year = _YEAR[0] <= m.value <= _YEAR[1] and m.value == m.value.to_integral_value()
    nxt = _NOUN_WORD.match(text, m.end)
    if (nxt and (nxt.group(1).islower() or _ABBREVIATION.fullmatch(nxt.group(1)))
            and nxt.group(1) not in function_words()
            and not is_year):
        subject, end = _noun_words(text, m.end, 3)
        if not subject:  # an abbreviation (`5 HTX`) is the subject itself
            subject, end = nxt.group(1), nxt.end()
        per, per_end = _per_at(text, end)
        return Candidate(m, None, Kind.other, "item", m.value, per_end if per else end, subject,
                       per)
    counted = None if is_year else _counted_before(ctx, m)
    if counted is not None:  # `tổng số hộ nghèo là 115`
        return Candidate(m, None, counted.kind, counted.unit, m.value * counted.factor, m.end,
                       _drop_classifier(counted.form), None)
    return Candidate(m, None, None, None, m.value, m.end, "", None)


_COUNTED = re.compile(r"(?<!\w)(?:tổng số|số lượng|số)\s+", re.IGNORECASE)
_COUNTED_TAIL = re.compile(r"(?:[ \t]+[^\W\d_]+){0,4}?[ \t]*(?:là|còn|đạt|lên|xuống|:)?[ \t]*",
                           re.IGNORECASE)


def _counted_before(ctx: ArticleContext, m: NumberMention) -> UnitMatch | None:
    """The counted noun named before a bare number: `số hộ nghèo còn 115` counts households."""
    text = ctx.text
    lower = max(ctx.sentence_start(m.start), m.start - 60)
    last = None
    for last in _COUNTED.finditer(text, lower, m.start):
        pass
    if last is None:
        return None
    unit = unit_at(text, last.end())
    if unit is None or unit.measure or not _COUNTED_TAIL.fullmatch(text, unit.end, m.start):
        return None
    return unit
