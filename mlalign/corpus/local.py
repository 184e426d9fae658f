"""`LocalEngine`: a process pool on this machine, models loaded once per worker process.

With one worker the pairs run in this process (no pool, no pickling), which is also the
easiest mode to debug. Results are yielded as they complete; on Ctrl-C pending pairs are
cancelled and the pairs already written stay on disk for the next run.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections.abc import Iterable, Iterator

from mlalign.corpus.inputs import PairTask
from mlalign.corpus.worker import PairResult, Settings, Worker

_WORKER: Worker | None = None
_INIT_ERROR: Exception | None = None


def _init_worker(settings: Settings) -> None:
    """Pool initializer: load the models once for this process.

    A failure is kept and re-raised by the first task, so the parent sees the real error
    (e.g. a `ModelError`) instead of an anonymous broken pool.
    """
    global _WORKER, _INIT_ERROR
    try:
        _WORKER = Worker(settings)
    except Exception as exc:  # re-raised in _run_task
        _INIT_ERROR = exc


def _run_task(task: PairTask) -> PairResult:
    if _WORKER is None:
        raise _INIT_ERROR or RuntimeError("worker not initialised")
    return _WORKER.run(task)


class LocalEngine:
    """Process pool of `workers` processes (in-process when `workers == 1`)."""

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, int(workers))

    def describe(self) -> dict[str, object]:
        return {"name": self.name, "workers": self.workers}

    def map_pairs(self, tasks: Iterable[PairTask], settings: Settings) -> Iterator[PairResult]:
        tasks = list(tasks)
        if not tasks:
            return
        if self.workers == 1:
            worker = Worker(settings)
            for task in tasks:
                yield worker.run(task)
            return
        # fork would copy a parent that may hold threads (tqdm, polars); spawn is safe everywhere
        ctx = multiprocessing.get_context("spawn")
        pool = cf.ProcessPoolExecutor(
            max_workers=min(self.workers, len(tasks)),
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(settings,),
        )
        try:
            futures = {pool.submit(_run_task, t): t for t in tasks}
            for future in cf.as_completed(futures):
                task = futures[future]
                try:
                    yield future.result()
                except cf.process.BrokenProcessPool as exc:
                    # a worker died (e.g. out of memory): fail what is left, keep what is done
                    yield PairResult(id=task.id, status="error", error=f"worker crashed: {exc}")
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
