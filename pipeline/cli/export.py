"""`vnfig export OUT.jsonl --to TARGET`: copy a run's output into SQLite, PostgreSQL or Parquet."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add the `export` command to the `vnfig` app."""
    app.command("export")(export)


def export(
    output: Path = typer.Argument(..., help="The run's JSONL output (one Article record per line)."),
    to: str = typer.Option(
        ..., "--to", help="sqlite:///path.db, postgresql://user@host/db, or a Parquet folder such as out/parquet/.",
    ),
    batch_size: int = typer.Option(100, "--batch-size", min=1, help="Articles per database commit."),
) -> None:
    """Write every article, figure and entity of OUTPUT into TARGET; rerunning replaces, never duplicates.

    Exit status: 0 all exported, 1 some lines skipped (listed on stderr), 2 unusable input/target.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from vnfigures.export import export_jsonl, parse_target

    if not output.is_file():
        typer.echo(f"no such file: {output}", err=True)
        raise typer.Exit(2)
    try:
        parse_target(to)
        report = export_jsonl(output, to, batch_size=batch_size)
    except (ValueError, SQLAlchemyError, OSError) as exc:
        typer.echo(f"cannot export to {_shown(to)}: {_first_line(exc)}", err=True)
        raise typer.Exit(2) from exc
    for failure in report.failures:
        typer.echo(failure.model_dump_json(), err=True)
    typer.echo(
        f"exported {report.articles} articles ({report.figures} figures, {report.entities} entities) "
        f"to {_shown(to)}" + (f"; {len(report.failures)} skipped" if report.failures else "")
    )
    if report.failures:
        raise typer.Exit(1)


def _shown(target: str) -> str:
    """The target as it may be printed: a database URL without its password."""
    if "://" not in target:
        return target
    from sqlalchemy.engine import make_url

    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is printed as the user typed it
        return target


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return (str(original).strip().splitlines() or [exc.__class__.__name__])[0]
