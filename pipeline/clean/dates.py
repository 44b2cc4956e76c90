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
>>> url_date("https://dantri.com.vn/kinh-doanh/gia-vang-giam-20260307080054340.htm"), url_date("https://vnexpress.net/x-4712566.html")
('2026-03-07', None)
>>> foot_date("Cập nhật: 17:48 | 18/02/2024"), foot_date("Theo TTXVN, 18/02/2024"), foot_date("Nguyễn An 18/02/2024 17:48")
('2024-02-18', '2024-02-18', None)
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
    labelled: re.Pattern[str]  # a dateline that opens with a label ("Cập nhật:", "Ngày đăng")
    source: re.Pattern[str]  # a source credit with its date ("Theo TTXVN, 18/02/2024")
    agency_tag: re.Pattern[str]  # an agency's tag before a dateline ("(Dân trí) - Thứ hai, ...")
    day_month_year: re.Pattern[str]
    iso: re.Pattern[str]
    url_dates: tuple[re.Pattern[str], ...]
    address_line: re.Pattern[str]
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
    labelled = rf"{said}(?:{day})?(?:{time}{sep})?(?:ngày\s*)?{date}(?:{sep}(?:lúc\s*)?{time})?"
    source = rf"^\(?\s*(?:theo|nguồn|source)\b[^\d()]{{0,40}}?[,(\-–:]\s*(?:ngày\s*)?{date}\s*\)?\.?$"
    flags = re.IGNORECASE
    return DateForms(
        dateline=re.compile(dateline, flags),
        labelled=re.compile(labelled, flags),
        source=re.compile(source, flags),
        agency_tag=re.compile(_pattern(data["agency_tag"]), flags),
        day_month_year=re.compile(named_date, flags),
        iso=re.compile(_pattern(data["iso"])),
        url_dates=tuple(re.compile(_pattern(p), flags) for p in data["url_dates"]),
        address_line=re.compile(_pattern(data["address_line"]), flags),
        first_year=int(data["first_year"]),
        last_year=int(data["last_year"]),
    )


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
    for suffix in ("2", "3"):
        if groups.get(f"d{suffix}") is not None:
            return _valid(int(groups[f"y{suffix}"]), int(groups[f"m{suffix}"]), int(groups[f"d{suffix}"]), forms)
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


def foot_date(line: str) -> str | None:
    """The date of a line at the article's foot, which only a label or a source credit makes
    the publication's: a bare "18/02/2024 17:48" down there is a comment's or a teaser's."""
    forms = date_forms()
    line = line.strip(" ,|-–")
    for pattern in (forms.labelled, forms.source):
        match = pattern.fullmatch(line) if pattern is forms.labelled else pattern.match(line)
        if match:
            return iso_date(match.group(0))
    return address_date(line)


def url_date(url: str | None) -> str | None:
    """The day in a page's address, when its path is dated ("/2024/05/17/", "-20240517…htm")."""
    if not url:
        return None
    forms = date_forms()
    for pattern in forms.url_dates:
        match = pattern.search(url)
        if match:
            return _valid(int(match["y"]), int(match["m"]), int(match["d"]), forms)
    return None


def address_of(line: str) -> str | None:
    """The web address of a line that holds nothing else (but perhaps a label: "Nguồn: https://…")."""
    match = date_forms().address_line.match(line.strip())
    return match["url"] if match else None


def address_date(line: str) -> str | None:
    """The date in the address of a line that is only an address."""
    return url_date(address_of(line))
