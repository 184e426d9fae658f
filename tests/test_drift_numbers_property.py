"""Property tests: a figure written in any script or grouping matches itself and not a
different figure, so formatting never flags and a changed digit always does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlalign.drift import DriftConfig
from mlalign.drift.base import ARABIC_DIGITS, PERSIAN_DIGITS, CheckContext
from mlalign.drift.number import NumberCheck
from mlalign.types import Bead


def _script(n: int, digits: str, sep: str) -> str:
    return f"{n:,}".replace(",", sep).translate(str.maketrans("0123456789", digits))


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=10, max_value=10**9), fa=st.booleans(), other=st.integers(1, 9))
def test_same_figure_never_flags_and_changed_one_does(n: int, fa: bool, other: int) -> None:
    lang = "fa" if fa else "ar"
    digits, sep = (PERSIAN_DIGITS, "٬") if fa else (ARABIC_DIGITS, "٬")
    src = f"{'گزارش شد که' if fa else 'أفادت التقارير أن'} {_script(n, digits, sep)} ..."
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    assert NumberCheck().check(Bead([0], [0], src, f"It was reported that {n:,} ..."), ctx) == []
    changed = n * 10 + other
    flags = NumberCheck().check(Bead([0], [0], src, f"It was reported that {changed:,} ..."), ctx)
    assert flags and flags[0].severity == "high"
