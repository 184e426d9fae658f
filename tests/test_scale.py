"""A 200k-sentence document pair goes through the whole audit (cheap hashing embedder):
every sentence lands in exactly one bead, in order, and memory stays bounded (linear DP)."""

from __future__ import annotations

import random

import pytest

from mlalign.drift import DriftConfig
from mlalign.embed import HashingEmbedder
from mlalign.pipeline import audit_texts

FA_WORDS = ("کتاب خانه مردم شهر ایران امروز دیروز سال روز کار زبان ترجمه نویسنده شعر "
            "دانشگاه دولت").split()


@pytest.mark.slow  # about two minutes on two cores
def test_two_hundred_thousand_sentences_each_side() -> None:
    rng = random.Random(0)
    n = 200_000
    src = "\n".join(" ".join(rng.choice(FA_WORDS) for _ in range(8)) + "." for _ in range(n))
    tgt = "\n".join(f"English sentence number {i} about the city." for i in range(n))
    # word alignment runs the real e5 model on every bead (hours at this size), and the
    # hashing embedder's sentences are no translations: this test is about the aligner
    audit = audit_texts(src, tgt, src_lang="fa", presplit=True,
                        embedder=HashingEmbedder(dim=64),
                        drift_config=DriftConfig(word_alignment=False))
    src_ids = [i for bead in audit.beads for i in bead.src_ids]
    tgt_ids = [i for bead in audit.beads for i in bead.tgt_ids]
    assert src_ids == list(range(n)) and tgt_ids == list(range(n))
