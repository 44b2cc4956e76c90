"""clean_text on whole scraped pages: the article's sentences stay, the page around it goes.

`BENCH_TEXTS` (read by `python -m vnfigures.bench.scraped` too, so this module imports no bench) are the four scraped pages of
../shared/corpus/raw/text whose gold keeps the page's furniture: snippets of the article the
cleaned text must keep (each with a figure gold annotates) and of the furniture it must not.
"""
from __future__ import annotations

from pathlib import Path

import pytest
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


P = ["Sáng 4/1, huyện Hồng Dân trao 20 căn nhà cho hộ nghèo, mỗi căn trị giá 60 triệu đồng từ nguồn xã hội hóa.",
     "Kinh phí do các doanh nghiệp trên địa bàn đóng góp trong năm qua, cùng ngày công của bà con trong ấp.",
     "Dịp này, huyện còn tặng 115 phần quà cho các hộ có hoàn cảnh khó khăn, mỗi phần trị giá 500.000 đồng."]
HEAD = "Trao 20 căn nhà cho hộ nghèo ở Hồng Dân"
MENU = ["Thời sự", "Kinh tế thị trường", "Xã hội", "Văn hóa - Giải trí", "Liên hệ toà soạn", "0290 3831 361",
        "Xu hướng nông thôn mới ở vùng sâu", "Trang chủ"]
RELATED = ["Cà Mau trao 50 căn nhà đại đoàn kết cho hộ nghèo", "Bạc Liêu khởi công 30 căn nhà tình thương cho hộ cận nghèo",
           "Sóc Trăng hỗ trợ 200 hộ sửa chữa nhà ở dịp cuối năm"]
SUMMARY = "Sáng nay, tỉnh tổ chức lễ bàn giao nhà cho các hộ nghèo, với tổng kinh phí hơn 2 tỷ đồng từ nhiều nguồn."
# related headlines a site sets right after the lead, without their "Tin liên quan" label
LEAD_RELATED = ["Kiên Giang khởi công 120 căn nhà đại đoàn kết cho hộ nghèo",
                "Hậu Giang: Bàn giao nhà tình nghĩa cho gia đình chính sách dịp Tết"]
WIDGETS = ["Bình luận", "Được quan tâm nhất", "Mới nhất", "Hiện chưa có bình luận nào, hãy là người đầu tiên bình luận",
           "Facebook Mail Twitter", "Đã có lỗi xảy ra, mời bạn quay lại bài viết", "Theo dõi chúng tôi", "Về đầu trang"]

LIST = ["Các giải pháp chính của huyện:", "- Hỗ trợ 50% kinh phí mua giống lúa cho hộ nghèo",
        "- Mở thêm ba lớp dạy nghề cho lao động nông thôn", "- Xây dựng hai tuyến đê bao chống ngập cho các ấp ven sông"]
# an interview's questions and answers end the article (held-out Báo Nông nghiệp): the answers are
# too long for a teaser's summary, so the pairs are no related stories
ANSWER = ("Nuôi tôm siêu thâm canh đạt năng suất cao, tỷ lệ rủi ro rất thấp, có thể áp dụng được nhiều nơi, nhiều "
          "vùng khác nhau trên cả nước, phù hợp với xu hướng phát triển của ngành tôm hiện nay. " * 3).strip()
INTERVIEW = ["Vậy hiệu quả cụ thể như thế nào của mô hình này?", ANSWER,
             "Mục tiêu phát triển mô hình này trong thời gian tới là gì?", ANSWER]
# a body long enough that one sapo above a repeated headline is a small share of its words
LONG_BODY = [f"{line} Đợt {n} còn {n * 10} hộ chờ nhận nhà trong các tháng tới, theo danh sách của xã." for n in
             range(1, 6) for line in P[1:]]
TABLE = ["Xã | Số nhà | Kinh phí", *(f"{x} | {n} | {n * 60} triệu đồng" for x, n in (
    ("Vĩnh Lộc", 12), ("Ninh Quới", 8), ("Lộc Ninh", 5), ("Ninh Thạnh Lợi", 4), ("Vĩnh Lộc A", 3), ("Ninh Hòa", 2),
    ("Lộc Ninh", 2), ("Ninh Quới A", 1))), "Tổng | 37 | 2.220 triệu đồng"]

