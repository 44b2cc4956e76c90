"""No input crashes the parser or the extractor; results are deterministic; spans fit the text."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from vnfigures.extractors.figures import extract_figures
from vnfigures.extractors.numbers import parse_number, scan_numbers

# Pieces real articles are made of, so that random text often looks like a figure.
PIECES = ["1.040", "2,5", "144.000", "1/3", "13/20", "5/11", "18:42", "0913.123.456", "100/2019/NĐ-CP",
          "tỷ", "tỉ", "triệu", "nghìn", "vạn", "đồng", "hộ", "nhà", "căn", "tấn", "kg", "%", "m2",
          "sào", "USD", "/kg", "/", "-", "–", "từ", "đến", "trên", "hơn", "gần", "khoảng", "trở lên",
          "hai", "mươi", "mốt", "trăm", "linh", "lăm", "tư", "một", "năm", "Hai", "sẽ", "dự kiến",
          "nếu", "ước", " ", "\n", ".", ",", "(", ")", "\"", "x", "1A", "ngày", "tháng", "2021"]

vietnamese_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.integers(0, 10**40).map(str), st.text(max_size=6)),
    max_size=40,
).map(" ".join)
any_text = st.one_of(st.text(max_size=200), vietnamese_text,
                     vietnamese_text.map(lambda t: unicodedata.normalize("NFD", t)))

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(any_text)
def test_parse_number_never_crashes(text: str) -> None:
    first = parse_number(text)
    assert first == parse_number(text)


@FUZZ
@given(any_text)
def test_scanned_number_spans_fit(text: str) -> None:
    mentions = scan_numbers(text)
    assert mentions == scan_numbers(text)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.raw
        assert m.value_max is None or m.value_max > m.value


@FUZZ
@given(any_text)
@example("L 3 hộ \u1111\u1171\u11b6 nếu")  # Hangul jamo compose across clusters: was a recursion
@example(unicodedata.normalize("NFD", "hỗ trợ 115 hộ nghèo trên 625 triệu đồng"))
def test_extract_figures_spans_fit_and_are_deterministic(text: str) -> None:
    figures = extract_figures(text)
    assert figures == extract_figures(text)
    for f in figures:
        assert text[f.start:f.end] == f.text
    assert [f.start for f in figures] == sorted(f.start for f in figures)
