"""A number found in a text (its exact value is spelled by `vnfigures.schemas.canonical_decimal`)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["NumberMention"]


@dataclass(frozen=True)
class NumberMention:
    """One number found in a text.

    `value` is the number with its scale words applied (`2,5 tỷ` -> 2500000000); `scale` is the
    factor of the scale words (1 when none); `form` is `digits`, `words` or `fraction` (a
    fraction's value is a percentage, ANNOTATION.md §7); `value_max` is set for ranges.
    `bare_mot` marks the word `một` alone, which reads as "a/an" unless a unit follows (§2).
    `needs_money` marks a glued scale abbreviation (`50k`) that is a figure only as money.
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
    needs_money: bool = False
