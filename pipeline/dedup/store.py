"""The side files of signatures: written by the workers as they go, read once at the end.

Each process appends to its own file in `OUT.signatures/` (no locking, any engine: a Dask
worker writes there as it writes its part files, so the folder must be shared the same way).
A file opens with a header naming the settings its signatures were made with; a file made
with other settings is ignored and those articles are signed again from OUT.jsonl. Lines are
`{"id": ..., "sig": base64 of num_perm little-endian uint32}`; a torn last line (a killed
worker) is skipped, and so is any signature of an article that OUT.jsonl does not hold.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import numpy as np

from .config import DedupConfig, load_config
from .shingles import SCHEME, text_signature

SUFFIX = ".signatures"
_HANDLES: dict[tuple[str, int], IO[str]] = {}


def side_folder(output: str | os.PathLike[str]) -> Path:
    """Where the signatures of a run writing `output` go: `out/run.jsonl` -> `out/run.signatures/`."""
    path = Path(output).resolve()
    return path.with_name(path.stem + SUFFIX)


def reset(folder: Path) -> None:
    """Forget the signatures of an earlier run (a run that does not resume starts afresh)."""
    close(folder)
    shutil.rmtree(folder, ignore_errors=True)


def close(folder: Path) -> None:
    """Close this process's side file of `folder` (the next signature opens a new one)."""
    handle = _HANDLES.pop((str(folder), os.getpid()), None)
    if handle is not None:
        handle.close()


def _header(config: DedupConfig) -> dict[str, object]:
    return {"scheme": SCHEME, "num_perm": config.num_perm, "seed": config.seed,
            "shingle_words": config.shingle_words}


def _handle(folder: str, config: DedupConfig) -> IO[str]:
    """This process's open side file (one per process and folder, opened on first use)."""
    key = (folder, os.getpid())
    handle = _HANDLES.get(key)
    if handle is not None and not os.path.exists(handle.name):
        handle.close()  # a worker that outlives a run (a remote Dask cluster): the new run reset the folder
        handle = None
    if handle is None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        name = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}.jsonl"
        handle = _HANDLES[key] = open(Path(folder) / name, "a", encoding="utf-8")  # noqa: SIM115 - kept open
        handle.write(json.dumps(_header(config)) + "\n")
    return handle


def append(folder: str, article_id: str, text: str, config: DedupConfig | None = None) -> None:
    """Sign one processed article and append its signature (a text without words has none)."""
    config = config or load_config()
    values = text_signature(text, config)
    if values is None:
        return
    handle = _handle(folder, config)
    encoded = base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")
    handle.write(json.dumps({"id": article_id, "sig": encoded}, ensure_ascii=False) + "\n")
    handle.flush()  # a line per article reaches the file even if this worker is killed later


def read_signatures(folder: Path, wanted: set[str], config: DedupConfig | None = None) -> dict[str, np.ndarray]:
    """The signature of every article of `wanted` found in the side files of `folder`."""
    config = config or load_config()
    found: dict[str, np.ndarray] = {}
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        for article_id, values in _read_file(path, config):
            if article_id in wanted and len(values) == config.num_perm:
                found[article_id] = values
    return found


def _read_file(path: Path, config: DedupConfig) -> Iterator[tuple[str, np.ndarray]]:
    with open(path, encoding="utf-8") as handle:
        lines = iter(handle)
        try:
            if json.loads(next(lines)) != _header(config):
                return  # signatures made with other settings: not comparable
        except (StopIteration, ValueError):
            return
        for line in lines:
            try:
                record = json.loads(line)
                values = np.frombuffer(base64.b64decode(record["sig"], validate=True), dtype="<u4")
            except (ValueError, KeyError, TypeError):
                continue  # a torn last line of a killed worker
            yield str(record["id"]), values.astype(np.uint32)
