"""Hand-written article records for the export tests, the PostgreSQL fixture, and row tests.

Other `test_export*` modules import the samples and the `db_url` fixture from here, so every
target is tested on the same records. The records cover each kind of number the stores must
keep exactly: plain counts, scaled money, a range, fractions (12.5 %, 0.125 t), a value of
eighteen digits and one of a millionth.
"""
from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from vnfigures.export import parse_target
from vnfigures.export.rows import from_rows, to_rows
from vnfigures.schemas import canonical_decimal
from vnfigures.export.tables import sqlite_number
from vnfigures.schemas import Article, Entity, Figure

#: Where `.ci/postgres.sh` puts its server when VNFIG_TEST_PG_URL is not exported.
DEFAULT_PG_URL = "postgresql://vnfig@127.0.0.1:54329/postgres"


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the `nth` occurrence of `part` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def fig(text: str, part: str, kind: str, value: str, unit: str, **fields: Any) -> Figure:
    start, end = span(text, part)
    return Figure(text=part, start=start, end=end, kind=kind, value=Decimal(value), unit=unit, **fields)


def ent(text: str, part: str, label: str) -> Entity:
    start, end = span(text, part)
    return Entity(text=part, start=start, end=end, label=label)


HA_TINH = (
    "Tỉnh Hà Tĩnh đã trao 50 căn nhà đại đoàn kết cho hộ nghèo, tổng kinh phí hơn 2,5 tỷ đồng, "
    "mỗi hộ được hỗ trợ 40 triệu đồng/căn. Năm 2025, tỉnh phấn đấu hỗ trợ 300 hộ thoát nghèo; "
    "đến nay đã có 120 hộ thoát nghèo."
)
QUANG_NAM = (
    "Quảng Nam bàn giao 12 căn nhà và khoảng 1,5 tỷ đồng cho 80 hộ dân; dự kiến huy động thêm "
    "từ 3 đến 5 tỷ đồng. Tỷ lệ hộ nghèo giảm còn 12,5%, phát 0,125 tấn gạo, kế hoạch 100 hộ."
)
EXTREMES = "Quỹ nhận 123456789012345678 đồng và 0,000001 tấn gạo."


def sample_articles(version: str = "0.1.0") -> list[Article]:
    """Four articles, ordered by id, covering every column and the value forms above."""
    return [
        Article(id="baomoi/ha-tinh-1", source="baomoi.com", url="https://baomoi.com/a1.epi",
                published="2024-05-01", title="Hà Tĩnh trao 50 căn nhà đại đoàn kết", text=HA_TINH,
                pipeline_version=version, flags=[], figures=[
                    fig(HA_TINH, "50 căn nhà đại đoàn kết", "houses", "50", "house", subject="nhà đại đoàn kết"),
                    fig(HA_TINH, "hơn 2,5 tỷ đồng", "money", "2500000000", "VND", qualifier="more_than"),
                    fig(HA_TINH, "40 triệu đồng", "money", "40000000", "VND", per="căn"),
                    fig(HA_TINH, "300 hộ", "households", "300", "household", modality="target"),
                    fig(HA_TINH, "120 hộ", "households", "120", "household", subject="hộ"),
                ], entities=[ent(HA_TINH, "Hà Tĩnh", "LOC")]),
        Article(id="dantri/empty-3", source="dantri.com.vn", text="Bài viết không có số liệu.",
                pipeline_version=version, flags=["no_figures"]),
        Article(id="test/extremes-4", source="baomoi.com", text=EXTREMES, pipeline_version=version, figures=[
            fig(EXTREMES, "123456789012345678 đồng", "money", "123456789012345678", "VND"),
            fig(EXTREMES, "0,000001 tấn gạo", "mass", "0.000001", "tonne", subject="gạo"),
        ]),
        Article(id="vnexpress/quang-nam-2", source="vnexpress.net", title="Quảng Nam: nhà cho hộ nghèo",
                text=QUANG_NAM, pipeline_version=version, figures=[
                    fig(QUANG_NAM, "12 căn nhà", "houses", "12", "house", subject="nhà"),
                    fig(QUANG_NAM, "khoảng 1,5 tỷ đồng", "money", "1500000000", "VND", qualifier="approx"),
                    fig(QUANG_NAM, "80 hộ dân", "households", "80", "household", subject="hộ dân"),
                    fig(QUANG_NAM, "từ 3 đến 5 tỷ đồng", "money", "3000000000", "VND", qualifier="range",
                        value_max=Decimal("5000000000"), modality="target"),
                    fig(QUANG_NAM, "12,5%", "percent", "12.5", "percent"),
                    fig(QUANG_NAM, "0,125 tấn gạo", "mass", "0.125", "tonne", subject="gạo"),
                    fig(QUANG_NAM, "100 hộ", "households", "100", "household", modality="target"),
                ], entities=[ent(QUANG_NAM, "Quảng Nam", "LOC")]),
    ]


