"""The Parquet folder: exact decimal128 values, replace-by-id, parts written as the run goes."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import vnfigures.export.parquet as parquet_module
from vnfigures.export import ExportError, open_sink, read_target
from vnfigures.export.parquet import DECIMAL, PARTS, ParquetSink, check_decimal
from vnfigures.schemas import Article, Figure

from test_export_samples import sample_articles

TABLES = ("articles", "figures", "entities")


def write_all(target: Path, articles: list[Article]) -> None:
    with open_sink(f"{target}/") as sink:
        for article in articles:
            sink.write(article)


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / f"{name}.parquet").read_bytes() for name in TABLES}


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "tables"


def table_rows(folder: Path) -> list[int]:
    return [pq.read_metadata(folder / f"{t}.parquet").num_rows for t in TABLES]


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


def test_rewriting_replaces_rows_never_duplicates_them(target: Path) -> None:
    write_all(target, sample_articles())
    first = file_bytes(target)
    write_all(target, sample_articles()[::-1])
    assert read_target(str(target)) == sample_articles()
    assert table_rows(target) == [4, 14, 2]
    write_all(target, sample_articles())  # same articles, same order as the first time...
    write_all(target, [])
    assert read_target(str(target)) == sample_articles() and table_rows(target) == [4, 14, 2]
    assert first and sorted(p.name for p in target.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)


def test_writing_replaces_articles_by_id(target: Path) -> None:
    write_all(target, sample_articles("0.1.0"))
    old = sample_articles("0.2.0")[3]
    newer = old.model_copy(update={"figures": old.figures[:1]})
    write_all(target, [newer])
    back = {a.id: a for a in read_target(str(target))}
    assert back[newer.id] == newer and back[newer.id].pipeline_version == "0.2.0"
    assert back["baomoi/ha-tinh-1"] == sample_articles("0.1.0")[0]
    assert pq.read_metadata(target / "figures.parquet").num_rows == 14 - 7 + 1


def test_same_articles_in_any_batches_give_the_same_rows(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write_all(one, sample_articles())
    for article in sample_articles():
        write_all(two, [article])
    assert read_target(str(one)) == read_target(str(two)) and table_rows(one) == table_rows(two)


@pytest.mark.parametrize(("count", "group", "parts"), [(9, 4, 2), (8, 4, 2), (3, 4, 0), (12, 1, 12)])
def test_rows_go_to_disk_in_parts_as_they_come(target: Path, count: int, group: int, parts: int) -> None:
    """Memory holds at most `group` articles: every full group is on disk before close()."""
    base = sample_articles()[0]
    sink = ParquetSink(target, group=group)
    for i in range(count):
        sink.write(base.model_copy(update={"id": f"a{i:02d}"}))
    assert len(list((target / PARTS).iterdir())) == parts
    assert sink.stored_ids() == {f"a{i:02d}" for i in range(count)}  # parts and memory alike
    sink.close()
    assert [a.id for a in read_target(str(target))] == [f"a{i:02d}" for i in range(count)]
    assert pq.ParquetFile(target / "articles.parquet").num_row_groups == -(-count // group)
    assert not (target / PARTS).exists()


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
    with open_sink(f"{target}/") as sink:
        with pytest.raises(ExportError, match=r"fine.*decimal128"):
            sink.write(bad)
        sink.write(sample_articles()[0])
    assert [a.id for a in read_target(str(target))] == ["baomoi/ha-tinh-1"]


def test_a_failed_compaction_leaves_the_tables_and_the_next_close_finishes(
        target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_all(target, sample_articles("0.1.0"))
    before = file_bytes(target)
    real = parquet_module._compact_table
    calls: list[Any] = []

    def flaky(*args: Any) -> None:
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk full")
        real(*args)

    monkeypatch.setattr(parquet_module, "_compact_table", flaky)
    with pytest.raises(OSError, match="disk full"):
        write_all(target, sample_articles("0.2.0"))
    assert file_bytes(target) == before  # no table half replaced
    assert sorted(p.name for p in target.iterdir()) == sorted([PARTS, *(f"{t}.parquet" for t in TABLES)])
    monkeypatch.setattr(parquet_module, "_compact_table", real)
    ParquetSink(target).close()  # the part survived: folding it in now gives the new versions
    assert {a.pipeline_version for a in read_target(str(target))} == {"0.2.0"}
