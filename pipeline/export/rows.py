"""Flatten an `Article` into the rows of the three export tables, and rebuild it from them.

Every target (SQLite, PostgreSQL, Parquet) stores the same rows, so this is the single place
that decides what a row holds. Figures and entities are numbered by their position in the
record (`ordinal`, from 0) so that `(article_id, ordinal)` is a stable key and reading an
article back gives its figures in the original order.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from vnfigures.errors import ArticleError
from vnfigures.schemas import Article

Row = dict[str, Any]

#: Columns of each table, in the order they are created; shared by the SQL and Parquet schemas.
ARTICLE_COLUMNS = ("id", "source", "url", "title", "published", "pipeline_version", "record")
FIGURE_COLUMNS = (
    "article_id", "ordinal", "start", "end", "kind", "value", "value_max", "unit",
    "qualifier", "modality", "subject", "per", "text",
)
ENTITY_COLUMNS = ("article_id", "ordinal", "start", "end", "label", "text")


class ExportError(ArticleError):
    """One article could not be written to the target; its rows were rolled back."""

    step = "export"


@dataclass(frozen=True)
class ArticleRows:
    """The rows one article contributes: one `articles` row, its figures and its entities."""

    article: Row
    figures: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.article["id"])


def to_rows(article: Article) -> ArticleRows:
    """The rows of `article`; `record` is the article's JSON output line, parsed.

    The record keeps the whole article (text, flags, figures) so nothing is lost by
    flattening; `figures`/`entities` are the queryable copy and are authoritative on read.
    """
    head: Row = {c: getattr(article, c) for c in ARTICLE_COLUMNS if c != "record"}
    head["record"] = json.loads(article.model_dump_json())
    figures = [
        {
            "article_id": article.id, "ordinal": i, "start": f.start, "end": f.end,
            "kind": f.kind.value, "value": f.value, "value_max": f.value_max, "unit": f.unit,
            "qualifier": f.qualifier.value, "modality": f.modality.value, "subject": f.subject,
            "per": f.per, "text": f.text,
        }
        for i, f in enumerate(article.figures)
    ]
    entities = [
        {"article_id": article.id, "ordinal": i, "start": e.start, "end": e.end,
         "label": e.label.value, "text": e.text}
        for i, e in enumerate(article.entities)
    ]
    return ArticleRows(head, figures, entities)


def from_rows(record: Row, figures: list[Row], entities: list[Row]) -> Article:
    """Rebuild an `Article` from its stored record and its figure and entity rows.

    The table rows replace the record's own lists, so a round trip proves the queryable
    columns (not just the JSON copy) hold the exact values.
    """
    data = dict(record)
    data["figures"] = [_strip_keys(r) for r in sorted(figures, key=lambda r: r["ordinal"])]
    data["entities"] = [_strip_keys(r) for r in sorted(entities, key=lambda r: r["ordinal"])]
    return Article.model_validate(data)


def _strip_keys(row: Row) -> Row:
    return {k: v for k, v in row.items() if k not in ("article_id", "ordinal")}
