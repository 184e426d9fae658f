"""Word alignment inside a bead: which words of the original have a counterpart in the
English and which English words have one in the original.

A bead's two sides are encoded with a `WordEncoder`; the cosine of every original word with
every English word, at each encoder layer, is the bead's `WordAlignment`. Links are the
(soft) mutual best matches, as in SimAlign's argmax method: a word links to a word of the
other side when each is within `margin` of the other's best match. Similarity matrices are
small (words x words) and are cached on disk by the pair's text, so a re-run of an audit
does not run the encoder again.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mlalign.embed.words import WordEncoder, split_words
from mlalign.sqlitecache import CacheDB, default_cache_dir, insert_rows


@dataclass
class WordAlignment:
    """Words of both sides (as spans of the bead's texts) and their cosines per layer."""

    src: str
    tgt: str
    sims: dict[int, np.ndarray] = field(default_factory=dict)  # layer -> [n_src, n_tgt]

    @property
    def src_spans(self) -> list[tuple[int, int]]:
        return split_words(self.src)

    @property
    def tgt_spans(self) -> list[tuple[int, int]]:
        return split_words(self.tgt)

    @property
    def src_words(self) -> list[str]:
        return [self.src[a:b] for a, b in self.src_spans]

    @property
    def tgt_words(self) -> list[str]:
        return [self.tgt[a:b] for a, b in self.tgt_spans]

    def links(self, layer: int, margin: float = 0.02) -> np.ndarray:
        """Boolean [n_src, n_tgt]: soft mutual best matches at `layer`."""
        m = self.sims[layer]
        if m.size == 0:
            return np.zeros(m.shape, dtype=bool)
        return (m >= m.max(1, keepdims=True) - margin) & (m >= m.max(0, keepdims=True) - margin)


def _pair_key(src: str, tgt: str) -> str:
    return hashlib.sha1(f"{src}\x00{tgt}".encode()).hexdigest()


class WordAligner:
    """Aligns the words of many (original, English) pairs, a chunk of pairs per encoder
    call: word vectors are large, the similarity matrices kept from them are small."""

    chunk = 128

    def __init__(self, encoder: WordEncoder) -> None:
        self.encoder = encoder
        self.name = encoder.name

    def align(self, pairs: Sequence[tuple[str, str]]) -> list[WordAlignment]:
        out: list[WordAlignment] = []
        for start in range(0, len(pairs), self.chunk):
            part = pairs[start:start + self.chunk]
            texts = list(dict.fromkeys(t for pair in part for t in pair))
            vectors = dict(zip(texts, self.encoder.encode_words(texts), strict=True))
            for src, tgt in part:
                vs, vt = vectors[src], vectors[tgt]
                out.append(WordAlignment(src, tgt, {layer: vs.layers[layer] @ vt.layers[layer].T
                                                    for layer in self.encoder.layers}))
        return out


class CachedWordAligner(WordAligner):
    """A `WordAligner` whose similarity matrices persist in SQLite (float16, per layer)."""

    def __init__(self, encoder: WordEncoder, cache_dir: str | os.PathLike[str] | None = None) -> None:
        super().__init__(encoder)
        self.path = Path(cache_dir if cache_dir is not None else default_cache_dir()) / "wordsims.sqlite"
        self._db = CacheDB(self.path,
                           "CREATE TABLE IF NOT EXISTS sims (model TEXT NOT NULL, key TEXT NOT NULL, "
                           "rows INTEGER NOT NULL, cols INTEGER NOT NULL, data BLOB NOT NULL, "
                           "PRIMARY KEY (model, key));")
        self._lock = threading.Lock()
        self.computed = 0  # pairs that needed the encoder (tests and benchmarks read it)
        self.show_progress = False  # set by the pipeline when it reports to a terminal

    def align(self, pairs: Sequence[tuple[str, str]]) -> list[WordAlignment]:
        layers = self.encoder.layers
        keys = [_pair_key(s, t) for s, t in pairs]
        found: dict[str, WordAlignment] = {}
        with self._lock:
            rows = self._db.lookup("sims", "key, rows, cols, data", self.name, sorted(set(keys)))
        for key, n, m, data in rows:
            arr = np.frombuffer(data, dtype=np.float16)
            if arr.size == n * m * len(layers):  # a torn row is recomputed
                mats = arr.astype(np.float32).reshape(len(layers), n, m)
                found[key] = WordAlignment("", "", dict(zip(layers, mats, strict=True)))
        todo = {k: p for k, p in zip(keys, pairs, strict=True) if k not in found}
        if todo:
            from mlalign.progress import progress_bar

            items = list(todo.items())
            with progress_bar(len(items), "align words", "pair", leave=False,
                              enabled=self.show_progress and len(items) > self.chunk) as bar:
                for start in range(0, len(items), self.chunk):
                    part = items[start:start + self.chunk]
                    found.update(self._compute_and_store(part))
                    bar.update(len(part))
        return [WordAlignment(s, t, found[k].sims) for k, (s, t) in zip(keys, pairs, strict=True)]

    def _compute_and_store(self, part: list[tuple[str, tuple[str, str]]]) -> dict[str, WordAlignment]:
        """Encode one chunk of pairs and store it at once, so an interrupted run keeps it."""
        layers = self.encoder.layers
        fresh = super().align([pair for _, pair in part])
        self.computed += len(fresh)
        rows, out = [], {}
        for (key, _), wa in zip(part, fresh, strict=True):
            stack = np.stack([wa.sims[layer] for layer in layers]).astype(np.float16)
            rows.append((self.name, key, stack.shape[1], stack.shape[2], stack.tobytes()))
            # keep the float16-rounded matrices so cold and warm runs agree exactly
            out[key] = WordAlignment("", "", dict(zip(layers, stack.astype(np.float32), strict=True)))
        with self._lock:
            insert_rows(self._db.conn(), "INSERT OR IGNORE INTO sims VALUES (?,?,?,?,?)", rows)
        return out

    def close(self) -> None:
        self._db.close()


_ENCODER: list[WordEncoder] = []
_CACHED: dict[str, CachedWordAligner] = {}


def _default_encoder() -> WordEncoder:
    from mlalign.embed.e5_words import E5WordEncoder

    if not _ENCODER:
        _ENCODER.append(E5WordEncoder())
    return _ENCODER[0]


def word_aligner_for(embedder: object) -> WordAligner:
    """The e5 word aligner matching a sentence embedder's caching: cached in the same
    folder when the embedder has a disk cache, in memory only when it has none
    (`--no-cache`). One encoder per process."""
    cache_dir = getattr(embedder, "cache_dir", None)
    if cache_dir is None:
        return WordAligner(_default_encoder())
    key = str(cache_dir)
    if key not in _CACHED:
        _CACHED[key] = CachedWordAligner(_default_encoder(), cache_dir)
    return _CACHED[key]
