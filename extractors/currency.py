"""A currency written before its amount: a sign (`$5`, `€20`, `US$1,5 tỷ`) or an ISO code in
capitals (`USD 5 triệu`, `AED 500`). Money in Vietnamese news mostly puts the unit after the
number; these forms come from foreign-news and business pages, and the sign's currency holds
for the scale words after the number (`$1,5 tỷ` is USD, not VND).
"""
from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, number_words, unit_table, windows

__all__ = ["currency_before"]


@cache
def _signs() -> dict[str, str]:
    return unit_table().currency_signs


@cache
def _sign_re() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[^\w]))({alternation(list(_signs()))})[ \t]?$", re.IGNORECASE)


@cache
def _code_re() -> re.Pattern[str]:
    """An ISO code in capitals right before the number (`USD 5 triệu`, `AED 500`)."""
    return re.compile(rf"(?<![^\W_])({alternation(unit_table().currency_codes)})[ \t]$")


@cache
def _amount_before_re() -> re.Pattern[str]:
    """A number or scale word ending where a code starts: the code is that amount's unit
    (`đạt 30 tỷ USD 9 tháng đầu năm`), not the next one's sign."""
    return re.compile(rf"(?:\d|(?<![^\W\d_])(?:{alternation(list(number_words().scales))}))[ \t]*$", re.IGNORECASE)


def currency_before(text: str, start: int) -> tuple[int, str] | None:
    """Where a currency sign or ISO code before `start` begins, and its code.

    >>> currency_before("giá $1,5 tỷ", 5), currency_before("tài trợ USD 5 triệu", 12)
    ((4, 'USD'), (8, 'USD'))
    >>> currency_before("đạt 30 tỷ USD 9 tháng", 14) is None
    True
    """
    lower = max(0, start - windows().currency_sign)
    sign = _sign_re().search(text, lower, start)
    if sign is not None:
        return sign.start(1), _signs()[sign.group(1).lower()]
    code = _code_re().search(text, lower, start)
    if code is None or _amount_before_re().search(text, max(0, code.start(1) - windows().currency_sign),
                                                  code.start(1)):
        return None  # a written code (`USD`, `EUR`) is the unit of an amount right before it
    return code.start(1), code.group(1)
