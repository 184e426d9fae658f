"""Word alignment of bead pairs: mutual links, and the on-disk cache that makes a re-run
free (same matrices, no encoder call)."""

from __future__ import annotations

import numpy as np

from mlalign.align.words import CachedWordAligner, WordAligner, WordAlignment
from mlalign.embed.e5_words import E5WordEncoder
from mlalign.embed.words import WordVectors, split_words


class CountingEncoder:
    """Deterministic fake: a word's vector is its one-hot bucket, so equal words match."""

    name = "fake-words"
    layers = (5, 9)

    def __init__(self) -> None:
        self.calls = 0

    def encode_words(self, texts):  # noqa: ANN001, ANN201
        self.calls += 1
        out = []
        for t in texts:
            spans = split_words(t)
            mat = np.zeros((len(spans), 16), dtype=np.float32)
            for i, (a, b) in enumerate(spans):
                mat[i, sum(map(ord, t[a:b].lower())) % 16] = 1.0
            out.append(WordVectors(t, spans, dict.fromkeys(self.layers, mat)))
        return out


def test_links_are_soft_mutual_best_matches() -> None:
    sims = np.array([[0.9, 0.2], [0.89, 0.3], [0.1, 0.2]], dtype=np.float32)
    wa = WordAlignment("a b c", "x y", {5: sims})
    links = wa.links(5, margin=0.02)
    assert links[0, 0] and links[1, 0]  # within the margin of each other's best
    assert not links[2].any() or links[2, 1]  # c's best is y, and y's best is b: no link
    assert not links[2, 1]
    assert wa.src_words == ["a", "b", "c"] and wa.tgt_words == ["x", "y"]


def test_cache_returns_identical_matrices_without_the_encoder(tmp_path) -> None:
    enc = CountingEncoder()
    pairs = [("one two three", "three two"), ("four", "five four")]
    first = CachedWordAligner(enc, tmp_path).align(pairs)
    assert enc.calls == 1
    again = CachedWordAligner(enc, tmp_path)  # a new process would open the same file
    second = again.align(pairs)
    assert enc.calls == 1 and again.computed == 0
    for a, b in zip(first, second, strict=True):
        for layer in enc.layers:
            assert np.array_equal(a.sims[layer], b.sims[layer])
        assert a.src_words == b.src_words
    assert first[0].sims[5].shape == (3, 2)


def test_pairs_are_encoded_a_chunk_at_a_time() -> None:
    """Word vectors of a whole long document would not fit in memory: chunks bound them."""
    enc = CountingEncoder()
    aligner = WordAligner(enc)
    aligner.chunk = 10
    out = aligner.align([(f"a{i} b", f"c{i} d") for i in range(35)])
    assert enc.calls == 4 and len(out) == 35 and out[34].src == "a34 b"


def test_real_encoder_links_a_translation() -> None:
    wa = WordAligner(E5WordEncoder()).align(
        [("هاجم مسلحو داعش مواقع للجيش قرب الموصل", "ISIS fighters attacked army positions near Mosul")])[0]
    links = wa.links(5)
    j = wa.tgt_words.index("Mosul")
    assert wa.src_words[int(np.argmax(links[:, j]))] == "الموصل"
