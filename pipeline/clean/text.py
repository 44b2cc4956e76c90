"""Clean plain text as scraped: keep the article, drop the page furniture around it.

Why line rules and not a model: scraped text keeps one block per line, and the furniture of
Vietnamese news pages is formulaic (date and weather lines, "Theo dõi ... trên", the site's
name, a byline in capitals, "Ảnh: ..." credits, teasers of other stories after the byline).
Every rule is generic and its vocabulary lives in `furniture.yaml`.

Text that is already clean passes through unchanged (only NFC and line stripping), so the
step is idempotent: `clean_text(clean_text(x).text).text == clean_text(x).text`.

>>> clean_text("Thứ hai, 10-11-25 18:42:04\\n\\nHộ nghèo có nhà mới\\n\\nBáo Cà Mau\\n\\n"
...            "Huyện trao 5 căn nhà.\\nTRUNG CƯỜNG").text
'Hộ nghèo có nhà mới\\nHuyện trao 5 căn nhà.'
"""
from __future__ import annotations

import unicodedata

from vnfigures.clean.cleaned import Cleaned
from vnfigures.clean.rules import Furniture, furniture

# Header lines of at most this many words before the headline are section labels.
_LABEL_MAX_WORDS = 3
# Teasers that follow a title-case byline are cut only when there are at least this many.
_TEASERS_AFTER_NAME = 2


def clean_text(text: str) -> Cleaned:
    """Return the article in scraped plain `text`: its title and one paragraph per line.

    One pass can uncover more furniture (two bylines in a row, a credit before a byline),
    so passes repeat until the text stops changing: that is what makes the step idempotent.
    Every pass only removes text, so this ends.
    """
    cleaned = _clean_once(text)
    while True:
        again = _clean_once(cleaned.text)
        if again.text == cleaned.text:
            return again
        cleaned = again


def _clean_once(text: str) -> Cleaned:
    rules = furniture()
    lines = [unicodedata.normalize("NFC", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not rules.is_furniture_line(line)]
    lines = _cut_tail(lines, rules)
    title, body = _split_header(lines, rules)
    paragraphs = [p for p in (_clean_line(line, rules) for line in body) if p]
    return Cleaned(title=title, paragraphs=paragraphs)


def clean_lines(lines: list[str], *, title: str | None = None) -> Cleaned:
    """Clean blocks already cut out of a page (used by the HTML cleaner): same line rules.
    A block repeating the title is dropped (some pages print the headline twice)."""
    rules = furniture()
    kept = [line for line in lines if line and line != title and not rules.is_furniture_line(line)]
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

    The header is the run of headline-shaped lines before the first paragraph. Site names in
    it go; so do short labels before the headline (a section name such as "Xã hội"): the
    headline is the first header line of more than `_LABEL_MAX_WORDS` words.
    """
    first_paragraph = next((i for i, line in enumerate(lines) if not rules.is_headline(line)), len(lines))
    header = [line for line in lines[:first_paragraph] if not rules.is_site_name(line)]
    body = lines[first_paragraph:]
    if not header:
        return None, body
    at = next((i for i, line in enumerate(header) if len(line.split()) > _LABEL_MAX_WORDS), 0)
    return header[at], header[at + 1:] + body


def _cut_tail(lines: list[str], rules: Furniture) -> list[str]:
    """Drop what follows the article: after an end marker, or the byline and the teasers."""
    for i, line in enumerate(lines[1:], start=1):
        if rules.is_end_marker(line):
            lines = lines[:i]
            break
    for i in range(len(lines) - 1, 0, -1):
        rest = lines[i + 1:]
        if rules.is_signature(lines[i]) and rules.is_page_end(rest):
            return lines[:i]
        if rules.is_name_line(lines[i]) and rules.is_teaser_block(rest, min_pairs=_TEASERS_AFTER_NAME):
            return lines[: i + 1]
    return lines
