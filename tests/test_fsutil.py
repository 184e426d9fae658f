"""Atomic writes: the finished file has the permissions a plain write would give."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mlalign.fsutil import atomic_open, atomic_write_text


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_output_is_readable_by_others_under_the_usual_umask(tmp_path: Path, umask_022) -> None:
    out = tmp_path / "corpus.tmx"
    atomic_write_text(out, "<tmx/>")
    assert _mode(out) == 0o644  # not mkstemp's private 0600
    assert out.read_text() == "<tmx/>"


def test_the_umask_is_honoured(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        atomic_write_text(tmp_path / "private.jsonl", "{}\n")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "private.jsonl") == 0o600


def test_a_replaced_output_keeps_its_own_permissions(tmp_path: Path, umask_022) -> None:
    out = tmp_path / "report.html"
    out.write_text("old")
    out.chmod(0o640)
    with atomic_open(out) as fh:
        fh.write("new")
    assert (_mode(out), out.read_text()) == (0o640, "new")


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old")
    with pytest.raises(RuntimeError), atomic_open(out) as fh:
        fh.write("half")
        raise RuntimeError("disk full")
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
