"""Flag articles whose text is not Vietnamese; they are still processed, only marked.

A foreign article in a Vietnamese batch is usually a scraping mistake worth seeing, but not a
reason to drop it: the flag `not_vietnamese` in `Article.flags` lets a user filter it later.
"""
from __future__ import annotations

from vnfigures.read.vietnamese import looks_vietnamese
from vnfigures.schemas import Article

NOT_VIETNAMESE = "not_vietnamese"


def flag_language(article: Article) -> Article:
    """A copy flagged `not_vietnamese` when the article's text clearly is not Vietnamese.

    The cleaned `text` is judged when there is one, else the raw input; a text too short to
    tell is left unflagged.
    """
    text = article.text or (article.raw if article.raw_format == "text" else "") or ""
    if looks_vietnamese(text) is False and NOT_VIETNAMESE not in article.flags:
        return article.model_copy(update={"flags": [*article.flags, NOT_VIETNAMESE]})
    return article
