"""The database sink on SQLite and a real PostgreSQL server, with one suite for both.

Round trips are exact (Decimal equality, not float closeness); rewriting is idempotent; a
newer version replaces an article's rows; a failing or interrupted article leaves no rows.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

import vnfigures.export.sql as sql_module
from vnfigures.export import ExportError, open_sink, parse_target, read_target
from vnfigures.export.queries import example_queries
from vnfigures.schemas import Article, Figure

from test_export_samples import db_url, pg_url, sample_articles  # noqa: F401 - fixtures


def write_all(url: str, articles: list[Article], batch_size: int = 100) -> None:
    with open_sink(url, batch_size=batch_size) as sink:
        for article in articles:
            sink.write(article)


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the three tables, in key order: the state idempotence must preserve."""
    engine = sql_module.make_engine(parse_target(url).location)
    keys = {"articles": "id", "figures": "article_id, ordinal", "entities": "article_id, ordinal"}
    try:
        with engine.connect() as conn:
            return {table: [tuple(row) for row in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY {key}")]
                    for table, key in keys.items()}
    finally:
        engine.dispose()


def count(url: str, table: str, article_id: str) -> int:
    column = "id" if table == "articles" else "article_id"
    engine = sql_module.make_engine(parse_target(url).location)
    try:
        with engine.connect() as conn:
            query = sa.text(f"SELECT COUNT(*) FROM {table} WHERE {column} = :id")
            return conn.execute(query, {"id": article_id}).scalar_one()
    finally:
        engine.dispose()


@pytest.mark.parametrize("batch_size", [1, 3, 100])
def test_round_trip_is_exact(db_url: str, batch_size: int) -> None:
    articles = sample_articles()
    write_all(db_url, articles, batch_size)
    back = read_target(db_url)
    assert back == articles
    values = [(f.value, f.value_max) for a in back for f in a.figures]
    assert all(isinstance(v, Decimal) for pair in values for v in pair if v is not None)
    assert (Decimal("123456789012345678"), None) in values and (Decimal("0.000001"), None) in values


def test_exporting_twice_leaves_the_same_rows(db_url: str) -> None:
    write_all(db_url, sample_articles())
    first = dump(db_url)
    write_all(db_url, sample_articles())
    assert dump(db_url) == first
    assert [len(first[t]) for t in ("articles", "figures", "entities")] == [4, 14, 2]


def test_newer_version_replaces_figures_and_entities(db_url: str) -> None:
    write_all(db_url, sample_articles("0.1.0"))
    old = sample_articles("0.2.0")[0]
    newer = old.model_copy(update={"figures": old.figures[:2], "entities": []})
    write_all(db_url, [newer])
    back = {a.id: a for a in read_target(db_url)}
    assert back[newer.id] == newer and back[newer.id].pipeline_version == "0.2.0"
    assert count(db_url, "figures", newer.id) == 2 and count(db_url, "entities", newer.id) == 0
    assert back["vnexpress/quang-nam-2"] == sample_articles("0.1.0")[3]


def test_deleting_an_article_cascades_to_its_rows(db_url: str) -> None:
    write_all(db_url, sample_articles())
    engine = sql_module.make_engine(parse_target(db_url).location)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM articles WHERE id = 'vnexpress/quang-nam-2'"))
    engine.dispose()
    assert count(db_url, "figures", "vnexpress/quang-nam-2") == 0
    assert count(db_url, "entities", "vnexpress/quang-nam-2") == 0
    assert count(db_url, "figures", "baomoi/ha-tinh-1") == 5


def _fail_on_entities(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make writing an article fail after its article and figure rows went in."""
    real_execute = sa.engine.Connection.execute

    def execute(self: sa.engine.Connection, statement: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(statement, "table", None) is sql_module.entities and statement.is_insert:
            raise error
        return real_execute(self, statement, *args, **kwargs)

    monkeypatch.setattr(sa.engine.Connection, "execute", execute)


def test_failing_article_leaves_no_partial_rows(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = sample_articles()
    with open_sink(db_url, batch_size=10) as sink:
        sink.write(articles[1])
        with monkeypatch.context() as patch:
            _fail_on_entities(patch, RuntimeError("disk full"))
            with pytest.raises(ExportError, match=r"ha-tinh-1.*disk full"):
                sink.write(articles[0])
        sink.write(articles[3])
    assert [a.id for a in read_target(db_url)] == [articles[1].id, articles[3].id]
    assert count(db_url, "figures", articles[0].id) == 0


def test_failing_rewrite_keeps_the_previous_version(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    write_all(db_url, sample_articles("0.1.0"))
    before = dump(db_url)
    with open_sink(db_url) as sink, monkeypatch.context() as patch:
        _fail_on_entities(patch, RuntimeError("connection reset"))
        with pytest.raises(ExportError):
            sink.write(sample_articles("0.2.0")[0])
    assert dump(db_url) == before


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
def test_rejected_row_is_rolled_back(db_url: str) -> None:
    """A row the database refuses (NOT NULL subject) undoes the article's other rows too."""
    good, article = sample_articles()[1], sample_articles()[0]
    bad_figure = Figure.model_construct(**{**dict(article.figures[0]), "subject": None})
    broken = article.model_copy(update={"figures": [article.figures[1], bad_figure]})
    with open_sink(db_url) as sink:
        with pytest.raises(ExportError, match="ha-tinh-1"):
            sink.write(broken)
        sink.write(good)
    assert [a.id for a in read_target(db_url)] == [good.id]
    assert count(db_url, "figures", article.id) == 0


def test_interrupted_export_keeps_only_whole_articles(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = sample_articles()
    with pytest.raises(KeyboardInterrupt), open_sink(db_url, batch_size=10) as sink:
        sink.write(articles[1])
        sink.write(articles[2])
        _fail_on_entities(monkeypatch, KeyboardInterrupt())
        sink.write(articles[0])
    monkeypatch.undo()
    assert [a.id for a in read_target(db_url)] == [articles[1].id, articles[2].id]
    assert count(db_url, "articles", articles[0].id) == 0 and count(db_url, "figures", articles[0].id) == 0


def run_query(url: str, name: str) -> list[tuple[Any, ...]]:
    """An example query's rows, numbers as Decimal whatever the driver returned."""
    engine = sql_module.make_engine(parse_target(url).location)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text(example_queries()[name].sql)).all()
    finally:
        engine.dispose()
    return [tuple(Decimal(str(v)) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                  for v in row) for row in rows]


D = Decimal
QUERY_RESULTS = [
    ("houses_by_source", [("baomoi.com", D(50)), ("vnexpress.net", D(12))]),
    ("money_by_qualifier", [
        ("approx", D(1), D(1500000000), D(1500000000)),
        ("exact", D(2), D(123456789012345678 + 40000000), D(123456789012345678 + 40000000)),
        ("more_than", D(1), D(2500000000), D(2500000000)),
        ("range", D(1), D(3000000000), D(5000000000)),
    ]),
    ("households_target_vs_actual", [("baomoi/ha-tinh-1", D(300), D(120)), ("vnexpress/quang-nam-2", D(100), D(80))]),
    ("houses_by_province_year", [("Hà Tĩnh", None, D(50)), ("Đà Nẵng", D(2023), D(12))]),
    ("households_by_province_year", [("Hà Tĩnh", D(2024), D(120)), ("Đà Nẵng", D(2023), D(80))]),
]


@pytest.mark.parametrize(("name", "expected"), QUERY_RESULTS, ids=[q[0] for q in QUERY_RESULTS])
def test_example_queries(db_url: str, name: str, expected: list[tuple[Any, ...]]) -> None:
    write_all(db_url, sample_articles())
    assert run_query(db_url, name) == expected


def long_decimal_article() -> Article:
    """Money with 19 significant digits: more than a double holds, fine for NUMERIC."""
    text = "Quỹ có 0,1234567890123456789 tỷ đồng."
    start, part = 7, "0,1234567890123456789 tỷ đồng"
    return Article(id="x", text=text, pipeline_version="0", figures=[Figure(
        text=part, start=start, end=start + len(part), kind="money", value=D("123456789.0123456789"), unit="VND")])


def test_sqlite_refuses_a_value_it_would_round(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    with open_sink(url) as sink, pytest.raises(ExportError, match="cannot be stored exactly in SQLite"):
        sink.write(long_decimal_article())
    assert read_target(url) == []


def test_postgresql_keeps_any_precision(pg_url: str) -> None:  # noqa: F811 - fixture
    write_all(pg_url, [long_decimal_article()])
    assert read_target(pg_url)[0].figures[0].value == D("123456789.0123456789")


def test_foreign_table_layout_is_refused_before_writing(db_url: str) -> None:
    engine = sql_module.make_engine(parse_target(db_url).location)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE figures (id INTEGER PRIMARY KEY, amount NUMERIC)")
    engine.dispose()
    with pytest.raises(ValueError, match=r"table 'figures' already exists without column\(s\) article_id, ordinal"):
        open_sink(db_url)
