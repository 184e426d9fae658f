"""Turn check signals into calibrated probabilities: one per kind of drift, and `drift`.

Each kind (omission, addition, replacement, number, entity, negation) has its own small
logistic model over the signals that speak to it, fitted by `scripts/fit_drift.py` on
corrupted NTREX pairs (even-indexed documents; the benchmark reports on the odd ones), with
and without a translation. A bead's `drift` is the chance that at least one kind applies
(noisy-OR of the kinds, then a Platt rescaling fitted on the same data), so one strong
reason is enough and many weak ones add up. Kinds the development data does not corrupt
(untranslated, modality, direction) enter with a fixed weight on their check's score, from a medium
score up (a modality hint, 0.3, stays a hint; a hedge the English dropped, 0.7, counts).
The coefficients and the clean-pair statistics live in data/calibration.json.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from mlalign.errors import InputError
from mlalign.types import Bead

CALIBRATION = Path(__file__).with_name("data") / "calibration.json"
FLAG_FEATURES = ("number", "entity", "negation", "untranslated", "modality", "direction")
TYPE_FEATURES: dict[str, tuple[str, ...]] = {
    "omission": ("len_lo", "cov_src", "fragment", "w_src_unlinked", "w_src_run", "w_src_gap",
                 "w_src_window", "x_omit"),
    "addition": ("len_hi", "cov_tgt", "more_sentences", "w_tgt_unlinked", "w_tgt_run", "w_tgt_gap"),
    "replacement": ("neg_cos", "cov_both", "cos_far", "w_src_gap", "w_tgt_gap"),
    "number": ("number", "number_changed"),
    "entity": ("entity", "entity_swapped", "entity_extra", "latin_missing", "name_gap",
               "name_unsupported", "name_lost", "name_only_here"),
    "negation": ("negation", "neg_diff", "negation_flag"),
}
# With a translation: how far the English is from it, in words and characters.
MT_FEATURES: dict[str, tuple[str, ...]] = {
    "omission": ("mt_cov_gap", "mt_chrf_gap"),
    "addition": ("tgt_cov_gap", "mt_chrf_gap"),
    "replacement": ("mt_chrf_gap",),
    "number": ("mt_chrf_gap",),
    "entity": ("mt_chrf_gap", "tgt_cov_gap"),
    "negation": ("mt_chrf_gap",),
}
# Not corrupted in the development data, so not fitted: P = weight x the check's score,
# from a score of FIXED_MIN_SCORE. Below it (a modality hint scores 0.3) a check's flag is a
# hint for the reader, shown on beads the calibrated kinds already doubt, and an uncalibrated
# hint must not move a calibrated probability.
FIXED_WEIGHTS = {"untranslated": 0.9, "modality": 0.9, "direction": 0.9}
FIXED_MIN_SCORE = 0.5
# Flags of a fitted kind that read something the development data never corrupts (a
# figure's unit, sign, count of times or weekday: evidence "readings"): that kind's
# probability is at least the fixed weight times the flag's score, and the fitted model
# never sees them (a reference's own changed weekday, counted clean, had taught it to doubt
# every changed figure).
FIXED_READINGS = {"number": ("number_reading", 0.9)}


# Signals of the word alignment and of the omission cross-encoder, which runs with it.
WORD_FEATURES = ("w_src_unlinked", "w_src_run", "w_src_gap", "w_src_window", "w_tgt_unlinked",
                 "w_tgt_run", "w_tgt_gap", "x_omit")
# The cross-encoder's logit enters from X_OMIT_FLOOR up: far below it every clean pair sits,
# and a non-negative weight may only count evidence for an omission.
X_OMIT_FLOOR = -4.0


def model_features(kind: str, with_mt: bool, with_words: bool = True) -> tuple[str, ...]:
    """The signals of one kind's model: with a translation or not, with the word
    alignment's signals or not (`drift.word_alignment=false`)."""
    names = TYPE_FEATURES[kind] + (MT_FEATURES.get(kind, ()) if with_mt else ())
    return names if with_words else tuple(n for n in names if n not in WORD_FEATURES)


def variant(feats: dict[str, float]) -> str:
    """Which fitted model set applies: "plain" or "mt", "-nowords" without word signals."""
    return ("mt" if "mt_chrf_gap" in feats else "plain") + ("" if feats.get("words") else "-nowords")


