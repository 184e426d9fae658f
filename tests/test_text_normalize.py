"""Matching normalisation folds spelling variants but never merges different words."""

from __future__ import annotations

import pytest

from mlalign.text.normalize import normalize, to_ascii_digits


def test_digits() -> None:
    assert to_ascii_digits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 42") == "0123456789 0123456789 42"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("علي", "علی"),  # Arabic yeh vs Persian yeh
        ("مستشفى", "مستشفی"),  # alef maksura
        ("كتاب", "کتاب"),  # kaf
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("أحمد", "احمد"),
        ("إيران", "ایران"),
        ("آب", "اب"),
        ("ٱلله", "الله"),
        ("العـــربية", "العربیه"),  # tatweel
        ("الْعَرَبِيَّةُ", "العربیه"),  # harakat
        ("می\u200cخواهم", "میخواهم"),  # ZWNJ
        ("\u200fسلام\u202c", "سلام"),  # bidi controls
        ("ﻻ", "لا"),  # presentation form
        ("۳٫۵", "3.5"),
        ("٣٬٠٠٠", "3000"),
        ("3,000", "3000"),
        ("نعم، ولكن؛", "نعم, ولکن;"),
    ],
)
def test_arabic_script_variants_fold(a: str, b: str) -> None:
    assert normalize(a, "fa") == normalize(b, "ar")


def test_different_words_stay_different() -> None:
    assert normalize("کتاب", "fa") != normalize("کتب", "fa")
    assert normalize("3.5", "en") != normalize("35", "en")
    assert normalize("1,5", "en") == "1,5"  # not a thousands group: left alone


def test_english_casefold_and_spaces() -> None:
    assert normalize("  The\u00a0STRASSE \t Straße\u200b ", "en") == "the strasse strasse"


def test_latin_inside_arabic_is_casefolded() -> None:
    assert normalize("شركة Apple", "ar") == "شرکه apple"


def test_fold_presentation_forms_keeps_everything_else() -> None:
    """Presentation forms (old PDFs) become their letters and bidi controls go; marks,
    digits, ZWNJ and tatweel stay as written (the models read those as before)."""
    from mlalign.text.normalize import fold_presentation_forms

    assert fold_presentation_forms("ﺍﻟﺴﻼﻡ ﻻ") == "السلام لا"
    assert fold_presentation_forms("\u202bقال\u200f الوزير.\u202c") == "قال الوزير."
    kept = "أيضاً ٥٠٠ می‌خواهم الســــلام"
    assert fold_presentation_forms(kept) == kept
    honorific = "قال رسول الله ﷺ: ﴿وَقُلْ رَبِّ زِدْنِي عِلْمًا﴾"
    assert fold_presentation_forms(honorific) == honorific  # word ligatures stay as written
