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


def test_a_group_of_outputs_lands_together_or_not_at_all(tmp_path: Path) -> None:
    from mlalign.fsutil import atomic_group

    (tmp_path / "a.html").write_text("old")
    with pytest.raises(RuntimeError), atomic_group():
        atomic_write_text(tmp_path / "a.html", "new")
        atomic_write_text(tmp_path / "a.jsonl", "new")
        raise RuntimeError("the third format failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]
    assert (tmp_path / "a.html").read_text() == "old"
    with atomic_group():
        atomic_write_text(tmp_path / "a.html", "new")
        assert (tmp_path / "a.html").read_text() == "old"  # not yet: at the group's end
        atomic_write_text(tmp_path / "a.jsonl", "new")
    assert [(tmp_path / n).read_text() for n in ("a.html", "a.jsonl")] == ["new", "new"]


def test_a_failed_rename_names_the_output_not_the_hidden_file(tmp_path: Path) -> None:
    (tmp_path / "x.tmx").mkdir()
    from mlalign.errors import InputError

    with pytest.raises(InputError, match=r"x\.tmx: is a folder"):
        atomic_write_text(tmp_path / "x.tmx", "<tmx/>")
    assert [p.name for p in tmp_path.iterdir()] == ["x.tmx"]


def test_a_link_is_followed_and_a_pipe_refused(tmp_path: Path) -> None:
    from mlalign.errors import InputError

    real, link = tmp_path / "real.txt", tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "through the link")
    assert link.is_symlink() and real.read_text() == "through the link"
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match="not a regular file"):
        atomic_write_text(tmp_path / "pipe", "x")
    assert (tmp_path / "pipe").is_fifo()


def _record_syncs(monkeypatch) -> list[tuple[str, str]]:
    """Record fsync (of a file or a folder) and os.replace calls, in order."""
    calls: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append(("fsync", "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"))
        real_fsync(fd)

    def replace(src, dst) -> None:
        calls.append(("replace", Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return calls


def test_an_output_is_synced_to_disk_before_it_is_renamed(tmp_path: Path, monkeypatch) -> None:
    """A rename reaching the disk before the data left a power cut's outputs empty."""
    from mlalign.fsutil import atomic_path

    calls = _record_syncs(monkeypatch)
    atomic_write_text(tmp_path / "a.txt", "text")
    with atomic_path(tmp_path / "b.bin") as tmp:
        tmp.write_bytes(b"written by path, as pyarrow writes")
    assert calls == [("fsync", "file"), ("replace", "a.txt"), ("fsync", "folder"),
                     ("fsync", "file"), ("replace", "b.bin"), ("fsync", "folder")]
    assert (tmp_path / "b.bin").read_bytes().startswith(b"written")


def test_a_group_syncs_each_file_before_the_renames_and_the_folder_after(
    tmp_path: Path, monkeypatch
) -> None:
    from mlalign.fsutil import atomic_group

    calls = _record_syncs(monkeypatch)
    with atomic_group():
        atomic_write_text(tmp_path / "x.tsv", "1\n")
        atomic_write_text(tmp_path / "y.json", "{}\n")
    assert calls == [("fsync", "file"), ("fsync", "file"), ("replace", "x.tsv"),
                     ("replace", "y.json"), ("fsync", "folder")]
