"""Calendar years in the number check: a Solar Hijri or lunar Hijri year matches its
Gregorian equivalent on the other side, but two years written in the same calendar are
compared as written, so ۱۳۹۸ made "1399" is a changed figure."""

from __future__ import annotations

import pytest

from mlalign.drift import DriftConfig
from mlalign.drift.base import CheckContext
from mlalign.drift.number import NumberCheck
from mlalign.types import Bead

FA_1398 = "این قانون در سال ۱۳۹۸ تصویب شد."
AR_1441 = "صدر القانون عام ١٤٤١ هـ."
AR_1453 = "سقطت القسطنطينية عام ١٤٥٣."
FA_RANGE = "بودجه سال ۱۳۹۸-۹۹ تصویب شد."


def _flags(src: str, tgt: str, lang: str) -> list[tuple[str, str]]:
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    return [(f.severity, f.detail) for f in NumberCheck().check(Bead([0], [0], src, tgt), ctx)]


@pytest.mark.parametrize("year", ["1399", "1400"])
def test_solar_hijri_year_changed_to_another_solar_year_is_flagged(year: str) -> None:
    flags = _flags(FA_1398, f"The law was passed in {year}.", "fa")
    assert [sev for sev, _ in flags] == ["high"]
    assert "1398" in flags[0][1] and year in flags[0][1]


def test_solar_hijri_year_written_the_same_is_not_flagged() -> None:
    assert _flags(FA_1398, "The law was passed in 1398.", "fa") == []


@pytest.mark.parametrize("year", ["2019", "2020"])
def test_solar_hijri_year_matches_its_gregorian_years(year: str) -> None:
    assert _flags(FA_1398, f"The law was passed in {year}.", "fa") == []


def test_lunar_hijri_year_written_the_same_is_not_flagged() -> None:
    assert _flags(AR_1441, "The law was issued in 1441 AH.", "ar") == []


def test_lunar_hijri_year_changed_to_another_hijri_year_is_flagged() -> None:
    flags = _flags(AR_1441, "The law was issued in 1442 AH.", "ar")
    assert [sev for sev, _ in flags] == ["high"]
    assert "1441" in flags[0][1] and "1442" in flags[0][1]


def test_medieval_gregorian_year_written_the_same_is_not_flagged() -> None:
    assert _flags(AR_1453, "Constantinople fell in 1453.", "ar") == []


def test_medieval_gregorian_year_changed_is_flagged() -> None:
    """1453 and 1454 share lunar-Hijri Gregorian candidates (2031, 2032); that must not
    make them the same figure."""
    assert [sev for sev, _ in _flags(AR_1453, "Constantinople fell in 1454.", "ar")] == ["high"]


def test_solar_hijri_year_range_matches_its_gregorian_range() -> None:
    """۱۳۹۸-۹۹ ends in 1399 (the century of the written 1398, not of its conversion), which
    is 2020 on the English side."""
    assert _flags(FA_RANGE, "The budget for 2019-20 was approved.", "fa") == []


def test_early_lunar_hijri_year_matches_its_gregorian_year() -> None:
    """Lunar Hijri years from 1200 on are converted: 1250 AH began in 1834."""
    assert _flags("ولد عام ١٢٥٠ هـ.", "He was born in 1834.", "ar") == []


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("این قرارداد در تاریخ ۲۲ بهمن ۱۴۰۱ امضا شد.", "It was signed on 11 February 2023.", "fa"),
    ("قسط دوم تا ۳۱ شهریور ۱۴۰۲ پرداخت خواهد شد.", "The second is due by September 22, 2023.",
     "fa"),
    ("صدر القرار في ٢٧ رمضان ١٤٤٤ هـ.", "The decision was issued on 18 April 2023.", "ar"),
])
def test_hijri_date_converted_to_a_gregorian_date_is_not_flagged(src: str, tgt: str,
                                                                 lang: str) -> None:
    assert _flags(src, tgt, lang) == []


