"""Held-out scraped texts: written after the text rules of issue #12 were in place, in the
shapes of templates the rules were not written on (a national paper's page saved as text
with a related box, a dateline and tags; a provincial paper's scrape with reading tools, a
ticker and a comment thread; a magazine's scrape with the page's title and no repeated
headline; a mobile page pasted with its bottom bar). `BENCH_TEXTS_HELDOUT` is scored by
`python -m vnfigures.bench.scraped` too (as "held-out-text"); see the report of #12 for how
many rows passed as first written.
"""
from __future__ import annotations

import pytest
from vnfigures.clean import clean_text

P = [
    "Sáng 5/12, UBND tỉnh Quảng Trị tổ chức hội nghị tổng kết chương trình xóa nhà tạm, nhà dột nát năm 2024.",
    "Theo báo cáo, trong năm toàn tỉnh đã hỗ trợ xây mới và sửa chữa 1.250 căn nhà cho hộ nghèo, hộ cận nghèo.",
    "Tổng kinh phí thực hiện hơn 62 tỷ đồng, trong đó ngân sách nhà nước chiếm khoảng 40%, còn lại là nguồn xã hội hóa.",
    "Ông Hoàng Nam, Phó Chủ tịch UBND tỉnh, đề nghị các địa phương hoàn thành 300 căn còn lại trước Tết Nguyên đán.",
    "Dịp này, tỉnh đã khen thưởng 25 tập thể và 40 cá nhân có thành tích xuất sắc trong phong trào thi đua.",
]
HEAD = "Quảng Trị hỗ trợ hơn 1.250 căn nhà cho hộ nghèo trong năm 2024"
TEASERS = ["Hà Tĩnh hoàn thành xóa nhà tạm cho 2.000 hộ trước thời hạn", "Nghệ An huy động 150 tỷ đồng làm nhà cho hộ nghèo",
           "Thừa Thiên Huế bàn giao nhà đại đoàn kết cho người dân vùng lũ", "Quảng Bình khởi công 500 căn nhà cho hộ khó khăn"]
SUMMARY = "Năm nay, tỉnh đặt mục tiêu hỗ trợ thêm hàng nghìn căn nhà cho các hộ nghèo, với kinh phí lớn từ nhiều nguồn."

NATIONAL = "\n".join([
    f"{HEAD} | Báo Lao Động", "Đăng nhập", "Thời sự", "Xã hội", "Kinh tế", "Bất động sản", "Công đoàn", "Pháp luật",
    "Giá vàng SJC 84,5 86,0 ▲", "USD/VND 25.390 25.420", "Trang chủ", "Xã hội", HEAD, "Thứ Năm, 05/12/2024 08:30 (GMT+7)",
    "HOÀNG VĂN MINH", P[0], "TIN LIÊN QUAN", TEASERS[0], TEASERS[1], *P[1:], "HOÀNG VĂN MINH",
    "Tags: xóa nhà tạm hộ nghèo Quảng Trị", "Tin mới nhất", TEASERS[2], SUMMARY, TEASERS[3], SUMMARY,
    "Cơ quan chủ quản: Tổng Liên đoàn Lao động Việt Nam", "Tổng Biên tập: Nguyễn Văn A",
    "Giấy phép số 1/GP-BTTTT cấp ngày 1/1/2024", "Địa chỉ: 6 Phạm Văn Bạch, Hà Nội", "© Bản quyền thuộc về Báo Lao Động",
])

PROVINCIAL = "\n".join([
    "Thứ sáu, 06/12/2024", "Quảng Trị, 24°C - 28°C", "Cỡ chữ", "In bài", "Nghe đọc bài", HEAD, "Báo Quảng Trị", *P,
    "Thanh Hà", "Ý kiến bạn đọc (2)", "Nguyễn Văn Bình", "Chương trình rất ý nghĩa, mong tỉnh tiếp tục hỗ trợ bà con vùng lũ.",
    "2 giờ trước", "Trả lời", "Trần Thị Hoa", "Cảm ơn các nhà hảo tâm đã chung tay, gia đình tôi đã có nhà mới kiên cố.",
    "1 ngày trước", "Trả lời", "Gửi bình luận",
])

MAGAZINE = "\n".join([
    f"{HEAD} - Tạp chí Nông thôn", "Tìm kiếm", "Menu", "Tin tức", "Chính sách", "Nông thôn mới", "Giảm nghèo bền vững",
    "Kinh tế nông nghiệp", "Đời sống", HEAD.replace("1.250", "1250"), "06/12/2024 | 07:15", *P,
    "Bạn chưa đăng nhập", "Đăng nhập để bình luận", "Chia sẻ", "Facebook", "Zalo", "Bài viết cùng chuyên mục", *TEASERS,
])

MOBILE = "\n".join([
    HEAD, "", "Cập nhật: 06/12/2024 07:15", *P, "Minh Anh", "Về trang chủ", "Chuyên mục", "Xã hội", "Kinh tế", "Thể thao",
    "Giải trí", "Sức khỏe", "Liên hệ quảng cáo", "Tải ứng dụng",
])

BENCH_TEXTS_HELDOUT = [
    ("national-page-as-text", NATIONAL, [HEAD, *P], ["Giá vàng SJC", "USD/VND", "Đăng nhập", "HOÀNG VĂN MINH", TEASERS[0],
                                                     TEASERS[2], "Tags:", "Tổng Biên tập", "Bản quyền"]),
    ("provincial-with-comments", PROVINCIAL, [HEAD, *P], ["24°C", "Cỡ chữ", "Nghe đọc bài", "Báo Quảng Trị",
                                                          "Chương trình rất ý nghĩa", "Cảm ơn các nhà hảo tâm", "Gửi bình luận"]),
    ("magazine-title-differs", MAGAZINE, P, ["Tìm kiếm", "Giảm nghèo bền vững", "Kinh tế nông nghiệp", "Bạn chưa đăng nhập",
                                             "Bài viết cùng chuyên mục", TEASERS[0], TEASERS[3]]),
    ("mobile-bottom-bar", MOBILE, [HEAD, *P], ["Cập nhật", "Về trang chủ", "Chuyên mục", "Sức khỏe", "Tải ứng dụng"]),
]


@pytest.mark.parametrize(("name", "raw", "with_", "without"), BENCH_TEXTS_HELDOUT, ids=[r[0] for r in BENCH_TEXTS_HELDOUT])
def test_held_out_scraped_text(name: str, raw: str, with_: list[str], without: list[str]) -> None:
    text = clean_text(raw).text
    assert ([s for s in with_ if s not in text], [s for s in without if s in text]) == ([], [])
