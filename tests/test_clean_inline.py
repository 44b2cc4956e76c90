"""clean_text on scraped pages whose furniture is glued to the article or pasted as lines.

The rules are about shapes (a sentence addressing the reader about the site, an unfilled
template field, a footer label, interface words, a dateline, a pasted menu), so each row
below is a real line from a scraped page or one written the same way for another site.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from vnfigures.clean import clean_text
from vnfigures.clean.dates import dateline_date, iso_date
from vnfigures.clean.inline import inline_rules

ARTICLE = "Huyện đã trao 20 căn nhà cho hộ nghèo, mỗi căn trị giá 60 triệu đồng."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (ARTICLE + " Bình luận của bạn đã được gửi và sẽ hiển thị sau khi được duyệt bởi ban biên tập.", ARTICLE),
        (ARTICLE + " Thưa quý độc giả, Báo điện tử Tỉnh Nhà mong nhận được sự ủng hộ của quý bạn đọc. "
         "Mong nhận được sự ủng hộ của quý vị qua hình thức: Số tài khoản: 0123456789 Ngân hàng ABC", ARTICLE),
        (ARTICLE + " Minh Anh {name} - {time} Trả lời Xem thêm Giấy phép số: 15/GP-BTTTT cấp ngày 17/01/2022. "
         "Bản quyền thuộc về Báo Tỉnh Nhà. Cấm sao chép dưới mọi hình thức. Tổng biên tập: Nguyễn Văn A", ARTICLE),
        (ARTICLE + "  Source link", ARTICLE),
        (ARTICLE + " Xem thêm", ARTICLE),
        # the article's own sentences stay, even when they speak of readers or of the paper
        ("Ông Hùng cho biết bạn đọc có thể gửi thư về tòa soạn. " + ARTICLE,
         "Ông Hùng cho biết bạn đọc có thể gửi thư về tòa soạn. " + ARTICLE),
        ("Tỉnh kêu gọi các nhà hảo tâm ủng hộ đồng bào vùng lũ.", "Tỉnh kêu gọi các nhà hảo tâm ủng hộ đồng bào vùng lũ."),
        ("Bài và ảnh: Kỳ Nam", "Bài và ảnh: Kỳ Nam"),
    ],
)
def test_widget_sentences_glued_to_the_last_line_go(line: str, expected: str) -> None:
    assert inline_rules().strip_tail(line) == expected


@pytest.mark.parametrize(
    ("line", "expected", "dateline"),
    [
        ("Thông báo Thông tin này được Thủ tướng đưa ra sáng 16/2.", "Thông tin này được Thủ tướng đưa ra sáng 16/2.", None),
        ("Chủ Nhật, 18/2/2024 Theo số liệu thống kê, lượng trái phiếu tăng.", "Theo số liệu thống kê, lượng trái phiếu tăng.",
         "2024-02-18"),
        ("Cập nhật: 17:48 | 18/02/2024 Sáng nay, huyện trao 20 căn nhà.", "Sáng nay, huyện trao 20 căn nhà.", "2024-02-18"),
        ("Thông báo của UBND tỉnh nêu rõ 5 nhiệm vụ.", "Thông báo của UBND tỉnh nêu rõ 5 nhiệm vụ.", None),
        ("Ngày 5/3/2024, huyện trao 20 căn nhà.", "Ngày 5/3/2024, huyện trao 20 căn nhà.", None),
    ],
)
def test_notice_and_dateline_glued_to_the_first_line_go(line: str, expected: str, dateline: str | None) -> None:
    rest, found = inline_rules().strip_head(line)
    assert (rest, dateline_date(found) if found else None) == (expected, dateline)


@pytest.mark.parametrize(
    ("line", "ui", "prompt"),
    [
        ("Liên hệ quảng cáo", True, False),
        ("Đăng nhập", True, False),
        ("Trả lời", True, False),
        ("Source link", True, False),
        ("Bạn chưa đăng nhập", False, True),
        ("Vui lòng đăng nhập để bình luận, bạn nhé", False, True),
        ("Liên hệ", True, False),
        ("Trao quà cho hộ nghèo", False, False),
        ("Theo dõi sát diễn biến mưa lũ, huyện đã di dời 11 hộ dân.", False, False),
        ("Bạn đọc ở huyện Hồng Dân đã góp 20 triệu đồng giúp gia đình anh Nam sửa lại căn nhà bị sập trong trận lũ tuần trước.", False, False),
    ],
)
def test_interface_lines(line: str, ui: bool, prompt: bool) -> None:
    rules = inline_rules()
    assert (rules.is_ui_line(line), rules.is_prompt_line(line)) == (ui, prompt)


BODY = ["Sáng 4/1, huyện trao 20 căn nhà cho hộ nghèo, mỗi căn trị giá 60 triệu đồng.",
        "Kinh phí do các doanh nghiệp trên địa bàn đóng góp trong năm qua."]


@pytest.mark.parametrize(
    ("raw", "expected", "published"),
    [
        # menu pasted as lines after the headline, dateline line with '|', login prompt
        ("Trao 20 căn nhà cho hộ nghèo\nThời sự\nKinh tế\nXã hội\nThế giới\nThể thao\n"
         "Cập nhật: 17:48 | 18/02/2024\nBạn chưa đăng nhập\n" + "\n".join(BODY),
         "Trao 20 căn nhà cho hộ nghèo\n" + "\n".join(BODY), "2024-02-18"),
        # a comment thread after the article
        ("Trao 20 căn nhà cho hộ nghèo\n" + "\n".join(BODY) + "\nBình luận (2)\nNguyễn Văn B\n"
         "Huyện làm tốt quá, mong các xã khác học tập.\n2 giờ trước\nTrả lời\nThích",
         "Trao 20 căn nhà cho hộ nghèo\n" + "\n".join(BODY), None),
        # a menu pasted at the end, then the footer glued to the last line
        ("Trao 20 căn nhà cho hộ nghèo\n" + "\n".join(BODY) + "\nTrang chủ\nThời sự\nKinh tế\nXã hội\nLiên hệ quảng cáo",
         "Trao 20 căn nhà cho hộ nghèo\n" + "\n".join(BODY), None),
        ("Thứ hai, 10-11-25 18:42\nTrao 20 căn nhà cho hộ nghèo\n" + "\n".join(BODY),
         "Trao 20 căn nhà cho hộ nghèo\n" + "\n".join(BODY), "2025-11-10"),
    ],
)
def test_scraped_page_shapes(raw: str, expected: str, published: str | None) -> None:
    cleaned = clean_text(raw)
    assert (cleaned.text, cleaned.published) == (expected, published)


# Furniture of the four scraped pages in ../shared/corpus/raw/text, and each article's last words.
SCRAPED = [
    ("baohatinh_201", ["{name}", "Giấy phép số", "Request time", "Bản quyền thuộc về"], "chào đón năm mới."),
    ("vtc_201", ["Thông báo", "Thưa quý độc giả", "Số tài khoản"], "tỷ đồng (23%)…"),
    ("hanoimoi_201", ["Bình luận của bạn", "Chủ Nhật, 18/2/2024"], "doanh nghiệp bất động sản..."),
    ("vietnamvn_201", ["Source link"], "ông Huy nói."),
]


@pytest.mark.parametrize(("name", "gone", "end"), SCRAPED, ids=[s[0] for s in SCRAPED])
def test_scraped_pages_lose_their_furniture(shared_corpus: Path, name: str, gone: list[str], end: str) -> None:
    raw = (shared_corpus / "raw" / "text" / f"{name}.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    assert [g for g in gone if g in raw] == gone
    assert [g for g in gone if g in text] == []
    assert text.endswith(end)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-03-07T00:05:00+07:00", "2026-03-07"), ("2024/03/12", "2024-03-12"), ("17:26 - 18/01/2016", "2016-01-18"),
     ("2026-02-30T00:00:00", None), ("Thứ năm, 31/12/98", "1998-12-31"), ("", None)],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_dates_doctests() -> None:
    import doctest

    import vnfigures.clean.dates as dates

    result = doctest.testmod(dates)
    assert (result.attempted > 0, result.failed) == (True, 0)
