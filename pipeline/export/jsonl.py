"""Read a run's JSONL output exactly, and copy it into a target (`vnfig export`).

Figure values are JSON numbers; they are parsed straight into `Decimal`
(`parse_float=Decimal`), never through a binary float. A line that is not a valid article
becomes a `Failure` record and the export carries on with the next line.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from vnfigures.errors import InputError
from vnfigures.export.rows import ExportError
from vnfigures.export.targets import open_sink
from vnfigures.read.jsonl import json_lines, parse_json_object
from vnfigures.schemas import Article, Failure


@dataclass
class ExportReport:
    """What an export did: counts of rows written and the lines or articles it skipped."""

    articles: int = 0
    figures: int = 0
    entities: int = 0
    failures: list[Failure] = field(default_factory=list)


def read_records(path: str | Path) -> Iterator[Article | Failure]:
    """Each non-blank line of a run's output `path` as an `Article`, or a `Failure` saying why
    it is not one (the input articles of `vnfig run` are read by `vnfigures.read` instead)."""
    path = Path(path)
    with path.open("rb") as handle:
        for number, line in json_lines(handle):
            yield parse_record(line, origin=f"{path}:{number}")


def parse_record(line: bytes | str, *, origin: str) -> Article | Failure:
    """One output line as an `Article` with exact Decimal values, or a read `Failure`."""
    try:
        data = parse_json_object(line)
    except InputError as exc:
        return Failure(id=None, input=origin, step="read", error="InputError", message=str(exc))
    article_id = data.get("id")
    try:
        article = Article.model_validate(data)
    except ValidationError as exc:
        message = f"not an article record: {exc.error_count()} error(s), first: {_first_error(exc)}"
        return Failure(id=str(article_id) if article_id else None, input=origin, step="read",
                       error="InputError", message=message)
    article.origin = origin
    return article


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    location = ".".join(str(part) for part in error["loc"]) or "record"
    return f"{location}: {error['msg']}"


def export_jsonl(path: str | Path, target: str, *, batch_size: int = 100) -> ExportReport:
    """Copy every article of the JSONL output `path` into `target`; rerunning is idempotent."""
    report = ExportReport()
    with open_sink(target, batch_size=batch_size) as sink:
        for item in read_records(path):
            if isinstance(item, Failure):
                report.failures.append(item)
                continue
            try:
                sink.write(item)
            except ExportError as exc:
                report.failures.append(Failure(id=item.id, input=item.origin, step=exc.step,
                                               error=exc.__class__.__name__, message=str(exc)))
                continue
            report.articles += 1
            report.figures += len(item.figures)
            report.entities += len(item.entities)
    return report
