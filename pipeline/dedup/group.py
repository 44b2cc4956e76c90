"""Group near-duplicates once over all signatures: LSH bands find candidates, exact Jaccard decides.

Banding is done on the signature matrix itself (one `num_perm`-column uint32 array, 512 bytes
an article): for each band, rows whose values in that band are equal are candidates. WHY not
datasketch's `MinHashLSH` index: it keeps a Python bytes key and set per band and article,
about 6 KB an article (measured), where the matrix and one band at a time need the 512 bytes.
The hashing itself is datasketch's MinHash (`shingles.py`).

A candidate joins a group only when the exact Jaccard of its shingle sets with the group's
leader — the first article of the group in input order — reaches the threshold.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np


def band_params(threshold: float, num_perm: int, recall: float) -> tuple[int, int]:
    """(bands, rows per band): the most rows (fewest chance candidates) for which a pair with
    Jaccard `threshold` shares at least one band with probability `recall` or more.

    >>> band_params(0.8, 128, 0.995)
    (21, 6)
    """
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1 - (1 - threshold ** rows) ** bands >= recall:
            return bands, rows
    return num_perm, 1


def candidate_buckets(signatures: np.ndarray, bands: int, rows: int) -> Iterator[np.ndarray]:
    """Row indices of `signatures` that agree on a whole band, one bucket at a time (ascending)."""
    if len(signatures) < 2:
        return
    for band in range(bands):
        _, inverse = np.unique(signatures[:, band * rows:(band + 1) * rows], axis=0, return_inverse=True)
        inverse = inverse.ravel()
        order = np.argsort(inverse, kind="stable")
        keys = inverse[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        for start, end in zip(starts, np.r_[starts[1:], len(order)], strict=True):
            if end - start > 1:
                yield np.sort(order[start:end])


def leaders(n: int, buckets: Sequence[np.ndarray], rank: Sequence[float],
            similar: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """For every row: (the row leading its group, the group's size).

    Rows are taken in input order (`rank`); a row joins the earliest leader it shares a bucket
    with that `similar` confirms, else it leads a group of its own. So every `duplicate_of`
    points at an article the copy itself is similar to (no chains A~B~C where A and C
    differ), and the leader is the first article of its group in input order. Only leaders
    are kept per bucket, so ten thousand copies of one page cost ten thousand checks, not
    fifty million pairs.
    """
    of_row: dict[int, list[int]] = {}
    for number, bucket in enumerate(buckets):
        for row in bucket.tolist():
            of_row.setdefault(row, []).append(number)
    bucket_leaders: list[list[int]] = [[] for _ in buckets]
    lead = list(range(n))
    for row in sorted(of_row, key=lambda i: (rank[i], i)):
        earlier = sorted({c for b in of_row[row] for c in bucket_leaders[b]}, key=lambda c: (rank[c], c))
        lead[row] = next((c for c in earlier if similar(c, row)), row)
        if lead[row] == row:
            for b in of_row[row]:
                bucket_leaders[b].append(row)
    sizes: dict[int, int] = {}
    for row in lead:
        sizes[row] = sizes.get(row, 0) + 1
    return [(lead[row], sizes[lead[row]]) for row in range(n)]
