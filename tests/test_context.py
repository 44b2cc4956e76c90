"""The extractor's own sentence splitter (`extractors.context.split_sentences`), on real shapes."""
from __future__ import annotations

import pytest

from vnfigures.extractors.context import split_sentences


@pytest.mark.parametrize(("text", "sentences"), [
    ("Có 5 hộ. Hơn 3 người\nGần 2 tấn", ["Có 5 hộ.", "Hơn 3 người", "Gần 2 tấn"]),
    # an abbreviation's dot ends no sentence (held-out Báo Lâm Đồng: `TP. Huế, TP. Đà Nẵng`)
    ("Mưa lớn ở TP. Huế và TP. Đà Nẵng. Lũ vượt mức lịch sử.", ["Mưa lớn ở TP. Huế và TP. Đà Nẵng.", "Lũ vượt mức lịch sử."]),
    ("Theo GS. Nguyễn Văn A, giá tăng 5%. Xã có 10 hộ.", ["Theo GS. Nguyễn Văn A, giá tăng 5%.", "Xã có 10 hộ."]),
    # ... but a word that only ends like one still ends its sentence (`ATP.`)
    ("Giải đấu ATP. Sau đó có 3 trận.", ["Giải đấu ATP.", "Sau đó có 3 trận."]),
    # an ellipsis before a lower-case word trails off a list inside its sentence
    ("trồng rừng… với tổng mức 1.300 tỷ đồng", ["trồng rừng… với tổng mức 1.300 tỷ đồng"]),
])
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences
