"""The Parquet dataset: exact decimal128 values, replace-by-id, byte-identical rewrites."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import vnfigures.export.parquet as parquet_module
from vnfigures.export import ExportError, open_sink, read_target
from vnfigures.export.parquet import DECIMAL, check_decimal
from vnfigures.schemas import Article, Figure

from test_export_samples import sample_articles

TABLES = ("articles", "figures", "entities")


def write_all(target: Path, articles: list[Article]) -> None:
    with open_sink(str(target)) as sink:
        for article in articles:
            sink.write(article)


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / f"{name}.parquet").read_bytes() for name in TABLES}


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "figures.parquet"


def test_round_trip_is_exact(target: Path) -> None:
    write_all(target, sample_articles())
    back = read_target(str(target))
    assert back == sample_articles()
    assert [str(f.value) for f in back[2].figures] == ["123456789012345678", "0.000001"]


def test_values_are_decimal_columns(target: Path) -> None:
    write_all(target, sample_articles())
    schema = pq.read_schema(target / "figures.parquet")
    assert schema.field("value").type == DECIMAL and schema.field("value_max").type == DECIMAL
    values = pq.read_table(target / "figures.parquet", columns=["value"]).column("value").to_pylist()
    assert Decimal("0.125") in values and all(isinstance(v, Decimal) for v in values)


def test_rewriting_gives_identical_files(target: Path) -> None:
    write_all(target, sample_articles())
    first = file_bytes(target)
    write_all(target, sample_articles()[::-1])
    assert file_bytes(target) == first
    assert [pq.read_metadata(target / f"{t}.parquet").num_rows for t in TABLES] == [4, 14, 2]


def test_writing_replaces_articles_by_id(target: Path) -> None:
    write_all(target, sample_articles("0.1.0"))
    old = sample_articles("0.2.0")[3]
    newer = old.model_copy(update={"figures": old.figures[:1]})
    write_all(target, [newer])
    back = {a.id: a for a in read_target(str(target))}
    assert back[newer.id] == newer and back[newer.id].pipeline_version == "0.2.0"
    assert back["baomoi/ha-tinh-1"] == sample_articles("0.1.0")[0]
    assert pq.read_metadata(target / "figures.parquet").num_rows == 14 - 7 + 1


def test_same_articles_in_any_batches_give_the_same_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    write_all(one, sample_articles())
    for article in sample_articles():
        write_all(two, [article])
    assert file_bytes(one) == file_bytes(two)


def test_empty_export_creates_readable_tables(target: Path) -> None:
    write_all(target, [])
    assert read_target(str(target)) == []


@pytest.mark.parametrize(("value", "fits"), [
    ("0.000000001", True), ("0.0000000001", False), ("12.5", True), ("1" + "0" * 28, True),
    ("1" + "0" * 29, False), ("123456789012345678", True),
])
def test_check_decimal(value: str, fits: bool) -> None:
    if fits:
        check_decimal(Decimal(value))
        assert pa.array([Decimal(value)], type=DECIMAL).to_pylist()[0] == Decimal(value)
    else:
        with pytest.raises(ValueError, match="does not fit decimal128"):
            check_decimal(Decimal(value))


def test_value_too_fine_is_refused_not_rounded(target: Path) -> None:
    text = "Phát 0,0000000001 tấn."
    part = "0,0000000001 tấn"
    bad = Article(id="fine", text=text, pipeline_version="0", figures=[Figure(
        text=part, start=5, end=5 + len(part), kind="mass", value=Decimal("0.0000000001"), unit="tonne")])
    with open_sink(str(target)) as sink:
        with pytest.raises(ExportError, match=r"fine.*decimal128"):
            sink.write(bad)
        sink.write(sample_articles()[0])
    assert [a.id for a in read_target(str(target))] == ["baomoi/ha-tinh-1"]


def test_failed_write_leaves_the_previous_files(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_all(target, sample_articles("0.1.0"))
    before = file_bytes(target)
    real_write = pq.write_table
    calls: list[Any] = []

    def flaky_write(table: pa.Table, where: Any, **kwargs: Any) -> None:
        calls.append(where)
        if len(calls) == 2:
            raise OSError("disk full")
        real_write(table, where, **kwargs)

    monkeypatch.setattr(parquet_module.pq, "write_table", flaky_write)
    with pytest.raises(OSError, match="disk full"):
        write_all(target, sample_articles("0.2.0"))
    assert file_bytes(target) == before
    assert sorted(p.name for p in target.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
