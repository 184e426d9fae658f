"""Fit the drift calibration (mlalign/drift/data/calibration.json) on NTREX even-indexed
documents: clean-pair statistics per language pair (robust median / MAD of cosine, length
ratio and clause coverage), then, per language pair and with and without a translation
(a stand-in as far from the English as real MT, see bench_drift.heavy_mt), one logistic
model per kind of drift (that kind's corrupted units against clean ones, on
the kind's own signals; a signal too rare in one language's data keeps the weight fitted on
both), and a Platt rescaling of their noisy-OR into P(any drift).
bench_drift.py reports on the odd-indexed documents.

The omission cross-encoder is trained with these same documents (train_omission_encoder.py
--ntrex 2:0), so on them its logit is better than on unseen text, and a model fitted on it
would trust it too much. The fit reads it out of fold instead: two adapters, each trained
with one quarter of the documents (--ntrex 4:0, 4:2; `OUT_OF_FOLD`), score the other
quarter's units.

Run: .venv/bin/python scripts/fit_drift.py [--max-docs N]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from bench_drift import heavy_mt, make_units, run  # noqa: E402

from mlalign.drift import DriftConfig  # noqa: E402
from mlalign.drift.calibration import (  # noqa: E402
    CALIBRATION,
    TYPE_FEATURES,
    combine,
    features,
    load_calibration,
    model_features,
    type_probabilities,
)
from mlalign.drift.clauses import log_length_ratio  # noqa: E402

BACKOFF_UNITS = 5  # dev data: 3 and 5 alike; 10 takes weights from signals a language does show
# Cross-encoder adapters trained with the fitting documents d % 4 == 0 and d % 4 == 2.
OUT_OF_FOLD = (ROOT / "scripts" / "data" / "omission_encoder.4-0.npz",
               ROOT / "scripts" / "data" / "omission_encoder.4-2.npz")


def out_of_fold_logits(units: list, adapters: tuple[Path, Path], cache_dir: object) -> np.ndarray:
    """Each fitting unit's cross-encoder logit from the adapter that did not train on its
    document: the one trained on quarter 4:0 scores quarter 4:2, and the reverse."""
    from mlalign.embed.e5_cross import CachedPairScorer, E5CrossEncoder

    out = np.zeros(len(units), dtype=np.float32)
    for quarter, adapter in zip((2, 0), adapters, strict=True):
        idx = [i for i, u in enumerate(units) if u.doc % 4 == quarter]
        scorer = CachedPairScorer(E5CrossEncoder(adapter), cache_dir)
        out[idx] = scorer.score([(units[i].src, units[i].tgt) for i in idx])
    return out


def needs_out_of_fold() -> bool:
    """Whether the shipped adapter trained with NTREX documents (its metadata says so)."""
    from mlalign.embed.e5_cross import OMISSION_ADAPTER, read_adapter

    return bool(read_adapter(OMISSION_ADAPTER)[0].get("ntrex"))


def robust(values: list[float]) -> list[float]:
    """Median and 1.4826·MAD: real NTREX noise should not widen the clean band."""
    arr = np.asarray(values, dtype=float)
    med = float(np.median(arr))
    mad = float(np.median(np.abs(arr - med))) * 1.4826
    return [round(med, 5), round(max(mad, 1e-3), 5)]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 0.05, iters: int = 50,
                 offset: np.ndarray | float = 0.0) -> np.ndarray:
    """L2-regularised logistic regression by Newton steps (intercept unpenalised);
    `offset` is a fixed part of each row's logit (signals whose weights are given)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * l2
    reg[0, 0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w + offset, -30, 30)))
        grad = xb.T @ (p - y) + reg @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + reg + 1e-6 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def fit_monotone(x: np.ndarray, y: np.ndarray, offset: np.ndarray | float = 0.0,
                 l2: float = 0.05) -> np.ndarray:
    """Logistic regression with non-negative weights: every signal is oriented so that
    larger means more drift, so none may lower the probability. With few positives per
    kind, correlated signals otherwise trade signs, and the model breaks on new text."""
    keep = np.ones(x.shape[1], dtype=bool)
    while True:
        w = fit_logistic(x[:, keep], y, l2=l2, offset=offset)
        if (w[1:] >= 0).all():
            break
        keep[np.flatnonzero(keep)[w[1:] < 0]] = False
    full = np.zeros(x.shape[1] + 1)
    full[0] = w[0]
    full[1:][keep] = w[1:]
    return full


L2: dict[str, float] = {}


