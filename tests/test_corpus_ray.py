"""The Ray engine (local session) builds the same corpus, row for row, as the local engine."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest
from test_corpus_units import fake_settings, write_docs

from mlalign.corpus import build_corpus

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def ray_session():
    """One local Ray session for the module (startup is slow); workers can import the fakes."""
    tests_dir = str(Path(__file__).resolve().parent)
    path = os.pathsep.join(p for p in (tests_dir, os.environ.get("PYTHONPATH", "")) if p)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={"env_vars": {"PYTHONPATH": path}},
    )
    yield ray
    ray.shutdown()


def test_ray_engine_matches_local_engine(ray_session, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    rows = write_docs(folder, 6, 5, seed=11)
    rows.append(
        {"id": "missing", "original": "gone.fa.txt", "english": "doc0.en.txt", "lang": "fa"}
    )
    (folder / "bad.en.txt").write_text("این انگلیسی نیست\n", "utf-8")
    rows.append({"id": "bad", "original": "doc1.ar.txt", "english": "bad.en.txt", "lang": "ar"})
    manifest = folder / "pairs.parquet"
    pl.DataFrame(rows).write_parquet(manifest)

    local = build_corpus(manifest, tmp_path / "local", settings=fake_settings())
    remote = build_corpus(
        manifest, tmp_path / "ray", engine="ray", workers=2, settings=fake_settings()
    )
    assert (remote.ok, remote.failed) == (local.ok, local.failed) == (6, 2)
    assert dict(remote.failures) == dict(local.failures)
    assert (
        pq.read_table(tmp_path / "ray" / "corpus.parquet").to_pylist()
        == pq.read_table(tmp_path / "local" / "corpus.parquet").to_pylist()
    )
    assert remote.removed == local.removed
    assert ray_session.is_initialized()  # a session we did not start is left running

    again = build_corpus(
        manifest, tmp_path / "ray", engine="ray", workers=2, settings=fake_settings()
    )
    assert again.resumed == 6 and again.computed == 1  # only "bad" is retried


def test_ray_model_load_failure_is_one_line(ray_session, tmp_path: Path) -> None:
    import dataclasses

    from mlalign.errors import ModelError

    folder = tmp_path / "docs"
    write_docs(folder, 2, 3)
    settings = dataclasses.replace(fake_settings(), embedder_fn="test_corpus_units:broken_embedder")
    with pytest.raises(ModelError) as info:
        build_corpus(folder, tmp_path / "out", engine="ray", workers=2, settings=settings)
    assert str(info.value) == "embedding model missing: /nowhere/e5.bin"
