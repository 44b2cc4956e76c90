"""Word shingles of an article's cleaned text, their MinHash signature, and exact Jaccard.

The signature is datasketch's MinHash (`affine32` scheme: `num_perm` 32-bit values), so one
article costs `4 * num_perm` bytes however long it is; the exact Jaccard that confirms a
candidate pair is computed on the shingle sets themselves.
"""
from __future__ import annotations

import re

import numpy as np

from .config import DedupConfig, load_config

#: Letters and digits of any script; punctuation and spacing differences do not count.
_WORD = re.compile(r"\w+")
#: The MinHash scheme whose values a signature holds (datasketch >= 2 names it).
SCHEME = "affine32"


def shingles(text: str, config: DedupConfig | None = None) -> set[str]:
    """Every run of `shingle_words` consecutive words of `text`, lower-cased.

    A text shorter than one shingle is one shingle of all its words; a text with no word
    has none (and never duplicates another).

    >>> sorted(shingles("Xã trao 50 suất quà cho hộ nghèo", load_config().model_copy(update={"shingle_words": 6})))
    ['50 suất quà cho hộ nghèo', 'trao 50 suất quà cho hộ', 'xã trao 50 suất quà cho']
    """
    k = (config or load_config()).shingle_words
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(shingle_set: set[str], config: DedupConfig | None = None) -> np.ndarray:
    """The MinHash values (uint32, `num_perm` of them) of a non-empty shingle set."""
    from datasketch import MinHash  # imported when first needed: it pulls in SciPy (~1 s)

    config = config or load_config()
    minhash = MinHash(num_perm=config.num_perm, seed=config.seed, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def text_signature(text: str, config: DedupConfig | None = None) -> np.ndarray | None:
    """The signature of a text's shingles, or None for a text without words."""
    found = shingles(text, config)
    return signature(found, config) if found else None


def jaccard(a: set[int] | frozenset[int], b: set[int] | frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0.0 for two empty sets: nothing to be a copy of).

    >>> jaccard({1, 2, 3, 4}, {2, 3, 4, 5})
    0.6
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0
