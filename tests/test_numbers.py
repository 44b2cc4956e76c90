"""The Vietnamese number parser, as tables of number forms seen in real articles."""
from __future__ import annotations

from decimal import Decimal

import pytest

import vnfigures.extractors.numbers as numbers_module
from vnfigures.extractors.figures import extract_figures
from vnfigures.extractors.numbers import parse_digits, parse_number, scan_numbers

D = Decimal

# (expression, value) — one number expression each
PARSE_ROWS = [
    # digit grouping: `.` thousands, `,` decimal (ANNOTATION.md §3)
    ("1.040", D("1040")),
    ("144.000", D("144000")),
    ("2,5", D("2.5")),
    ("1.234,5", D("1234.5")),
    ("553,763", D("553.763")),
    ("82.060.579.000", D("82060579000")),
    ("1.598,8", D("1598.8")),
    ("0,75", D("0.75")),
    ("4000", D("4000")),
    ("1.5", D("1.5")),           # a lone dot before one digit is a decimal point (hệ số 1.5)
    ("6.7", D("6.7")),
    ("1,234,567", D("1234567")),  # English grouping with several commas
    # scale words and their combinations
    ("2,5 tỷ", D("2500000000")),
    ("2,5 tỉ", D("2500000000")),
    ("625 triệu", D("625000000")),
    ("40 nghìn", D("40000")),
    ("200 ngàn", D("200000")),
    ("40 vạn", D("400000")),
    ("1 tỷ 200 triệu", D("1200000000")),
    ("3 tỷ 500 triệu", D("3500000000")),
    ("1 triệu rưỡi", D("1500000")),
    ("87,25 nghìn tỷ", D("87250000000000")),
    ("6.784 nghìn", D("6784000")),
    ("192tỷ", D("192000000000")),
    # number words
    ("một", D("1")),
    ("hai", D("2")),
    ("ba", D("3")),
    ("mười", D("10")),
    ("mười lăm", D("15")),
    ("mười nhăm", D("15")),
    ("hai mươi", D("20")),
    ("hai mươi mốt", D("21")),
    ("hai mươi tư", D("24")),
    ("ba mươi lăm", D("35")),
    ("một trăm", D("100")),
    ("một trăm linh năm", D("105")),
    ("một trăm lẻ năm", D("105")),
    ("một trăm hai mươi", D("120")),
    ("hai trăm rưỡi", D("250")),
    ("ba trăm nghìn", D("300000")),
    ("một nghìn hai trăm", D("1200")),
    ("hai chục", D("20")),
    ("2 chục", D("20")),
    ("bảy", D("7")),
    ("bẩy", D("7")),
    ("một tỷ", D("1000000000")),
    ("năm triệu", D("5000000")),
    # fractions are percentages (§7)
    ("1/3", D("33.33")),
    ("1/4", D("25")),
    ("1/2", D("50")),
    ("3/4", D("75")),
]


@pytest.mark.parametrize(("expr", "value"), PARSE_ROWS)
def test_parse_number(expr: str, value: Decimal) -> None:
    assert parse_number(expr) == value


# expressions that are not one number
NOT_A_NUMBER = [
    "năm 2021",
    "5/11",
    "18:42",
    "Nghị định 100/2019/NĐ-CP",
    "1/1/1945",
    "0913.123.456",
    "hàng chục",
    "hàng trăm",
    "vài ngàn",
    "10-15",
    "tư",          # "tư" alone is "private/fourth", not four
    "lăm",
    "mươi",
    "triệu",
    "",
    "abc",
    "24/24",
]


@pytest.mark.parametrize("expr", NOT_A_NUMBER)
def test_not_a_number(expr: str) -> None:
    assert parse_number(expr) is None


