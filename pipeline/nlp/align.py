"""Map character offsets of underthesea's normalized text back to the original text.

WHY: underthesea segments `normalize_characters_in_text(s)` (Unicode NFC, then `ð` -> `đ`), not
`s` itself. The replacement keeps lengths, but NFC can merge a base letter and combining marks
into one character, so a token's offsets in the normalized string may not be its offsets in the
article. Every span we hand to spaCy must index the article text exactly.
"""
from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher


def offset_map(original: str, normalized: str) -> list[int]:
    """`result[k]` is the offset in `original` of offset `k` of `normalized` (k = 0..len)."""
    if len(original) == len(normalized) and unicodedata.is_normalized("NFC", original):
        return list(range(len(normalized) + 1))
    mapping = _by_clusters(original, normalized)
    return mapping if mapping is not None else _by_diff(original, normalized)


def _clusters(text: str) -> list[tuple[int, int]]:
    """Spans of a starter character followed by its combining marks (NFC never crosses them)."""
    bounds = [i for i, ch in enumerate(text) if i == 0 or unicodedata.combining(ch) == 0]
    return list(zip(bounds, [*bounds[1:], len(text)]))


def _by_clusters(original: str, normalized: str) -> list[int] | None:
    """Normalize cluster by cluster; None when that does not rebuild `normalized` exactly."""
    from underthesea.pipeline.text_normalize.character_normalize import (
        normalize_characters_in_text,
    )

    mapping: list[int] = []
    rebuilt: list[str] = []
    for start, end in _clusters(original):
        piece = normalize_characters_in_text(original[start:end])
        rebuilt.append(piece)
        # every character of a merged cluster maps to the cluster start; the end maps to its end
        mapping.extend([start] if len(piece) == end - start == 1 else
                       [start + min(k, end - start - 1) for k in range(len(piece))])
    if "".join(rebuilt) != normalized:
        return None
    mapping.append(len(original))
    return _monotone(mapping)


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
