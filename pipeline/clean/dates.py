"""Publication dates as ISO `YYYY-MM-DD`, from page metadata or a dateline in the text.

Why a dateline needs company: "Thứ hai, 10-11-25 18:42", "Chủ Nhật, 18/2/2024" and
"Cập nhật: 17:48 | 18/02/2024" say when a page was published; "ngày 5/3/2024" in a sentence
says what the article is about. So a date counts only beside a weekday, a label or a time.
The forms live in dates.yaml.

>>> dateline_date("Thứ hai, 10-11-25 18:42:04")
'2025-11-10'
>>> dateline_date("Cập nhật: 17:48 | 18/02/2024"), dateline_date("Chủ Nhật, 18/2/2024 Theo số liệu")
('2024-02-18', '2024-02-18')
>>> dateline_date("Ngày 5/3/2024, huyện trao 20 căn nhà.") is None
True
>>> iso_date("2026-03-07T00:05:00+07:00")
'2026-03-07'
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from vnfigures.schemas import read_data



def _pattern(value: str | list[str]) -> str:
    return "".join(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class DateForms:
    """The compiled forms of dates.yaml."""

    dateline: re.Pattern[str]
    day_month_year: re.Pattern[str]
    iso: re.Pattern[str]
    first_year: int
    last_year: int


@cache
def date_forms() -> DateForms:
    """Compile dates.yaml once: a dateline is a weekday or label, then (a time and) a date,
    or a time then a date, or a date then a time."""
    data = read_data("vnfigures.clean", "dates.yaml")
    weekday, label, time, date = (_pattern(data[k]) for k in ("weekday", "label", "time", "date"))
    named_date, date = date, re.sub(r"\(\?P<\w+>", "(?:", date)  # the dateline repeats the date form
    sep = r"\s*[,|\-–]?\s*"
    said = rf"\b{label}\s*(?:lúc|ngày)?\s*:?\s*"
    day = rf"\b{weekday}\s*,?\s*"
    dateline = (
        rf"(?:(?:{said}(?:{day})?|{day})(?:{time}{sep})?(?:ngày\s*)?{date}(?:{sep}(?:lúc\s*)?{time})?"
        rf"|(?<![\d/.-]){time}{sep}(?:ngày\s*)?{date}"
        rf"|(?<![\d/.-]){date}{sep}(?:lúc\s*)?{time})"
    )
    flags = re.IGNORECASE
    return DateForms(re.compile(dateline, flags), re.compile(named_date, flags), re.compile(_pattern(data["iso"])),
                     int(data["first_year"]), int(data["last_year"]))


def _valid(year: int, month: int, day: int, forms: DateForms) -> str | None:
    if year < 100:  # "10-11-25": this century, unless that would be far ahead ("31/12/98")
        year += 2000 if year < 70 else 1900
    if not forms.first_year <= year <= forms.last_year:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str], forms: DateForms) -> str | None:
    groups = match.groupdict()
    if groups.get("d") is not None:
        return _valid(int(groups["y"]), int(groups["m"]), int(groups["d"]), forms)
    if groups.get("d2") is not None:
        return _valid(int(groups["y2"]), int(groups["m2"]), int(groups["d2"]), forms)
    return None


def dateline_date(text: str) -> str | None:
    """The date of the first dateline in `text`, as `YYYY-MM-DD`."""
    forms = date_forms()
    for match in forms.dateline.finditer(text):
        found = iso_date(match.group(0))
        if found:
            return found
    return None


def iso_date(value: str) -> str | None:
    """A machine-written date (ISO 8601, `YYYY/MM/DD`) or, failing that, a dateline."""
    forms = date_forms()
    match = forms.iso.match(value)
    if match:
        return _valid(int(match["y"]), int(match["m"]), int(match["d"]), forms)
    return next(filter(None, (_from_match(m, forms) for m in forms.day_month_year.finditer(value))), None)
