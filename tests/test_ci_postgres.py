"""`.ci/run` stops the private PostgreSQL server it started, when the tests pass and when they fail (#14.8).

The server binaries are stand-ins (VNFIG_PG_BIN) that log their calls, so no real server runs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FAKES = {
    "initdb": 'while [ "$1" != -D ]; do shift; done; mkdir -p "$2"; echo 15 > "$2/PG_VERSION"',
    "pg_isready": '[ -e "$FAKE_PG_LOG.running" ]',
    "pg_ctl": 'echo "pg_ctl ${@: -1}" >> "$FAKE_PG_LOG"; '
              'if [ "${@: -1}" = start ]; then touch "$FAKE_PG_LOG.running"; else rm -f "$FAKE_PG_LOG.running"; fi',
    "psql": "cat > /dev/null",
}


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder the server's owner can write to too: as root, the script runs pg_ctl as `postgres`."""
    folder = Path(tempfile.mkdtemp(prefix="vnfig-ci-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _fake_bin(folder: Path) -> Path:
    folder.mkdir()
    for name, body in FAKES.items():
        (folder / name).write_text(f"#!/usr/bin/env bash\n{body}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return folder


@pytest.mark.parametrize(("tests_rc", "running_before", "calls"), [
    (0, False, ["pg_ctl start", "pg_ctl stop"]),   # tests pass: started, then stopped
    (1, False, ["pg_ctl start", "pg_ctl stop"]),   # tests fail: stopped all the same
    (1, True, []),                                 # a server someone else started is left alone
])
def test_server_stopped_on_exit(shared_tmp: Path, tests_rc: int, running_before: bool, calls: list[str]) -> None:
    log = shared_tmp / "calls.log"
    log.touch(mode=0o666)
    log.chmod(0o666)
    if running_before:
        Path(f"{log}.running").touch()
    env = {**os.environ, "VNFIG_PG_BIN": str(_fake_bin(shared_tmp / "bin")), "VNFIG_PG_DIR": str(shared_tmp / "pg"),
           "FAKE_PG_LOG": str(log)}
    script = f"set -euo pipefail; source .ci/postgres.sh; vnfig_pg_stop_on_exit; exit {tests_rc}"
    done = subprocess.run(["bash", "-c", script], cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == tests_rc, done.stderr
    assert (log.read_text().splitlines() if log.exists() else []) == calls


def test_ci_run_sets_the_trap_before_the_tests() -> None:
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    trap = next(i for i, line in enumerate(lines) if line.strip() == "vnfig_pg_stop_on_exit")
    tests = next(i for i, line in enumerate(lines) if "pytest" in line and not line.lstrip().startswith("#"))
    assert lines.index("  source .ci/postgres.sh") < trap < tests
