"""One exact spelling of a decimal value, shared by the extractors and the exporters.

WHY here: a figure's value is written out with its exact digits (`2500000000`, never `2.5E+9`
nor `25.00`), and the same value must come back unchanged from a fixed-scale store (Parquet's
`decimal128(38, 9)` gives `5.000000000`). `Decimal.normalize` would do it but rounds to the
context's 28 digits and writes exponents, so the digits are trimmed by hand.
"""
from __future__ import annotations

from decimal import Decimal


def canonical_decimal(value: Decimal) -> Decimal:
    """`value` without exponent or trailing zeros, never rounded; zero is plain `0`.

    >>> [str(canonical_decimal(Decimal(s))) for s in ("2.5E+9", "25.00", "5.000000000", "-0.0", "0.00015")]
    ['2500000000', '25', '5', '0', '0.00015']
    """
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite decimal: {value}")
    if not any(digits):
        return Decimal(0)
    if exponent > 0:  # 2.5E+9 -> 2500000000 (no context: never rounds)
        return Decimal((sign, digits + (0,) * exponent, 0))
    while exponent < 0 and digits[-1] == 0:
        digits, exponent = digits[:-1], exponent + 1
    return Decimal((sign, digits, exponent))
