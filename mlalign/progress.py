"""Progress for long work: a tqdm bar on a terminal, a plain line every half minute in a log.

A bar redrawn with carriage returns shows nothing useful in a file or a batch system's log:
a 50-minute run left two lines there and looked hung. Redirected, each stage prints where
it is instead (`mlalign: embed 1200/3000 sent (40%)`), at most every LOG_EVERY seconds
and once at the end.
"""

from __future__ import annotations

import sys
import time
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
        self._last = time.monotonic()
        self._shown = -1

    def update(self, n: int = 1) -> None:
        self.n += n
        now = time.monotonic()
        if now - self._last >= self.every:
            self._write()
            self._last = now

    def set_postfix_str(self, text: str) -> None:
        self.postfix = text

    def _write(self) -> None:
        share = f" ({100 * self.n // self.total}%)" if self.total else ""
        extra = f", {self.postfix}" if self.postfix else ""
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


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
