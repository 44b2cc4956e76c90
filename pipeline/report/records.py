"""Read a run's files for the report, one line at a time, forgiving what a report can forgive.

The report must open any OUT.jsonl a user has: one from an older pipeline version (no §8
fields), one with a torn last line from a killed run, one holding failure lines. So records
are read as plain JSON (numbers straight into `Decimal`) into small read-only views with
defaults, not through the strict `Article` model; a line that cannot be read becomes a
`Problem` the report lists, never an exception.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

FAILURE_KEYS = frozenset({"step", "error", "message"})


@dataclass(frozen=True)
class FigureView:
    """One figure of a record, as the report needs it."""

    ordinal: int
    text: str
    start: int
    end: int
    kind: str
    value: Decimal | None
    value_max: Decimal | None
    unit: str
    qualifier: str
    modality: str
    subject: str
    place: str | None
    province: str | None
    year: int | None
    year_max: int | None
    mention_of: int | None
    has_place_fields: bool  # False for records written before ANNOTATION.md §8


@dataclass(frozen=True)
class EntityView:
    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class ArticleView:
    """One article record (a line of OUT.jsonl)."""

    line: int
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    province: str | None
    text: str
    figures: list[FigureView]
    entities: list[EntityView]
    flags: list[str]
    pipeline_version: str
    duplicate_of: str | None


@dataclass(frozen=True)
class FailureView:
    """One failure record: an input that did not become an article, and why."""

    id: str | None
    input: str | None
    step: str
    error: str
    message: str


@dataclass(frozen=True)
class Problem:
    """A line the report could not read, said in words."""

    file: str
    line: int
    message: str


Item = ArticleView | FailureView | Problem


def iter_lines(path: Path) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, bytes, whole) for each non-blank line; `whole` is False for a torn end."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield number, raw, raw.endswith(b"\n")


def count_lines(path: Path) -> int:
    """Non-blank lines of a file, read in blocks (to decide up front whether to sample)."""
    return sum(1 for _ in iter_lines(path)) if path.exists() else 0


def read_items(path: Path) -> Iterator[Item]:
    """Every line of OUT.jsonl (or of a failures file) as an article, a failure or a problem."""
    for number, raw, whole in iter_lines(path):
        record = _json(raw)
        if not isinstance(record, dict):
            yield Problem(path.name, number, _unreadable(raw, whole, record))
        elif FAILURE_KEYS <= record.keys() and "text" not in record:
            yield failure_view(record)
        elif isinstance(record.get("id"), str) and record["id"]:
            yield article_view(record, number)
        else:
            yield Problem(path.name, number, "a JSON object that is neither an article record (no id) nor a failure")


def read_summary(path: Path) -> tuple[dict[str, Any] | None, Problem | None]:
    """The run's OUT.summary.json as a dict, or why it could not be read (None when absent)."""
    if not path.exists():
        return None, None
    record = _json(path.read_bytes())
    if isinstance(record, dict):
        return record, None
    return None, Problem(path.name, 1, "not a JSON object: the run's counts are taken from the files instead")


def _json(raw: bytes) -> object:
    try:
        return json.loads(raw.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError):
        return None


def _unreadable(raw: bytes, whole: bool, record: object) -> str:
    if record is not None:
        return f"a JSON {type(record).__name__}, not an object: skipped"
    if not whole:
        return "the last line is cut short (the torn end of a killed run?): skipped"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text: skipped"
    return "not valid JSON: skipped"


def article_view(record: dict[str, Any], line: int) -> ArticleView:
    """The view of one article record; missing or mistyped fields take empty defaults."""
    figures = [figure_view(item, n) for n, item in enumerate(_list(record.get("figures"))) if isinstance(item, dict)]
    entities = [entity_view(item) for item in _list(record.get("entities")) if isinstance(item, dict)]
    return ArticleView(
        line=line, id=str(record["id"]), title=_str(record.get("title")), source=_str(record.get("source")),
        url=_str(record.get("url")), published=_str(record.get("published")), province=_str(record.get("province")),
        text=_str(record.get("text")) or "", figures=figures, entities=entities,
        flags=[str(f) for f in _list(record.get("flags"))],
        pipeline_version=_str(record.get("pipeline_version")) or "?", duplicate_of=_str(record.get("duplicate_of")),
    )


def figure_view(item: dict[str, Any], ordinal: int) -> FigureView:
    text = _str(item.get("text")) or ""
    start = _int(item.get("start")) or 0
    return FigureView(
        ordinal=ordinal, text=text, start=start, end=_int(item.get("end")) or start + len(text),
        kind=_str(item.get("kind")) or "other", value=_decimal(item.get("value")),
        value_max=_decimal(item.get("value_max")), unit=_str(item.get("unit")) or "",
        qualifier=_str(item.get("qualifier")) or "exact", modality=_str(item.get("modality")) or "actual",
        subject=_str(item.get("subject")) or "", place=_str(item.get("place")), province=_str(item.get("province")),
        year=_int(item.get("year")), year_max=_int(item.get("year_max")), mention_of=_int(item.get("mention_of")),
        has_place_fields="province" in item or "year" in item,
    )


def entity_view(item: dict[str, Any]) -> EntityView:
    text = _str(item.get("text")) or ""
    start = _int(item.get("start")) or 0
    return EntityView(text=text, start=start, end=_int(item.get("end")) or start + len(text),
                      label=_str(item.get("label")) or "?")


def failure_view(record: dict[str, Any]) -> FailureView:
    return FailureView(id=_str(record.get("id")), input=_str(record.get("input")),
                       step=_str(record.get("step")) or "?", error=_str(record.get("error")) or "?",
                       message=_str(record.get("message")) or "")


def _str(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return None


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
