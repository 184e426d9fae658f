"""Progress for long work: a tqdm bar on a terminal, a plain line every half minute in a log.

A bar redrawn with carriage returns shows nothing useful in a file or a batch system's log:
a 50-minute run left two lines there and looked hung. Redirected, each stage prints where
it is instead (`mlalign: embed 1200/3000 sent (40%)`), at most every LOG_EVERY seconds
and once at the end.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any, TextIO

LOG_EVERY = 30.0


class LogProgress:
    """The part of tqdm's interface the stages use, written as occasional whole lines."""

    def __init__(self, total: int, desc: str, unit: str, *, initial: int = 0,
                 stream: TextIO | None = None, every: float | None = None) -> None:
        self.total, self.desc, self.unit, self.n = total, desc, unit, initial
        self.stream = stream if stream is not None else sys.stderr
        self.every = LOG_EVERY if every is None else every
        self.postfix = ""
        self._started = self._last = time.monotonic()
        self._shown = -1

    def update(self, n: int = 1) -> None:
        self.n += n
        now = time.monotonic()
        if now - self._last >= self.every:
            self._write()
            self._last = now

    def set_postfix_str(self, text: str) -> None:
        self.postfix = text

    def refresh(self) -> None:
        """A line with the time so far when none was written for `every` seconds: called
        by `keep_alive` while one long item runs, so the log does not look hung."""
        now = time.monotonic()
        if now - self._last >= self.every:
            seconds = int(now - self._started)
            self._write(f"{seconds // 60}m{seconds % 60:02d}s elapsed")
            self._last = now

    def _write(self, note: str = "") -> None:
        share = f" ({100 * self.n // self.total}%)" if self.total else ""
        extra = "".join(f", {text}" for text in (self.postfix, note) if text)
        print(f"mlalign: {self.desc} {self.n}/{self.total} {self.unit}{share}{extra}",
              file=self.stream, flush=True)
        self._shown = self.n

    def close(self) -> None:
        """A last line when the stage took long enough to have printed before."""
        if self._shown >= 0 and self._shown != self.n:
            self._write()

    def __enter__(self) -> LogProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress_bar(total: int, desc: str, unit: str, *, enabled: bool, initial: int = 0,
                 stream: TextIO | None = None, **tqdm_options: Any) -> Any:
    """A tqdm bar when `stream` (stderr) is a terminal, LogProgress lines when it is not;
    a bar that shows nothing when not `enabled`."""
    from tqdm import tqdm

    stream = stream if stream is not None else sys.stderr
    if enabled and not _is_terminal(stream):
        return LogProgress(total, desc, unit, initial=initial, stream=stream)
    return tqdm(total=total, desc=desc, unit=unit, initial=initial, file=stream,
                disable=not enabled, **tqdm_options)


@contextlib.contextmanager
def keep_alive(bar: Any, period: float = 1.0) -> Iterator[Any]:
    """Refresh `bar` from a background thread every `period` seconds while the block runs.

    A stage that waits long for its next item (one long document in a corpus) showed
    nothing meanwhile: a tqdm bar redraws only on update, so its clock stopped, and a log
    got no line at all (a 5-minute document left the log empty)."""
    refresh = getattr(bar, "refresh", None)
    if refresh is None or getattr(bar, "disable", False):
        yield bar
        return
    period = min(period, getattr(bar, "every", period) or period)
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(period):
            with contextlib.suppress(Exception):  # a closed stream must not kill the run
                refresh()

    thread = threading.Thread(target=beat, name="mlalign-progress", daemon=True)
    thread.start()
    try:
        yield bar
    finally:
        stop.set()
        thread.join()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
