"""The whole dynamic program: one banded min-cost path over bead types, vectorised per row.

Cells are (i, j) = (source sentences consumed, target sentences consumed). Row i keeps only
columns lo[i] .. hi[i], so time and memory are O(band cells). A 0-1 step inside a row
is a running minimum (np.minimum.accumulate), everything else is one gather per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

INF = np.float64(1e18)
# cost_fn(a, b, rows, cols) -> costs of the bead with a source and b target sentences
# ending at cells (rows, cols); shapes broadcast. Must handle any rows >= a, cols >= b.
CostFn = Callable[[int, int, np.ndarray, np.ndarray], np.ndarray]


def bead_types(max_bead: int) -> list[tuple[int, int]]:
    """All a-b with a, b >= 1, a + b <= max_bead + 1, plus 1-0 (0-1 is handled in-row)."""
    types = [(a, b) for a in range(1, max_bead + 1) for b in range(1, max_bead + 1) if a + b <= max_bead + 1]
    if max_bead >= 2 and (2, 2) not in types:
        types.append((2, 2))
    return [*types, (1, 0)]


def banded_dp(
    n: int,
    m: int,
    lo: np.ndarray,
    hi: np.ndarray,
    types: Sequence[tuple[int, int]],
    cost_fn: CostFn,
    skip_tgt: float,
) -> list[tuple[int, int]]:
    """Min-cost path from (0,0) to (n,m) using cells lo[i] <= j <= hi[i] of each row i.

    Rows have their own widths and are stored back to back, so a long run of additions on
    one row does not widen every other row. Returns bead sizes (a, b) in order.
    """
    lo = np.asarray(lo, dtype=np.int64)
    hi = np.minimum(np.asarray(hi, dtype=np.int64), m)
    if lo.shape != (n + 1,) or hi.shape != (n + 1,) or lo[0] != 0 or not lo[n] <= m <= hi[n] or (hi < lo).any():
        raise ValueError("band must contain (0, 0) and (n, m) and no empty row")
    w = hi - lo + 1
    off = np.concatenate([[0], np.cumsum(w)])
    total = int(off[-1])
    row = np.repeat(np.arange(n + 1, dtype=np.int64), w)
    col = np.arange(total, dtype=np.int64) - off[row] + lo[row]
    nt = len(types)
    flat = np.full((nt, total), total, dtype=np.int64)  # `total` = an always-INF cell
    costs = np.full((nt, total), INF, dtype=np.float64)
    for t, (a, b) in enumerate(types):
        prow = row - a
        pcol = col - b
        pr = np.maximum(prow, 0)
        pk = pcol - lo[pr]
        ok = (prow >= 0) & (pcol >= 0) & (pk >= 0) & (pk < w[pr])
        flat[t] = np.where(ok, off[pr] + pk, total)
        cells = np.nonzero(ok)[0]
        if len(cells):
            costs[t, cells] = cost_fn(a, b, row[cells], col[cells])
    dflat = np.full(total + 1, INF, dtype=np.float64)
    back = np.full(total, -1, dtype=np.int8)
    for i in range(n + 1):
        s0, s1 = int(off[i]), int(off[i + 1])
        cand = dflat[flat[:, s0:s1]] + costs[:, s0:s1]  # (types, width of row i)
        arg = cand.argmin(axis=0)
        best = cand[arg, np.arange(s1 - s0)]
        if i == 0:
            best[0] = 0.0
            arg[0] = -2
        steps = np.arange(s1 - s0, dtype=np.float64) * skip_tgt
        run = np.minimum.accumulate(best - steps) + steps  # 0-1 steps within the row
        from_left = run < best - 1e-9
        back[s0:s1] = np.where(from_left, nt, arg)
        dflat[s0:s1] = np.minimum(run, INF)
    path: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        t = int(back[off[i] + j - lo[i]])
        if t == nt:
            a, b = 0, 1
        elif t < 0:  # pragma: no cover - the band always holds a path
            raise RuntimeError("DP backtrack left the band")
        else:
            a, b = types[t]
        path.append((a, b))
        i -= a
        j -= b
    path.reverse()
    return path


def band_from_path(path: Sequence[tuple[int, int]], n: int, m: int, factor: int, margin: int) -> tuple[np.ndarray, np.ndarray]:
    """Scale a coarse path by `factor`; return per-row (lo, hi) covering it +- `margin` cells."""
    pts = np.zeros((len(path) + 1, 2), dtype=np.int64)
    if path:
        pts[1:] = np.cumsum(np.asarray(path, dtype=np.int64), axis=0)
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for d in range(-factor - margin, factor + margin + 1):
        r = np.clip(pts[:, 0] * factor + d, 0, n)
        c = pts[:, 1] * factor
        np.minimum.at(lo, r, c - margin - factor)
        np.maximum.at(hi, r, c + margin + factor)
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    lo[0] = 0
    hi[n] = m
    # keep the band connected: each row reaches back to where the previous one ended
    lo = np.minimum(lo, np.concatenate([[0], hi[:-1]]))
    hi = np.maximum(np.maximum(hi, lo), np.maximum.accumulate(lo))
    return lo, hi


def path_cells(path: Sequence[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Turn bead sizes into (src_start, src_end, tgt_start, tgt_end) spans."""
    out = []
    i = j = 0
    for a, b in path:
        out.append((i, i + a, j, j + b))
        i += a
        j += b
    return out
