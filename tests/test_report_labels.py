"""How the report writes values and draws its pieces: tables of real examples."""
from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from vnfigures.report.article import mark_text, place_spans
from vnfigures.report.labels import load_labels, vn_number
from vnfigures.report.records import EntityView, article_view
from vnfigures.report.svg import BarChart, Series, horizontal, nice_ticks, value_text, vertical
from vnfigures.report.tally import Tally


@pytest.mark.parametrize("kind, unit, value, value_max, expected", [
    ("money", "VND", "625000000", None, "625 triệu đồng"),
    ("money", "VND", "50000000000", None, "50 tỷ đồng"),
    ("money", "VND", "1500000000", "2000000000", "1,5–2 tỷ đồng"),
    ("money", "VND", "800000000", "1200000000", "0,8–1,2 tỷ đồng"),
    ("money", "VND", "500000", None, "500.000 đồng"),
    ("money", "VND", "5520000", "5550000", "5,52–5,55 triệu đồng"),
    ("money", "USD", "5000", None, "5.000 USD"),
    ("households", "household", "115", None, "115 hộ"),
    ("households", "household", "1200", None, "1.200 hộ"),
    ("houses", "house", "292", None, "292 căn nhà"),
    ("mass", "tonne", "262", None, "262 tấn"),
    ("mass", "tonne", "0.5", None, "500 kg"),
    ("mass", "tonne", "0.00000375", None, "3,75 g"),
    ("gifts", "gift", "144000", None, "144.000 suất quà"),
    ("percent", "percent", "4.5", None, "4,5%"),
    ("area", "hectare", "12.75", None, "12,75 ha"),
    ("other", "item", "3", None, "3"),
    ("spaceships", "ship", "2", None, "2 ship"),  # a kind the labels do not know
])
def test_values_read_as_a_paper_writes_them(kind, unit, value, value_max, expected) -> None:
    high = Decimal(value_max) if value_max else None
    assert load_labels().value(kind, unit, Decimal(value), high) == expected


@pytest.mark.parametrize("number, places, expected", [
    (Decimal("1234567.50"), None, "1.234.567,5"), (625, None, "625"), (Decimal("0.000"), None, "0"),
    (2209172.0612, 2, "2.209.172,06"), (-3.5, 1, "-3,5"), (Decimal("1E+3"), None, "1.000"),
])
def test_vn_number(number, places, expected) -> None:
    assert vn_number(number, places) == expected


@pytest.mark.parametrize("top, whole, expected", [
    (37, False, [0, 10, 20, 30, 40]), (2, True, [0, 1, 2]), (0.8, False, [0, 0.2, 0.4, 0.6, 0.8, ]),
    (19127, False, [0, 5000, 10000, 15000, 20000]), (0, False, [0, 1]),
])
def test_axis_ticks(top, whole, expected) -> None:
    ticks = nice_ticks(top, count=4 if top == 0.8 else 5, whole=whole)
    assert ticks == pytest.approx(expected) and ticks[-1] >= top


@pytest.mark.parametrize("value, places, expected", [(0.0006, 0, "0,0006"), (0.016, 2, "0,02"), (0.004, 2, "0,004"), (12.5, 1, "12,5"), (0, 2, "0")])
def test_a_small_bar_never_reads_zero(value, places, expected) -> None:
    assert value_text(value, places) == expected


@pytest.mark.parametrize("draw", [horizontal, vertical])
def test_charts_have_a_bar_per_value_and_their_labels(draw) -> None:
    chart = BarChart("Tiền theo tỉnh", ["Cà Mau", "Hà Nội", "Huế"],
                     [Series("thực tế", "s-actual", [1.5, 0, 3]), Series("mục tiêu", "s-target", [2, 1, 0])],
                     "tỷ đồng", places=1)
    svg = BeautifulSoup(draw(chart), "html.parser")
    assert len(svg.select("rect.s-actual:not(.key)")) == 3 and len(svg.select("rect.s-target:not(.key)")) == 3
    texts = [t.get_text() for t in svg.find_all("text")]
    assert {"Cà Mau", "Hà Nội", "Huế", "tỷ đồng", "thực tế", "mục tiêu", "1,5", "3"} <= set(texts)
    assert svg.svg["aria-label"] == "Tiền theo tỉnh"


@pytest.mark.parametrize("spans, expected", [
    ([(0, 4), (10, 12)], [(0, 4), (10, 12)]),
    ([(5, 9), (0, 6)], [(0, 6), (6, 9)]),          # crossing: the later one starts where the first ends
    ([(0, 10), (2, 4)], [(0, 10), (10, 10)]),      # inside another: kept as an empty mark
    ([(30, 40)], [(20, 20)]),                      # past the end of the text
])
def test_spans_are_placed_without_crossing(spans, expected) -> None:
    views = [EntityView("x" * (e - s), s, e, "LOC") for s, e in spans]
    assert [(s, e) for s, e, _ in place_spans(views, 20)] == expected


def test_an_entity_cut_by_a_figure_is_split_and_labelled_once() -> None:
    text = "Hỗ trợ 625 triệu đồng Cà Mau năm nay."
    record = {"id": "x", "text": text,
              "figures": [{"text": "625 triệu đồng Cà", "start": 7, "end": 24, "kind": "money", "value": 625000000,
                           "unit": "VND", "modality": "actual"}],
              "entities": [{"text": "Cà Mau", "start": 22, "end": 28, "label": "LOC"}]}
    html = BeautifulSoup(mark_text(article_view(record, 1), "a0", load_labels()), "html.parser")
    assert [m.get_text() for m in html.select("span.ent")] == ["CàLOC", " Mau"]
    assert html.select_one("mark.fig .tag").get_text() == "tiền · 625 triệu đồng · thực tế"
    assert html.get_text().replace("LOC", "").replace("tiền · 625 triệu đồng · thực tế", "") == text


def test_sums_count_each_fact_once_and_only_in_vnd() -> None:
    figure = {"kind": "money", "unit": "VND", "modality": "actual", "province": "Cà Mau", "year": 2024,
              "text": "x", "start": 0, "end": 1}
    figures = [{**figure, "value": 100}, {**figure, "value": 100, "mention_of": 0},
               {**figure, "value": 5, "unit": "USD"}, {**figure, "value": 10, "value_max": 20, "qualifier": "range"},
               {**figure, "value": 7, "province": None, "year": None}]
    tally = Tally()
    tally.add_article(article_view({"id": "a", "text": "x", "figures": figures}, 1))
    money = tally.totals["money"]
    assert dict(money.by_province) == {("Cà Mau", "actual"): Decimal(110)}
    assert dict(money.by_year) == {("2024", "actual"): Decimal(110)}
    assert (money.no_province, money.no_year, tally.repeats, tally.ranges) == (7, 7, 1, 1)
    assert dict(tally.other_currency) == {"USD": 1}


@pytest.mark.parametrize("mention_of, tag", [
    (None, "hộ gia đình · 115 hộ · thực tế"),
    (0, "hộ gia đình · 115 hộ · thực tế · nhắc lại #1"),  # a repeat says which figure it repeats
])
def test_a_repeated_figure_says_so(mention_of, tag) -> None:
    figure = {"text": "115 hộ", "start": 0, "end": 6, "kind": "households", "value": 115, "unit": "household",
              "mention_of": mention_of}
    html = BeautifulSoup(mark_text(article_view({"id": "x", "text": "115 hộ", "figures": [figure]}, 1), "a0",
                                   load_labels()), "html.parser")
    assert html.select_one("mark.fig .tag").get_text() == tag