# (text, [(raw, value)]) — the scanner on running text
SCAN_ROWS = [
    ("48.676hội viên mới", [("48.676", D("48676"))]),
    ("trên 192tỷđồng", [("192tỷ", D("192000000000"))]),
    ("206.614gia đình", [("206.614", D("206614"))]),
    ("từ 10 đến 15 hộ", [("10", D("10")), ("15", D("15"))]),  # ranges are joined by the figure step
    ("10-15 hộ", [("10", D("10")), ("15", D("15"))]),
    ("40-50 nghìn đồng", [("40", D("40")), ("50 nghìn", D("50000"))]),
    ("1/3 dân số", [("1/3", D("33.33"))]),
    ("13/20 hộ dân", [("13", D("13")), ("20", D("20"))]),
    ("923,835/1.010 tỷ đồng", [("923,835", D("923835000000")),
                               ("1.010 tỷ", D("1010000000000"))]),
    ("268.000/1 thâm niên", [("268.000", D("268000"))]),
    ("thôn Hai Căn", []),                 # a place name, not two
    ("huyện Năm Căn", []),
    ("quận Hai Bà Trưng", []),
    ("năm 2017", [("2017", D("2017"))]),  # a number; the figure step drops it
    ("ngày 5/11 lúc 18:42", []),
    ("chiều 8-5 bất ngờ", []),
    ("ngày 19-1-2017", []),
    ("Nghị định 100/2019/NĐ-CP", []),
    ("gọi 0913.123.456", []),
    ("Galaxy S20 và IR50404", []),
    ("Covid-19", []),
    ("là300 triệu", [("300 triệu", D("300000000"))]),
    ("lúc 7h30", []),
    ("hai cháu bé", [("hai", D("2"))]),
    ("sau hai năm", [("hai", D("2"))]),   # not 7: "two years"
    ("ba năm mươi", [("ba", D("3"))]),
    ("6 tỷ phú USD", [("6", D("6"))]),          # billionaires: `tỷ` is no scale here
    ("một triệu phú", [("một", D("1"))]),
    ("đến tháng 8/2020 đơn vị", []),                  # a month and year
    ("64.000 tấn/80.000 tấn thóc", [("64.000", D("64000")), ("80.000", D("80000"))]),
]


@pytest.mark.parametrize(("text", "expected"), SCAN_ROWS)
def test_scan_numbers(text: str, expected: list[tuple[str, Decimal]]) -> None:
    got = [(m.raw, m.value) for m in scan_numbers(text)]
    assert got == expected


@pytest.mark.parametrize("text", [
    "năm 2021", "5/11", "Nghị định 100/2019/NĐ-CP", "Quốc lộ 1A", "hàng chục người", "18:42",
    "gọi 0913 123 456", "Khóa XIII", "lần thứ 3", "81 năm Ngày thành lập", "3 ngày",
    "cháu 5 tuổi", "Mazda 3", "gạo 5% tấm", "trạm 110kV", "mức báo động 3", "cấp 7-8",
    "một lòng", "một số hộ", "hai bên đường", "24/24", "giai đoạn 2016-2020", "tháng 6/2017",
    "nhiệt độ 35 độ C", "thứ 2", "Điều 5", "tỉnh lộ 127", "khoảng 5h sáng", "tầng 12",
    "tỉnh lộ 127 và 129", "năm 2020 và 2021", "tăng 5 phiên liên tiếp", "thông xe 1 chiều",
    "đạt 26,5 điểm khối A", "một ôtô 25 tấn", "mệnh giá 5 xu", "một tỷ phú", "một phần năm 2017",
])
def test_not_a_figure(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(("s", "value"), [
    ("144.000", D("144000")), ("2,5", D("2.5")), ("1.234,5", D("1234.5")), ("1.2.3", None),
    # a dot group of neither 1-2 digits (a decimal) nor 3 (thousands) is a typo: no value (§7)
    ("222.8", D("222.8")), ("12.30", D("12.30")), ("6.3000", None), ("1234.567", None), ("6.30000", None),
])
def test_parse_digits(s: str, value: Decimal | None) -> None:
    assert parse_digits(s) == value


def test_values_are_exact_decimals() -> None:
    value = parse_number("0,1 tỷ")
    assert isinstance(value, Decimal) and value == D("100000000")


@pytest.mark.parametrize(("d", "expected"), [
    (D("2.5E+9"), "2500000000"), (D("25.00"), "25"), (D("0.00015"), "0.00015"), (D("0"), "0"), (D("0.000"), "0"),
    (D("1234567890123456789012345678901234.50"), "1234567890123456789012345678901234.5"),
])
def test_exact_never_rounds(d: Decimal, expected: str) -> None:
    assert str(numbers_module.canonical_decimal(d)) == expected
