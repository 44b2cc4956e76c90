"""A section list or homepage pasted as text is refused by its shape, as an HTML one is (#12).

The pages are the shared HTML pages as a browser's copy would give their text (one line per
block); articles must still yield an article, list pages and homepages none. Every shared
scraped text is an article and must never be refused.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from vnfigures.clean import clean_text
from vnfigures.errors import NoArticleFound


def _as_text(page: Path) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8", errors="replace"), "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return soup.get_text("\n")


def _kinds(shared_corpus: Path) -> dict[str, str]:
    return {e["file"]: e["kind"] for e in json.loads((shared_corpus / "clean_expect.json").read_text("utf-8"))}


def test_pasted_pages_refused_by_shape(shared_corpus: Path) -> None:
    outcome = {}
    for file, kind in _kinds(shared_corpus).items():
        if not file.startswith("raw/html/"):
            continue
        try:
            clean_text(_as_text(shared_corpus / file))
            outcome[file] = (kind, "article")
        except NoArticleFound:
            outcome[file] = (kind, "refused")
    articles = [f for f, (k, o) in outcome.items() if k == "article"]
    lists = [f for f, (k, o) in outcome.items() if k != "article"]
    assert [f for f in articles if outcome[f][1] == "refused"] == []  # an article is never lost
    refused = sum(outcome[f][1] == "refused" for f in lists)
    assert refused == len(lists), outcome  # every list page and homepage


def test_no_scraped_article_is_refused(shared_corpus: Path) -> None:
    for page in sorted((shared_corpus / "raw" / "text").glob("*.txt")):
        assert clean_text(page.read_text(encoding="utf-8")).text, page.name


@pytest.mark.parametrize("text,refused", [
    ("115 hộ nghèo", False),  # a short text is never refused
    ("\n".join(f"Tin {n}: Hà Tĩnh trao nhà cho hộ nghèo xã số {n}" for n in range(25)), True),
    # headlines that are questions, each with its summary: still a list
    ("\n".join(f"Doanh nghiệp số {n} kinh doanh ra sao trong quý vừa qua?\nDoanh thu của doanh nghiệp "
               f"tăng mạnh nhờ xuất khẩu, lợi nhuận đạt {n} tỷ đồng, cao nhất từ trước đến nay." for n in range(12)),
     True),
    # an interview: short questions between answers long enough to be a run alone
    ("\n".join(f"Ông đánh giá thế nào về chương trình số {n}?\n" + " ".join(
        ["Chương trình đã giúp hàng nghìn hộ nghèo có nhà ở kiên cố, ổn định cuộc sống lâu dài."] * 6)
        for n in range(12)), False),
    ("\n".join([f"Tiêu đề mục {n}" for n in range(22)]
               + ["Huyện đã trao 50 căn nhà cho hộ nghèo, mỗi căn trị giá 60 triệu đồng, do Ngân hàng "
                  "Chính sách xã hội hỗ trợ vốn vay và các nhà hảo tâm đóng góp thêm." for _ in range(3)]), False),
])
def test_list_shape(text: str, refused: bool) -> None:
    if refused:
        with pytest.raises(NoArticleFound, match="no run of article sentences"):
            clean_text(text)
    else:
        assert clean_text(text).text
