"""Matching-only normalisation: fold spelling variants so comparisons see the same word.

Outputs shown to users always keep the original characters; this form is only for
comparing, hashing and counting (dedup keys, number checks, entity matching).
Arabic/Persian: yeh (ي ى ئ → ی), kaf (ك → ک), teh marbuta (ة → ه), alef (أ إ آ ٱ → ا),
waw hamza (ؤ → و), tatweel and harakat removed. All languages: zero-width and bidi
controls removed, Arabic-Indic and Persian digits → ASCII, ٫ → '.', ٬ dropped, ، → ',',
؛ → ';', ؟ → '?', NFKC (which also unfolds Arabic presentation forms), whitespace collapsed.
Latin letters are casefolded in every language (Arabic script has no case).
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
# Zero-width, joiners and bidi controls: invisible, but they break exact matching.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# Harakat, Quranic marks and superscript alef; with tatweel, what matching strips.
_VOWEL_MARK_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
_VOWEL_MARKS = re.compile(f"[{_VOWEL_MARK_CHARS}]")
_MARKS = re.compile(f"[{_VOWEL_MARK_CHARS}\u0640]")
_LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "٫": ".",
        "٬": "",
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
    }
)
_SPACE = re.compile(r"\s+")
# A thousands separator between digit groups (3,000 / 3٬000) is dropped so numbers compare.
_THOUSANDS = re.compile(r"(?<=\d)[,٬](?=\d{3}(?!\d))")


def strip_marks(text: str) -> str:
    """Arabic-script text without harakat, Quranic marks, superscript alef and tatweel."""
    return _MARKS.sub("", text)


_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
VOCALISED_SHARE = 0.3


def is_vocalised(text: str) -> bool:
    """Whether a sentence is written with its vowels (classical, religious or teaching
    text: marks on 50-90% of the letters), not with the odd tanween or shadda of news
    (at most 0.25 on any NTREX line, 0.02 on any document)."""
    letters = len(_ARABIC_LETTER.findall(text))
    return letters > 0 and len(_VOWEL_MARKS.findall(text)) >= VOCALISED_SHARE * letters


# Letters in their shaped forms (and lam-alef); not the ligatures of whole words or honorifics
# (ﷺ, ﷲ) nor the ornate parentheses of a verse (﴿ ﴾), U+FC00-U+FDFF, which stay as written.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufbff\ufe70-\ufefe]+")
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def unfold_presentation_forms(text: str) -> str:
    """Arabic presentation forms of letters (old PDFs' ﺍﻟﺴﻼﻡ, the ligature ﻻ) as the plain
    letters NFKC makes of them (not ﷺ, ﷲ or ﴿ ﴾); nothing else changes."""
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def fold_presentation_forms(text: str) -> str:
    """`unfold_presentation_forms`, and bidi controls (RLM, embeddings, isolates) dropped;
    nothing else changes (not the marks, digits or other letters). For the text the models
    and checks read; outputs keep the text as written."""
    return _BIDI_CONTROLS.sub("", unfold_presentation_forms(text))


def to_ascii_digits(text: str) -> str:
    """Map Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII 0-9, nothing else."""
    return text.translate(_DIGITS)


def normalize(text: str, lang: str) -> str:
    """Fold `text` for matching only (see module docstring); never show the result to users."""
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    # NFKC may not remove marks that composed; strip them after.
    text = _MARKS.sub("", text)
    text = text.translate(_DIGITS)
    text = _THOUSANDS.sub("", text)
    text = text.translate(_LETTERS)
    # Casefold everything: Arabic script has no case, and Latin names inside Arabic or
    # Persian text (شركة Apple) must match the English side's spelling in any case.
    del lang
    text = text.casefold()
    return _SPACE.sub(" ", text).strip()
