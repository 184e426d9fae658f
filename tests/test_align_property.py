"""Whole-aligner invariant (DP + edge refinement + bead building): every sentence in exactly one bead, in order."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mlalign.align import AlignConfig
from mlalign.align.embedding import align_documents
from mlalign.align.gale_church import align_gale_church
from mlalign.types import Sentence


class _HashEmbedder:
    """Deterministic fake: a text's vector is a shared component plus a hash-seeded random part.

    The shared part makes unrelated cosines sit high, as with e5; equal texts get equal vectors.
    """

    name = "hash-fake"
    dim = 48

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), np.float32)
        common = np.ones(self.dim) / np.sqrt(self.dim)
        for i, t in enumerate(texts):
            seed = int.from_bytes(hashlib.sha1(t.encode()).digest()[:4], "little")
            v = 2.0 * common + np.random.default_rng(seed).standard_normal(self.dim) / np.sqrt(self.dim)
            out[i] = v / np.linalg.norm(v)
        return out


_WORDS = st.text(alphabet="abcdefgh ", min_size=0, max_size=30)


def _check(beads: list, n: int, m: int) -> None:
    src_ids = [i for b in beads for i in b.src_ids]
    tgt_ids = [j for b in beads for j in b.tgt_ids]
    assert src_ids == list(range(n))  # each source sentence once, in order
    assert tgt_ids == list(range(m))
    assert all(b.src_ids or b.tgt_ids for b in beads)  # no empty bead


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_WORDS, max_size=25),
    st.lists(_WORDS, max_size=25),
    st.lists(st.integers(0, 3), max_size=25),
    st.booleans(),
)
def test_align_documents_covers_every_sentence_once(src: list[str], tgt: list[str], paras: list[int], small: bool) -> None:
    """Duplicates, empty strings, paragraphs and the coarse-to-fine path (small full_dp_cells) included."""
    p = sorted(paras) + [3] * 25
    s = [Sentence(t, p[i]) for i, t in enumerate(src)]
    e = [Sentence(t, p[i]) for i, t in enumerate(tgt)]
    cfg = AlignConfig(full_dp_cells=0 if small else 250_000)
    res = align_documents(s, e, _HashEmbedder(), "ar", config=cfg)
    _check(res.beads, len(s), len(e))
    gc = align_gale_church(s, e, None, "fa", config=cfg)
    _check(gc.beads, len(s), len(e))
