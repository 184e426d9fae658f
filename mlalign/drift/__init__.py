"""Meaning-drift checks: each bead gets `flags` (why to look again, with evidence) and a
calibrated `drift` probability. One module per check, all behind the `DriftCheck` protocol."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from mlalign.drift.addition import AdditionCheck
from mlalign.drift.base import CheckContext, DriftCheck
from mlalign.drift.calibration import drift_probability, features, load_calibration
from mlalign.drift.clauses import bead_signals, segments
from mlalign.drift.entity import EntityCheck
from mlalign.drift.length import LengthCheck
from mlalign.drift.modality import ModalityCheck
from mlalign.drift.negation import NegationCheck
from mlalign.drift.number import NumberCheck
from mlalign.drift.omission import OmissionCheck
from mlalign.drift.replacement import ReplacementCheck
from mlalign.drift.untranslated import UntranslatedCheck
from mlalign.types import Bead

__all__ = ["DriftCheck", "DriftConfig", "all_checks", "detect_drift", "features"]


@dataclass
class DriftConfig:
    """Every threshold of the drift checks; recorded in each output's provenance.

    The evidence thresholds are in standard deviations from clean pairs of the same language
    pair (statistics in data/calibration.json), so they transfer across languages."""

    omission_threshold: float = 2.8
    addition_threshold: float = 2.5
    replacement_threshold: float = 3.0
    length_z: float = 3.0
    skeleton_similarity: float = 0.75
    clause_min_words: int = 3
    segment_max_words: int = 10
    unmatched_drift: float = 0.95
    weak_flag_min_drift: float = 0.5
    checks: tuple[str, ...] = ("number", "entity", "negation", "omission", "addition",
                               "replacement", "length", "untranslated", "modality")
    calibration_path: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["checks"] = list(self.checks)
        return out


def all_checks() -> list[DriftCheck]:
    """Every check, in the order their flags are listed."""
    return [NumberCheck(), EntityCheck(), NegationCheck(), OmissionCheck(), AdditionCheck(),
            ReplacementCheck(), LengthCheck(), UntranslatedCheck(), ModalityCheck()]


def detect_drift(beads: list[Bead], src_lang: str, embedder: Any,
                 config: DriftConfig | None = None) -> None:
    """Fill `flags`, `signals` and `drift` of every bead in place.

    All bead sides and clauses are embedded in one batched call per document."""
    config = config or DriftConfig()
    calibration = load_calibration(config.calibration_path)
    ctx = CheckContext(src_lang=src_lang, config=config, calibration=calibration)
    texts: list[str] = []
    for i, bead in enumerate(beads):
        if not (bead.src.strip() and bead.tgt.strip()):
            continue
        src_cl = segments(bead.src, src_lang, config.clause_min_words, config.segment_max_words)
        tgt_cl = segments(bead.tgt, "en", config.clause_min_words, config.segment_max_words)
        ctx.clauses[i] = (src_cl, tgt_cl)
        texts += [bead.src, bead.tgt, *src_cl, *tgt_cl]
        if bead.mt:
            texts.append(bead.mt)
    ctx.common_words = {w for b in beads for w in re.findall(r"\b[a-z][a-z'-]+\b", b.tgt)}
    unique = list(dict.fromkeys(texts))
    if unique:
        vectors = embedder.embed(unique)
        ctx.vectors = {t: vectors[k] for k, t in enumerate(unique)}
    checks = [c for c in all_checks() if c.name in config.checks]
    for i, bead in enumerate(beads):
        ctx.index = i
        bead.flags = []
        if bead.src.strip() and bead.tgt.strip():
            bead.signals.update(bead_signals(ctx, bead.src, bead.tgt, bead.mt))
        for check in checks:
            bead.flags.extend(check.check(bead, ctx))
        for name in ("number", "entity", "negation", "untranslated", "modality"):
            bead.signals[f"flag_{name}"] = max(
                (f.score for f in bead.flags if f.type == name), default=0.0)
        if not bead.src_ids or not bead.tgt_ids:
            bead.drift = config.unmatched_drift if (bead.src_ids or bead.tgt_ids) else 0.0
        else:
            bead.drift = drift_probability(bead, src_lang, calibration)
        # Weak evidence alone (an unlisted name, a length ratio) is shown only on beads the
        # calibrated model already doubts: otherwise it would bury the real flags.
        bead.flags = [f for f in bead.flags
                      if not (f.severity == "low" and f.score < 0.5
                              and bead.drift < config.weak_flag_min_drift)]
