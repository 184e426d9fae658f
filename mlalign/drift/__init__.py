"""Meaning-drift checks: each bead gets `flags` (why to look again, with evidence) and a
calibrated `drift` probability. One module per check, all behind the `DriftCheck` protocol."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from mlalign.drift.addition import AdditionCheck
from mlalign.drift.base import CheckContext, DriftCheck, severity_for
from mlalign.drift.calibration import (
    FLAG_FEATURES,
    TYPE_FEATURES,
    combine,
    features,
    fixed_reading,
    load_calibration,
    type_probabilities,
    variant,
)
from mlalign.drift.clauses import CLEAN_DEFAULTS, raw_signals, segments, standardise
from mlalign.drift.coverage import coverage_signals
from mlalign.drift.direction import DirectionCheck
from mlalign.drift.entity import EntityCheck, name_matches, words_to_embed
from mlalign.drift.length import LengthCheck
from mlalign.drift.lexicon import build_lexicon, lost_names, names_only_here
from mlalign.drift.modality import ModalityCheck
from mlalign.drift.negation import NegationCheck
from mlalign.drift.notes import religious_formulas, translator_notes
from mlalign.drift.number import NumberCheck
from mlalign.drift.omission import OmissionCheck
from mlalign.drift.replacement import ReplacementCheck
from mlalign.drift.untranslated import UntranslatedCheck
from mlalign.errors import MlalignError
from mlalign.types import Bead, Flag

__all__ = ["DriftCheck", "DriftConfig", "all_checks", "detect_drift", "features"]
log = logging.getLogger(__name__)


CHECK_NAMES = ("number", "entity", "negation", "omission", "addition", "replacement", "length",
               "untranslated", "modality", "direction")


@dataclass
class DriftConfig:
    """Every threshold of the drift checks; recorded in each output's provenance.

    z thresholds are in standard deviations from clean pairs of the same language pair
    (statistics in data/calibration.json), so they transfer across languages. A flag's
    score is the calibrated probability of its kind of drift: below `flag_min` it is not
    shown, from `flag_medium` it is medium and from `flag_high` high."""

    flag_min: float = 0.3
    flag_medium: float = 0.5
    flag_high: float = 0.8
    replacement_threshold: float = 3.0
    length_z: float = 3.0
    skeleton_similarity: float = 0.75
    name_context_ref: float = 0.9
    word_alignment: bool = True
    clause_min_words: int = 3
    clause_min_content: int = 3
    segment_max_words: int = 10
    unmatched_drift: float = 0.95
    weak_flag_min_drift: float = 0.5
    document_prior: float = 8.0
    checks: tuple[str, ...] = CHECK_NAMES
    calibration_path: str | None = None

    def __post_init__(self) -> None:
        """Refuse settings no check can work with (a `--set` typo must not run silently)."""
        self.checks = tuple(self.checks)
        unknown = [c for c in self.checks if c not in CHECK_NAMES]
        if unknown or not self.checks:
            raise ValueError(f"checks must be some of {', '.join(CHECK_NAMES)}, got {', '.join(self.checks) or 'none'}")
        for name in ("flag_min", "flag_medium", "flag_high", "skeleton_similarity", "name_context_ref",
                     "unmatched_drift", "weak_flag_min_drift"):
            _in_range(name, getattr(self, name), 0.0, 1.0)
        if not self.flag_min <= self.flag_medium <= self.flag_high:
            raise ValueError("flag_min <= flag_medium <= flag_high must hold")
        for name in ("replacement_threshold", "length_z", "document_prior"):
            _in_range(name, getattr(self, name), 0.0, float("inf"))
        for name in ("clause_min_words", "clause_min_content", "segment_max_words"):
            _in_range(name, getattr(self, name), 1, float("inf"))

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["checks"] = list(self.checks)
        return out


def _in_range(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:  # also refuses nan
        raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value}")


def all_checks() -> list[DriftCheck]:
    """Every check, in the order their flags are listed."""
    return [NumberCheck(), EntityCheck(), NegationCheck(), OmissionCheck(), AdditionCheck(),
            ReplacementCheck(), LengthCheck(), UntranslatedCheck(), ModalityCheck(), DirectionCheck()]


def _pair_readings(beads: list[Bead], embedder: Any, config: DriftConfig,
                   words: Any) -> tuple[dict[int, Any], dict[int, float]]:
    """The word alignment and the omission cross-encoder's logit of each bead with text on
    both sides. Both run with `drift.word_alignment`; either is left out, with a warning,
    when its model cannot load (the checks then go on with what they have)."""
    if words is False or not config.word_alignment:
        return {}, {}
    idx = [i for i, b in enumerate(beads) if b.src.strip() and b.tgt.strip()]
    if not idx:
        return {}, {}
    pairs = [(beads[i].src, beads[i].tgt) for i in idx]
    alignments: dict[int, Any] = {}
    scores: dict[int, float] = {}
    try:
        if words is None:
            from mlalign.align.words import word_aligner_for

            words = word_aligner_for(embedder)
        alignments = dict(zip(idx, words.align(pairs), strict=True))
    except MlalignError as exc:
        log.warning("word alignment unavailable (%s); drift uses sentence similarity only", exc)
    try:
        from mlalign.embed.e5_cross import omission_scorer_for

        found = omission_scorer_for(embedder).score(pairs)
        scores = {i: float(x) for i, x in zip(idx, found, strict=True)}
    except MlalignError as exc:
        log.warning("omission cross-encoder unavailable (%s); drift goes on without it", exc)
    return alignments, scores


def _embed_texts(beads: list[Bead], ctx: CheckContext, embedder: Any) -> None:
    """Embed, in one batched call, every text the checks compare: both sides, their
    clauses, the translation, and the isolated words the name check needs."""
    config = ctx.config
    texts: list[str] = []
    isolated: list[str] = []  # words the name check compares one by one
    ctx.common_words = {w for b in beads for w in re.findall(r"\b[a-z][a-z'-]+\b", b.tgt)}
    for i, bead in enumerate(beads):
        if not (bead.src.strip() and bead.tgt.strip()):
            continue
        src_cl = segments(bead.src, ctx.src_lang, config.clause_min_words, config.segment_max_words,
                          config.clause_min_content)
        tgt_cl = segments(bead.tgt, "en", config.clause_min_words, config.segment_max_words,
                          config.clause_min_content)
        ctx.clauses[i] = (src_cl, tgt_cl)
        texts += [bead.src, bead.tgt, *src_cl, *tgt_cl]
        if bead.mt:
            texts.append(bead.mt)
        if "entity" in config.checks:
            matches = name_matches(bead.src, bead.tgt, ctx.common_words, config.skeleton_similarity)
            ctx.names[i] = matches
            isolated += words_to_embed(bead.src, matches)
    unique = list(dict.fromkeys(texts + isolated))
    if not unique:
        return
    vectors = embedder.embed(unique)
    ctx.vectors = {t: vectors[k] for k, t in enumerate(unique)}
    pool = [ctx.vectors[w] for w in dict.fromkeys(isolated) if not re.search("[A-Za-z]", w)]
    ctx.word_pool = np.stack(pool[:5000]) if pool else None


def document_centres(raw: list[dict[str, float]], ctx: CheckContext, prior: float) -> dict[str, float]:
    """Where this document's clean pairs sit: the median of its beads' similarity, length
    ratio and clause coverage, shrunk toward the language pair's value with the weight
    of `prior` beads. A translator's style (terse, expansive) and a text's topic move all
    of a document's values together; drift is what moves one bead away from the rest.
    The median stays put while fewer than half of the beads drift."""
    if prior <= 0 or len(raw) < 3:
        return {}
    out = {}
    for name, default in CLEAN_DEFAULTS.items():
        values = [r[name] for r in raw if name in r]
        if len(values) >= 3:
            mean = ctx.stat(name, default)[0]
            out[name] = (len(values) * float(np.median(values)) + prior * mean) / (len(values) + prior)
    return out


def _finish_flags(bead: Bead, probs: dict[str, float], config: DriftConfig) -> None:
    """A flag of a calibrated kind takes that kind's probability as its score and severity;
    below `flag_min` it is dropped. Weak evidence of other kinds (an odd length ratio) is
    shown only on beads the calibrated model already doubts."""
    kept = []
    for f in bead.flags:
        if f.type in TYPE_FEATURES and bead.src_ids and bead.tgt_ids:
            p = probs[f.type]
            if p < config.flag_min:
                continue
            f.score = p
            f.severity = severity_for(p, config.flag_medium, config.flag_high)
        elif f.severity == "low" and f.score < 0.5 and bead.drift < config.weak_flag_min_drift:
            continue
        kept.append(f)
    if bead.src.strip() and bead.tgt.strip() and bead.src_ids and bead.tgt_ids:
        have = {f.type for f in kept}
        kept.extend(_model_flag(kind, p, bead, config) for kind, p in probs.items()
                    if kind in config.checks and kind not in have and p >= config.flag_medium)
    bead.flags = kept


def _model_flag(kind: str, p: float, bead: Bead, config: DriftConfig) -> Flag:
    """A kind the calibrated model finds likely although its check's own test stayed under
    its threshold (a pair a little less similar than a replacement, and shorter too): a
    `drift` this high must come with a flag that says why."""
    sig = bead.signals
    names = TYPE_FEATURES[kind]
    shown = {n: round(sig[n], 3) for n in names if sig.get(n)}
    strongest = ", ".join(f"{n} {v:+.2f}" for n, v in
                          sorted(shown.items(), key=lambda item: -abs(item[1]))[:3])
    detail = (f"the signals together make {kind} likely ({p:.2f}) though no single test "
              f"passed its own threshold")
    if "cos" in sig:
        detail += f"; similarity {sig['cos']:.2f}, {sig.get('cos_z', 0.0):+.1f} sd from clean pairs"
    if strongest:
        detail += f"; strongest signals: {strongest}"
    return Flag(kind, severity_for(p, config.flag_medium, config.flag_high), detail, p, shown)


def detect_drift(beads: list[Bead], src_lang: str, embedder: Any,
                 config: DriftConfig | None = None, words: Any = None) -> None:
    """Fill `flags`, `signals` and `drift` of every bead in place.

    All bead sides and clauses are embedded in one batched call per document, and all
    bead pairs are word-aligned in one call (`words`: a `WordAligner`; None for the
    default cached e5 one, False for none). Translator's notes in the English and formulas
    of blessing on either side (ﷺ, رضي الله عنه, "(PBUH)") are left out of every check
    (`notes.py`); the bead keeps both sides as written and counts them in
    `signals["translator_notes"]` and `signals["formulas"]`."""
    as_written = [(b.src, b.tgt) for b in beads]
    taken = [translator_notes(b.tgt, b.src) for b in beads]
    formulas: list[int] = []
    for bead, (compared, _) in zip(beads, taken, strict=True):
        bead.src, in_src = religious_formulas(bead.src, src_lang)
        bead.tgt, in_tgt = religious_formulas(compared, "en")
        formulas.append(len(in_src) + len(in_tgt))
    try:
        _detect_drift(beads, src_lang, embedder, config or DriftConfig(), words)
    finally:
        for bead, (src, tgt), (_, notes), n in zip(beads, as_written, taken, formulas, strict=True):
            bead.src, bead.tgt = src, tgt
            if notes:
                bead.signals["translator_notes"] = float(len(notes))
            if n:
                bead.signals["formulas"] = float(n)


def _detect_drift(beads: list[Bead], src_lang: str, embedder: Any, config: DriftConfig,
                  words: Any) -> None:
    calibration = load_calibration(config.calibration_path)
    ctx = CheckContext(src_lang=src_lang, config=config, calibration=calibration)
    _embed_texts(beads, ctx, embedder)
    ctx.alignments, cross = _pair_readings(beads, embedder, config, words)
    if "entity" in config.checks:  # the document's own names (lexicon.py)
        lexicon = build_lexicon([(b.src, b.tgt) for b in beads], ctx.common_words,
                                [ctx.alignments.get(i) for i in range(len(beads))])
        ctx.lost_names = {i: lost_names(lexicon, i, b.src, b.tgt, src_lang, ctx.alignments.get(i))
                          for i, b in enumerate(beads) if i in ctx.clauses}
        ctx.names_only_here = names_only_here([b.tgt for b in beads],
                                              {i: m.unknown for i, m in ctx.names.items()})
    raw: dict[int, dict[str, float]] = {}
    for i, bead in enumerate(beads):
        if bead.src.strip() and bead.tgt.strip():
            ctx.index = i
            raw[i] = raw_signals(ctx, bead.src, bead.tgt, bead.mt)
    ctx.centres = document_centres(list(raw.values()), ctx, config.document_prior)
    checks = [c for c in all_checks() if c.name in config.checks]
    for i, bead in enumerate(beads):
        ctx.index = i
        bead.flags = []
        if i in raw:
            bead.signals.update(standardise(raw[i], ctx))
            if i in ctx.alignments:
                cover, notes = coverage_signals(ctx.alignments[i], src_lang)
                bead.signals.update(cover)
                ctx.notes.setdefault(i, {}).update(notes)
            if i in cross:
                bead.signals["x_omit"] = round(cross[i], 4)
        for check in checks:
            bead.flags.extend(check.check(bead, ctx))
        for name in FLAG_FEATURES:
            bead.signals[f"flag_{name}"] = max(
                (f.score for f in bead.flags if f.type == name and not fixed_reading(f)),
                default=0.0)
        feats = features(bead)
        probs = type_probabilities(bead, src_lang, calibration, feats)
        if not (bead.src.strip() or bead.tgt.strip()):
            bead.drift = 0.0  # blank lines (--presplit keeps them): nothing to drift
        elif not bead.src_ids or not bead.tgt_ids:
            bead.drift = config.unmatched_drift
        else:
            bead.drift = combine(probs, src_lang, calibration, variant(feats))
            for name, p in probs.items():
                bead.signals[f"p_{name}"] = round(p, 4)
        _finish_flags(bead, probs, config)
