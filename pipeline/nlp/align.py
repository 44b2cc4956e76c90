"""Map character offsets of underthesea's normalized text back to the original text.

WHY: underthesea segments `normalize_characters_in_text(s)` (Unicode NFC, then `ð` -> `đ`), not
`s` itself. The replacement keeps lengths, but NFC can merge a base letter and combining marks
into one character, so a token's offsets in the normalized string may not be its offsets in the
article. Every span we hand to spaCy must index the article text exactly.
"""
from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

from vnfigures.extractors.context import normalized_with_offsets


def offset_map(original: str, normalized: str) -> list[int]:
    """`result[k]` is the offset in `original` of offset `k` of `normalized` (k = 0..len)."""
    if len(original) == len(normalized) and unicodedata.is_normalized("NFC", original):
        return list(range(len(normalized) + 1))
    mapping = _by_clusters(original, normalized)
    return mapping if mapping is not None else _by_diff(original, normalized)


def _by_clusters(original: str, normalized: str) -> list[int] | None:
    """Normalize cluster by cluster; None when that does not rebuild `normalized` exactly."""
    from underthesea.pipeline.text_normalize.character_normalize import (
        normalize_characters_in_text,
    )

    rebuilt, mapping = normalized_with_offsets(original, normalize_characters_in_text)
    return mapping if rebuilt == normalized else None


def _monotone(mapping: list[int]) -> list[int]:
    """Offsets never go backwards, so every mapped span is a real (possibly empty) slice."""
    out = mapping[:]
    for k in range(len(out) - 2, -1, -1):
        out[k] = min(out[k], out[k + 1])
    return out


def _by_diff(original: str, normalized: str) -> list[int]:
    """Fallback alignment through a character diff (only for exotic, non-cluster changes)."""
    mapping = [0] * (len(normalized) + 1)
    matcher = SequenceMatcher(None, original, normalized, autojunk=False)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j1, j2):
            mapping[k] = i1 + min(k - j1, max(i2 - i1 - 1, 0))
    mapping[len(normalized)] = len(original)
    return _monotone(mapping)
