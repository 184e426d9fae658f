"""Long stages report progress as whole lines when stderr is a log, not a terminal."""

from __future__ import annotations

import io

from mlalign.progress import LogProgress, progress_bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_whole_progress_lines_with_counts_and_shares():
    log = io.StringIO()
    with LogProgress(3000, "embed", "sent", stream=log, every=0.0) as bar:
        bar.update(1200)
        bar.set_postfix_str("40.0 sent/s")
        bar.update(1800)
    lines = log.getvalue().splitlines()
    assert lines == ["mlalign: embed 1200/3000 sent (40%)",
                     "mlalign: embed 3000/3000 sent (100%), 40.0 sent/s"]
    assert "\r" not in log.getvalue()


def test_a_short_stage_leaves_no_line_in_the_log():
    log = io.StringIO()
    with LogProgress(10, "embed", "sent", stream=log) as bar:
        bar.update(10)
    assert log.getvalue() == ""


def test_the_bar_is_a_tqdm_bar_on_a_terminal_and_lines_in_a_log():
    assert isinstance(progress_bar(5, "embed", "sent", enabled=True, stream=io.StringIO()),
                      LogProgress)
    term = progress_bar(5, "embed", "sent", enabled=True, stream=_Terminal())
    assert not isinstance(term, LogProgress) and not term.disable
    term.close()
    off = progress_bar(5, "embed", "sent", enabled=False, stream=io.StringIO())
    assert not isinstance(off, LogProgress) and off.disable
