"""Where a run writes: records, failures, summary, and what a resumed run may skip.

`OUT.jsonl` gets one article per line and `OUT.failures.jsonl` one `Failure` per line (OUT is
the output path without its `.jsonl`); `OUT.summary.json` the run's counts. A line is written
whole and flushed before the next, so a killed run leaves at most one torn last line, which
`load_done` truncates away before a `--resume` run appends.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from pydantic import BaseModel, Field, computed_field

from vnfigures.errors import InputError
from vnfigures.read.jsonl import parse_json_object


@dataclass(frozen=True)
class OutputPaths:
    """The files of one run, derived from the `-o` path."""

    output: Path

    @property
    def stem(self) -> Path:
        name = self.output.name
        return self.output.with_name(name[: -len(".jsonl")] if name.endswith(".jsonl") else name)

    @property
    def failures(self) -> Path:
        return self.stem.with_name(self.stem.name + ".failures.jsonl")

    @property
    def summary(self) -> Path:
        return self.stem.with_name(self.stem.name + ".summary.json")

    @property
    def parts(self) -> Path:
        return self.stem.with_name(self.stem.name + ".parts")


@dataclass
class DoneSet:
    """Ids (and, for id-less failures, input locations) already written by an earlier run."""

    ids: set[str] = field(default_factory=set)
    origins: set[str] = field(default_factory=set)
    truncated_bytes: int = 0

    def __contains__(self, key: tuple[str | None, str | None]) -> bool:
        article_id, origin = key
        if article_id is not None:
            return article_id in self.ids
        return origin is not None and origin in self.origins

    def add_line(self, record: dict[str, object]) -> None:
        article_id, origin = record.get("id"), record.get("input")
        if isinstance(article_id, str):
            self.ids.add(article_id)
        elif isinstance(origin, str):
            self.origins.add(origin)


def load_done(*paths: Path) -> DoneSet:
    """Read the ids already written to `paths`, cutting each file after its last whole line.

    A line that is not whole JSON (the torn end of a killed run) and everything after it are
    truncated away, so those articles are processed again and appended.
    """
    done = DoneSet()
    for path in paths:
        if path.exists():
            done.truncated_bytes += _scan_and_truncate(path, done)
    return done


def _scan_and_truncate(path: Path, done: DoneSet) -> int:
    good_end = 0
    with open(path, "rb+") as handle:
        for line in handle:
            record = _parse(line) if line.endswith(b"\n") else None
            if record is None:
                break
            done.add_line(record)
            good_end += len(line)
        size = handle.seek(0, 2)
        if size > good_end:
            handle.truncate(good_end)
    return size - good_end


def _parse(line: bytes) -> dict[str, object] | None:
    try:
        return parse_json_object(line)
    except InputError:
        return None


class LineWriter:
    """Append whole lines to a JSONL file, flushed one by one; opened on the first line."""

    def __init__(self, path: Path, *, append: bool) -> None:
        self.path = path
        self.lines = 0
        self._handle: IO[str] | None = None
        if not append:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("", encoding="utf-8")  # a fresh run starts from empty files

    def write(self, line: str) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115
        self._handle.write(line + "\n")
        self._handle.flush()
        self.lines += 1

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


class RunSummary(BaseModel):
    """What a run did. `read == written + failed + sum(skipped.values())` always holds."""

    read: int = 0
    written: int = 0
    failed: int = 0
    skipped: dict[str, int] = Field(default_factory=dict, description="skip reason -> count")
    seconds: float = 0.0
    articles_per_second: float = 0.0
    engine: str = "local"
    workers: int = 1
    interrupted: bool = False
    output: str = ""
    failures: str = ""
    worker_peak_rss_mb: dict[str, float] = Field(default_factory=dict)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def skipped_total(self) -> int:
        """All skips, whatever the reason (saved too, so the balance reads off the file)."""
        return sum(self.skipped.values())

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def balanced(self) -> bool:
        return self.read == self.written + self.failed + self.skipped_total

    def save(self, path: Path) -> None:
        path.write_text(self.model_dump_json(indent=2) + "\n", encoding="utf-8")
