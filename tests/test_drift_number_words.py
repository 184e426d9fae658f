"""Number words composed into one figure as each language writes them: Arabic teens (اثنتا
عشرة), units before tens with و, hundreds and scales added with و; Persian and English tens
before units, hundreds and scales. A flag quotes the words as the text writes them."""

from __future__ import annotations

import pytest

from mlalign.drift import DriftConfig
from mlalign.drift.base import CheckContext
from mlalign.drift.number import NumberCheck, extract
from mlalign.types import Bead


def _flags(src: str, tgt: str, lang: str) -> list[tuple[str, str]]:
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    return [(f.severity, f.detail) for f in NumberCheck().check(Bead([0], [0], src, tgt), ctx)]


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("اثنتي عشرة سنة", "ar", 12),
    ("اثني عشر شهرا", "ar", 12),
    ("أحد عشر طالباً", "ar", 11),
    ("إحدى عشرة سنة", "ar", 11),
    ("ألفين وخمسمائة دينار", "ar", 2500),
    ("ثلاثة آلاف وخمسمائة شخص", "ar", 3500),
    ("مئة وخمسة وعشرون", "ar", 125),
    ("مئة و عشرون مليون نسمة", "ar", 120_000_000),
    ("دو هزار و پانصد دینار", "fa", 2500),
    ("یک میلیون و دویست هزار نفر", "fa", 1_200_000),
    ("سیصد و شصت و پنج روز", "fa", 365),
    ("one hundred and twenty years", "en", 120),
    ("two thousand five hundred dinars", "en", 2500),
])
def test_number_words_compose_into_one_figure(text: str, lang: str, value: int) -> None:
    assert [max(m.values) for m in extract(text, lang)] == [value]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("بقي في السجن اثنتي عشرة سنة.", "He stayed in prison for twelve years.", "ar"),
    ("دفع ألفين وخمسمائة دينار.", "He paid 2,500 dinars.", "ar"),
    ("عاش الشيخ 120 عاماً.", "The sheikh lived for one hundred and twenty years.", "ar"),
    ("او دو هزار و پانصد دینار پرداخت.", "He paid 2,500 dinars.", "fa"),
    ("بیش از یک میلیون و دویست هزار نفر رأی دادند.", "More than 1.2 million people voted.", "fa"),
])
def test_compound_number_words_matching_the_english_do_not_flag(src: str, tgt: str,
                                                                 lang: str) -> None:
    assert _flags(src, tgt, lang) == []


def test_changed_compound_figure_is_flagged_quoting_the_words_as_written() -> None:
    flags = _flags("دفع ألفين وخمسمائة دينار.", "He paid 2,600 dinars.", "ar")
    assert [sev for sev, _ in flags] == ["high"]
    assert "ألفين وخمسمائة" in flags[0][1] and "2,600" in flags[0][1]


def test_number_word_is_quoted_in_its_own_spelling_not_the_normalised_one() -> None:
    flags = _flags("حضر ثلاثة وزراء.", "Five ministers attended.", "ar")
    assert flags and "ثلاثة" in flags[0][1] and "ثلاثه" not in flags[0][1]
