"""Clean step: find the article in a scraped page and drop the page furniture.

Contract (ANNOTATION.md §1): keep title, lead, body paragraphs and image captions; drop the
site header/footer, date/weather lines, "Theo dõi ... trên", bylines, photo credits, tags,
comments and the teasers of other stories. One paragraph per line. Cleaning text that is
already clean changes nothing. A page with no article raises `NoArticleFound`.
"""
from __future__ import annotations

from vnfigures.clean.cleaned import Cleaned
from vnfigures.clean.html import clean_html
from vnfigures.clean.text import clean_text

__all__ = ["Cleaned", "clean_html", "clean_text"]
