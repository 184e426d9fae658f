"""Test isolation: caches and Argos packages live in a per-session temporary directory,
so tests never read a user's installed models or write to their caches."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    session_dir = Path(tempfile.mkdtemp(prefix="mlalign-tests-"))
    os.environ.setdefault("MLALIGN_CACHE_DIR", str(session_dir / "cache"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(session_dir / "argos-packages")
    os.environ.setdefault("XDG_CACHE_HOME", str(session_dir / "xdg-cache"))


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
