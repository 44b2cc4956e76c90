"""`vnfig extract FILE`: one article's figures as a readable table, for a quick look."""
from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from vnfigures.schemas import Article


def register(app: typer.Typer) -> None:
    """Add the `extract` command to the `vnfig` app."""
    app.command("extract")(extract)


def extract(
    file: str = typer.Argument(..., help="A .txt or .html article, or '-' for text on standard input."),
    ner: bool = typer.Option(True, "--ner/--no-ner", help="Also list people, organisations and places."),
    as_json: bool = typer.Option(False, "--json", help="Print the article record as JSON instead."),
) -> None:
    """Print the figures of one article as a table."""
    from vnfigures.api import to_article
    from vnfigures.errors import ArticleError
    from vnfigures.steps import default_steps, run_steps

    try:
        article = to_article(sys.stdin.read() if file == "-" else _existing(Path(file)), default_id="stdin")
        article = run_steps(article, default_steps(ner=ner))
    except ArticleError as exc:
        typer.echo(f"{file}: {exc.__class__.__name__}: {exc}", err=True)
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(article.model_dump_json(indent=2))
        return
    console = Console()
    console.print(figure_table(article))
    if article.entities:
        console.print(", ".join(f"{e.text} [{e.label.value}]" for e in article.entities))


def _existing(path: Path) -> Path:
    """The path itself, read later by extension (.html/.htm as a page) like `vnfig run` does."""
    if not path.is_file():
        typer.echo(f"no such file: {path}", err=True)
        raise typer.Exit(2)
    return path


def figure_table(article: Article) -> Table:
    """A rich table with one row per figure, in reading order."""
    table = Table(title=f"{article.id}: {len(article.figures)} figures", show_lines=False)
    for column in ("text", "kind", "value", "max", "unit", "qualifier", "modality", "subject", "per"):
        table.add_column(column, overflow="fold")
    for f in article.figures:
        table.add_row(
            f.text, f.kind.value, f"{f.value:,}", "" if f.value_max is None else f"{f.value_max:,}",
            f.unit, f.qualifier.value, f.modality.value, f.subject, f.per or "",
        )
    return table
