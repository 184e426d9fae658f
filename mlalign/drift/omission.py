"""Content of the original with no counterpart in the English: a whole sentence (1-0 bead)
or part of one (original words without a counterpart, a weak clause match, a short or cut
English, translation words lost). The check proposes; the calibrated omission model of
`calibration.py` scores the proposal and decides whether it is shown."""

from __future__ import annotations

from mlalign.drift.base import CheckContext, partial_content_detail, partial_content_flag
from mlalign.drift.calibration import sigmoid
from mlalign.types import Bead, Flag


def omission_evidence(sig: dict[str, float]) -> float:
    """Raw omission evidence in z units (a short English, weak source-clause coverage, a
    fragment), used to order proposals; the calibrated model has the last word."""
    ev = max(0.0, -sig.get("cov_src_z", 0.0)) + 0.6 * max(0.0, -sig.get("len_z", 0.0))
    ev += 1.5 * sig.get("fragment", 0.0)  # an English that reads as a cut-off fragment
    ev += 4.0 * sig.get("w_src_run", 0.0)  # a stretch of original words with no counterpart
    if "mt_cov" in sig:
        ev += 6.0 * max(0.0, 0.75 - sig["mt_cov"])
    ev += 0.5 * max(0.0, sig.get("x_omit", 0.0))  # the cross-encoder reads content lost
    return ev


class OmissionCheck:
    """Flag original sentences or parts of them that the English leaves out."""

    name = "omission"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if bead.src_ids and not bead.tgt_ids:
            if not bead.src.strip():
                return []  # a blank line of a --presplit original: nothing left out
            return [Flag("omission", "high",
                         f"original sentence {bead.src_ids[0] + 1} has no English counterpart",
                         1.0, {"src_ids": list(bead.src_ids)})]
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        sig = bead.signals
        ev = omission_evidence(sig)
        if ev <= 0.0:
            return []
        gap = ctx.note("uncovered_src") or ctx.note("weak_src")
        what = f"part of the original (\"{gap[:80]}\")" if gap else "part of the original"
        detail = partial_content_detail(what, "seems missing in the English", sig, "src")
        if "x_omit" in sig:
            detail += ("; read together with the original, the English lacks content "
                       f"({sigmoid(sig['x_omit']):.0%})")
        return partial_content_flag("omission", ev, 1.0, detail, sig)
