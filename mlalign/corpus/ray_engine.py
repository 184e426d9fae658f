"""`RayEngine`: one Ray actor per worker, each loading the models once in `__init__`.

Pairs are handed out by `ray.util.ActorPool` (a simple work queue: an idle actor takes the
next pair) and come back in completion order. `address` joins an existing cluster; without
it a local Ray session is started (and shut down afterwards). A session that is already
running (e.g. a test fixture) is reused and left running.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from mlalign.corpus.inputs import PairTask
from mlalign.corpus.worker import PairResult, Settings, Worker
from mlalign.errors import InputError, MlalignError

RAY_MISSING = "Ray is not installed: pip install 'mlalign[ray]'"


def import_ray() -> Any:
    """Import Ray on demand; a one-line `InputError` when it is not installed."""
    try:
        import ray
    except ImportError:
        raise InputError(RAY_MISSING) from None
    return ray


class _PairActor:
    """Actor body: one `Worker` (models loaded once) per actor."""

    def __init__(self, settings: Settings) -> None:
        self.worker: Worker | None = None
        self.error: Exception | None = None
        try:
            self.worker = Worker(settings)
        except Exception as exc:  # re-raised by run(), so the driver sees the real error
            self.error = exc

    def run(self, task: PairTask) -> PairResult:
        if self.worker is None:
            raise self.error or RuntimeError("worker not initialised")
        return self.worker.run(task)


class RayEngine:
    """Ray actors over a local session or an existing cluster (`address`)."""

    name = "ray"

    def __init__(self, workers: int = 1, address: str | None = None) -> None:
        self.workers = max(1, int(workers))
        self.address = address
        self.ray = import_ray()

    def describe(self) -> dict[str, object]:
        return {
            "name": self.name,
            "workers": self.workers,
            "address": self.address or "local",
            "ray_version": getattr(self.ray, "__version__", "?"),
        }

    def map_pairs(self, tasks: Iterable[PairTask], settings: Settings) -> Iterator[PairResult]:
        ray = self.ray
        tasks = list(tasks)
        if not tasks:
            return
        started_here = False
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": logging.ERROR,  # keep the terminal for our progress bar
            }
            if self.address:
                kwargs["address"] = self.address
            else:
                kwargs["num_cpus"] = self.workers
            ray.init(**kwargs)
            started_here = True
        from ray.util import ActorPool

        actor_cls = ray.remote(num_cpus=1)(_PairActor)
        actors = [actor_cls.remote(settings) for _ in range(min(self.workers, len(tasks)))]
        try:
            pool = ActorPool(actors)
            try:
                yield from pool.map_unordered(lambda actor, task: actor.run.remote(task), tasks)
            except ray.exceptions.RayTaskError as exc:
                cause = getattr(exc, "cause", None)
                if isinstance(cause, MlalignError):  # e.g. models failed to load: one line
                    raise cause from None
                raise
        finally:
            for actor in actors:
                ray.kill(actor)
            if started_here:
                ray.shutdown()
