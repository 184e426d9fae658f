"""English content with no counterpart in the original: a whole sentence (0-1 bead) or an
added part (English words without a counterpart, a weak clause match, a long English, a
sentence more, words the translation lacks). The check proposes; the calibrated addition
model of `calibration.py` scores the proposal and decides whether it is shown."""

from __future__ import annotations

from mlalign.drift.base import CheckContext, partial_content_detail, partial_content_flag
from mlalign.types import Bead, Flag


def addition_evidence(sig: dict[str, float]) -> float:
    """Raw addition evidence in z units (a long English, weak English-clause coverage, a
    sentence more), used to order proposals; the calibrated model has the last word."""
    ev = max(0.0, -sig.get("cov_tgt_z", 0.0)) + 0.6 * max(0.0, sig.get("len_z", 0.0))
    ev += 1.0 * sig.get("more_sentences", 0.0)  # a sentence more than the original has
    ev += 4.0 * sig.get("w_tgt_run", 0.0)  # a stretch of English words with no counterpart
    if "tgt_cov" in sig:
        ev += 6.0 * max(0.0, 0.75 - sig["tgt_cov"])
    return ev


class AdditionCheck:
    """Flag English sentences or parts of them that the original does not contain."""

    name = "addition"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if bead.tgt_ids and not bead.src_ids:
            if not bead.tgt.strip():
                return []  # a blank line of a --presplit English: nothing added
            return [Flag("addition", "high",
                         f"English sentence {bead.tgt_ids[0] + 1} has no counterpart in the original",
                         1.0, {"tgt_ids": list(bead.tgt_ids)})]
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        sig = bead.signals
        ev = addition_evidence(sig)
        if ev <= 0.0:
            return []
        extra = ctx.note("uncovered_tgt") or ctx.note("weak_tgt")
        what = f"English text \"{extra[:80]}\"" if extra else "part of the English"
        detail = partial_content_detail(what, "seems not to be in the original", sig, "tgt")
        return partial_content_flag("addition", ev, 1.0, detail, sig)
