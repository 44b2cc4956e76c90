"""The one JSONL line parser: input articles, run output, resumed output and predictions.

Every JSONL file the project reads goes through `json_lines` and `parse_json_object`, so a
line means the same everywhere: UTF-8, one JSON object, numbers with a fraction or exponent
read straight into `Decimal` (never through a binary float), and a clear message when not.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import IO, Any

from vnfigures.errors import InputError

def json_lines(handle: IO[bytes], *, max_bytes: int | None = None) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each non-blank line; None for a line over `max_bytes` (unread).

    >>> import io
    >>> list(json_lines(io.BytesIO(b'{"a": 123}\\n\\n  \\n{"b": 2}'), max_bytes=8))
    [(1, None), (4, b'{"b": 2}')]
    """
    limit = -1 if max_bytes is None else max_bytes + 1
    number = 0
    while True:
        line = handle.readline(limit)
        if not line:
            return
        number += 1
        if max_bytes is not None and len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(handle, max_bytes)
            yield number, None
        elif line.strip():
            yield number, line


def _skip_rest_of_line(handle: IO[bytes], chunk: int) -> None:
    while True:
        part = handle.readline(chunk)
        if not part or part.endswith(b"\n"):
            return


def parse_json_object(line: bytes | str) -> dict[str, Any]:
    """One JSONL line as a JSON object, or `InputError` saying what is wrong with it.

    >>> parse_json_object(b'{"id": "a", "value": 0.1}')
    {'id': 'a', 'value': Decimal('0.1')}
    >>> parse_json_object('[1]')
    Traceback (most recent call last):
    ...
    vnfigures.errors.InputError: line is JSON list, not an object with an 'id'
    """
    try:
        record: Any = json.loads(line, parse_float=Decimal)
    except UnicodeDecodeError as exc:
        raise InputError(f"line is not valid UTF-8 (JSON must be UTF-8): {exc.reason}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"line is not JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(record, dict):
        raise InputError(f"line is JSON {type(record).__name__}, not an object with an 'id'")
    return record
