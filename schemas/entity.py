"""A named entity (person, organisation, place) found by NER, as a span of the article text."""
from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .enums import EntityLabel


class Entity(BaseModel):
    """One named entity; offsets index into `Article.text` like a figure's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: EntityLabel

    @model_validator(mode="after")
    def _span_length(self) -> Self:
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{self.end} does not fit text {self.text!r}")
        return self
