"""`RayEngine`: one Ray actor per worker, each loading the models once in `__init__`.

Pairs are handed out by `ray.util.ActorPool` (a simple work queue: an idle actor takes the
next pair) and come back in completion order. `address` joins an existing cluster; without
it a local Ray session is started (and shut down afterwards). A session that is already
running (e.g. a test fixture) is reused and left running.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from mlalign.corpus.inputs import PairTask
from mlalign.corpus.worker import PairResult, Settings, Worker
from mlalign.errors import InputError, MlalignError, NetworkError

RAY_MISSING = "Ray is not installed: pip install 'mlalign[ray]'"
CONNECT_TIMEOUT = 3.0  # seconds; ray.init itself retries an unreachable cluster for minutes


def import_ray() -> Any:
    """Import Ray on demand; a one-line `InputError` when it is not installed."""
    try:
        import ray
    except ImportError:
        raise InputError(RAY_MISSING) from None
    return ray


def cluster_host_port(address: str) -> tuple[str, int] | None:
    """`host:port`, `[::1]:port` or `ray://host:port` → (host, port); None for Ray's own
    keywords (`auto`, `local`), which Ray resolves without a network round trip."""
    if address.strip().lower() in ("auto", "local"):
        return None
    try:
        parts = urlsplit(address if "://" in address else f"//{address}")
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if not host or port is None:
        raise InputError(f"--address {address!r}: expected HOST:PORT, ray://HOST:PORT or auto")
    return host, port


# The HTTP/2 client preface and an empty SETTINGS frame: Ray's cluster and client servers
# speak gRPC, so they answer with a SETTINGS frame of their own (type 4, the 4th byte).
_HTTP2_HELLO = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """Fail in seconds, with one line, when nothing listens at `address`, or something that
    is not a Ray cluster does (an SSH or web server on that port): `ray.init` would retry
    for minutes and ignore Ctrl-C meanwhile."""
    target = cluster_host_port(address)
    if target is None:
        return
    try:
        sock = socket.create_connection(target, timeout=timeout)
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise NetworkError(f"cannot reach a Ray cluster at {address} ({reason})") from None
    answer = b""
    with sock:
        try:
            sock.sendall(_HTTP2_HELLO)
            while len(answer) < 9:
                chunk = sock.recv(9 - len(answer))
                if not chunk:
                    break
                answer += chunk
            if len(answer) == 9 and answer[3] != 4:  # not gRPC: read its first line to show
                sock.settimeout(0.5)
                answer += sock.recv(64)
        except OSError:  # a timeout, or the other side closed on us: no gRPC answer
            pass
    if len(answer) < 9 or answer[3] != 4:
        said = answer.decode("ascii", "replace").strip().splitlines()[0][:60] if answer.strip() else ""
        what = f"it answered {said!r}" if said else f"no gRPC answer in {timeout:g} s"
        raise NetworkError(f"cannot reach a Ray cluster at {address}: something else listens "
                           f"there ({what})")


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
        # ray.init() without an address joins RAY_ADDRESS when it is set: check that one too
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        self.ray = import_ray()
        if self.address and not self.ray.is_initialized():
            check_reachable(self.address)

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
            try:
                ray.init(**kwargs)
            except ConnectionError as exc:  # e.g. `auto` with no cluster running
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
                raise NetworkError(
                    f"cannot reach a Ray cluster at {self.address or 'a local session'} ({first})"
                ) from None
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
