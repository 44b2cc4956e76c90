"""How the report writes a record's codes and values for a reader (`625 triệu đồng`, `thực tế`).

The words live in `labels.yaml`; this module loads them once, checks them, and formats exact
`Decimal` values the way Vietnamese papers do: `.` groups thousands, `,` is the decimal mark.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from vnfigures.schemas import load_data


class Scale(BaseModel):
    """A larger or smaller unit to write values in: `tỷ đồng` is 10^9 of the canonical VND."""

    model_config = ConfigDict(extra="forbid")

    factor: Decimal = Field(gt=0)
    unit: str = Field(min_length=1)


class KindWords(BaseModel):
    """What a kind is called and the unit words written after its values."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1)
    unit: str
    joined: bool = False  # unit written right after the number (45%)
    scales: list[Scale] = Field(default_factory=list)

    def scale(self, amount: Decimal) -> tuple[Decimal, str]:
        """(factor, unit) of the largest scale `amount` reaches, else the plain unit."""
        for scale in sorted(self.scales, key=lambda s: -s.factor):
            if amount >= scale.factor:
                return scale.factor, scale.unit
        return Decimal(1), self.unit


class Labels(BaseModel):
    """Every word of the report that names a code of the record."""

    model_config = ConfigDict(extra="forbid")

    kinds: dict[str, KindWords]
    modalities: dict[str, str]
    qualifiers: dict[str, str]
    entities: dict[str, str]

    def kind(self, code: str) -> str:
        """Label of a kind code (`households` -> `hộ gia đình`); unknown codes as themselves."""
        words = self.kinds.get(code)
        return words.label if words else code

    def modality(self, code: str) -> str:
        return self.modalities.get(code, code)

    def qualifier(self, code: str) -> str:
        return self.qualifiers.get(code, code)

    def entity(self, code: str) -> str:
        return self.entities.get(code, code)

    def value(self, kind: str, unit: str, value: Decimal | None, value_max: Decimal | None = None) -> str:
        """A value with its unit as a paper writes it.

        >>> labels = load_labels()
        >>> labels.value("money", "VND", Decimal(625000000))
        '625 triệu đồng'
        >>> labels.value("money", "VND", Decimal(1500000000), Decimal(2000000000))
        '1,5–2 tỷ đồng'
        >>> labels.value("households", "household", Decimal(1200)), labels.value("percent", "percent", Decimal("4.5"))
        ('1.200 hộ', '4,5%')
        """
        if value is None:
            return "?"
        numbers = [value] if value_max is None else [value, value_max]
        words = self.kinds.get(kind)
        if words is None or (kind == "money" and unit != "VND"):
            return " ".join(w for w in ("–".join(vn_number(n) for n in numbers), unit) if w)
        factor, unit_word = words.scale(max(numbers))
        text = "–".join(vn_number(n / factor) for n in numbers)
        if not unit_word:
            return text
        return f"{text}{unit_word}" if words.joined else f"{text} {unit_word}"


def vn_number(number: Decimal | float | int, places: int | None = None) -> str:
    """A number written the Vietnamese way, exact unless `places` rounds it.

    >>> vn_number(Decimal("1234567.50")), vn_number(625), vn_number(0.125, places=2)
    ('1.234.567,5', '625', '0,12')
    """
    dec = Decimal(str(number)) if not isinstance(number, Decimal) else number
    if places is not None:
        dec = dec.quantize(Decimal(1).scaleb(-places))
    text = format(dec, "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    grouped = f"{int(digits):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


@lru_cache(maxsize=1)
def load_labels() -> Labels:
    """The report's words, read from `labels.yaml` beside this module (checked when loaded)."""
    return load_data("vnfigures.report", "labels.yaml", Labels)
