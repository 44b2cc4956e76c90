"""A Parquet folder of three tables side by side: `articles.parquet`, `figures.parquet`, `entities.parquet`.

The target is a folder (`out/parquet/`), never a name like `figures.parquet`: a reader
handed that folder as one table would mix the three schemas. Read one table with
`pyarrow.parquet.read_table("out/parquet/figures.parquet")`.

Exact values: `value` and `value_max` are `decimal128(38, 9)` — a real decimal column that
pandas, Polars, DuckDB and Spark read as exact decimals (29 integer digits, 9 fractional: a
trillion-VND budget and a gram in tonnes both fit). A value that does not fit is refused
when its article is written, never rounded (our own check: pyarrow silently turns some
long values into 0 instead of raising); reading back drops the padding zeros, so `5`
stays `Decimal('5')`. The full record is kept as JSON text in `articles.record`.

Streaming: the sink keeps at most `group` articles in memory. Each full group is written at
once as a *part* (`.parts/NNNNNN/`, the three tables, renamed into place only when whole),
so a killed run keeps every part it finished and a resumed run (`stored_ids`) writes only
what is missing. Closing the sink compacts: each table is rewritten, one row group at a time,
as the stored rows whose article was not rewritten followed by the parts in order (a later
version of an article replaces an earlier one), then moved into place; the parts go last.
A compaction cut short is simply done again by the next close, so the folder never loses
rows. Rows are in write order, so the same articles written in the same order give the same
files.
"""
from __future__ import annotations

import json
import os
import shutil
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
        pa.field(name, pa.int32() if name == "duplicates" else pa.string(),
                 nullable=name not in ("id", "pipeline_version", "duplicates", "record"))
        for name in ("id", "source", "url", "title", "published", "province", "pipeline_version", "duplicate_of",
                     "duplicates", "record")
    ]),
    "figures": pa.schema([pa.field(n, t, nullable=z) for n, t, z in _SPAN] + [
        pa.field("kind", pa.string(), nullable=False), pa.field("value", DECIMAL, nullable=False),
        pa.field("value_max", DECIMAL), pa.field("unit", pa.string(), nullable=False),
        pa.field("qualifier", pa.string(), nullable=False), pa.field("modality", pa.string(), nullable=False),
        pa.field("subject", pa.string(), nullable=False), pa.field("per", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("place", pa.string()), pa.field("province", pa.string()),
        pa.field("year", pa.int32()), pa.field("year_max", pa.int32()), pa.field("mention_of", pa.int32()),
    ]),
    "entities": pa.schema([pa.field(n, t, nullable=z) for n, t, z in _SPAN] + [
        pa.field("label", pa.string(), nullable=False), pa.field("text", pa.string(), nullable=False),
    ]),
}
_ID_COLUMN = {"articles": "id", "figures": "article_id", "entities": "article_id"}


def check_decimal(value: Decimal) -> None:
    """Raise ValueError unless `value` fits `decimal128(38, 9)` exactly."""
    _sign, digits, exponent = canonical_decimal(value).as_tuple()
    assert isinstance(exponent, int)
    fractional = -exponent
    integer_digits = max(0, len(digits) + exponent) if value else 0
    if fractional > _SCALE or integer_digits > _MAX_INTEGER_DIGITS:
        raise ValueError(f"value {value} does not fit decimal128(38, {_SCALE}) exactly")


#: Articles per part (and so per row group): small enough to keep memory flat, big enough
#: that a 100k-article run gives a few hundred row groups.
GROUP_ARTICLES = 500
PARTS = ".parts"
TABLES = tuple(SCHEMAS)


