"""English content with no counterpart in the original: a whole sentence (0-1 bead) or an
added clause (an English clause whose best match is weak, a long English, words the
translation lacks)."""

from __future__ import annotations

from mlalign.drift.base import CheckContext, partial_content_flag
from mlalign.types import Bead, Flag


def addition_evidence(sig: dict[str, float]) -> float:
    """Addition evidence in z units: weak English-clause coverage, a long English, and a
    sentence more than the original."""
    ev = max(0.0, -sig.get("cov_tgt_z", 0.0)) + 0.6 * max(0.0, sig.get("len_z", 0.0))
    ev += 1.0 * sig.get("more_sentences", 0.0)  # a sentence more than the original has
    if "tgt_cov" in sig:
        ev += 6.0 * max(0.0, 0.75 - sig["tgt_cov"])
    return ev


class AdditionCheck:
    """Flag English sentences or clauses that the original does not contain."""

    name = "addition"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if bead.tgt_ids and not bead.src_ids:
            return [Flag("addition", "high",
                         f"English sentence {bead.tgt_ids[0] + 1} has no counterpart in the original",
                         1.0, {"tgt_ids": list(bead.tgt_ids)})]
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        sig = bead.signals
        ev = addition_evidence(sig)
        thr = ctx.config.addition_threshold
        if ev < thr:
            return []
        weak = ctx.note("weak_tgt")
        what = f"English text \"{weak[:60]}\"" if weak else "part of the English"
        detail = f"{what} seems not to be in the original (clause match {sig.get('cov_tgt', 0):.2f}"
        detail += f", length ratio z {sig.get('len_z', 0):+.1f})"
        return partial_content_flag("addition", ev, thr, detail, sig)