WHOLE_PAGES = [
    # the <title> first, the header (menus, a phone number, trending tags), the headline again
    ("\n".join([f"{HEAD} - Báo Tỉnh Nhà", *MENU, HEAD, HEAD, *P]), "\n".join([HEAD, *P])),
    ("\n".join([f"{HEAD} | Báo Tỉnh Nhà", *MENU, HEAD, *P, *RELATED]), "\n".join([HEAD, *P])),
    ("\n".join([f"Báo Tỉnh Nhà - {HEAD}", *MENU, HEAD, *P, "Các tin đã đưa:", *RELATED]), "\n".join([HEAD, *P])),
    # bylines and share links between the headline and the first paragraph; a caption stays
    ("\n".join([f"{HEAD} - Báo Tỉnh Nhà", *MENU, HEAD, "MINH HẢI và 1 tác giả khác", "Sao chép liên kết",
                "Người dân nhận nhà mới tại ấp Vĩnh Lộc, huyện Hồng Dân", *P]),
     "\n".join([HEAD, "Người dân nhận nhà mới tại ấp Vĩnh Lộc, huyện Hồng Dân", *P])),
    # no title first: the headline above the first paragraph, under a long header
    ("\n".join([*MENU, "Bạn chưa đăng nhập", HEAD, "MINH HẢI", *P]), "\n".join([HEAD, *P])),
    ("\n".join([HEAD, *MENU, "Bạn chưa đăng nhập", *P]), "\n".join([HEAD, *P])),
    # related stories with their summaries after the article
    ("\n".join([HEAD, *P, RELATED[0], SUMMARY, RELATED[1], SUMMARY]), "\n".join([HEAD, *P])),
    # comment widgets and the page's menus after the article
    ("\n".join([HEAD, *P, *WIDGETS]), "\n".join([HEAD, *P])),
    # one "next story" (headline, one-sentence summary) right above the cut tail goes too;
    # the article's own closing section (a longer paragraph under its heading) stays
    ("\n".join([HEAD, *P, RELATED[0], SUMMARY, *WIDGETS]), "\n".join([HEAD, *P])),
    ("\n".join([HEAD, *P, RELATED[0], f"{SUMMARY} {SUMMARY}", *WIDGETS]),
     "\n".join([HEAD, *P, RELATED[0], f"{SUMMARY} {SUMMARY}"])),
    # a related-stories box inside the body goes alone; one that opens the tail ends the article
    ("\n".join([HEAD, P[0], "Tin liên quan", RELATED[0], RELATED[1], *P[1:]]), "\n".join([HEAD, *P])),
    ("\n".join([HEAD, *P, "Tin liên quan", RELATED[0], SUMMARY, RELATED[1], SUMMARY]), "\n".join([HEAD, *P])),
    # related headlines without a label inside the body; an announced list of the article stays
    ("\n".join([HEAD, P[0], *RELATED, *P[1:]]), "\n".join([HEAD, *P])),
    ("\n".join([HEAD, P[0], "Ba công trình được khởi công:", *RELATED, *P[1:]]),
     "\n".join([HEAD, P[0], "Ba công trình được khởi công:", *RELATED, *P[1:]])),
    # two related headlines right after the lead (an unlabelled "Tin liên quan" box) go; one
    # sub-heading there stays, and so do two headline-shaped lines deeper in the body or a marked list
    ("\n".join([HEAD, P[0], *LEAD_RELATED, *P[1:]]), "\n".join([HEAD, *P])),
    ("\n".join([HEAD, P[0], LEAD_RELATED[1], *P[1:]]), "\n".join([HEAD, P[0], LEAD_RELATED[1], *P[1:]])),
    ("\n".join([HEAD, P[0], P[1], *LEAD_RELATED, P[2]]), "\n".join([HEAD, P[0], P[1], *LEAD_RELATED, P[2]])),
    ("\n".join([HEAD, P[0], *LIST[1:3], *P[1:]]), "\n".join([HEAD, P[0], *LIST[1:3], *P[1:]])),
    # readers' comments that quote a paragraph of the article end the page (their names too);
    # a sapo printed again at the head of the body, going on, stays
    ("\n".join([HEAD, *P, f"\u201c{P[1]}\u201d Rất mừng cho bà con, mong các địa phương khác học tập.",
                "Nguyễn Văn Tâm", f"{P[2]} Cần công khai danh sách các hộ được nhận quà."]), "\n".join([HEAD, *P])),
    ("\n".join([HEAD, P[0], f"{P[0]} Tham dự có lãnh đạo huyện và đại diện các nhà tài trợ.", *P[1:]]),
     "\n".join([HEAD, P[0], f"{P[0]} Tham dự có lãnh đạo huyện và đại diện các nhà tài trợ.", *P[1:]])),
    # one advertisement line between paragraphs (a slogan glued to its button, or the button
    # alone) goes; a sub-heading or a sentence about registering stays
    ("\n".join([HEAD, P[0], "Đất nền ven biển chỉ từ 900 triệu, sổ đỏ trao tayGọi ngay 0912 345 678", *P[1:]]),
     "\n".join([HEAD, *P])),
    ("\n".join([HEAD, P[0], "Đăng ký nhận tư vấn miễn phí", *P[1:]]), "\n".join([HEAD, *P])),
    ("\n".join([HEAD, P[0], "Đăng ký kinh doanh tăng mạnh sau Tết", *P[1:]]),
     "\n".join([HEAD, P[0], "Đăng ký kinh doanh tăng mạnh sau Tết", *P[1:]])),
    ("\n".join([HEAD, P[0], "Hộ dân có nhu cầu gọi ngay cho trưởng ấp để được hỗ trợ sửa nhà.", *P[1:]]),
     "\n".join([HEAD, P[0], "Hộ dân có nhu cầu gọi ngay cho trưởng ấp để được hỗ trợ sửa nhà.", *P[1:]])),
    # the footer's copyright sentence is no paragraph of the article: the related headlines before it go
    ("\n".join([HEAD, *P, *RELATED, "Việc sử dụng nội dung trên website này phải có sự đồng ý bằng văn bản của tòa soạn."]),
     "\n".join([HEAD, *P])),
    # an article that only looks a little like a page: a section of one paragraph after the
    # others, a headline quoted in the body, a table of figures at the end: nothing goes
    ("\n".join([HEAD, *P, "Kết quả sau một năm", SUMMARY]), "\n".join([HEAD, *P, "Kết quả sau một năm", SUMMARY])),
    ("\n".join([HEAD, P[0], HEAD, *P[1:]]), "\n".join([HEAD, P[0], HEAD, *P[1:]])),
    ("\n".join([HEAD, *P, *LIST]), "\n".join([HEAD, *P, *LIST])),
    ("\n".join([HEAD, *P, LIST[0], *RELATED]), "\n".join([HEAD, *P, LIST[0], *RELATED])),
    ("\n".join([HEAD, *LIST, *LIST[1:], *P]), "\n".join([HEAD, *LIST, *LIST[1:], *P])),
    ("\n".join([HEAD, *P, *LIST, *LIST[1:], *LIST[1:]]), "\n".join([HEAD, *P, *LIST, *LIST[1:], *LIST[1:]])),
    ("\n".join([HEAD, *P, *TABLE]), "\n".join([HEAD, *P, *TABLE])),
    ("\n".join([HEAD, *P, *INTERVIEW]), "\n".join([HEAD, *P, *INTERVIEW])),
    # a repost prints title, sapo, caption, then the title again over the body (held-out tepbac): the
    # sapo is the article's, no page header above a repeated headline
    ("\n".join([HEAD, P[0], "Người dân nhận nhà mới tại ấp Vĩnh Lộc", HEAD, *LONG_BODY]),
     "\n".join([HEAD, P[0], *LONG_BODY])),
]


