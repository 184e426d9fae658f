"""The whole audit runs with networking blocked: nothing touches the network unasked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUARD = """
import socket

class NetworkBlocked(RuntimeError):
    pass

def _blocked(*args, **kwargs):
    raise NetworkBlocked("network access attempted: %r" % (args[1:] if len(args) > 1 else args,))

socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.socket.sendto = _blocked
socket.getaddrinfo = _blocked
socket.create_connection = _blocked
"""


def guarded_env(tmp_path: Path) -> dict[str, str]:
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(guard_dir), env.get("PYTHONPATH", "")])
    env["MLALIGN_CACHE_DIR"] = str(tmp_path / "cache")
    return env


def test_guard_really_blocks(tmp_path: Path) -> None:
    code = "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9', timeout=1)"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=guarded_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0
    assert "network access attempted" in proc.stderr


def test_sample_audit_runs_offline(tmp_path: Path) -> None:
    out = tmp_path / "audit"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlalign",
            "align",
            str(ROOT / "samples" / "baghdad-isis-threat.fa.txt"),
            str(ROOT / "samples" / "baghdad-isis-threat.en.txt"),
            "-f",
            "jsonl,html",
            "-o",
            str(out),
            "-q",
        ],
        env=guarded_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "network access attempted" not in proc.stderr
    beads = [
        json.loads(x) for x in out.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(beads) > 10
    assert out.with_suffix(".html").stat().st_size > 1000
