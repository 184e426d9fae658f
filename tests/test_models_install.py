"""Package installation: valid archives install atomically; hostile ones are refused and
leave the packages directory byte-for-byte as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from argos_fixture import build_tiny_argosmodel

from mlalign.errors import ModelError, PackageRefused
from mlalign.translate import packages as pk

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_argosmodel(tmp_path_factory.mktemp("pkg"), "fa", "en", seed=1)


@pytest.fixture()
def pkgdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "packages"
    d.mkdir()
    (d / "existing-note.txt").write_text("keep me")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(d))
    return d


def listing(d: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(d)), p.stat().st_size if p.is_file() else -1)
                  for p in d.rglob("*"))


def rewrite(src: Path, dst: Path, *, drop: str | None = None,
            replace: dict[str, bytes] | None = None,
            extra: list[tuple[zipfile.ZipInfo | str, bytes]] = ()) -> Path:
    """Copy an archive, dropping/replacing members and appending hostile ones."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if drop and info.filename.endswith(drop):
                continue
            data = (replace or {}).get(info.filename.split("/", 1)[-1], zin.read(info))
            zout.writestr(info, data)
        for name, data in extra:
            zout.writestr(name, data)
    return dst


def symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (0o120777 << 16)
    return info


def test_install_list_remove(good: Path, pkgdir: Path) -> None:
    pkg = pk.install_from_file(good)
    assert (pkg.from_code, pkg.to_code, pkg.version) == ("fa", "en", "1.0")
    assert pkg.path.parent == pkgdir and (pkg.path / "model" / "model.bin").is_file()
    assert not [p for p in pkgdir.iterdir() if p.name.startswith(".")]  # temp dir cleaned
    [listed] = pk.list_installed()
    assert listed.size_bytes > 100_000 and listed.name == "translate-fa_en-1_0"
    assert pk.find_package("fa", "en").path == pkg.path
    pk.install_from_file(good)  # reinstall replaces in place
    assert len(pk.list_installed()) == 1
    removed = pk.remove("fa", "en")
    assert [r.name for r in removed] == ["translate-fa_en-1_0"]
    assert pk.list_installed() == []
    with pytest.raises(ModelError, match="no installed package"):
        pk.remove("fa", "en")


def test_find_package_message(pkgdir: Path) -> None:
    with pytest.raises(ModelError) as err:
        pk.find_package("fa", "en")
    msg = str(err.value)
    assert "fa->en" in msg and "mlalign models install fa en" in msg and "\n" not in msg


