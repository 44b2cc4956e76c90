"""Export articles to databases and files: SQLite, PostgreSQL (psycopg 3) and Parquet.

>>> from vnfigures.export import open_sink
>>> with open_sink("sqlite:///figures.db") as sink:          # doctest: +SKIP
...     sink.write(article)

Tables `articles`, `figures`, `entities` (see `tables.py`); writing an article replaces its
stored rows, so exports are idempotent and a newer run's version wins.
"""
from vnfigures.export.jsonl import ExportReport, export_jsonl, parse_record, read_records
from vnfigures.export.rows import ExportError
from vnfigures.export.sink import ArticleSink, Target, parse_target
from vnfigures.export.targets import open_sink, read_target

__all__ = [
    "ArticleSink", "ExportError", "ExportReport", "Target", "export_jsonl", "open_sink",
    "parse_record", "parse_target", "read_records", "read_target",
]
