"""The calibration fit (scripts/fit_drift.py): monotone weights and the back-off of signals
a language's data does not show to the weight fitted on both languages."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from fit_drift import BACKOFF_UNITS, fit_kinds, fit_monotone  # noqa: E402


def _rows(latin_units: int, seed: int = 3) -> list[tuple[str, dict[str, float]]]:
    """Clean units and entity units; `latin_units` entity units lose a Latin word."""
    rng = random.Random(seed)
    rows = [("clean", {"name_unsupported": rng.random() * 0.5}) for _ in range(300)]
    for i in range(30):
        rows.append(("entity", {"name_unsupported": 0.3 + rng.random() * 0.7,
                                "latin_missing": float(i < latin_units)}))
    return rows


def test_a_signal_the_language_never_shows_keeps_the_shared_weight() -> None:
    shared = fit_kinds(_rows(latin_units=12), "plain")
    assert shared["entity"]["coef"]["latin_missing"] > 1.0
    alone = fit_kinds(_rows(latin_units=0), "plain")
    assert alone["entity"]["coef"]["latin_missing"] == 0.0
    backed = fit_kinds(_rows(latin_units=0), "plain", shared)
    assert backed["entity"]["coef"]["latin_missing"] == shared["entity"]["coef"]["latin_missing"]
    assert backed["entity"]["shared"] == [n for n in backed["entity"]["coef"]
                                          if n != "name_unsupported"]
    assert backed["entity"]["coef"]["name_unsupported"] > 0.0  # fitted on its own data


def test_a_signal_the_language_shows_often_enough_is_fitted_on_it() -> None:
    shared = fit_kinds(_rows(latin_units=12), "plain")
    own = fit_kinds(_rows(latin_units=BACKOFF_UNITS + 3, seed=4), "plain", shared)
    assert "latin_missing" not in own["entity"].get("shared", [])
    assert own["entity"]["coef"]["latin_missing"] != shared["entity"]["coef"]["latin_missing"]


def test_the_kinds_written_out_are_the_calibrated_ones() -> None:
    from mlalign.drift.calibration import FIXED_WEIGHTS, TYPE_FEATURES
    from mlalign.types import DRIFT_KINDS

    assert DRIFT_KINDS == (*TYPE_FEATURES, *FIXED_WEIGHTS)


def test_monotone_weights_are_never_negative() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] - x[:, 1] + rng.normal(size=400) > 0).astype(float)
    w = fit_monotone(x, y)
    assert w[1] > 0.5 and w[2] == 0.0


def test_bench_recall_shares_one_threshold_while_own_recall_ranks_each_kind_alone() -> None:
    """A clean unit another kind scores high uses up the shared 5% budget of `drift`, but not
    the omission model's own: own_recall_omission counts what sorting by p_omission finds."""
    from bench_drift import Unit, evaluate

    from mlalign.types import Bead

    units, beads = [], []
    for i in range(100):  # clean: drift spread over 0..0.99, p_omission at most 0.09
        units.append(Unit(0, "s", "t", "t", "clean"))
        beads.append(Bead([i], [i], drift=i / 100, signals={"p_omission": 0.01 * (i % 10)}))
    for j in range(4):  # omissions under the shared threshold, above every clean p_omission
        units.append(Unit(0, "s", "t", "t", "omission"))
        beads.append(Bead([j], [j], drift=0.5, signals={"p_omission": 0.9}))
    out = evaluate(units, beads)
    assert out["recall_omission"] == 0.0
    assert out["own_recall_omission"] == 1.0
    assert np.isnan(out["own_recall_entity"])  # no entity units


@pytest.mark.parametrize("n_clean", [20, 100, 695, 1391])
def test_bench_threshold_keeps_at_most_five_percent_of_clean_units_above_it(n_clean) -> None:
    """np.quantile(0.95) interpolates: with 695 clean units it let 35 (5.04%) through."""
    from bench_drift import fpr_threshold

    clean = np.random.default_rng(n_clean).random(n_clean)
    thr = fpr_threshold(clean)
    above = int((clean > thr).sum())
    assert above <= 0.05 * n_clean < above + 1  # as many as the budget allows, no more


