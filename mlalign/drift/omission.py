"""Content of the original with no counterpart in the English: a whole sentence (1-0 bead)
or part of one (a clause whose best match is weak, a short English, translation words lost)."""

from __future__ import annotations

from mlalign.drift.base import CheckContext, partial_content_flag
from mlalign.types import Bead, Flag


def omission_evidence(sig: dict[str, float]) -> float:
    """Omission evidence in z units: weak source-clause coverage, a short English, and an
    English that reads as a fragment."""
    ev = max(0.0, -sig.get("cov_src_z", 0.0)) + 0.6 * max(0.0, -sig.get("len_z", 0.0))
    ev += 1.5 * sig.get("fragment", 0.0)  # an English that reads as a cut-off fragment
    if "mt_cov" in sig:
        ev += 6.0 * max(0.0, 0.75 - sig["mt_cov"])
    return ev


class OmissionCheck:
    """Flag original sentences or clauses the English leaves out."""

    name = "omission"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if bead.src_ids and not bead.tgt_ids:
            return [Flag("omission", "high",
                         f"original sentence {bead.src_ids[0] + 1} has no English counterpart",
                         1.0, {"src_ids": list(bead.src_ids)})]
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        sig = bead.signals
        ev = omission_evidence(sig)
        thr = ctx.config.omission_threshold
        if ev < thr:
            return []
        weak = ctx.note("weak_src")
        what = f"part of the original (\"{weak[:60]}\")" if weak else "part of the original"
        detail = f"{what} seems missing in the English (clause match {sig.get('cov_src', 0):.2f}"
        detail += f", length ratio z {sig.get('len_z', 0):+.1f})"
        return partial_content_flag("omission", ev, thr, detail, sig)
