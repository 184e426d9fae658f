"""Gale-Church (1993) length-only aligner: the baseline the embedding aligner must beat.

Same interface as `align_documents`; the embedder argument is ignored. Character lengths
are scaled by the per-language English/original ratio measured on dev data (LENGTH_STATS).
"""

from __future__ import annotations

import math

import numpy as np

from mlalign.align.config import AlignConfig, AlignmentResult
from mlalign.align.dp import banded_dp, path_cells
from mlalign.embed.base import Embedder
from mlalign.types import Bead, Sentence

# Gale & Church's bead priors
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
VARIANCE = 6.8
SKIP_LENGTH_COST = 4.0


def _erfc(x: np.ndarray) -> np.ndarray:
    """Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7), to avoid a scipy dependency."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return poly * np.exp(-x * x)


def gale_church_spans(src_lens: list[int], tgt_lens: list[int], src_lang: str, config: AlignConfig | None = None) -> list[tuple[int, int, int, int]]:
    """Length-only DP; full for small inputs, a diagonal band for large ones."""
    cfg = config or AlignConfig()
    n, m = len(src_lens), len(tgt_lens)
    ratio = math.exp(cfg.length_stats.get(src_lang, (0.1, 0.25))[0])
    cs = np.concatenate([[0.0], np.cumsum(src_lens, dtype=np.float64)])
    ct = np.concatenate([[0.0], np.cumsum(tgt_lens, dtype=np.float64)])
    types = [(1, 1), (2, 1), (1, 2), (2, 2), (1, 0)]
    # a skip pays its prior plus a typical length mismatch (constant so 0-1 runs stay in-row)
    skip = -math.log(PRIORS[(0, 1)]) + SKIP_LENGTH_COST

    def cost(a: int, b: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        if b == 0:
            return np.full(rows.shape, skip)
        ls = (cs[rows] - cs[rows - a]) * ratio
        lt = ct[cols] - ct[cols - b]
        mean = (ls + lt) / 2.0
        delta = (lt - ls) / np.sqrt(np.maximum(mean, 1.0) * VARIANCE)
        p = np.maximum(_erfc(np.abs(delta) / math.sqrt(2.0)), 1e-12)
        return -np.log(PRIORS[(a, b)]) - np.log(p)

    if n == 0 or m == 0:
        return path_cells([(1, 0)] * n + [(0, 1)] * m)
    if n * m <= 4_000_000:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m, dtype=np.int64)
    else:
        half = abs(n - m) + 100
        diag = np.round(np.arange(n + 1) * (m / n)).astype(np.int64)
        lo = np.clip(diag - half, 0, m)
        hi = np.clip(diag + half, 0, m)
        lo[0] = 0
        hi[n] = m
    path = banded_dp(n, m, lo, hi, types, cost, skip)
    return path_cells(path)


def align_gale_church(
    src: list[Sentence],
    tgt: list[Sentence],
    embedder: Embedder | None,
    src_lang: str,
    mt: list[str] | None = None,
    config: AlignConfig | None = None,
) -> AlignmentResult:
    """Baseline aligner: beads scored by length agreement only (score = bead probability)."""
    spans = gale_church_spans([len(s.text) for s in src], [len(t.text) for t in tgt], src_lang, config)
    beads = []
    for s0, s1, t0, t1 in spans:
        beads.append(Bead(
            list(range(s0, s1)), list(range(t0, t1)),
            " ".join(s.text for s in src[s0:s1]), " ".join(t.text for t in tgt[t0:t1]),
            " ".join(mt[s0:s1]) if mt is not None and s1 > s0 else None, 0.5,
        ))
    return AlignmentResult(beads, [])
