"""The evaluation gate's baseline: pinned scores plus a hash of the gold corpus they came from.

A score may not fall below its baseline by more than a small tolerance; when the gold files
change, the hash tells that the numbers are no longer comparable (refresh the baseline with
`vnfig eval GOLD_DIR --write-baseline tests/eval_baseline.json`).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .score import LOCATED_FIELDS, Scores

#: How far a score may fall below its baseline before the gate fails (F1 points, 0..1).
TOLERANCE = 0.005


def corpus_sha256(paths: Iterable[Path]) -> str:
    """sha256 over the gold files' names and bytes, in name order (independent of location)."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def gate_scores(scores: Scores) -> dict[str, float]:
    """The flat table the gate pins: value, full and core F1, F1 per kind (value level), and
    the §8 accuracy of province (`place`) and year on value-matched figures, when gold has them."""
    flat = {
        "value_f1": scores.overall("value").f1,
        "full_f1": scores.overall("full").f1,
        "core_value_f1": scores.core("value").f1,
        "core_full_f1": scores.core("full").f1,
    }
    for kind, counts in scores.per_kind("value").items():
        if counts.tp + counts.fn:  # a kind absent from gold has no recall to pin
            flat[f"kind.{kind}.value_f1"] = counts.f1
    for level in LOCATED_FIELDS:
        located = scores.located(level)
        if located.matched:
            flat[f"{level}.accuracy"] = located.accuracy
    return {name: round(value, 4) for name, value in flat.items()}


def make_baseline(scores: Scores, gold_paths: Iterable[Path], gold_dir: str) -> dict:
    """The baseline document written to `tests/eval_baseline.json`."""
    paths = list(gold_paths)
    return {
        "gold_dir": gold_dir,
        "gold_files": len(paths),
        "corpus_sha256": corpus_sha256(paths),
        "tolerance": TOLERANCE,
        "scores": gate_scores(scores),
        "refresh": "vnfig eval ../shared/corpus/gold --write-baseline tests/eval_baseline.json",
    }


class BaselineRegression(ValueError):
    """Writing the baseline would lower floors the gate holds (and nobody asked for that)."""

    def __init__(self, path: Path, lowered: list[str]) -> None:
        self.lowered = lowered
        super().__init__(f"{path}: the new baseline would lower {len(lowered)} floor(s): "
                         + "; ".join(lowered) + " (pass --allow-regression to write it anyway)")


def write_baseline(path: str | Path, baseline: dict, *, allow_regression: bool = False) -> None:
    """Write `baseline` to `path` atomically, refusing to lower any floor of the file there.

    WHY refuse: the file is the gate; a refresh run on a worse pipeline would silently move
    the floors down to it. A floor may fall only when asked (`allow_regression`), e.g. after a
    deliberate change of the gold files. The file is written beside itself and renamed, so an
    interrupted write never leaves a half-written gate.
    """
    target = Path(path)
    if target.exists() and not allow_regression:
        lowered = lowered_floors(_read_existing(target), baseline)
        if lowered:
            raise BaselineRegression(target, lowered)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed or removed
        "w", encoding="utf-8", dir=target.parent or Path("."), prefix=f".{target.name}.", delete=False)
    try:
        with handle:
            handle.write(json.dumps(baseline, indent=1, sort_keys=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _read_existing(path: Path) -> dict:
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineRegression(path, [f"the file there is not a readable baseline ({exc})"]) from exc
    if not isinstance(existing, dict) or not isinstance(existing.get("scores"), dict):
        raise BaselineRegression(path, ["the file there is not a baseline (no 'scores' table)"])
    return existing


def lowered_floors(old: dict, new: dict) -> list[str]:
    """Every floor of `old` that `new` sets lower or no longer holds (no tolerance).

    >>> lowered_floors({"scores": {"value_f1": 0.8, "full_f1": 0.7}}, {"scores": {"value_f1": 0.81}})
    ['full_f1: no longer measured (baseline 0.7000)']
    >>> lowered_floors({"scores": {"value_f1": 0.8}}, {"scores": {"value_f1": 0.7999}})
    ['value_f1: 0.7999 < baseline 0.8000 - 0.0']
    """
    return drops(old, new["scores"], tolerance=0.0)


def drops(baseline: dict, current: dict[str, float], tolerance: float | None = None) -> list[str]:
    """Every pinned score that the current run undercuts by more than the tolerance.

    >>> drops({"scores": {"value_f1": 0.8, "kind.money.value_f1": 0.9}}, {"value_f1": 0.796})
    ['kind.money.value_f1: no longer measured (baseline 0.9000)']
    >>> drops({"scores": {"value_f1": 0.8}}, {"value_f1": 0.79})
    ['value_f1: 0.7900 < baseline 0.8000 - 0.005']
    """
    tol = baseline.get("tolerance", TOLERANCE) if tolerance is None else tolerance
    out = []
    for name, pinned in baseline["scores"].items():
        if name not in current:
            out.append(f"{name}: no longer measured (baseline {pinned:.4f})")
        elif current[name] < pinned - tol:
            out.append(f"{name}: {current[name]:.4f} < baseline {pinned:.4f} - {tol}")
    return out
