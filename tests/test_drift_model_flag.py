"""A bead the calibrated model finds likely drifted carries a flag that says why, even when
no check's own test passed its threshold."""

from __future__ import annotations

from mlalign.drift import DriftConfig, _finish_flags
from mlalign.types import Bead, Flag


def _bead() -> Bead:
    return Bead([0], [0], "قال الوزير إن الخطة ستمضي قدما.", "The weather was fine all week.",
                drift=0.83, signals={"cos": 0.79, "cos_z": -2.1, "neg_cos": 2.1, "cov_both": 1.4})


def test_a_likely_kind_without_its_checks_flag_gets_a_flag_with_its_signals():
    bead = _bead()
    _finish_flags(bead, {"replacement": 0.83, "omission": 0.2}, DriftConfig())
    (flag,) = bead.flags
    assert (flag.type, flag.severity, flag.score) == ("replacement", "high", 0.83)
    assert "-2.1 sd" in flag.detail and "neg_cos +2.10" in flag.detail
    assert flag.evidence == {"neg_cos": 2.1, "cov_both": 1.4}


def test_no_model_flag_below_medium_for_a_checked_out_kind_or_beside_the_checks_own_flag():
    bead = _bead()
    _finish_flags(bead, {"replacement": 0.49}, DriftConfig())
    assert bead.flags == []
    bead = _bead()
    _finish_flags(bead, {"replacement": 0.9}, DriftConfig(checks=("number",)))
    assert bead.flags == []
    bead = _bead()
    bead.flags = [Flag("replacement", "high", "own detail", 0.7, {})]
    _finish_flags(bead, {"replacement": 0.9}, DriftConfig())
    assert [(f.detail, f.score) for f in bead.flags] == [("own detail", 0.9)]


def test_a_one_sided_bead_gets_no_model_flag():
    bead = Bead([0], [], "قال الوزير.", "", drift=0.9)
    _finish_flags(bead, {"replacement": 0.9}, DriftConfig())
    assert bead.flags == []


def test_clause_coverage_is_not_counted_twice_for_a_one_clause_pair() -> None:
    """With one clause a side, clause coverage is the sentence similarity again: the
    replacement model counted the same shortfall twice, and short faithful Persian pairs
    ("Tom is thirty years old") read as replaced (Tatoeba's Persian flagged 5.6% -> 4.0%)."""
    from mlalign.drift.calibration import features
    from mlalign.types import Bead

    signals = {"cos_z": -2.6, "cov_src_z": -2.4, "cov_tgt_z": -2.5}
    one = Bead([0], [0], "a", "b", signals={**signals, "one_clause": 1.0})
    two = Bead([0], [0], "a", "b", signals={**signals, "one_clause": 0.0})
    assert features(one)["cov_both"] == 0.0
    assert features(two)["cov_both"] == 2.4
    assert features(one)["neg_cos"] == features(two)["neg_cos"] == 2.6


def test_one_clause_is_read_from_the_pair() -> None:
    from mlalign.drift import detect_drift
    from mlalign.embed import default_embedder
    from mlalign.types import Bead

    short = Bead([0], [0], "تام سی ساله است.", "Tom is thirty years old.")
    long = Bead([1], [1], "تام سی ساله است و در تهران زندگی می‌کند، اما هر تابستان به شیراز می‌رود.",
                "Tom is thirty years old and lives in Tehran, but every summer he goes to Shiraz.")
    detect_drift([short, long], "fa", default_embedder())
    assert short.signals["one_clause"] == 1.0 and long.signals["one_clause"] == 0.0
