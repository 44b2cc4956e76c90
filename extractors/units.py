"""What a number counts: the unit, classifier or counted noun written after it.

One longest-first regex over every form in `data/units.yaml` (plus currencies) finds the unit;
a second one over `not_figure_after` finds durations, ages and times. The longer match wins, so
`6 tháng tiền lương` is a count (§7) while `6 tháng` is a duration.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from vnfigures.schemas import CANONICAL_UNITS, Kind

from .lexicon import UnitEntry, alternation, cues, function_words, word_set, tone_variants, unit_table

#: not followed by a letter (so "ha" does not match inside "hai", nor "m" inside "mới")
_END = r"(?![^\W\d_])"


@dataclass(frozen=True)
class UnitMatch:
    """A unit found right after a number: its span, kind, canonical unit and factor."""

    start: int
    end: int
    form: str
    kind: Kind
    unit: str
    factor: Decimal
    measure: bool
    keep_noun: bool
    entry: UnitEntry | None


@cache
def _forms() -> dict[str, UnitEntry]:
    table: dict[str, UnitEntry] = {}
    for entry in unit_table().units:
        for form in entry.forms:
            for variant in tone_variants(form.lower()):
                table.setdefault(variant, entry)
    return table


@cache
def _currency_forms() -> dict[str, str]:
    return {k.lower(): v for k, v in unit_table().currencies.items()}


@cache
def _case_sensitive_re() -> re.Pattern[str] | None:
    forms = [f for e in unit_table().units if e.case_sensitive for f in e.forms]
    return re.compile(rf"[ \t]*({alternation(forms)}){_END}") if forms else None


@cache
def _unit_re() -> re.Pattern[str]:
    words = {f for f, e in _forms().items() if not e.case_sensitive} | set(_currency_forms())
    symbols = {w for w in words if not re.search(r"\w$", w)}
    alt = alternation(words - symbols)
    sym = alternation(symbols)
    # symbol forms first, so `điểm %` wins over the word `điểm` it starts with
    return re.compile(rf"[ \t]*(?:-|[“\"][ \t]*)?(?:({sym})|({alt}){_END})", re.IGNORECASE)


@cache
def _not_after_re() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*({alternation(cues().not_figure_after)}){_END}", re.IGNORECASE)


def _normal_space(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())


_OPEN = re.compile(r"[ \t]*\([ \t]*")
_CLOSE = re.compile(r"[ \t]*\)")
_RATE_CLOSE = re.compile(r"[ \t]*/[ \t]*([^\W\d_][\w²³]*)[ \t]*\)")


def unit_at(text: str, pos: int, scaled: bool = False) -> UnitMatch | None:
    """The unit or counted noun starting at `pos` (after optional spaces), or None; a measure
    unit may stand in brackets (`120 (m3/s)`, `15.000 (đồng/kg)`), the closing bracket then ends
    the match.

    >>> u = unit_at("262 tấn gạo", 3); (u.kind.value, u.factor, u.form)
    ('mass', Decimal('1'), 'tấn')
    >>> unit_at("3 ngày", 1) is None
    True
    >>> u = unit_at("120 (m3/s)", 3); (u.form, u.end)
    ('m3/s', 10)
    """
    found = _unit_at(text, pos, scaled)
    opened = _OPEN.match(text, pos) if found is None else None
    if opened:
        inner = _unit_at(text, opened.end(), scaled)
        if inner is None or not inner.measure:
            return found
        form = inner.form
        closed = _CLOSE.match(text, inner.end)
        rate = None if closed else _RATE_CLOSE.match(text, inner.end)
        if rate:  # `15.000 (đồng/kg)`: a rate's denominator inside the brackets too
            closed, form = rate, f"{inner.form}/{rate.group(1)}"
        if closed:
            return UnitMatch(inner.start, closed.end(), form, inner.kind, inner.unit, inner.factor,
                             inner.measure, inner.keep_noun, inner.entry)
    return found


def _unit_at(text: str, pos: int, scaled: bool) -> UnitMatch | None:
    m = _unit_re().match(text, pos)
    exact_case = _case_sensitive_re()
    if m is None and exact_case is not None:
        m = exact_case.match(text, pos)
    blocked = _not_after_re().match(text, pos)
    if not m or (blocked and blocked.end() >= m.end()):
        return None
    surface = m.group(1) or m.group(2)
    form = _normal_space(surface)
    start = m.start(1) if m.group(1) else m.start(2)
    currency = _currency_forms().get(form)
    if currency and not (not scaled and _noun_after_currency(text, form, m.end())):
        return UnitMatch(start, m.end(), form, Kind.money, currency, Decimal(1), True, False, None)
    if currency:
        return None  # `3 bảng thông báo`: the noun `bảng` (a board), read as a bare number
    entry = _forms()[form]
    if scaled and form.startswith("đồng ") and entry.kind is not Kind.money:
        # `triệu đồng tiền hỗ trợ`: after a scale word `đồng` is the currency, not a coin
        return _unit_at(text[:start + len("đồng")], pos, False)
    noun = _after_classifier(text, start, m.end(), scaled)
    if noun is not None:
        return noun
    unit = entry.unit or CANONICAL_UNITS[entry.kind]
    if entry.case_sensitive:
        form = surface  # an abbreviation keeps its capitals in the subject (`CNVCLĐ`)
    return UnitMatch(start, m.end(), form, entry.kind, unit, entry.factor, entry.measure,
                     entry.keep_noun, entry)


@cache
def _classifier_re() -> re.Pattern[str]:
    table = unit_table()
    return re.compile(rf"({alternation([*table.subject_drop, *table.look_through])})[ \t]+", re.IGNORECASE)


def _after_classifier(text: str, start: int, end: int, scaled: bool) -> UnitMatch | None:
    """A classifier (`ngôi`, `căn`, `chiếc`, `cái`) or a `look_through` word (`đoạn`) whose noun
    is a longer entry of the table counts what that noun counts: `2 ngôi nhà văn hóa` are works
    (§7), not dwellings, `2 chiếc cầu` bridges, `2 đoạn đê` sections of a dike; a form that is
    whole as listed (`căn hộ`, `căn phòng`) keeps its own entry."""
    cls = _classifier_re().match(text, start)
    if cls is None:
        return None
    inner = _unit_at(text, cls.end(), scaled)
    if inner is None or inner.end <= end or inner.measure:
        return None
    form = _normal_space(text[start:inner.end])
    return UnitMatch(start, inner.end, form, inner.kind, inner.unit, inner.factor, inner.measure,
                     inner.keep_noun, inner.entry)


@cache
def _ambiguous_currencies() -> frozenset[str]:
    return word_set(unit_table().ambiguous_currencies)


_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")


def _noun_after_currency(text: str, form: str, end: int) -> bool:
    """An ambiguous currency word (`bảng`, `bạt`) followed by a lower-case content word: the
    word is a noun of its own (`3 bảng thông báo`, `200 bạt che mưa`), not the currency."""
    if form not in _ambiguous_currencies():
        return False
    nxt = _WORD_AFTER.match(text, end)
    return bool(nxt and nxt.group(1).islower() and nxt.group(1) not in function_words())


def blocked_after(text: str, pos: int) -> bool:
    """True when a duration, age, time or label word follows `pos` (`3 ngày`, `20 tuổi`)."""
    return bool(_not_after_re().match(text, pos))


def with_factor(match: UnitMatch, factor: Decimal) -> UnitMatch:
    """The same unit with another factor (a regional `sào`)."""
    return UnitMatch(match.start, match.end, match.form, match.kind, match.unit, factor,
                     match.measure, match.keep_noun, match.entry)