def admin_pg_url() -> str:
    return os.environ.get("VNFIG_TEST_PG_URL", DEFAULT_PG_URL)


def _pg_engine(url: str) -> sa.Engine:
    return sa.create_engine(parse_target(url).location, isolation_level="AUTOCOMMIT")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    admin = _pg_engine(admin_pg_url())
    try:
        with admin.connect():
            pass
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.skip(f"no PostgreSQL server at {admin_pg_url()} (run `source .ci/postgres.sh`): "
                    f"{str(exc.orig).strip().splitlines()[0]}")
    name = f"vnfig_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(admin_pg_url()).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test against SQLite and a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'figures.db'}"
    return request.getfixturevalue("pg_url")


# --- rows ---------------------------------------------------------------------------------

@pytest.mark.parametrize("article", sample_articles(), ids=lambda a: a.id)
def test_rows_rebuild_the_article(article: Article) -> None:
    rows = to_rows(article)
    assert [r["ordinal"] for r in rows.figures] == list(range(len(article.figures)))
    assert from_rows(rows.article["record"], rows.figures[::-1], rows.entities) == article


@pytest.mark.parametrize(("stored", "expected"), [
    ("5.000000000", "5"), ("12.500000000", "12.5"), ("0.000001000", "0.000001"),
    ("123456789012345678.000000000", "123456789012345678"), ("1E+3", "1000"), ("0", "0"),
    ("0.000000000", "0"), ("58213168535896849012.0170138094000", "58213168535896849012.0170138094"),
    ("12345678901234567890123456789.000000000", "12345678901234567890123456789"),
])
def test_canonical_decimal_drops_padding_only(stored: str, expected: str) -> None:
    result = canonical_decimal(Decimal(stored))
    assert result == Decimal(expected) and str(result) == expected


@pytest.mark.parametrize(("value", "stored"), [
    ("5000000000", 5000000000), ("12.5", 12.5), ("0.125", 0.125), ("0.000001", 0.000001),
    ("123456789012345678", 123456789012345678), ("99999999999999.9", 99999999999999.9),
])
def test_sqlite_number_is_exact(value: str, stored: int | float) -> None:
    assert sqlite_number(Decimal(value)) == stored
    assert type(sqlite_number(Decimal(value))) is type(stored)


@pytest.mark.parametrize("value", ["0.12345678901234567", "99999999999999999999", "1234567890123.4567"])
def test_sqlite_number_refuses_what_sqlite_would_round(value: str) -> None:
    with pytest.raises(ValueError, match="cannot be stored exactly in SQLite"):
        sqlite_number(Decimal(value))


@pytest.mark.parametrize(("target", "kind", "location"), [
    ("sqlite:///out/figures.db", "sql", "sqlite:///out/figures.db"),
    ("postgresql://me@db.example/news", "sql", "postgresql+psycopg://me@db.example/news"),
    ("postgres://me:pw@localhost:5433/news", "sql", "postgresql+psycopg://me:pw@localhost:5433/news"),
    ("out/figures.parquet", "parquet", "out/figures.parquet"),
    ("out/figures.parquet/", "parquet", "out/figures.parquet"),
])
def test_parse_target(target: str, kind: str, location: str) -> None:
    parsed = parse_target(target)
    assert (parsed.kind, parsed.location) == (kind, location)


@pytest.mark.parametrize("target", ["mysql://me@host/db", "figures.csv", "out/figures", ""])
def test_parse_target_rejects_unknown_targets(target: str) -> None:
    with pytest.raises(ValueError, match=re.escape("sqlite:///path.db")):
        parse_target(target)
