"""The three export tables as SQLAlchemy Core metadata: one definition for SQLite and PostgreSQL.

`articles` (one row per article, the full record as JSON/JSONB), `figures` and `entities`
(one row per span, keyed by `(article_id, ordinal)`, `ON DELETE CASCADE` to their article).
Vocabulary columns (kind, qualifier, modality, label) are text with CHECK constraints rather
than native enums, so adding a kind is a data change, not an `ALTER TYPE`.

Exact values: `figures.value`/`value_max` are `NUMERIC` on PostgreSQL (arbitrary precision,
read back as `Decimal`). On SQLite they are `NUMERIC` too, so SQL arithmetic and comparisons
work, but SQLite keeps numbers as 64-bit integers or doubles: `ExactDecimal` stores an
integral value as an INTEGER and a fractional one as a REAL only after checking that the REAL
reads back as the very same Decimal (true for up to 15 significant digits); any other value
is refused with a clear error instead of being rounded silently.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlalchemy.types import TypeEngine, UserDefinedType

from vnfigures.schemas import EntityLabel, Kind, Modality, Qualifier

_INT64 = 2**63


class _SqliteNumber(UserDefinedType[Any]):
    """SQLite `NUMERIC` column with no driver-side conversion (ExactDecimal does it)."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "NUMERIC"


class ExactDecimal(sa.TypeDecorator[Decimal]):
    """A decimal that round-trips exactly: `NUMERIC` on PostgreSQL, checked numbers on SQLite."""

    impl = sa.Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(_SqliteNumber())
        return dialect.type_descriptor(sa.Numeric(asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or dialect.name != "sqlite":
            return value
        return sqlite_number(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def sqlite_number(value: Decimal) -> int | float:
    """The SQLite number that reads back as exactly `value`, or ValueError if none does.

    >>> sqlite_number(Decimal("5000000000")), sqlite_number(Decimal("12.5"))
    (5000000000, 12.5)
    """
    if value == value.to_integral_value():
        if abs(value) < _INT64:
            return int(value)
    else:
        as_float = float(value)
        if Decimal(repr(as_float)) == value:
            return as_float
    raise ValueError(
        f"value {value} cannot be stored exactly in SQLite (more than 15 significant digits "
        "or beyond 64-bit integers); export to PostgreSQL or Parquet instead"
    )


def _vocabulary(name: str, values: type[Kind] | type[Qualifier] | type[Modality] | type[EntityLabel]) -> sa.Enum:
    return sa.Enum(*(v.value for v in values), name=name, native_enum=False, create_constraint=True, length=32)


metadata = sa.MetaData()

#: Whole records as JSON: JSONB on PostgreSQL (queryable with ->>), JSON text on SQLite.
RecordJSON = sa.JSON().with_variant(JSONB(), "postgresql")

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text, comment="as written by the pipeline (ISO date when known)"),
    sa.Column("province", sa.Text, comment="the article's main province (ANNOTATION.md §8)"),
    sa.Column("pipeline_version", sa.Text, nullable=False),
    sa.Column("duplicate_of", sa.Text, comment="id of the first article of its near-duplicate group, or null"),
    sa.Column("duplicates", sa.Integer, nullable=False, comment="size of its near-duplicate group (1: unique)"),
    sa.Column("record", RecordJSON, nullable=False, comment="the full Article output record"),
    sa.Index("ix_articles_source", "source"),
)


def _child_key() -> list[sa.Column[Any]]:
    """The `(article_id, ordinal)` key of a span table; the key also serves 'rows of article X'."""
    return [
        sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("ordinal", sa.Integer, primary_key=True, comment="position in the record, from 0"),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    ]


figures = sa.Table(
    "figures", metadata,
    *_child_key(),
    sa.Column("kind", _vocabulary("figure_kind", Kind), nullable=False),
    sa.Column("value", ExactDecimal, nullable=False),
    sa.Column("value_max", ExactDecimal),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("qualifier", _vocabulary("figure_qualifier", Qualifier), nullable=False),
    sa.Column("modality", _vocabulary("figure_modality", Modality), nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("per", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("place", sa.Text, comment="where the figure holds, as written (§8)"),
    sa.Column("province", sa.Text, comment="one of the 34 provinces of 1 July 2025 (§8)"),
    sa.Column("year", sa.Integer),
    sa.Column("year_max", sa.Integer, comment="last year of a span"),
    sa.Column("mention_of", sa.Integer, comment="ordinal of the first mention of the same quantity, or null"),
    sa.Index("ix_figures_kind", "kind", "modality"),
    sa.Index("ix_figures_province_year", "province", "year"),
)

entities = sa.Table(
    "entities", metadata,
    *_child_key(),
    sa.Column("label", _vocabulary("entity_label", EntityLabel), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Index("ix_entities_label", "label"),
)


def ddl(dialect_name: str) -> str:
    """The CREATE TABLE / CREATE INDEX statements for `sqlite` or `postgresql`, as SQL text."""
    dialect = _dialect(dialect_name)
    statements: list[str] = []
    for table in metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        indexes = sorted(table.indexes, key=lambda index: index.name or "")
        statements.extend(str(CreateIndex(index).compile(dialect=dialect)) for index in indexes)
    return ";\n\n".join(statements) + ";\n"


def _dialect(name: str) -> Dialect:
    if name == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.dialect()
    if name in ("postgresql", "postgres"):
        from sqlalchemy.dialects.postgresql import psycopg

        return psycopg.dialect()
    raise ValueError(f"unknown SQL dialect {name!r}: use 'sqlite' or 'postgresql'")
