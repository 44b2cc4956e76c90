"""Clean plain text as scraped: keep the article, drop the page furniture around it.

Why line rules and not a model: scraped text keeps one block per line, and the furniture of
Vietnamese news pages is formulaic (date and weather lines, "Theo dõi ... trên", the site's
name, a byline in capitals, "Ảnh: ..." credits, teasers of other stories after the byline).
Every rule is generic and its vocabulary lives in `furniture.yaml`. Furniture glued to the
article's first or last line (a notice label, a dateline, the comment form, a donation
appeal, the footer) is cut by shape (inline.py); menus pasted as lines go when they stand
before the article's first sentence or after its last; a dateline gives `published`.

Text that is already clean passes through unchanged (only NFC and line stripping), so the
step is idempotent: `clean_text(clean_text(x).text).text == clean_text(x).text`.

>>> clean_text("Thứ hai, 10-11-25 18:42:04\\n\\nHộ nghèo có nhà mới\\n\\nBáo Cà Mau\\n\\n"
...            "Huyện trao 5 căn nhà.\\nTRUNG CƯỜNG").text
'Hộ nghèo có nhà mới\\nHuyện trao 5 căn nhà.'
"""
from __future__ import annotations

import re
import unicodedata

from vnfigures.clean.cleaned import Cleaned
from vnfigures.clean.dates import address_date, address_of, date_forms, dateline_date, foot_date
from vnfigures.clean.inline import Inline, inline_rules, is_menu_line
from vnfigures.clean.rules import Furniture, furniture
from vnfigures.clean.scrape import drop_page_header, is_ticker_line, list_page_message
from vnfigures.clean.scrape_runs import (article_resumes, drop_page_tail, drop_promo_lines, drop_promo_runs,
                                        drop_quoting_tail, drop_related_runs)
from vnfigures.errors import NoArticleFound

#: Where a paragraph ends inside a line: a sentence's end, then two or more spaces or a tab.
#: Scrapes that keep a whole article on one line (a JSON `content` field, a copied page) join
#: its paragraphs so (`... đông đúc.  Có kinh nghiệm ...`, `... ông Huy nói.  Source link`);
#: a written paragraph puts one space between its sentences. The paragraphs are lines again,
#: so the line rules see the byline or link that ends the page, and the later steps see which
#: paragraph frames a figure.
_JOINED_PARAGRAPHS = re.compile(r"(?<=[.!?…])([\"”’)]*)[ \t]*(?:  |\t)[ \t]*(?=\S)")

# Header lines of at most this many words before the headline are section labels.
_LABEL_MAX_WORDS = 3
# Teasers that follow a title-case byline are cut only when there are at least this many.
_TEASERS_AFTER_NAME = 2


def clean_text(text: str) -> Cleaned:
    """Return the article in scraped plain `text`: its title and one paragraph per line.

    One pass can uncover more furniture (two bylines in a row, a credit before a byline),
    so passes repeat until the text stops changing: that is what makes the step idempotent.
    Every pass only removes text, so this ends. A section list pasted as text (many lines, no
    run of article sentences) raises `NoArticleFound`, as an HTML list page does.
    """
    text = split_joined_paragraphs(text)
    message = list_page_message([line.strip() for line in text.splitlines() if line.strip()])
    if message is not None:
        raise NoArticleFound(message)
    cleaned = _clean_once(text)
    published, url = cleaned.published, cleaned.url  # the datelines are gone after the first pass
    while True:
        again = _clean_once(cleaned.text)
        if again.text == cleaned.text:
            return Cleaned(title=again.title, paragraphs=again.paragraphs, url=url, published=published)
        cleaned = again


def split_joined_paragraphs(text: str) -> str:
    """`text` with the paragraphs a one-line scrape joined by two spaces on lines of their own.

    >>> split_joined_paragraphs("Mưa lớn kéo dài.  Ông Huy nói thêm.")
    'Mưa lớn kéo dài.\\nÔng Huy nói thêm.'
    """
    return _JOINED_PARAGRAPHS.sub(lambda m: m.group(1) + "\n", text)


def _clean_once(text: str) -> Cleaned:
    rules, glued = furniture(), inline_rules()
    lines = [unicodedata.normalize("NFC", line).strip() for line in text.splitlines()]
    lines, header = drop_page_header([line for line in lines if line])
    head, foot = header + lines[:_DATELINE_LINES], lines[-_FOOT_LINES:]
    lines = drop_related_runs(drop_page_tail(drop_quoting_tail(lines)))
    lines = _drop_menus(drop_promo_lines(drop_promo_runs(lines)), rules, glued)
    dated = [line for line in head if _is_dateline(line)]
    lines = [line for line in lines if not _is_furniture(line, rules, glued)]
    lines = _cut_tail(lines, rules)
    lines = _drop_tail_widgets(lines, glued)
    title, body = _split_header(lines, rules)
    if body:
        body[0], leading = glued.strip_head(body[0])
        dated += [leading] if leading else []
    paragraphs = [p for p in (_clean_line(line, rules) for line in body) if p]
    return Cleaned(title=title, paragraphs=paragraphs, url=_page_address(head, foot),
                   published=_page_date(dated, head, foot))


# A dateline is looked for in this many lines at the top of the text (and before its first sentence).
_DATELINE_LINES = 12
_DATELINE_MAX_CHARS = 80
# A labelled date, a dated source credit or a page address is looked for in this many last lines.
_FOOT_LINES = 3


