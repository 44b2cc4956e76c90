"""Is a word a Vietnamese syllable? Used to pick a legacy encoding and to flag foreign text.

Vietnamese writes one syllable per word: an optional onset, a vowel cluster (the nucleus)
carrying at most one tone mark, and an optional final consonant. A wrong legacy decoding (or
another language) produces words that break this shape — `Vieọt`, `ViÖt`, `très` — so the
share of well-formed syllables among words with non-ASCII letters tells right from wrong.
The shapes live in `vietnamese.json`.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pydantic import Field

from vnfigures.schemas import DataFile, load_data

#: Combining tone marks (grave, acute, tilde, hook above, dot below).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Every mark a Vietnamese letter can carry: the tones, circumflex, breve and horn.
VIETNAMESE_MARKS = TONE_MARKS | frozenset("\u0302\u0306\u031b")
#: Unicode categories of non-ASCII characters that ordinary Vietnamese text also uses.
_PLAIN_CATEGORIES = frozenset({"Pd", "Pi", "Pf", "Ps", "Pe", "Zs", "Po"})
_PLAIN_SYMBOLS = frozenset("₫€$°×÷±·•…")
_WORD = re.compile(r"[^\W\d_]+")


class _LanguageRule(DataFile):
    """When a text is judged not Vietnamese: enough words, too few well-formed syllables."""

    min_words: int = Field(gt=0)
    min_share: float = Field(gt=0, lt=1)


class _Shapes(DataFile):
    """`vietnamese.json`: the parts of a syllable, and the not-Vietnamese rule."""

    onsets: list[str]
    nuclei: list[str] = Field(min_length=1)
    codas: list[str]
    not_vietnamese: _LanguageRule


@lru_cache(maxsize=1)
def _data() -> _Shapes:
    return load_data("vnfigures.read", "vietnamese.json", _Shapes)


@lru_cache(maxsize=1)
def _syllable_pattern() -> re.Pattern[str]:
    data = _data()
    def alt(items: list[str]) -> str:
        return "|".join(sorted(map(re.escape, items), key=len, reverse=True))

    return re.compile(f"(?:{alt(data.onsets)})?({alt(data.nuclei)})(?:{alt(data.codas)})?")


def _strip_tones(word: str) -> tuple[str, int]:
    """The word without tone marks (other diacritics kept) and how many tone marks it had."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(1 for ch in decomposed if ch in TONE_MARKS)
    bare = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), tones


def is_syllable(word: str) -> bool:
    """True when `word` has the shape of one Vietnamese syllable.

    >>> [is_syllable(w) for w in ("Việt", "nghiêng", "Vieọt", "ViÖt", "très")]
    [True, True, False, False, False]
    """
    bare, tones = _strip_tones(word.lower())
    if tones > 1:
        return False
    return _syllable_pattern().fullmatch(bare) is not None


def words(text: str) -> list[str]:
    """The words of `text`: runs of letters (digits and punctuation split them)."""
    return _WORD.findall(text)


def is_vietnamese_letter(char: str) -> bool:
    """True for a-z, đ and any letter made of them with Vietnamese marks (ư, ậ, Ỹ…)."""
    if char in "đĐ":
        return True
    base, *marks = unicodedata.normalize("NFD", char)
    return base.isascii() and base.isalpha() and all(m in VIETNAMESE_MARKS for m in marks)


def is_suspicious(char: str) -> bool:
    """A non-ASCII character that is neither a Vietnamese letter nor common punctuation.

    Mojibake is full of them (`Ã`, `»`, `™`, C1 controls); real Vietnamese text has few.
    """
    if char.isascii() or char in _PLAIN_SYMBOLS:
        return False
    if char.isalpha():
        return not is_vietnamese_letter(char)
    return unicodedata.category(char) not in _PLAIN_CATEGORIES


def marked_syllable_share(text: str) -> tuple[int, int]:
    """(well-formed syllables with a non-ASCII letter, such words + suspicious characters).

    ASCII-only words say nothing about an encoding, and one-letter words (`ở`, or `Ã` in
    mojibake) too little, so both are left out of the counts. Suspicious characters outside
    words (`™`, `‡`, C1 controls) count against.
    """
    good = total = 0
    for word in words(text):
        if word.isascii() or len(word) < 2:
            continue
        total += 1
        good += is_syllable(word)
    total += sum(1 for ch in text if not ch.isalpha() and is_suspicious(ch))
    return good, total


def looks_vietnamese(text: str) -> bool | None:
    """Whether `text` reads as Vietnamese; None when it is too short to tell.

    Vietnamese news marks about half of its syllables with diacritics; English has none and
    French or Spanish accented words rarely have a syllable's shape.
    """
    rules = _data().not_vietnamese
    all_words = words(text)
    if len(all_words) < rules.min_words:
        return None
    good, _ = marked_syllable_share(text)
    return good / len(all_words) >= rules.min_share
