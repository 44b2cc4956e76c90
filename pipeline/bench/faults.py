"""Fault benchmark of `vnfig run`: kill -9 at random points, resume, check nothing is lost.

    .venv/bin/python -m vnfigures.bench.faults [--rounds N] [--articles N] [--workers N]
        [--seed S] [--ner] [--corpus DIR]

Each round writes a JSONL of `--articles` articles (the texts of `../shared/corpus/raw/text`,
or `--corpus`, repeated under distinct ids, plus two lines that fail to read), starts
`vnfig run` in its own session, waits for a random number of output lines, and kills with
SIGKILL either the main process or one of its workers. It then runs `--resume` until the run
ends by itself, and checks: every input id exactly once in OUT.jsonl or the failures file, the
`--db` target equal to OUT.jsonl, and no process of the killed run left. Rounds cycle through
no database, `--db sqlite` and a `--db` Parquet folder, killing the main process in one
cycle and a worker in the next. It prints the counts; it times nothing and asserts nothing
(a non-zero exit says that some check failed).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "raw" / "text"
VNFIG = Path(sys.executable).with_name("vnfig")
BAD_LINES = ('{"id": "bad-empty", "text": ""}', "{not json")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2:].split()


def session_pids(sid: int) -> list[int]:
    """Live (not zombie) processes of session `sid`, read from /proc (Linux)."""
    pids = []
    for entry in Path("/proc").iterdir():
        fields = _stat_fields(int(entry.name)) if entry.name.isdigit() else None
        if fields is not None and fields[0] != "Z" and int(fields[3]) == sid:
            pids.append(int(entry.name))
    return pids


def worker_pids(parent: int) -> list[int]:
    """The pool workers of `parent` (spawned interpreters), not its resource tracker."""
    pids = []
    for pid in session_pids(parent):
        fields = _stat_fields(pid)
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if fields is not None and int(fields[1]) == parent and b"spawn_main" in cmdline:
            pids.append(pid)
    return pids


def wait_until_gone(sid: int, limit: float = 30.0) -> list[int]:
    """Wait for the processes of session `sid` to end; return those still alive after `limit`."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and session_pids(sid):
        time.sleep(0.1)
    return session_pids(sid)


