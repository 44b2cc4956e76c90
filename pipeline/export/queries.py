"""The example research queries shipped with the export (`queries.yaml`), for docs and tests."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class ExampleQuery:
    """A question in words and the SQL that answers it on SQLite and PostgreSQL alike."""

    name: str
    question: str
    sql: str


@cache
def example_queries() -> dict[str, ExampleQuery]:
    """The queries of `queries.yaml` by name, in file order."""
    data = yaml.safe_load(files("vnfigures.export").joinpath("queries.yaml").read_text(encoding="utf-8"))
    return {name: ExampleQuery(name, entry["question"], entry["sql"].strip()) for name, entry in data.items()}