@pytest.mark.parametrize(("raw", "expected"), WHOLE_PAGES)
def test_whole_page_scrape_keeps_only_the_article(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [("<html><head><title>T</title></head><body><div>Menu<a>A</a></div><p>Một <b>câu</b> dài.</p><br>X</body></html>",
      "T\nMenuA\nMột câu dài.\nX"),
     ("<p>a<script>b()</script><!-- c --></p>", "a")],
)
def test_page_as_text_gives_one_line_per_block(html: str, expected: str) -> None:
    from vnfigures.bench.scraped import page_as_text  # here: bench.scraped reads this module's table

    assert page_as_text(html) == expected


def test_scrape_doctests() -> None:
    import doctest

    import vnfigures.clean.scrape as scrape

    result = doctest.testmod(scrape)
    assert (result.attempted > 0, result.failed) == (True, 0)


@pytest.mark.parametrize(
    ("sentence", "widget"),
    [("Chỉ được phát hành lại thông tin từ website này khi có sự đồng ý bằng văn bản của báo.", True),
     ("Việc sử dụng nội dung trên website này phải có sự đồng ý bằng văn bản của tòa soạn.", True),
     ("Người dân có thể sử dụng website này để tra cứu giá đất của 20 xã trong huyện.", False),
     ("Tỉnh đồng ý hỗ trợ 30% kinh phí cho các hộ làm nhà trên đất này.", False)],
)
def test_copyright_sentence_is_the_site_talking(sentence: str, widget: bool) -> None:
    from vnfigures.clean.inline import inline_rules

    assert inline_rules().is_widget_sentence(sentence) is widget


def test_whole_page_dateline_is_the_one_nearest_the_headline() -> None:
    raw = "\n".join([f"{HEAD} - Báo Tỉnh Nhà", "Thứ bảy, 7/3/2026", *MENU, HEAD, "Thứ năm, 5/3/2026 08:00", *P])
    cleaned = clean_text(raw)
    assert (cleaned.text, cleaned.published) == ("\n".join([HEAD, *P]), "2026-03-05")


