"""clean_html on page shapes of sites nobody described (no site hints apply to example.vn).

Each page is written the way a real template of its kind is (2012 table layouts, mobile `m.`
pages with `<br>`-separated text, a body split by an ad slot, a promotional box inside the
body, a lead in nested spans, an article followed by teasers in the same column); each row
says what the cleaned text must contain and what it must not.
"""
from __future__ import annotations

import pytest
from vnfigures.clean import clean_html
from vnfigures.errors import NoArticleFound

S = [
    "Sáng 11/3, UBND huyện Đức Thọ đã trao 120 con bò giống cho các hộ nghèo tại 12 xã trên địa bàn, với tổng kinh phí gần 1,8 tỷ đồng.",
    "Mỗi con bò có trọng lượng từ 90 đến 110 kg, được tiêm phòng đầy đủ trước khi giao cho các hộ dân chăm sóc.",
    "Theo ông Nguyễn Văn Hùng, Chủ tịch UBND huyện, đây là lần thứ ba trong năm huyện triển khai chương trình hỗ trợ sinh kế.",
    "Các hộ nhận bò cam kết chăm sóc tốt, sau ba năm sẽ hoàn trả một con bê cho hội nông dân để luân chuyển cho hộ khác.",
    "Năm 2011, toàn huyện giảm được 4,2% hộ nghèo, vượt chỉ tiêu Nghị quyết Hội đồng nhân dân huyện đề ra từ đầu năm.",
    "Dự kiến đến cuối năm 2012, huyện phấn đấu giảm tỷ lệ hộ nghèo xuống còn dưới 12%, theo báo cáo của phòng Lao động.",
]
LEAD = "Huyện Đức Thọ vừa trao 120 con bò giống cho hộ nghèo, giúp các gia đình có thêm sinh kế ổn định lâu dài."
TITLE = "Đức Thọ trao 120 con bò giống cho hộ nghèo"
TEASERS = [
    ("Hà Tĩnh hỗ trợ 500 hộ nghèo làm nhà mới", "Tỉnh vừa phân bổ 25 tỷ đồng để hỗ trợ 500 hộ nghèo xây mới và sửa chữa nhà ở trong năm nay."),
    ("Nghệ An trao 300 suất học bổng cho học sinh", "Quỹ khuyến học tỉnh trao 300 suất học bổng, mỗi suất trị giá 2 triệu đồng cho học sinh vượt khó."),
    ("Quảng Bình giải ngân 40 tỷ đồng vốn vay ưu đãi", "Ngân hàng Chính sách xã hội tỉnh đã giải ngân 40 tỷ đồng cho 1.000 hộ nghèo vay vốn sản xuất."),
]


def _teasers(item: str) -> str:
    return "".join(item.format(title=t, summary=s, i=i) for i, (t, s) in enumerate(TEASERS))


TABLE_2012 = (
    "<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'>"
    f"<title>{TITLE} :: Báo điện tử Tỉnh Nhà</title></head><body>"
    "<table width='990' cellpadding='0' cellspacing='0'><tr><td colspan='2'><img src='logo.gif'>"
    "<a href='/'>Trang chủ</a> | <a href='/ts'>Thời sự</a> | <a href='/kt'>Kinh tế</a> | <a href='/xh'>Xã hội</a></td></tr>"
    "<tr><td width='200' valign='top'><b>Tin mới nhất</b><br>"
    + "".join(f"<a href='/t{i}'>{t}</a><br>" for i, (t, _) in enumerate(TEASERS)) +
    "</td><td valign='top'><table width='100%'>"
    f"<tr><td class='tieude'><font size='4' color='#003399'><b>{TITLE}</b></font></td></tr>"
    "<tr><td><font color='gray'>Cập nhật lúc 08:15 ngày 12/03/2012</font></td></tr>"
    f"<tr><td><b>{LEAD}</b></td></tr>"
    "<tr><td><font face='Arial' size='2'>" + "<br><br>".join(S) + "</font></td></tr>"
    "<tr><td align='right'><b>Nguyễn Minh</b></td></tr></table>"
    "<b>Các tin khác:</b><br>" + _teasers("<a href='/k{i}'>{title}</a><br>") +
    "</td></tr><tr><td colspan='2' align='center'>Bản quyền thuộc về Báo Tỉnh Nhà. Giấy phép số 123/GP-BVHTT."
    "</td></tr></table></body></html>"
)

