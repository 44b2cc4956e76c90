"""Stop a run cleanly on Ctrl-C or SIGTERM: finish the line being written, then unwind.

Python's own Ctrl-C can land anywhere, even between writing an output line and counting it,
and SIGTERM (what `kill`, systemd and Slurm send) would kill the run with no summary. Here
both raise `Stopped` (a KeyboardInterrupt, so the usual clean-up runs), but never inside a
`critical()` section: a signal arriving there is raised when the section ends.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

#: Exit status of a run stopped by each signal (128 + the signal number, as shells report).
EXIT_STATUS = {signal.SIGINT: 130, signal.SIGTERM: 143}


class Stopped(KeyboardInterrupt):
    """The run was stopped by `signum`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class StopSignals:
    """Install the handlers for the run's duration (main thread only; elsewhere a no-op)."""

    def __init__(self) -> None:
        self._depth = 0
        self._pending: int | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for signum in EXIT_STATUS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous.clear()

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self._depth:
            self._pending = signum
            return
        raise Stopped(signum)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        """A section no stop may cut in two (write a line and count it)."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth and self._pending is not None:
                signum, self._pending = self._pending, None
                raise Stopped(signum)
