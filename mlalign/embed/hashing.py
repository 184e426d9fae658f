"""Deterministic character n-gram hashing embedder: fast fake for DP unit tests only.

It is NOT cross-lingual: an Arabic sentence and its English translation share no n-grams,
so use it only where both sides are in the same script (e.g. synthetic DP tests).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

from mlalign.embed.base import l2_normalise


class HashingEmbedder:
    """Hashes character 3-grams into `dim` buckets with signs; identical texts -> identical vectors."""

    def __init__(self, dim: int = 256, n: int = 3) -> None:
        self.dim = dim
        self.n = n
        self.name = f"hashing-{dim}-{n}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            padded = f" {text.lower()} "
            for j in range(max(1, len(padded) - self.n + 1)):
                h = zlib.crc32(padded[j : j + self.n].encode("utf-8"))
                out[i, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        return l2_normalise(out)
