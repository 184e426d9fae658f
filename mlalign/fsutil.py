"""Atomic file writing: outputs appear whole or not at all, and a failed run keeps the old file.

Durable too: a temporary file is flushed to disk (fsync) before it is renamed over the
output, and the folder after the rename, so a power cut or a kernel crash leaves the old
file or the new one, never a renamed empty or truncated one (on ext4 and XFS a rename
reaches the disk before the data written just before it unless the data is synced).
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from mlalign.errors import InputError


def _final_mode(target: Path) -> int:
    """The permissions the finished file should have: the replaced file's own, else what a
    plain open() would give under the process's umask (mkstemp makes its file private,
    0600, and a renamed output would keep that: unreadable to the rest of a team)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(target.stat().st_mode)
    return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without setting it where Linux allows (setting it, even
    for a moment, would change the mode of files other threads create meanwhile)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# The files of one output set (`atomic_group`) waiting to be renamed into place together.
_PENDING: contextvars.ContextVar[list[tuple[Path, Path]] | None] = contextvars.ContextVar(
    "mlalign_pending_outputs", default=None)


def output_target(target: str | os.PathLike[str]) -> Path:
    """Where writing `target` should land: a symbolic link is followed (its file is
    replaced, not the link); a device, pipe or folder is refused, since renaming a file over
    it would destroy it (`-o /dev/null` once replaced the system's /dev/null)."""
    path = Path(target)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file path (or a stem) for the output")
    if path.exists() and not path.is_file():
        raise InputError(f"{path}: exists and is not a regular file; not writing over it")
    return path


def check_writable(target: str | os.PathLike[str]) -> Path:
    """Fail now, with the output's own name, if `target` cannot be written: checked before
    the work that produces it, not after."""
    path = output_target(target)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise InputError(f"{path}: cannot be created, {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{path}: cannot be written, {folder} is not writable")
    return path


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: the same inode (a hard or symbolic link counts),
    or, where one does not exist yet, the same absolute path."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        return False
    return os.path.realpath(a) == os.path.realpath(b)


def check_not_input(target: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]],
                    what: str = "output") -> None:
    """Refuse an output that would overwrite one of the run's inputs."""
    for given in inputs:
        if same_file(target, given):
            raise InputError(f"{target}: is an input file; the {what} would overwrite it "
                             "(choose another output path)")


def check_file_output(out: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> Path:
    """The checks for a command's single output file, before its work: not a folder (a
    trailing slash says one is meant), writable, and none of the inputs."""
    raw = os.fspath(out)
    if raw.endswith(("/", os.sep)):
        raise InputError(f"{raw}: names a folder; give a file path for the output")
    target = check_writable(raw)
    check_not_input(target, inputs)
    return target


@contextlib.contextmanager
def atomic_group() -> Iterator[None]:
    """Make every `atomic_path` write inside land together: the files are renamed into
    place only when the whole block succeeds, so a failure part-way through a set of
    outputs (a full disk at the third format) leaves none of them, not some."""
    pending: list[tuple[Path, Path]] = []
    token = _PENDING.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _ in pending:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise
    finally:
        _PENDING.reset(token)
    for tmp, target in pending:
        os.replace(tmp, target)
    for folder in dict.fromkeys(target.parent for _, target in pending):
        fsync_folder(folder)


def fsync_file(path: Path) -> None:
    """Flush a file written (and closed) by whoever wrote it to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk, where the OS allows: Windows
    cannot open a folder, and some file systems refuse fsync on one."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` only on success
    (at the end of the enclosing `atomic_group`, if any), after syncing it to disk, and
    sync the folder after the rename. Errors name `target`, not the hidden temporary file.

    `durable=False` skips both syncs, for a file whose reader checks it and can make it
    anew (a corpus build's per-pair files: one left empty by a power cut is redone)."""
    target = output_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(target)) from None
    os.fchmod(fd, _final_mode(target))
    os.close(fd)
    tmp_path = Path(tmp)
    pending = _PENDING.get()
    try:
        yield tmp_path
        if durable:
            fsync_file(tmp_path)  # the data on disk before the rename can be
        if pending is not None:
            pending.append((tmp_path, target))
        else:
            os.replace(tmp_path, target)
            if durable:
                fsync_folder(target.parent)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        if isinstance(exc, OSError) and exc.filename == str(tmp_path):
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
        raise


@contextlib.contextmanager
def atomic_open(
    target: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8"
) -> Iterator[IO]:
    """Open a temporary file beside `target` for writing; rename it into place on success."""
    if "b" in mode:
        encoding = None
    # closed (so flushed) before `atomic_path` syncs it to disk and renames it
    with atomic_path(target) as tmp, open(tmp, mode, encoding=encoding, newline="" if encoding else None) as fh:
        yield fh


def atomic_write_text(target: str | os.PathLike[str], text: str) -> None:
    with atomic_open(target, "w") as fh:
        fh.write(text)


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_open(target, "wb") as fh:
        fh.write(data)
