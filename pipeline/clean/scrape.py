"""A whole page saved as text: cut the page's header before the article and its tail after.

Why: a scrape of a whole page (a page saved as text, a crawler's dump) keeps the page around
the article: the `<title>` first, then menus, trending tags and sometimes the footer, the
headline again, the article, then related stories, comment widgets and the footer. Line
rules see one line at a time and keep most of it (a menu entry of five words, a related
headline, "Hiện chưa có bình luận nào"). The parts have shapes that do not depend on the
site: the headline printed twice (the title first, with the site's name), a run of related
headlines or of (headline, summary) pairs after the last paragraph, a long tail of short
lines without figures. Thresholds are in scrape.yaml.

A text that is only the article (a headline line, then paragraphs) has no repeated headline
and no long tail, so it passes unchanged.

>>> body = ["Sáng 4/1, huyện trao 20 căn nhà cho hộ nghèo, mỗi căn trị giá 60 triệu đồng."] * 2
>>> head = "Trao 20 căn nhà cho hộ nghèo"
>>> drop_page_header([f"{head} - Báo Tỉnh", "Thời sự", "Kinh tế thị trường", head, *body])[0][0]
'Trao 20 căn nhà cho hộ nghèo'
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict

from vnfigures.clean.inline import inline_rules
from vnfigures.clean.rules import furniture
from vnfigures.schemas import load_data

# A sentence ends with a full stop (or a list item with ";" at the end of the line); a
# colon after a label ("Trụ sở: 16 Lê Hồng Phong") ends none.
SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?:\s|$)|;$")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
# A number in a ticker: "150.000", "+0,1%", "▼12,3", "(-0,7%)"; an arrow alone counts too.
_NUMBER_TOKEN = re.compile(r"\(?[+\-−±▲▼↑↓]?\d[\d.,]*%?\)?|[▲▼↑↓]")
# An item of the article's own list ("- Hỗ trợ ...", "2. Xây ...", "b) Miễn ...") is no teaser.
_LIST_ITEM = re.compile(r"^(?:[-+•*–—]|\d{1,2}[.)]|[a-zđ]\))\s")


class ScrapeShapes(BaseModel):
    """The thresholds of scrape.yaml (see the comments there)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    paragraph_min_words: int
    title_separators: tuple[str, ...]
    title_min_words: int
    header_paragraph_share_max: float
    sapo_repeat_max_lines: int
    header_min_lines: int
    byline_zone_max_words: int
    teaser_title_min_words: int
    headline_max_chars: int
    link_run_min: int
    lead_related_run_min: int
    teaser_pairs_min: int
    teaser_summary_max_words: int
    lone_teaser_max_sentences: int
    lone_teaser_max_words: int
    tail_min_lines: int
    tail_digit_share_max: float
    link_tail_max_lines: int
    promo_min_lines: int
    promo_max_line_words: int
    promo_calls: tuple[str, ...]
    phone_number: str
    widget_line_max_chars: int
    related_box_max_lines: int
    list_min_lines: int
    article_run_min_words: int
    list_question_max_words: int
    box_label_max_words: int
    ticker_max_words: int
    ticker_numbers_min: int


@cache
def shapes() -> ScrapeShapes:
    """scrape.yaml, validated once."""
    return load_data("vnfigures.clean", "scrape.yaml", ScrapeShapes)


@lru_cache(maxsize=4096)  # the cleaning passes ask about the same lines again
def is_paragraph(line: str) -> bool:
    """A running sentence of the article: enough words and a sentence end in it, and not the
    site talking (a footer's "Chỉ được phát hành lại thông tin ...", a comment prompt)."""
    if len(line) > shapes().widget_line_max_chars:  # a long line: words enough, and no widget
        return SENTENCE_END.search(line) is not None
    if len(line.split()) < shapes().paragraph_min_words or SENTENCE_END.search(line) is None:
        return False
    return not inline_rules().is_widget_sentence(line)


def list_page_message(lines: list[str]) -> str | None:
    """Why `lines` (a whole text, blank lines left out) hold no article, or None when they may.

    A section list or homepage pasted as text is many short lines (headlines, menus, at most
    a summary sentence under each) and no run of article sentences: consecutive paragraph
    lines holding at least `article_run_min_words` words. A short text is never refused.
    """
    if len(lines) < shapes().list_min_lines:
        return None
    best = run = 0
    for line in lines:
        run = run + len(line.split()) if is_paragraph(line) and not _headline_question(line) else 0
        best = max(best, run)
    if best >= shapes().article_run_min_words:
        return None
    return (f"no article found in the text: no run of article sentences ({len(lines)} lines, the longest "
            f"run of sentences {best} words); it looks like a section list or homepage pasted as text: "
            "pass the text of a single article")


def _headline_question(line: str) -> bool:
    """A short question or exclamation (`1 triệu USD mua được bao nhiêu vàng?`): on a list page
    a headline between two summaries, so it does not join them into a run of sentences. In an
    article such a line stands between answers long enough to make a run alone."""
    return line.rstrip()[-1:] in "?!" and len(line.split()) <= shapes().list_question_max_words


def forget() -> None:
    """Clear the per-line answers kept across cleaning passes, so that a benchmark times
    every text as if it were seen for the first time."""
    for cached in (is_paragraph, is_teaser_title, _title_forms):
        cached.cache_clear()