def kill_session(sid: int) -> None:
    """SIGKILL every process left in session `sid` (ours: we started its leader)."""
    for pid in session_pids(sid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@dataclass
class Round:
    """What one round did and found."""

    db: str
    victim: str
    killed_after_lines: int
    resumes: int
    missing: int
    duplicated: int
    db_differs: int
    leftovers: int
    reconciled: int

    @property
    def ok(self) -> bool:
        return not (self.missing or self.duplicated or self.db_differs or self.leftovers)


def write_inputs(path: Path, corpus: Path, count: int) -> list[str]:
    """A JSONL of `count` articles cycling through the corpus texts; return every input id."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt articles in {corpus}")
    ids = [f"a{i:05d}" for i in range(count)]
    with path.open("w", encoding="utf-8") as out:
        for i, article_id in enumerate(ids):
            out.write(json.dumps({"id": article_id, "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
        out.write("\n".join(BAD_LINES) + "\n")
    return [*ids, "bad-empty"]  # the unparsable line has no id: counted by its input line


def start(source: Path, out: Path, workers: int, ner: bool, db: str | None, *extra: str) -> subprocess.Popen[bytes]:
    args = [str(VNFIG), "run", str(source), "-o", str(out), "--workers", str(workers), "--no-progress", *extra]
    args += [] if ner else ["--no-ner"]
    args += ["--db", db] if db else []
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def kill_at_random(process: subprocess.Popen[bytes], out: Path, total: int, victim: str,
                   rng: random.Random) -> tuple[str, int, int]:
    """Wait for a random number of lines, SIGKILL `victim` (main or worker); (victim, lines, leftovers)."""
    target = rng.randint(1, max(1, int(total * 0.9)))
    while process.poll() is None and _lines(out) < target:
        time.sleep(0.02)
    lines = _lines(out)
    workers = worker_pids(process.pid)
    if process.poll() is not None:
        return "none (run ended first)", lines, 0
    if victim == "worker" and workers:
        os.kill(rng.choice(workers), signal.SIGKILL)
        process.communicate()
        return victim, lines, len(wait_until_gone(process.pid))
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    leftovers = wait_until_gone(process.pid)
    kill_session(process.pid)
    return "main", lines, len(leftovers)


def check(out: Path, ids: list[str], db: str | None) -> tuple[int, int, int]:
    """(missing ids, duplicated ids, articles in which OUT.jsonl and the database differ)."""
    failures = out.with_name(out.stem + ".failures.jsonl")
    seen: list[str] = []
    for path in (out, failures):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            seen.append(record.get("id") or record.get("input"))
    wanted = set(ids)
    missing = len(wanted - set(seen))
    duplicated = len(seen) - len(set(seen))
    if db is None:
        return missing, duplicated, 0
    from vnfigures.export import read_target

    written = {json.loads(line)["id"]: line for line in out.read_text(encoding="utf-8").splitlines()}
    stored = {article.id: article for article in read_target(db)}
    differs = len(set(written) ^ set(stored))
    return missing, duplicated, differs


#: The `--db` targets the rounds cycle through (None: no database).
TARGETS = (None, "sqlite:///{work}/run.db", "{work}/tables/")


def one_round(work: Path, corpus: Path, args: argparse.Namespace, target: str | None, victim: str,
              rng: random.Random) -> Round:
    source, out = work / "in.jsonl", work / "out.jsonl"
    ids = write_inputs(source, corpus, args.articles)
    db = target.format(work=work) if target else None
    process = start(source, out, args.workers, args.ner, db)
    victim, lines, leftovers = kill_at_random(process, out, args.articles, victim, rng)
    resumes, reconciled = 0, 0
    while True:
        resumes += 1
        resumed = start(source, out, args.workers, args.ner, db, "--resume")
        resumed.communicate()
        summary = json.loads(out.with_name("out.summary.json").read_text(encoding="utf-8"))
        reconciled += summary.get("reconciled", 0)
        if resumed.returncode in (0, 1) or resumes >= 3:
            break
    missing, duplicated, differs = check(out, ids, db)
    kind = "none" if db is None else "sqlite" if db.startswith("sqlite") else "parquet"
    return Round(kind, victim, lines, resumes, missing, duplicated, differs, leftovers, reconciled)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="kill-and-resume rounds (cycling through targets)")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--ner", action="store_true", help="run with NER (slower)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    rounds: list[Round] = []
    for number in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="vnfig-faults-") as tmp:
            target = TARGETS[number % len(TARGETS)]
            victim = "main" if (number // len(TARGETS)) % 2 == 0 else "worker"
            result = one_round(Path(tmp), args.corpus, args, target, victim, rng)
        rounds.append(result)
        print(f"round {number + 1}: db={result.db:7} killed={result.victim:6} "
              f"after {result.killed_after_lines:4} lines, resumes {result.resumes}, missing {result.missing}, "
              f"duplicated {result.duplicated}, db differs {result.db_differs}, leftover processes "
              f"{result.leftovers}, reconciled {result.reconciled}  {'ok' if result.ok else 'FAILED'}", flush=True)
    bad = [r for r in rounds if not r.ok]
    kills = {victim: sum(r.victim == victim for r in rounds) for victim in ("main", "worker")}
    print(f"{len(rounds)} rounds of {args.articles} articles, {args.workers} workers: kill -9 of main {kills['main']}, "
          f"of a worker {kills['worker']}; {len(rounds) - len(bad)} ok, {len(bad)} failed; "
          f"articles reconciled into the database {sum(r.reconciled for r in rounds)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
