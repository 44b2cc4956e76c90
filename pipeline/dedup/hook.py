"""The runner's one handle on near-duplicate detection: where signatures go, input order, finish.

`vnfig run` makes one `NearDuplicates` per run; its three touch points are all it knows:
`signatures` (the folder workers append to, via `StepsSpec`), `track` (wraps the input stream
to note each article's position in input order) and `finish` (groups and applies at the end).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from .config import load_config
from .finalize import finalize
from .store import close, reset, side_folder

R = TypeVar("R")


class NearDuplicates:
    """Near-duplicate detection for one run writing `output` (a no-op when not `enabled`)."""

    def __init__(self, output: Path, *, enabled: bool = True, threshold: float | None = None,
                 resume: bool = False) -> None:
        self.output = Path(output)
        self.enabled = enabled
        self.threshold = load_config().threshold if threshold is None else threshold
        self.folder = side_folder(output)
        self.order: dict[str, int] = {}
        if enabled and not resume:
            reset(self.folder)  # signatures of an earlier run of another input are not ours

    @property
    def signatures(self) -> str | None:
        """The side folder workers append signatures to, or None when detection is off."""
        return str(self.folder) if self.enabled else None

    def track(self, records: Iterable[R]) -> Iterator[R]:
        """Pass the records on, noting the input position of each article id (first seen)."""
        for record in records:
            article_id = getattr(record, "id", None)
            if self.enabled and article_id is not None:
                self.order.setdefault(article_id, len(self.order))
            yield record

    def finish(self, summary: Any, db: str | None = None) -> None:
        """Group and apply once the run is whole, into `summary.near_duplicates`.

        An interrupted run (or Ctrl-C while grouping: OUT.jsonl is then left as it was) is
        grouped by the `--resume` that finishes it.
        """
        if not self.enabled:
            return
        close(self.folder)  # signatures written in this process (one worker) reach the file
        if summary.interrupted:
            return
        try:
            summary.near_duplicates = finalize(self.output, self.folder, self.order, self.threshold, db).as_dict()
        except KeyboardInterrupt:
            summary.interrupted = True
