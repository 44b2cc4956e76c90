"""Minimum-cost maximum matching between gold and predicted items.

Scoring must pair each gold figure with at most one prediction and find as many pairs as
possible (a greedy pass can miss pairs when tolerances overlap); among the maximum matchings
it should prefer pairs that sit at the same or nearest offsets so that error listings name
the figure a reader expects. That is the rectangular assignment problem. The compatibility
graph of a news article splits into tiny components (one value, one kind), so a plain
Hungarian algorithm run per component is fast, and it spares the project a SciPy dependency
for one function.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from math import inf
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")

#: Cost of a compatible pair (lower is preferred), or None when the two may not be paired.
PairCost = Callable[[G, P], float | None]


def assignment(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Rows and columns paired so that every row of the smaller side is used at minimum cost.

    Classic O(n²m) Hungarian algorithm with potentials (rows ≤ columns; transposed otherwise).

    >>> sorted(assignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]))
    [(0, 1), (1, 0), (2, 2)]
    >>> assignment([[1.0], [0.0]])
    [(1, 0)]
    """
    rows = len(cost)
    cols = len(cost[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    if rows > cols:
        transposed = [[cost[r][c] for r in range(rows)] for c in range(cols)]
        return sorted((r, c) for c, r in assignment(transposed))
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j]: 1-based row assigned to column j, 0 when free
    way = [0] * (cols + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta, j1 = inf, 0
            for j in range(1, cols + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return sorted((owner[j] - 1, j - 1) for j in range(1, cols + 1) if owner[j])


def _components(edges: dict[tuple[int, int], float], n_gold: int) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite compatibility graph (union-find)."""
    parent = list(range(n_gold))
    pred_root: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g, p in edges:
        if p in pred_root:
            a, b = find(g), find(pred_root[p])
            if a != b:
                parent[a] = b
        else:
            pred_root[p] = g
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for g in sorted({g for g, _ in edges}):
        groups.setdefault(find(g), ([], []))[0].append(g)
    for p in sorted(pred_root):
        groups[find(pred_root[p])][1].append(p)
    return list(groups.values())


def match(gold: Sequence[G], pred: Sequence[P], pair_cost: PairCost) -> list[tuple[int, int]]:
    """Maximum set of (gold index, pred index) pairs, each index used once, cheapest first.

    `pair_cost(g, p)` returns None when the two cannot be paired. Among all matchings of
    maximum size the one with least total cost is returned, sorted by gold index.

    >>> match([1, 2, 2], [2, 1], lambda g, p: 0.0 if g == p else None)
    [(0, 1), (1, 0)]
    """
    edges: dict[tuple[int, int], float] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            cost = pair_cost(g, p)
            if cost is not None:
                edges[(gi, pi)] = float(cost)
    pairs: list[tuple[int, int]] = []
    for g_ids, p_ids in _components(edges, len(gold)):
        # Forbidden pairs cost more than every allowed pair together, so the minimum-cost
        # assignment first maximizes the number of allowed pairs, then minimizes their cost.
        big = 1.0 + sum(edges.get((g, p), 0.0) for g in g_ids for p in p_ids)
        matrix = [[edges.get((g, p), big) for p in p_ids] for g in g_ids]
        for r, c in assignment(matrix):
            if (g_ids[r], p_ids[c]) in edges:
                pairs.append((g_ids[r], p_ids[c]))
    return sorted(pairs)