def is_ticker_line(line: str) -> bool:
    """A price or index ticker of the page's header ("SJC 150.000 152.000", "USD 25.123
    +0,1%", "VN-Index 1.767,5 ▼ 12,3"): a short line mostly of numbers, at least two."""
    tokens = line.split()
    numbers = sum(1 for token in tokens if _NUMBER_TOKEN.fullmatch(token))
    return (len(tokens) <= shapes().ticker_max_words and numbers >= shapes().ticker_numbers_min
            and numbers > len(tokens) / 2)


def drop_page_header(lines: list[str]) -> tuple[list[str], list[str]]:
    """Start at the headline when the page's header stands above it: what lies between is
    menus, tags and labels. The headline is found printed again after the page's title on
    the first line, or else as the last headline above the first paragraph when many lines
    stand before it. The header may hold only a small share of the paragraph words (a
    headline repeated inside the article is no header end). Short lines between the
    headline and the first paragraph are the page's too (byline, section label, "Sao chép
    liên kết"); a caption there is longer.

    Returns the lines kept and those dropped, nearest the headline first (where the
    article's dateline is looked for: a date at the top of the page may be today's).
    """
    if len(lines) < 3:
        return lines, []
    lines = _unglue_headline(lines)
    at = _repeated_headline(lines)
    if at is not None and 1 < at <= shapes().sapo_repeat_max_lines and is_paragraph(lines[1]):
        return lines, []  # title, sapo, caption, the title again over the body: a repost's own
    if at is None:
        at = _headline_above_body(lines)
    if at is None or _paragraph_words(lines[1:at]) > shapes().header_paragraph_share_max * _paragraph_words(lines[at + 1:]):
        return lines, []
    first = next((i for i in range(at + 1, len(lines)) if is_paragraph(lines[i])), at + 1)
    zone = lines[at + 1:first]
    # below a headline on the first line, the long header is the page's whole
    between = [line for line in zone if len(line.split()) > shapes().byline_zone_max_words] if at > 0 else []
    dropped = [line for line in zone if line not in between] + lines[:at][::-1]
    return [lines[at], *between, *lines[first:]], dropped


def _unglue_headline(lines: list[str]) -> list[str]:
    """Split the title's repetition off the line it is glued to ("…lúa hè thuThứ Tư,
    14/09/2016 09:12Vụ hè thu năm nay…"): a page's text that lost the breaks between the
    headline, its dateline and the lead."""
    keys = sorted(_title_forms(lines[0]), key=len, reverse=True)
    for i, line in enumerate(lines[1:], start=1):
        key = next((k for k in keys if line.startswith(k) and line[len(k):len(k) + 1].isupper()
                    or line.startswith(k) and line[len(k):len(k) + 1].isdigit()), None)
        if key is not None and line != key:
            return [*lines[:i], key, line[len(key):], *lines[i + 1:]]
    return lines


def _repeated_headline(lines: list[str]) -> int | None:
    """The (last, if printed twice in a row) repetition of the first line's title."""
    keys = _title_forms(lines[0])
    at = next((i for i, line in enumerate(lines[1:], start=1) if line in keys), None)
    while at is not None and at + 1 < len(lines) and lines[at + 1] in keys:
        at += 1
    return at


def _headline_above_body(lines: list[str]) -> int | None:
    """The nearest headline above the first paragraph, when at least header_min_lines lines
    stand before that paragraph (an article's own header is its headline alone)."""
    first = next((i for i, line in enumerate(lines) if is_paragraph(line)), None)
    if first is None or first < shapes().header_min_lines:
        return None
    if is_content(lines[1:first]):  # a list or a table opening the article is no header
        return None
    if _is_headline(lines[0]):  # the scraper's own headline line first, then the page
        return 0
    return next((i for i in range(first - 1, 0, -1) if _is_headline(lines[i])), None)


def _is_headline(line: str) -> bool:
    rules = furniture()
    return (len(_WORD.findall(line)) >= shapes().title_min_words and rules.is_headline(line) and not line.isupper()
            and not rules.is_name_line(line) and not rules.is_furniture_line(line)
            and not inline_rules().is_widget_sentence(line))


@lru_cache(maxsize=256)
def _title_forms(title: str) -> frozenset[str]:
    """The title as given, and without the site's name after its last separator or
    before its first one ("Báo Tỉnh Nhà - <headline>")."""
    forms = {title}
    for separator in shapes().title_separators:
        head, found, _ = title.rpartition(separator)
        _, found_first, tail = title.partition(separator)
        forms.update(part.strip() for part, sep in ((head, found), (tail, found_first))
                     if sep and len(part.split()) >= shapes().title_min_words)
    return frozenset(forms)


def _paragraph_words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines if is_paragraph(line))


@lru_cache(maxsize=4096)
def is_teaser_title(line: str) -> bool:
    rules = furniture()  # cheap tests first: most lines of an article are long or end as sentences
    return (len(line) <= shapes().headline_max_chars and rules.is_headline(line) and len(_WORD.findall(line)) >= shapes().teaser_title_min_words
            and not line.isupper() and not _LIST_ITEM.match(line) and not rules.is_name_line(line))


def is_content(lines: list[str]) -> bool:
    """Lines of the article's own table or list: most of them carry a digit or a list
    marker (menus, comment widgets and footers mostly do not)."""
    content = sum(1 for line in lines if _DIGIT.search(line) or _LIST_ITEM.match(line))
    return content > shapes().tail_digit_share_max * len(lines)
