"""Clean step: find the article in a scraped page and drop the page furniture.

Contract (ANNOTATION.md §1): keep title, lead, body paragraphs and image captions; drop the
site header/footer, date/weather lines, "Theo dõi ... trên", bylines, photo credits, tags,
comments and the teasers of other stories. One paragraph per line. Cleaning text that is
already clean changes nothing. A page with no article raises `NoArticleFound`.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cleaned:
    """The article part of a page: its title (if any) and its paragraphs, in reading order."""

    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    url: str | None = None  # the page's canonical address, when HTML metadata gives it
    published: str | None = None  # publication date, ISO YYYY-MM-DD, when the page gives it

    @property
    def text(self) -> str:
        """Title line followed by one paragraph per line, as the gold files write articles."""
        lines = ([self.title] if self.title else []) + self.paragraphs
        return "\n".join(lines)


# The cleaners import `Cleaned` from this module, so they are imported after it is defined.
from vnfigures.clean.html import clean_html
from vnfigures.clean.text import clean_text

__all__ = ["Cleaned", "clean_html", "clean_text"]
