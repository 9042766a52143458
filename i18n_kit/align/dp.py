"""Dynamic programming over beads (1-1, 1-2, 2-1, 1-0, 0-1), within a band of rows.

``best_path`` finds the cheapest sequence of beads that consumes ``n`` source and ``m``
target items, where row ``i`` (``i`` source items consumed) may only hold the cells
``lo[i] <= j <= hi[i]``: the band. Work and memory are the sum of the band's widths, so
linear in the text's length for a band of fixed width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["BEADS", "best_path", "diagonal_band"]

#: (source items, target items) of each kind of link.
BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))

_INFINITY = float("inf")


def diagonal_band(n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """Rows around the diagonal from (0, 0) to (n, m), ``width`` cells either side.

    >>> diagonal_band(2, 4, 1)
    ([0, 1, 3], [1, 3, 4])
    """
    lo: list[int] = []
    hi: list[int] = []
    for i in range(n + 1):
        centre = i * m // n if n else 0
        lo.append(max(0, centre - width))
        hi.append(min(m, centre + width))
    if n == 0:
        lo[0], hi[0] = 0, m
    return lo, hi


def best_path(
    n: int,
    m: int,
    cost: Callable[[int, int, int, int], float],
    band: tuple[Sequence[int], Sequence[int]],
) -> list[tuple[int, int, int, int]]:
    """The cheapest beads ``(i, j, di, dj)``: source items ``[i, i + di)`` linked with
    target items ``[j, j + dj)``, in order. ``cost(i, j, di, dj)`` prices one bead.

    >>> best_path(2, 2, lambda i, j, di, dj: 0.0 if (di, dj) == (1, 1) else 1.0,
    ...           diagonal_band(2, 2, 1))
    [(0, 0, 1, 1), (1, 1, 1, 1)]
    """
    lo, hi = band
    lo = list(lo)
    hi = list(hi)
    # The band must let a path through: rows start no later and end no earlier than
    # their neighbours allow.
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    for i in range(n - 1, -1, -1):
        lo[i] = min(lo[i], lo[i + 1])
    for i in range(1, n + 1):
        lo[i] = min(lo[i], hi[i - 1])  # each row reachable from the one before
    rows: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        start, stop = lo[i], hi[i]
        row = [_INFINITY] * (stop - start + 1)
        came = [-1] * (stop - start + 1)
        for j in range(start, stop + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best = _INFINITY
            how = -1
            for kind, (di, dj) in enumerate(BEADS):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                if pi == i:
                    if pj < start:
                        continue
                    previous = row[pj - start]
                else:
                    if pj < lo[pi] or pj > hi[pi]:
                        continue
                    previous = rows[pi][pj - lo[pi]]
                if previous == _INFINITY:
                    continue
                total = previous + cost(pi, pj, di, dj)
                if total < best:
                    best, how = total, kind
            row[j - start] = best
            came[j - start] = how
        rows.append(row)
        back.append(came)
    path: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        kind = back[i][j - lo[i]]
        if kind < 0:  # unreachable: cannot happen with the band repaired above
            raise AssertionError(f"no path through the band at ({i}, {j})")
        di, dj = BEADS[kind]
        i, j = i - di, j - dj
        path.append((i, j, di, dj))
    path.reverse()
    return path
