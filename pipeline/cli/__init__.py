"""The `vnfig` command line: one typer app, each command family in its own module.

Every module exposes `register(app)`; this file only assembles them, so a command family can
be added or swapped without touching the others.
"""
from __future__ import annotations

import importlib

import typer

from vnfigures.version import __version__

COMMAND_MODULES = ("run", "extract", "evaluate", "gold", "export", "schema")

app = typer.Typer(
    name="vnfig",
    help="Figures (households, money, houses, tonnage, people …) from Vietnamese news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vnfigures {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Figures (households, money, houses, tonnage, people …) from Vietnamese news articles."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"vnfigures.cli.{_name}").register(app)


def main() -> None:
    """Console-script entry point (`vnfig`)."""
    app()