class ParquetSink(ArticleSink):
    """Writes articles in parts of `group` as they come; `close()` compacts them into the tables."""

    def __init__(self, folder: str | os.PathLike[str], *, group: int = GROUP_ARTICLES) -> None:
        self.folder = Path(folder)
        self.group = group
        self.written = 0
        self._pending: dict[str, ArticleRows] = {}
        self._parts = self.folder / PARTS
        self._parts.mkdir(parents=True, exist_ok=True)
        done = _part_dirs(self._parts)
        self._next = int(done[-1].name) + 1 if done else 0
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
        self._pending.pop(rows.id, None)  # a later version replaces an earlier one
        self._pending[rows.id] = rows
        self.written += 1
        if len(self._pending) >= self.group:
            self.flush()

    def flush(self) -> None:
        """Write the pending articles as one part (whole, or not at all)."""
        if not self._pending:
            return
        write_part(self._parts / f"{self._next:06d}", list(self._pending.values()))
        self._next += 1
        self._pending = {}

    def stored_ids(self) -> set[str]:
        ids = set(self._pending)
        main = self.folder / "articles.parquet"
        if main.exists():
            ids.update(pq.read_table(main, columns=["id"]).column("id").to_pylist())
        for part in _part_dirs(self._parts):
            ids.update(_ids_of(part / "articles.parquet"))
        return ids

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.flush()
        compact(self.folder)


def _part_dirs(parts: Path) -> list[Path]:
    """The finished parts, in the order they were written (unfinished `.tmp` ones are ignored)."""
    if not parts.is_dir():
        return []
    return sorted(p for p in parts.iterdir() if p.is_dir() and p.name.isdigit())


def _ids_of(path: Path) -> list[str]:
    return pq.read_table(path, columns=["id"]).column("id").to_pylist()


def write_part(part: Path, batch: list[ArticleRows]) -> None:
    """Write one part's three tables to a temporary folder, then rename it into place."""
    temporary = part.with_name(part.name + ".tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    tables = {
        "articles": [_article_row(rows.article) for rows in batch],
        "figures": [row for rows in batch for row in rows.figures],
        "entities": [row for rows in batch for row in rows.entities],
    }
    for name, rows in tables.items():
        pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[name]), temporary / f"{name}.parquet",
                       compression="zstd")
    os.replace(temporary, part)


def compact(folder: Path) -> None:
    """Fold the finished parts into the three tables (creating empty tables when none exist)."""
    parts = _part_dirs(folder / PARTS)
    if not parts and all((folder / f"{name}.parquet").exists() for name in TABLES):
        shutil.rmtree(folder / PARTS, ignore_errors=True)
        return
    last: dict[str, int] = {}  # article id -> the last part that holds it
    for index, part in enumerate(parts):
        for article_id in _ids_of(part / "articles.parquet"):
            last[article_id] = index
    rewritten = pa.array(sorted(last), type=pa.string())
    temporary = {name: folder / f".{name}.parquet.tmp" for name in TABLES}
    try:
        for name in TABLES:
            _compact_table(folder / f"{name}.parquet", temporary[name], name, parts, last, rewritten)
    except BaseException:
        for path in temporary.values():
            path.unlink(missing_ok=True)
        raise
    for name, path in temporary.items():
        os.replace(path, folder / f"{name}.parquet")
    shutil.rmtree(folder / PARTS, ignore_errors=True)


def _compact_table(path: Path, temporary: Path, name: str, parts: list[Path], last: dict[str, int],
                   rewritten: pa.Array) -> None:
    """Stream one table: kept stored row groups, then each part's rows that no later part replaces."""
    schema, column = SCHEMAS[name], _ID_COLUMN[name]
    with pq.ParquetWriter(temporary, schema, compression="zstd") as writer:
        if path.exists():
            stored = pq.ParquetFile(path)
            for group in range(stored.num_row_groups):
                table = stored.read_row_group(group).cast(schema)
                _write_rows(writer, table.filter(pc.invert(pc.is_in(table[column], value_set=rewritten))))
        for index, part in enumerate(parts):
            table = pq.read_table(part / f"{name}.parquet", schema=schema)
            keep = pa.array([last[i] == index for i in table[column].to_pylist()], type=pa.bool_())
            _write_rows(writer, table.filter(keep))


def _write_rows(writer: pq.ParquetWriter, table: pa.Table) -> None:
    if table.num_rows:  # no empty row groups
        writer.write_table(table)


def _article_row(row: Row) -> Row:
    return {**row, "record": json.dumps(row["record"], ensure_ascii=False)}


def read_parquet(folder: str | os.PathLike[str]) -> Iterator[Article]:
    """Every stored article rebuilt from the three files, ordered by id (parts not yet
    compacted, left by a killed run, are not read: the next run's close folds them in)."""
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
