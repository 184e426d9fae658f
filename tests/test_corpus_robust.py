"""Corpus builds that meet trouble: a worker process dying, output durability, SIGTERM,
unpaired files in the summary."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import polars as pl
from test_corpus_units import CRASH_ENV, SLOW_ENV, fake_settings, faked_cli_build, write_docs

from mlalign.corpus import build_corpus


def test_a_crashed_worker_fails_only_its_own_pair(tmp_path: Path, monkeypatch) -> None:
    """A worker killed while auditing one pair broke the pool and every pair not yet done
    was recorded as "worker crashed"; now the pool is restarted, the other pairs are done in
    the same run, and the pair that kills its worker twice is recorded with the crash."""
    folder = tmp_path / "docs"
    write_docs(folder, 6, 3)
    monkeypatch.setenv(CRASH_ENV, "doc2.")
    out = tmp_path / "out"
    report = build_corpus(folder, out, workers=2, settings=fake_settings())
    assert (report.ok, report.failed, report.computed) == (5, 1, 6)
    [(pair_id, error)] = report.failures
    assert pair_id == "doc2" and "crashed" in error and "SIGKILL" in error
    assert sorted(p.name for p in (out / "pairs").iterdir()) == [
        f"doc{i}.parquet" for i in (0, 1, 3, 4, 5)
    ]
    summary = pl.read_parquet(out / "summary.parquet")
    assert summary.filter(pl.col("status") == "error")["id"].to_list() == ["doc2"]

    monkeypatch.delenv(CRASH_ENV)  # the rerun redoes only the crashed pair
    again = build_corpus(folder, out, workers=2, settings=fake_settings())
    assert (again.ok, again.resumed, again.computed) == (6, 5, 1)


def test_unpaired_files_of_a_folder_are_rows_of_the_summary(tmp_path: Path) -> None:
    """Unpaired files were only on stderr and in run.json; archivists read summary.tsv.
    They now follow the pairs there (and in summary.parquet), status `unpaired`, with why."""
    folder = tmp_path / "docs"
    write_docs(folder, 2, 3)
    (folder / "lonely.fa.txt").write_text("سلام\n", "utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "orphan.en.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHi\n")
    (folder / "notes.txt").write_text("x\n", "utf-8")
    out = tmp_path / "out"
    report = build_corpus(folder, out, settings=fake_settings())
    assert (report.ok, report.failed, report.exit_code) == (2, 0, 0)

    tsv = pl.read_csv(out / "summary.tsv", separator="\t", infer_schema=False)
    parquet = pl.read_parquet(out / "summary.parquet")
    for summary in (tsv, parquet):
        assert summary["id"].to_list() == [
            "doc0", "doc1", "lonely.fa.txt", "notes.txt", "sub/orphan.en.srt"
        ]
        assert summary["status"].to_list() == ["ok", "ok", "unpaired", "unpaired", "unpaired"]
    why = dict(zip(tsv["id"], tsv["error"], strict=True))
    assert why["lonely.fa.txt"] == "no English beside it (lonely.en.txt or lonely.en.docx)"
    assert why["sub/orphan.en.srt"] == "no original beside it (orphan.ar.srt or orphan.fa.srt)"
    assert why["notes.txt"].startswith("the name gives no language")
    files = dict(zip(tsv["id"], zip(tsv["original"], tsv["english"], strict=True), strict=True))
    assert files["lonely.fa.txt"] == (str(folder / "lonely.fa.txt"), None)
    assert files["sub/orphan.en.srt"] == (None, str(folder / "sub" / "orphan.en.srt"))
    # the columns stay as they were, and the pairs' sums are unchanged
    assert tsv.columns[:3] == ["id", "status", "error"] and len(tsv.columns) == 15
    assert parquet["beads_kept"].sum() == report.beads_kept


def test_sigterm_to_a_two_worker_build_ends_with_one_line(tmp_path: Path) -> None:
    """`timeout -s TERM` (the whole process group) on a two-worker build printed, after
    its messages, a blank line and resource_tracker's "There appear to be 2 leaked
    semaphore objects" warning: the workers died without unregistering tqdm's lock."""
    folder = tmp_path / "docs"
    write_docs(folder, 8, 3)
    out = tmp_path / "out"
    args = faked_cli_build(folder, out)
    proc = subprocess.Popen(
        [*args, "--workers", "2"], env={**os.environ, SLOW_ENV: "0.4"},
        start_new_session=True, stderr=subprocess.PIPE,
    )
    pairs = out / "pairs"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(list(pairs.glob("*.parquet"))) < 2:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGTERM)  # as `timeout` and service managers do
    _, err = proc.communicate(timeout=30)  # also waits for the resource tracker's stderr
    text = err.decode()
    assert proc.returncode == 143, text
    assert "Traceback" not in text and "leaked semaphore" not in text, text
    [line] = text.splitlines()
    assert line.startswith("mlalign: terminated; ") and line.endswith("rerun to resume")


def test_a_dead_workers_exit_code_is_read_after_the_pool_reaped_it() -> None:
    """The pool's manager thread and the engine both wait on a dead worker; the loser of that
    race read no exit code for a moment, and a worker killed by SIGKILL was reported as
    "ended abruptly" (16 of 150 runs of a bare pool on a loaded machine). The code is asked
    for again until it is there."""
    from mlalign.corpus.local import _exit_code, describe_exit

    class ReapedByAnotherThread:
        def __init__(self) -> None:
            self.reads = 0

        def join(self, timeout: float | None = None) -> None:
            pass

        @property
        def exitcode(self) -> int | None:
            self.reads += 1
            return None if self.reads < 4 else -signal.SIGKILL

    assert describe_exit(_exit_code(ReapedByAnotherThread())).startswith("killed by SIGKILL")
