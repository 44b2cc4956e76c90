"""Line-level rules that tell page furniture from article text, built from `furniture.yaml`.

Why a separate module: the plain-text cleaner and the HTML cleaner both meet the same
furniture (date lines, photo credits, bylines, related-story links, teasers) once a page has
been reduced to lines, so they share one set of rules. The vocabulary lives in the YAML file;
this module only compiles it and answers yes/no questions about a line.

>>> rules = furniture()
>>> rules.is_furniture_line("Thứ hai, 10-11-25 18:42:04")
True
>>> rules.strip_caption_credit("Trao quà cho học sinh nghèo (TP. Bạc Liêu). Ảnh: T.A")
'Trao quà cho học sinh nghèo (TP. Bạc Liêu).'
>>> rules.is_signature("TRUNG CƯỜNG"), rules.is_signature("XÂY DỰNG KHỐI ĐẠI ĐOÀN KẾT")
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from vnfigures.schemas import read_data


_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",", '."', ".”", "!”", "?”", ".)")
# A headline may end with "?" or "!", never like a running sentence or clause.
_NOT_HEADLINE_END = re.compile(r"[.…:;,][\"”’)]*$")
_NAME_SPLIT = re.compile(r"\s*(?:[-–—,&/]|\bvà\b)\s*")
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)$")
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*\.?")


def _pattern(value: str | list[str]) -> str:
    """A YAML pattern is a regex or a list of pieces joined end to end."""
    return "".join(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class Furniture:
    """Compiled furniture rules; build it with `furniture()` (cached)."""

    drop_lines: tuple[re.Pattern[str], ...]
    end_markers: tuple[str, ...]
    site_name: re.Pattern[str]
    site_name_max_words: int
    photo_credit: re.Pattern[str]
    credit_lowercase_words: frozenset[str]
    caption_max_chars: int
    related_link: re.Pattern[str]
    signature_max_words: int
    teaser_title_max_words: int
    teaser_summary_min_words: int
    footer_max_words: int
    footer_starts: tuple[str, ...]
    source_line: re.Pattern[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Furniture:
        """Compile the rules from the parsed YAML mapping."""
        flags = re.IGNORECASE
        return cls(
            drop_lines=tuple(re.compile(_pattern(p), flags) for p in data["drop_lines"].values()),
            end_markers=tuple(m.casefold() for m in data["end_markers"]),
            site_name=re.compile(_pattern(data["site_name"]), flags),
            site_name_max_words=int(data["site_name_max_words"]),
            photo_credit=re.compile(_pattern(data["photo_credit"]), flags),
            credit_lowercase_words=frozenset(data["credit_lowercase_words"]),
            caption_max_chars=int(data["caption_max_chars"]),
            related_link=re.compile(_pattern(data["related_link"])),
            signature_max_words=int(data["signature_max_words"]),
            teaser_title_max_words=int(data["teaser_title_max_words"]),
            teaser_summary_min_words=int(data["teaser_summary_min_words"]),
            footer_max_words=int(data["footer_max_words"]),
            footer_starts=tuple(w.casefold() for w in data["footer_starts"]),
            source_line=re.compile(_pattern(data["source_line"]), flags),
        )

    # -- single lines ---------------------------------------------------------------------

    def is_furniture_line(self, line: str) -> bool:
        """A date/time, weather, "Theo dõi ... trên", share widget or lone credit line."""
        return any(p.search(line) for p in self.drop_lines)

    def is_end_marker(self, line: str) -> bool:
        """A heading that opens the part after the article ("Tin liên quan", "Từ khóa: ...")."""
        folded = line.casefold()
        bare = folded.rstrip(" :>»…")
        for marker in self.end_markers:
            if marker.endswith(":"):
                if re.match(re.escape(marker[:-1].rstrip()) + r"\s*:", folded):
                    return True
            elif bare == marker:
                return True
        return False

    def is_site_name(self, line: str) -> bool:
        """A newspaper's name alone on a line ("Báo Cà Mau", "VnExpress.net")."""
        match = self.site_name.match(line)
        if not match:
            return False
        name = match.group("name")
        if name is None:  # a bare domain
            return True
        words = name.split()
        lower = sum(1 for w in words if not w[0].isupper())
        # a proper name: capitalised, at most one word in lower case ("Dân trí"), so that
        # "Đài Loan rung chuyển" stays a headline
        return words[0][0].isupper() and lower <= 1 and len(words) <= self.site_name_max_words

    def strip_caption_credit(self, line: str) -> str:
        """Drop a photo credit closing a caption line; long run-together lines are kept whole."""
        if len(line) > self.caption_max_chars:
            return line
        match = self.photo_credit.search(line)
        if match is None or not self._names_someone(match.group("credit")):
            return line
        return line[: match.start()].strip()

    def _names_someone(self, credit: str | None) -> bool:
        """A credit is names and agencies ("Duy Ba - TTXVN", "T.A", "báo Yên Bái")."""
        if credit is None:  # the bare "Ảnh minh họa"
            return True
        words = re.findall(r"[^\W\d_]+", credit)
        lower = [w for w in words if w[0].islower() and w.casefold() not in self.credit_lowercase_words]
        return len(lower) <= 1

    def drop_related_links(self, line: str) -> str:
        """Remove related-story links written as `[Headline of another story]`."""
        return self.related_link.sub("", line).strip()

    # -- bylines and teasers ----------------------------------------------------------------

    def _name_parts(self, line: str) -> list[list[str]] | None:
        """Split a byline into names (lists of words), or None if it is not name-shaped."""
        core = _PAREN_TAIL.sub("", line).strip()
        if not core or any(ch.isdigit() for ch in core) or core.endswith(_SENTENCE_END):
            return None
        parts = [p for p in _NAME_SPLIT.split(core) if p]
        if not parts or len(parts) > 3:
            return None
        names = []
        for part in parts:
            words = part.split()
            if not 1 <= len(words) <= self.signature_max_words:
                return None
            if not all(_WORD.fullmatch(w) for w in words):
                return None
            names.append(words)
        return names

    def is_signature(self, line: str) -> bool:
        """An author signature in capitals ("TRUNG CƯỜNG", "NGỌC ANH - THÁI BÌNH")."""
        names = self._name_parts(line)
        core = _PAREN_TAIL.sub("", line)
        return names is not None and core.isupper() and sum(map(len, names)) >= 2

    def is_name_line(self, line: str) -> bool:
        """A byline in title case ("Hữu Nghị", "Quân Đỗ - An Nhiên", "Hà Thu (tổng hợp)")."""
        names = self._name_parts(line)
        if names is None or _PAREN_TAIL.sub("", line).isupper():
            return False
        return all(len(n) >= 2 and all(w[0].isupper() for w in n) for n in names)

    def is_source_line(self, line: str) -> bool:
        """A source attribution alone on a line ("Theo Reuters", "Nguồn: Báo Cà Mau")."""
        return bool(self.source_line.match(line)) and len(line.split()) <= 10

    def is_headline(self, line: str) -> bool:
        """A short line without a sentence ending: a title, a heading or a teaser's title."""
        words = line.split()
        return (
            0 < len(words) <= self.teaser_title_max_words
            and not _NOT_HEADLINE_END.search(line)
            and any(ch.isalpha() for ch in line)
        )

    def is_teaser_block(self, lines: list[str], *, min_pairs: int) -> bool:
        """Lines that read as other stories: (headline, one-paragraph summary) pairs; the last
        headline may come without its summary.

        A headline in capitals is a section heading of the article, not a teaser.
        """
        pairs = 0
        i = 0
        while i < len(lines):
            title = lines[i]
            if not self.is_headline(title) or title.isupper():
                return False
            if i + 1 < len(lines):
                summary = lines[i + 1]
                if self.is_headline(summary) or len(summary.split()) < self.teaser_summary_min_words:
                    return False
                pairs += 1
            i += 2
        return pairs >= min_pairs

    def is_page_end(self, lines: list[str]) -> bool:
        """What may follow a byline in capitals: teasers of other stories, then the page
        footer (short lines: address, phone, licence)."""
        end = len(lines)
        while end > 0 and self.is_footer_line(lines[end - 1]):
            end -= 1
        return self.is_teaser_block(lines[:end], min_pairs=0)

    def is_footer_line(self, line: str) -> bool:
        """A line of the page footer: contact, licence, copyright, the site's name."""
        if len(line.split()) > self.footer_max_words:
            return False
        return line.casefold().startswith(self.footer_starts) or self.is_site_name(line)


@cache
def furniture() -> Furniture:
    """The rules shipped beside this module (loaded once)."""
    return Furniture.from_data(read_data("vnfigures.clean", "furniture.yaml"))
