"""The records that flow between the layers: sentences, flags, beads and audits.

Every layer reads and writes these plain dataclasses, so each step can be tested on its
own and the writers need to know nothing about how a bead was produced.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FlagType = Literal[
    "omission",
    "addition",
    "number",
    "entity",
    "negation",
    "replacement",
    "length",
    "untranslated",
    "modality",
    "direction",
    "order",
    "language",
]
Severity = Literal["low", "medium", "high"]
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")
# Every kind of drift a bead gets a probability for (`Bead.kinds`): the calibrated models'
# kinds, then the fixed-weight ones (mlalign.drift.calibration).
DRIFT_KINDS: tuple[str, ...] = ("omission", "addition", "replacement", "number", "entity",
                                "negation", "untranslated", "modality", "direction")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with the paragraph it came from (for soft anchors)."""

    text: str
    paragraph: int = 0


@dataclass
class Flag:
    """One reason to look at a bead again: what kind, how bad, and the evidence."""

    type: str
    severity: str
    detail: str
    score: float = 1.0
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "severity": self.severity,
            "detail": self.detail,
            "score": round(float(self.score), 4),
        }
        if self.evidence:
            out["evidence"] = self.evidence
        return out


@dataclass
class Bead:
    """A minimal group of original sentences aligned to a group of English sentences.

    `src_ids` / `tgt_ids` are 0-based sentence indices; an empty side marks an omission
    (`tgt_ids == []`) or an addition (`src_ids == []`).
    """

    src_ids: list[int]
    tgt_ids: list[int]
    src: str = ""
    tgt: str = ""
    mt: str | None = None
    score: float = 0.0
    drift: float = 0.0
    flags: list[Flag] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return f"{len(self.src_ids)}-{len(self.tgt_ids)}"

    @property
    def severity(self) -> str | None:
        """The worst severity among the flags, or None when the bead is clean."""
        if not self.flags:
            return None
        return max((f.severity for f in self.flags), key=SEVERITIES.index)

    @property
    def kinds(self) -> dict[str, float]:
        """P(each kind of drift) from the calibrated models (`p_<kind>` signals): what a
        reader hunting one kind (omissions, say) sorts by. Empty for one-sided beads."""
        return {k[2:]: v for k, v in self.signals.items() if k.startswith("p_")}

    @property
    def kind_columns(self) -> dict[str, float | None]:
        """`kinds` with every kind of `DRIFT_KINDS` present (None where the bead has none):
        the fixed struct columns of the Parquet outputs."""
        return dict.fromkeys(DRIFT_KINDS) | self.kinds

    def to_dict(self) -> dict[str, Any]:
        return {
            "src_ids": list(self.src_ids),
            "tgt_ids": list(self.tgt_ids),
            "src": self.src,
            "tgt": self.tgt,
            "mt": self.mt,
            "score": round(float(self.score), 4),
            "drift": round(float(self.drift), 4),
            "severity": self.severity,
            "kinds": self.kinds,
            "flags": [f.to_dict() for f in self.flags],
        }


@dataclass
class Audit:
    """The result of aligning and auditing one document pair, with how it was made."""

    beads: list[Bead]
    src_sentences: list[Sentence]
    tgt_sentences: list[Sentence]
    src_lang: str
    tgt_lang: str = "en"
    provenance: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def flag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for bead in self.beads:
            for flag in bead.flags:
                counts[flag.type] = counts.get(flag.type, 0) + 1
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "src_lang": self.src_lang,
            "tgt_lang": self.tgt_lang,
            "provenance": self.provenance,
            "warnings": list(self.warnings),
            "beads": [b.to_dict() for b in self.beads],
        }


def as_plain(obj: Any) -> Any:
    """Dataclass to plain JSON-able structure (used by writers and tests)."""
    return asdict(obj)
