"""DP invariants: every sentence in exactly one bead, in order; banded == full on easy inputs."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mlalign.align import AlignConfig, align_vectors
from mlalign.align.dp import banded_dp, bead_types, path_cells


def _unit(rng: np.random.Generator, n: int, d: int = 32) -> np.ndarray:
    x = rng.standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _check_cover(spans: list[tuple[int, int, int, int]], n: int, m: int) -> None:
    i = j = 0
    for s0, s1, t0, t1 in spans:
        assert (s0, t0) == (i, j)
        assert s1 - s0 + t1 - t0 >= 1
        i, j = s1, t1
    assert (i, j) == (n, m)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 10_000))
def test_every_sentence_once_in_order(n: int, m: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    spans = align_vectors(_unit(rng, n), _unit(rng, m), rng.integers(1, 200, n), rng.integers(1, 200, m), "fa")
    _check_cover(spans, n, m)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 25), st.integers(1, 25), st.integers(0, 10_000))
def test_dp_core_random_costs_cover(n: int, m: int, seed: int) -> None:
    """Arbitrary (random) cost matrices still give a complete monotone path."""
    rng = np.random.default_rng(seed)
    table = rng.random((4, 4, n + 1, m + 1))

    def cost(a: int, b: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        return table[a, b, rows, cols]

    lo = np.zeros(n + 1, dtype=np.int64)
    path = banded_dp(n, m, lo, np.full(n + 1, m), bead_types(3), cost, float(rng.random()))
    _check_cover(path_cells(path), n, m)


def test_banded_equals_full_dp() -> None:
    rng = np.random.default_rng(5)
    n = 300
    src = _unit(rng, n, 64)
    tgt = src + 0.15 * _unit(rng, n, 64)
    drop = [17, 120, 121, 250]
    tgt = np.delete(tgt, drop, axis=0)
    tgt /= np.linalg.norm(tgt, axis=1, keepdims=True)
    sl = rng.integers(20, 150, n)
    tl = np.delete(sl, drop)
    full = align_vectors(src, tgt, sl, tl, "ar", AlignConfig(full_dp_cells=10**9))
    banded = align_vectors(src, tgt, sl, tl, "ar", AlignConfig(full_dp_cells=0))
    assert banded == full
    skipped = [s0 for s0, s1, t0, t1 in full if t1 == t0]
    assert skipped == drop


def test_merged_vectors_give_n_m_beads() -> None:
    """A target sentence that is the sum of two source sentences becomes one 2-1 bead."""
    rng = np.random.default_rng(9)
    src = _unit(rng, 20, 64)
    rows = [*src[:6], src[6] + src[7], *src[8:13], src[13] + src[14], *src[15:]]
    tgt = np.stack([r / np.linalg.norm(r) for r in rows]).astype(np.float32)
    lens = [50] * 20
    tlens = [*lens[:6], 100, *lens[8:13], 100, *lens[15:]]
    spans = align_vectors(src, tgt, lens, tlens, "fa")
    kinds = {(s0, s1 - s0, t1 - t0) for s0, s1, t0, t1 in spans}
    assert (6, 2, 1) in kinds
    assert (13, 2, 1) in kinds


def test_refine_splits_unrelated_edge_sentence() -> None:
    from mlalign.align.embedding import refine_spans

    rng = np.random.default_rng(4)
    src = _unit(rng, 3, 64)
    extra = _unit(rng, 1, 64)
    tgt = np.concatenate([src[:1], extra, src[1:]])
    # a 1-2 bead that swallowed an unrelated English sentence, and a true 2-1 bead
    half = (src[1] + src[2]) / np.linalg.norm(src[1] + src[2])
    tgt2 = np.concatenate([tgt[:2], half[None, :]])
    spans = refine_spans([(0, 1, 0, 2), (1, 3, 2, 3)], src, tgt2, 0.01)
    assert spans == [(0, 1, 0, 1), (1, 1, 1, 2), (1, 3, 2, 3)]


def _e5like(rng: np.random.Generator, n: int, d: int = 64) -> np.ndarray:
    """Unit vectors sharing a large common part, so unrelated cosines sit near 0.8 as with e5."""
    common = np.ones(d) / np.sqrt(d)
    x = 2.0 * common + rng.standard_normal((n, d)) / np.sqrt(d)
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_refine_uses_length_to_split_off_an_addition() -> None:
    """An unrelated English sentence barely lowers the bead cosine but doubles the English length."""
    from mlalign.align.embedding import refine_spans

    rng = np.random.default_rng(11)
    a, extra = _e5like(rng, 2)
    partner = a + 0.4 * rng.standard_normal(64) / 8  # a loose translation of a (cos 0.94)
    src = a[None, :]
    tgt = np.stack([partner / np.linalg.norm(partner), extra])
    cfg = AlignConfig()
    length = (0.0, 0.2, cfg.refine_len_hinge, cfg.refine_len_weight)
    lens_s, lens_t = np.array([100.0]), np.array([100.0, 100.0])
    assert cfg.refine_slack is not None
    split = refine_spans([(0, 1, 0, 2)], src, tgt, cfg.refine_slack, lens_s, lens_t, length)
    assert split == [(0, 1, 0, 1), (1, 1, 1, 2)]
    # the cosine alone hardly moves (the shared e5 part carries it): without lengths it stays merged
    no_len = refine_spans([(0, 1, 0, 2)], src, tgt, cfg.refine_slack, lens_s, lens_t, (0.0, 0.2, 0.0, 0.0))
    assert no_len == [(0, 1, 0, 2)]
    # a genuine 1-2 split (each English part carries half the source) keeps both parts
    p, q = _e5like(rng, 2)
    whole = (p + q) / np.linalg.norm(p + q)
    kept = refine_spans([(0, 1, 0, 2)], whole[None, :], np.stack([p, q]), cfg.refine_slack,
                        lens_s, np.array([50.0, 50.0]), length)
    assert kept == [(0, 1, 0, 2)]


def test_refine_centred_vectors_expose_a_short_addition() -> None:
    """A short unrelated English sentence: too short for the length test, and the raw cosine
    barely moves; with the document mean removed the cosine drop shows, and it is split off.
    A genuine 1-2 split in the same document is kept."""
    from mlalign.align.embedding import _centred, refine_spans

    rng = np.random.default_rng(2)
    src = _e5like(rng, 12)
    tgt = src + 0.05 * rng.standard_normal((12, 64))
    tgt /= np.linalg.norm(tgt, axis=1, keepdims=True)
    extra = _e5like(rng, 1)
    tgt = np.concatenate([tgt[:6], extra, tgt[6:]]).astype(np.float32)
    sl = np.full(12, 100.0)
    tl = np.concatenate([np.full(6, 100.0), [12.0], np.full(6, 100.0)])
    spans = [(i, i + 1, i, i + 1) for i in range(5)] + [(5, 6, 5, 7)] + [(i, i + 1, i + 1, i + 2) for i in range(6, 12)]
    cfg = AlignConfig()
    assert cfg.refine_centre and cfg.refine_slack is not None
    length = (0.0, 0.18, cfg.refine_len_hinge, cfg.refine_len_weight)
    raw = refine_spans(spans, src, tgt, cfg.refine_slack, sl, tl, length)
    assert (5, 6, 5, 7) in raw
    cen = refine_spans(spans, _centred(src), _centred(tgt), cfg.refine_slack, sl, tl, length)
    assert (5, 6, 5, 6) in cen and (6, 6, 6, 7) in cen
    # genuine split: English 5 and 6 are the two halves of source 5
    p, q = _e5like(rng, 2)
    src2 = src.copy()
    src2[5] = (p + q) / np.linalg.norm(p + q)
    tgt2 = tgt.copy()
    tgt2[5], tgt2[6] = p, q
    tl2 = tl.copy()
    tl2[5] = tl2[6] = 50.0
    kept = refine_spans(spans, _centred(src2), _centred(tgt2), cfg.refine_slack, sl, tl2, length)
    assert (5, 6, 5, 7) in kept


def _expansive_document(rng: np.random.Generator, n: int, parts: int, stretch: float
                        ) -> tuple[np.ndarray, np.ndarray, list[float], list[float]]:
    """n original sentences, each rendered by `parts` English sentences that each carry a
    share of it, the English `stretch` times as long as the original throughout."""
    src, tgt, sl, tl = [], [], [], []
    for _ in range(n):
        pieces = _e5like(rng, parts)
        whole = pieces.sum(axis=0)
        src.append(whole / np.linalg.norm(whole))
        tgt.extend(pieces)
        sl.append(120.0)
        tl.extend([120.0 * stretch / parts] * parts)
    return np.stack(src).astype(np.float32), np.stack(tgt).astype(np.float32), sl, tl


def test_an_english_long_throughout_is_judged_against_its_own_length() -> None:
    """Classical Arabic rendered with its formulas spelt out runs far longer than news
    English: against the dev mean every full bead looks padded, so 1-3 beads fell apart into
    a 1-2 bead and a lone 'added' sentence. Centred on the document they stay whole."""
    from mlalign.align.embedding import align_spans

    rng = np.random.default_rng(5)
    sv, tv, sl, tl = _expansive_document(rng, 6, 3, 1.8)
    whole = [(i, i + 1, 3 * i, 3 * i + 3) for i in range(6)]
    fixed = align_spans(sv, tv, sl, tl, "ar", AlignConfig(length_doc_prior=None))
    assert fixed != whole  # the dev mean alone breaks them up
    assert align_spans(sv, tv, sl, tl, "ar", AlignConfig()) == whole


def test_an_added_sentence_still_stands_alone_in_an_expansive_document() -> None:
    """The document's own length ratio is the median of its matched beads, so an added
    sentence does not raise it, and it is still found alone."""
    from mlalign.align.embedding import align_spans, document_length_mean

    rng = np.random.default_rng(6)
    sv, tv, sl, tl = _expansive_document(rng, 6, 3, 1.8)
    extra = _e5like(rng, 1)
    tv = np.concatenate([tv[:9], extra, tv[9:]])
    tl = [*tl[:9], 150.0, *tl[9:]]
    spans = align_spans(sv, tv, sl, tl, "ar", AlignConfig())
    assert (3, 3, 9, 10) in spans
    assert [s for s in spans if s[1] > s[0]] == [(i, i + 1, 3 * i + (i >= 3), 3 * i + 3 + (i >= 3))
                                                for i in range(6)]
    # the added sentence's bead does not count; six matched beads against a prior of one
    own = document_length_mean(spans, sl, tl, 0.07, 1.0)
    assert abs(own - (6 * np.log((216 + 1) / 121) + 0.07) / 7) < 1e-9


def test_a_document_near_the_dev_mean_is_aligned_once(monkeypatch) -> None:  # noqa: ANN001
    """Ordinary jitter of the length ratio (a third of a standard deviation) does not re-run
    the dynamic program; a ratio far from the dev mean does, once."""
    from mlalign.align import embedding

    calls: list[float] = []
    real = embedding.align_vectors

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(args[5].length_stats["ar"][0])
        return real(*args, **kwargs)

    monkeypatch.setattr(embedding, "align_vectors", counted)
    rng = np.random.default_rng(7)
    sv, tv, sl, tl = _expansive_document(rng, 8, 1, float(np.exp(0.07 + 0.06)))
    embedding.align_spans(sv, tv, sl, tl, "ar", AlignConfig())
    assert calls == [0.07]
    calls.clear()
    sv, tv, sl, tl = _expansive_document(rng, 8, 1, 1.8)
    embedding.align_spans(sv, tv, sl, tl, "ar", AlignConfig())
    assert len(calls) == 2 and calls[1] > 0.07 + 0.75 * 0.19
