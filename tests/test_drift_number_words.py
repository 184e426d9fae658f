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
    # digits, a scale and و compose too, and scales in a row multiply
    ("مليوناً و200 ألف دينار", "ar", 1_200_000),
    ("۲ میلیون و ۴۰۰ هزار تومان", "fa", 2_400_000),
    ("۱۴ هزار و ۲۰۰ تومان", "fa", 14_200),
    ("۲ میلیون و پانصد هزار تومان", "fa", 2_500_000),
    ("۲۸۸ هزار میلیارد تومان", "fa", 288_000_000_000_000),
    ("ألف مليار دولار", "ar", 1_000_000_000_000),
])
def test_number_words_compose_into_one_figure(text: str, lang: str, value: int) -> None:
    assert [max(m.values) for m in extract(text, lang)] == [value]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("بقي في السجن اثنتي عشرة سنة.", "He stayed in prison for twelve years.", "ar"),
    ("دفع ألفين وخمسمائة دينار.", "He paid 2,500 dinars.", "ar"),
    ("عاش الشيخ 120 عاماً.", "The sheikh lived for one hundred and twenty years.", "ar"),
    ("او دو هزار و پانصد دینار پرداخت.", "He paid 2,500 dinars.", "fa"),
    ("بیش از یک میلیون و دویست هزار نفر رأی دادند.", "More than 1.2 million people voted.", "fa"),
    ("وبلغ متوسط الراتب الشهري مليوناً و200 ألف دينار.",
     "The average monthly salary reached 1.2 million dinars.", "ar"),
    ("بهای هر گرم طلا به ۲ میلیون و ۴۰۰ هزار تومان رسید.",
     "The price of a gram of gold reached 2.4 million tomans.", "fa"),
    ("هر درهم ۱۴ هزار و ۲۰۰ تومان معامله شد.", "One dirham traded at 14,200 tomans.", "fa"),
    ("سالانه ۲۸۸ هزار میلیارد تومان هزینه دارد.", "It costs 288 trillion tomans a year.", "fa"),
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


def test_two_figures_joined_by_and_stay_two() -> None:
    """و before a figure with a scale as large as the last one starts another figure."""
    assert [max(m.values) for m in extract("ثلاثة ملايين وأربعة ملايين", "ar")] == [3e6, 4e6]
    assert [max(m.values) for m in extract("٣ ملايين و4 ملايين", "ar")] == [3e6, 4e6]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("سالانه ۲۸۸ هزار میلیارد تومان هزینه دارد.", "It costs 288 billion tomans a year.", "fa"),
    ("قال إن ٣ ملايين شخص تظاهروا.", "He said 3 billion people demonstrated.", "ar"),
])
def test_changed_scale_behind_the_same_digits_is_flagged(src: str, tgt: str, lang: str) -> None:
    """288 thousand billion made "288 billion": the digits agree, the figure does not."""
    flags = _flags(src, tgt, lang)
    assert [sev for sev, _ in flags] == ["high"]
    assert "billion" in flags[0][1]


@pytest.mark.parametrize("text", ["سهم صادرات", "سیم برق", "خانم سیمین", "پاسخ دهم."])
def test_persian_words_that_look_like_ordinals_are_no_figures(text: str) -> None:
    """سهم "share" and سیم "wire" are not سه / سی with the ordinal -م (their ordinals are
    سوم and سی‌ام); دهم ending a clause is the verb "(that) I give"."""
    assert [m for m in extract(text, "fa") if not m.weak] == []


def test_persian_ordinals_are_still_read() -> None:
    text = "قسمت سوم و هفتمین جلسه در کلاس دهم"
    assert [(max(m.values), m.ordinal) for m in extract(text, "fa")] == [
        (3.0, True), (7.0, True), (10.0, True)]


def test_share_read_as_an_ordinal_does_not_flag() -> None:
    src = "سهم صادرات غیرنفتی از کل صادرات کشور در سال ۱۴۰۱ حدود ۴۵ درصد بوده است."
    tgt = "Non-oil exports accounted for about 45 percent of total exports in 1401 [2022–23]."
    assert _flags(src, tgt, "fa") == []


def test_the_thousand_and_one_nights_is_1001() -> None:
    """ألف ليلة وليلة is the title "One Thousand and One Nights", not 1000 made 1001."""
    assert _flags("قرأت ألف ليلة وليلة.", "I read One Thousand and One Nights.", "ar") == []
    assert _flags("قرأت ألف ليلة.", "I read a thousand and one nights.", "ar") != []


@pytest.mark.parametrize(("text", "values"), [
    # classical Arabic counts up, the hundreds last
    ("وفي سنة خمس وأربعين ومائة للهجرة خرج محمد", [145.0]),
    ("سنة ثلاث وعشرين وثلاثمائة", [323.0]),
    ("في سنة خمس ومائة", [105.0]),
    # "between fifty and a hundred" stays two figures
    ("حضر ما بين خمسين ومائة شخص", [50.0, 100.0]),
])
def test_classical_arabic_hundreds_last(text: str, values: list[float]) -> None:
    assert sorted(v for m in extract(text, "ar") for v in m.values if v < 1900) == values


def test_a_persian_count_glued_to_its_noun_is_read() -> None:
    """چهارطبقه "four-storey": before, the glued four went unread, and the indefinite یک of
    the same sentence faced the English "four" as a changed figure (sixth sweep)."""
    src = "واحد در طبقه سوم یک ساختمان چهارطبقه و بدون آسانسور قرار دارد."
    assert _flags(src, "The unit is on the third floor of a four-storey building with no lift.", "fa") == []
    assert [v for m in extract("آپارتمان دوخوابه در یک هتل پنج‌ستاره", "fa") for v in m.values] == [2.0, 1.0, 5.0]


@pytest.mark.parametrize(("src", "good", "bad", "lang"), [
    ("چند سوار تورانی رخش را دیدند.", "A few Turanian horsemen saw Rakhsh.",
     "Hundreds of Turanian horsemen saw Rakhsh.", "fa"),
    ("سقط مئات القتلى في القصف.", "Hundreds were killed in the shelling.",
     "Thousands were killed in the shelling.", "ar"),
])
def test_a_vague_quantity_of_another_magnitude_is_a_changed_figure(src: str, good: str, bad: str,
                                                                   lang: str) -> None:
    assert _flags(src, good, lang) == []
    assert [sev for sev, _ in _flags(src, bad, lang)] == ["high"]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("هزاران نفر در میدان جمع شدند.", "Many people gathered in the square.", "fa"),
    ("قُتل عشرات الآلاف في الحرب.", "Tens of thousands were killed in the war.", "ar"),
    ("چند هزار نفر آمدند.", "Several thousand people came.", "fa"),
])
def test_a_vague_quantity_rendered_loosely_is_no_change(src: str, tgt: str, lang: str) -> None:
    assert _flags(src, tgt, lang) == []
