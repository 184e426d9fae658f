"""Benchmark: mlalign's batched Argos translation vs argostranslate's usual per-call path.

Builds a random-weight package of the real Argos size (Transformer 6+6 layers, d_model
512, 8 heads, FFN 2048, shared ~32k SentencePiece vocabulary trained on NTREX + Tatoeba
Persian/Arabic/English, int8 weights), installs it in a temp dir, then on the SAME
sentences (NTREX Persian side, topped up from Tatoeba) measures:

  * argostranslate: `argostranslate.translate.translate(text, "fa", "en")` per sentence
    (its normal path; the MiniSBD splitter, which would download a model, is replaced by
    one returning the sentence as is);
  * mlalign cold: `load_translator("fa")` (cached, batched, length-sorted), empty cache;
  * mlalign warm: the same call again, served from the SQLite cache.

Random weights seldom emit end-of-sentence, so BOTH sides decode with the same
per-sentence bound max_decoding_length = min(256, bucket(2 * input_tokens + 16)), buckets
16, 24, 32, 48, 64, 96, 128, 192, 256 (mlalign.translate.base.decoding_bound).
Decoding is otherwise identical (beam 4, length_penalty 0.2, int8), and outputs are
compared. Usage: .venv/bin/python scripts/bench_translate.py [--n 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
WORK = Path(tempfile.mkdtemp(prefix="mlalign-bench-translate-"))
# argostranslate reads these once at import time: set them before anything imports it.
os.environ["ARGOS_PACKAGES_DIR"] = str(WORK / "packages")
os.environ["ARGOS_COMPUTE_TYPE"] = "int8"
for var, sub in (("XDG_DATA_HOME", "xd"), ("XDG_CONFIG_HOME", "xc"), ("XDG_CACHE_HOME", "xk")):
    os.environ[var] = str(WORK / sub)
os.environ["MLALIGN_CACHE_DIR"] = str(WORK / "cache")
sys.path.insert(0, str(ROOT / "tests"))

from argos_fixture import build_package_dir, zip_package  # noqa: E402

SEED = 1234


def corpus_lines() -> tuple[list[str], list[str]]:
    """(training text for SentencePiece, Persian test sentences)."""
    nt = CORPORA / "ntrex"
    fas = [x.strip() for x in (nt / "newstest2019-ref.fas.txt").read_text("utf-8").splitlines()]
    arb = [x.strip() for x in (nt / "newstest2019-ref.arb.txt").read_text("utf-8").splitlines()]
    eng = [x.strip() for x in (nt / "newstest2019-src.eng.txt").read_text("utf-8").splitlines()]
    tat: list[str] = []
    tat_fa: list[str] = []
    for name in ("pes.txt", "ara.txt"):
        for line in (CORPORA / "tatoeba" / name).read_text("utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 2:
                tat.extend([cols[0].strip(), cols[1].strip()])
                if name == "pes.txt":
                    tat_fa.append(cols[1].strip())
    train = [x for x in fas + arb + eng + tat if x]
    test = [x for x in fas if x] + [x for x in tat_fa if x]
    return train, test


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="sentences to translate (both sides)")
    ap.add_argument("--vocab", type=int, default=32000)
    args = ap.parse_args()
    random.seed(SEED)
    load_before = os.getloadavg()[0]
    print(f"work dir {WORK}; {os.cpu_count()} cores, load average {load_before:.2f}", flush=True)

    train, test = corpus_lines()
    sentences = test[: args.n]
    t0 = time.perf_counter()
    folder = build_package_dir(WORK / "build", "fa", "en", SEED, lines=train,
                               vocab_size=args.vocab, layers=6, d_model=512, heads=8,
                               ffn=2048, quantization="int8")
    archive = zip_package(folder, WORK / f"{folder.name}.argosmodel")
    build_s = time.perf_counter() - t0
    from mlalign.translate import install_from_file, load_translator

    pkg = install_from_file(archive)
    vocab = len(json.loads((pkg.path / "model" / "shared_vocabulary.json").read_text()))
    print(f"built+installed package: vocab {vocab}, {pkg.size_bytes / 1e6:.1f} MB on disk, "
          f"{build_s:.0f} s; {len(sentences)} Persian sentences", flush=True)

    # mlalign: cold (empty cache) then warm.
    t0 = time.perf_counter()
    cold = load_translator("fa")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = cold.translate(sentences)
    ml_s = time.perf_counter() - t0
    warm = load_translator("fa")
    t0 = time.perf_counter()
    ours_warm = warm.translate(sentences)
    warm_s = time.perf_counter() - t0
    assert ours_warm == ours and warm.inner.calls == 0
    print(f"mlalign cold {ml_s:.1f} s, warm {warm_s:.2f} s (model load {load_s:.1f} s)",
          flush=True)

    # argostranslate, the usual way: translate() per sentence.
    t0 = time.perf_counter()
    from argos_fixture import patch_argostranslate

    patch_argostranslate()
    import argostranslate.translate as at

    at.translate(sentences[0][:20], "fa", "en")  # load model + language list once
    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = [at.translate(s, "fa", "en") for s in sentences]
    ar_s = time.perf_counter() - t0
    same = sum(a == b for a, b in zip(ours, theirs, strict=True))

    n = len(sentences)
    ml_sps, ar_sps, warm_sps = n / ml_s, n / ar_s, n / warm_s
    rows = [
        ("argostranslate translate() per sentence", ar_s, ar_sps, 1.0),
        ("mlalign batched, cold cache", ml_s, ml_sps, ml_sps / ar_sps),
        ("mlalign warm cache", warm_s, warm_sps, warm_sps / ar_sps),
    ]
    threads = f"inter {cold.inner.inter_threads} x intra {cold.inner.intra_threads}"
    print(f"\n{'path':<42} {'seconds':>9} {'sent/s':>9} {'x argos':>8}")
    for name, secs, sps, ratio in rows:
        print(f"{name:<42} {secs:>9.2f} {sps:>9.1f} {ratio:>8.1f}")
    print(f"identical outputs: {same}/{n}; argostranslate import+first call {import_s:.1f} s; "
          f"decoding bound min(256, bucket(2*tokens+16)), beam 4, int8; mlalign threads "
          f"{threads}; warm re-run {ml_s / warm_s:.0f}x faster than cold")
    print(json.dumps({
        "n": n, "mlalign_sps": round(ml_sps, 2), "argos_sps": round(ar_sps, 2),
        "warm_sps": round(warm_sps, 1), "ratio": round(ml_sps / ar_sps, 2),
        "warm_ratio": round(ml_s / warm_s, 1), "warm_vs_argos": round(warm_sps / ar_sps, 1),
        "identical": same, "vocab": vocab, "beam_size": 4, "compute_type": "int8",
        "mlalign_threads": threads,
        "load_avg": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)  # ~150 MB of model files
