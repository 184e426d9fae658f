"""Shared pieces of the drift checks: the `DriftCheck` protocol, the per-document context,
text helpers. Each check lives in its own module so it can be read, tested and tuned alone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from mlalign.types import Bead, Flag

ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_DIGIT_TABLE = str.maketrans(
    {**{c: str(i) for i, c in enumerate(ARABIC_DIGITS)},
     **{c: str(i) for i, c in enumerate(PERSIAN_DIGITS)},
     "٫": ".", "٬": ",", "٪": "%"}
)
_AR_NORM = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ك": "ک", "ة": "ه",
     "ۀ": "ه", "ؤ": "و", "ئ": "ي", "\u200c": " ", "ـ": ""}
)
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits and separators to ASCII, so numbers compare as values."""
    return text.translate(_DIGIT_TABLE)


def strip_diacritics(text: str) -> str:
    """Arabic text without its short vowels, tanween and shadda (ألفَيْ is ألفي)."""
    return _DIACRITICS.sub("", text)


def norm_arabic(text: str) -> str:
    """Fold Arabic/Persian letter variants so gazetteer and cue lists match either spelling."""
    return strip_diacritics(text).translate(_AR_NORM)


# Arabic-script letters a name is written in (Arabic plus Persian پ چ ژ ک گ ی), as a
# regex character range.
ARABIC_LETTERS = "\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
# An Arabic-script "word" this long is several words whose spaces were lost (text pasted
# from a PDF); what it holds can't be told word by word.
GLUED_RUN = 15


_SCRIPT_RUN = re.compile("[\u0621-\u064a\u0671-\u06d3\u200c]+")


def script_words(text: str) -> list[str]:
    """Runs of Arabic-script letters, so «فلايشر:"هذا» is two words (a zero-width
    non-joiner stays inside a Persian word, not at its ends)."""
    return [w.strip("\u200c") for w in _SCRIPT_RUN.findall(text)]


def strip_punctuation(word: str) -> str:
    """A whitespace word without the punctuation and quotes around it."""
    return word.strip(".,;:!?\"'()[]{}«»“”‘’،؛؟-–—…")


def bare_words(text: str) -> list[str]:
    """The English's whitespace words without punctuation or possessive ("Martin's" is
    Martin), where names are compared one word at a time."""
    return [w for w in (strip_punctuation(x).split("'")[0].split("’")[0] for x in text.split()) if w]


def words(text: str) -> list[str]:
    """Word tokens (letters/digits), keeping the Persian zero-width non-joiner inside words."""
    return re.findall(r"[\w\u200c']+", text)


@dataclass
class CheckContext:
    """What a check may use beyond the bead: language, config, calibration, and embeddings
    computed once per document (bead sides and clauses) so no check embeds per bead."""

    src_lang: str
    config: Any
    calibration: dict[str, Any]
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    clauses: dict[int, tuple[list[str], list[str]]] = field(default_factory=dict)
    notes: dict[int, dict[str, str]] = field(default_factory=dict)
    alignments: dict[int, Any] = field(default_factory=dict)  # bead index -> WordAlignment
    word_pool: np.ndarray | None = None  # isolated-word vectors of the original's words
    index: int = 0
    common_words: set[str] = field(default_factory=set)
    centres: dict[str, float] = field(default_factory=dict)  # this document's own centres
    names: dict[int, Any] = field(default_factory=dict)  # bead index -> entity.NameMatches
    # bead index -> (original word, its English elsewhere in the document): see lexicon.py
    lost_names: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # bead index -> its unmatched English names that no other pair of the document writes
    names_only_here: dict[int, list[str]] = field(default_factory=dict)

    def note(self, key: str) -> str:
        return self.notes.get(self.index, {}).get(key, "")

    def vec(self, text: str) -> np.ndarray | None:
        return self.vectors.get(text)

    def stat(self, name: str, default: tuple[float, float]) -> tuple[float, float]:
        """(centre, spread) of a clean-data statistic for this language pair; the centre
        is this document's own when one was estimated (`centres`)."""
        raw = self.calibration.get("stats", {}).get(self.src_lang, {}).get(name)
        mean, sd = (float(raw[0]), float(raw[1])) if raw else default
        return self.centres.get(name, mean), sd


class DriftCheck(Protocol):
    """One kind of meaning drift: look at a bead, return the reasons to look again."""

    name: str

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]: ...


def severity_for(score: float, medium: float, high: float) -> str:
    """Map a 0..1 score to a severity with two thresholds from the config."""
    if score >= high:
        return "high"
    if score >= medium:
        return "medium"
    return "low"


def clip01(x: float) -> float:
    return float(min(1.0, max(0.0, x)))


def partial_content_detail(what: str, claim: str, sig: dict[str, float], side: str) -> str:
    """The reader's sentence for content partly missing on one side: what, the claim,
    and the evidence (length ratio, share of that side's content words unmatched)."""
    detail = f"{what} {claim} (length ratio z {sig.get('len_z', 0):+.1f}"
    if f"w_{side}_unlinked" in sig:
        detail += f", {sig[f'w_{side}_unlinked']:.0%} of its content words unmatched"
    return detail + ")"


def partial_content_flag(kind: str, evidence: float, threshold: float, detail: str,
                         signals: dict[str, float]) -> list[Flag]:
    """The flag for content partly missing on one side (omission or addition): the score
    runs from 0.4 at the threshold to 1.0 at twice it, the evidence is the bead's signals."""
    score = clip01(0.4 + 0.6 * (evidence - threshold) / threshold)
    return [Flag(kind, severity_for(score, 0.0, 0.8), detail, score,
                 {k: round(v, 3) for k, v in signals.items() if isinstance(v, float)})]


def as_written(word: str, text: str) -> str:
    """The word of `text` that a normalised match came from (the flag quotes the original);
    a match of several words (پیش از) quotes as many words."""
    n = len(word.split())
    tokens = re.findall(r"[\w\u200c]+", text)
    for k in range(len(tokens) - n + 1):
        written = " ".join(tokens[k:k + n])
        if word in norm_arabic(written.replace("\u200c", "")):
            return written
    return word
