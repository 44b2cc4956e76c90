"""clean_text on whole scraped pages: the article's sentences stay, the page around it goes.

`BENCH_TEXTS` (read by `python -m vnfigures.bench.scraped` too) are the four scraped pages of
../shared/corpus/raw/text whose gold keeps the page's furniture: snippets of the article the
cleaned text must keep (each with a figure gold annotates) and of the furniture it must not.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from vnfigures.bench.scraped import page_as_text
from vnfigures.clean import clean_text

BENCH_TEXTS = [
    ("baohatinh_201",
     ["Nhộn nhịp mua vàng ngày vía Thần Tài ở Hà Tĩnh", "lượng khách tăng gấp đôi, gấp ba ngày thường",
      "từ 5.520.000 – 5.550.000 đồng/chỉ bán ra", "ở mức cao với 5.600.000 đồng/chỉ bán ra",
      "Loại sản phẩm khách chọn nhiều nhất là mệnh giá 1 – 2 chỉ."],
     ["{name} - {time} Trả lời", "Giấy phép số: 15/GP-BTTTT", "Bản quyền thuộc về Báo Hà Tĩnh",
      "Cấm sao chép dưới mọi hình thức", "Tổng biên tập: Nguyễn Công Thành", "Request time", "Email quảng cáo"]),
    ("vtc_201",
     ["657.000 tỷ đồng đầu tư công năm 2024", "Thông tin này được Thủ tướng Phạm Minh Chính đưa ra",
      "cả nước đang thúc đẩy 3 động lực tăng trưởng", "giải ngân đạt 2.477/10.825 tỷ đồng (23%)"],
     ["Thông báo Thông tin", "Thưa quý độc giả", "mong nhận được sự ủng hộ của quý bạn đọc",
      "Số tài khoản: 0651101092004", "Ngân hàng quân đội MBBANK"]),
    ("hanoimoi_201",
     ["Nghịch lý giá nhà - trái phiếu", "lên tới hơn 297.000 tỷ đồng", "khoảng 57.000 tỷ đồng trái phiếu",
      "không thể thiếu sự chủ động của doanh nghiệp bất động sản..."],
     ["Chủ Nhật, 18/2/2024", "Bình luận của bạn đã được gửi", "được duyệt bởi ban biên tập"]),
    ("vietnamvn_201",
     ["Nam Bộ nắng nóng gay gắt kéo dài", "nhiệt độ vào buổi trưa ở mức 36-37 độ C", "ông Huy nói."],
     ["Source link"]),
]


@pytest.mark.parametrize(("name", "with_", "without"), BENCH_TEXTS, ids=[row[0] for row in BENCH_TEXTS])
def test_scraped_text_keeps_the_article_and_drops_the_page(shared_corpus: Path, name: str, with_: list[str],
                                                           without: list[str]) -> None:
    raw = (shared_corpus / "raw" / "text" / f"{name}.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    assert [s for s in with_ + without if s not in raw] == []
    assert ([s for s in with_ if s not in text], [s for s in without if s in text]) == ([], [])
