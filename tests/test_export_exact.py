"""Property: a stored value reads back as the very same Decimal, or is refused — never rounded.

Negative values (a written minus) included. Checked at the column level (one in-memory SQLite table, one Arrow array) over many values,
since the article-level tests can only afford a handful.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pyarrow as pa
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from vnfigures.export.parquet import DECIMAL, check_decimal
from vnfigures.export.sql import make_engine
from vnfigures.export.tables import ExactDecimal

from test_export_samples import pg_url  # noqa: F401 - fixture

values = st.decimals(min_value=-10**20, max_value=10**20, allow_nan=False, allow_infinity=False, places=None)
figure_like = st.builds(lambda whole, frac, places: Decimal(whole) + Decimal(frac).scaleb(-places),
                        st.integers(-10**15, 10**15), st.integers(0, 999), st.integers(0, 6))

_table = sa.Table("t", sa.MetaData(), sa.Column("v", ExactDecimal))


@pytest.fixture(scope="module")
def sqlite_conn() -> Iterator[sa.Connection]:
    engine = make_engine("sqlite://")
    _table.metadata.create_all(engine)
    with engine.connect() as conn:
        yield conn
    engine.dispose()


def _sqlite_round_trip(conn: sa.Connection, value: Decimal) -> Decimal | None:
    """The value read back, or None when the column refused it."""
    conn.execute(sa.delete(_table))
    try:
        conn.execute(sa.insert(_table), {"v": value})
    except sa.exc.StatementError as exc:
        assert "cannot be stored exactly in SQLite" in str(exc)
        return None
    return conn.execute(sa.select(_table.c.v)).scalar_one()


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(values, figure_like))
def test_sqlite_never_rounds(sqlite_conn: sa.Connection, value: Decimal) -> None:
    back = _sqlite_round_trip(sqlite_conn, value)
    if back is not None:
        assert back == value and isinstance(back, Decimal)


@settings(max_examples=300, deadline=None)
@given(value=st.decimals(min_value=0, max_value=10**15, places=3, allow_nan=False, allow_infinity=False))
def test_sqlite_keeps_every_figure_sized_value(sqlite_conn: sa.Connection, value: Decimal) -> None:
    """Up to 10^15 with three decimals (15+3 digits at most when integral): always stored."""
    if len(value.normalize().as_tuple().digits) <= 15 or value == value.to_integral_value():
        assert _sqlite_round_trip(sqlite_conn, value) == value


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(values, figure_like))
def test_parquet_never_rounds(value: Decimal) -> None:
    """Accepted values come back equal; refused ones are those Arrow would fail or round.

    (Arrow does not always refuse on its own: `9.999999999999958056960000E-24`, 25 digits,
    silently becomes 0 in decimal128(38, 9) with pyarrow 26.)
    """
    try:
        check_decimal(value)
    except ValueError:
        assert _arrow_round_trip(value) != value
        return
    assert _arrow_round_trip(value) == value


def _arrow_round_trip(value: Decimal) -> Decimal | None:
    try:
        return pa.array([value], type=DECIMAL).to_pylist()[0]
    except pa.ArrowInvalid:
        return None


LONG_VALUES = ["58213168535896849012.0170138094", "123456789012345678901234567890123456789", "0.000000000000000000001",
               "12.5", "1000", "0"]


def test_postgresql_keeps_long_values(pg_url: str) -> None:  # noqa: F811 - fixture
    engine = make_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        _table.metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(sa.insert(_table), [{"v": Decimal(v)} for v in LONG_VALUES])
            back = conn.execute(sa.select(_table.c.v)).scalars().all()
    finally:
        engine.dispose()
    assert back == [Decimal(v) for v in LONG_VALUES] and all(isinstance(v, Decimal) for v in back)
