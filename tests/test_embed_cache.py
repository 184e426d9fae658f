"""Embedding cache: hits avoid the model, two processes can write at once without corruption."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from mlalign.embed import CachedEmbedder, Embedder, HashingEmbedder


class CountingEmbedder:
    """Hashing embedder that records how many texts reached it."""

    def __init__(self) -> None:
        self.inner = HashingEmbedder(dim=64)
        self.name = "counting-test"
        self.dim = 64
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed(texts)


def test_protocol_and_normalised() -> None:
    emb = HashingEmbedder()
    assert isinstance(emb, Embedder)
    v = emb.embed(["a cat", "a cat", "something else entirely"])
    assert v.dtype == np.float32 and v.shape == (3, emb.dim)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.allclose(v[0], v[1]) and not np.allclose(v[0], v[2])


def test_cache_hit_and_distinct_once(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    emb = CachedEmbedder(inner, tmp_path)
    texts = ["one", "two", "one", "three"]
    first = emb.embed(texts)
    assert sorted(inner.texts) == ["one", "three", "two"]  # each distinct text once
    second = emb.embed(texts)
    assert len(inner.texts) == 3  # memory hit
    np.testing.assert_allclose(first, second)
    emb.close()
    inner2 = CountingEmbedder()
    disk = CachedEmbedder(inner2, tmp_path).embed(["three", "one", "four"])
    assert inner2.texts == ["four"]  # disk hit for the others
    np.testing.assert_allclose(disk[0], first[3], atol=2e-3)


def _writer(cache: str, start: int, out: mp.Queue) -> None:
    emb = CachedEmbedder(HashingEmbedder(dim=64), cache)
    for k in range(20):
        texts = [f"sentence {i}" for i in range(start + k * 5, start + k * 5 + 40)]
        emb.embed(texts)
    out.put("ok")


def test_two_processes_write_concurrently(tmp_path: Path) -> None:
    ctx = mp.get_context("spawn")
    q: mp.Queue = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), s, q)) for s in (0, 30)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert [q.get(timeout=5), q.get(timeout=5)] == ["ok", "ok"]
    texts = [f"sentence {i}" for i in range(0, 160)]
    cached = CachedEmbedder(HashingEmbedder(dim=64), tmp_path).embed(texts)
    fresh = HashingEmbedder(dim=64).embed(texts)
    assert np.abs(cached - fresh).max() < 2e-3


def test_default_cache_dir_env(tmp_path: Path, monkeypatch) -> None:
    from mlalign.embed import default_cache_dir, default_embedder

    monkeypatch.setenv("MLALIGN_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    emb = default_embedder()
    assert isinstance(emb, CachedEmbedder) and emb.cache_dir == tmp_path / "c"
    assert not isinstance(default_embedder(cache_dir=False), CachedEmbedder)
    monkeypatch.delenv("MLALIGN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x" / "mlalign"


class FailingAfterEmbedder(CountingEmbedder):
    """Fails on its second call, like a long run interrupted half-way."""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self.texts:
            raise KeyboardInterrupt
        return super().embed(texts)


def test_interrupted_embedding_keeps_finished_chunks(tmp_path: Path, capsys, monkeypatch) -> None:
    """Misses are embedded and stored chunk by chunk: a rerun after Ctrl-C redoes only the rest."""
    texts = [f"sentence number {i}" for i in range(10)]
    emb = CachedEmbedder(FailingAfterEmbedder(), tmp_path)
    emb.chunk, emb.show_progress = 4, True
    monkeypatch.setattr("mlalign.progress.LOG_EVERY", 0.0)  # stderr is a log here: a line per chunk
    try:
        emb.embed(texts)
    except KeyboardInterrupt:
        pass
    emb.close()
    assert "mlalign: embed 4/10 sent (40%)" in capsys.readouterr().err  # progress was shown
    again = CountingEmbedder()
    CachedEmbedder(again, tmp_path).embed(texts)
    assert again.texts == texts[4:]
