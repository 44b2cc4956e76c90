"""Flag articles whose text is not Vietnamese; they are still written, marked, with no figures.

A foreign article in a Vietnamese batch is usually a scraping mistake worth seeing, but not a
reason to drop it: the flag `not_vietnamese` in `Article.flags` lets a user filter it later.
No figures are read from it: the rules read Vietnamese number conventions (`1,500` is 1.5
with the decimal comma) and Vietnamese cue words, so English text gives only junk figures.
"""
from __future__ import annotations

from vnfigures.read.vietnamese import looks_vietnamese
from vnfigures.schemas import Article

NOT_VIETNAMESE = "not_vietnamese"
#: What the flag means for the record, shown by `vnfig extract`.
NOT_VIETNAMESE_NOTE = "the text is not Vietnamese, so no figures were read from it"


def flag_language(article: Article) -> Article:
    """A copy flagged `not_vietnamese` when the article's text clearly is not Vietnamese.

    The cleaned `text` is judged when there is one, else the raw input; a text too short to
    tell is left unflagged.
    """
    text = article.text or (article.raw if article.raw_format == "text" else "") or ""
    if looks_vietnamese(text) is False and NOT_VIETNAMESE not in article.flags:
        return article.model_copy(update={"flags": [*article.flags, NOT_VIETNAMESE]})
    return article
