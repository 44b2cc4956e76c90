"""`vnfig extract FILE`: one article's figures as a readable table, for a quick look."""
from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from vnfigures.schemas import Article, Figure

#: Columns whose cells are closed vocabularies or numbers: never wrapped inside a word.
CLOSED = ("kind", "value", "max", "unit", "qualifier", "modality")
#: Columns left out when no figure of the article fills them.
OPTIONAL = ("max", "per")
#: Fields the one-figure-per-line view gives after the reading (`kind value unit`), with labels.
_LABELS = {"qualifier": "", "modality": "", "subject": "subject: ", "per": "per: "}


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
    console.print(figure_view(article, console.width))
    for line in flag_lines(article):
        console.print(line, markup=False)
    if article.entities:
        console.print(", ".join(f"{e.text} [{e.label.value}]" for e in article.entities), markup=False)


def _existing(path: Path) -> Path:
    """The path itself, read later by extension (.html/.htm as a page) like `vnfig run` does."""
    if path.is_dir():
        typer.echo(f"{path} is a folder; `vnfig extract` reads one article. For a folder, run "
                   f"`vnfig run {path} -o figures.jsonl`", err=True)
        raise typer.Exit(2)
    if not path.is_file():
        typer.echo(f"no such file: {path}", err=True)
        raise typer.Exit(2)
    return path


def flag_lines(article: Article) -> list[str]:
    """One line per flag of the record, with what it means when that is known."""
    from vnfigures.read.language import NOT_VIETNAMESE, NOT_VIETNAMESE_NOTE

    notes = {NOT_VIETNAMESE: NOT_VIETNAMESE_NOTE}
    return [f"flag {flag}" + (f": {notes[flag]}" if flag in notes else "") for flag in article.flags]


def _cells(f: Figure) -> dict[str, str]:
    return {
        "text": f.text, "kind": f.kind.value, "value": f"{f.value:,}",
        "max": "" if f.value_max is None else f"{f.value_max:,}", "unit": f.unit,
        "qualifier": f.qualifier.value, "modality": f.modality.value, "subject": f.subject, "per": f.per or "",
    }


def _columns(rows: list[dict[str, str]]) -> list[str]:
    names = ["text", "kind", "value", "max", "unit", "qualifier", "modality", "subject", "per"]
    return [n for n in names if n not in OPTIONAL or any(r[n] for r in rows)]


def _min_width(rows: list[dict[str, str]], columns: list[str]) -> int:
    """The narrowest table that wraps only between words: closed cells whole, others by word."""
    def need(name: str) -> int:
        cells = [name, *(r[name] for r in rows)]
        if name in CLOSED:
            return max(map(len, cells))
        return max(len(word) for cell in cells for word in (cell.split() or [""]))

    return sum(need(n) for n in columns) + 3 * len(columns) + 1  # padding 2 + one border each


def figure_view(article: Article, width: int) -> RenderableType:
    """The figure table when it fits `width` without breaking a word, else one figure per line."""
    rows = [_cells(f) for f in article.figures]
    columns = _columns(rows)
    if _min_width(rows, columns) <= width:
        return figure_table(article)
    lines = Text(f"{article.id}: {len(article.figures)} figures")
    for number, row in enumerate(rows):
        fields = ", ".join(_LABELS[name] + row[name] for name in columns if name in _LABELS and row[name])
        value = row["value"] + (f"–{row['max']}" if row["max"] else "")
        lines.append(f"\n{number:>3}  {row['text']}  →  {row['kind']} {value} {row['unit']}, {fields}")
    return lines


def figure_table(article: Article) -> Table:
    """A rich table with one row per figure, in reading order; closed columns never wrap."""
    rows = [_cells(f) for f in article.figures]
    columns = _columns(rows)
    table = Table(title=f"{article.id}: {len(article.figures)} figures", show_lines=False)
    for name in columns:
        table.add_column(name, no_wrap=name in CLOSED)
    for row in rows:
        table.add_row(*(row[name] for name in columns))
    return table