MOBILE_BR = (
    f"<html><head><title>{TITLE} - Tỉnh Nhà Mobile</title>"
    "<link rel='canonical' href='https://tinhnha.example.vn/xa-hoi/duc-tho-trao-bo-12345.html'>"
    "<meta name='viewport' content='width=device-width'></head><body>"
    "<div class='m-header'><a href='/'>Tỉnh Nhà</a> <a href='/menu'>☰</a></div>"
    f"<div class='m-art'><h1 class='m-title'>{TITLE}</h1><div class='m-time'>Thứ hai, 12/03/2012 08:15</div>"
    f"<div class='m-sapo'>{LEAD}</div><div class='m-txt'>" + "<br /><br />".join(S) + "<br /><br />"
    "<i>Ảnh: Bà con nhận bò giống tại xã Tùng Ảnh.</i><br /><b>Minh Ngọc</b></div></div>"
    "<div class='m-list'>" + _teasers("<div class='m-it'><a href='/a{i}'>{title}</a><span>{summary}</span></div>") +
    "</div><div class='m-foot'>© Tỉnh Nhà 2012</div></body></html>"
)

AD_SPLIT = (
    f"<html><head><title>{TITLE}</title><meta property='og:title' content='{TITLE}'>"
    "<meta property='article:published_time' content='2024-03-12T08:15:00+07:00'></head><body>"
    f"<div class='wrap'><h1>{TITLE}</h1><p class='lead'>{LEAD}</p>"
    "<div class='txt'>" + "".join(f"<p>{s}</p>" for s in S[:3]) + "</div>"
    "<div id='zone-2751' class='z1'><div>QUẢNG CÁO</div></div>"
    "<div class='txt'>" + "".join(f"<p>{s}</p>" for s in S[3:]) + "</div>"
    "<div class='more'><h3>Đọc thêm</h3>" + _teasers("<h4><a href='/r{i}'>{title}</a></h4><p>{summary}</p>") +
    "</div></div></body></html>"
)

PROMO_INSIDE = (
    f"<html><head><title>{TITLE} | Tỉnh Nhà</title></head><body><div class='detail'>"
    f"<h1>{TITLE}</h1><div class='body'><p>{S[0]}</p><p>{S[1]}</p>"
    "<div class='kbox'><a href='https://shop.example.vn/x'><img src='p.jpg'></a>"
    "<a href='https://shop.example.vn/x'>Căn hộ view sông chỉ từ 1,2 tỷ đồng, nhận nhà ngay</a>"
    "<a href='https://shop.example.vn/x'>Đăng ký nhận ưu đãi 50%</a></div>"
    f"<p>{S[2]}</p>"
    "<div class='kbox2'><b>ƯU ĐÃI ĐẶC BIỆT THÁNG 3</b><br>Giảm 30% học phí<br>Tặng 2 khóa học<br>Gọi ngay 1900 1234</div>"
    f"<p>{S[3]}</p><table class='data'><tr><td>Xã Tùng Ảnh</td><td>25 con</td></tr>"
    "<tr><td>Xã Đức Lạng</td><td>18 con</td></tr><tr><td>Xã Trường Sơn</td><td>15 con</td></tr></table>"
    f"<p>{S[4]}</p><p>{S[5]}</p></div></div></body></html>"
)