def test_day_changed_in_a_solar_hijri_date_kept_in_its_calendar_is_flagged() -> None:
    flags = _flags("این قرارداد در تاریخ ۲۲ بهمن ۱۴۰۱ امضا شد.", "It was signed on 23 Bahman 1401.",
                   "fa")
    assert [sev for sev, _ in flags] == ["high"]
    assert "22" in flags[0][1] and "23" in flags[0][1]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("وُلد الإمام الطبري سنة ٢٢٤ هـ في آمل.", "Imam al-Tabari was born in 839 CE in Amol.", "ar"),
    ("وتوفي ببغداد سنة ٣١٠ هـ.", "He died in Baghdad in 923.", "ar"),
    ("این بنا در سال ۳۰۰ ه.ش ساخته شد.", "The building was built in 921.", "fa"),
])
def test_year_with_a_calendar_marker_matches_its_gregorian_year_whatever_its_size(
        src: str, tgt: str, lang: str) -> None:
    assert _flags(src, tgt, lang) == []


@pytest.mark.parametrize(("src", "tgt"), [
    ("او در دههٔ چهل در روستایی نزدیک کاشان زندگی می‌کرد.",
     "In the 1960s she lived in a village near Kashan."),
    ("در دهه ۶۰ جنگ بود.", "In the 1980s there was war."),
    ("در دهه‌ی ۱۳۵۰ ساخته شد.", "It was built in the 1970s."),
])
def test_a_persian_decade_is_the_gregorian_decade_it_falls_in(src: str, tgt: str) -> None:
    """دههٔ چهل is the 1340s of the Solar Hijri calendar, 1961-1970: "the 1960s", not 40."""
    assert _flags(src, tgt, "fa") == []


def test_a_persian_decade_rendered_as_another_is_still_flagged() -> None:
    assert _flags("در دهه ۶۰ جنگ بود.", "In the 1990s there was war.", "fa")


# Afghan (Dari) month names of the Solar Hijri calendar (fourth sweep, 2026-12-07): the
# day before حمل was compared with the Gregorian day (15 made "4"), and the year, read as
# 2023 or 2024 whatever its month, let a wrong Gregorian year through.
@pytest.mark.parametrize(("src", "tgt"), [
    ("پوهنتون کابل روز ۱۵ حمل ۱۴۰۲ دروازه‌های خود را باز کرد.",
     "Kabul University opened its doors on 4 April 2023."),
    ("این قانون به تاریخ ۱۰ جدی ۱۴۰۱ نافذ شد.", "The law came into force on 31 December 2022."),
    ("انتخابات در ۲۵ حوت ۱۴۰۱ برگزار شد.", "The election was held on 16 March 2023."),
    ("امتحانات در ماه جوزا ۱۴۰۲ برگزار می‌شود.", "The exams are held in June 2023."),
])
def test_afghan_solar_date_converted_to_a_gregorian_date_is_not_flagged(src: str,
                                                                       tgt: str) -> None:
    assert _flags(src, tgt, "fa") == []


@pytest.mark.parametrize(("src", "tgt", "wrong"), [
    ("پوهنتون کابل روز ۱۵ حمل ۱۴۰۲ دروازه‌های خود را باز کرد.",
     "Kabul University opened its doors on 4 April 2024.", "2024"),
    ("پوهنتون کابل روز ۱۵ حمل ۱۴۰۲ دروازه‌های خود را باز کرد.",
     "Kabul University opened its doors on 4 April 2022.", "2022"),
    ("دانشگاه تهران روز ۱۵ فروردین ۱۴۰۲ درهای خود را باز کرد.",
     "The University of Tehran opened its doors on 4 April 2024.", "2024"),
    ("انتخابات در ۲۵ حوت ۱۴۰۱ برگزار شد.", "The election was held on 16 March 2022.", "2022"),
])
def test_wrong_gregorian_year_of_a_solar_date_with_its_month_is_flagged(src: str, tgt: str,
                                                                         wrong: str) -> None:
    flags = _flags(src, tgt, "fa")
    assert flags and ("1402" in flags[0][1] or "1401" in flags[0][1])
    assert wrong in flags[0][1]


def test_a_solar_year_without_its_month_still_matches_either_gregorian_year() -> None:
    assert _flags(FA_1398, "The law was passed in 2020.", "fa") == []
    assert _flags("این قانون در دی ۱۴۰۱ تصویب شد.", "The law was passed in 2023.", "fa") == []
    assert _flags("این قانون در دی ۱۴۰۱ تصویب شد.", "The law was passed in 2022.", "fa") == []


