"""Quality filters applied when the per-pair results are assembled into one corpus.

They run at assembly time, not in the workers, so trying other thresholds never redoes an
audit. Each removed bead is charged to the FIRST filter (in `FILTERS` order) that rejects
it, so the counts add up to the beads removed. The first, `unaligned_pair`, judges a whole
pair: every bead of a pair that align warned is "mostly unaligned" (its two files look like
different texts) is left out, unless `drop_unaligned_pairs` is off.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from mlalign.types import DRIFT_KINDS

FILTERS = ("unaligned_pair", "empty_side", "language", "min_score", "max_drift", "max_kind",
           "length_ratio", "duplicate")
# how align's document warning for a pair whose files look like different texts begins
# (`mlalign.align.embedding.document_warnings`); pair files written by older versions too
UNALIGNED_WARNING = "mostly unaligned:"

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class FilterConfig:
    """Thresholds; None switches a numeric filter off."""

    min_score: float | None = None
    max_drift: float | None = None
    # kind -> highest P(that kind of drift) kept ({"number": 0.5}: drop likely changed figures)
    max_kind: dict[str, float] = field(default_factory=dict)
    max_length_ratio: float | None = 3.0
    dedup: bool = True
    langcheck: bool = True
    drop_empty_side: bool = True  # 1-0 / 0-1 beads are omissions/additions, not parallel text
    # leave out every bead of a pair warned "mostly unaligned": its scores and drift say its
    # beads are not translations, yet many pass the bead filters at their defaults
    drop_unaligned_pairs: bool = True

    def __post_init__(self) -> None:
        """Refuse thresholds that would silently keep or drop everything (the command line
        checks its options; this checks a FilterConfig built from Python)."""
        for name in ("min_score", "max_drift"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, int | float) and 0 <= value <= 1):
                raise ValueError(f"{name} must be a number between 0 and 1, got {value!r}")
        for kind, value in self.max_kind.items():
            if kind not in DRIFT_KINDS:
                raise ValueError(f"max_kind: unknown kind {kind!r}; use {', '.join(DRIFT_KINDS)}")
            if not (isinstance(value, int | float) and 0 <= value <= 1):
                raise ValueError(f"max_kind[{kind!r}] must be a number between 0 and 1, got {value!r}")
        ratio = self.max_length_ratio
        if ratio is not None and not (isinstance(ratio, int | float) and ratio >= 1):
            raise ValueError(f"max_length_ratio must be at least 1 (or None), got {ratio!r}")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def script_share(text: str, pattern: re.Pattern[str]) -> float:
    """Share of the letters in `text` that belong to a script (0 when it has no letters)."""
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return len(pattern.findall(text)) / letters


def wrong_language(src: str, tgt: str) -> bool:
    """Source not mostly Arabic script, or English not mostly Latin (letterless lines fail)."""
    return script_share(src, _ARABIC) < 0.5 or script_share(tgt, _LATIN) < 0.5


def over_kind_limit(kinds: dict[str, float | None] | None, limits: dict[str, float]) -> bool:
    """Whether a bead's probability of some kind of drift is above that kind's limit (a bead
    without that probability, a one-sided one, passes: other filters handle those)."""
    kinds = kinds or {}
    return any((kinds.get(kind) or 0.0) > limit for kind, limit in limits.items())


def is_unaligned(warnings: Iterable[str]) -> bool:
    """Whether a pair's document warnings include align's "mostly unaligned"."""
    return any(w.startswith(UNALIGNED_WARNING) for w in warnings)


def parse_kind_limits(values: Iterable[str]) -> dict[str, float]:
    """`number=0.5`, `omission=0.6,entity=0.7` → {kind: limit}; unknown kinds and values
    outside 0..1 raise ValueError with a message fit for the command line."""
    out: dict[str, float] = {}
    for value in values:
        for part in (p.strip() for p in value.split(",")):
            if not part:
                continue
            kind, sep, limit = part.partition("=")
            kind = kind.strip().lower()
            if not sep or kind not in DRIFT_KINDS:
                raise ValueError(f"--max-kind wants KIND=P with KIND one of "
                                 f"{', '.join(DRIFT_KINDS)}; got {part!r}")
            try:
                p = float(limit)
            except ValueError:
                raise ValueError(f"--max-kind {kind}: {limit!r} is not a number") from None
            if not 0.0 <= p <= 1.0:
                raise ValueError(f"--max-kind {kind}: {p} is not a probability (0..1)")
            out[kind] = p
    return out


def _load_normalize() -> Callable[[str, str], str]:
    from mlalign.text.normalize import normalize

    return normalize


def dedup_key(src: str, tgt: str, src_lang: str, normalize: Callable[[str, str], str]) -> bytes:
    """Digest of both sides after the project's matching normalisation, casefold and spaces."""

    def norm(text: str, lang: str) -> str:
        text = unicodedata.normalize("NFKC", normalize(text, lang)).casefold()
        return _SPACE.sub(" ", text).strip()

    joined = norm(src, src_lang or "ar") + "\x00" + norm(tgt, "en")
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=16).digest()


