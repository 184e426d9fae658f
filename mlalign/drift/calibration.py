"""Turn check scores and signals into `drift`, a calibrated probability that a bead drifts.
The coefficients come from `scripts/fit_drift.py` (logistic regression on corrupted NTREX,
half of the documents) and live in data/calibration.json next to the clean-pair statistics."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from mlalign.types import Bead

CALIBRATION = Path(__file__).with_name("data") / "calibration.json"
FLAG_FEATURES = ("number", "entity", "negation", "untranslated", "modality")
PLAIN_FEATURES = ("neg_cos", "len_lo", "len_hi", "cov_src", "cov_tgt", *FLAG_FEATURES,
                  "number_changed", "entity_swapped", "neg_diff", "name_gap", "fragment",
                  "more_sentences", "latin_missing", "cov_both", "entity_extra")
MT_FEATURES = (*PLAIN_FEATURES, "mt_chrf_gap", "mt_cov_gap", "tgt_cov_gap")
# Used only until a fitted file exists: hand-set so the ordering is right.
_DEFAULT_MODEL = {
    "intercept": -4.0,
    "coef": {"neg_cos": 0.9, "len_lo": 0.4, "len_hi": 0.4, "cov_src": 0.6, "cov_tgt": 0.6,
             "number": 5.0, "entity": 4.0, "negation": 3.5, "untranslated": 4.0,
             "modality": 1.0, "mt_chrf_gap": 3.0, "mt_cov_gap": 3.0, "tgt_cov_gap": 3.0},
}


@lru_cache(maxsize=4)
def load_calibration(path: str | None = None) -> dict[str, Any]:
    """The fitted calibration, or an empty one (defaults) when the file is absent."""
    p = Path(path) if path else CALIBRATION
    if not p.is_file():
        return {}
    return json.loads(p.read_text(encoding="utf-8"))


def features(bead: Bead) -> dict[str, float]:
    """The calibration's inputs for one bead, all oriented so larger means more drift."""
    s = bead.signals
    clip = 8.0
    out = {
        "neg_cos": min(clip, max(0.0, -s.get("cos_z", 0.0))),
        "len_lo": min(clip, max(0.0, -s.get("len_z", 0.0))),
        "len_hi": min(clip, max(0.0, s.get("len_z", 0.0))),
        "cov_src": min(clip, max(0.0, -s.get("cov_src_z", 0.0))),
        "cov_tgt": min(clip, max(0.0, -s.get("cov_tgt_z", 0.0))),
    }
    for name in FLAG_FEATURES:
        out[name] = s.get(f"flag_{name}", max((f.score for f in bead.flags if f.type == name),
                                              default=0.0))
    # A changed figure or a swapped gazetteer name is near-certain; a lone one is not.
    out["number_changed"] = float(out["number"] >= 0.9)
    out["entity_swapped"] = float(out["entity"] >= 0.9)
    # Signals set by the checks and bead_signals (0/1 or graded), used as they are.
    for name in ("neg_diff", "name_gap", "fragment", "more_sentences", "latin_missing",
                 "entity_extra"):
        out[name] = s.get(name, 0.0)
    # Both sides lacking counterparts: a replaced sentence rather than a cut or an addition.
    out["cov_both"] = min(out["cov_src"], out["cov_tgt"])
    # Near-certain evidence used only in the noisy-OR of `drift_probability`: a negation on
    # one side only (not a differing count), a similarity past the replacement threshold.
    out["negation_flag"] = float(out["negation"] >= 0.7)
    out["cos_far"] = s.get("cos_far", 0.0)
    if "mt_chrf" in s:
        out["mt_chrf_gap"] = 1.0 - s["mt_chrf"]
        out["mt_cov_gap"] = 1.0 - s.get("mt_cov", 1.0)
        out["tgt_cov_gap"] = 1.0 - s.get("tgt_cov", 1.0)
    return out


def drift_probability(bead: Bead, src_lang: str, calibration: dict[str, Any]) -> float:
    """Logistic model over `features`; the with-translation model when `mt` was given."""
    feats = features(bead)
    kind = "mt" if "mt_chrf_gap" in feats else "plain"
    models = calibration.get("models", {})
    model = models.get(f"{src_lang}:{kind}") or models.get(kind) or _DEFAULT_MODEL
    z = float(model["intercept"])
    for name, w in model["coef"].items():
        z += float(w) * feats.get(name, 0.0)
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    # Noisy-OR with the dev-set precision of near-certain flags (a changed figure, a swapped
    # name, a one-sided negation, a far similarity): rare events a linear model underweights.
    precision = calibration.get("flag_precision", {}).get(src_lang, {})
    for name, prec in precision.items():
        if feats.get(name, 0.0) >= 0.7:
            p = 1.0 - (1.0 - p) * (1.0 - float(prec))
    return p
