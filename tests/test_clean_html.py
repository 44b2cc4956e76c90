"""clean_html: the article of a saved page, or NoArticleFound for list pages and homepages."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from vnfigures.clean import clean_html, clean_text
from vnfigures.errors import NoArticleFound

# Floors for clean_expect.json (trafilatura 2.3.1 reaches 0.880 / 0.795 on the same pages,
# readability-lxml 0.9 0.930 / 1.000 but refuses no list page: `python -m vnfigures.bench.clean`).
WITH_FLOOR = 0.98
WITHOUT_FLOOR = 1.0


def norm(text: str) -> str:
    """Compare snippets after NFC and whitespace collapsing."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _expectations(shared_corpus: Path) -> list[dict]:
    return json.loads((shared_corpus / "clean_expect.json").read_text(encoding="utf-8"))


def _page(shared_corpus: Path, entry: dict) -> Path:
    name = entry["file"]
    return shared_corpus / name if name.startswith("raw/") else shared_corpus.parent / name


def _cleaned_text(path: Path, site_hints: bool = True) -> str:
    """The cleaned text of a page; a page with no article contains nothing."""
    raw = path.read_text(encoding="utf-8")
    try:
        cleaned = clean_html(raw, site_hints=site_hints) if path.suffix == ".html" else clean_text(raw)
    except NoArticleFound:
        return ""
    return norm(cleaned.text)


def _shares(shared_corpus: Path, site_hints: bool = True) -> tuple[float, float]:
    kept = wanted = excluded = unwanted = 0
    for entry in _expectations(shared_corpus):
        text = _cleaned_text(_page(shared_corpus, entry), site_hints)
        kept += sum(norm(s) in text for s in entry["with"])
        wanted += len(entry["with"])
        excluded += sum(norm(s) not in text for s in entry["without"])
        unwanted += len(entry["without"])
    return kept / wanted, excluded / unwanted


def test_clean_expect_shares_reach_the_floors(shared_corpus: Path) -> None:
    with_share, without_share = _shares(shared_corpus)
    assert with_share >= WITH_FLOOR
    assert without_share >= WITHOUT_FLOOR


def test_generic_rules_alone_reach_the_floors(shared_corpus: Path) -> None:
    """Without sites.yaml (as on a site we do not know) the generic rules do as well."""
    with_share, without_share = _shares(shared_corpus, site_hints=False)
    assert with_share >= WITH_FLOOR
    assert without_share >= WITHOUT_FLOOR


def test_site_hints_only_refine(shared_corpus: Path) -> None:
    """Every page cleans to the same text with and without its site's selectors."""
    pages = sorted((shared_corpus / "raw" / "html").glob("*.html"))
    differ = [p.stem for p in pages if _cleaned_text(p, True) != _cleaned_text(p, False)]
    assert differ == []


ARTICLE_PAGES = [
    ("vnexpress_1", "Cách các nước đối phó cú sốc năng lượng từ Trung Đông"),
    ("dantri_1", "Giá vàng giảm, vẫn cao hơn thế giới gần 20 triệu đồng/lượng"),
    ("tuoitre_1", "Chiến sự đẩy giá hoa nhập khẩu dịp 8-3 tăng mạnh"),
    ("vietnamnet_1", "Cổ phiếu FLC được giao dịch trở lại"),
    ("baodautu_1", "Xử phạt Giám đốc tài chính Tập đoàn Tiên Sơn Thanh Hoá vì thao túng cổ phiếu"),
    ("nld_1", "Những sai sót hộ kinh doanh thường gặp khi thực hiện quy định mới về thuế"),
    ("baochinhphu_1", "Chính sách mới có hiệu lực từ tháng 3/2026"),
    ("cafef_1", "Thời điểm nâng hạng cận kề, MBS điểm tên 30 cổ phiếu Việt Nam có khả năng lọt rổ chỉ số FTSE"),
    ("cafef_2", "Tăng hỗ trợ, giảm áp lực tài chính khi chuyển mục đích sử dụng đất"),
    ("phapluatplus_1", "''Mổ xẻ'' bài thuốc nam chữa khỏi bệnh trĩ bằng Đông y ở Việt Nam"),
]

