"""An omission cross-encoder's adapter judged on both halves of the drift benchmark in turn.

bench_drift.py reports one half (odd documents) with models fitted on the other; a change
worth a unit or two there can be luck. Here the per-kind models (fit_drift.fit_kinds, the
shipped signals) are fitted on one half of NTREX's documents and the units found counted on
the other, then the halves swap: for each kind, the corrupted units above the threshold that
lets 5% of the scored half's clean units through. `--adapter` replaces the shipped
cross-encoder's logit (`x_omit`) with another adapter's, so a retrained adapter can be judged
before it ships; the other signals are computed once, as the shipped pipeline does (clean
statistics from the even half, as shipped).

`--by-half EVEN ODD` judges two adapters trained with NTREX's documents (see `judge`).

Run: .venv/bin/python scripts/cv_omission_encoder.py [--adapter FILE] [--by-half EVEN ODD]
     [--max-docs N]
Last stdout line: one JSON object with the figures.
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

from bench_drift import TYPES, auroc, fpr_threshold, make_units, run  # noqa: E402
from fit_drift import fit_kinds  # noqa: E402

from mlalign.drift import DriftConfig  # noqa: E402
from mlalign.drift.calibration import combine, features, type_probabilities  # noqa: E402
from mlalign.embed.e5_cross import OMISSION_ADAPTER, CachedPairScorer, E5CrossEncoder  # noqa: E402

Rows = list[tuple[int, str, dict[str, float]]]  # (document, kind, features) per unit


def found_by_half(scored: dict[int, Rows], lang: str,
                  pooled: dict[int, list[tuple[str, dict[str, float]]]],
                  fitted: dict[int, Rows] | None = None) -> dict[str, list[int]]:
    """Per kind: [found, of] on the odd half (fitted on the even), then on the even half.
    Every argument is keyed by the half a turn scores: its rows (`scored`), the rows its
    models are fitted on (`fitted`, the same rows unless given) and both languages' fitting
    rows (`pooled`)."""
    out: dict[str, list[int]] = {k: [] for k in TYPES}
    for test in (1, 0):
        fit_rows = [(k, f) for d, k, f in (fitted or scored)[test] if d % 2 != test]
        shared = fit_kinds(pooled[test], "plain")
        calib = {"models": {lang: {"plain": fit_kinds(fit_rows, "plain", shared)}}}
        probs = [(k, combine(type_probabilities(None, lang, calib, f), lang, {}, "plain"))
                 for d, k, f in scored[test] if d % 2 == test]
        kinds = np.array([k for k, _ in probs])
        drift = np.array([p for _, p in probs])
        thr = fpr_threshold(drift[kinds == "clean"])
        for kind in TYPES:
            out[kind] += [int((drift[kinds == kind] > thr).sum()), int((kinds == kind).sum())]
    return out


def adapter_rows(adapter: Path, per_lang: dict[str, tuple[list, list]], cache_dir: object
                 ) -> tuple[str, dict[str, Rows], dict]:
    """Each unit's features with this adapter's logit as `x_omit`, and the logit's AUROC alone."""
    scorer = CachedPairScorer(E5CrossEncoder(adapter), cache_dir)
    scored: dict[str, Rows] = {}
    results: dict[str, dict] = {}
    for lang, (units, beads) in per_lang.items():
        logits = scorer.score([(u.src, u.tgt) for u in units])
        rows = []
        for u, b, x in zip(units, beads, logits, strict=True):
            b.signals["x_omit"] = float(x)
            rows.append((u.doc, u.kind, features(b)))
        scored[lang] = rows
        omitted = np.array([u.kind == "omission" for u in units])
        sel = np.array([u.kind in ("clean", "omission") for u in units])
        odd = sel & np.array([u.doc % 2 == 1 for u in units])
        results[lang] = {"x_omit_auroc": round(auroc(logits[sel], omitted[sel]), 4),
                         "x_omit_auroc_odd": round(auroc(logits[odd], omitted[odd]), 4)}
    return scorer.name, scored, results


