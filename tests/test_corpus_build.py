"""Corpus builds end to end with the local engine: outputs, failures, filters, resume, CLI."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from lxml import etree
from test_corpus_units import INTERRUPT_ENV, fake_settings, faked_cli_build, write_docs

from mlalign.corpus import FilterConfig, build_corpus


@pytest.fixture()
def manifest(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    rows = write_docs(folder, 5, 6)
    # a pair whose "English" is Persian (wrong language) and one whose original is missing
    (folder / "wrong.en.txt").write_text((folder / "doc0.fa.txt").read_text("utf-8"), "utf-8")
    rows.append({"id": "wrong", "original": "doc0.fa.txt", "english": "wrong.en.txt", "lang": "fa"})
    rows.append(
        {"id": "missing", "original": "nope.ar.txt", "english": "doc1.en.txt", "lang": "ar"}
    )
    path = folder / "pairs.tsv"
    pl.DataFrame(rows).write_csv(path, separator="\t")
    return path


def _corpus(out: Path) -> list[dict]:
    return pq.read_table(out / "corpus.parquet").to_pylist()


def test_build_writes_corpus_summary_and_provenance(manifest: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = build_corpus(
        manifest, out, formats=["parquet", "tmx", "moses"], settings=fake_settings(threads=2)
    )
    assert (report.ok, report.failed, report.exit_code) == (5, 2, 0)
    errors = dict(report.failures)
    assert "not English" in errors["wrong"] and "not found" in errors["missing"]
    assert all("\n" not in e for e in errors.values())

    summary = pl.read_parquet(out / "summary.parquet")
    assert summary["id"].to_list()[:5] == [f"doc{i}" for i in range(5)]
    assert summary.filter(pl.col("status") == "ok").height == 5
    tsv = (out / "summary.tsv").read_text("utf-8").splitlines()
    assert len(tsv) == 1 + 7 and tsv[0].startswith("id\tstatus\terror")

    rows = _corpus(out)
    assert len(rows) == report.beads_kept == summary["beads_kept"].sum()
    assert [r["bead"] for r in rows if r["pair_id"] == "doc0"] == sorted(
        r["bead"] for r in rows if r["pair_id"] == "doc0"
    )
    assert {r["src_lang"] for r in rows} == {"ar", "fa"}
    assert sorted(f.name for f in (out / "pairs").iterdir()) == [
        f"doc{i}.parquet" for i in range(5)
    ]
    schema = pq.read_schema(out / "corpus.parquet")
    assert str(schema.field("flags").type).startswith("list<element: struct<type: string")
    assert str(schema.field("src_ids").type) == "list<element: int32>"

    run = json.loads((out / "run.json").read_text("utf-8"))
    assert run["filtered"]["beads_in"] - run["filtered"]["beads_kept"] == sum(
        run["filtered"]["removed"].values()
    )
    assert run["filtered"]["beads_in"] == summary["beads"].sum()
    assert run["engine"]["name"] == "local" and run["audits"][0]["embedder"] == "fake-embedder"
    assert run["audits"][0]["threads"] == 2
    manifest_json = json.loads((out / "manifest.json").read_text("utf-8"))
    assert {p["id"]: p["status"] for p in manifest_json["pairs"]}["missing"] == "error"

    tmx = etree.parse(str(out / "corpus.tmx"))
    tus = tmx.findall(".//tu")
    assert len(tus) == len(rows)
    assert tus[0].get("tuid") == f"{rows[0]['pair_id']}:{rows[0]['bead']}"
    assert tus[0].findall("tuv/seg")[1].text == rows[0]["tgt"]
    for tu, row in zip(tus, rows, strict=True):  # each kind's probability rides along
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        kinds = {k: f"{v:.4f}" for k, v in (row["kinds"] or {}).items() if v is not None}
        assert {k[4:]: v for k, v in props.items() if k.startswith("x-p-")} == kinds
    assert any(row["kinds"] for row in rows)
    moses_lines = sum(
        len((out / f"corpus.{lang}-en.{lang}").read_text("utf-8").splitlines())
        for lang in ("ar", "fa")
    )
    assert moses_lines == len(rows)
    fa_en = (out / "corpus.fa-en.en").read_text("utf-8").splitlines()
    assert fa_en == [r["tgt"] for r in rows if r["src_lang"] == "fa"]


def test_filters_change_corpus_not_pair_files(manifest: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    loose = build_corpus(
        manifest,
        out,
        filters=FilterConfig(max_length_ratio=None, dedup=False, langcheck=False),
        settings=fake_settings(),
    )
    strict = build_corpus(
        manifest,
        out,
        filters=FilterConfig(min_score=0.6, max_drift=0.3, max_length_ratio=2.0,
                             max_kind={"omission": 0.2}),
        settings=fake_settings(),
    )
    # filters never redo audits; only the failing pair ("wrong") is retried
    assert strict.resumed == 5 and strict.computed == 1
    rows = _corpus(out)
    assert all(r["score"] >= 0.6 and r["drift"] <= 0.3 for r in rows)
    assert all((r["kinds"]["omission"] or 0.0) <= 0.2 for r in rows)
    assert loose.beads_in == strict.beads_in
    assert strict.beads_kept < loose.beads_kept
    # every bead removed by the strict run fails at least one of its thresholds
    loose_rows = {
        (r["pair_id"], r["bead"]): r
        for r in pq.read_table(out / "pairs" / "doc0.parquet").to_pylist()
    }
    kept = {(r["pair_id"], r["bead"]) for r in rows}
    for key, r in loose_rows.items():
        if key not in kept:
            ratio = max(len(r["src"]), len(r["tgt"])) / max(1, min(len(r["src"]), len(r["tgt"])))
            assert (
                r["score"] < 0.6
                or r["drift"] > 0.3
                or (r["kinds"]["omission"] or 0.0) > 0.2
                or ratio > 2.0
                or not r["src_ids"]
                or not r["tgt_ids"]
            )


def test_resume_recomputes_only_missing_or_broken_pairs(manifest: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build_corpus(manifest, out, settings=fake_settings())
    before = _corpus(out)
    pairs = out / "pairs"
    stamps = {p.name: p.stat().st_mtime_ns for p in pairs.iterdir()}
    (pairs / "doc1.parquet").unlink()  # lost
    (pairs / "doc3.parquet").write_bytes(b"PAR1 partial")  # half-written by a crash
    again = build_corpus(manifest, out, settings=fake_settings())
    assert again.computed == 3  # doc1, doc3 and the wrong-language pair (errors are retried)
    assert again.resumed == 3
    summary = pl.read_parquet(out / "summary.parquet")
    redone = summary.filter(~pl.col("resumed") & (pl.col("status") == "ok"))["id"].to_list()
    assert sorted(redone) == ["doc1", "doc3"]
    for name in ("doc0.parquet", "doc2.parquet", "doc4.parquet"):
        assert (pairs / name).stat().st_mtime_ns == stamps[name]
    assert _corpus(out) == before
    assert first.beads_kept == again.beads_kept


def test_changed_input_or_settings_are_redone(manifest: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_corpus(manifest, out, settings=fake_settings())
    doc2 = manifest.parent / "doc2.en.txt"
    doc2.write_text(doc2.read_text("utf-8").replace(".", "!"), "utf-8")
    again = build_corpus(manifest, out, settings=fake_settings())
    ok_redone = pl.read_parquet(out / "summary.parquet").filter(
        ~pl.col("resumed") & (pl.col("status") == "ok")
    )
    assert ok_redone["id"].to_list() == ["doc2"]
    assert any("!" in r["tgt"] for r in _corpus(out) if r["pair_id"] == "doc2")
    presplit = build_corpus(manifest, out, settings=fake_settings(presplit=True))
    assert presplit.resumed == 0 and presplit.computed == again.pairs - 1  # "missing" never runs


def test_interrupted_run_resumes_to_same_corpus(
    manifest: Path, tmp_path: Path, monkeypatch
) -> None:
    clean = tmp_path / "clean"
    build_corpus(manifest, clean, settings=fake_settings())
    out = tmp_path / "out"
    monkeypatch.setenv(INTERRUPT_ENV, "doc3.")
    with pytest.raises(KeyboardInterrupt):
        build_corpus(manifest, out, settings=fake_settings())
    saved = sorted(p.name for p in (out / "pairs").iterdir())
    assert "doc3.parquet" not in saved and not any(p.endswith(".part") for p in saved)
    assert saved  # the pairs finished before the interrupt are kept (fixed seed: doc3 is not first)
    assert not (out / "corpus.parquet").exists()
    monkeypatch.delenv(INTERRUPT_ENV)
    report = build_corpus(manifest, out, settings=fake_settings())
    assert report.resumed == len(saved)
    assert report.computed == 5 - len(saved) + 1  # the rest, plus "wrong" (errors are retried)
    assert _corpus(out) == _corpus(clean)


def test_two_workers_match_one(manifest: Path, tmp_path: Path) -> None:
    one = build_corpus(manifest, tmp_path / "one", settings=fake_settings())
    two = build_corpus(manifest, tmp_path / "two", workers=2, settings=fake_settings())
    assert (two.ok, two.failed) == (one.ok, one.failed)
    assert _corpus(tmp_path / "two") == _corpus(tmp_path / "one")


def test_all_pairs_failing_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "x.fa.txt").write_text("not persian at all\n", "utf-8")
    (folder / "x.en.txt").write_text("Hello there.\n", "utf-8")
    report = build_corpus(folder, tmp_path / "out", settings=fake_settings())
    assert report.exit_code == 1 and report.ok == 0
    assert pq.read_table(tmp_path / "out" / "corpus.parquet").num_rows == 0


def test_cli_end_to_end(manifest: Path, tmp_path: Path, monkeypatch) -> None:
    import mlalign.corpus.build as build_module
    from mlalign.cli import cli

    monkeypatch.setattr(build_module, "Settings", functools.partial(fake_settings))
    out = tmp_path / "cli-out"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["corpus", "build", str(manifest), "-o", str(out), "-f", "tmx,moses", "--min-score", "0.5",
         "--max-kind", "omission=0.3"],
    )
    assert result.exit_code == 0, result.output
    assert "5/7 pairs ok" in result.output and "failed missing" in result.output
    assert (out / "corpus.tmx").is_file() and (out / "corpus.fa-en.fa").is_file()
    run = json.loads((out / "run.json").read_text("utf-8"))
    assert run["filters"]["min_score"] == 0.5 and run["filters"]["max_kind"] == {"omission": 0.3}
    assert all(r["score"] >= 0.5 and r["kinds"]["omission"] <= 0.3 for r in _corpus(out))
    typo = runner.invoke(cli, ["corpus", "build", str(manifest), "-o", str(tmp_path / "typo"),
                               "--max-kind", "numbers=0.5"])
    assert typo.exit_code == 2 and "KIND one of omission" in typo.output
    assert not (tmp_path / "typo").exists()
    quiet = runner.invoke(cli, ["corpus", "build", str(manifest), "-o", str(out), "--quiet"])
    assert quiet.exit_code == 0
    assert "pairs ok" not in quiet.output and "failed missing" in quiet.output
    bad = runner.invoke(cli, ["corpus", "build", str(tmp_path / "absent.csv"), "-o", str(out)])
    assert bad.exit_code != 0


@pytest.mark.parametrize("workers", [1, 2])
def test_model_load_failure_stops_the_run_with_its_message(
    manifest: Path, tmp_path: Path, workers: int
) -> None:
    import dataclasses

    from mlalign.errors import ModelError

    settings = dataclasses.replace(fake_settings(), embedder_fn="test_corpus_units:broken_embedder")
    with pytest.raises(ModelError, match="embedding model missing"):
        build_corpus(manifest, tmp_path / "out", workers=workers, settings=settings)


def test_cli_exit_codes_through_main(tmp_path: Path, monkeypatch, capsys) -> None:
    import sys

    import mlalign.corpus.build as build_module
    from mlalign.cli import main

    monkeypatch.setattr(build_module, "Settings", functools.partial(fake_settings))
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "x.fa.txt").write_text("not persian at all\n", "utf-8")
    (folder / "x.en.txt").write_text("Hello there.\n", "utf-8")
    with pytest.raises(SystemExit) as info:
        main(["corpus", "build", str(folder), "-o", str(tmp_path / "o"), "-q"])
    assert info.value.code == 1
    assert "failed x: " in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(SystemExit) as info:
        main(["corpus", "build", str(folder), "-o", str(tmp_path / "o"), "--engine", "ray"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err == "mlalign: error: Ray is not installed: pip install 'mlalign[ray]'"


def test_sigint_during_a_two_worker_run_keeps_finished_pairs(tmp_path: Path) -> None:
    """Ctrl-C a real CLI process mid-run: exit 130, whole pair files only, rerun completes."""
    import os
    import signal
    import subprocess
    import time

    from test_corpus_units import SLOW_ENV

    folder = tmp_path / "docs"
    write_docs(folder, 8, 3)
    out = tmp_path / "out"
    args = faked_cli_build(folder, out)
    env = {**os.environ, SLOW_ENV: "0.4"}
    proc = subprocess.Popen(
        [*args, "--workers", "2", "-q"], env=env, start_new_session=True, stderr=subprocess.PIPE
    )
    pairs = out / "pairs"
    deadline = time.monotonic() + 12
    while time.monotonic() < deadline and len(list(pairs.glob("*.parquet"))) < 2:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # like Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130, err.decode()
    saved = sorted(p.name for p in pairs.iterdir())
    assert 2 <= len(saved) < 8 and all(n.endswith(".parquet") for n in saved)
    assert not (out / "corpus.parquet").exists()

    done = subprocess.run([*args, "-q"], env={**os.environ}, capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr.decode()
    summary = pl.read_parquet(out / "summary.parquet")
    assert summary["resumed"].sum() == len(saved) and summary["status"].to_list() == ["ok"] * 8
    fresh = build_corpus(folder, tmp_path / "fresh", settings=fake_settings())
    assert fresh.ok == 8
    assert _corpus(out) == _corpus(tmp_path / "fresh")


def test_binary_original_is_a_recorded_one_line_error(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    write_docs(folder, 2, 3)
    (folder / "doc1.ar.txt").write_bytes(bytes(range(256)) * 4)  # not text in any encoding
    report = build_corpus(folder, tmp_path / "out", settings=fake_settings())
    assert report.ok == 1 and [i for i, _ in report.failures] == ["doc1"]
    error = report.failures[0][1]
    assert "doc1.ar.txt" in error and "\n" not in error


def test_an_interrupt_counts_only_the_pairs_it_stored(tmp_path: Path) -> None:
    """A failed pair is stored nowhere, so it is not among the results kept for the rerun
    (a tester saw "3 pair result(s) kept" beside two stored pairs and one failure)."""
    from mlalign.corpus.build import interrupted_message
    from mlalign.corpus.worker import PairResult

    results = {"a": PairResult(id="a", status="ok"), "b": PairResult(id="b", status="skipped"),
               "c": PairResult(id="c", status="error", error="c.en.txt: english file not found")}
    message = interrupted_message(results, tmp_path)
    assert message.startswith("mlalign: interrupted; 2 pair result(s) kept in ")
    assert "(1 failed, retried on the rerun)" in message
    assert "failed" not in interrupted_message({"a": results["a"]}, tmp_path)
