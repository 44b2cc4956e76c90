"""Bring a `--db` target level with OUT.jsonl when a run resumes.

A run writes each article's JSONL line first, and the database gets it in batches that
commit later (one commit per article would be slow), so a run killed between the two leaves
articles in OUT.jsonl that the database lacks. `--resume` trusts OUT.jsonl, so before it
goes on it writes every article of OUT.jsonl that the target does not hold; after the
resume the target holds every article of OUT.jsonl.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from vnfigures.schemas import Article

#: The id at the head of a line written by `Article.model_dump_json` (id is the first field).
_HEAD_ID = re.compile(r'^\{"id":("(?:[^"\\]|\\.)*")')


def line_id(line: str) -> str | None:
    """The id of an output line, read from its head when possible (no full parse)."""
    match = _HEAD_ID.match(line)
    if match:
        return json.loads(match.group(1))
    try:
        record = json.loads(line)
    except ValueError:
        return None
    value = record.get("id") if isinstance(record, dict) else None
    return value if isinstance(value, str) else None


def reconcile(sink: Any, output: Path, written: set[str]) -> int:
    """Write to `sink` the articles of `output` (ids `written`) it lacks; return how many."""
    missing = written - sink.stored_ids()
    if not missing or not output.exists():
        return 0
    count = 0
    with open(output, encoding="utf-8") as handle:
        for line in handle:
            if line_id(line) in missing:
                sink.write(Article.model_validate_json(line))
                count += 1
    return count
