"""An omission cross-encoder's adapter judged on both halves of the drift benchmark in turn.

bench_drift.py reports one half (odd documents) with models fitted on the other; a change
worth a unit or two there can be luck. Here the per-kind models (fit_drift.fit_kinds, the
shipped signals) are fitted on one half of NTREX's documents and the units found counted on
the other, then the halves swap: for each kind, the corrupted units above the threshold that
lets 5% of the scored half's clean units through. `--adapter` replaces the shipped
cross-encoder's logit (`x_omit`) with another adapter's, so a retrained adapter can be judged
before it ships; the other signals are computed once, as the shipped pipeline does (clean
statistics from the even half, as shipped).

Run: .venv/bin/python scripts/cv_omission_encoder.py [--adapter FILE] [--max-docs N]
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


def found_by_half(rows: list[tuple[int, str, dict[str, float]]], lang: str,
                  pooled: dict[int, list[tuple[str, dict[str, float]]]]) -> dict[str, list[int]]:
    """Per kind: [found, of] on the odd half (fitted on the even), then on the even half."""
    out: dict[str, list[int]] = {k: [] for k in TYPES}
    for test in (1, 0):
        fit_rows = [(k, f) for d, k, f in rows if d % 2 != test]
        shared = fit_kinds(pooled[test], "plain")
        calib = {"models": {lang: {"plain": fit_kinds(fit_rows, "plain", shared)}}}
        scored = [(k, combine(type_probabilities(None, lang, calib, f), lang, {}, "plain"))
                  for d, k, f in rows if d % 2 == test]
        kinds = np.array([k for k, _ in scored])
        drift = np.array([p for _, p in scored])
        thr = fpr_threshold(drift[kinds == "clean"])
        for kind in TYPES:
            out[kind] += [int((drift[kinds == kind] > thr).sum()), int((kinds == kind).sum())]
    return out


def judge(adapter: Path, per_lang: dict[str, tuple[list, list]], cache_dir: object) -> dict:
    """Print and return one adapter's units found, per half, and its logit's AUROC alone."""
    scorer = CachedPairScorer(E5CrossEncoder(adapter), cache_dir)
    scored: dict[str, list[tuple[int, str, dict[str, float]]]] = {}
    results: dict[str, dict] = {}
    for lang, (units, beads) in per_lang.items():
        logits = scorer.score([(u.src, u.tgt) for u in units])
        rows = []
        for u, b, x in zip(units, beads, logits, strict=True):
            b.signals["x_omit"] = float(x)
            rows.append((u.doc, u.kind, features(b)))
        scored[lang] = rows
        sel = np.array([u.kind in ("clean", "omission") for u in units])
        results[lang] = {"x_omit_auroc": round(auroc(
            logits[sel], np.array([u.kind == "omission" for u in units])[sel]), 4)}
    pooled = {test: [(k, f) for rows in scored.values() for d, k, f in rows if d % 2 != test]
              for test in (0, 1)}
    print(f"adapter: {scorer.name}")
    print(f"{'pair':<6}{'kind':<13}{'odd half':>10}{'even half':>11}{'both':>10}")
    for lang, rows in scored.items():
        for kind, v in found_by_half(rows, lang, pooled).items():
            results[lang][kind] = {"odd": v[:2], "even": v[2:], "both": [v[0] + v[2], v[1] + v[3]]}
            print(f"{lang:<6}{kind:<13}{v[0]:>5}/{v[1]:<4}{v[2]:>6}/{v[3]:<4}{v[0] + v[2]:>5}/{v[1] + v[3]}")
        print(f"{lang:<6}{'x_omit AUROC':<13}{results[lang]['x_omit_auroc']:>10.3f}"
              "  (omission against clean, all units)")
    return {"adapter": scorer.name, "file": str(adapter), "results": results}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--adapter", type=Path, action="append",
                    help="adapter file (repeatable); default: the shipped one")
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
    judged = [judge(a, per_lang, cache_dir) for a in args.adapter or [OMISSION_ADAPTER]]
    print(json.dumps({"bench": "cv_omission_encoder", "adapters": judged}))


if __name__ == "__main__":
    main()
