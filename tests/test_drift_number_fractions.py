"""Fractions, multiples, decades, centuries, ages and converted glosses (helper-20's sweep):
a faithful rendering ("a third" for ثلث, "the 1980s" for دهه شصت, "5 million rials" for ۵۰۰
هزار تومان) flags nothing, a changed one ("half" made "a third", "62 miles (160 km)" for 100
كيلومتر) is a changed figure."""

from __future__ import annotations

import pytest

from mlalign.drift import DriftConfig
from mlalign.drift.base import CheckContext
from mlalign.drift.number import NumberCheck
from mlalign.types import Bead


def _flags(src: str, tgt: str, lang: str) -> list[tuple[str, str]]:
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    return [(f.severity, f.detail) for f in NumberCheck().check(Bead([0], [0], src, tgt), ctx)]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("أنفقت الحكومة نصف ميزانيتها على التعليم.", "The government spent a third of its budget on education.", "ar"),
    ("ويعيش ربع السكان تحت خط الفقر.", "Half of the population lives below the poverty line.", "ar"),
    ("وحصلت المدارس الريفية على ثلثي المنح.", "Rural schools received one-third of the grants.", "ar"),
    ("دولت یک‌سوم یارانه‌ها را حذف کرد.", "The government cut a quarter of the subsidies.", "fa"),
    ("نرخ تورم در سال گذشته دو برابر شد.", "The inflation rate tripled last year.", "fa"),
    ("وفي الثمانينيات نشر أهم كتبه.", "In the seventies he published his most important books.", "ar"),
    ("كان في الثلاثينيات من عمره حين سافر.", "He was in his forties when he travelled.", "ar"),
    ("او در سی‌سالگی به تهران رفت.", "He moved to Tehran at the age of forty.", "fa"),
    ("شهدت مصر في القرن التاسع عشر تحولات كبيرة.", "Egypt underwent great transformations in the 18th century.", "ar"),
    ("وفي مطلع القرن الحادي والعشرين تقاعد.", "At the start of the twentieth century he retired.", "ar"),
    ("وتبعد المدرسة عن المركز ١٠٠ كيلومتر.", "The school is 62 miles (160 km) from the centre.", "ar"),
    ("قیمت گوشت به ۵۰۰ هزار تومان رسید.", "Meat reached 500,000 tomans (50 million rials).", "fa"),
])
def test_a_changed_fraction_multiple_decade_century_or_gloss_is_flagged(src: str, tgt: str, lang: str) -> None:
    """Each went unflagged: fractions and centuries are weak alone and had no rule for one
    replaced by another, English decades and ordinals past the tenth were no number words,
    a Persian age glued to سالگی was not read, a wrong gloss was one English figure alone."""
    flags = _flags(src, tgt, lang)
    assert flags and flags[0][0] == "high", flags


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("أنفقت الحكومة نصف ميزانيتها على التعليم.", "The government spent half of its budget on education.", "ar"),
    ("أنفقت الحكومة نصف ميزانيتها على التعليم.", "The government spent 50% of its budget on education.", "ar"),
    ("وحصلت المدارس الريفية على ثلثي المنح.", "Rural schools received two-thirds of the grants.", "ar"),
    ("وخُصص ثلث الميزانية للبنية التحتية.", "A third of the budget was allocated to infrastructure.", "ar"),
    ("دولت یک‌سوم یارانه‌ها را حذف کرد.", "The government cut a third of the subsidies.", "fa"),
    ("سه‌چهارم مردم رأی دادند.", "Three-quarters of the people voted.", "fa"),
    ("فاز ثالثة للحزب.", "A third term for the party.", "ar"),
    ("وفي الثمانينيات نشر أهم كتبه.", "In the eighties he published his most important books.", "ar"),
    ("وفي الثمانينات نشر أهم كتبه.", "In the 1980s he published his most important books.", "ar"),
    ("در دهه شصت، بسیاری از آثارش توقیف شد.", "In the 1980s many of his works were banned.", "fa"),
    ("او در سی‌سالگی به تهران رفت.", "He moved to Tehran at the age of thirty.", "fa"),
    ("شهدت مصر في القرن التاسع عشر تحولات كبيرة.", "Egypt underwent great transformations in the 1800s.", "ar"),
    ("در قرن چهاردهم هجری شمسی، شعر نو شکل گرفت.", "In the 20th century, modern poetry took shape.", "fa"),
    ("ويصادف المؤتمر الذكرى التسعين لميلاده.", "The conference marks the ninetieth anniversary of his birth.", "ar"),
    ("وتبعد المدرسة عن المركز ١٠٠ كيلومتر.", "The school is 62 miles (100 km) from the centre.", "ar"),
    ("قیمت گوشت به ۵۰۰ هزار تومان رسید.", "Meat reached 500,000 tomans (5 million rials).", "fa"),
    ("هر لیتر بنزین ۱۵۰۰ تومان است.", "A litre of petrol costs 1,500 tomans (15,000 rials).", "fa"),
    # a half after an hour is its minutes, a third is also the ordinal (Tatoeba, NTREX)
    ("تبدأ المدرسة الساعة الثامنة و النصف.", "School begins at eight-thirty.", "ar"),
    ("توم لديه موعد اسنان عند الثانية والنصف", "Tom has a dentist appointment at 2:30.", "ar"),
    ("بازی آنها در یک سوم پایانی", "their play in the final third", "fa"),
    ("سه چهارم سطح زمین آب است.", "Three-fourths of the earth's surface is water.", "fa"),
])
def test_faithful_fractions_decades_centuries_and_glosses_are_no_change(src: str, tgt: str, lang: str) -> None:
    """دهه شصت، before a comma was not read as a decade (the 1980s drew a changed figure)."""
    assert _flags(src, tgt, lang) == []


def test_a_toman_made_a_rial_is_a_changed_unit() -> None:
    flags = _flags("هر لیتر بنزین ۱۵۰۰ تومان است.", "A litre of petrol costs 1,500 rials.", "fa")
    assert flags and "toman" in flags[0][1] and "rial" in flags[0][1]