@dataclass
class CorpusFilter:
    """Stateful filter (remembers seen pairs for dedup) with per-filter removal counts."""

    config: FilterConfig = field(default_factory=FilterConfig)
    counts: dict[str, int] = field(default_factory=lambda: {name: 0 for name in FILTERS})
    seen: set[bytes] = field(default_factory=set)
    kept: int = 0
    total: int = 0

    def __post_init__(self) -> None:
        self._normalize = _load_normalize()

    def reason(self, row: dict[str, Any]) -> str | None:
        """The first filter that rejects this bead, or None to keep it (records dedup keys)."""
        cfg = self.config
        src, tgt = row["src"] or "", row["tgt"] or ""
        src_empty = not row["src_ids"] or not src.strip()
        tgt_empty = not row["tgt_ids"] or not tgt.strip()
        # a 1-0/0-1 bead kept on request (drop_empty_side off) is judged by the side it has:
        # its empty side has no letters and no length, so the language and length-ratio
        # filters removed every such bead, and --keep-empty-side alone kept none
        one_sided = src_empty != tgt_empty and not cfg.drop_empty_side
        if (src_empty or tgt_empty) and not one_sided:
            return "empty_side"
        if cfg.langcheck and (
            (not src_empty and script_share(src, _ARABIC) < 0.5)
            or (not tgt_empty and script_share(tgt, _LATIN) < 0.5)
        ):
            return "language"
        if cfg.min_score is not None and row["score"] < cfg.min_score:
            return "min_score"
        if cfg.max_drift is not None and row["drift"] > cfg.max_drift:
            return "max_drift"
        if cfg.max_kind and over_kind_limit(row.get("kinds"), cfg.max_kind):
            return "max_kind"
        if cfg.max_length_ratio is not None and not one_sided:
            a, b = len(src.strip()), len(tgt.strip())
            r = cfg.max_length_ratio
            if a == 0 or b == 0 or a / b > r or b / a > r:
                return "length_ratio"
        if cfg.dedup:
            key = dedup_key(src, tgt, row.get("src_lang") or "", self._normalize)
            if key in self.seen:
                return "duplicate"
            self.seen.add(key)
        return None

    def drops_pair(self, warnings: Iterable[str]) -> bool:
        """Whether the whole pair with these document warnings is left out."""
        return self.config.drop_unaligned_pairs and is_unaligned(warnings)

    def keep_mask(self, rows: list[dict[str, Any]], warnings: Iterable[str] = ()) -> list[bool]:
        """Decide a batch of beads (one pair's, with its document warnings) in order, updating
        the counts. The beads of a dropped pair are charged to `unaligned_pair` and do not
        enter the duplicate check (a later pair's copy of one of them is kept)."""
        whole_pair = "unaligned_pair" if self.drops_pair(warnings) else None
        mask: list[bool] = []
        for row in rows:
            why = whole_pair or self.reason(row)
            self.total += 1
            if why is None:
                self.kept += 1
                mask.append(True)
            else:
                self.counts[why] += 1
                mask.append(False)
        return mask

    def report(self) -> dict[str, Any]:
        return {"beads_in": self.total, "beads_kept": self.kept, "removed": dict(self.counts)}
