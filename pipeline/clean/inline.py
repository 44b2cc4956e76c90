"""Furniture run together with the article: widgets glued to its first or last line.

Why: a scrape that flattens a page joins the notification bell ("Thông báo"), the dateline,
the comment form ("Bình luận của bạn đã được gửi ..."), the donation appeal, the footer
("Giấy phép số ... Bản quyền thuộc về ...") and interface labels ("Source link") to the
article's own sentences, often on one line. Line rules cannot see them; their shapes can:
a sentence addressing the reader about the site, an unfilled template field, a footer label,
a run of interface words. The article's last line is cut after its last sentence that is
none of these; whole lines of that kind at the end go too. Vocabulary in furniture.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vnfigures.clean.dates import date_forms
from vnfigures.clean.rules import furniture, furniture_data
from vnfigures.extractors.lexicon import UPPERCASE

_BOUNDARY = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[^\W\d_]|\d|\{)")
_WORDS = re.compile(r"[^\W\d_]+")
# Interface labels and prompts are short: longer text is not tried against them.
_UI_LINE_MAX_CHARS = 80
_PROMPT_MAX_CHARS = 160


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Inline:
    """Compiled shapes of furniture.yaml's inline part; build with `inline_rules()`."""

    reader_address: re.Pattern[str]
    reader_action: re.Pattern[str]
    site_self: re.Pattern[str]
    reuse_words: re.Pattern[str]
    ui_words: frozenset[str]
    ui_line_max_words: int
    reader_line_max_words: int
    template_field: re.Pattern[str]
    footer_start: re.Pattern[str]
    notice_label: re.Pattern[str]
    leading_dateline: re.Pattern[str]
    menu_min_lines: int
    menu_max_words: int
    comment_heading: re.Pattern[str]

    def is_widget_sentence(self, text: str) -> bool:
        """The site talking, not the article: reader prompt, template, footer or labels."""
        return bool(
            (self.reader_address.search(text) and self.reader_action.search(text))
            or (self.site_self.search(text) and self.reuse_words.search(text))
            or self.template_field.search(text)
            or self.footer_start.match(text)
            or self.is_ui_line(text)
        )

    def is_ui_line(self, text: str) -> bool:
        """Nothing but interface words ("Source link", "Xem thêm", "Liên hệ quảng cáo")."""
        if len(text) > _UI_LINE_MAX_CHARS:
            return False
        words = _WORDS.findall(text.casefold())
        return (0 < len(words) <= self.ui_line_max_words and not any(ch.isdigit() for ch in text)
                and all(w in self.ui_words for w in words))

    def is_prompt_line(self, line: str) -> bool:
        """A short line asking the reader to do something on the site ("Bạn chưa đăng nhập")."""
        return len(line) <= _PROMPT_MAX_CHARS and len(line.split()) <= self.reader_line_max_words and bool(
            self.reader_address.search(line) and self.reader_action.search(line))

    def strip_head(self, line: str) -> tuple[str, str | None]:
        """Drop a notice label and a dateline glued before the first sentence; return the
        rest and the dateline's text (None if there was none)."""
        label = self.notice_label.match(line)
        if label and line[label.end():][:1].isupper():  # "Thông báo Thông tin ...", not "Thông báo của"
            line = line[label.end():]
        match = self.leading_dateline.match(line)
        if match is None:
            return line, None
        return line[match.end():], match.group(0)

    def strip_tail(self, line: str) -> str:
        """Cut the widget sentences that end the line (all of it if it is nothing else)."""
        pieces = _pieces(line)
        keep = len(pieces)
        while keep > 0 and self.is_widget_sentence(pieces[keep - 1]):
            keep -= 1
        return "".join(pieces[:keep]).rstrip()


def _pieces(line: str) -> list[str]:
    """The line cut after each sentence end that a new sentence follows (spaces kept)."""
    cuts = [m.end() for m in _BOUNDARY.finditer(line)]
    return [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True) if line[a:b].strip()]


@cache
def inline_rules() -> Inline:
    """Compile the inline part of furniture.yaml once."""
    data = furniture_data()
    flags = re.IGNORECASE
    footer = [*data["footer_starts"], *data["footer_phrases"]]
    dateline = date_forms().dateline.pattern
    agency = date_forms().agency_tag.pattern
    return Inline(
        reader_address=re.compile(rf"(?<!\w)(?:{_alternatives(data['reader_address'])})(?!\w)", flags),
        reader_action=re.compile(rf"(?<!\w)(?:{_alternatives(data['reader_action'])})(?!\w)", flags),
        site_self=re.compile(rf"(?<!\w)(?:{_alternatives(data['site_self'])})(?!\w)", flags),
        reuse_words=re.compile(rf"(?<!\w)(?:{_alternatives(data['reuse_words'])})(?!\w)", flags),
        ui_words=frozenset(w.casefold() for w in data["ui_words"]),
        ui_line_max_words=int(data["ui_line_max_words"]),
        reader_line_max_words=int(data["reader_line_max_words"]),
        template_field=re.compile(data["template_field"]),
        footer_start=re.compile(rf"^\s*(?:{_alternatives(footer)})(?!\w)", flags),
        notice_label=re.compile(rf"^(?:{_alternatives(data['notice_labels'])})\s+", flags),
        # a dateline before the lead (perhaps after an agency's tag: `(Dân trí) - Thứ hai, ...`),
        # after a space or glued to its capital (`09:12Vụ hè thu`)
        leading_dateline=re.compile(rf"^\s*(?:{agency})?{dateline}(?:\s*[,|:\-–]?\s+(?=[^\W\d_])|(?-i:(?=[{UPPERCASE}])))", flags),
        menu_min_lines=int(data["menu_min_lines"]),
        menu_max_words=int(data["menu_max_words"]),
        comment_heading=re.compile(data["comment_heading"], flags),
    )


def is_menu_line(line: str, rules: Inline) -> bool:
    """A menu entry pasted as a line: a few words, no digit, no sentence punctuation."""
    if len(line) > _UI_LINE_MAX_CHARS:
        return False
    words = line.split()
    return (0 < len(words) <= rules.menu_max_words and not any(ch.isdigit() for ch in line)
            and not re.search(r"[.!?…:;,]", line) and furniture().is_headline(line))