def judge(adapters: list[Path], per_lang: dict[str, tuple[list, list]], cache_dir: object) -> dict:
    """Print and return an adapter's units found, per half, and its logit's AUROC alone.

    Given two, trained with NTREX's even and odd documents (`train_omission_encoder.py
    --ntrex 2:0`, `2:1`), each turn scores its half with the adapter trained on the other
    (fitting) half, as a shipped adapter trained on the fitting half is used, and fits the
    per-kind models on logits that adapter did not train on: the other adapter's. Shipped,
    the calibration reads the fitting half through adapters trained on its quarters
    (fit_drift.py --out-of-fold); with halves that would cost four trainings, and the other
    half's adapter stands in, which lets the scored half's text shape the fit a little."""
    made = [adapter_rows(a, per_lang, cache_dir) for a in adapters]
    name = " | ".join(m[0] for m in made)
    by_test = {1: made[0][1], 0: made[-1][1]}  # the turn that scores half t fits on 1 - t
    fitted = {1: made[-1][1], 0: made[0][1]}
    results = made[0][2] if len(made) == 1 else {
        lang: {"x_omit_auroc_odd_half": made[0][2][lang]["x_omit_auroc_odd"]} for lang in per_lang}
    print(f"adapter: {name}")
    print(f"{'pair':<6}{'kind':<13}{'odd half':>10}{'even half':>11}{'both':>10}")
    for lang in per_lang:
        rows = {t: by_test[t][lang] for t in (0, 1)}
        fit_rows = {t: fitted[t][lang] for t in (0, 1)}
        pooled = {t: [(k, f) for scored in fitted[t].values() for d, k, f in scored if d % 2 != t]
                  for t in (0, 1)}
        for kind, v in found_by_half(rows, lang, pooled, fit_rows).items():
            results[lang][kind] = {"odd": v[:2], "even": v[2:], "both": [v[0] + v[2], v[1] + v[3]]}
            print(f"{lang:<6}{kind:<13}{v[0]:>5}/{v[1]:<4}{v[2]:>6}/{v[3]:<4}{v[0] + v[2]:>5}/{v[1] + v[3]}")
        if len(made) == 1:
            print(f"{lang:<6}{'x_omit AUROC':<13}{results[lang]['x_omit_auroc']:>10.3f}"
                  "  (omission against clean, all units)")
        else:
            print(f"{lang:<6}{'x_omit AUROC':<13}{results[lang]['x_omit_auroc_odd_half']:>10.3f}"
                  "  (omission against clean, odd half, the first adapter)")
    return {"adapter": name, "file": " | ".join(map(str, adapters)), "results": results}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--adapter", type=Path, action="append",
                    help="adapter file (repeatable); default: the shipped one")
    ap.add_argument("--by-half", type=Path, nargs=2, metavar=("EVEN", "ODD"),
                    help="two adapters trained on the even and on the odd documents (--ntrex)")
    ap.add_argument("--max-docs", type=int, default=None)
    ap.add_argument("--langs", default="ar,fa")
    args = ap.parse_args()
    from mlalign.embed import default_embedder

    embedder = default_embedder()
    per_lang = {}
    for lang in args.langs.split(","):
        units = make_units(lang, args.max_docs)
        per_lang[lang] = (units, run(units, lang, embedder, with_mt=False, config=DriftConfig()))
    cache_dir = getattr(embedder, "cache_dir", None)
    runs = [[a] for a in args.adapter or []] + ([list(args.by_half)] if args.by_half else [])
    judged = [judge(r, per_lang, cache_dir) for r in runs or [[OMISSION_ADAPTER]]]
    print(json.dumps({"bench": "cv_omission_encoder", "adapters": judged}))


if __name__ == "__main__":
    main()
