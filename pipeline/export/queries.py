"""The example research queries shipped with the export (`queries.yaml`), for docs and tests."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pydantic import Field

from vnfigures.schemas import DataFile, load_data


@dataclass(frozen=True)
class ExampleQuery:
    """A question in words and the SQL that answers it on SQLite and PostgreSQL alike."""

    name: str
    question: str
    sql: str


class _Entry(DataFile):
    question: str = Field(min_length=1)
    sql: str = Field(min_length=1)


@cache
def example_queries() -> dict[str, ExampleQuery]:
    """The queries of `queries.yaml` by name, in file order."""
    data = load_data("vnfigures.export", "queries.yaml", dict[str, _Entry])
    return {name: ExampleQuery(name, entry.question, entry.sql.strip()) for name, entry in data.items()}
