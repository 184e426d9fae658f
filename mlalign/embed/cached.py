"""Persistent embedding cache: re-auditing a document must not re-run the model.

Vectors live in SQLite (WAL mode, so two processes can read and write at once) keyed by
(embedder name, sha1 of text), stored as float16 blobs (half the disk, cosine error ~1e-3),
with an in-memory dict in front. Each distinct text is embedded at most once.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from mlalign.embed.base import Embedder, l2_normalise
from mlalign.sqlitecache import CacheDB, default_cache_dir, insert_rows


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CachedEmbedder:
    """Wraps another embedder; same `name`/`dim`, vectors persisted under `cache_dir`."""

    def __init__(self, inner: Embedder, cache_dir: str | os.PathLike[str] | None = None,
                 memory_limit: int = 200_000) -> None:
        self.inner = inner
        self.name = inner.name
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.path = self.cache_dir / "embeddings.sqlite"
        self._mem: dict[str, np.ndarray] = {}
        self._memory_limit = memory_limit
        self._lock = threading.Lock()
        self._db = CacheDB(self.path,
                           "CREATE TABLE IF NOT EXISTS vec (model TEXT NOT NULL, key TEXT NOT NULL, "
                           "dim INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (model, key));")
        self.inner_calls = 0
        self.inner_texts = 0
        self.show_progress = False  # set by the pipeline when it reports to a terminal
        self.chunk = 256  # texts per inner call: bounds memory, paces the bar and the stores

    @property
    def dim(self) -> int:  # type: ignore[override]
        return int(self.inner.dim)

    def _load(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for key, dim, data in self._db.lookup("vec", "key, dim, data", self.name, keys):
            vec = np.frombuffer(data, dtype=np.float16)
            if vec.shape[0] == dim:  # a torn/odd row is ignored and recomputed
                found[key] = vec.astype(np.float32)
        return found

    def _store(self, items: dict[str, np.ndarray]) -> None:
        conn = self._db.conn()
        rows = [(self.name, k, int(v.shape[0]), v.astype(np.float16).tobytes()) for k, v in items.items()]
        insert_rows(conn, "INSERT OR IGNORE INTO vec (model, key, dim, data) VALUES (?,?,?,?)", rows)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Look up memory, then disk; embed only the distinct misses, once."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        keys = [_key(t) for t in texts]
        with self._lock:
            missing = sorted({k for k in keys if k not in self._mem})
            if missing:
                self._mem.update(self._load(missing))
            todo: dict[str, str] = {}
            for k, t in zip(keys, texts, strict=True):
                if k not in self._mem and k not in todo:
                    todo[k] = t
            if todo:
                self._embed_missing(todo)
            out = np.stack([self._mem[k] for k in keys])
            if len(self._mem) > self._memory_limit:
                self._mem.clear()
        return l2_normalise(out)

    def _embed_missing(self, todo: dict[str, str]) -> None:
        """Embed the misses in chunks, storing each chunk at once, so an interrupted long
        run keeps what it computed and a progress bar can follow."""
        from mlalign.progress import progress_bar

        self.inner_calls += 1
        self.inner_texts += len(todo)
        items = list(todo.items())
        with progress_bar(len(items), "embed", "sent", leave=False,
                          enabled=self.show_progress and len(items) > self.chunk) as bar:
            for start in range(0, len(items), self.chunk):
                part = items[start:start + self.chunk]
                vecs = np.asarray(self.inner.embed([t for _, t in part]), dtype=np.float32)
                new = dict(zip((k for k, _ in part), vecs, strict=True))
                self._store(new)
                # keep the float16-rounded value so cold and warm runs give identical vectors
                self._mem.update({k: v.astype(np.float16).astype(np.float32)
                                  for k, v in new.items()})
                bar.update(len(part))

    def close(self) -> None:
        self._db.close()
