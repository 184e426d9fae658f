"""Fit the drift calibration (mlalign/drift/data/calibration.json) on NTREX even-indexed
documents: clean-pair statistics per language pair (robust median / MAD of cosine, length
ratio and clause coverage), then a logistic regression from check scores to P(drift),
with and without a translation. bench_drift.py reports on the odd-indexed documents.

Run: .venv/bin/python scripts/fit_drift.py [--max-docs N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from bench_drift import make_units, run  # noqa: E402

from mlalign.drift import DriftConfig  # noqa: E402
from mlalign.drift.calibration import (  # noqa: E402
    CALIBRATION,
    MT_FEATURES,
    PLAIN_FEATURES,
    features,
    load_calibration,  # noqa: E402
)
from mlalign.drift.clauses import log_length_ratio  # noqa: E402


def robust(values: list[float]) -> list[float]:
    """Median and 1.4826·MAD: real NTREX noise should not widen the clean band."""
    arr = np.asarray(values, dtype=float)
    med = float(np.median(arr))
    mad = float(np.median(np.abs(arr - med))) * 1.4826
    return [round(med, 5), round(max(mad, 1e-3), 5)]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 0.05, iters: int = 50) -> np.ndarray:
    """L2-regularised logistic regression by Newton steps (intercept unpenalised)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * l2
    reg[0, 0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + reg + 1e-6 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-docs", type=int, default=None)
    ap.add_argument("--langs", default="ar,fa")
    args = ap.parse_args()
    from mlalign.embed import default_embedder

    embedder = default_embedder()
    calib: dict = {"note": "fitted by scripts/fit_drift.py on NTREX even-indexed documents",
                   "stats": {}, "models": {}}
    CALIBRATION.parent.mkdir(parents=True, exist_ok=True)
    CALIBRATION.write_text(json.dumps(calib), encoding="utf-8")  # fresh stats first
    load_calibration.cache_clear()
    per_lang = {}
    for lang in args.langs.split(","):
        units = [u for u in make_units(lang, args.max_docs) if u.doc % 2 == 0]
        beads = run(units, lang, embedder, with_mt=False)
        clean = [(u, b) for u, b in zip(units, beads, strict=True) if u.kind == "clean"]
        calib["stats"][lang] = {
            "cos": robust([b.signals["cos"] for _, b in clean]),
            "len": robust([log_length_ratio(u.src, u.tgt) for u, _ in clean]),
            "cov_src": robust([b.signals["cov_src"] for _, b in clean]),
            "cov_tgt": robust([b.signals["cov_tgt"] for _, b in clean]),
        }
        per_lang[lang] = units
    CALIBRATION.write_text(json.dumps(calib, indent=1), encoding="utf-8")
    load_calibration.cache_clear()
    config = DriftConfig()
    from mlalign.drift.addition import addition_evidence
    from mlalign.drift.omission import omission_evidence
    from mlalign.drift.replacement import replacement_evidence

    evid: dict[str, list[float]] = {"omission": [], "addition": [], "replacement": []}
    pooled: dict[str, list] = {"plain": [[], []], "mt": [[], []]}
    calib["flag_precision"] = {}
    for lang, units in per_lang.items():
        y = np.array([u.kind != "clean" for u in units], dtype=float)
        for kind, names in (("plain", PLAIN_FEATURES), ("mt", MT_FEATURES)):
            beads = run(units, lang, embedder, with_mt=kind == "mt", config=config)
            if kind == "plain":
                prec = {}
                for name in ("number_changed", "entity_swapped", "negation_flag", "cos_far"):
                    hit = np.array([features(b).get(name, 0.0) >= 0.7 for b in beads])
                    # add-one smoothing: a flag seen rarely on dev gets a modest precision
                    prec[name] = round(float((y[hit].sum() + 1) / (hit.sum() + 2)), 4)
                calib["flag_precision"][lang] = prec
                for u, b in zip(units, beads, strict=True):
                    if u.kind == "clean":
                        evid["omission"].append(omission_evidence(b.signals))
                        evid["addition"].append(addition_evidence(b.signals))
                        evid["replacement"].append(replacement_evidence(b.signals))
            x = np.array([[features(b).get(n, 0.0) for n in names] for b in beads])
            w = fit_logistic(x, y)
            calib["models"][f"{lang}:{kind}"] = {
                "intercept": round(float(w[0]), 4),
                "coef": {n: round(float(c), 4) for n, c in zip(names, w[1:], strict=True)},
                "n": len(y), "positives": int(y.sum()),
            }
            pooled[kind][0].append(x)
            pooled[kind][1].append(y)
    for kind, names in (("plain", PLAIN_FEATURES), ("mt", MT_FEATURES)):
        w = fit_logistic(np.vstack(pooled[kind][0]), np.concatenate(pooled[kind][1]))
        calib["models"][kind] = {"intercept": round(float(w[0]), 4),
                                 "coef": {n: round(float(c), 4) for n, c in zip(names, w[1:], strict=True)}}
    # Clean-unit evidence quantiles: DriftConfig's flag thresholds are chosen from these.
    calib["clean_evidence_quantiles"] = {
        k: {str(q): round(float(np.quantile(v, q)), 3) for q in (0.9, 0.95, 0.97, 0.98, 0.99)}
        for k, v in evid.items()
    }
    CALIBRATION.write_text(json.dumps(calib, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(calib, indent=1))


if __name__ == "__main__":
    main()
