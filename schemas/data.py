"""The one loader of the data files shipped beside the code (YAML or JSON), validated on load.

Every lexicon, table and threshold of the project is data; each file is read here and checked
by a Pydantic model the first time it is used, so a misspelt key or a wrong type fails loudly
at start-up, naming the file, instead of silently matching nothing.
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

T = TypeVar("T")


class DataFile(BaseModel):
    """Base of a data file's model: unknown keys fail, a `_comment` key is allowed anywhere."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str | None = Field(default=None, alias="_comment")


def read_data(package: str, name: str) -> Any:
    """The parsed content of data file `name` (a path inside `package`): JSON or YAML by suffix."""
    text = resources.files(package).joinpath(*name.split("/")).read_text("utf-8")
    return json.loads(text) if name.endswith(".json") else yaml.safe_load(text)


def load_data(package: str, name: str, model: type[T]) -> T:
    """Data file `name` of `package`, validated as `model` (a Pydantic model or any type).

    >>> load_data("vnfigures.read", "vietnamese.json", dict)["not_vietnamese"]["min_words"] > 0
    True
    """
    try:
        return TypeAdapter(model).validate_python(read_data(package, name))
    except ValidationError as exc:
        raise ValueError(f"{package}/{name} is not valid: {exc}") from exc
