"""Write and read articles in SQLite or PostgreSQL through one SQLAlchemy Core code path.

Replacing an article is: upsert its `articles` row, delete its figure and entity rows, insert
the new ones, all inside one savepoint. Articles are grouped `batch_size` to a transaction
for speed; a failing article rolls back only its own savepoint, so the batch keeps every
complete article and none of the broken one.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from functools import cache, partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, RootTransaction

from vnfigures.export.rows import ArticleRows, ExportError, Row, from_rows, to_rows
from vnfigures.export.sink import ArticleSink
from vnfigures.export.tables import articles, entities, figures, metadata
from vnfigures.schemas import Article

#: Dialect-specific INSERT constructs that share the `on_conflict_do_update` API.
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def make_engine(url: str) -> Engine:
    """An engine for `url` that keeps JSON exact and gives SQLite real transactions.

    SQLite needs two fixes to behave like PostgreSQL here: foreign keys are off unless asked
    for (so ON DELETE CASCADE would be ignored), and the sqlite3 module's own transaction
    handling breaks SAVEPOINT; we switch it off and issue BEGIN ourselves (SQLAlchemy's
    documented recipe).
    """
    engine = sa.create_engine(
        url,
        json_serializer=partial(json.dumps, ensure_ascii=False),
        json_deserializer=partial(json.loads, parse_float=Decimal),
    )
    if engine.dialect.name == "sqlite":
        _prepare_sqlite(engine, url)
    elif engine.dialect.name not in _INSERTS:
        raise ValueError(f"unsupported database {engine.dialect.name!r}: use SQLite or PostgreSQL")
    return engine


def _prepare_sqlite(engine: Engine, url: str) -> None:
    database = sa.make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


def create_schema(engine: Engine) -> None:
    """Create the tables and indexes that are missing, then check existing ones fit.

    Existing tables are never altered: a database holding another `figures` table (another
    tool's, or an older layout) is refused with the columns it lacks, before any row is written.
    """
    metadata.create_all(engine, checkfirst=True)
    inspector = sa.inspect(engine)
    for table in metadata.sorted_tables:
        present = {column["name"] for column in inspector.get_columns(table.name)}
        missing = [column.name for column in table.columns if column.name not in present]
        if missing:
            raise ValueError(
                f"table {table.name!r} already exists without column(s) {', '.join(missing)}: "
                "export to a new database, or drop the old tables first"
            )


def replace_article(conn: Connection, rows: ArticleRows) -> None:
    """Make the stored copy of one article exactly `rows` (caller holds the transaction)."""
    upsert, delete_figures, delete_entities = _statements(conn.dialect.name)
    conn.execute(upsert, rows.article)
    conn.execute(delete_figures, {"article_id": rows.id})
    conn.execute(delete_entities, {"article_id": rows.id})
    if rows.figures:
        conn.execute(sa.insert(figures), rows.figures)
    if rows.entities:
        conn.execute(sa.insert(entities), rows.entities)


@cache
def _statements(dialect: str) -> tuple[sa.Executable, sa.Executable, sa.Executable]:
    """The article upsert and the two child deletes, built once (building them per article
    cost more than running them)."""
    insert = _INSERTS[dialect](articles)
    upsert = insert.on_conflict_do_update(
        index_elements=[articles.c.id],
        set_={column.name: insert.excluded[column.name] for column in articles.columns if column.name != "id"},
    )
    deletes = tuple(
        sa.delete(table).where(table.c.article_id == sa.bindparam("article_id")) for table in (figures, entities)
    )
    return upsert, *deletes


class SqlSink(ArticleSink):
    """An `ArticleSink` over a SQLAlchemy URL; creates the tables on first use."""

    def __init__(self, url: str, *, batch_size: int = 100) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.batch_size = batch_size
        self.written = 0
        self.engine = make_engine(url)
        try:
            create_schema(self.engine)
        except BaseException:
            self.engine.dispose()
            raise
        self._conn: Connection | None = self.engine.connect()
        self._tx: RootTransaction | None = None
        self._pending = 0

    def write(self, article: Article) -> None:
        if self._conn is None:
            raise RuntimeError("this sink is closed")
        rows = to_rows(article)
        if self._tx is None:
            self._tx = self._conn.begin()
        savepoint = self._conn.begin_nested()
        try:
            replace_article(self._conn, rows)
        except BaseException as exc:
            self._undo(savepoint)
            if isinstance(exc, Exception):
                raise ExportError(f"article {article.id!r} not written: {_reason(exc)}") from exc
            raise
        savepoint.commit()
        self.written += 1
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def stored_ids(self) -> set[str]:
        """Committed and pending ids alike (this sink's own connection sees both)."""
        if self._conn is None:
            raise RuntimeError("this sink is closed")
        if self._tx is None:  # the next write goes on in this transaction
            self._tx = self._conn.begin()
        return set(self._conn.execute(sa.select(articles.c.id)).scalars())

    def _undo(self, savepoint: sa.engine.NestedTransaction) -> None:
        """Roll back one article; if even that fails, drop the whole uncommitted batch."""
        try:
            savepoint.rollback()
        except Exception:
            if self._tx is not None:
                self._tx.rollback()
                self._tx, self._pending = None, 0
            raise

    def flush(self) -> None:
        """Commit the articles written since the last commit."""
        if self._tx is not None:
            tx, self._tx, self._pending = self._tx, None, 0
            tx.commit()

    def close(self) -> None:
        if self._conn is None:
            return
        try:
            self.flush()
        finally:
            self._conn.close()
            self._conn = None
            self.engine.dispose()


def _reason(exc: Exception) -> str:
    """The useful part of a driver error: its first line, without SQLAlchemy's footer."""
    original = getattr(exc, "orig", None) or exc
    return (str(original).strip().splitlines() or [exc.__class__.__name__])[0]


def read_sql(url: str) -> Iterator[Article]:
    """Every stored article rebuilt from its rows, ordered by id (figures from `figures`)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            ids = conn.execute(sa.select(articles.c.id).order_by(articles.c.id)).scalars().all()
            for article_id in ids:
                yield _read_one(conn, article_id)
    finally:
        engine.dispose()


def _read_one(conn: Connection, article_id: str) -> Article:
    record = conn.execute(sa.select(articles.c.record).where(articles.c.id == article_id)).scalar_one()
    return from_rows(record, _children(conn, figures, article_id), _children(conn, entities, article_id))


def _children(conn: Connection, table: sa.Table, article_id: str) -> list[Row]:
    query = sa.select(table).where(table.c.article_id == article_id).order_by(table.c.ordinal)
    return [dict(row) for row in conn.execute(query).mappings()]
