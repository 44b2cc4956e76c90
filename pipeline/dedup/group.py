"""Group near-duplicates once over all signatures: LSH bands find candidates, exact Jaccard decides.

Banding is done on the signature matrix itself (one `num_perm`-column uint32 array, 512 bytes
an article): for each band, rows whose values in that band are equal are candidates. WHY not
datasketch's `MinHashLSH` index: it keeps a Python bytes key and set per band and article,
about 6 KB an article (measured), where the matrix and one band at a time need the 512 bytes.
The hashing itself is datasketch's MinHash (`shingles.py`).

A candidate pair joins one group only when the exact Jaccard of its shingle sets reaches the
threshold; groups are closed under it (union-find, as datatrove does), and the first article
of a group in input order leads it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

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


class UnionFind:
    """Disjoint sets of row indices (path halving, union by size)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            if self.size[a] < self.size[b]:
                a, b = b, a
            self.parent[b] = a
            self.size[a] += self.size[b]


def confirmed_groups(n: int, buckets: Iterable[np.ndarray], similar: Callable[[int, int], bool]) -> UnionFind:
    """Join every candidate pair that `similar` confirms; a pair already joined is not rechecked."""
    groups = UnionFind(n)
    checked: set[tuple[int, int]] = set()
    for bucket in buckets:
        members = bucket.tolist()
        for pos, j in enumerate(members):
            for i in members[:pos]:
                if (i, j) in checked or groups.find(i) == groups.find(j):
                    continue
                checked.add((i, j))
                if similar(i, j):
                    groups.union(i, j)
    return groups


def leaders(groups: UnionFind, rank: Sequence[float]) -> list[tuple[int, int]]:
    """For every row: (the row leading its group — lowest `rank` — and the group's size)."""
    n = len(groups.parent)
    first: dict[int, int] = {}
    for i in range(n):
        root = groups.find(i)
        if root not in first or (rank[i], i) < (rank[first[root]], first[root]):
            first[root] = i
    return [(first[groups.find(i)], groups.size[groups.find(i)]) for i in range(n)]