@pytest.mark.parametrize(("src", "tgt"), [
    ("پوهنتون کابل روز ۱۵ حمل ۱۴۰۲ دروازه‌های خود را باز کرد.",
     "Kabul University opened its doors on 5 April 2023."),
    ("پوهنتون کابل روز ۱۵ حمل ۱۴۰۲ دروازه‌های خود را باز کرد.",
     "Kabul University opened its doors on April 14th, 2023."),
    ("این قرارداد در تاریخ ۲۲ بهمن ۱۴۰۱ امضا شد.", "It was signed on 13 February 2023."),
])
def test_a_solar_date_converted_to_another_day_of_its_gregorian_month_is_flagged(
        src: str, tgt: str) -> None:
    """The day of a Solar date converted with its month and year is one of two (1 Farvardin
    is 20 or 21 March): "5 April" for ۱۵ حمل ۱۴۰۲ (4 April 2023) is a changed date."""
    flags = _flags(src, tgt, "fa")
    assert flags and ("15" in flags[0][1] or "22" in flags[0][1])


def test_a_solar_date_converted_within_a_day_of_nowruz_is_not_flagged() -> None:
    src = "پوهنتون کابل روز ۱۵ حمل ۱۴۰۲ دروازه‌های خود را باز کرد."
    assert _flags(src, "Kabul University opened its doors on April 4th, 2023.", "fa") == []
    assert _flags(src, "Kabul University opened its doors on 3 April 2023.", "fa") == []
    # a month or more away: the check cannot tell which day is meant (another event?)
    assert _flags(src, "Kabul University opened its doors on 5 July 2023.", "fa") == []


@pytest.mark.parametrize(("src", "tgt", "shown"), [
    ("مراسم بزرگداشت او روز ۲۲ بهمن ۱۴۰۱ برگزار شد.",
     "A memorial ceremony for him was held on 11 March 2023.", "11 February"),
    ("پوهنتون کابل روز ۱۵ حمل ۱۴۰۲ دروازه‌های خود را باز کرد.",
     "Kabul University opened its doors on 4 May 2023.", "4 April"),
    ("این قانون به تاریخ ۱۰ جدی ۱۴۰۱ نافذ شد.", "The law came into force on 31 January 2023.",
     "31 December"),
])
def test_a_solar_date_rendered_in_the_next_or_last_gregorian_month_is_flagged(
        src: str, tgt: str, shown: str) -> None:
    """۲۲ بهمن ۱۴۰۱ is 11 February 2023; "11 March" keeps the day and moves the month, and
    was let through because the day numbers of two calendars are never compared."""
    flags = _flags(src, tgt, "fa")
    assert [sev for sev, _ in flags] == ["high"] and shown in flags[0][1]


def test_a_solar_day_kept_under_its_gregorian_month_is_flagged() -> None:
    """"22 February" for ۲۲ بهمن ۱۴۰۱ (11 February): the Solar day under the Gregorian
    month. The day read on the original's side was both 22 and 11, so 22 matched."""
    flags = _flags("مراسم بزرگداشت او روز ۲۲ بهمن ۱۴۰۱ برگزار شد.",
                   "A memorial ceremony for him was held on 22 February 2023.", "fa")
    assert [sev for sev, _ in flags] == ["high"] and "11 February" in flags[0][1]


@pytest.mark.parametrize(("src", "tgt", "lang", "changed"), [
    ("وتوفي الإمام البخاري رحمه الله سنة ٢٥٦هـ.", "Imam al-Bukhari died in 265 AH (870 CE).",
     "ar", ("256", "265")),
    ("او در سال ۱۳۵۷ به تهران آمد.", "He came to Tehran in 1375 SH (1978).", "fa",
     ("1357", "1375")),
])
def test_a_hijri_year_restated_wrongly_beside_its_right_gregorian_year_is_flagged(
        src: str, tgt: str, lang: str, changed: tuple[str, str]) -> None:
    """The original's Hijri year matched the English's Gregorian one, so the English's own
    Hijri year, another figure, was only an extra number and scored low."""
    flags = _flags(src, tgt, lang)
    assert [sev for sev, _ in flags] == ["high"]
    assert all(v in flags[0][1] for v in changed)


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("وتوفي الإمام البخاري رحمه الله سنة ٢٥٦هـ.", "Imam al-Bukhari died in 256 AH (870 CE).", "ar"),
    ("او در سال ۱۳۵۷ به تهران آمد.", "He came to Tehran in 1357 SH (1978).", "fa"),
    ("وتوفي الإمام البخاري رحمه الله سنة ٢٥٦هـ.", "Imam al-Bukhari died in 870.", "ar"),
])
def test_a_hijri_year_restated_rightly_is_not_flagged(src: str, tgt: str, lang: str) -> None:
    assert _flags(src, tgt, lang) == []