LIST_PAGES = ["vnexpress_2", "dantri_2", "tuoitre_2", "vietnamnet_2", "baodautu_2", "nld_2",
              "baochinhphu_2", "cafef_3"]
HOMEPAGES = ["vnexpress_3", "dantri_3"]


def _html(shared_corpus: Path, name: str) -> str:
    return (shared_corpus / "raw" / "html" / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "title"), ARTICLE_PAGES)
def test_article_page_gives_its_title(shared_corpus: Path, name: str, title: str) -> None:
    cleaned = clean_html(_html(shared_corpus, name))
    assert cleaned.title == title
    assert cleaned.text.startswith(title + "\n")


@pytest.mark.parametrize("name", LIST_PAGES + HOMEPAGES)
def test_list_page_and_homepage_raise(shared_corpus: Path, name: str) -> None:
    with pytest.raises(NoArticleFound, match="no article"):
        clean_html(_html(shared_corpus, name))


def test_table_covers_every_page_in_clean_expect(shared_corpus: Path) -> None:
    listed = {Path(e["file"]).stem for e in _expectations(shared_corpus) if e["file"].endswith(".html")}
    assert listed == {n for n, _ in ARTICLE_PAGES} | set(LIST_PAGES) | set(HOMEPAGES)


@pytest.mark.parametrize(
    ("name", "url", "published"),
    [
        ("vnexpress_1", "https://vnexpress.net/cach-cac-nuoc-doi-pho-cu-soc-nang-luong-tu-trung-dong-5047363.html",
         "2026-03-07"),
        ("dantri_1", "https://dantri.com.vn/kinh-doanh/gia-vang-giam-van-cao-hon-the-gioi-gan-20-trieu-dongluong-20260307080054340.htm",
         "2026-03-07"),
    ],
)
def test_page_metadata(shared_corpus: Path, name: str, url: str, published: str) -> None:
    cleaned = clean_html(_html(shared_corpus, name))
    assert (cleaned.url, cleaned.published) == (url, published)


# -- small pages written for the rules (a site the selectors do not know) -----------------

BODY = "".join(
    f"<p>Đoạn {i}: huyện đã trao {i * 10} căn nhà tình thương cho các hộ nghèo trên địa bàn, "
    "với tổng kinh phí hàng tỷ đồng do các nhà hảo tâm đóng góp trong năm qua.</p>"
    for i in range(1, 6)
)
ARTICLE = (
    "<html><head><title>Trao nhà cho hộ nghèo - Báo Tỉnh</title>"
    '<link rel="canonical" href="https://baotinh.example.vn/trao-nha.html"></head><body>'
    "<nav><a href='/'>Trang chủ</a> <a href='/xh'>Xã hội</a></nav>"
    "<h1>Trao nhà cho hộ nghèo</h1><p class='meta'>Thứ hai, 10-11-25 18:42</p>"
    "<h2>Sáng 10/11, huyện trao 50 căn nhà cho hộ nghèo, mỗi căn trị giá 60 triệu đồng.</h2>"
    f"<div class='content'>{BODY}"
    "<figure><img src='a.jpg'><figcaption>Trao nhà cho hộ nghèo. Ảnh: T.A</figcaption></figure>"
    "<div class='box-related'><a href='/x'>Tin khác: trao 900 suất quà</a></div>"
    "<p><a href='/y'>Xã bên trao 70 con bò giống cho hộ cận nghèo</a></p>"
    "<div class='box-tinlienquanv2'><p>Hà Tĩnh trao 45 suất học bổng cho học sinh nghèo.</p></div>"
    "<p>MINH HẢI</p><p>Theo TTXVN</p></div>"
    "<footer><p>Bản quyền thuộc về Báo Tỉnh. Giấy phép số 1/GP.</p></footer></body></html>"
)


