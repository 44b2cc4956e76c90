"""Fuzz: no input crashes the cleaners (only NoArticleFound may escape clean_html), the output
is deterministic, and clean_text is idempotent on whatever it returns."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vnfigures.clean import Cleaned, clean_html, clean_text
from vnfigures.errors import NoArticleFound

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines like those of scraped pages, so the rules are exercised and not only skipped.
LINE_PIECES = st.sampled_from([
    "Thứ hai, 10-11-25 18:42:04", "Cà Mau, 32°C/ 32°C - 33°C", "Theo dõi Báo Cà Mau trên",
    "Báo Cà Mau", "TRUNG CƯỜNG", "Hữu Nghị", "Ảnh: T.A", "Tin liên quan", "Từ khóa: a, b",
    "Trao 20 căn nhà cho hộ nghèo", "Huyện trao 115 hộ nghèo trên 625 triệu đồng.",
    "[Mưa lũ Điện Biên: 2 người chết và mất tích]", "Trao quà (TP. Bạc Liêu). Ảnh: T.A",
    "", " ", "\t", "ĐỒNG HÀNH CÙNG HỘ NGHÈO", "Hoà  bình\u00a0", "a\u0301", "(", "[", "]",
])
SCRAPED = st.lists(st.one_of(LINE_PIECES, st.text(max_size=80)), max_size=30).map("\n".join)

TAGS = st.sampled_from(["p", "div", "h1", "h2", "article", "span", "a", "figure", "figcaption",
                        "table", "td", "li", "script", "footer", "nav", "br", "section"])
ATTRS = st.sampled_from(["", ' class="related"', ' class="detail-content"', ' itemprop="articleBody"',
                         ' type="RelatedNewsBox"', ' class="sapo"', ' id="x"'])


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Random, often unbalanced markup built from news-page tags and scraped lines."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag, attrs = draw(TAGS), draw(ATTRS)
        parts.append(draw(st.sampled_from([f"<{tag}{attrs}>", f"</{tag}>", ""])))
        parts.append(draw(st.one_of(LINE_PIECES, st.text(max_size=60))))
    return "".join(parts)


@FUZZ
@given(SCRAPED)
def test_clean_text_never_crashes_and_is_stable(text: str) -> None:
    first = _clean_text_or_none(text)
    if first is None:  # refused as a section list pasted as text: refused again, the same way
        assert _clean_text_or_none(text) is None
        return
    assert isinstance(first, Cleaned)
    assert clean_text(text) == first
    assert clean_text(first.text).text == first.text
    assert all(p and p == p.strip() and "\n" not in p for p in first.paragraphs)


@FUZZ
@given(st.text())
def test_clean_text_accepts_any_unicode(text: str) -> None:
    assert _clean_text_or_none(text) == _clean_text_or_none(text)


def _clean_text_or_none(text: str) -> Cleaned | None:
    """The cleaned text, or None when it is refused with the one clear error for no article."""
    try:
        return clean_text(text)
    except NoArticleFound:
        return None


def _clean_or_none(html: str) -> Cleaned | None:
    try:
        return clean_html(html)
    except NoArticleFound as error:
        assert str(error)  # a message a user can act on
        return None


@FUZZ
@given(html_pages())
def test_clean_html_only_raises_no_article_found(html: str) -> None:
    assert _clean_or_none(html) == _clean_or_none(html)


@FUZZ
@given(st.text())
def test_clean_html_on_arbitrary_text(html: str) -> None:
    assert _clean_or_none(html) == _clean_or_none(html)


def test_deeply_nested_markup_does_not_crash() -> None:
    html = "<div>" * 5000 + "<p>Huyện trao 20 căn nhà.</p>" + "</div>" * 5000
    assert _clean_or_none(html) is None or isinstance(_clean_or_none(html), Cleaned)