def test_a_footnote_mark_is_no_day_of_a_solar_date() -> None:
    """A superscript footnote mark (¹) is a digit to `str.isdigit` but no number: reading it
    as a day stopped the whole audit with a ValueError."""
    assert _flags("این کتاب ¹ روز ۲۲ بهمن ۱۴۰۱ چاپ شد.",
                  "This book¹ was printed on 11 February 2023.", "fa") == []
    assert _flags("این کتاب ¹ در سال ۱۴۰۱ چاپ شد.", "This book ¹ was printed in 2022.", "fa") == []


def test_a_date_in_both_calendars_keeps_each_calendars_day() -> None:
    """Sixth real-genre sweep (2026-12-08): the original gives the Hijri date and the
    Gregorian one (١٤ رمضان ١٤٤٥هـ الموافق ٢٤ آذار ٢٠٢٤م), and so does the English. Before, the
    day numbers of both calendars were set aside as incomparable, and "14 March" passed."""
    src = "أصدرت المحكمة، يوم الأحد ١٤ رمضان ١٤٤٥هـ الموافق ٢٤ آذار ٢٠٢٤م، حكمها."
    good = "On Sunday, 14 Ramadan 1445 AH (24 March 2024 CE), the court issued its ruling."
    bad = "On Sunday, 14 Ramadan 1445 AH (14 March 2024 CE), the court issued its ruling."
    assert _flags(src, good, "ar") == []
    flags = _flags(src, bad, "ar")
    assert [sev for sev, _ in flags] == ["high"] and "24" in flags[0][1] and "14" in flags[0][1]


@pytest.mark.parametrize(("src", "good", "bad", "lang"), [
    ("آخر موعد لاستقبال الطلبات يوم الخميس 15 مايو 2025م.",
     "The deadline for applications is Thursday, 15 May 2025.",
     "The deadline for applications is Thursday, 15 March 2025.", "ar"),
    ("عُقد الاجتماع في ٣ كانون الثاني ٢٠٢٤.", "The meeting was held on 3 January 2024.",
     "The meeting was held on 3 December 2024.", "ar"),
    ("انعقدت الدورة يوم 12 جوان 2024.", "The session was held on 12 June 2024.",
     "The session was held on 12 July 2024.", "ar"),
    ("این کنفرانس در ۱۰ ژانویه ۲۰۲۴ برگزار شد.", "The conference was held on 10 January 2024.",
     "The conference was held on 10 February 2024.", "fa"),
    # a Solar or lunar Hijri month the English writes by its own name
    ("آزمون در روزهای ۱۷ و ۱۸ خرداد ۱۴۰۳ برگزار می‌شود.", "The exam will be held on 17 and 18 Khordad 1403.",
     "The exam will be held on 17 and 18 Tir 1403.", "fa"),
    ("بدأ الصيام يوم ١ رمضان ١٤٤٥هـ.", "The fast began on 1 Ramadan 1445 AH.",
     "The fast began on 1 Shawwal 1445 AH.", "ar"),
])
def test_a_gregorian_date_moved_to_another_month_is_a_changed_date(src: str, good: str, bad: str,
                                                                   lang: str) -> None:
    """١٥ مايو made "15 March", ۱۸ خرداد "18 Tir" (sixth sweep): the day and the year match,
    the month did not."""
    assert _flags(src, good, lang) == []
    flags = _flags(src, bad, lang)
    assert [sev for sev, _ in flags] == ["high"] and "date" in flags[0][1]


def test_a_persian_word_that_spells_a_maghrebi_month_is_no_month() -> None:
    """جوان is June in Tunisia and "young" in Persian."""
    src = "۲۰ جوان در این مسابقه شرکت کردند و ۲۰ ژوئن به خانه برگشتند."
    assert _flags(src, "20 young people took part in the competition and went home on 20 June.", "fa") == []
    assert _flags("انعقدت الدورة يوم 20 جوان 2024.", "The session was held on 20 June 2024.", "ar") == []