def fit_kinds(rows: list[tuple[str, dict[str, float]]], variant: str,
              shared: dict[str, dict] | None = None) -> dict[str, dict]:
    """One model per kind: its corrupted units against the clean ones. A signal that fewer
    than BACKOFF_UNITS of this language's units show (Arabic originals rarely keep Latin
    words) cannot be weighed on them: it keeps its weight in `shared`, the model fitted on
    both languages, and the language's own data fits the rest."""
    models = {}
    for kind in TYPE_FEATURES:
        names = model_features(kind, variant.startswith("mt"), not variant.endswith("-nowords"))
        sel = [(k, f) for k, f in rows if k in ("clean", kind)]
        x = np.array([[f.get(n, 0.0) for n in names] for _, f in sel])
        y = np.array([k == kind for k, _ in sel], dtype=float)
        given = np.zeros(len(names), dtype=bool)
        fixed = np.zeros(len(names))
        if shared is not None:
            given = (x != 0).sum(0) < BACKOFF_UNITS
            fixed = np.array([shared[kind]["coef"].get(n, 0.0) for n in names]) * given
        w = np.zeros(len(names) + 1)
        own = fit_monotone(x[:, ~given], y, offset=x @ fixed, l2=L2.get(kind, 0.05))
        w[0], w[1:][~given], w[1:][given] = own[0], own[1:], fixed[given]
        models[kind] = {"intercept": round(float(w[0]), 4),
                        "coef": {n: round(float(c), 4) for n, c in zip(names, w[1:], strict=True)},
                        "n": len(y), "positives": int(y.sum())}
        if given.any():
            models[kind]["shared"] = [n for n, g in zip(names, given, strict=True) if g]
    return models


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-docs", type=int, default=None)
    ap.add_argument("--langs", default="ar,fa")
    ap.add_argument("--out", type=Path, default=CALIBRATION, help="calibration file to write")
    ap.add_argument("--no-word-alignment", action="store_true", help="ablation: no word signals")
    ap.add_argument("--out-of-fold", type=Path, nargs=2, metavar=("Q0", "Q2"), default=OUT_OF_FOLD,
                    help="adapters trained with the fitting documents d %% 4 == 0 and == 2")
    ap.add_argument("--l2", action="append", default=[], metavar="KIND=VALUE",
                    help="L2 penalty of one kind's model (default 0.05 each)")
    args = ap.parse_args()
    for item in args.l2:
        kind, _, value = item.partition("=")
        L2[kind] = float(value)
    oof: tuple[Path, Path] | None = None
    if not args.no_word_alignment and needs_out_of_fold():
        oof = tuple(args.out_of_fold)
        if missing := [str(a) for a in oof if not a.is_file()]:
            sys.exit(f"error: out-of-fold adapter not found: {', '.join(missing)}")
    from mlalign.embed import default_embedder

    embedder = default_embedder()
    out: Path = args.out
    config = DriftConfig(calibration_path=str(out), word_alignment=not args.no_word_alignment)
    calib: dict = {"note": "fitted by scripts/fit_drift.py on NTREX even-indexed documents",
                   "stats": {}, "models": {}, "combine": {}}
    if oof:
        from mlalign.embed.e5_cross import adapter_name

        calib["x_omit_out_of_fold"] = [adapter_name(a) for a in oof]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(calib), encoding="utf-8")  # fresh stats first
    load_calibration.cache_clear()
    per_lang = {}
    for lang in args.langs.split(","):
        units = [u for u in make_units(lang, args.max_docs) if u.doc % 2 == 0]
        beads = run(units, lang, embedder, with_mt=False, config=config)
        clean = [(u, b) for u, b in zip(units, beads, strict=True) if u.kind == "clean"]
        calib["stats"][lang] = {
            "cos": robust([b.signals["cos"] for _, b in clean]),
            "len": robust([log_length_ratio(u.src, u.tgt) for u, _ in clean]),
            "cov_src": robust([b.signals["cov_src"] for _, b in clean]),
            "cov_tgt": robust([b.signals["cov_tgt"] for _, b in clean]),
        }
        per_lang[lang] = units
    cache_dir = getattr(embedder, "cache_dir", None)
    logits = {lang: out_of_fold_logits(units, oof, cache_dir) for lang, units in per_lang.items()} if oof else {}
    out.write_text(json.dumps(calib, indent=1), encoding="utf-8")
    load_calibration.cache_clear()
    variants = ("plain", "mt", "plain-nowords", "mt-nowords")
    if args.no_word_alignment:
        variants = ("plain-nowords", "mt-nowords")
    pooled: dict[str, list] = {v: [] for v in variants}
    scored: dict[tuple[str, str], list] = {}
    per_variant: dict[tuple[str, str], list] = {}
    for lang, units in per_lang.items():
        calib["models"][lang] = {}
        for var in variants:
            with_mt = var.startswith("mt")
            cfg = replace(config, word_alignment=not var.endswith("-nowords"))
            fit_units = heavy_mt(units) if with_mt else units
            beads = run(fit_units, lang, embedder, with_mt=with_mt, config=cfg)
            if lang in logits and cfg.word_alignment:
                for b, x in zip(beads, logits[lang], strict=True):
                    b.signals["x_omit"] = round(float(x), 4)
            rows = [(u.kind, features(b)) for u, b in zip(units, beads, strict=True)]
            per_variant[(lang, var)] = rows
            pooled[var] += rows
            scored[(lang, var)] = [(u.kind, b) for u, b in zip(units, beads, strict=True)]
    calib["models"]["*"] = {var: fit_kinds(rows, var) for var, rows in pooled.items()}
    for (lang, var), rows in per_variant.items():
        calib["models"][lang][var] = fit_kinds(rows, var, calib["models"]["*"][var])
    # Platt rescaling of the noisy-OR, so `drift` reads as P(any drift) on this data.
    for (lang, var), pairs in scored.items():
        p_any = np.array([combine(type_probabilities(b, lang, calib), lang, {}, var)
                          for _, b in pairs])
        logit = np.log(np.clip(p_any, 1e-9, 1 - 1e-9) / np.clip(1 - p_any, 1e-9, 1))
        y = np.array([k != "clean" for k, _ in pairs], dtype=float)
        a, b = fit_logistic(logit[:, None], y, l2=0.0)[[1, 0]]
        calib["combine"].setdefault(lang, {})[var] = [round(float(a), 4), round(float(b), 4)]
    out.write_text(json.dumps(calib, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(calib, indent=1))


if __name__ == "__main__":
    main()
