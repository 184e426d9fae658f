"""The probe's expected-length residual: fitted on the other half only, and right when the
length ratio does follow the inputs."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from probe_omission_signals import length_residuals, spread  # noqa: E402


def _data(n: int = 400, seed: int = 3):
    rng = np.random.default_rng(seed)
    vecs = rng.normal(size=(n, 8))
    src_len = rng.integers(20, 300, size=n).astype(float)
    ratio = vecs @ rng.normal(size=8) * 0.1 + 0.05 * np.log1p(src_len)
    return vecs, src_len, ratio, np.ones(n, dtype=bool), np.arange(n) % 10


def test_residual_is_near_zero_where_the_ratio_follows_the_inputs() -> None:
    vecs, src_len, ratio, clean, doc = _data()
    res = length_residuals(vecs, src_len, ratio, clean, doc, alpha=1e-3)
    assert np.abs(res).max() < 1e-3
    assert spread(ratio) > 0.05


def test_a_unit_is_never_read_with_a_fit_that_saw_it() -> None:
    vecs, src_len, ratio, clean, doc = _data()
    base = length_residuals(vecs, src_len, ratio, clean, doc, alpha=1.0)
    bumped = ratio.copy()
    bumped[7] += 2.0  # doc 7: an odd document, read with the even half's fit
    res = length_residuals(vecs, src_len, bumped, clean, doc, alpha=1.0)
    assert abs(res[7] - base[7] - 2.0) < 1e-9
    other_odd = doc % 2 == 1
    other_odd[7] = False  # the rest of the odd half: same fit, so the same residuals
    assert np.allclose(res[other_odd], base[other_odd])


def test_only_clean_units_are_fitted_on() -> None:
    vecs, src_len, ratio, _, doc = _data()
    clean = np.ones(len(ratio), dtype=bool)
    clean[::3] = False
    noisy = ratio.copy()
    noisy[~clean] += 5.0  # corrupted units far off: they must not pull the fit
    res = length_residuals(vecs, src_len, noisy, clean, doc, alpha=1e-3)
    assert np.abs(res[clean]).max() < 1e-3


def test_found_at_5pct_counts_omissions_above_the_twentieth_clean_unit() -> None:
    from probe_omission_signals import found_at_5pct

    clean = np.arange(100.0)  # 5 of them above 94
    score = np.concatenate([clean, [96.0, 94.5, 50.0]])
    omitted = np.arange(len(score)) >= 100
    assert found_at_5pct(score, omitted) == 2


def test_context_stays_inside_the_document_and_segments_keep_their_unit() -> None:
    from types import SimpleNamespace

    from probe_omission_signals import context_pairs, segment_max

    units = [SimpleNamespace(doc=d, src=f"s{i}", tgt=f"t{i}") for i, d in enumerate([0, 0, 1, 1, 1])]
    assert context_pairs(units) == [("s0", "t0 t1"), ("s1", "t0 t1"), ("s2", "t2 t3"),
                                    ("s3", "t2 t3 t4"), ("s4", "t3 t4")]
    pair = np.array([1.0, 2.0, 3.0])
    parts = [["a", "b"], ["c"], ["d", "e", "f"]]
    assert segment_max(pair, parts, np.array([0.5, 4.0, -1.0, 7.0, 0.0])).tolist() == [4.0, 2.0, 7.0]


def test_surprisal_weighs_a_rare_word_above_a_common_one() -> None:
    from probe_omission_signals import word_surprisal

    from mlalign.embed.e5_words import E5WordEncoder

    surprisal = word_surprisal(E5WordEncoder(layers=(0,)))
    assert surprisal("the") < surprisal("referendum") < surprisal("Xqzvwrt")
    assert surprisal("في") < surprisal("استفتاء")


def test_information_signals_rise_where_the_english_lost_a_clause() -> None:
    from types import SimpleNamespace

    from probe_omission_signals import information_signals

    from mlalign.embed import default_embedder

    src = "صوت الشعب المقدوني في استفتاء حول تغيير اسم الدولة، وقاطعه كثير من الناخبين في الشمال."
    full = "Macedonians voted in a referendum on changing the country's name, and many voters in the north boycotted it."
    cut = "Macedonians voted in a referendum on changing the country's name."
    units = [SimpleNamespace(src=src, tgt=full), SimpleNamespace(src=src, tgt=cut)]
    signals = information_signals(units, "ar", default_embedder(cache_dir=False))
    assert set(signals) == {"unlinked_share", "info_ratio", "info_unlinked", "latent_terms_lost"}
    for name in ("info_ratio", "info_unlinked", "latent_terms_lost"):
        assert signals[name][1] > signals[name][0], name
