"""A number found in a text, and the exact-Decimal helper every reader shares."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["NumberMention", "exact"]


@dataclass(frozen=True)
class NumberMention:
    """One number found in a text.

    `value` is the number with its scale words applied (`2,5 tỷ` -> 2500000000); `scale` is the
    factor of the scale words (1 when none); `form` is `digits`, `words` or `fraction` (a
    fraction's value is a percentage, ANNOTATION.md §7); `value_max` is set for ranges.
    `bare_mot` marks the word `một` alone, which reads as "a/an" unless a unit follows (§2).
    """

    start: int
    end: int
    value: Decimal
    raw: str
    form: str = "digits"
    scale: Decimal = Decimal(1)
    value_max: Decimal | None = None
    bare_mot: bool = False
    pair_first: bool = False
    date_like: bool = False


def exact(d: Decimal) -> Decimal:
    """`d` without exponent or trailing zeros (`2.5E+9` -> `2500000000`, `25.00` -> `25`)."""
    sign, digits, exponent = d.as_tuple()
    if not isinstance(exponent, int):  # pragma: no cover - NaN/Infinity never reach here
        return d
    if not any(digits):
        return Decimal(0)
    if exponent > 0:  # 2.5E+9 -> 2500000000 (no context: never rounds)
        return Decimal((sign, digits + (0,) * exponent, 0))
    trimmed = list(digits)
    while exponent < 0 and len(trimmed) > 1 and trimmed[-1] == 0:
        trimmed.pop()
        exponent += 1
    return Decimal((sign, tuple(trimmed), exponent))
