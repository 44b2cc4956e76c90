"""Guard a run's outputs: never read them as inputs, never clobber them, never share them.

Three faults this module exists for, each seen in practice: an output inside an input folder
that the run reads back as input (and grows forever); `-o` naming an input file, which a
fresh run would empty; and two runs appending to the same files at once. So: the run's own
files are excluded from its inputs, an output that *is* an input is a usage error, an
existing OUT.jsonl is kept unless `--resume` or `--overwrite` says what to do with it, and a
run holds an exclusive `flock` on `OUT.jsonl.lock` while it writes.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from vnfigures.read.inputs import STDIN


class UsageError(RuntimeError):
    """The run was asked for something it must refuse before opening anything (exit 2)."""


def resolved(path: Path) -> Path:
    """`path` made absolute with symbolic links followed, so two spellings compare equal."""
    return Path(os.path.realpath(path))


def db_file(target: str | None) -> Path | None:
    """The local file or folder a `--db` target writes (SQLite file, Parquet folder), if any."""
    if target is None:
        return None
    from vnfigures.export import parse_target

    parsed = parse_target(target)
    if parsed.kind == "parquet":
        return Path(parsed.location)
    scheme, _, rest = parsed.location.partition(":///")
    return Path(rest) if scheme.startswith("sqlite") and rest and rest != ":memory:" else None


def check_not_an_input(sources: Iterable[str], outputs: Iterable[Path]) -> None:
    """Refuse a run whose output file is one of its input files (it would be emptied)."""
    inputs = {resolved(Path(s)) for s in sources if s != STDIN and not Path(s).is_dir()}
    for output in outputs:
        if resolved(output) in inputs:
            raise UsageError(f"{output} is both an input and an output of this run: "
                             "give another -o (or --db) path")


def check_fresh(output: Path, failures: Path, *, resume: bool, overwrite: bool) -> None:
    """Keep an earlier run's output unless the user said to continue it or to replace it."""
    if resume or overwrite:
        return
    for path in (output, failures):
        if path.exists() and path.stat().st_size > 0:
            raise UsageError(f"{path} already exists: add --resume to continue that run, "
                             "or --overwrite to start again and replace it")


class OutputLock:
    """An exclusive, non-blocking `flock` on `OUT.jsonl.lock`, released when the run ends.

    The kernel drops the lock when the holder dies, so a killed run never leaves it stale;
    the file itself stays (removing it would race with a run that just opened it).
    """

    def __init__(self, output: Path) -> None:
        self.path = output.with_name(output.name + ".lock")
        self._handle: IO[str] | None = None

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the run
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.seek(0)
            pid = handle.read().strip()
            handle.close()
            holder = f"pid {pid}" if pid else "another process"
            raise UsageError(f"another run is writing to this output ({self.path} is locked by "
                             f"{holder}); wait for it to finish or give another -o") from exc
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor releases the flock
            self._handle = None