@pytest.mark.parametrize("name", [row[0] for row in BENCH_TEXTS])
def test_every_gold_figure_of_a_scraped_page_survives_cleaning(shared_corpus: Path, name: str) -> None:
    import json

    gold = json.loads((shared_corpus / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    text = " ".join(clean_text(gold["text"]).text.split())  # a one-line page's paragraphs come out as lines
    lost = [f["text"] for f in gold["figures"]
            if " ".join(gold["text"][max(0, f["start"] - 15):f["end"]].split()) not in text]
    assert lost == []


@pytest.mark.parametrize(
    ("line", "ticker"),
    [("SJC 150.000 152.000", True), ("USD 25.123 +0,1%", True), ("VN-Index 1.767,5 ▼ 12,3 (-0,7%)", True),
     ("Vàng nhẫn 9999 148,5 ▲", True),
     ("Bitcoin 70.000 USD: +5%", False), ("2.000 tỷ đồng cho 500 km đường nông thôn", False),
     ("Giá vàng 9999 hôm nay 5/3/2024", False), ("25-30", False)],
)
def test_ticker_lines(line: str, ticker: bool) -> None:
    from vnfigures.clean.scrape import is_ticker_line

    assert is_ticker_line(line) is ticker


def test_tickers_above_the_headline_go() -> None:
    raw = "\n".join(["Vàng SJC 150.000 152.000 ▲", "VN-Index 1.767,5 ▼ 12,3 (-0,7%)", HEAD, *P])
    assert clean_text(raw).text == "\n".join([HEAD, *P])


@pytest.mark.parametrize("raw", [raw for raw, _ in WHOLE_PAGES])
def test_whole_page_cleaning_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert (clean_text(once.text).text, clean_text(once.text).title) == (once.text, once.title)


def test_a_date_far_below_a_first_line_headline_is_not_the_dateline() -> None:
    body = [f"Ở xã thứ {i}, {P[0][0].lower()}{P[0][1:]}" for i in range(1, 15)]
    raw = "\n".join([HEAD, *MENU, "Bạn chưa đăng nhập", *body, "Thứ năm, 5/3/2020 08:00"])
    assert clean_text(raw).published is None


# Where a scrape keeps the publication date: page furniture at the top, next to the headline,
# or at the foot. A date the article reports ("Ngày 18/2/2024, ...") or a bare date and time at
# the foot of a whole page (a reader's comment, a teaser) is not it.
PUBLISHED_LINES = [
    ([], ["Cập nhật: 17:48 | 18/02/2024"], "2024-02-18"),
    ([], ["Minh Ngọc", "Ngày đăng: 18/02/2024"], "2024-02-18"),
    ([], ["Theo TTXVN, 18/02/2024"], "2024-02-18"),
    ([], ["Nguồn: Báo Hà Tĩnh (18/2/2024)"], "2024-02-18"),
    (["Published: 2024-02-18 17:48"], [], "2024-02-18"),
    (["Thứ sáu, 12/3/2024 08:15 (GMT+07:00)"], [], "2024-03-12"),
    (["(Dân trí) - Thứ Hai, 02/11/2020 - 07:15"], [], "2020-11-02"),
    (["https://vietnamnet.vn/2024/05/17/bao-so-4-ap-sat-bo.html"], [], "2024-05-17"),
    ([], ["https://dantri.com.vn/kinh-doanh/gia-vang-giam-20260307080054340.htm"], "2026-03-07"),
    ([], ["Nguồn: https://tuoitre.vn/thu-nhap-cua-nguoi-lao-dong-tang-20241125162512217.htm"], "2024-11-25"),
    ([], ["https://vnexpress.net/300-tan-ca-loc-do-ve-cho-dau-moi-4712566.html"], None),
    (["Ngày 18/2/2024, huyện trao thêm 10 căn nhà."], [], None),
]


@pytest.mark.parametrize(("top", "foot", "published"), PUBLISHED_LINES)
def test_publication_date_from_the_page_furniture(top: list[str], foot: list[str], published: str | None) -> None:
    cleaned = clean_text("\n".join([HEAD, "", *top, *P, *foot]))
    assert cleaned.published == published


def test_a_bare_date_at_the_foot_of_a_whole_page_is_a_comment_not_the_dateline() -> None:
    body = [f"Ở xã thứ {i}, {P[0][0].lower()}{P[0][1:]}" for i in range(1, 15)]
    raw = "\n".join([HEAD, *body, "Nguyễn An", "18/02/2024 17:48", "Trả lời"])
    assert clean_text(raw).published is None


def test_an_address_line_dates_the_page_gives_its_url_and_leaves_the_text() -> None:
    url = "https://dantri.com.vn/kinh-doanh/gia-vang-giam-20260307080054340.htm"
    cleaned = clean_text("\n".join([HEAD, "", f"Nguồn: {url}", *P]))
    assert (cleaned.url, cleaned.published, cleaned.text) == (url, "2026-03-07", "\n".join([HEAD, *P]))
