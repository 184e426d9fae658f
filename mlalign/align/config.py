"""Alignment settings and result record; `as_dict()` goes into the audit's provenance."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from mlalign.types import Bead

# log(len_en / len_src) mean and spread per language pair, measured on NTREX lines (dev data).
LENGTH_STATS: dict[str, tuple[float, float]] = {"ar": (0.07, 0.19), "fa": (0.01, 0.18)}


# Beads of more sentences than this are not translations of each other but a failed
# alignment; the banded program also loses its path when a bead outgrows a short document.
MAX_BEAD = 8


@dataclass
class AlignConfig:
    """Knobs of the embedding aligner; defaults tuned on NTREX/Tatoeba dev documents."""

    max_bead: int = 4  # beads up to 1-4 / 4-1, 2-3 / 3-2, 2-2 (split headlines/quotes give 1-4 on dev)
    band: int = 8  # half-width of the fine band around the coarse path, in sentences
    full_dp_cells: int = 250_000  # below n*m this size, run the exact full DP (no coarse pass)
    skip_src: float = 0.7  # cost of a 1-0 bead (original sentence left untranslated)
    skip_tgt: float = 0.7  # cost of a 0-1 bead (English sentence with no original)
    nm_penalty: float = 0.3  # extra cost per extra sentence in an n-m bead (prefer 1-1)
    weight_sim: float = 1.0
    weight_len: float = 0.02
    len_hinge: float = 0.0  # |z| of log length ratio below which length costs nothing
    weight_para: float = 0.05  # penalty for a bead straddling a paragraph end (soft anchor)
    random_samples: int = 32  # neighbours used to normalise cosine (vecalign/LASER style)
    random_window: int = 100  # neighbours are drawn within this many sentences of the diagonal
    prior_norm: float = 0.20  # typical mean (1 - cos) to random sentences (dev), for short docs
    prior_weight: float = 8.0  # how many samples the prior counts as
    refine_slack: float | None = 0.12  # split an n-m bead's edge sentence off if its score rises by more (None: off)
    # score = cosine - weight * |z of log length ratio|: on dev, the drop in |z| from removing a sentence
    # separates omissions from genuine split parts as well as the cosine gain does (no hinge: linear)
    refine_len_weight: float = 0.08
    refine_len_hinge: float = 0.0
    # cosines in that test use vectors minus the document mean: the part all e5 vectors share
    # hides how much one sentence adds (dev: better omission/split-part separation than raw)
    refine_centre: bool = True
    refine_centre_min: int = 8  # fewer sentences on a side: the mean is too noisy, use raw vectors
    score_mid: float = 0.75  # normalised cost at which confidence is 0.5 (dev: good 1-1 median 0.55, wrong 0.98)
    score_scale: float = 0.09
    weight_chrf: float = 0.2  # share of chrF(mt, tgt) in the confidence when mt is given
    low_score_warn: float = 0.5
    skip_share_warn: float = 0.3
    seed: int = 13
    length_stats: dict[str, tuple[float, float]] = field(default_factory=lambda: dict(LENGTH_STATS))
    # A translator may write more (or less) than the original throughout: classical Arabic
    # rendered with its formulas spelt out runs 60% longer than NTREX's news. The document's own
    # median log length ratio over its matched beads, shrunk towards the dev mean by this many
    # beads' weight, replaces the dev mean when the two differ by more than `length_shift_min`
    # standard deviations, and the document is aligned again (None: the dev mean always).
    length_doc_prior: float | None = 1.0
    length_shift_min: float = 0.75
    # An original sentence alone in a full bead with unpaired English beside it (classical
    # prose the translator renders in five or six sentences) is cut at its clauses and the
    # document aligned again, kept when fewer words are left unpaired (`align.recut`).
    recut_overfull: bool = True

    def __post_init__(self) -> None:
        """Refuse settings the dynamic program cannot run with (max_bead 0 left every
        sentence unaligned and flagged, silently)."""
        for name, low in (("max_bead", 1), ("band", 1), ("full_dp_cells", 0), ("random_samples", 1),
                          ("random_window", 1), ("refine_centre_min", 1), ("skip_src", 0.0),
                          ("skip_tgt", 0.0), ("nm_penalty", 0.0), ("weight_sim", 0.0),
                          ("weight_len", 0.0), ("len_hinge", 0.0), ("weight_para", 0.0),
                          ("prior_norm", 0.0), ("prior_weight", 0.0), ("refine_len_weight", 0.0),
                          ("refine_len_hinge", 0.0), ("length_shift_min", 0.0)):
            value = getattr(self, name)
            if not value >= low:  # also refuses nan
                raise ValueError(f"{name} must be at least {low}, got {value}")
        if self.max_bead > MAX_BEAD:
            raise ValueError(f"max_bead must be at most {MAX_BEAD}, got {self.max_bead}")
        if self.seed < 0:
            raise ValueError(f"seed must be at least 0, got {self.seed}")
        if not self.score_scale > 0:
            raise ValueError(f"score_scale must be above 0, got {self.score_scale}")
        for name in ("weight_chrf", "low_score_warn", "skip_share_warn"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, got {getattr(self, name)}")
        if self.length_doc_prior is not None and not self.length_doc_prior >= 0:
            raise ValueError(f"length_doc_prior must be at least 0 (or none), got {self.length_doc_prior}")
        if self.refine_slack is not None and not self.refine_slack >= 0:
            raise ValueError(f"refine_slack must be at least 0 (or none), got {self.refine_slack}")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AlignmentResult:
    """Beads in document order plus document-level warnings (swapped halves, mostly unaligned)."""

    beads: list[Bead]
    warnings: list[str] = field(default_factory=list)