def test_bench_reports_omissions_by_how_they_were_cut() -> None:
    """A whole clause cut and a run of words cut are counted apart, each at the shared
    threshold, so a reader sees which kind of omission the recall misses."""
    from bench_drift import Unit, evaluate

    from mlalign.types import Bead

    units = [Unit(0, "s", "t", "t", "clean") for _ in range(40)]
    beads = [Bead([i], [i], drift=i / 100) for i in range(40)]  # threshold 0.37 (2 of 40 above)
    for cut, drift in (("clause", 0.9), ("clause", 0.8), ("span", 0.9), ("span", 0.1), ("span", 0.2)):
        units.append(Unit(0, "s", "t", "t", "omission", cut=cut))
        beads.append(Bead([0], [0], drift=drift))
    out = evaluate(units, beads)
    assert (out["n_omission_clause"], out["recall_omission_clause"]) == (2, 1.0)
    assert out["n_omission_span"] == 3 and abs(out["recall_omission_span"] - 1 / 3) < 1e-9
    assert abs(out["recall_omission"] - 3 / 5) < 1e-9


def test_bench_reliability_is_zero_for_a_calibrated_drift_and_large_for_an_overconfident_one() -> None:
    """`drift` is meant to read as a probability: where it says 0.25, a quarter of the units
    are corrupted. The expected calibration error measures the gap, bin by bin."""
    from bench_drift import reliability

    calibrated = np.array([0.25] * 4 + [0.75] * 4)
    labels = np.array([1, 0, 0, 0, 1, 1, 1, 0])
    brier, ece, table = reliability(calibrated, labels)
    assert ece < 1e-9 and abs(brier - 0.1875) < 1e-9
    assert table == [(0.2, 0.25, 0.25, 4), (0.7, 0.75, 0.75, 4)]

    brier, ece, table = reliability(np.full(8, 0.95), labels)
    assert abs(ece - 0.45) < 1e-9 and table == [(0.9, 0.95, 0.5, 8)]
    assert reliability(np.array([1.0]), np.array([1]))[2] == [(0.9, 1.0, 1.0, 1)]  # 1.0 in the top bin


def test_bench_cliff_counts_units_found_as_the_clean_budget_moves() -> None:
    """A unit just under the threshold is found once one more clean unit may lie above it:
    the table says how far a figure is from its cliff."""
    from bench_drift import cliff

    drift = np.r_[np.arange(40) / 100, 0.365]  # 40 clean units (budget 2), one omission
    kinds = np.array(["clean"] * 40 + ["omission"])
    rows = cliff(drift, kinds)
    assert [above for above, _ in rows] == [0, 1, 2, 3, 4]
    assert [found["omission"] for _, found in rows] == [0, 0, 0, 1, 1]
    assert all(found["entity"] == 0 for _, found in rows)


def test_bench_oracle_counts_the_clean_units_every_target_needs_at_best() -> None:
    """Each kind thresholded alone at the lowest probability that still reaches its target:
    the clean units above any of those thresholds, counted once, are what the targets cost
    at best, whatever way the kinds are joined."""
    from bench_drift import TARGETS, Unit, clean_needed

    from mlalign.types import Bead

    def bead(**p: float) -> Bead:
        return Bead([0], [0], signals={f"p_{t}": p.get(t, 0.0) for t in TARGETS})

    units = [Unit(0, "s", "t", "t", "clean") for _ in range(8)]
    beads = [bead(omission=0.5), bead(omission=0.5, entity=0.5), bead(entity=0.6), bead(omission=0.2)]
    beads += [bead() for _ in range(4)]
    for i in range(20):  # 17 of 20 (the 0.85 target) above 0.4: clean at 0.5 are above it
        units.append(Unit(0, "s", "t", "t", "omission"))
        beads.append(bead(omission=0.9 if i < 17 else 0.1))
    for i in range(20):  # 17 of 20 entity swaps at 0.55: the clean unit at 0.6 only
        units.append(Unit(0, "s", "t", "t", "entity"))
        beads.append(bead(entity=0.55 if i < 17 else 0.0))
    # omission's threshold 0.9 keeps every clean unit out; entity's 0.55 lets one through
    assert clean_needed(units, beads) == 1.0
    beads[8 + 16] = bead(omission=0.45)  # the 17th omission now sits at 0.45
    assert clean_needed(units, beads) == 3.0  # two clean at 0.5 above it, plus entity's one
    assert np.isnan(clean_needed(units, [Bead([0], [0]) for _ in units]))  # no kinds: pipeline


def test_bench_omission_cuts_a_whole_clause_when_one_fits_and_says_so() -> None:
    import random

    from bench_drift import _omit

    with_clause = "The minister said on Tuesday, after a long meeting with the unions, that talks would go on."
    text, cut = _omit(with_clause, random.Random(1))
    assert cut == "clause" and len(text.split()) <= 0.7 * len(with_clause.split())
    plain = "Rescuers freed a woman pinned under rubble for two days near the old market"
    text, cut = _omit(plain, random.Random(1))
    words, left = plain.split(), text.split()
    assert cut == "span" and len(words) - len(left) == 5  # 30% of 14 words, rounded up
    assert _omit("Too short to cut at all.", random.Random(1)) is None