@lru_cache(maxsize=4)
def load_calibration(path: str | None = None) -> dict[str, Any]:
    """The fitted calibration: the shipped one (empty, so defaults, when it is absent) or
    the file a user names, which must exist and parse: silently running uncalibrated
    would change every flag without a word."""
    if not path:
        return json.loads(CALIBRATION.read_text(encoding="utf-8")) if CALIBRATION.is_file() else {}
    p = Path(path)
    if not p.is_file():
        raise InputError(f"drift.calibration_path: {path} is not a file")
    try:
        found = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"drift.calibration_path: {path} is not a calibration JSON file ({exc})") from None
    if not isinstance(found, dict):
        raise InputError(f"drift.calibration_path: {path} is not a calibration JSON file (no object)")
    return found


def features(bead: Bead) -> dict[str, float]:
    """The models' inputs for one bead, all oriented so larger means more drift."""
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
        out[name] = s.get(f"flag_{name}", max((f.score for f in bead.flags
                                               if f.type == name and not fixed_reading(f)),
                                              default=0.0))
    # a figure's unit, sign, count of times or weekday changed (units.py): number flags the
    # development data never corrupts, so they take a fixed weight (FIXED_READINGS)
    out["number_reading"] = max((f.score for f in bead.flags
                                 if f.type == "number" and fixed_reading(f)), default=0.0)
    # A changed figure or a swapped gazetteer name is near-certain; a lone one is not.
    out["number_changed"] = float(out["number"] >= 0.9)
    out["entity_swapped"] = float(out["entity"] >= 0.9)
    out["negation_flag"] = float(out["negation"] >= 0.7)
    # Signals set by the checks, raw_signals and the word alignment, used as they are.
    for name in ("neg_diff", "name_gap", "name_unsupported", "name_lost", "name_only_here",
                 "fragment", "more_sentences",
                 "latin_missing", "entity_extra", "cos_far",
                 *(n for n in WORD_FEATURES if n != "x_omit")):
        out[name] = s.get(name, 0.0)
    out["x_omit"] = min(2 * clip, max(0.0, s.get("x_omit", X_OMIT_FLOOR) - X_OMIT_FLOOR))
    out["words"] = float("w_src_unlinked" in s)  # the word alignment ran on this bead
    # Both sides lacking counterparts: a replaced sentence rather than a cut or an addition.
    out["cov_both"] = min(out["cov_src"], out["cov_tgt"]) * (1.0 - s.get("one_clause", 0.0))
    if "mt_chrf" in s:
        out["mt_chrf_gap"] = 1.0 - s["mt_chrf"]
        out["mt_cov_gap"] = 1.0 - s.get("mt_cov", 1.0)
        out["tgt_cov_gap"] = 1.0 - s.get("tgt_cov", 1.0)
    return out


def sigmoid(z: float) -> float:
    """The logistic function, clipped so that no logit overflows."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _logit(p: float) -> float:
    p = min(1.0 - 1e-9, max(1e-9, p))
    return math.log(p / (1.0 - p))


def type_probabilities(bead: Bead, src_lang: str, calibration: dict[str, Any],
                       feats: dict[str, float] | None = None) -> dict[str, float]:
    """P(this kind of drift) for every kind with a model; a kind's check score stands in
    when no fitted model exists (no calibration file)."""
    feats = feats if feats is not None else features(bead)
    kind = variant(feats)
    models = calibration.get("models", {})
    table = models.get(src_lang, {}).get(kind) or models.get("*", {}).get(kind) or {}
    out: dict[str, float] = {}
    for name in TYPE_FEATURES:
        model = table.get(name)
        if model is None:
            out[name] = 0.9 * max((f.score for f in bead.flags if f.type == name), default=0.0)
            continue
        z = float(model["intercept"])
        for feat, w in model["coef"].items():
            z += float(w) * feats.get(feat, 0.0)
        out[name] = sigmoid(z)
    for name, weight in FIXED_WEIGHTS.items():
        score = feats.get(name, 0.0)
        out[name] = weight * score if score >= FIXED_MIN_SCORE else 0.0
    for name, (feat, weight) in FIXED_READINGS.items():
        score = feats.get(feat, 0.0)
        if score >= FIXED_MIN_SCORE:
            out[name] = max(out.get(name, 0.0), weight * score)
    return out


def fixed_reading(flag: Any) -> bool:
    """A flag of a calibrated kind that reads what the development data never corrupts."""
    return bool(flag.evidence and flag.evidence.get("readings"))


def combine(probs: dict[str, float], src_lang: str, calibration: dict[str, Any], kind: str) -> float:
    """Noisy-OR of the kinds, Platt-rescaled (per model set `kind`, see `variant`) so it
    reads as P(any drift)."""
    q = 1.0
    for p in probs.values():
        q *= 1.0 - min(1.0, max(0.0, p))
    p_any = 1.0 - q
    scale = calibration.get("combine", {}).get(src_lang, {}).get(kind)
    if not scale:
        return p_any
    a, b = scale
    return sigmoid(float(a) * _logit(p_any) + float(b))
