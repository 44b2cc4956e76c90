"""The README's count-once queries skip republished copies and repeated mentions (#17)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from vnfigures.schemas import Article, Figure
from test_export_db import run_query, write_all
from test_export_samples import db_url, pg_url  # noqa: F401 - fixtures

TEXT = "Tỉnh trao 50 căn nhà. Tổng cộng 50 căn nhà đã bàn giao, và 12 căn nhà đang xây."


def _houses(value: int, at: int, **extra: object) -> Figure:
    text = f"{value} căn nhà"
    start = TEXT.index(text, at)
    return Figure(text=text, start=start, end=start + len(text), kind="houses", value=Decimal(value),
                  unit="house", subject="nhà", **extra)


FIGURES = [_houses(50, 0), _houses(50, 20, mention_of=0), _houses(12, 0, modality="target")]
ARTICLES = [
    Article(id="a", source="baocamau.vn", title="Trao nhà", text=TEXT, figures=FIGURES, duplicates=3),
    Article(id="b", source="baomoi.com", title="Trao nhà", text=TEXT, figures=FIGURES, duplicate_of="a", duplicates=3),
    Article(id="c", source="baocamau.vn", title="Trao nhà", text=TEXT, figures=FIGURES, duplicate_of="a", duplicates=3),
    Article(id="d", source="baomoi.com", title="Nhà mới", text=TEXT, figures=FIGURES[:1]),
]


@pytest.mark.parametrize(("name", "expected"), [
    ("houses_counted_once", [("baocamau.vn", Decimal(50)), ("baomoi.com", Decimal(50))]),
    ("houses_by_source", [("baocamau.vn", Decimal(200)), ("baomoi.com", Decimal(150))]),  # what a naive sum says
    ("copies_per_story", [("a", "Trao nhà", Decimal(3))]),
])
def test_count_once_queries(db_url: str, tmp_path: Path, name: str, expected: list[tuple]) -> None:  # noqa: F811
    write_all(db_url, ARTICLES)
    assert run_query(db_url, name) == expected


@pytest.mark.parametrize("target", ["sqlite", "parquet"])
def test_exports_carry_the_fields(tmp_path: Path, target: str) -> None:
    import pyarrow.parquet as pq

    from vnfigures.export import read_target

    url = f"sqlite:///{tmp_path / 'f.db'}" if target == "sqlite" else f"{tmp_path / 'f'}/"
    write_all(url, ARTICLES)
    assert sorted(read_target(url), key=lambda a: a.id) == ARTICLES
    if target == "parquet":
        articles = pq.read_table(tmp_path / "f" / "articles.parquet").to_pylist()
        figures = pq.read_table(tmp_path / "f" / "figures.parquet").to_pylist()
        assert [(r["id"], r["duplicate_of"], r["duplicates"]) for r in articles][:2] == [("a", None, 3), ("b", "a", 3)]
        assert [r["mention_of"] for r in figures[:3]] == [None, 0, None]
