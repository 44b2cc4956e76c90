"""Word shingles of an article's cleaned text, their MinHash signature, and exact Jaccard.

A shingle is a run of `shingle_words` consecutive words, lower-cased. The pipeline never
builds the shingles as strings: each word is hashed once (CRC-32, deterministic in every
process and engine, unlike Python's `hash`), and each run of words becomes one 64-bit value
(a polynomial of its words' hashes, vectorised with NumPy). WHY: joining the words of every
shingle and SHA-1-hashing each one was most of what detection cost a run (1.1 ms an article
signed, 1.4 ms an article again in the grouping); the hashes take a fraction of that.

The signature is datasketch's MinHash (`affine32` scheme: `num_perm` 32-bit values, its own
permutations and mixing), fed the high 32 bits of each shingle value through its documented
`hashfunc` argument; so one article costs `4 * num_perm` bytes however long it is. The exact
Jaccard that confirms a candidate pair is computed on the sets of 64-bit shingle values.
`shingles` (strings) stays as the readable definition the benchmark checks against.
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

from .config import DedupConfig, load_config

#: Letters and digits of any script; punctuation and spacing differences do not count.
_WORD = re.compile(r"\w+")
#: The MinHash scheme whose values a signature holds (datasketch >= 2 names it), and how a
#: shingle becomes its input; a side file signed another way is ignored and signed again.
SCHEME = "affine32+crc32-poly64"
_DATASKETCH_SCHEME = "affine32"
#: Odd 64-bit multiplier of the shingle polynomial (the golden-ratio constant): arithmetic
#: wraps modulo 2**64, so a change of any word changes the value.
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_HIGH = np.uint64(32)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, config: DedupConfig | None = None) -> set[str]:
    """Every run of `shingle_words` consecutive words of `text`, lower-cased.

    A text shorter than one shingle is one shingle of all its words; a text with no word
    has none (and never duplicates another).

    >>> sorted(shingles("Xã trao 50 suất quà cho hộ nghèo", load_config().model_copy(update={"shingle_words": 6})))
    ['50 suất quà cho hộ nghèo', 'trao 50 suất quà cho hộ', 'xã trao 50 suất quà cho']
    """
    k = (config or load_config()).shingle_words
    words = _words(text)
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def shingle_values(text: str, config: DedupConfig | None = None) -> np.ndarray:
    """The sorted, unique 64-bit values of the shingles of `text` (one per distinct shingle).

    Two texts have the same values exactly when they have the same shingles (up to hash
    collisions: about one pair of distinct words in 100,000 shares a CRC-32).

    >>> config = load_config().model_copy(update={"shingle_words": 6})
    >>> len(shingle_values("Xã trao 50 suất quà cho hộ nghèo", config)), len(shingle_values("", config))
    (3, 0)
    >>> bool((shingle_values("Xã trao quà", config) == shingle_values("xã, TRAO quà!", config)).all())
    True
    """
    words = _words(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    k = min((config or load_config()).shingle_words, len(words))
    codes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    count = len(words) - k + 1
    values = np.zeros(count, dtype=np.uint64)
    for offset in range(k):
        values = values * _MULTIPLIER + codes[offset:offset + count]
    return np.unique(values)


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutations for these settings, drawn once per process (WHY: drawing
    them is a third of the cost of a fresh MinHash)."""
    from datasketch import MinHash  # imported when first needed: it pulls in SciPy (~1 s)

    return MinHash(num_perm=num_perm, seed=seed, scheme=_DATASKETCH_SCHEME).permutations


def signature(values: np.ndarray, config: DedupConfig | None = None) -> np.ndarray:
    """The MinHash values (uint32, `num_perm` of them) of a non-empty array of shingle values."""
    from datasketch import MinHash

    config = config or load_config()
    minhash = MinHash(num_perm=config.num_perm, seed=config.seed, scheme=_DATASKETCH_SCHEME, hashfunc=int,
                      permutations=_permutations(config.num_perm, config.seed))
    minhash.update_batch((values >> _HIGH).tolist())
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def text_signature(text: str, config: DedupConfig | None = None) -> np.ndarray | None:
    """The signature of a text's shingles, or None for a text without words."""
    values = shingle_values(text, config)
    return signature(values, config) if values.size else None


def jaccard(a: set[int] | frozenset[int], b: set[int] | frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0.0 for two empty sets: nothing to be a copy of).

    >>> jaccard({1, 2, 3, 4}, {2, 3, 4, 5})
    0.6
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def value_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """`jaccard` of two sorted, unique arrays of shingle values (0.0 when both are empty)."""
    common = np.intersect1d(a, b, assume_unique=True).size
    union = a.size + b.size - common
    return common / union if union else 0.0
