"""`LocalEngine`: a process pool on this machine, models loaded once per worker process.

With one worker the pairs run in this process (no pool, no pickling), which is also the
easiest mode to debug. Results are yielded as they complete; on Ctrl-C pending pairs are
cancelled and the pairs already written stay on disk for the next run.

A worker process that dies (killed for memory, a segfault in a native library) breaks a
`ProcessPoolExecutor` and fails every future in it. The pool is then started anew: the
pairs that were not running go back in the queue, and the few that were (at most one per
worker, since only that many are handed out at a time) are each run again alone, so a
second crash is surely that pair's own and is recorded as its error; the build goes on.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import signal
import time
from collections import deque
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
    _private_tqdm_lock()
    try:
        _WORKER = Worker(settings)
    except Exception as exc:  # re-raised in _run_task
        _INIT_ERROR = exc


def _private_tqdm_lock() -> None:
    """Give tqdm a plain thread lock in a worker. Its default also makes a multiprocessing
    lock, a named semaphore registered with the parent's resource tracker; a worker that
    dies without running its exit handlers (SIGTERM to the process group, a crash, the pool
    terminating the others after one crashed) never unregisters it, and the tracker then
    warns "There appear to be N leaked semaphore objects" as the build exits. A worker's
    bars are its own, so a lock shared across processes buys nothing here."""
    import threading

    from tqdm import tqdm

    tqdm.set_lock(threading.RLock())


def _run_task(task: PairTask) -> PairResult:
    if _WORKER is None:
        raise _INIT_ERROR or RuntimeError("worker not initialised")
    return _WORKER.run(task)


def describe_exit(exitcode: int | None) -> str:
    """How a worker process ended, for a pair's error: a signal by name, or an exit code."""
    if exitcode is None:
        return "ended abruptly"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = ", e.g. for lack of memory" if name == "SIGKILL" else ""
        return f"killed by {name}{hint}"
    return f"exited with code {exitcode}"


def _exit_code(process: multiprocessing.process.BaseProcess) -> int | None:
    """The exit code of a worker the pool has seen die. The pool's manager thread and this
    one both wait on the process; the one that loses the race to reap it reads nothing for a
    moment (ECHILD), so ask again briefly instead of reporting an unknown end."""
    process.join(timeout=5)
    for _ in range(50):
        if process.exitcode is not None:
            return process.exitcode
        time.sleep(0.02)
    return process.exitcode


def _submit(
    pool: cf.ProcessPoolExecutor, queue: deque[PairTask], running: dict[cf.Future, PairTask]
) -> bool:
    """Hand the queue's next pair to the pool; False (the pair kept) if the pool broke."""
    task = queue[0]
    try:
        running[pool.submit(_run_task, task)] = task
    except cf.process.BrokenProcessPool:
        return False
    queue.popleft()
    return True


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
        queue = deque(tasks)
        while queue:
            # a pool for the queue; when a worker dies, the pairs that were running
            suspects = yield from self._run_pool(queue, settings, self.workers)
            for task in suspects:
                yield from self._run_pool(deque([task]), settings, 1, alone=True)

    def _run_pool(
        self, queue: deque[PairTask], settings: Settings, workers: int, alone: bool = False
    ) -> Iterator[PairResult]:
        """Run the queue's pairs on a fresh pool, at most `workers` at a time (so the pairs
        running when a worker dies are known); returns those pairs if the pool broke, the
        rest staying in `queue`. `alone`: one pair on its own pool, whose crash is its own."""
        # fork would copy a parent that may hold threads (tqdm, polars); spawn is safe everywhere
        ctx = multiprocessing.get_context("spawn")
        pool = cf.ProcessPoolExecutor(
            max_workers=min(workers, len(queue)),
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(settings,),
        )
        running: dict[cf.Future[PairResult], PairTask] = {}
        broken: list[PairTask] = []
        try:
            before = set(ctx.active_children())
            while queue and len(running) < workers and _submit(pool, queue, running):
                pass
            processes = [p for p in ctx.active_children() if p not in before]
            while running:
                done, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    task = running.pop(future)
                    try:
                        result = future.result()
                    except cf.process.BrokenProcessPool:
                        broken.append(task)
                        continue
                    yield result
                    if queue and not broken and not _submit(pool, queue, running):
                        break  # the pool broke meanwhile: the running pairs will say so
            if broken and alone:
                pool.shutdown(wait=True)  # its manager thread reaps the dead worker first
                how = describe_exit(_exit_code(processes[0]) if processes else None)
                for task in broken:
                    yield PairResult(
                        id=task.id,
                        status="error",
                        error=f"worker crashed on this pair twice (the second time run alone: {how})",
                    )
                return []
            return broken
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