def test_cross_validation_fits_on_one_half_and_counts_on_the_other() -> None:
    from cv_omission_encoder import found_by_half

    rng = random.Random(8)

    def half_rows(separates: bool) -> list[tuple[int, str, dict[str, float]]]:
        rows = []
        for doc in range(20):
            rows += [(doc, "clean", {"words": 1.0, "x_omit": rng.random() * 4}) for _ in range(30)]
            lift = 8.0 if separates else 0.0
            rows += [(doc, "omission", {"words": 1.0, "x_omit": lift + rng.random() * 4}) for _ in range(3)]
        return rows

    for separates, expect in ((True, 30), (False, None)):
        rows = half_rows(separates)
        pooled = {t: [(k, f) for d, k, f in rows if d % 2 != t] for t in (0, 1)}
        found = found_by_half({0: rows, 1: rows}, "ar", pooled)["omission"]
        assert found[1] == found[3] == 30  # 10 documents of 3 omissions in each half
        if expect:
            assert found[0] == found[2] == expect
        else:
            assert found[0] + found[2] < 12  # chance: about 5% of 60
    # Rows that differ by turn (an adapter trained on each fitting half): each turn reads its own.
    by_turn = {1: half_rows(True), 0: half_rows(False)}
    pooled = {t: [(k, f) for d, k, f in by_turn[t] if d % 2 != t] for t in (0, 1)}
    found = found_by_half(by_turn, "ar", pooled)["omission"]
    assert found[0] == 30 and found[2] < 8


def test_each_fitting_unit_reads_the_adapter_that_did_not_train_on_its_document(monkeypatch) -> None:
    import fit_drift

    import mlalign.embed.e5_cross as cross

    class Model:
        def __init__(self, adapter: Path) -> None:
            self.name = str(adapter)

    class Scorer:
        def __init__(self, model: Model, cache_dir: object) -> None:
            self.value = {"q0": 10.0, "q2": 20.0}[model.name]

        def score(self, pairs: list) -> np.ndarray:
            return np.full(len(pairs), self.value, dtype=np.float32)

    monkeypatch.setattr(cross, "E5CrossEncoder", Model)
    monkeypatch.setattr(cross, "CachedPairScorer", Scorer)

    class Unit:
        def __init__(self, doc: int) -> None:
            self.doc, self.src, self.tgt = doc, "s", "t"

    units = [Unit(d) for d in (0, 2, 4, 6, 8, 0)]
    logits = fit_drift.out_of_fold_logits(units, (Path("q0"), Path("q2")), None)
    # quarter 4:0 (documents 0, 4, 8) is read by the adapter trained on 4:2, and the reverse
    assert logits.tolist() == [20.0, 10.0, 20.0, 10.0, 20.0, 20.0]


def test_the_shipped_adapter_and_its_out_of_fold_pair_were_trained_as_the_fit_assumes() -> None:
    from fit_drift import OUT_OF_FOLD, needs_out_of_fold

    from mlalign.drift.calibration import load_calibration
    from mlalign.embed.e5_cross import OMISSION_ADAPTER, adapter_name, read_adapter

    shipped = read_adapter(OMISSION_ADAPTER)[0]
    if not needs_out_of_fold():
        pytest.skip("the shipped adapter never saw NTREX")
    assert shipped["ntrex"] == "2:0"
    assert [read_adapter(a)[0]["ntrex"] for a in OUT_OF_FOLD] == ["4:0", "4:2"]
    # the shipped calibration was fitted through exactly these files
    assert load_calibration()["x_omit_out_of_fold"] == [adapter_name(a) for a in OUT_OF_FOLD]


def test_a_kinds_own_l2_penalty_flattens_only_that_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """`fit_drift.py --l2 entity=5` (a trial of a gentler model) shrinks the entity weights
    and leaves the other kinds as the default penalty fits them."""
    import fit_drift

    rows = _rows(latin_units=12)
    rows += [("number", {"number": 1.0}) for _ in range(20)]
    default = fit_kinds(rows, "plain")
    monkeypatch.setitem(fit_drift.L2, "entity", 5.0)
    gentle = fit_kinds(rows, "plain")
    assert 0 < gentle["entity"]["coef"]["name_unsupported"] < default["entity"]["coef"]["name_unsupported"]
    assert gentle["number"] == default["number"]
