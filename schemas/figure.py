"""The figure record: one cardinal quantity in an article, as ANNOTATION.md §3 defines it."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator

from .enums import Kind, Modality, Qualifier, unit_allowed


def _decimal_to_json(value: Decimal) -> int | float | str:
    """Write whole numbers as JSON integers and others as JSON numbers without binary drift.

    JSON has no decimal type; an integral value is written as an int (exact at any size) and a
    fractional one through its shortest repr, which round-trips for the digits we produce.
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)


#: An exact decimal quantity that serializes as a JSON number. Negative only when the text
#: writes a minus (`âm 20 tỷ đồng`, `tăng trưởng -2%`).
ExactNumber = Annotated[
    Decimal,
    Field(allow_inf_nan=False),
    PlainSerializer(_decimal_to_json, when_used="json"),
]


class Figure(BaseModel):
    """A figure found in an article's normalized text.

    Offsets are Python `str` indices into `Article.text` (end exclusive); `value` is in the
    canonical unit of `kind` (ANNOTATION.md §4) and is an exact Decimal, never a float.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1, description="exact span in the article text")
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    kind: Kind
    value: ExactNumber
    value_max: ExactNumber | None = None
    unit: str
    qualifier: Qualifier = Qualifier.exact
    subject: str = ""
    modality: Modality = Modality.actual
    per: str | None = None
    # Where and when the figure holds (ANNOTATION.md §8); null when the article does not say.
    place: str | None = Field(default=None, description="the place the figure is about, as written")
    province: str | None = Field(default=None, description="one of the 34 province-level units in force since 1 July 2025")
    year: int | None = Field(default=None, ge=1000, le=2999, description="the calendar year the figure holds for")
    year_max: int | None = Field(default=None, ge=1000, le=2999, description="the last year of a span")
    # Counting each fact once: the same quantity mentioned again is kept (it is a mention) but
    # points at its first mention, so that sums can skip repeats.
    mention_of: int | None = Field(default=None, ge=0, description="ordinal of the first mention of the same quantity, or null")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span {self.start}:{self.end} is {self.end - self.start} characters but text "
                f"{self.text!r} has {len(self.text)}"
            )
        if not unit_allowed(self.kind, self.unit):
            raise ValueError(f"unit {self.unit!r} is not a canonical unit of kind {self.kind.value}")
        if self.value_max is not None:
            if self.qualifier is not Qualifier.range:
                raise ValueError("value_max is only set for ranges (qualifier 'range')")
            if self.value_max <= self.value:
                raise ValueError(f"value_max {self.value_max} must exceed value {self.value}")
        elif self.qualifier is Qualifier.range:
            raise ValueError("a range needs value_max")
        if self.year_max is not None and (self.year is None or self.year_max < self.year):
            raise ValueError(f"year_max {self.year_max} needs a year at or before it (year {self.year})")
        return self