NESTED_SPAN_LEAD = (
    f"<html><head><title>{TITLE} - Tỉnh Nhà</title><meta property='og:url' content='https://tinhnha.example.vn/a-1.html'>"
    "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@graph\": "
    "[{\"@type\": \"NewsArticle\", \"datePublished\": \"2023-08-21T10:00:00+07:00\"}]}</script></head><body>"
    f"<div class='art'><h1>{TITLE}</h1><div class='info'><span class='d'>21/08/2023 10:00</span></div>"
    "<span class='sum'><span><strong>(TN) - </strong><span>" + LEAD + "</span></span></span>"
    "<div class='ct'>" + "".join(f"<p>{s}</p>" for s in S) + "</div></div></body></html>"
)

TEASERS_SAME_COLUMN = (
    f"<html><head><title>{TITLE}</title></head><body><div class='col'><h1>{TITLE}</h1>"
    + "".join(f"<p>{s}</p>" for s in S) + "<p><b>Hải Yến</b></p>"
    + _teasers("<h3><a href='/t{i}'>{title}</a></h3><p>{summary}</p>") + "</div></body></html>"
)

DIV_PARAGRAPHS_IN_TD = (
    f"<html><head><title>{TITLE}</title></head><body><table><tr><td class='left'>"
    + _teasers("<div><a href='/l{i}'>{title}</a></div>") + "</td><td class='main'>"
    f"<div class='title'>{TITLE}</div>" + "".join(f"<div style='text-align:justify'>{s}</div>" for s in S)
    + "</td></tr></table></body></html>"
)

ONE_LONG_PARAGRAPH = (
    f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
    "<div class='nav'>" + _teasers("<a href='/n{i}'>{title}</a> ") + "</div>"
    "<div class='content'>" + " ".join(S) + "</div>"
    "<div class='side'>" + _teasers("<h3><a href='/s{i}'>{title}</a></h3><p>{summary}</p>") + "</div></body></html>"
)

PAGES = {
    "table-2012": TABLE_2012, "mobile-br": MOBILE_BR, "ad-split": AD_SPLIT, "promo-inside": PROMO_INSIDE,
    "nested-span-lead": NESTED_SPAN_LEAD, "teasers-same-column": TEASERS_SAME_COLUMN,
    "div-paragraphs-in-td": DIV_PARAGRAPHS_IN_TD, "one-long-paragraph": ONE_LONG_PARAGRAPH,
}

BODY_SNIPPETS = [s[:60] for s in S]
FURNITURE = [TEASERS[0][1][:50], TEASERS[2][1][:50], "Trang chủ", "Bản quyền", "1,2 tỷ đồng, nhận nhà",
             "Giảm 30% học phí", "Gọi ngay", "QUẢNG CÁO", "Cập nhật lúc", "Thứ hai, 12/03/2012"]


@pytest.mark.parametrize("name", PAGES)
def test_unknown_template_keeps_title_and_whole_body(name: str) -> None:
    cleaned = clean_html(PAGES[name], site_hints=False)
    assert cleaned.title == TITLE
    missing = [s for s in BODY_SNIPPETS if s not in cleaned.text]
    assert missing == []


@pytest.mark.parametrize("name", PAGES)
def test_unknown_template_drops_furniture(name: str) -> None:
    text = clean_html(PAGES[name], site_hints=False).text
    kept = [s for s in FURNITURE if s in text]
    assert kept == []


@pytest.mark.parametrize("name", ["table-2012", "mobile-br", "ad-split", "nested-span-lead"])
def test_unknown_template_keeps_the_lead(name: str) -> None:
    assert LEAD in clean_html(PAGES[name], site_hints=False).text


@pytest.mark.parametrize(
    ("name", "present"),
    [("promo-inside", "Xã Tùng Ảnh 25 con"), ("mobile-br", "Bà con nhận bò giống tại xã Tùng Ảnh.")],
)
def test_data_tables_and_captions_inside_the_body_stay(name: str, present: str) -> None:
    assert present in " ".join(clean_html(PAGES[name], site_hints=False).text.split())