def _is_dateline(line: str) -> bool:
    """A line that is nothing but a dateline ("Cập nhật: 17:48 | 18/02/2024"), perhaps after
    an agency's tag ("(Dân trí) - Thứ hai, 02/11/2020 - 07:15")."""
    if len(line) > _DATELINE_MAX_CHARS:
        return False
    forms = date_forms()
    line = line.strip(" ,|-–")
    tag = forms.agency_tag.match(line)
    return forms.dateline.fullmatch(line[tag.end():] if tag else line) is not None


def _page_date(dated: list[str], head: list[str], foot: list[str]) -> str | None:
    """The publication date a scrape still holds: a dateline at the top or before the first
    sentence; else a labelled dateline or a dated source credit in the last lines; else the
    date in the path of a page address printed at the top or the foot. A date inside the
    body is what the article reports, never when it was published."""
    return (next(filter(None, map(dateline_date, dated)), None)
            or next(filter(None, map(foot_date, reversed(foot))), None)
            or next(filter(None, map(address_date, head + foot)), None))


def _page_address(head: list[str], foot: list[str]) -> str | None:
    """The page's own address when the scrape printed it alone on a line at the top or foot."""
    return next(filter(None, map(address_of, head + foot)), None)


def _is_furniture(line: str, rules: Furniture, glued: Inline) -> bool:
    return (rules.is_furniture_line(line) or _is_dateline(line) or glued.is_ui_line(line) or glued.is_prompt_line(line)
            or address_of(line) is not None or foot_date(line) is not None)


def _drop_tail_widgets(lines: list[str], glued: Inline) -> list[str]:
    """Cut the widget sentences glued to the end of the article's last line (and whole
    widget lines at the end); the title line is never touched."""
    lines = list(lines)
    while len(lines) > 1:
        rest = glued.strip_tail(lines[-1])
        if rest:
            lines[-1] = rest
            return lines
        lines.pop()
    return lines


def _drop_menus(lines: list[str], rules: Furniture, glued: Inline) -> list[str]:
    """Drop runs of menu entries (or interface labels) pasted as lines, before the article's
    first sentence or after its last one: inside the article such a run is a list."""
    sentences = [i for i, line in enumerate(lines) if not _headline_shaped(line, rules)]
    if not sentences:
        return lines
    first, last = sentences[0], sentences[-1]

    def menu(line: str) -> bool:
        return is_menu_line(line, glued) or glued.is_ui_line(line)

    drop: set[int] = set()
    for lo, hi in ((0, first), (last + 1, len(lines))):
        i = lo
        while i < hi:
            j = i
            while j < hi and menu(lines[j]):
                j += 1
            if j - i >= glued.menu_min_lines:
                drop.update(range(i, j))
            i = max(j, i + 1)
    return [line for i, line in enumerate(lines) if i not in drop]


def clean_lines(lines: list[str], *, title: str | None = None) -> Cleaned:
    """Clean blocks already cut out of a page (used by the HTML cleaner): same line rules.
    A block repeating the title is dropped (some pages print the headline twice)."""
    rules, glued = furniture(), inline_rules()
    kept = [line for line in lines if line and line != title and not _is_furniture(line, rules, glued)]
    kept = _cut_tail(kept, rules)
    paragraphs = [p for p in (_clean_line(line, rules) for line in kept) if p]
    return Cleaned(title=title, paragraphs=paragraphs)


def _clean_line(line: str, rules: Furniture) -> str:
    """Remove in-line furniture: related-story links, then a caption's photo credit."""
    line = rules.drop_related_links(line)
    if not line or rules.is_furniture_line(line):
        return ""
    return rules.strip_caption_credit(line)


def _split_header(lines: list[str], rules: Furniture) -> tuple[str | None, list[str]]:
    """Take the headline off the top and drop the page header around it.

    The header is the run of headline-shaped lines before the first paragraph. Site names and
    price tickers in it go; so do short labels before the headline (a section name such as "Xã hội"): the
    headline is the first header line of more than `_LABEL_MAX_WORDS` words.
    """
    first_paragraph = next((i for i, line in enumerate(lines) if not _headline_shaped(line, rules)), len(lines))
    header = [line for line in lines[:first_paragraph] if not rules.is_site_name(line) and not is_ticker_line(line)]
    body = lines[first_paragraph:]
    if not header:
        return None, body
    at = next((i for i, line in enumerate(header) if len(line.split()) > _LABEL_MAX_WORDS), 0)
    return header[at], header[at + 1:] + body


def _headline_shaped(line: str, rules: Furniture) -> bool:
    """A headline, or one the scraper cut short ("... chủ yếu cho hạ ...")."""
    return rules.is_headline(line) or (_TRUNCATED.search(line) is not None and rules.is_headline(_TRUNCATED.sub("", line)))


_TRUNCATED = re.compile(r"\s+(?:\.\.\.|…)$")


def _cut_tail(lines: list[str], rules: Furniture) -> list[str]:
    """Drop what follows the article: after an end marker, or the byline and the teasers.
    A related-stories box inside the body goes alone: the article resumes after it."""
    comment_heading = inline_rules().comment_heading
    i = 1
    while i < len(lines):
        marker = rules.is_end_marker(lines[i])
        resumes = article_resumes(lines, i) if marker else None
        if resumes is not None:
            lines = lines[:i] + lines[resumes:]  # a related-stories box inside the body
        elif marker or comment_heading.match(lines[i]):
            lines = lines[:i]
            break
        i += 1
    for i in range(len(lines) - 1, 0, -1):
        rest = lines[i + 1:]
        if rules.is_signature(lines[i]) and rules.is_page_end(rest):
            return lines[:i]
        if rules.is_name_line(lines[i]) and rules.is_teaser_block(rest, min_pairs=_TEASERS_AFTER_NAME):
            return lines[: i + 1]
    return lines
