"""A real interruption: an export process killed with SIGKILL mid-run leaves only whole articles.

The invariant is checked whenever the kill lands: every stored article has exactly the figure
and entity rows its record lists. Nothing here measures time; the wait only decides when to
pull the plug (after the first commit, long before the last of 3000 articles).
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from vnfigures.export import parse_target
from vnfigures.export.sql import make_engine

from test_export_samples import db_url, pg_url, sample_articles  # noqa: F401 - fixtures

ARTICLES = 3000


def big_output(path: Path) -> Path:
    samples = sample_articles()
    with path.open("w", encoding="utf-8") as out:
        for i in range(ARTICLES):
            article = samples[i % len(samples)]
            out.write(article.model_copy(update={"id": f"{article.id}-{i:05d}"}).model_dump_json() + "\n")
    return path


def stored(url: str) -> list[tuple[str, int, int, int, int]]:
    """Per article: id, figures and entities listed in its record, and rows actually stored."""
    engine = make_engine(parse_target(url).location)
    query = sa.text(
        "SELECT a.id, a.record,"
        " (SELECT COUNT(*) FROM figures f WHERE f.article_id = a.id),"
        " (SELECT COUNT(*) FROM entities e WHERE e.article_id = a.id) FROM articles a"
    )
    try:
        with engine.connect() as conn:
            rows = conn.execute(query).all()
    except (sa.exc.OperationalError, sa.exc.ProgrammingError):  # tables not created yet
        return []
    finally:
        engine.dispose()
    result = []
    for article_id, record, n_figures, n_entities in rows:
        record = json.loads(record) if isinstance(record, str) else record
        result.append((article_id, len(record["figures"]), n_figures, len(record["entities"]), n_entities))
    return result


def test_killed_export_leaves_only_whole_articles(db_url: str, tmp_path: Path) -> None:
    source = big_output(tmp_path / "out.jsonl")
    script = ("import sys; from vnfigures.export import export_jsonl; "
              "export_jsonl(sys.argv[1], sys.argv[2], batch_size=7)")
    process = subprocess.Popen([sys.executable, "-c", script, str(source), db_url])
    try:
        for _ in range(600):  # wait for the first commit, at most about a minute
            if process.poll() is not None or stored(db_url):
                break
            time.sleep(0.1)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    rows = stored(db_url)
    assert rows, "the export committed nothing before it was killed"
    assert all(listed == got and listed_e == got_e for _id, listed, got, listed_e, got_e in rows)
    if process.returncode == -signal.SIGKILL:
        assert len(rows) % 7 == 0 and len(rows) < ARTICLES  # whole batches only