@pytest.mark.parametrize(
    ("name", "published", "url"),
    [
        ("table-2012", "2012-03-12", None),
        ("mobile-br", "2012-03-12", "https://tinhnha.example.vn/xa-hoi/duc-tho-trao-bo-12345.html"),
        ("ad-split", "2024-03-12", None),
        ("nested-span-lead", "2023-08-21", "https://tinhnha.example.vn/a-1.html"),
    ],
)
def test_publication_date_and_address(name: str, published: str, url: str | None) -> None:
    cleaned = clean_html(PAGES[name], site_hints=False)
    assert (cleaned.published, cleaned.url) == (published, url)


LIST_2012 = (
    "<html><head><title>Xã hội :: Báo Tỉnh Nhà</title></head><body><table><tr><td>"
    "<a href='/'>Trang chủ</a> | <a href='/xh'>Xã hội</a></td></tr><tr><td>"
    + "".join(f"<table><tr><td><img src='{i}.jpg'></td><td><a href='/x{i}'><b>{t}</b></a><br>{s}</td></tr></table>"
              for i, (t, s) in enumerate(TEASERS * 6)) + "</td></tr></table></body></html>"
)
MOBILE_LIST = (
    "<html><body><div class='m-list'>"
    + "".join(f"<div class='m-it'><a href='/a{i}'>{t}</a><br>{s}<br><span>2 giờ trước</span></div>"
              for i, (t, s) in enumerate(TEASERS * 6)) + "</div></body></html>"
)
FONT_LIST_2012 = (
    "<html><body><table><tr><td><font face='Arial'>"
    + "".join(f"<p><a href='/f{i}'>{t}</a></p><p>{s}</p>" for i, (t, s) in enumerate(TEASERS * 6))
    + "</font></td></tr></table></body></html>"
)
INLINE_LINK_LIST = (
    "<html><body><div class='news'>"
    + "".join(f"<p><a href='/p{i}'>{t}</a> - {s}</p>" for i, (t, s) in enumerate(TEASERS * 6)) + "</div></body></html>"
)


@pytest.mark.parametrize("page", [LIST_2012, MOBILE_LIST, INLINE_LINK_LIST, FONT_LIST_2012],
                         ids=["list-2012", "mobile-list", "inline-link-list", "font-wrapped-list-2012"])
def test_list_shapes_are_refused_saying_what_was_seen(page: str) -> None:
    with pytest.raises(NoArticleFound, match=r"\d+ linked headlines, longest paragraph \d+ characters"):
        clean_html(page, site_hints=False)


# pages a scraper gets instead of the article: filled in by scripts (the text only in a JSON
# blob or a meta description), or a bot check; a list page is not one of them
SCRIPT_SHELL = (
    f"<html><head><title>{TITLE}</title><meta name='description' content='{LEAD}'></head>"
    "<body><div id='app'><div></div></div><script id='__DATA__' type='application/json'>"
    f"{{\"title\": \"{TITLE}\"}}</script></body></html>"
)
BOT_CHECK = ("<html><head><title>Just a moment...</title></head><body><div class='main'><noscript>"
             "<span>Enable JavaScript and cookies to continue</span></noscript></div></body></html>")


@pytest.mark.parametrize(
    ("page", "said"),
    [(SCRIPT_SHELL, "almost no text"), (BOT_CHECK, "almost no text"), (LIST_2012, "section list or homepage")],
    ids=["script-filled-shell", "bot-check", "list-2012"],
)
def test_empty_shells_are_refused_as_such(page: str, said: str) -> None:
    with pytest.raises(NoArticleFound, match=said):
        clean_html(page, site_hints=False)


