"""Argos Translate package management: list, validate, install, remove.

Packages live where argostranslate keeps them (ARGOS_PACKAGES_DIR, else
$XDG_DATA_HOME/argos-translate/packages), so packages installed by `argospm` are seen and
ours are seen by argostranslate. Unlike `argostranslate.package.install_from_path`, which
extracts any zip straight into that directory, an archive is validated BEFORE anything is
written, extracted into a hidden temp folder, its model loaded, and only then renamed into
place: a refused archive leaves the packages directory exactly as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from mlalign.errors import ModelError, NetworkError, PackageRefused

DEFAULT_MAX_BYTES = 2 * 1024**3
MAX_RATIO = 200  # uncompressed/compressed per member; real models compress ~1.1x
INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
VOCAB_FILES = ("shared_vocabulary.json", "shared_vocabulary.txt", "source_vocabulary.json",
               "source_vocabulary.txt")
_TMP_PREFIX = ".mlalign-install-"


def packages_dir() -> Path:
    """The directory argostranslate installs into (same defaults, so both tools agree)."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        path = Path(env).expanduser()
        if path.exists() and not path.is_dir():
            raise ModelError(f"ARGOS_PACKAGES_DIR={env} is not a folder")
        return path
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "argos-translate" / "packages"


@dataclass(frozen=True)
class InstalledPackage:
    """One installed translation package, as read from its metadata.json."""

    name: str
    path: Path
    from_code: str
    to_code: str
    version: str
    size_bytes: int
    tokenizer: str  # "sentencepiece" or "bpe"
    target_prefix: str = ""
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    problem: str = ""  # why the package cannot translate ("" = usable)

    @property
    def package_id(self) -> str:
        return f"translate-{self.from_code}_{self.to_code}"

    @property
    def usable(self) -> bool:
        return not self.problem


def _dir_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def _version_key(version: str) -> tuple:
    parts: list[tuple[int, Any]] = []
    for part in version.replace("-", ".").split("."):
        parts.append((0, int(part)) if part.isdecimal() else (1, part))
    return tuple(parts)


def package_problem(path: Path) -> str:
    """Why a package folder cannot translate, or "" when it has the files translation loads.

    An interrupted copy or a half-removed package keeps its metadata.json, so it would
    otherwise be listed, and chosen over an older working version, like a complete one.
    """
    if not (path / "model" / "model.bin").is_file():
        return "incomplete: no model/model.bin"
    if not any((path / name).is_file() for name in ("sentencepiece.model", "bpe.model")):
        return "incomplete: no sentencepiece.model or bpe.model"
    return ""


def read_package(path: Path) -> InstalledPackage | None:
    """Describe an installed package folder; None when it is not a translate package.

    An incomplete package is still returned (with `problem` set) so that `models list`
    can show it and `models remove` can remove it."""
    meta_path = path / "metadata.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        return None
    from_code, to_code = meta.get("from_code"), meta.get("to_code")
    if not isinstance(from_code, str) or not isinstance(to_code, str):
        return None
    tokenizer = "sentencepiece" if (path / "sentencepiece.model").exists() else "bpe"
    return InstalledPackage(
        name=path.name, path=path, from_code=from_code, to_code=to_code,
        version=str(meta.get("package_version", "")), size_bytes=_dir_size(path),
        tokenizer=tokenizer, target_prefix=str(meta.get("target_prefix", "") or ""),
        metadata=meta, problem=package_problem(path),
    )


def list_installed(directory: Path | None = None) -> list[InstalledPackage]:
    """All installed translate packages, sorted by pair then version (newest last),
    unusable ones included (see `InstalledPackage.problem`)."""
    root = directory or packages_dir()
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.name.startswith(".") or not child.is_dir():
            continue
        pkg = read_package(child)
        if pkg is not None:
            found.append(pkg)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, _version_key(p.version)))


def find_package(from_code: str, to_code: str = "en",
                 directory: Path | None = None) -> InstalledPackage:
    """The newest usable package for a pair, or a ModelError saying how to get one."""
    pair = [p for p in list_installed(directory)
            if p.from_code == from_code and p.to_code == to_code]
    matches = [p for p in pair if p.usable]
    if not matches:
        broken = f" ({pair[-1].path} is {pair[-1].problem}: reinstall or remove it)" if pair else ""
        raise ModelError(
            f"no installed Argos package translates {from_code}->{to_code}{broken}; run "
            f"`mlalign models install {from_code} {to_code}` (needs internet) or "
            f"`mlalign models install FILE.argosmodel`"
        )
    return matches[-1]


# ---------------------------------------------------------------- validation


def _refuse(path: Path, why: str) -> PackageRefused:
    return PackageRefused(f"{path}: refused: {why}")


def _member_parts(name: str) -> tuple[str, ...] | None:
    """Path components of a zip member, or None when the name is unsafe."""
    if not name or "\x00" in name or "\\" in name:
        return None
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = tuple(p for p in PurePosixPath(name).parts if p not in ("", "."))
    if not parts or any(p == ".." for p in parts):
        return None
    return parts