HOSTILE = {
    "dotdot": dict(extra=[("translate-fa_en-1_0/../../evil.txt", b"x")]),
    "absolute": dict(extra=[("/tmp/mlalign-evil.txt", b"x")]),
    "symlink": dict(extra=[(symlink_info("translate-fa_en-1_0/link"), b"/etc/passwd")]),
    "bomb": dict(extra=[("translate-fa_en-1_0/pad.bin", b"\0" * 30_000_000)]),
    "no_metadata": dict(drop="metadata.json"),
    "corrupt_model": dict(replace={"model/model.bin": os.urandom(4096)}),
    "two_tops": dict(extra=[("other-folder/readme.txt", b"hello")]),
    "no_tokenizer": dict(drop="sentencepiece.model"),
    "bad_metadata": dict(replace={"metadata.json": b"{\"from_code\": \"fa\"}"}),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_archive_refused_directory_unchanged(kind: str, good: Path, pkgdir: Path,
                                                     tmp_path: Path) -> None:
    pk.install_from_file(good)
    before = listing(pkgdir)
    bad = rewrite(good, tmp_path / f"{kind}.argosmodel", **HOSTILE[kind])
    with pytest.raises(PackageRefused) as err:
        pk.install_from_file(bad)
    assert "\n" not in str(err.value) and "refused" in str(err.value)
    assert listing(pkgdir) == before
    assert not Path("/tmp/mlalign-evil.txt").exists()


def test_size_limit_and_wrong_pair(good: Path, pkgdir: Path) -> None:
    before = listing(pkgdir)
    with pytest.raises(PackageRefused, match="byte limit"):
        pk.install_from_file(good, max_bytes=10_000)
    with pytest.raises(PackageRefused, match="fa->en, not ar->en"):
        pk.install_from_file(good, expect=("ar", "en"))
    assert listing(pkgdir) == before


def test_not_a_zip(pkgdir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "x.argosmodel"
    bad.write_bytes(b"definitely not a zip")
    with pytest.raises(PackageRefused, match="not a readable zip"):
        pk.install_from_file(bad)


def _cli(args: list[str], env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **env_extra, "PYTHONPATH": str(ROOT / "tests")}
    guard = ("import socket\n"
             "def _b(*a, **k):\n    raise OSError('network blocked by test')\n"
             "socket.getaddrinfo = _b\nsocket.socket.connect = _b\n"
             "from mlalign.cli import main\nimport sys\nmain(sys.argv[1:])\n")
    return subprocess.run([sys.executable, "-c", guard, *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_cli_models_offline(good: Path, pkgdir: Path, tmp_path: Path) -> None:
    env = {"ARGOS_PACKAGES_DIR": str(pkgdir)}
    res = _cli(["models", "install", str(good), "fa", "en"], env)
    assert res.returncode == 0, res.stderr
    assert "installed fa->en v1.0" in res.stdout
    res = _cli(["models", "list", "--index"], env)
    assert res.returncode == 0, res.stderr
    assert "fa->en" in res.stdout and "unreachable" in res.stdout
    bad = rewrite(good, tmp_path / "evil.argosmodel",
                  extra=[("translate-fa_en-1_0/../../evil.txt", b"x")])
    before = listing(pkgdir)
    res = _cli(["models", "install", str(bad)], env)
    assert res.returncode == 3 and res.stderr.count("\n") == 1
    assert "unsafe member path" in res.stderr and "Traceback" not in res.stderr
    assert listing(pkgdir) == before
    res = _cli(["models", "install", "fa", "en"], env)
    assert res.returncode == 4 and "unreachable" in res.stderr
    res = _cli(["models", "remove", "fa", "en"], env)
    assert res.returncode == 0 and "removed fa->en" in res.stdout
    assert json.dumps(pk.list_installed(pkgdir)) == "[]"


def test_remove_is_all_or_nothing_and_a_linked_package_loses_only_its_link(good: Path, tmp_path: Path) -> None:
    from mlalign.translate.packages import install_from_file, list_installed, remove

    elsewhere, root = tmp_path / "elsewhere", tmp_path / "packages"
    pkg = install_from_file(good, directory=elsewhere)
    root.mkdir()
    (root / "linked").symlink_to(pkg.path, target_is_directory=True)
    assert [p.name for p in remove("fa", "en", directory=root)] == ["linked"]
    assert not (root / "linked").exists() and pkg.path.is_dir()  # the real package stays
    with pytest.raises(ModelError, match="a pair is two codes"):
        remove("fa", directory=elsewhere)
    assert [p.name for p in list_installed(elsewhere)] == [pkg.name]


def test_a_file_and_one_code_is_a_usage_error_not_a_download(good: Path) -> None:
    from click.testing import CliRunner

    from mlalign.cli import cli

    res = CliRunner().invoke(cli, ["models", "install", str(good), "fa"])
    assert res.exit_code != 0 and "usage: mlalign models install" in str(res.exception or res.output)


def _metadata_only(pkgdir: Path, version: str) -> Path:
    """A newer fa->en package folder holding only metadata.json (an interrupted copy)."""
    folder = pkgdir / f"translate-fa_en-{version.replace('.', '_')}"
    folder.mkdir()
    (folder / "metadata.json").write_text(json.dumps(
        {"type": "translate", "from_code": "fa", "to_code": "en", "package_version": version}))
    return folder


def test_find_package_passes_over_a_newer_package_without_its_model(good: Path,
                                                                    pkgdir: Path) -> None:
    working = pk.install_from_file(good)
    _metadata_only(pkgdir, "1.1")
    assert pk.find_package("fa", "en").path == working.path


def test_only_an_incomplete_package_is_a_one_line_error_naming_it(pkgdir: Path) -> None:
    broken = _metadata_only(pkgdir, "1.1")
    with pytest.raises(ModelError) as err:
        pk.find_package("fa", "en")
    msg = str(err.value)
    assert f"{broken} is incomplete: no model/model.bin" in msg and "\n" not in msg


def test_models_list_shows_an_incomplete_package_with_the_reason(good: Path, pkgdir: Path) -> None:
    from click.testing import CliRunner

    from mlalign.cli import cli

    pk.install_from_file(good)
    broken = _metadata_only(pkgdir, "1.1")
    res = CliRunner().invoke(cli, ["models", "list"])
    assert res.exit_code == 0, res.output
    [line] = [x for x in res.output.splitlines() if str(broken) in x]
    assert "incomplete: no model/model.bin" in line