TRAILING_BR_DIVS = (
    f"<html><head><title>{TITLE}</title></head><body><div id='main'><div class='t'>{TITLE}</div>"
    + "".join(f"<div class='p'>{s}<br></div>" for s in S) + "</div>"
    "<div class='r'>" + _teasers("<div><a href='/x{i}'>{title}</a></div>") + "</div></body></html>"
)
TEASER_CARDS_AFTER = (
    f"<html><head><title>{TITLE}</title></head><body><div class='col'><h1>{TITLE}</h1>"
    + "".join(f"<p>{s}</p>" for s in S)
    + _teasers("<article class='c'><h3><a href='/c{i}'>{title}</a></h3><p>{summary}</p></article>") + "</div></body></html>"
)
CAPTION = "Bà con xã Tùng Ảnh nhận bò giống từ chương trình hỗ trợ sinh kế của huyện Đức Thọ năm 2012."
SECTIONS = (
    f"<html><head><title>{TITLE}</title></head><body><div class='emg'><h1>{TITLE}</h1>"
    f"<div class='sec'><p>{S[0]}</p><p>{S[1]}</p></div>"
    f"<div class='ph'><img src='1.jpg'><p class='cap'>{CAPTION}</p></div>"
    f"<h2>Sinh kế bền vững cho hộ nghèo</h2><div class='sec'><p>{S[2]}</p><p>{S[3]}</p></div>"
    f"<figure><img src='2.jpg'><figcaption>{CAPTION}</figcaption></figure>"
    f"<div class='sec'><p>{S[4]}</p><p>{S[5]}</p></div>"
    "<div class='rel'>" + _teasers("<h3><a href='/e{i}'>{title}</a></h3><p>{summary}</p>") + "</div></div></body></html>"
)
# a photo story: each paragraph is the caption of a pair of pictures, in a wrapper of its own,
# with an empty ad slot between two wrappers and teaser cards (picture and linked headline) after
PHOTO_STORY = (
    f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><div class='story-body'>"
    + "".join(f"<div class='pics'><figure><img src='{i}a.jpg'></figure><figure><img src='{i}b.jpg'></figure>"
              f"<figcaption>{s}</figcaption></div>" + ("<div class='slot'><div id='ad1'></div></div>" if i == 2 else "")
              for i, s in enumerate(S))
    + _teasers("<div class='rel'><article><figure><a href='/p{i}'><img src='t.jpg'></a></figure>"
               "<h2><a href='/p{i}'>{title}</a></h2></article></div>") + "</div></body></html>"
)
COMMENTS_AFTER = (
    f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><div class='ct'>"
    + "".join(f"<p>{s}</p>" for s in S) + "</div><div class='binhluan-list'>"
    + "".join(f"<p>{s} Tôi thấy rất đúng, mong huyện tiếp tục làm như vậy cho bà con.</p>" for s in S)
    + "</div></body></html>"
)

# links inside the sentences named like the related box after them (one class word for both)
LINKED_WORDS = [
    "Sáng 11/3, UBND huyện Đức Thọ đã trao 120 con <a class='cms-relate' href='/tag/bo-giong'>bò giống</a> "
    "cho các hộ nghèo tại 12 xã, với tổng kinh phí gần 1,8 tỷ đồng.",
    "Mỗi con bò được tiêm phòng đầy đủ (theo hướng dẫn của <a class='cms-relate' href='/tag/thu-y'>trạm thú y</a>).",
]
INLINE_JUNK_LINKS = (
    f"<html><head><title>{TITLE}</title></head><body><div class='col'><h1>{TITLE}</h1><div class='ct'>"
    + "".join(f"<p>{s}</p>" for s in LINKED_WORDS) + "".join(f"<p>{s}</p>" for s in S[2:])
    + "<div class='cms-relate'>" + _teasers("<a href='/c{i}'>{title}</a>") + "</div></div></div></body></html>"
)
LINKED_WORDS_KEPT = ["trao 120 con bò giống cho các hộ nghèo", "(theo hướng dẫn của trạm thú y)."]


