"""Group near-duplicates once over all signatures: LSH bands find candidates, exact Jaccard decides.

Banding is done on the signature matrix itself (one `num_perm`-column uint32 array, 512 bytes
an article): for each band, rows whose values in that band are equal are candidates. WHY not
datasketch's `MinHashLSH` index: it keeps a Python bytes key and set per band and article,
about 6 KB an article (measured), where the matrix and one band at a time need the 512 bytes.
The hashing itself is datasketch's MinHash (`shingles.py`).

Every two articles of a group reach the threshold by the exact Jaccard of their shingle sets
(complete linkage), so two articles a query counts as one story do overlap that much. WHY
not the leader alone: two copies of one story, each 0.81–0.9 like the original, are often
only 0.68–0.79 like each other (measured, `bench.dedup quality`); joined through the leader
they were up to 6 % of the pairs found. WHY closest first (`leaders`): taken in input order,
a marginal copy that came early kept out a near-exact one that came later (recall 0.91).
Most member checks are skipped with the triangle inequality of the distance d = 1 - J.
"""
from __future__ import annotations

from bisect import bisect_right
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


class _Group:
    """A group's leader and its members' Jaccard distances to the leader (ascending)."""

    def __init__(self, leader: int) -> None:
        self.leader = leader
        self.distances: list[float] = []  # of the members to the leader (leader excluded)
        self.rows: list[int] = []  # the members, in the order of `distances`

    def admits(self, row: int, x: float, similarity: Callable[[int, int], float], threshold: float) -> bool:
        """Whether `row`, at distance `x` from the leader, is similar to every member.

        With r = 1 - threshold, a member at distance y from the leader is within r of `row`
        when x + y <= r and beyond it when |x - y| > r; only the members with y in
        (r - x, r + x] are compared exactly. Exact copies of the leader (x = 0) compare with
        none, so a page crawled ten thousand times costs ten thousand checks.
        """
        radius = 1.0 - threshold
        if self.distances and self.distances[-1] > radius + x + _EPSILON:
            return False  # a member on the far side of the leader
        start = bisect_right(self.distances, radius - x - _EPSILON)
        return all(similarity(m, row) >= threshold for m in self.rows[start:])

    def add(self, row: int, x: float) -> None:
        at = bisect_right(self.distances, x)
        self.distances.insert(at, x)
        self.rows.insert(at, row)


#: Slack for float rounding in the distance bounds: a pair within it is compared exactly.
_EPSILON = 1e-9


def _stars(pending: set[int], buckets: Sequence[np.ndarray], rank: Sequence[float],
           similarity: Callable[[int, int], float], threshold: float) -> dict[int, list[tuple[float, float, int]]]:
    """Leader -> its members as (distance to the leader, rank, row), over the `pending` rows.

    Rows are taken in input order; a row joins the earliest leader it shares a bucket with
    and reaches the threshold with, else it leads. Only leaders are kept per bucket.
    """
    of_row: dict[int, list[int]] = {}
    for number, bucket in enumerate(buckets):
        for row in bucket.tolist():
            if row in pending:
                of_row.setdefault(row, []).append(number)
    bucket_leaders: list[list[int]] = [[] for _ in buckets]
    stars: dict[int, list[tuple[float, float, int]]] = {}
    for row in sorted(pending, key=lambda i: (rank[i], i)):
        earlier = sorted({c for b in of_row.get(row, []) for c in bucket_leaders[b]}, key=lambda c: (rank[c], c))
        joined = False
        for leader in earlier:
            to_leader = similarity(leader, row)
            if to_leader >= threshold:
                stars[leader].append((1.0 - to_leader, rank[row], row))
                joined = True
                break
        if not joined:
            stars[row] = []
            for b in of_row.get(row, []):
                bucket_leaders[b].append(row)
    return stars


def leaders(n: int, buckets: Sequence[np.ndarray], rank: Sequence[float],
            similarity: Callable[[int, int], float], threshold: float) -> list[tuple[int, int]]:
    """For every row: (the row leading its group, the group's size).

    Each row first goes to the earliest leader in input order (`rank`) it is similar to
    (`_stars`); a leader's members then join its group closest first, each only when
    similar to every member already in. A member left out is grouped again with the others
    left out, in rounds until none is. So every `duplicate_of` points at the first article
    of its group in input order, and every two articles of a group reach the threshold.
    """
    lead = list(range(n))
    sizes = [1] * n
    pending = {row for bucket in buckets for row in bucket.tolist()}
    while pending:
        left_out: set[int] = set()
        for leader, members in _stars(pending, buckets, rank, similarity, threshold).items():
            group = _Group(leader)
            for x, _, row in sorted(members):
                if group.admits(row, x, similarity, threshold):
                    group.add(row, x)
                    lead[row] = leader
                else:
                    left_out.add(row)
            for row in (leader, *group.rows):
                sizes[row] = len(group.rows) + 1
        pending = left_out
    return list(zip(lead, sizes, strict=True))
