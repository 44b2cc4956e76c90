"""How many CPUs this process may really use: the default number of workers.

`os.cpu_count()` counts the machine's CPUs, not ours: under `taskset`, a Slurm allocation or
a container's CPU quota it over-counts, and more workers than CPUs only add memory and
switching. So the default is the smallest of the CPUs we may run on (`sched_getaffinity`)
and the cgroup v2 quota (`cpu.max`), rounded up.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def cgroup_cpus(path: Path = CGROUP_CPU_MAX) -> int | None:
    """CPUs allowed by a cgroup v2 quota (`"200000 100000"` -> 2); None when unlimited/absent."""
    try:
        quota, _, period = path.read_text(encoding="ascii").strip().partition(" ")
    except OSError:
        return None
    if quota == "max" or not quota.isdigit() or not period.strip().isdigit() or int(period) == 0:
        return None
    return max(1, math.ceil(int(quota) / int(period)))


def available_cpus(cgroup: Path = CGROUP_CPU_MAX) -> int:
    """The CPUs this process may use (affinity and cgroup quota), at least 1."""
    try:
        count = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        count = os.cpu_count() or 1
    quota = cgroup_cpus(cgroup)
    return max(1, min(count, quota) if quota is not None else count)