@dataclass(frozen=True)
class ArchiveInfo:
    """What validation learnt about an archive: its top folder and metadata."""

    top: str
    metadata: dict[str, Any]
    total_bytes: int


def validate_archive(path: str | os.PathLike[str], *, expect: tuple[str, str] | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> ArchiveInfo:
    """Check an .argosmodel without extracting it; raise PackageRefused on any problem."""
    path = Path(path)
    if path.is_dir():
        raise ModelError(f"{path}: is a folder; give the .argosmodel file")
    if not path.is_file():
        raise ModelError(f"{path}: no such package file")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse(path, f"not a readable zip archive ({exc})") from None
    with zf:
        infos = zf.infolist()
        if not infos:
            raise _refuse(path, "empty archive")
        tops: set[str] = set()
        files: dict[tuple[str, ...], zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            parts = _member_parts(info.filename)
            if parts is None:
                raise _refuse(path, f"unsafe member path {info.filename!r}")
            mode = info.external_attr >> 16
            ftype = stat.S_IFMT(mode)
            if ftype == stat.S_IFLNK:
                raise _refuse(path, f"symbolic link member {info.filename!r}")
            if ftype not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise _refuse(path, f"special file member {info.filename!r}")
            if info.flag_bits & 0x1:
                raise _refuse(path, f"encrypted member {info.filename!r}")
            tops.add(parts[0])
            if info.is_dir():
                continue
            if len(parts) == 1:
                raise _refuse(path, f"file {info.filename!r} outside the package folder")
            total += info.file_size
            if total > max_bytes:
                raise _refuse(path, f"uncompressed size exceeds the {max_bytes} byte limit")
            if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _refuse(path, f"member {info.filename!r} has a suspicious compression "
                                    f"ratio (zip bomb?)")
            files[parts[1:]] = info
        if len(tops) != 1:
            raise _refuse(path, f"expected exactly one top-level folder, found {len(tops)}")
        top = next(iter(tops))
        if top.startswith("."):
            raise _refuse(path, f"hidden top-level folder {top!r}")
        meta_info = files.get(("metadata.json",))
        if meta_info is None:
            raise _refuse(path, "missing metadata.json")
        if meta_info.file_size > 1_000_000:
            raise _refuse(path, "metadata.json is implausibly large")
        try:
            meta = json.loads(zf.read(meta_info).decode("utf-8"))
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
            raise _refuse(path, f"metadata.json is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise _refuse(path, "metadata.json is not an object")
    if meta.get("type", "translate") != "translate":
        raise _refuse(path, f"package type {meta.get('type')!r} is not a translation package")
    for key in ("from_code", "to_code", "package_version"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            raise _refuse(path, f"metadata.json lacks {key!r}")
    if ("model", "model.bin") not in files:
        raise _refuse(path, "missing CTranslate2 model/model.bin")
    if not any(("model", v) in files for v in VOCAB_FILES):
        raise _refuse(path, "missing CTranslate2 vocabulary in model/")
    if ("sentencepiece.model",) not in files and ("bpe.model",) not in files:
        raise _refuse(path, "missing sentencepiece.model or bpe.model")
    if expect is not None and (meta["from_code"], meta["to_code"]) != tuple(expect):
        raise _refuse(path, f"archive translates {meta['from_code']}->{meta['to_code']}, "
                            f"not {expect[0]}->{expect[1]}")
    return ArchiveInfo(top=top, metadata=meta, total_bytes=total)


def _extract(path: Path, info: ArchiveInfo, dest: Path) -> None:
    """Extract regular files and folders only, never trusting declared sizes."""
    with zipfile.ZipFile(path) as zf:
        budget = info.total_bytes
        for member in zf.infolist():
            parts = _member_parts(member.filename)
            assert parts is not None  # validated
            target = dest.joinpath(*parts)
            if member.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as out:
                while chunk := src.read(1 << 20):
                    budget -= len(chunk)
                    if budget < 0:
                        raise _refuse(path, "archive expands beyond its declared size")
                    out.write(chunk)


def check_loadable(pkg_dir: Path) -> None:
    """Load the model and tokenizer once, so a corrupt package is refused at install."""
    import ctranslate2
    import sentencepiece as spm

    try:
        ctranslate2.Translator(str(pkg_dir / "model"), device="cpu", compute_type="auto",
                               intra_threads=1)
    except Exception as exc:  # noqa: BLE001 - ctranslate2 raises RuntimeError/ValueError
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PackageRefused(f"{pkg_dir.name}: refused: CTranslate2 cannot load the model "
                             f"({msg})") from None
    sp_path = pkg_dir / "sentencepiece.model"
    if sp_path.exists():
        try:
            spm.SentencePieceProcessor(model_file=str(sp_path))
        except Exception as exc:  # noqa: BLE001
            raise PackageRefused(f"{pkg_dir.name}: refused: unreadable sentencepiece.model "
                                 f"({exc})") from None


def install_from_file(path: str | os.PathLike[str], *, expect: tuple[str, str] | None = None,
                      directory: Path | None = None,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> InstalledPackage:
    """Validate, extract to a temp folder, load, then atomically move into place."""
    path = Path(path)
    info = validate_archive(path, expect=expect, max_bytes=max_bytes)
    root = directory or packages_dir()
    created_root = not root.exists()
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=root))
    old: Path | None = None
    try:
        _extract(path, info, tmp)
        staged = tmp / info.top
        check_loadable(staged)
        final = root / info.top
        if final.exists():
            old = tmp / ".previous"
            os.replace(final, old)
        os.replace(staged, final)
    except BaseException:
        if old is not None and not (root / info.top).exists():
            os.replace(old, root / info.top)
        shutil.rmtree(tmp, ignore_errors=True)
        if created_root:
            with contextlib.suppress(OSError):
                root.rmdir()
        raise
    shutil.rmtree(tmp, ignore_errors=True)
    pkg = read_package(root / info.top)
    assert pkg is not None
    return pkg


def remove(from_code: str, to_code: str | None = None,
           directory: Path | None = None) -> list[InstalledPackage]:
    """Remove every package for a pair (`remove("fa", "en")`) or one by folder name."""
    installed = list_installed(directory)
    if to_code is None:
        victims = [p for p in installed if p.name == from_code]
        label = from_code
    else:
        victims = [p for p in installed if (p.from_code, p.to_code) == (from_code, to_code)]
        label = f"{from_code}->{to_code}"
    if not victims:
        hint = " (a pair is two codes: remove fa en)" if to_code is None and len(from_code) <= 3 else ""
        raise ModelError(f"no installed package matches {label}{hint}")
    for pkg in victims:  # checked for all first: a refused removal must not leave half a package
        if not os.access(pkg.path.parent, os.W_OK | os.X_OK):
            raise ModelError(f"{pkg.path.parent}: not writable; {pkg.name} was not removed")
    for pkg in victims:
        if pkg.path.is_symlink():  # a package linked in from elsewhere: remove the link only
            pkg.path.unlink()
            continue
        # renamed out of sight first, so a failure part-way never leaves a broken package
        doomed = pkg.path.with_name(f".removing-{pkg.path.name}")
        os.replace(pkg.path, doomed)
        shutil.rmtree(doomed, ignore_errors=True)
    return victims


# ---------------------------------------------------------------- index (network)


def index_url() -> str:
    """The same remote index argostranslate uses (ARGOS_PACKAGE_INDEX overrides the base)."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    return base.rstrip("/") + "/index.json" if base else INDEX_URL


def fetch_index(timeout: float = 8.0) -> list[dict[str, Any]]:
    """Download the package index; NetworkError (one line) when it is unreachable."""
    url = index_url()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310
            data = json.loads(resp.read().decode("utf-8"))
    except ValueError:
        raise NetworkError(f"package index {url} returned invalid JSON") from None
    except Exception as exc:  # noqa: BLE001 - DNS, TLS, proxy, sandbox guards: all "offline"
        reason = getattr(exc, "reason", exc)
        raise NetworkError(f"package index {url} is unreachable ({reason})") from None
    if not isinstance(data, list):
        raise NetworkError(f"package index {url} has an unexpected format")
    return [m for m in data if isinstance(m, dict)]


def index_available(timeout: float = 5.0) -> tuple[bool, list[dict[str, Any]] | str]:
    """(True, index entries) or (False, why) — for `models list --index`."""
    try:
        return True, fetch_index(timeout)
    except NetworkError as exc:
        return False, str(exc)


def install_from_index(from_code: str, to_code: str = "en", *, directory: Path | None = None,
                       timeout: float = 30.0) -> InstalledPackage:
    """Find the pair in argostranslate's index, download it, install via the validated path."""
    from argostranslate.package import AvailablePackage, argospm_package_name

    entries = fetch_index(timeout=min(timeout, 10.0))
    candidates = [AvailablePackage(m) for m in entries]
    candidates = [p for p in candidates if p.type == "translate"
                  and (p.from_code, p.to_code) == (from_code, to_code)]
    if not candidates:
        raise ModelError(f"the package index has no {from_code}->{to_code} package")
    best = max(candidates, key=lambda p: _version_key(p.package_version))
    root = directory or packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=".argosmodel", dir=root)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        last: Exception | None = None
        for link in best.links:
            try:
                with urllib.request.urlopen(link, timeout=timeout) as resp, \
                        open(tmp, "wb") as out:  # noqa: S310
                    shutil.copyfileobj(resp, out, 1 << 20)
                last = None
                break
            except Exception as exc:  # noqa: BLE001 - any failure means try the next mirror
                last = exc
        if last is not None or not best.links:
            raise NetworkError(f"download of {argospm_package_name(best)} failed ({last})")
        return install_from_file(tmp, expect=(from_code, to_code), directory=root)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
