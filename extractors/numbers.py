"""Vietnamese number parser: digits, scale words, number words, fractions and ranges.

Vietnamese news writes `.` between thousands and `,` as the decimal mark (`1.234,5`), glues
numbers to their units (`48.676hội viên`, `192tỷđồng`), multiplies by scale words (`2,5 tỷ`,
`1 tỷ 200 triệu`) and spells small numbers out (`hai mươi mốt`, `một trăm linh năm`). Values are
exact `Decimal`s. Dates, times, codes and phone numbers are not numbers here: the scanner skips
them so that no later step can mistake them for quantities.

>>> parse_number("1.040")
Decimal('1040')
>>> parse_number("2,5 tỷ")
Decimal('2500000000')
>>> parse_number("hai mươi mốt")
Decimal('21')
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from vnfigures.schemas import canonical_decimal

from .lexicon import alternation, number_words, windows
from .mention import NumberMention
from .rejections import Reason, Rejection
from .spelled import word_runs
from .units import unit_at

__all__ = ["NumberMention", "parse_number", "parse_digits", "scan_numbers"]

_LETTER = r"[^\W\d_]"
#: a run of digits with `.`/`,` groups, optionally `/`- or `:`-joined (dates, codes, fractions);
#: after a unit and a slash it starts anew (`64.000 tấn/80.000 tấn`)
_DIGIT_TOKEN = re.compile(
    rf"(?<![\d_:])(?<![\W\d_]/)(?<!^/)(?<!\d[.,])(?<!{_LETTER}-)\d+(?:[.,]\d+)*(?:[/:]\d+(?:[.,]\d+)*)*(?:/{_LETTER}[\w-]*)*"
)
_TIME_AFTER = re.compile(r"h\d{0,2}(?![^\W\d_])|g\d{2}|'\d", re.IGNORECASE)
_YEARS = (Decimal(1900), Decimal(2099))


@cache
def _cues_before(name: str) -> re.Pattern[str]:
    """Cue words of `number_words.yaml` (`date_cues`, `day_cues`, `month_cues`) ending where a
    number starts."""
    return re.compile(rf"(?:{alternation(getattr(number_words(), name))})\s*$", re.IGNORECASE)


@cache
def _counted_after() -> re.Pattern[str]:
    """A counted noun right after `a/b` (`13/20 hộ dân`): two counts, not a fraction."""
    return re.compile(rf" +(?:{alternation(number_words().fraction_counted_nouns)})\b")


_HYPHEN_DATE = re.compile(r"(?:[1-9]|[12]\d|3[01])-(?:[1-9]|1[0-2])(-(?:19|20)\d\d)?(?![\d,.]?\d)")
_MONTH_YEAR = re.compile(r"(?:0?[1-9]|1[0-2])[-/.](?:19|20)\d\d(?![\d,.]?\d)")


def parse_digits(s: str) -> Decimal | None:
    """Read a digit group the Vietnamese way: `.` groups thousands, `,` is decimal.

    A lone `.` followed by one or two digits is a decimal point (`6.7-inch`, `1.5`, §7 `222.8mm`);
    a dot group of another length (`6.3000`, `1234.567`) is a typo whose value cannot be known:
    None. Several `,` groups are English thousands (`1,234,567`).

    >>> parse_digits("144.000"), parse_digits("553,763"), parse_digits("1.234,5")
    (Decimal('144000'), Decimal('553.763'), Decimal('1234.5'))
    >>> parse_digits("1.5"), parse_digits("1,234,567"), parse_digits("abc"), parse_digits("6.3000")
    (Decimal('1.5'), Decimal('1234567'), None, None)
    """
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif dots:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            s = s.replace(".", "")
        elif dots > 1 or len(groups[1]) > 3 or len(groups[0]) > 3:
            return None  # `6.3000`, `1234.567`: a typo'd grouping, its value unknown (§7: 1-2 digits or 3)
    elif commas:
        groups = s.split(",")
        if commas > 1:
            if not all(len(g) == 3 for g in groups[1:]):
                return None
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the regex above guarantees digits
        return None


@cache
def _scale_re() -> re.Pattern[str]:
    words = number_words()
    scales = alternation(list(words.scales))
    nouns = rf"(?![ \t]+(?:{alternation(words.not_scale_before)})(?!\w))" if words.not_scale_before else ""
    glued = alternation(words.scale_glued_units)  # `192tỷđồng`: a scale glued to its currency
    return re.compile(rf"\s*({scales})(?:(?![^\W\d_])|(?=(?:{glued})(?![^\W\d_]))){nouns}", re.IGNORECASE)


@cache
def _half_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(number_words().half_words)})(?![^\W\d_])", re.IGNORECASE)


def _scale_of(word: str) -> Decimal:
    return Decimal(number_words().scales[word.lower()])


def _apply_scales(text: str, pos: int, value: Decimal) -> tuple[Decimal, Decimal, int]:
    """Multiply `value` by the scale words after `pos` (`1 tỷ 200 triệu`, `1 triệu rưỡi`).

    Returns the scaled value, the last scale factor (1 if none) and the new end offset.
    """
    m = _scale_re().match(text, pos)
    if not m:
        return value, Decimal(1), pos
    scale = _scale_of(m.group(1))
    total, end = value * scale, m.end()
    bigger = _scale_re().match(text, end)
    while bigger and _scale_of(bigger.group(1)) > scale:  # `87,25 nghìn tỷ` = 87,25 * 10^12
        scale *= _scale_of(bigger.group(1))
        total, end = value * scale, bigger.end()
        bigger = _scale_re().match(text, end)
    half = _half_re().match(text, end)
    if half:
        return total + scale / 2, scale, half.end()
    nxt = re.compile(r"\s+(\d+(?:[.,]\d+)*)").match(text, end)
    if nxt:
        sub = _scale_re().match(text, nxt.end())
        small = parse_digits(nxt.group(1))
        if sub and small is not None and _scale_of(sub.group(1)) < scale:
            return total + small * _scale_of(sub.group(1)), _scale_of(sub.group(1)), sub.end()
    return total, scale, end


@cache
def _glued_scale_re() -> re.Pattern[str]:
    return re.compile(rf"({alternation(list(number_words().glued_scales))})(\d{{1,3}})?(?![^\W\d_])")


def _glued_scale(text: str, end: int, value: Decimal) -> tuple[Decimal, Decimal, int, bool] | None:
    """A scale abbreviation glued to the digits (`8tr`, `50k`, `1tr5` = 1,5 triệu): the scaled
    value, the scale, the end and whether only money makes it a figure; None when there is none."""
    m = _glued_scale_re().match(text, end)
    if m is None:
        return None
    words = number_words()
    scale = Decimal(words.glued_scales[m.group(1)])
    decimals = Decimal(f"0.{m.group(2)}") if m.group(2) else Decimal(0)
    return (value + decimals) * scale, scale, m.end(), m.group(1) in words.glued_scales_need_money


def _padded_count(text: str, tok: str, end: int) -> bool:
    """`01 đối tượng`, `05 hộ`, `05 tấn gạo`: a zero-padded count of what follows (not a
    duration, a date or a code: `05 năm`, `0913…` stay out)."""
    return re.fullmatch(r"0\d{1,2}", tok) is not None and unit_at(text, end) is not None


def _digit_mentions(text: str, m: re.Match[str]) -> list[NumberMention] | Reason:
    """Classify one digit token: a number, a fraction, a pair `13/20`, or why it is none."""
    tok, start, end = m.group(), m.start(), m.end()
    glued = re.search(rf"{_LETTER}+\Z", text[max(0, start - windows().code_prefix):start])
    if glued and glued.group().isascii():
        return Reason.code  # a model or code (`S20`, `IR50404`); `là300` (missing space) is kept
    if re.search(rf"/{_LETTER}", tok):
        if re.search(r"/\d", tok):
            return Reason.code  # `100/2019/NĐ-CP`
        tok = tok.split("/", 1)[0]  # `3/tháng`: a rate, its denominator read later
        end = start + len(tok)
    if ":" in tok or _TIME_AFTER.match(text, end):
        return Reason.time
    if re.match(r"0\d", tok) and not _padded_count(text, tok, end):
        return Reason.code  # phone numbers, codes, zero-padded days
    parts = tok.split("/")
    if len(parts) > 2:
        return Reason.date if len(parts) == 3 and len(parts[2]) == 4 else Reason.code  # 1/1/1945
    if len(parts) == 1:
        value = parse_digits(tok)
        if value is None:
            return Reason.invalid
        glued = _glued_scale(text, end, value)
        if glued is not None:
            value, scale, end, needs_money = glued
            return [NumberMention(start, end, canonical_decimal(value), text[start:end], "digits", scale,
                                  needs_money=needs_money)]
        value, scale, end = _apply_scales(text, end, value)
        return [NumberMention(start, end, canonical_decimal(value), text[start:end], "digits", scale)]
    return _slash_mentions(text, m, parts)


def _slash_mentions(text: str, m: re.Match[str], parts: list[str]) -> list[NumberMention] | Reason:
    """`a/b`: a fraction (percent), a pair of counts `13/20 hộ`, or a date `5/11`."""
    a, b = parse_digits(parts[0]), parse_digits(parts[1])
    start, end = m.start(), m.end()
    if a is not None and b == 1:  # a rate over one unit: `268.000/1 thâm niên`
        a_end = start + len(parts[0])
        return [NumberMention(start, a_end, canonical_decimal(a), parts[0], "digits")]
    complete = _complete_count(text, start, end, a, b)
    if not complete and (a is None or b is None or b == 0 or a >= b):
        return Reason.code if b is not None and b > 12 and a is not None else Reason.date
    assert a is not None and b is not None
    date_like = a <= 31 and b <= 12 and a == a.to_integral_value()
    if date_like and _cues_before("date_cues").search(text[max(0, start - windows().date_cue):start]):
        return Reason.date
    if a <= 12 and a == a.to_integral_value() and _YEARS[0] <= b <= _YEARS[1] and "." not in parts[1]:
        return Reason.date  # a month and year: `tháng 8/2020`
    if not complete and a < b and _share(text, start, end):
        pct = canonical_decimal((a / b * 100).quantize(Decimal("0.01")))
        return [NumberMention(start, end, pct, text[start:end], "fraction")]
    counted = _counted_after().match(text[end:])
    if not complete and ((b <= 4 and not counted) or (b <= 10 and not date_like)):
        pct = canonical_decimal((a / b * 100).quantize(Decimal("0.01")))
        return [NumberMention(start, end, pct, text[start:end], "fraction")]
    if date_like and not re.match(rf" {_LETTER}", text[end:end + 2]):
        return Reason.date
    b_start = start + len(parts[0]) + 1
    b_value, scale, b_end = _apply_scales(text, end, b)
    first = NumberMention(start, b_start - 1, canonical_decimal(a * scale), parts[0], "digits", scale,
                          pair_first=True, date_like=date_like)
    return [first, NumberMention(b_start, b_end, canonical_decimal(b_value), text[b_start:b_end], "digits",
                                 scale, date_like=date_like)]


@cache
def _fraction_nouns_after() -> re.Pattern[str]:
    return re.compile(rf"[ \t]+(?:{alternation(number_words().fraction_nouns_after)})(?![^\W\d_])", re.IGNORECASE)


def _share(text: str, start: int, end: int) -> bool:
    """`chiếm 3/5 diện tích`, `tỷ lệ 7/10`, `4/10 số hộ`: a share of a whole, read as a percentage
    (§7 `1/3 dân số`) even where `a/b` could be a day and month."""
    before = text[max(0, start - windows().date_cue):start]
    return bool(_cues_before("fraction_cues").search(before) or _fraction_nouns_after().match(text, end))


def _complete_count(text: str, start: int, end: int, a: Decimal | None, b: Decimal | None) -> bool:
    """`5/5 hạng mục công trình`: all of a counted whole (done out of planned, §7 `13/20 hộ`), a
    pair of counts when a counted noun of the unit table follows and no date word precedes."""
    if a is None or a != b or a <= 0 or a != a.to_integral_value():
        return False
    if _cues_before("date_cues").search(text[max(0, start - windows().date_cue):start]):
        return False
    unit = unit_at(text, end)
    return unit is not None and not unit.measure


def _date_end(text: str, pos: int) -> int | None:
    """The end of a date written with hyphens at `pos` (`chiều 8-5`, `19-1-2017`, `cuối tháng
    10-2024`), or None."""
    before = text[max(0, pos - windows().day_cue):pos]
    date = _HYPHEN_DATE.match(text, pos)
    if date and (date.group(1) or _cues_before("day_cues").search(before)):
        return date.end()
    month = _MONTH_YEAR.match(text, pos)
    return month.end() if month and _cues_before("month_cues").search(before) else None


def scan_numbers(text: str, rejected: list[Rejection] | None = None) -> list[NumberMention]:
    """Every single number in `text` (no range merging), in reading order; the digit tokens
    skipped as dates, times or codes go to `rejected` with their reason when it is given.

    >>> [(m.raw, m.value) for m in scan_numbers("trên 192tỷđồng, 48.676hội viên")]
    [('192tỷ', Decimal('192000000000')), ('48.676', Decimal('48676'))]
    >>> out = []; scan_numbers("ngày 5/11 lúc 18:42, gọi 0913.123.456, Nghị định 100/2019/NĐ-CP", out)
    []
    >>> [r.reason.value for r in out]
    ['date', 'time', 'code', 'code']
    """
    found: list[NumberMention] = []
    skip_until = 0
    for m in _DIGIT_TOKEN.finditer(text):
        if m.start() < skip_until or (found and m.start() < found[-1].end):
            continue  # already read as part of "1 tỷ 200 triệu", or inside a date
        date_end = _date_end(text, m.start())
        if date_end:
            skip_until = date_end
            if rejected is not None:
                rejected.append(Rejection(m.start(), date_end, Reason.date))
            continue
        read = _digit_mentions(text, m)
        if isinstance(read, Reason):
            if rejected is not None:
                rejected.append(Rejection(m.start(), m.end(), read))
            continue
        found.extend(read)
    taken = [(n.start, n.end) for n in found]
    for w in word_runs(text, rejected):
        if not any(s < w.end and w.start < e for s, e in taken):
            found.append(w)
    return sorted(found, key=lambda n: n.start)


def parse_number(s: str) -> Decimal | None:
    """The value of a whole number expression, or None when `s` is not one number.

    A fraction reads as a percentage (ANNOTATION.md §7); a range is not one number.

    >>> parse_number("1 tỷ 200 triệu"), parse_number("ba trăm nghìn"), parse_number("1/4")
    (Decimal('1200000000'), Decimal('300000'), Decimal('25'))
    >>> parse_number("năm 2021") is None, parse_number("10-15") is None
    (True, True)
    """
    s = s.strip()
    mentions = scan_numbers(s)
    if len(mentions) != 1 or mentions[0].start != 0 or mentions[0].end != len(s):
        return None
    return mentions[0].value
