"""Optimal one-to-one assignment on a score matrix (Hungarian method, shortest augmenting path).

scipy is not a dependency; this is the textbook O(n²m) algorithm with the inner loop over
columns vectorised by numpy, which is ample for the few dozen clauses of a connected block.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def max_weight_assignment(weights: npt.NDArray[np.float64]) -> list[tuple[int, int]]:
    """Pairs (row, column), each row and column at most once, maximising the summed weight.

    Every row of the smaller side is assigned; callers drop the links they find too weak.
    Ties resolve to the lowest column index, so the result is deterministic.
    """
    rows, cols = weights.shape
    if rows == 0 or cols == 0:
        return []
    if rows > cols:
        return [(r, c) for c, r in max_weight_assignment(weights.T)]
    cost = -weights
    u = np.zeros(rows + 1)
    v = np.zeros(cols + 1)
    owner = np.zeros(cols + 1, dtype=np.int64)  # owner[j]: 1-based row holding column j
    way = np.zeros(cols + 1, dtype=np.int64)
    for row in range(1, rows + 1):
        owner[0] = row
        j0 = 0
        minv = np.full(cols + 1, np.inf)
        used = np.zeros(cols + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = owner[j0]
            reduced = cost[i0 - 1] - u[i0] - v[1:]
            free = ~used[1:]
            better = free & (reduced < minv[1:])
            minv[1:][better] = reduced[better]
            way[1:][better] = j0
            masked = np.where(free, minv[1:], np.inf)
            j1 = int(np.argmin(masked)) + 1
            delta = masked[j1 - 1]
            u[owner[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = int(way[j0])
            owner[j0] = owner[j1]
            j0 = j1
    return sorted((int(owner[j]) - 1, j - 1) for j in range(1, cols + 1) if owner[j])
