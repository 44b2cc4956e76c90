"""Discover and read inputs into `Article` records, one at a time (never a whole list).

Inputs are `.txt` files (scraped text), `.html`/`.htm` files (saved pages), `.jsonl` files
(one article per line: `id`, `text` or `html`, optional `title`, `url`, `published`,
`source`), directories (recursed in sorted order, those extensions only) and `-` (JSONL on
stdin). Anything that cannot be read becomes a `Failure` with step "read" in the stream, so a
batch never stops on a bad file.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from vnfigures.errors import InputError
from vnfigures.read.decode import decode_bytes, repair_mojibake
from vnfigures.read.jsonl import json_lines, parse_json_object
from vnfigures.schemas import Article, Failure

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
JSONL_SUFFIX = ".jsonl"
STDIN = "-"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)""", re.I)
_OPTIONAL_FIELDS = ("title", "url", "published", "source")

Record = Article | Failure


def read_failure(error: Exception, origin: str, article_id: str | None = None) -> Failure:
    """The failure record of an input that could not be read."""
    return Failure(id=article_id, input=origin, step=getattr(error, "step", "read"),
                   error=type(error).__name__, message=str(error) or type(error).__name__)


def iter_inputs(sources: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: IO[bytes] | None = None) -> Iterator[Record]:
    """Yield one `Article` (or read `Failure`) per input article, in input order."""
    for source in sources:
        if source == STDIN:
            yield from read_jsonl(stdin or sys.stdin.buffer, "stdin", max_bytes=max_bytes)
        elif Path(source).is_dir():
            yield from _read_directory(Path(source), max_bytes)
        else:
            path = Path(source)
            yield from _read_path(path, path.stem, max_bytes)


def _read_directory(root: Path, max_bytes: int) -> Iterator[Record]:
    for path in walk_inputs(root):
        if isinstance(path, Failure):
            yield path
            continue
        article_id = path.relative_to(root).with_suffix("").as_posix()
        yield from _read_path(path, article_id, max_bytes)


def walk_inputs(root: Path) -> Iterator[Path | Failure]:
    """Input files under `root`, depth first in sorted order; unlistable folders as failures.

    Symbolic links to folders are not followed (no cycles); links to files are, so a broken
    link shows up as a failure when it is read.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        error = InputError(f"cannot list folder {root}: {exc.strerror or exc}")
        yield read_failure(error, str(root))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from walk_inputs(path)
        elif path.suffix.lower() in TEXT_SUFFIXES or path.suffix.lower() == JSONL_SUFFIX:
            yield path


def _read_path(path: Path, article_id: str, max_bytes: int) -> Iterator[Record]:
    if path.suffix.lower() == JSONL_SUFFIX:
        try:
            handle = _open_regular(path, max_bytes=None)
        except InputError as exc:
            yield read_failure(exc, str(path))
            return
        with handle:
            yield from read_jsonl(handle, str(path), max_bytes=max_bytes, source=path.name)
        return
    try:
        yield read_file(path, article_id, max_bytes=max_bytes)
    except InputError as exc:
        yield read_failure(exc, str(path), article_id)


def _open_regular(path: Path, *, max_bytes: int | None) -> IO[bytes]:
    """Open a regular file for reading, or raise `InputError` saying why it cannot be read.

    The type and size are checked before opening: opening a FIFO would block the batch, and a
    file over the cap is refused without reading it.
    """
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        kind = "broken symbolic link" if path.is_symlink() else "file does not exist"
        raise InputError(f"cannot read {path}: {kind}") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"cannot read {path}: not a regular file ({_file_type(info.st_mode)})")
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(
            f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit; "
            "raise --max-bytes to read it"
        )
    try:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a special file"


def read_file(path: Path, article_id: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one `.txt`/`.html` file into an article (format by extension; others as text)."""
    raw_format = TEXT_SUFFIXES.get(path.suffix.lower(), "text")
    with _open_regular(path, max_bytes=max_bytes) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"file is over the {max_bytes:,}-byte limit; raise --max-bytes to read it")
    declared = _declared_charset(data) if raw_format == "html" else None
    decoded = decode_bytes(data, declared=declared)
    flags = [f"encoding:{decoded.encoding}"] if decoded.legacy else []
    return Article(id=article_id, source=path.name, raw=decoded.text, raw_format=raw_format,
                   origin=str(path), flags=flags)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_jsonl(handle: IO[bytes], name: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
               source: str | None = None) -> Iterator[Record]:
    """One article (or failure) per non-blank line; an over-long line is skipped unread."""
    for number, line in json_lines(handle, max_bytes=max_bytes):
        origin = f"{name}:{number}"
        if line is None:
            yield read_failure(InputError(
                f"line is over the {max_bytes:,}-byte limit; raise --max-bytes to read it"), origin)
            continue
        try:
            yield parse_jsonl_line(line, origin, source=source)
        except InputError as exc:
            yield read_failure(exc, origin, getattr(exc, "article_id", None))


def parse_jsonl_line(line: bytes, origin: str, *, source: str | None = None) -> Article:
    """Parse one JSONL line into an article, or raise `InputError` naming what is wrong."""
    return article_from_mapping(parse_json_object(line), origin, source=source)


def article_from_mapping(record: Mapping[str, Any], origin: str, *, source: str | None = None) -> Article:
    """The input article of one JSONL-shaped record (`id`, `text` or `html`, optional fields)."""
    article_id = record.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        raise InputError("line has no 'id' (a non-empty string is required)")
    try:
        return _article_from_record(record, article_id, origin, source)
    except InputError as exc:
        exc.article_id = article_id  # type: ignore[attr-defined]
        raise


def _article_from_record(record: Mapping[str, Any], article_id: str, origin: str,
                         source: str | None) -> Article:
    raw_format = "html" if isinstance(record.get("html"), str) else "text"
    raw = record.get(raw_format)
    if not isinstance(raw, str):
        raise InputError("line has neither a 'text' nor an 'html' string")
    if not raw.strip():
        raise InputError(f"the article's '{raw_format}' is empty")
    fields = {}
    for key in _OPTIONAL_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"'{key}' must be a string, not {type(value).__name__}")
        fields[key] = value
    fields["source"] = fields["source"] or source
    repaired = repair_mojibake(raw)
    flags = [f"encoding:{repaired.encoding}"] if repaired is not None else []
    raw = repaired.text if repaired is not None else raw
    return Article(id=article_id, raw=raw, raw_format=raw_format, origin=origin, flags=flags, **fields)
