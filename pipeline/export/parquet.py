"""A Parquet dataset of the three tables: `articles.parquet`, `figures.parquet`, `entities.parquet`.

Exact values: `value` and `value_max` are `decimal128(38, 9)` — a real decimal column that
pandas, Polars, DuckDB and Spark read as exact decimals (29 integer digits, 9 fractional: a
trillion-VND budget and a gram in tonnes both fit). A value that does not fit is refused
when its article is written, never rounded (our own check: pyarrow silently turns some
long values into 0 instead of raising); reading back drops the padding zeros, so `5`
stays `Decimal('5')`. The full record is kept as JSON text in `articles.record`.

Writing is keyed by article id: rewriting articles replaces their rows; rows are sorted by
`(article_id, ordinal)`, so the same content always gives byte-identical files. Each file is
written to a temporary name and moved into place, so an interrupted write leaves the old files.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from vnfigures.export.rows import ArticleRows, ExportError, Row, from_rows, to_rows
from vnfigures.export.sink import ArticleSink
from vnfigures.schemas import Article, canonical_decimal

DECIMAL = pa.decimal128(38, 9)
_SCALE = 9
_MAX_INTEGER_DIGITS = 38 - _SCALE

_SPAN = [("article_id", pa.string(), False), ("ordinal", pa.int32(), False),
         ("start", pa.int32(), False), ("end", pa.int32(), False)]
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        pa.field(name, pa.string(), nullable=name not in ("id", "pipeline_version", "record"))
        for name in ("id", "source", "url", "title", "published", "pipeline_version", "record")
    ]),
    "figures": pa.schema([pa.field(n, t, nullable=z) for n, t, z in _SPAN] + [
        pa.field("kind", pa.string(), nullable=False), pa.field("value", DECIMAL, nullable=False),
        pa.field("value_max", DECIMAL), pa.field("unit", pa.string(), nullable=False),
        pa.field("qualifier", pa.string(), nullable=False), pa.field("modality", pa.string(), nullable=False),
        pa.field("subject", pa.string(), nullable=False), pa.field("per", pa.string()),
        pa.field("text", pa.string(), nullable=False),
    ]),
    "entities": pa.schema([pa.field(n, t, nullable=z) for n, t, z in _SPAN] + [
        pa.field("label", pa.string(), nullable=False), pa.field("text", pa.string(), nullable=False),
    ]),
}
_SORT_KEYS = {"articles": ["id"], "figures": ["article_id", "ordinal"], "entities": ["article_id", "ordinal"]}
_ID_COLUMN = {"articles": "id", "figures": "article_id", "entities": "article_id"}


def check_decimal(value: Decimal) -> None:
    """Raise ValueError unless `value` fits `decimal128(38, 9)` exactly."""
    _sign, digits, exponent = canonical_decimal(value).as_tuple()
    assert isinstance(exponent, int)
    fractional = -exponent
    integer_digits = max(0, len(digits) + exponent) if value else 0
    if fractional > _SCALE or integer_digits > _MAX_INTEGER_DIGITS:
        raise ValueError(f"value {value} does not fit decimal128(38, {_SCALE}) exactly")


class ParquetSink(ArticleSink):
    """Collects articles and writes the three files when closed (merging with existing ones)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.written = 0
        self._rows: dict[str, ArticleRows] = {}
        self._closed = False

    def write(self, article: Article) -> None:
        if self._closed:
            raise RuntimeError("this sink is closed")
        rows = to_rows(article)
        try:
            for figure in rows.figures:
                for key in ("value", "value_max"):
                    if figure[key] is not None:
                        check_decimal(figure[key])
        except ValueError as exc:
            raise ExportError(f"article {article.id!r} not written: {exc}") from exc
        self._rows[rows.id] = rows
        self.written += 1

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._rows or not self.folder.exists():
            write_dataset(self.folder, list(self._rows.values()))


def write_dataset(folder: Path, batch: list[ArticleRows]) -> None:
    """Merge `batch` into the dataset in `folder`: its articles replace stored ones by id."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = pa.array(sorted(rows.id for rows in batch), type=pa.string())
    new_rows = {
        "articles": [_article_row(rows.article) for rows in batch],
        "figures": [row for rows in batch for row in rows.figures],
        "entities": [row for rows in batch for row in rows.entities],
    }
    tables = {name: _merged(folder / f"{name}.parquet", name, ids, rows) for name, rows in new_rows.items()}
    temporary = {name: folder / f".{name}.parquet.tmp" for name in tables}
    try:
        for name, table in tables.items():
            pq.write_table(table, temporary[name], compression="zstd")
    except BaseException:
        for path in temporary.values():
            path.unlink(missing_ok=True)
        raise
    for name, path in temporary.items():
        os.replace(path, folder / f"{name}.parquet")


def _article_row(row: Row) -> Row:
    return {**row, "record": json.dumps(row["record"], ensure_ascii=False)}


def _merged(path: Path, name: str, ids: pa.Array, rows: list[Row]) -> pa.Table:
    schema = SCHEMAS[name]
    new = pa.Table.from_pylist(rows, schema=schema)
    if path.exists():
        old = pq.read_table(path, schema=schema)
        keep = pc.invert(pc.is_in(old[_ID_COLUMN[name]], value_set=ids))
        new = pa.concat_tables([old.filter(keep), new])
    return new.sort_by([(key, "ascending") for key in _SORT_KEYS[name]]).combine_chunks()


def read_parquet(folder: str | os.PathLike[str]) -> Iterator[Article]:
    """Every stored article rebuilt from the three files, ordered by id."""
    root = Path(folder)
    tables = {name: pq.read_table(root / f"{name}.parquet", schema=SCHEMAS[name]) for name in SCHEMAS}
    figures = _group(tables["figures"])
    entities = _group(tables["entities"])
    for row in tables["articles"].sort_by("id").to_pylist():
        record = json.loads(row["record"], parse_float=Decimal)
        yield from_rows(record, figures.get(row["id"], []), entities.get(row["id"], []))


def _group(table: pa.Table) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in table.to_pylist():
        for key in ("value", "value_max"):
            if row.get(key) is not None:
                row[key] = canonical_decimal(row[key])
        grouped.setdefault(row["article_id"], []).append(row)
    return grouped
