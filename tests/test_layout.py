"""Sentences and clauses of a text (extractors/layout.py): the scopes §8 widens through."""
from __future__ import annotations

import pytest

from vnfigures.extractors.layout import layout


@pytest.mark.parametrize(("text", "sentences"), [
    ("Mưa lớn. Lũ dâng cao.", ["Mưa lớn. ", "Lũ dâng cao."]),
    # a scrape that lost the space or the line break between two sentences
    ('tăng 3-4 lần ngày thường", anh Tâm nói.Theo các tiểu thương, giá tăng.',
     ['tăng 3-4 lần ngày thường", anh Tâm nói.', "Theo các tiểu thương, giá tăng."]),
    ('so với ngày thường."Năm ngoái tôi chỉ nhập 70 tấn.', ['so với ngày thường."', "Năm ngoái tôi chỉ nhập 70 tấn."]),
    # abbreviations, decimal points and initials are no sentence end
    ("TP.HCM có 5.000 hộ nghèo.", ["TP.HCM có 5.000 hộ nghèo."]),
    ("Giá 2.5 triệu đồng/kg.", ["Giá 2.5 triệu đồng/kg."]),
    ("Đội trưởng là ông A.Nguyễn Văn B.", ["Đội trưởng là ông A.Nguyễn Văn B."]),
    # an ellipsis before a lower-case word cuts a list short and the sentence goes on (G/sggp_1: its
    # figures keep the sentence's `Năm 2021,`); before a capital it ends the sentence
    ("Năm 2021, ngành phối hợp với Vùng Cảnh sát biển 4… đã xử lý 15/44 vụ.",
     ["Năm 2021, ngành phối hợp với Vùng Cảnh sát biển 4… đã xử lý 15/44 vụ."]),
    ("Các loài cá, tôm, ếch... đều chết. Tỉnh hỗ trợ 20 hộ.", ["Các loài cá, tôm, ếch... đều chết. ", "Tỉnh hỗ trợ 20 hộ."]),
    ("Nắng nóng kéo dài… Ngày mai có mưa.", ["Nắng nóng kéo dài… ", "Ngày mai có mưa."]),
    # an abbreviation's dot ends no sentence (as in the modality scopes)
    ("Mưa lớn tại TP. Huế kéo dài. Lũ dâng cao.", ["Mưa lớn tại TP. Huế kéo dài. ", "Lũ dâng cao."]),
])
def test_sentences(text: str, sentences: list[str]) -> None:
    lay = layout(text)
    assert [text[a:b] for a, b in lay.sentences] == sentences


@pytest.mark.parametrize(("text", "clauses"), [
    ("Năm 2024, tỉnh trao 50 căn nhà; huyện trao 20 căn.", ["Năm 2024,", " tỉnh trao 50 căn nhà;", " huyện trao 20 căn."]),
    ("Lãi suất 2,5%/năm.", ["Lãi suất 2,5%/năm."]),
    # a spaced dash between two numbers joins a span; between words it parts clauses
    ("hoàn thành 9 dự án giai đoạn 2017 - 2020 và cao tốc Bắc - Nam.",
     ["hoàn thành 9 dự án giai đoạn 2017 - 2020 và cao tốc Bắc - ", "Nam."]),
])
def test_clauses(text: str, clauses: list[str]) -> None:
    lay = layout(text)
    assert [text[a:b] for a, b in lay.clauses] == clauses
