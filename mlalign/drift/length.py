"""An English far longer or shorter than this language pair's usual ratio (calibrated on
NTREX). Weak alone, so it is low severity; omission/addition use the same signal."""

from __future__ import annotations

from mlalign.drift.base import CheckContext, clip01
from mlalign.types import Bead, Flag


class LengthCheck:
    """Flag an unusual length ratio."""

    name = "length"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        z = bead.signals.get("len_z", 0.0)
        thr = ctx.config.length_z
        if abs(z) < thr:
            return []
        word = "longer" if z > 0 else "shorter"
        return [Flag("length", "low",
                     f"the English is unusually {word} than the original ({z:+.1f} sd)",
                     clip01(0.3 + 0.1 * (abs(z) - thr)), {"len_z": round(z, 2)})]
