"""Two audits running at once against the same caches give the same, uncorrupted results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_two_concurrent_runs_share_caches_safely(tmp_path: Path) -> None:
    env = dict(os.environ, MLALIGN_CACHE_DIR=str(tmp_path / "cache"))
    src = ROOT / "samples" / "baghdad-isis-threat.ar.txt"
    tgt = ROOT / "samples" / "baghdad-isis-threat.en.txt"
    outs = [tmp_path / f"run{i}.jsonl" for i in range(2)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "mlalign", "align", str(src), str(tgt), "-o", str(out), "-q"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in outs
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    first, second = (o.read_text(encoding="utf-8") for o in outs)
    assert first == second
    # a third run reads the now-warm cache and still agrees
    third = tmp_path / "run2.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "mlalign", "align", str(src), str(tgt), "-o", str(third), "-q"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert third.read_text(encoding="utf-8") == first
    assert all(json.loads(line)["src_ids"] is not None for line in first.splitlines())
