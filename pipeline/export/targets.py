"""Open the store a target string names: `open_sink` to write, `read_target` to read back.

Kept apart from `sink.py` (the interface the stores implement), so that the SQL and Parquet
stores import the interface and this module imports the stores, never the other way round.
The stores are imported when asked for: a SQLite run never loads pyarrow.
"""
from __future__ import annotations

from vnfigures.export.sink import ArticleSink, parse_target
from vnfigures.schemas import Article


def open_sink(target: str, *, batch_size: int = 100) -> ArticleSink:
    """The sink for `target`; `batch_size` articles share one database commit.

    Each article is still atomic within its batch (a savepoint), so a failure or an
    interruption never leaves half an article behind.
    """
    parsed = parse_target(target)
    if parsed.kind == "parquet":
        from vnfigures.export.parquet import ParquetSink

        return ParquetSink(parsed.location)
    from vnfigures.export.sql import SqlSink

    return SqlSink(parsed.location, batch_size=batch_size)


def read_target(target: str) -> list[Article]:
    """Every article stored in `target`, rebuilt from its rows and ordered by id."""
    parsed = parse_target(target)
    if parsed.kind == "parquet":
        from vnfigures.export.parquet import read_parquet

        return list(read_parquet(parsed.location))
    from vnfigures.export.sql import read_sql

    return list(read_sql(parsed.location))