@pytest.mark.parametrize(
    ("page", "kept", "gone"),
    [(TRAILING_BR_DIVS, [s[:60] for s in S], [TEASERS[0][0]]),
     # readers' comments are flat paragraphs too, longer than the article: their box is named
     # as one, in Vietnamese run together ("binhluan")
     (COMMENTS_AFTER, [s[:60] for s in S], ["Tôi thấy rất đúng"]),
     (TEASER_CARDS_AFTER, [s[:60] for s in S], [TEASERS[0][1][:40], TEASERS[2][1][:40]]),
     (SECTIONS, [*(s[:60] for s in S), CAPTION, "Sinh kế bền vững cho hộ nghèo"], [TEASERS[0][1][:40]]),
     (PHOTO_STORY, [s[:60] for s in S], [TEASERS[0][0], TEASERS[2][0]]),
     (INLINE_JUNK_LINKS, [*LINKED_WORDS_KEPT, *(s[:60] for s in S[2:])], [TEASERS[0][0], TEASERS[2][0]])],
    ids=["paragraph-divs-with-trailing-br", "comments-after-article", "teaser-cards-after-article", "sections",
         "photo-story-captions", "links-in-sentences-named-as-boxes"],
)
def test_more_shapes(page: str, kept: list[str], gone: list[str]) -> None:
    text = clean_html(page, site_hints=False).text
    assert ([k for k in kept if k not in text], [g for g in gone if g in text]) == ([], [])


DATE_ABOVE_TITLE = (
    "<html><head><script type='application/ld+json'>{\"@type\": \"WebPage\", \"mainEntity\": "
    "{\"@type\": \"NewsArticle\", \"datePublished\": \"2022-05-09T07:30:00+07:00\"}}</script></head><body>"
    f"<div class='top'><span>Thứ hai, 9/5/2022 07:30</span></div><h1>{TITLE}</h1><div>" + "".join(f"<p>{s}</p>" for s in S)
    + "</div></body></html>"
)


@pytest.mark.parametrize(
    ("page", "published"),
    [(DATE_ABOVE_TITLE, "2022-05-09"), (DATE_ABOVE_TITLE.split("</head>")[1], "2022-05-09")],
    ids=["json-ld-nested-in-main-entity", "dateline-above-the-headline"],
)
def test_more_publication_dates(page: str, published: str) -> None:
    assert clean_html(page, site_hints=False).published == published


def _bench_pages() -> list[tuple[str, str, str, list[str], list[str]]]:
    """These pages for `python -m vnfigures.bench.clean --fixtures`: (name, kind, html, with, without)."""
    with_lead = {"table-2012", "mobile-br", "ad-split", "nested-span-lead"}
    pages = [(name, "article", html, BODY_SNIPPETS + ([LEAD] if name in with_lead else []), FURNITURE)
             for name, html in PAGES.items()]
    pages += [("paragraph-divs-with-trailing-br", "article", TRAILING_BR_DIVS, BODY_SNIPPETS, [TEASERS[0][0]]),
              ("comments-after-article", "article", COMMENTS_AFTER, BODY_SNIPPETS, ["Tôi thấy rất đúng"]),
              ("teaser-cards-after-article", "article", TEASER_CARDS_AFTER, BODY_SNIPPETS, [TEASERS[0][1][:40]]),
              ("sections", "article", SECTIONS, [*BODY_SNIPPETS, CAPTION], [TEASERS[0][1][:40]]),
              ("photo-story-captions", "article", PHOTO_STORY, BODY_SNIPPETS, [TEASERS[0][0], TEASERS[2][0]]),
              ("links-in-sentences-named-as-boxes", "article", INLINE_JUNK_LINKS,
               [*LINKED_WORDS_KEPT, *(s[:60] for s in S[2:])], [TEASERS[0][0], TEASERS[2][0]])]
    teasers = [summary[:50] for _, summary in TEASERS]
    pages += [(name, "list", html, [], teasers)
              for name, html in [("list-2012", LIST_2012), ("mobile-list", MOBILE_LIST), ("inline-link-list", INLINE_LINK_LIST),
                                 ("font-wrapped-list-2012", FONT_LIST_2012)]]
    return pages