@pytest.mark.parametrize(
    ("expected", "present"),
    [
        ("Sáng 10/11, huyện trao 50 căn nhà cho hộ nghèo", True),  # lead
        ("Đoạn 5: huyện đã trao 50 căn nhà", True),  # body
        ("Trao nhà cho hộ nghèo.", True),  # caption without its credit
        ("Ảnh: T.A", False),
        ("900 suất quà", False),  # related box
        ("70 con bò", False),  # a paragraph that is only a link to another story
        ("45 suất học bổng", False),  # a box named in run-together Vietnamese
        ("MINH HẢI", False),  # byline
        ("Theo TTXVN", False),  # source line
        ("Bản quyền", False),  # footer
        ("Trang chủ", False),  # menu
        ("18:42", False),  # date line
    ],
)
def test_generic_article_page(expected: str, present: bool) -> None:
    assert (expected in clean_html(ARTICLE).text) is present


def test_generic_article_page_title_and_url() -> None:
    cleaned = clean_html(ARTICLE)
    assert (cleaned.title, cleaned.url) == ("Trao nhà cho hộ nghèo", "https://baotinh.example.vn/trao-nha.html")


SENTENCE = "huyện đã trao {} căn nhà tình thương cho các hộ nghèo trên địa bàn, với tổng kinh phí lớn."


@pytest.mark.parametrize(
    "paragraph",
    ["<div class='para'><p>Đoạn {i}: " + SENTENCE + "</p></div>", "<div>Đoạn {i}: " + SENTENCE + "</div>"],
    ids=["wrapped-p", "div-paragraphs"],
)
def test_paragraphs_not_under_one_element_are_found(paragraph: str) -> None:
    body = "".join(paragraph.format(i * 10, i=i) for i in range(6))
    cleaned = clean_html(f"<html><body><h1>Trao nhà</h1><div class='content'>{body}</div></body></html>")
    assert cleaned.title == "Trao nhà"
    assert len(cleaned.paragraphs) == 6
    assert cleaned.paragraphs[5].startswith("Đoạn 5: huyện đã trao 50 căn nhà")


LIST_PAGE = "<html><body><h1>Xã hội</h1>" + "".join(
    f"<article><h3><a href='/{i}'>Tin số {i} về hộ nghèo</a></h3>"
    f"<p>Tóm tắt ngắn của tin số {i}: huyện trao {i} căn nhà.</p></article>"
    for i in range(30)
) + "</body></html>"


WRAPPED_LIST_PAGE = "<html><body><div class='list'>" + "".join(
    f"<div class='item'><a href='/{i}'>Tin số {i} về trao nhà cho hộ nghèo</a>"
    f"<p>Tóm tắt của tin số {i}: huyện trao {i} căn nhà cho các hộ nghèo.</p></div>"
    for i in range(30)
) + "</div></body></html>"


FLAT_LIST_PAGE = "<html><body><h1>Xã hội</h1><div class='list'>" + "".join(
    f"<h3><a href='/{i}'>Tin số {i} về trao nhà cho hộ nghèo</a></h3>"
    f"<p>Tóm tắt của tin số {i}: huyện trao {i} căn nhà cho các hộ nghèo trên địa bàn.</p>"
    for i in range(20)
) + "</div></body></html>"
LINK_PARAGRAPH_LIST_PAGE = FLAT_LIST_PAGE.replace("<h3>", "<p>").replace("</h3>", "</p>")


@pytest.mark.parametrize(
    "page",
    [LIST_PAGE, WRAPPED_LIST_PAGE, FLAT_LIST_PAGE, LINK_PARAGRAPH_LIST_PAGE, "", "   ", "<html></html>", "<html><body><p>Chỉ một câu.</p></body></html>",
     "plain words, no markup at all"],
    ids=["list", "wrapped-list", "flat-list", "link-paragraph-list", "empty", "blank", "no-body", "one-sentence", "not-html"],
)
def test_pages_without_article_raise(page: str) -> None:
    """Also through the wrapped-paragraph fallback: a list of teasers is never an article."""
    with pytest.raises(NoArticleFound):
        clean_html(page)


@pytest.mark.parametrize("cut", [0.5, 0.7, 0.9])
def test_truncated_page_keeps_what_is_there_or_raises(shared_corpus: Path, cut: float) -> None:
    html = _html(shared_corpus, "vnexpress_1")
    truncated = html[: int(len(html) * cut)]
    try:
        cleaned = clean_html(truncated)
    except NoArticleFound:
        return
    assert cleaned.title == "Cách các nước đối phó cú sốc năng lượng từ Trung Đông"
    assert cleaned.paragraphs
