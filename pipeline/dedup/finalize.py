"""The end of a run: group every article of OUT.jsonl once, then write the two fields back.

Three streaming passes over OUT.jsonl, none holding texts: (1) ids, and the signature of each
line (from the side files; signed here only when a side file lost it); (2) the shingle sets of
the candidate rows only, as sorted 64-bit hashes; (3) when any record changes, a rewrite into
a temporary file renamed over OUT.jsonl (`os.replace`: a reader sees the old file or the new
one, never half), and the changed articles written again to the `--db` target (from a
fourth pass: only their positions are kept).
"""
from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from vnfigures.schemas import Article

from .config import DedupConfig, load_config
from .group import band_params, candidate_buckets, leaders
from .shingles import shingle_values, text_signature, value_jaccard
from .store import read_signatures

#: How a record with no near-duplicate ends (the fields' defaults), as its JSON line spells it.
_UNIQUE = '"duplicate_of":null,"duplicates":1'
_DECODER = json.JSONDecoder()
#: The two fields as a record's JSON spells them, any spacing. Only the record's own fields
#: match: inside a string value every quote is escaped.
_FIELDS = re.compile(r'"duplicate_of"\s*:\s*(null|"(?:[^"\\]|\\.)*")\s*,\s*"duplicates"\s*:\s*(\d+)')


@dataclass
class DedupStats:
    """What the grouping found, saved in the run summary."""

    articles: int = 0
    groups: int = 0  # groups of two or more articles
    copies: int = 0  # articles with a duplicate_of
    signed_at_end: int = 0  # signatures missing from the side files, computed from OUT.jsonl
    changed: int = 0  # records rewritten
    seconds: float = 0.0

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def line_id(line: str) -> str | None:
    """The `id` of an article line without parsing the whole record (it is the first field)."""
    try:
        if line.startswith('{"id":'):
            value, _ = _DECODER.raw_decode(line, len(line) - len(line[6:].lstrip()))  # `{"id": "a"` too
        else:
            value = json.loads(line).get("id")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def _text(line: str) -> str:
    return str(json.loads(line).get("text") or "")


def _lines(output: Path) -> Iterator[str]:
    with open(output, encoding="utf-8") as handle:
        yield from (line.rstrip("\n") for line in handle)


def _signatures(output: Path, folder: Path, config: DedupConfig, stats: DedupStats) -> tuple[list[str | None], list[int], np.ndarray]:
    """Pass 1: the id of every line, the rows that have a signature, and their signatures."""
    ids = [line_id(line) for line in _lines(output)]
    stored = read_signatures(folder, {i for i in ids if i is not None}, config)
    rows, values = [], []
    for row, line in enumerate(_lines(output)):
        if ids[row] is None:
            continue
        sig = stored.pop(ids[row], None)  # type: ignore[arg-type]
        if sig is None:
            sig = text_signature(_text(line), config)
            stats.signed_at_end += sig is not None
        if sig is not None:
            rows.append(row)
            values.append(sig)
    matrix = np.vstack(values) if values else np.zeros((0, config.num_perm), dtype=np.uint32)
    return ids, rows, matrix


def _shingle_hashes(output: Path, wanted: set[int], config: DedupConfig) -> dict[int, np.ndarray]:
    """Pass 2: the sorted, unique 64-bit values of the shingles of each wanted line."""
    return {row: shingle_values(_text(line), config) for row, line in enumerate(_lines(output)) if row in wanted}


def group_rows(output: Path, folder: Path, order: Mapping[str, int], threshold: float,
               config: DedupConfig) -> tuple[list[str | None], list[tuple[str | None, int]], DedupStats]:
    """Every line's id and its target `(duplicate_of, duplicates)`."""
    stats = DedupStats()
    ids, rows, matrix = _signatures(output, folder, config, stats)
    bands, per_band = band_params(threshold, config.num_perm, config.candidate_recall)
    buckets = list(candidate_buckets(matrix, bands, per_band))
    hashes = _shingle_hashes(output, {rows[i] for bucket in buckets for i in bucket.tolist()}, config)
    rank = [order.get(ids[row] or "", len(order) + row) for row in rows]  # input order, else file order

    def similarity(i: int, j: int) -> float:
        return value_jaccard(hashes[rows[i]], hashes[rows[j]])

    targets: list[tuple[str | None, int]] = [(None, 1)] * len(ids)
    for index, (lead, size) in enumerate(leaders(len(rows), buckets, rank, similarity, threshold)):
        targets[rows[index]] = (None if lead == index else ids[rows[lead]], size)
    stats.articles = sum(i is not None for i in ids)
    stats.copies = sum(t[0] is not None for t in targets)
    stats.groups = sum(1 for t in targets if t[0] is None and t[1] > 1)
    return ids, targets, stats


def _fields_json(target: tuple[str | None, int]) -> str:
    return f'"duplicate_of":{json.dumps(target[0], ensure_ascii=False)},"duplicates":{target[1]}'


def _changed_line(line: str, target: tuple[str | None, int]) -> str | None:
    """`line` saying `target`, or None when it says so already (or is not a record).

    WHY the fields are replaced in the text: parsing and dumping a whole record with its
    figures, for every copy, was a third of the grouping's time. A record without the two
    fields (or where they cannot be found once) goes through the model instead.
    """
    if target == (None, 1) and _UNIQUE in line:
        return None
    found = list(_FIELDS.finditer(line)) if line.endswith("}") else []
    if len(found) == 1:
        match = found[0]
        if (json.loads(match[1]), int(match[2])) == target:
            return None
        return line[:match.start()] + _fields_json(target) + line[match.end():]
    try:
        article = Article.model_validate_json(line)
    except ValueError:
        return None  # not a record (a torn line of a killed run, redone by --resume): kept as is
    if (article.duplicate_of, article.duplicates) == target:
        return None
    return article.model_copy(update={"duplicate_of": target[0], "duplicates": target[1]}).model_dump_json()


def _record(line: str) -> Article | None:
    try:
        return Article.model_validate_json(line)
    except ValueError:
        return None  # a line the model refuses has no database row to update either


def apply(output: Path, targets: list[tuple[str | None, int]], db: str | None) -> int:
    """Pass 3: rewrite OUT.jsonl (atomically), then the `--db` rows of every changed record.

    Only the changed rows' positions are kept, never their records: the database rows are
    written from a fourth pass over the new file.
    """
    changed: set[int] = set()
    temp = output.with_name(output.name + ".dedup-tmp")
    try:
        with open(temp, "w", encoding="utf-8") as out:
            for row, line in enumerate(_lines(output)):
                new = _changed_line(line, targets[row]) if line.strip() else None
                out.write((line if new is None else new) + "\n")
                if new is not None:
                    changed.add(row)
        if changed:
            os.replace(temp, output)
    finally:
        temp.unlink(missing_ok=True)
    if changed and db is not None:
        from vnfigures.export import open_sink

        with open_sink(db) as sink:
            for row, line in enumerate(_lines(output)):
                article = _record(line) if row in changed else None
                if article is not None:
                    sink.write(article)
    return len(changed)


def finalize(output: Path, folder: Path, order: Mapping[str, int], threshold: float, db: str | None = None,
             config: DedupConfig | None = None) -> DedupStats:
    """Group the articles of `output` and write `duplicate_of`/`duplicates` into it and `db`."""
    started = time.monotonic()
    config = config or load_config()
    if not output.exists():
        return DedupStats()
    _, targets, stats = group_rows(output, folder, order, threshold, config)
    stats.changed = apply(output, targets, db)
    stats.seconds = round(time.monotonic() - started, 3)
    return stats