BENCH_PAGES = _bench_pages()


# Links and names inside running text carry the class words of the site's boxes ("cms-relate",
# "tag-link", "author-name"): they are words of the sentence and stay. Boxes of links, a
# pointer on a line of its own and a link appended after a paragraph's last sentence still go.
def _junk_dropped(fragment: str) -> str:
    from bs4 import BeautifulSoup
    from vnfigures.clean.config import html_rules
    from vnfigures.clean.page import drop_junk, text_blocks

    body = BeautifulSoup(f"<div>{fragment}</div>", "lxml").div
    drop_junk(body, html_rules())
    return " | ".join(text_blocks(body, html_rules()))


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>Giá <a class='cms-relate' href='/tag/lua'>lúa gạo</a> tại các xã ven biển tăng nhẹ trong tuần qua.</p>",
         "Giá lúa gạo tại các xã ven biển tăng nhẹ trong tuần qua."),
        ("<p>Ông <span class='author-name'>Nguyễn Văn Hùng</span> cho biết huyện sẽ hỗ trợ thêm 50 hộ nghèo.</p>",
         "Ông Nguyễn Văn Hùng cho biết huyện sẽ hỗ trợ thêm 50 hộ nghèo."),
        ("<p>Huyện kiểm định chất lượng giống (gồm <a class='relate' href='/b'>bò lai Sind</a>).</p>",
         "Huyện kiểm định chất lượng giống (gồm bò lai Sind)."),
        ("<p>Kinh phí hỗ trợ được trích từ quỹ của <em class='tag-hl'>Hội Nông dân tỉnh</em></p>",  # no stop
         "Kinh phí hỗ trợ được trích từ quỹ của Hội Nông dân tỉnh"),
        # boxes and pointers
        ("<p>Giá lúa tăng nhẹ.</p><div class='box-relate'><a href='/r0'>Nghệ An trao học bổng</a></div>",
         "Giá lúa tăng nhẹ."),
        ("<p>Giá lúa tăng nhẹ.</p><ul class='list-related'><li><a href='/r1'>Hà Tĩnh làm nhà</a></li></ul>",
         "Giá lúa tăng nhẹ."),
        ("<p>Xem thêm: <a class='cms-relate' href='/r2'>Quảng Bình giải ngân 40 tỷ đồng vốn vay</a></p>",
         "Xem thêm:"),
        ("<p>Từ khóa: <a class='tag' href='/t1'>sinh kế</a>, <a class='tag' href='/t2'>hộ nghèo</a></p>",
         "Từ khóa: ,"),
        ("<p>Huyện đã trao 120 con bò giống cho các hộ nghèo trong năm. "
         "<a class='cms-relate' href='/r3'>Nghệ An trao 300 suất học bổng</a></p>",
         "Huyện đã trao 120 con bò giống cho các hộ nghèo trong năm."),
        ("<p>Huyện đã trao 120 con bò giống cho các hộ nghèo trong năm.<br>"
         "<span class='related'><a href='/r4'>Nghệ An trao học bổng</a></span></p>",
         "Huyện đã trao 120 con bò giống cho các hộ nghèo trong năm."),
        ("<p>Bài và ảnh: <span class='author'>Minh Ngọc</span></p>", "Bài và ảnh:"),
        ("<p>Giá lúa tăng <span class='related'><span>cao</span><div>Tin liên quan</div></span> nhẹ.</p>",
         "Giá lúa tăng nhẹ."),
    ],
    ids=["link-in-sentence", "name-in-sentence", "link-before-closing-bracket", "link-ends-unfinished-sentence",
         "related-box", "related-list", "pointer-line", "keyword-line", "link-after-last-sentence",
         "link-on-a-line-of-its-own", "byline", "inline-box-holding-a-block"],
)
def test_junk_words_inside_a_sentence_keep_their_text(fragment: str, expected: str) -> None:
    assert _junk_dropped(fragment) == expected
