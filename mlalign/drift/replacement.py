"""The English says something else entirely: cross-lingual similarity far below what clean
pairs of this language pair reach (calibrated), or far from the machine translation."""

from __future__ import annotations

from mlalign.drift.base import CheckContext, clip01, severity_for
from mlalign.types import Bead, Flag


def replacement_evidence(sig: dict[str, float]) -> float:
    """Replacement evidence in z units: how far the pair's cosine sits below clean pairs."""
    ev = max(0.0, -sig.get("cos_z", 0.0))
    if "mt_chrf" in sig:
        ev = max(ev, 12.0 * max(0.0, 0.35 - sig["mt_chrf"]))
    return ev


class ReplacementCheck:
    """Flag a bead whose two sides do not say the same thing at all."""

    name = "replacement"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        bead.signals["cos_far"] = 0.0
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        sig = bead.signals
        ev = replacement_evidence(sig)
        thr = ctx.config.replacement_threshold
        # The similarity alone past the flag threshold: rare on clean pairs, so the
        # calibration treats it as a near-certain flag, like a changed figure.
        sig["cos_far"] = float(-sig.get("cos_z", 0.0) >= thr)
        if ev < thr:
            return []
        score = clip01(0.5 + 0.5 * (ev - thr) / thr)
        detail = (f"the English does not seem to render this original (similarity "
                  f"{sig.get('cos', 0):.2f}, {sig.get('cos_z', 0):+.1f} sd from clean pairs")
        if "mt_chrf" in sig:
            detail += f"; chrF vs translation {sig['mt_chrf']:.2f}"
            if "mt_bleu" in sig:
                detail += f", BLEU {sig['mt_bleu']:.2f}"
        return [Flag("replacement", severity_for(score, 0.0, 0.7), detail + ")", score,
                     {k: round(v, 3) for k, v in sig.items()})]
