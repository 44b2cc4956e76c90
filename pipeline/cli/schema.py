"""`vnfig schema`: the JSON Schema of an output record, or `--sql` the DDL of the export tables."""
from __future__ import annotations

import json
from enum import Enum
from typing import Any

import typer


class Dialect(str, Enum):
    """SQL dialects the export writes to."""

    sqlite = "sqlite"
    postgresql = "postgresql"


def register(app: typer.Typer) -> None:
    """Add the `schema` command to the `vnfig` app."""
    app.command("schema")(schema)


def schema(
    sql: bool = typer.Option(False, "--sql", help="Print the CREATE TABLE/INDEX statements instead."),
    dialect: Dialect | None = typer.Option(
        None, "--dialect", help="SQL dialect of the DDL (implies --sql); sqlite when not given.",
    ),
) -> None:
    """Print the JSON Schema of the Article records a run writes (one per JSONL line).

    With --sql, print the DDL of the `articles`, `figures` and `entities` tables that
    `vnfig export` and `vnfig run --db` create, for the chosen dialect.
    """
    if sql or dialect is not None:
        from vnfigures.export.tables import ddl

        typer.echo(ddl((dialect or Dialect.sqlite).value), nl=False)
        return
    typer.echo(json.dumps(article_json_schema(), ensure_ascii=False, indent=2))


JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def article_json_schema() -> dict[str, Any]:
    """The JSON Schema of `Article` as serialized (working fields like `raw` left out).

    Pydantic marks fields with defaults as optional, but a run writes every field of every
    record, so each object's properties are all listed as required: a consumer validating
    output lines with this schema then catches a line that lost a field.
    """
    from vnfigures.schemas import Article

    document: dict[str, Any] = {"$schema": JSON_SCHEMA_DIALECT, **Article.model_json_schema(mode="serialization")}
    for model in (document, *document.get("$defs", {}).values()):
        if "properties" in model:
            model["required"] = list(model["properties"])
    return document
