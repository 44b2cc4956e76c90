"""`vnfig schema`: the JSON Schema matches real output records; `--sql` DDL builds the tables."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest
import sqlalchemy as sa
import typer
from typer.testing import CliRunner

from vnfigures.cli import schema as schema_cli
from vnfigures.export import parse_target
from vnfigures.export.tables import metadata
from vnfigures.schemas import EntityLabel, Kind, Modality, Qualifier

from test_export_samples import pg_url, sample_articles  # noqa: F401 - fixture


def run(*args: str) -> tuple[int, str, str]:
    app = typer.Typer()
    app.callback()(lambda: None)
    schema_cli.register(app)
    result = CliRunner().invoke(app, ["schema", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def json_schema() -> dict[str, Any]:
    code, out, _err = run()
    assert code == 0
    return json.loads(out)


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The definition a `{"$ref": "#/$defs/Name"}` property points to."""
    return schema["$defs"][node["$ref"].rsplit("/", 1)[1]]


@pytest.mark.parametrize("article", sample_articles(), ids=lambda a: a.id)
def test_every_output_field_is_described_and_required(json_schema: dict[str, Any], article: Any) -> None:
    record = json.loads(article.model_dump_json())
    assert set(json_schema["properties"]) == set(record) == set(json_schema["required"])
    for name, model in (("figures", "Figure"), ("entities", "Entity")):
        for item in record[name]:
            assert set(item) == set(json_schema["$defs"][model]["required"])


@pytest.mark.parametrize(("model", "field", "vocabulary"), [
    ("Figure", "kind", Kind), ("Figure", "qualifier", Qualifier), ("Figure", "modality", Modality),
    ("Entity", "label", EntityLabel),
])
def test_vocabularies_are_listed(json_schema: dict[str, Any], model: str, field: str, vocabulary: Any) -> None:
    node = _resolve(json_schema, json_schema["$defs"][model]["properties"][field])
    assert node["enum"] == [v.value for v in vocabulary]


def test_working_fields_are_left_out(json_schema: dict[str, Any]) -> None:
    assert not {"raw", "raw_format", "origin"} & set(json_schema["properties"])
    assert json_schema["$schema"].endswith("2020-12/schema")


def _columns(inspector: sa.Inspector) -> dict[str, list[str]]:
    return {table: [c["name"] for c in inspector.get_columns(table)] for table in sorted(inspector.get_table_names())}


EXPECTED_COLUMNS = {table.name: [c.name for c in table.columns] for table in metadata.sorted_tables}


def test_sqlite_ddl_creates_the_export_tables() -> None:
    code, ddl, _err = run("--sql")
    assert code == 0 and "CREATE INDEX ix_figures_kind" in ddl and "ON DELETE CASCADE" in ddl
    conn = sqlite3.connect(":memory:")
    conn.executescript(ddl)
    tables = {name: [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
              for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == EXPECTED_COLUMNS


@pytest.mark.parametrize("args", [("--sql", "--dialect", "postgresql"), ("--dialect", "postgresql")])
def test_postgresql_ddl_creates_the_export_tables(pg_url: str, args: tuple[str, ...]) -> None:  # noqa: F811
    code, ddl, _err = run(*args)
    assert code == 0 and "JSONB" in ddl and "NUMERIC" in ddl
    engine = sa.create_engine(parse_target(pg_url).location)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(ddl)
        assert _columns(sa.inspect(engine)) == dict(sorted(EXPECTED_COLUMNS.items()))
    finally:
        engine.dispose()


def test_unknown_dialect_is_a_usage_error() -> None:
    code, _out, err = run("--sql", "--dialect", "mysql")
    assert code == 2 and "mysql" in err
