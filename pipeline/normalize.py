"""Normalize step: one spelling of every character, so rules and offsets see one text.

Why: scraped Vietnamese mixes decomposed and precomposed letters (NFD/NFC), two tone-mark
placements (`hoà`/`hòa`), non-breaking and zero-width spaces and assorted quote characters.
Extractors match on the normalized text and every span offset written out refers to it.

>>> normalize_text("Xã  Hoà Bình\\u00a0nhận  quà\\r\\n\\n„Khoẻ”")
'Xã Hòa Bình nhận quà\\n“Khỏe”'
>>> normalize_text("quý khách")
'quý khách'
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from vnfigures.extractors.lexicon import tone_pairs
from vnfigures.schemas import Article, DataFile, load_data


class _Characters(DataFile):
    """`characters.json`: quotes to replace, spaces to make plain, invisible characters to drop."""

    quotes: dict[str, str]
    spaces: list[str]
    invisible: list[str]


@cache
def _tables() -> tuple[dict[str, str], re.Pattern[str], dict[int, str | None]]:
    """The tone-mark pairs (the lexicons' table, `extractors/data/tone_marks.json`) and the
    character tables of `pipeline/data/`."""
    pairs = tone_pairs()
    chars = load_data("vnfigures.data", "characters.json", _Characters)
    # Only when the diphthong closes the syllable (no letter follows) and is not "qu" + y.
    tone_re = re.compile("(?<![qQ])(" + "|".join(map(re.escape, pairs)) + r")(?![^\W\d_])")
    translate: dict[int, str | None] = {ord(k): v for k, v in chars.quotes.items()}
    translate.update({ord(c): " " for c in chars.spaces})
    translate.update({ord(c): None for c in chars.invisible})
    return pairs, tone_re, translate


def normalize_tone_marks(text: str) -> str:
    """Move the tone mark of a closing `oa`/`oe`/`uy` onto its first vowel (`hoà` -> `hòa`)."""
    pairs, tone_re, _ = _tables()
    return tone_re.sub(lambda m: pairs[m.group(1)], text)


def normalize_text(text: str) -> str:
    """NFC, one tone placement, plain spaces and quotes, one paragraph per non-empty line."""
    _, _, translate = _tables()
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = normalize_tone_marks(text.translate(translate))
    lines = (re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def normalize_article(article: Article) -> Article:
    """Normalize `text` and `title` of an article (the step run after cleaning)."""
    title = normalize_text(article.title) if article.title else article.title
    return article.model_copy(update={"text": normalize_text(article.text), "title": title or None})
