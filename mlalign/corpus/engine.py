"""The `Engine` protocol: how pairs are spread over workers, and how to pick an engine.

An engine takes the pairs still to do and yields one `PairResult` per pair as soon as it
is ready (in any order); the caller writes them, so every engine shares the result format.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Protocol

from mlalign.corpus.inputs import PairTask
from mlalign.corpus.worker import PairResult, Settings

ENGINES = ("local", "ray")


class Engine(Protocol):
    """Runs `Worker.run` over tasks; `workers` is how many model copies are loaded."""

    name: str
    workers: int

    def map_pairs(self, tasks: Iterable[PairTask], settings: Settings) -> Iterator[PairResult]:
        """Yield a result per task, as each completes."""
        ...

    def describe(self) -> dict[str, object]:
        """Engine details for run.json."""
        ...


def available_cores() -> int:
    """Cores this process may use (affinity-aware), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def threads_per_worker(workers: int) -> int:
    """Native threads each worker may use: cores // workers, at least 1."""
    return max(1, available_cores() // max(1, workers))


def make_engine(name: str, workers: int = 1, address: str | None = None) -> Engine:
    """`local` (process pool) or `ray` (actors; Ray imported only here, on demand)."""
    from mlalign.errors import InputError

    if name == "local":
        if address:  # silently running locally would hide a typo'd --engine
            raise InputError("an address is for --engine ray; the local engine takes none")
        from mlalign.corpus.local import LocalEngine

        return LocalEngine(workers=workers)
    if name == "ray":
        from mlalign.corpus.ray_engine import RayEngine

        return RayEngine(workers=workers, address=address)
    raise InputError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
