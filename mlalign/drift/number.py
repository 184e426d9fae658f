"""Numbers that differ between the original and the English: digits in any script, number
words, scale words, percentages, ordinals and Solar Hijri / Hijri years. A wrong figure is
the drift a reader is least able to catch, so each flag quotes both sides."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Any

from mlalign.drift.base import CheckContext, norm_arabic, strip_diacritics, to_ascii_digits
from mlalign.drift.bounds import changed_bound
from mlalign.drift.units import EN_UNITS, changed_times, changed_units, changed_weekday, lost_signs
from mlalign.types import Bead, Flag

SCALES_EN = {"hundred": 100, "hundreds": 100, "thousand": 1e3, "thousands": 1e3,
             "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
             "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
SCALES_SRC = {"مئه": 100, "مايه": 100, "مئات": 100, "الف": 1e3, "الاف": 1e3, "مليون": 1e6,
              "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9, "بليون": 1e9, "ترليون": 1e12,
              "تريليون": 1e12, "صد": 100, "هزار": 1e3, "ميليون": 1e6, "ميليارد": 1e9,
              "بيليون": 1e9, "تريليارد": 1e12}
WORDS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
            "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
            "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12, "half": 0.5,
            "quarter": 0.25, "third": 3, "first": 1, "second": 2, "fourth": 4, "fifth": 5,
            "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twice": 2,
            "double": 2, "triple": 3, "once": 1, "single": 1, "both": 2, "pair": 2,
            "couple": 2,
            # "in his thirties", "the eighties" (الثلاثينيات، الثمانينيات)
            "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90,
            # ordinals past the tenth: "the fourteenth century", "the ninetieth anniversary"
            "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
            "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
            # a multiple said as a verb: تضاعف / دو برابر شد "doubled"
            "doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "twofold": 2,
            "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10}
WORDS_AR = {"صفر": 0, "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2,
            "اثنتين": 2, "اثنا": 2, "اثنتا": 2, "اثني": 2, "اثنتي": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
            "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8,
            "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20,
            "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40, "خمسين": 50,
            "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80,
            "ثمانون": 80, "تسعين": 90, "تسعون": 90, "نصف": 0.5, "ربع": 0.25, "ثلث": 3,
            "اول": 1, "اولي": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "رابع": 4,
            "رابعه": 4, "خامس": 5, "خامسه": 5, "مرتين": 2,
            "ضعف": 2, "يومين": 2, "عامين": 2, "سنتين": 2, "شهرين": 2, "اسبوعين": 2,
            "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7, "ثامن": 8, "ثامنه": 8, "تاسع": 9,
            "تاسعه": 9, "عاشر": 10, "عاشره": 10, "حادي": 1, "حاديه": 1,
            "عشرينيات": 20, "ثلاثينيات": 30, "اربعينيات": 40, "خمسينيات": 50,
            "ستينيات": 60, "سبعينيات": 70, "ثمانينيات": 80, "تسعينيات": 90,
            # the decades spelt with -ينات as often (الثمانينات)
            "عشرينات": 20, "ثلاثينات": 30, "اربعينات": 40, "خمسينات": 50, "ستينات": 60,
            "سبعينات": 70, "ثمانينات": 80, "تسعينات": 90,
            # duals of the scale words: ألفي عام "two thousand years", مئتي ألف "200,000"
            "ألفين": 2000, "ألفي": 2000, "ألفان": 2000, "مئتين": 200, "مئتان": 200,
            "مئتي": 200, "مائتين": 200, "مائتان": 200, "مائتي": 200, "مليونين": 2e6,
            "مليونان": 2e6, "مليارين": 2e9, "ملياران": 2e9, "مائتا": 200, "مئتا": 200,
            # the hundreds written as one word: ثلاثمائة، خمسمئة
            **{f"{unit}{hundred}": 100 * v for unit, v in (
                ("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                ("ثماني", 8), ("تسع", 9)) for hundred in ("مائة", "مئة")}}
# Ordinals match ordinals or digits, not cardinal words: "second homes" is not "two years".
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
            "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
            "hundredth", "اول", "اولي", "ثاني", "ثانيه", "ثالث", "ثالثه", "رابع",
            "رابعه", "خامس", "خامسه", "سادس", "سادسه", "سابع", "سابعه", "ثامن", "ثامنه",
            "تاسع", "تاسعه", "عاشر", "عاشره", "حادي", "حاديه", "اولين", "دوم", "دومين", "سوم",
            "سومين", "چهارم", "چهارمين", "پنجم", "پنجمين", "ثلث"}
# "At first": البداية، بادئ، ابتدا and نخستین say "first" without a number word. They
# count only against another ordinal ("at first" made "at second"), never as a small figure.
BEGINNING = {"بدايه", "بادئ", "البدء", "ابتدا", "نخست", "نخستين"}
# Number words that are more often something else: Persian نه "no", سی in "بی بی سی".
AMBIGUOUS = {"نه", "سي", "ست"}
# Persian ordinals that end a clause as a verb more often: پاسخ دهم "(that) I answer", not
# "tenth" (which stands before its noun or month: دهم فوریه).
VERB_AT_CLAUSE_END = {"دهم"}
# Persian numbers that take no ordinal suffix -م / -مین: their ordinals are سوم and سی‌ام,
# and سهم "share", سیم "wire", سیمین (a name, "silver") are no ordinals.
NO_ORDINAL_SUFFIX = {"سه", "سي"}
# English words for a time of day, and the hours they stand for: weak mentions that
# match a 24-hour time of the original (۱۲:۰۰, 24:00) but never flag alone.
CLOCK_WORDS_EN = {"noon": {12.0}, "midday": {12.0}, "midnight": {0.0, 12.0, 24.0}}
# After an English hour: a.m. / p.m. or the part of the day. A p.m. hour is also its
# 24-hour value (2:30 p.m. is 14:30), a.m. 12 is 0.
_MERIDIEM = re.compile(
    r"(?::\d{2})?\s*(?:o['’]clock\s+)?(?:(?P<am>a\.?\s?m\b\.?|in\s+the\s+morning)"
    r"|(?P<pm>p\.?\s?m\b\.?|in\s+the\s+(?:afternoon|evening)))", re.I)
CENTURY = {"century", "centuries", "قرن", "القرن", "قرون"}
WORDS_FA = {"صفر": 0, "يک": 1, "اول": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7,
            "هشت": 8, "نه": 9, "ده": 10, "يازده": 11, "دوازده": 12, "سيزده": 13,
            "چهارده": 14, "پانزده": 15, "بيست": 20, "سي": 30, "چهل": 40, "پنجاه": 50,
            "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "نيم": 0.5, "نيمي": 0.5,
            "اولين": 1, "دوم": 2, "دومين": 2, "سوم": 3, "سومين": 3, "چهارم": 4,
            "چهارمين": 4, "پنجم": 5, "پنجمين": 5, "دوجين": 12,
            "شانزده": 16, "هفده": 17, "هجده": 18, "هيجده": 18, "نوزده": 19,
            "يکصد": 100, "دويست": 200, "سيصد": 300, "چهارصد": 400, "پانصد": 500,
            "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900}
# Persian ages glued to their number (سی‌سالگی "at thirty", بیست‌ساله "twenty years old"),
# normalised and without the zero-width non-joiner.
AGE_SUFFIX_FA = (norm_arabic("سالگی"), norm_arabic("ساله"))
# Counts Persian glues to their noun as one adjective, which English writes with the figure:
# چهارطبقه "four-storey", دوخوابه "two-bedroom", سه‌روزه "three-day", پنج‌نفره "five-person".
COUNT_SUFFIX_FA = tuple(norm_arabic(w) for w in (
    "طبقه", "خوابه", "نفره", "روزه", "ماهه", "ساعته", "ستاره", "تایی"))
# Vague quantities: they match any figure of the same order of magnitude.
APPROX_EN = {"dozens": 10, "scores": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
             "billions": 1e9, "tens": 10, "several": 3, "few": 3, "many": 10, "numerous": 10}
APPROX_AR = {"عشرات": 10, "مئات": 100, "الاف": 1e3, "ملايين": 1e6, "مليارات": 1e9,
             "عده": 3, "بضع": 3, "بضعه": 3}
APPROX_FA = {"دهها": 10, "صدها": 100, "هزاران": 1e3, "ميليونها": 1e6, "چند": 3,
             "چندين": 3}
# The tables are looked up with normalised text (أ and ئ folded), so their keys are too:
# مئة is ميه once normalised.
SCALES_SRC, WORDS_AR, WORDS_FA, APPROX_AR, APPROX_FA = (
    {norm_arabic(k): v for k, v in table.items()}
    for table in (SCALES_SRC, WORDS_AR, WORDS_FA, APPROX_AR, APPROX_FA))
ORDINALS = {norm_arabic(k) for k in ORDINALS}
BEGINNING = {norm_arabic(k) for k in BEGINNING}
AMBIGUOUS = {norm_arabic(k) for k in AMBIGUOUS}
CENTURY = {norm_arabic(k) for k in CENTURY}
# A number after "year" may be a year without its century: عام واحد وأربعين is 1941.
YEAR_WORDS = {"year", "عام", "العام", "سنه", "السنه", "سال"}
# المائة after في or بال- (40 في المائة, 40 بالمئة) is "per cent", not a hundred.
PER_CENT_SRC = {"مايه", "ميه"}
# Seconds after a figure (ستون ثانية "sixty seconds"), not the ordinal "second".
UNIT_SECOND = {"ثانيه", "ثوان", "ثواني"}
# Small numbers that are often idiomatic ("one of", "a first step") and not worth a flag alone.
WEAK = {1.0, 2.0, 0.5, 0.25}
# Number words that are no part of a compound number: fractions, "twice", duals of nouns
# (عامين "two years"), decades (الثمانينيات), "first" said with its own word (اول).
NOT_COMPOSED = {norm_arabic(w) for w in (
    "dozen", "half", "quarter", "twice", "double", "triple", "once", "single", "both", "pair",
    "couple", "doubled", "tripled", "trebled", "quadrupled", "twofold", "threefold", "fourfold",
    "fivefold", "tenfold", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
    "eighties", "nineties", "صفر", "نصف", "ربع", "ثلث", "مرتين", "ضعف", "يومين", "عامين", "سنتين", "شهرين",
    "اسبوعين", "اول", "اولي", "اولين", "نيم", "نيمي", "دوجين")}
# أحد عشر / إحدى عشرة "eleven": أحد alone is "one" (or "anyone", "Sunday"), not a figure.
ELEVEN_AR = {"احد", "احدي"}
# Month names: a day written before a Solar Hijri or lunar Hijri month is another day number
# in the Gregorian calendar (۲۲ بهمن is 11 February). Normalised spelling, first word.
# The Solar Hijri months in order, as Iran names them and as Afghanistan does (Dari and
# Pashto: حمل، ثور، جوزا… ۱۵ حمل ۱۴۰۲ is 4 April 2023).
MONTHS_SOLAR = {norm_arabic(w): k for names in (
    ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
     "بهمن", "اسفند"),
    ("حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو",
     "حوت")) for k, w in enumerate(names)}
MONTHS_HIJRI = {*MONTHS_SOLAR, *(norm_arabic(w) for w in (
    "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال"))}
MONTHS_HIJRI_TWO = {"ذو", "ذي"}  # ذو القعدة, ذو الحجة: the second word says which
# Months of the Gregorian calendar as the originals write them, numbered: Egyptian and Gulf
# (يناير), Maghrebi (جانفي، جوان), Levantine and Iraqi (شباط، آذار; the pairs كانون الثاني،
# تشرين الأول by their second word), Persian (ژانویه). آذار is Levantine March; the Solar
# month is written آذر. جوان is also Persian "young", so Persian text does not read it.
_SRC_MONTH_NUMBER = {norm_arabic(w): k % 12 + 1 for names in (
    ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
     "نوفمبر", "ديسمبر"),
    ("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
     "نوفمبر", "ديسمبر"),
    ("", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "", "", ""),
    ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
     "نوامبر", "دسامبر")) for k, w in enumerate(names) if w}
_SRC_MONTH_NUMBER |= {norm_arabic(w): m for w, m in (
    ("ابريل", 4), ("إبريل", 4), ("يونيه", 6), ("يوليه", 7), ("اغسطس", 8), ("اكتوبر", 10),
    ("آگوست", 8))}
_LEVANT_PAIRS = {(norm_arabic(a), norm_arabic(b)): m for (a, b), m in (
    (("كانون", "الثاني"), 1), (("كانون", "الأول"), 12), (("تشرين", "الأول"), 10),
    (("تشرين", "الثاني"), 11))}
MONTHS_GREGORIAN_SRC = {*_SRC_MONTH_NUMBER, *(a for a, _ in _LEVANT_PAIRS)}
_NOT_A_MONTH_FA = {norm_arabic("جوان")}
# The months of the two Hijri calendars as English writes them, numbered ("14 Ramadan",
# "22 Bahman"); Rabi', Jumada and Dhu name two months each, told apart by a second word.
_EN_SOLAR_MONTH = {w: k + 1 for k, w in enumerate((
    "farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar", "mehr", "aban", "azar",
    "dey", "bahman", "esfand"))}
_EN_LUNAR_MONTH = {"muharram": 1, "safar": 2, "rajab": 7, "shaban": 8, "sha'ban": 8, "ramadan": 9,
                   "ramazan": 9, "shawwal": 10}
MONTHS_HIJRI_EN = {*_EN_SOLAR_MONTH, *_EN_LUNAR_MONTH, "rabi", "jumada", "dhu"}
MONTHS_EN = {"january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "jan", "feb", "mar", "apr",
             "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# A year followed by its calendar: هـ، ه.ق، ق (lunar Hijri), ه.ش، هـ.ش، ش (Solar Hijri),
# but not ق.م "before Christ". Such a year is of that calendar whatever its size (٢٢٤ هـ).
_CAL_MARK = re.compile(
    "\\s*(?:(?P<solar>ه\u0640?\u200d?\\.?\\s?ش|ش|هجر[يی]\\s+شمس[يی]|شمس[يی])"
    "|(?P<lunar>ه\u0640?\u200d?\\.?\\s?ق|ق(?!\\s?\\.?\\s?م)|ه\u0640?|هجر[يی](?:\\s+قمر[يی]|ة)?"
    "|قمر[يی]))\\.?(?![^\\W\\d_])")

_NUM = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?:\s*(%|per\s?cent|percent))?")
_AR_DUAL = re.compile(r"^..+[^س]ت(?:ان|ين)$")  # not -ستان (باكستان), not -تين alone
_AR_PREFIX = re.compile(r"^(?:وبال|بال|وال|فال|كال|لل|ال|و|ف|ب|ل|ک)(?=..)")


@dataclass(frozen=True)
class Mention:
    """One number as written ("٣ ملايين") with every value it could stand for."""

    text: str
    values: frozenset[float]
    digits: bool
    approx: bool = False
    year_like: bool = False
    ordinal: bool = False
    weak: bool = False  # may match, never flags alone (century numbers, ambiguous words)
    parts: frozenset[float] = frozenset()  # a clock time "4.40" is 4 and 40 elsewhere
    converted: frozenset[float] = frozenset()  # a metric figure in imperial units
    calendar: frozenset[float] = frozenset()  # a Solar / lunar Hijri year in Gregorian
    after_year: bool = False  # follows "year": عام عشرين may be 1920
    beginning: bool = False  # "at first" said without a number word (BEGINNING)
    month_day: str = ""  # a day before a month name: "hijri" (۲۲ بهمن) or "gregorian"
    key: str = ""  # the digits of a long number (8 or more), compared digit by digit
    # a figure with a scale word (٣ ملايين, "288 billion"): its whole value, the only one
    # compared with another such figure, so a changed scale is seen behind the same digits
    whole: float = 0.0
    # a fraction (نصف, "a third", دو سوم) or a century (القرن التاسع عشر): weak alone, like
    # a small number word, but one replaced by another of its kind is a changed figure
    fraction: bool = False
    century: bool = False
    family: str = ""  # the original's unit family where it converts (length, money_ir...)


def _digit_values(raw: str) -> set[float]:
    """Both readings of separators: "3,000" is 3000 in English but "3,5" may be 3.5."""
    vals: set[float] = set()
    plain = raw.replace(",", "").replace(".", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw) or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        vals.add(float(plain))
    if vals:
        return vals
    if raw.count(".") == 1 and "," not in raw:
        vals.add(float(raw))
    if raw.count(",") == 1 and "." not in raw:
        vals.add(float(raw.replace(",", ".")))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", raw):
        vals.add(float(raw.replace(",", "")))
    if not vals:
        vals.add(float(plain) if plain else 0.0)
    return vals


def _clock_parts(raw: str) -> frozenset[float]:
    """"4.40" may be a time written "4:40" on the other side: both parts must then be there."""
    if re.fullmatch(r"\d{1,2}[.,]\d{2}", raw):
        return frozenset(float(p) for p in re.split(r"[.,]", raw))
    return frozenset()


# Metric units of the original (normalised spelling, matched as word starts) and the
# imperial values a translator may convert them to: 250 mm is "10 inches", 27 °C "80 degrees".
# Also a toman in rials (×10) and a rial in tomans: "50,000 tomans (500,000 rials)". Each
# with the family its English unit words belong to (`units.py`), for glosses.
UNIT_CONVERSIONS: tuple[tuple[tuple[str, ...], tuple[float, ...], str], ...] = (
    (("ميليمتر", "مليمتر", "ملم"), (1 / 25.4,), "length"),
    (("سانتيمتر", "سانتي", "سم"), (1 / 2.54, 1 / 30.48), "length"),
    (("کيلومتر", "کلم", "کم"), (0.621371,), "length"),
    (("متر", "امتار"), (3.28084, 1.09361), "length"),
    (("کيلوگرم", "کيلوغرام", "کيلو", "کغ", "کجم"), (2.20462,), "mass"),
    (("تومان", "تومن"), (10.0,), "money_ir"),
    (("ريال",), (0.1,), "money_ir"),
)
_CELSIUS = ("درجه", "درجات")


def _conversions(value: float, unit: str) -> tuple[frozenset[float], str]:
    """Imperial equivalents of a metric figure followed by `unit` (empty if no unit), and
    the unit's family."""
    if unit.startswith(_CELSIUS):  # a temperature or a difference
        return frozenset({value * 1.8 + 32, value * 1.8}), "temperature"
    for stems, factors, family in UNIT_CONVERSIONS:
        # short abbreviations (سم، کم) exactly, words with their suffixes (کیلومتری)
        if any(unit == st or (len(st) > 3 and unit.startswith(st)) for st in stems):
            return frozenset(value * f for f in factors), family
    return frozenset(), ""


# An English figure with its unit, a scale word between ("62 miles", "50 million rials",
# "104°F", "40 degrees Celsius"): {family: values}, to read a gloss's unit.
_EN_UNIT_FIGURE = re.compile(
    r"(?<![\d.,])(\d+(?:[.,]\d+)*)\s*(?:(thousand|million|billion)\s+)?"
    r"(°\s?[CF]\b|degrees?\b|[a-z]+\b)", re.IGNORECASE)


def _english_unit_figures(text: str) -> dict[str, set[float]]:
    """The English's figures written with a unit, by the unit's family."""
    out: dict[str, set[float]] = {}
    for m in _EN_UNIT_FIGURE.finditer(text):
        unit = m.group(3).lower()
        family = "temperature" if unit.startswith(("°", "degree")) else (
            EN_UNITS.get(unit, ("", ""))[0])
        if family:
            scale = SCALES_EN[m.group(2).lower()] if m.group(2) else 1
            out.setdefault(family, set()).update(v * scale for v in _digit_values(m.group(1)))
    return out


# Fractions: (numerator word, denominator word) in English, one word or two in the original
# (نصف، ثلثا، یک‌سوم، دو سوم). "a third" is also the ordinal ("a third term", ولاية ثالثة).
_FRACTION_EN = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4}
_NUMERATOR_EN = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_FRACTION_SRC = {norm_arabic(k): v for k, v in {
    "نصف": 1 / 2, "ربع": 1 / 4, "ثلث": 1 / 3, "ثلثا": 2 / 3, "ثلثي": 2 / 3, "نيم": 1 / 2,
    "نيمي": 1 / 2, "يکسوم": 1 / 3, "دوسوم": 2 / 3, "يکچهارم": 1 / 4, "سهچهارم": 3 / 4}.items()}
_NUMERATOR_SRC = {norm_arabic(k): v for k, v in {"يک": 1, "دو": 2, "سه": 3, "ثلاث": 3,
                                                  "ثلاثه": 3}.items()}
_DENOMINATOR_SRC = {norm_arabic(k): v for k, v in {"سوم": 3, "چهارم": 4, "ارباع": 4}.items()}


def _fraction_values(f: float) -> frozenset[float]:
    """A fraction and its percentage, as a translator may write it: a half is 50%, a third 33%."""
    return frozenset({f, float(round(100 * f)), round(100 * f, 1)})


def _year_equivalents(v: float) -> set[float]:
    """Solar Hijri (+621/622) and lunar Hijri (×0.97+622) years as Gregorian candidates.
    They are kept apart from the written value (Mention.calendar) and are all 1785 or later,
    so they only match a Gregorian year on the other side: ۱۳۹۸ is 2019 or 2020, but 1398
    and 1399 written on both sides are two different years."""
    out: set[float] = set()
    if v != int(v):
        return out
    if 1200 <= v <= 1450:
        out |= {v + 621, v + 622}
    if 1200 <= v <= 1500:
        g = round(v * 0.970224 + 621.5643)
        out |= {g - 1, g, g + 1}
    return out


def _solar_month_year(v: float, month: int, day: int | None) -> set[float]:
    """The Gregorian year of Solar Hijri year `v` on a day of its `month` (0 for Farvardin /
    Hamal): the year turns on 1 January, 11 Dey (Jadi) give or take a day, so Farvardin to
    Azar (Qaws) are +621, Bahman and Esfand (Dalw, Hut) +622, Dey by its day."""
    if month <= 8 or month == 9 and day is not None and day <= 9:
        return {v + 621}
    if month >= 10 or month == 9 and day is not None and day >= 13:
        return {v + 622}
    return {v + 621, v + 622}


_MONTH_NUMBER_EN = {m: k % 12 + 1 for k, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
     "sep", "oct", "nov", "dec"))}
_MONTH_NUMBER_EN["sept"] = 9
_EN_DAY_MONTH = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\b")
_EN_MONTH_DAY = re.compile(r"(?i)\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")


def _solar_dates(text: str) -> dict[int, set[tuple[int, int]]]:
    """Each day of a Solar Hijri date (۱۵ حمل ۱۴۰۲) with the Gregorian (month, day) it may be:
    1 Farvardin is 20 or 21 March (from 1300 to 1500), so both are allowed, and without a
    year both a leap year and another."""
    import datetime

    toks = [norm_arabic(to_ascii_digits(t)).replace("\u200c", "")
            for t in re.findall(r"\d+|[^\W\d_]+", strip_diacritics(text))]
    out: dict[int, set[tuple[int, int]]] = {}
    for i in range(len(toks) - 1):
        if not (toks[i].isdecimal() and 1 <= int(toks[i]) <= 31 and toks[i + 1] in MONTHS_SOLAR):
            continue
        month, day = MONTHS_SOLAR[toks[i + 1]], int(toks[i])
        year = int(toks[i + 2]) if i + 2 < len(toks) and toks[i + 2].isdecimal() else 0
        years = [year + 621] if 1200 <= year <= 1500 else [2021, 2023, 2024]  # leap or not
        offset = 31 * min(month, 6) + 30 * max(0, month - 6) + day - 1
        found = out.setdefault(day, set())
        for y in years:
            for start in (20, 21):
                g = datetime.date(y, 3, start) + datetime.timedelta(days=offset)
                found.add((g.month, g.day))
    return out


_MONTH_NAME_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


def _changed_solar_month(src: str, tgt: str) -> tuple[str, str] | None:
    """۲۲ بهمن ۱۴۰۱ made "11 March 2023": one Solar Hijri date and one English date a
    month off the day it converts to (11 February). The day numbers of two calendars never
    match, so the number check leaves them alone; a date in the same season is meant as
    this one, and its month is then a changed figure. Dates further apart may be another
    event, and are left alone. Returns the converted and the English date, shown."""
    solar, english = _solar_dates(src), _english_dates(tgt)
    if len(solar) != 1 or len(english) != 1:
        return None
    [cands] = solar.values()
    month, day = english[0]
    months = {m for m, _ in cands}
    if (month, day) in cands or month in months:
        return None
    if not any((month - m) % 12 in (1, 11) for m in months):
        return None
    m, d = min(cands, key=lambda c: (c[1] != day, c))  # the reading that keeps the day, if one does
    return f"{d} {_MONTH_NAME_EN[m - 1]}", f"{day} {_MONTH_NAME_EN[month - 1]}"


_LUNAR_NAME_EN = ("Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula",
                  "Jumada al-Akhira", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah",
                  "Dhu al-Hijjah")


_SRC_LUNAR_MONTH = {norm_arabic(w): m for w, m in (
    ("محرم", 1), ("صفر", 2), ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10))}


def _original_dates(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(calendar, month, day) of each day written before a month name in the original:
    Gregorian (١٥ مايو، ٢٤ آذار، ۱۰ ژانویه، ٣ كانون الثاني), Solar (۱۸ خرداد) or lunar
    Hijri (١٤ رمضان)."""
    toks = re.findall(r"\d+|[^\W\d_]+", norm_arabic(strip_diacritics(to_ascii_digits(text))).replace("\u200c", ""))
    out = []
    for k, tok in enumerate(toks[:-1]):
        if not tok.isdecimal() or not 1 <= int(tok) <= 31:
            continue
        name = toks[k + 1]
        if lang == "fa" and name in _NOT_A_MONTH_FA:
            continue
        if (month := _SRC_MONTH_NUMBER.get(name)) is None and k + 2 < len(toks):
            month = _LEVANT_PAIRS.get((name, toks[k + 2]))
        if month:
            out.append(("gregorian", month, int(tok)))
        elif name in MONTHS_SOLAR:
            out.append(("solar", MONTHS_SOLAR[name] % 12 + 1, int(tok)))
        elif name in _SRC_LUNAR_MONTH:
            out.append(("lunar", _SRC_LUNAR_MONTH[name], int(tok)))
    return out


def _english_named_dates(text: str) -> list[tuple[str, int, int]]:
    """(calendar, month, day) of each English date: "15 May", "16 Dey", "Ramadan 14"."""
    out = [("gregorian", m, d) for m, d in _english_dates(text)]
    pairs = [(m.group(1), m.group(2)) for m in _EN_DAY_MONTH.finditer(text)]
    pairs += [(m.group(2), m.group(1)) for m in _EN_MONTH_DAY.finditer(text)]
    for day, name in pairs:
        low = name.lower()
        for calendar, table in (("solar", _EN_SOLAR_MONTH), ("lunar", _EN_LUNAR_MONTH)):
            if low in table and 1 <= int(day) <= 31:
                out.append((calendar, table[low], int(day)))
    return out


def _changed_named_month(src: str, tgt: str, lang: str) -> tuple[str, str] | None:
    """١٥ مايو made "15 March", ۱۸ خرداد made "18 Tir": one date of a calendar on each side,
    the same day in another month. The number check compares the day and the year, which
    both stay."""
    original, english = _original_dates(src, lang), _english_named_dates(tgt)
    for calendar in ("gregorian", "solar", "lunar"):
        ours = [(m, d) for c, m, d in original if c == calendar]
        theirs = [(m, d) for c, m, d in english if c == calendar]
        if len(ours) != 1 or len(theirs) != 1:
            continue
        (m, d), (m2, d2) = ours[0], theirs[0]
        if d == d2 and m != m2:
            names = {"gregorian": _MONTH_NAME_EN,
                     "solar": [w.capitalize() for w in _EN_SOLAR_MONTH],
                     "lunar": _LUNAR_NAME_EN}[calendar]
            return f"{d} {names[m - 1]}", f"{d2} {names[m2 - 1]}"
    return None


# Vague words that name no magnitude: "many" may render هزاران or چند alike.
_NO_MAGNITUDE = {"many", "numerous", "several", "scores"}


def _changed_magnitude(src: list[Mention], tgt: list[Mention]) -> tuple[str, str] | None:
    """چند "a few" made "Hundreds", مئات made "thousands": one vague quantity on each side,
    a tenfold or more apart. Vague quantities match any figure within three orders of
    magnitude (compounds like عشرات الآلاف, "tens of thousands", need that), so a lone
    one facing another is compared here."""
    s = [m for m in src if m.approx and not m.digits]
    t = [m for m in tgt if m.approx and not m.digits]
    if len(s) != 1 or len(t) != 1 or t[0].text.lower() in _NO_MAGNITUDE:
        return None
    a, b = max(s[0].values), max(t[0].values)
    if max(a, b) < 10 * min(a, b):
        return None
    return s[0].text, t[0].text


def _english_dates(text: str) -> list[tuple[int, int]]:
    """The (month, day) of each "4 April" / "April 4th" / "the 4th of April" of English text."""
    out = []
    pairs = [(m.group(1), m.group(2)) for m in _EN_DAY_MONTH.finditer(text)]
    pairs += [(m.group(2), m.group(1)) for m in _EN_MONTH_DAY.finditer(text)]
    for day, name in pairs:
        if name.lower() in _MONTH_NUMBER_EN and 1 <= int(day) <= 31:
            out.append((_MONTH_NUMBER_EN[name.lower()], int(day)))
    return out


def _calendar_years(v: float, marker: re.Match[str] | None) -> set[float]:
    """The Gregorian years of a year written with its calendar (٢٢٤ هـ is 838-840 CE,
    ۱۴۰۱ ه.ش is 2022 or 2023), whatever its size; empty without a marker."""
    if marker is None or v != int(v) or v < 1:
        return set()
    if marker.group("solar"):
        return {v + 621, v + 622}
    g = round(v * 0.970224 + 621.5643)
    return {g - 1, g, g + 1}


_TENS = {20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0}
_HUNDREDS = {100.0 * k for k in range(1, 10)}
_DUALS = {2e3, 2e6, 2e9}


def _piece_kind(v: float) -> str | None:
    """What a number word is as a piece of a compound number (see `extract`)."""
    if 1 <= v <= 9 and v == int(v):
        return "unit"
    if v == 10:
        return "ten"
    if 11 <= v <= 19 and v == int(v):
        return "teen"
    if v in _TENS:
        return "tens"
    if v in _HUNDREDS:
        return "hundreds"  # ثلاثمائة، پانصد، مئتين: the hundreds in one word
    if v in _DUALS:
        return "dual"  # ألفين "two thousand"
    return None


def _phone_end(text: str, spans: list[re.Match[str]], toks: list[str], i: int) -> int:
    """The last token of a phone or account number written in groups from token i
    (021-88776655, 0912 345 6789, +98 21 8877 6655): 8 digits or more in groups of three
    or more joined by one space or dash, any groups after a "+". A year range (1357-1368)
    is not one. i itself when there is no such number."""
    plus = spans[i].start() > 0 and text[spans[i].start() - 1] == "+"
    j = i
    while (toks[j].isdecimal() and j + 1 < len(toks) and toks[j + 1].isdecimal()
           and (plus or len(toks[j + 1]) >= 3 and len(toks[i]) >= 3)
           and text[spans[j].end():spans[j + 1].start()] in (" ", "-", "–")):
        j += 1
    groups = toks[i:j + 1]
    if j == i or sum(len(g) for g in groups) < 8 or all(
            len(g) == 4 and 1000 <= int(g) <= 2100 for g in groups):
        return i
    return j


def extract(text: str, lang: str) -> list[Mention]:
    """All number mentions of a text: digits (any script) with a following scale or percent
    sign, number words composed into one figure as each language writes them (ثلاثة عشر,
    ألفين وخمسمائة, دو هزار و پانصد, "one hundred and twenty"), vague quantity words.
    Each mention quotes the text as written."""
    is_en = lang == "en"
    orig = text
    # positions of the text without its vowel marks in the text as written
    kept = [k for k, ch in enumerate(orig) if is_en or strip_diacritics(ch) == ch]
    text = "".join(orig[k] for k in kept)
    kept.append(len(orig))

    def written(a: int, b: int) -> str:
        """The text as written (vowel marks and all) of positions a..b of `text`."""
        return orig[kept[a]:kept[b]]

    spans = list(re.finditer(r"\d+(?:[.,٫٬،]\d+)*|[^\W\d_]+(?:[\u200c][^\W\d_]+)*|[%٪]", text))
    raw_toks = [m.group(0) for m in spans]
    toks = [to_ascii_digits(t).replace("،", ",") for t in raw_toks]
    if not is_en:
        toks = [norm_arabic(t).replace("\u200c", "") for t in toks]
    scales = SCALES_EN if is_en else SCALES_SRC
    words = WORDS_EN if is_en else WORDS_FA if lang == "fa" else WORDS_AR
    approx = APPROX_EN if is_en else APPROX_FA if lang == "fa" else APPROX_AR
    known = {*scales, *words, *approx}

    def strip(t: str) -> str:
        """Drop an Arabic clitic (و، ب، ال...) only when the bare word is a number word;
        a Persian ordinal suffix (-م، -مین) only when the rest is one."""
        if is_en or t in known:
            return t
        if lang == "fa":
            # سی‌سالگی "(at) thirty", بیست‌ساله "twenty years old": the age's number
            for suf in AGE_SUFFIX_FA + COUNT_SUFFIX_FA:  # the non-joiner reads as a space
                if t.endswith(suf) and t[: -len(suf)].strip() in known:
                    return t[: -len(suf)].strip()
            for suf in ("مين", "م"):
                base = t[: -len(suf)]
                if t.endswith(suf) and base in known and base not in NO_ORDINAL_SUFFIX:
                    return base
            return t
        bare = _AR_PREFIX.sub("", t)
        # وألفين is و + ألفين, not وال + فين; واحداً is واحد with the accusative ending -اً
        # (its tanween gone), not و + احدا
        for word in (bare, t[1:] if t[:1] in "وفبل" else "", t):
            if word in known:
                return word
            if word.endswith("ا") and word[:-1] in known:
                return word[:-1]
        return bare

    def ordinal(low: str, stem: str) -> bool:
        return low in ORDINALS or stem in ORDINALS or (lang == "fa" and stem != low)

    def century(i: int, n: int) -> bool:
        """A century number ("القرن التاسع عشر", "19th century"): weak, it rarely stays."""
        before = {toks[j].lower() for j in range(max(0, i - 2), i)}
        after = {toks[j].lower() for j in range(i + 1, min(len(toks), i + n + 2))}
        return bool(before & CENTURY) if not is_en else bool(after & CENTURY)

    def per_cent(j: int) -> bool:
        """المائة after في or بال- (40 في المائة, 40 بالمئة): "per cent", not a hundred."""
        return (not is_en and j < len(toks) and strip(toks[j]) in PER_CENT_SRC
                and (toks[j].startswith("بال") or j > 0 and toks[j - 1] == "في"))

    def piece(j: int) -> tuple[str, float, bool] | None:
        """Token j as a piece of a compound number: (kind, value, ordinal), or None.
        Digits are one in the original only (۲ میلیون و ۴۰۰ هزار, مليوناً و200 ألف)."""
        low = toks[j].lower() if is_en else toks[j]
        if re.fullmatch(r"\d+(?:[.,]\d+)*", low):
            vals = _digit_values(low)
            return None if is_en or len(vals) != 1 else ("digits", vals.pop(), False)
        stem = strip(low)
        if stem in scales and not (is_en and stem in ("m", "k", "bn")):
            v = float(scales[stem])
            if v >= 1000:
                return "scale", v, False
            return ("hundred", v, False) if v == 100 and stem not in approx else None
        if stem in words or low in words:
            if stem in NOT_COMPOSED or low in NOT_COMPOSED or stem.endswith(("ينيات", "ينات")):
                return None
            v = float(words.get(low, words.get(stem, 0)))
            kind = _piece_kind(v)
            return (kind, v, ordinal(low, stem)) if kind else None
        if (lang == "ar" and stem in ELEVEN_AR and j + 1 < len(toks)
                and strip(toks[j + 1]) in ("عشر", "عشره")):
            return "unit", 1.0, False  # أحد عشر
        return None

    def joins(group: float, total: float, prev: str, kind: str, joined: bool) -> bool:
        """Whether a piece of `kind` adds to the figure so far: units and tens with و in
        Arabic (خمسة وعشرون), tens then units in Persian (بیست و پنج, with و) and English
        (twenty-five), a unit then عشر in Arabic (ثلاثة عشر), anything smaller after a
        hundred or a scale (مئة وعشرين, دو هزار و پانصد, "one hundred and twenty")."""
        rest = group % 100  # the tens and units of the group so far
        after_round = rest == 0 and (group > 0 or total > 0)
        if kind == "hundreds":
            return not is_en and joined and group == 0 and total > 0
        if lang == "ar":
            if kind == "ten" and not joined and prev == "unit":
                return True
            if kind == "tens" and joined and prev == "unit" and 1 <= rest <= 9:
                return True
            return kind in ("unit", "ten", "tens") and joined and after_round
        if kind == "unit" and prev == "tens" and joined == (lang == "fa"):
            return True
        return kind in ("unit", "ten", "teen", "tens") and after_round and (joined or is_en)

    def classical(i: int, group: float, total: float, prev: str, joined: bool) -> bool:
        """Classical Arabic counts up, the hundreds last: سنة خمس وأربعين ومائة is 145.
        Only after units and tens both, or in a year (سنة خمس ومائة, 105): "between fifty
        and a hundred" is بين خمسين ومائة."""
        if lang != "ar" or not joined or total or not 1 <= group <= 99:
            return False
        return (prev == "tens" and group % 10 != 0) or (
            i > 0 and strip(toks[i - 1]) in YEAR_WORDS)

    def compose(i: int) -> tuple[Mention, int]:
        """The number phrase from token i: its mention and its last token."""
        low = toks[i].lower() if is_en else toks[i]
        stem = strip(low)
        first = piece(i)
        end = i
        ords = [ordinal(low, stem)]
        if first is None:  # a number word that is no part of a compound ("half", عامين)
            val = product = float(words.get(low, words.get(stem, 0)))
            # but scales multiply it: نصف مليون "half a million" is also 500,000
            while (end + 1 < len(toks) and (nxt := piece(end + 1)) is not None
                   and nxt[0] in ("scale", "hundred") and nxt[1] > product
                   and not per_cent(end + 1)):
                product, end = product * nxt[1], end + 1
            vals = {val, product}
        else:
            kind, val, _ = first
            total = val if kind in ("scale", "dual") else 0.0
            last_scale = val / 2 if kind == "dual" else val if kind == "scale" else float("inf")
            group = 0.0 if kind in ("scale", "dual") else val
            term = total  # what the last scale word made: ۲۸۸ هزار before میلیارد
            prev, added = kind, False
            saved: tuple[Any, ...] | None = None  # the figure before "و" and a new group
            j = i + 1
            while j < len(toks) and not (ords[-1] and lang != "ar"):  # "twenty-first" ends
                k, joined = j, False
                if toks[k].lower() in ("و", "and"):
                    k, joined = k + 1, True
                if k >= len(toks) or per_cent(k) or (nxt := piece(k)) is None:
                    break
                if not is_en and raw_toks[k].startswith("و") and strip(toks[k]) != toks[k]:
                    if joined:
                        break
                    joined = True  # وعشرين
                p_kind, p_val, p_ord = nxt
                if any(ords) and p_kind in ("scale", "hundred", "hundreds", "dual"):
                    break
                if joined and group == 0 and total > 0:
                    saved = (total, group, term, last_scale, prev, added, end, len(ords))
                if p_kind == "scale":
                    if (not joined and group == 0 and prev in ("scale", "dual")
                            and p_val > last_scale):
                        # scales multiply: ۲۸۸ هزار میلیارد is 288 thousand billion
                        total, term, last_scale = total - term + term * p_val, term * p_val, p_val
                    elif joined or group <= 0 or p_val >= last_scale:
                        if group > 0 and saved is not None:
                            # "٣ ملايين و4 ملايين" is two figures: undo the "و4"
                            total, group, term, last_scale, prev, added, end, n = saved
                            del ords[n:]
                        break
                    else:
                        added = added or total > 0
                        term = group * p_val
                        total, group, last_scale = total + term, 0.0, p_val
                elif p_kind == "digits":
                    if not (joined and group == 0 and total > 0 and p_val < last_scale
                            and p_val == int(p_val)):
                        break
                    group, added = p_val, True  # مليون و200 (ألف)
                elif p_kind in ("hundred", "hundreds") and classical(i, group, total, prev, joined):
                    group, added = group + p_val, True
                elif p_kind == "hundred":
                    if not joined and 1 <= group <= 9:
                        group *= 100
                    elif joined and group == 0 and total > 0:
                        group, added = 100.0, True
                    else:
                        break
                elif p_kind != "dual" and joins(group, total, prev, p_kind, joined):
                    group, added = group + p_val, True
                    p_kind = "teen" if p_kind == "ten" and prev == "unit" else p_kind
                else:
                    break
                prev, end, j = p_kind, k, k + 1
                ords.append(p_ord)
            # "ثلاثة آلاف" is 3000 and may stand for 3 ("3 thousand"); "مئة ألف" is 100000
            bare = not added and end > i and kind not in ("scale", "hundred", "dual")
            vals = {val, total + group} if bare else {total + group}
        single = end == i or len(vals) == 2  # one word, or one word times scales
        whole = max(vals) if end > i and len(vals) == 2 else 0.0
        aged = lang == "fa" and low.endswith(AGE_SUFFIX_FA)  # سی‌سالگی is "thirty"
        weak = single and not aged and (stem in AMBIGUOUS or low in AMBIGUOUS)
        if lang == "fa" and low in VERB_AT_CLAUSE_END and end == i:
            weak = weak or end + 1 == len(toks) or toks[end + 1] in ("که", "تا", "و") or bool(
                text[spans[end].end():spans[end + 1].start()].strip())
        if is_en:
            cent = bool({t.lower() for t in toks[end + 1:end + 4]} & CENTURY)
        else:
            cent = bool(set(toks[max(0, i - 2):i]) & CENTURY)
        after_year = i > 0 and strip(toks[i - 1].lower()) in YEAR_WORDS
        return Mention(written(spans[i].start(), spans[end].end()), frozenset(vals),
                       any(toks[k][:1].isdecimal() for k in range(i, end + 1)),
                       ordinal=any(ords), weak=weak or cent, after_year=after_year, whole=whole,
                       century=cent), end

    def fraction_at(i: int) -> tuple[int, frozenset[float]] | None:
        """A fraction from token i ("a third", "two-thirds", نصف, ثلثي, دو سوم): its last
        token and values; None for none, or before a scale (نصف مليون, "half a million"
        are figures the compound reading makes)."""
        low = toks[i].lower() if is_en else toks[i]
        nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
        minutes: set[float] = set()
        if is_en:
            if low == "half":
                end, f, ordinal_too = i, 0.5, False
            elif low in _NUMERATOR_EN and nxt in _FRACTION_EN:
                end, f = i + 1, _NUMERATOR_EN[low] / _FRACTION_EN[nxt]
                ordinal_too = low in ("a", "an") and nxt in ("third", "fourth")
            else:
                return None
        elif (bare := strip(low).replace(" ", "")) in _FRACTION_SRC:  # یک‌سوم is one word
            end, f = i, _FRACTION_SRC[bare]
        elif low in _NUMERATOR_SRC and strip(nxt) in _DENOMINATOR_SRC:
            end, f = i + 1, _NUMERATOR_SRC[low] / _DENOMINATOR_SRC[strip(nxt)]
        else:
            return None
        if not is_en:
            # a third is also "the final third" (the English ordinal); "and a half / a
            # quarter" after an hour (الثامنة والنصف) is its minutes, "8:30"
            ordinal_too = f == 1 / 3
            if toks[i].startswith("و") or i > 0 and toks[i - 1] == "و":
                minutes = {60 * f}
        after = [t.lower() for t in toks[end + 1:end + 3]]
        if after and after[0] in ("a", "an", "of"):
            after = after[1:]
        if after and strip(after[0]) in scales:
            return None
        extra = {1 / f} if ordinal_too else set()
        return end, _fraction_values(f) | extra | minutes

    def month_day(i: int) -> str:
        """"hijri" for a day before a Solar or lunar Hijri month (۲۲ بهمن, ١٠ محرم),
        "gregorian" for one next to an English month name (11 February, February 11th)."""
        if not toks[i].isdecimal() or not 1 <= int(toks[i]) <= 31:
            return ""
        nxt = toks[i + 1:i + 4]
        if is_en:
            nxt = [t.lower() for t in nxt]
            while nxt and nxt[0] in ("st", "nd", "rd", "th", "of"):
                nxt = nxt[1:]
            before = toks[i - 1].lower() if i else ""
            if nxt and nxt[0] in MONTHS_HIJRI_EN:
                return "hijri"
            return "gregorian" if (nxt and nxt[0] in MONTHS_EN) or before in MONTHS_EN else ""
        words_after = " ".join(nxt).split()
        if words_after and (words_after[0] in MONTHS_HIJRI or words_after[0] in MONTHS_HIJRI_TWO
                            and len(words_after) > 1 and ("حجه" in words_after[1]
                                                          or "قعده" in words_after[1])):
            return "hijri"
        month = words_after[0] if words_after else ""
        gregorian = month in MONTHS_GREGORIAN_SRC and not (lang == "fa" and month in _NOT_A_MONTH_FA)
        return "gregorian" if gregorian else ""

    out: list[Mention] = []
    last_word = -9
    i = 0
    while i < len(toks):
        tok = toks[i]
        low = tok.lower() if is_en else tok
        stem = strip(low)
        if re.fullmatch(r"\d+(?:[.,]\d+)*", tok) and (end := _phone_end(text, spans, toks, i)) > i:
            # a phone or account number in groups: one figure, its digits compared exactly
            plus = text[spans[i].start() - 1:spans[i].start()] == "+"
            key = "".join(toks[i:end + 1])
            out.append(Mention(written(spans[i].start() - plus, spans[end].end()),
                               frozenset({float(key)}), True, key="+" * plus + key))
            last_word = i = end
        elif re.fullmatch(r"\d+(?:[.,]\d+)*", tok):
            vals = _digit_values(tok)
            shown = written(spans[i].start(), spans[i].end())
            nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
            nxt = strip(nxt)
            day = month_day(i)
            scale = nxt in scales and nxt not in ("m", "k") or (is_en and nxt in ("m", "bn", "k"))
            whole = 0.0
            if scale and not per_cent(i + 1) and piece(i) and (
                    (nxt_piece := piece(i + 1)) and nxt_piece[0] in ("scale", "hundred")):
                # the original's figure goes on: ۲ میلیون و ۴۰۰ هزار, ۲۸۸ هزار میلیارد
                composed, end = compose(i)
                vals, whole = set(composed.values), composed.whole
                shown = written(spans[i].start(), spans[end].end())
                i = end
            elif scale and not per_cent(i + 1):
                whole = max(vals) * scales[nxt] if len(vals) == 1 else 0.0
                vals = vals | {v * scales[nxt] for v in vals}
                shown = written(spans[i].start(), spans[i + 1].end())
                i += 1
            elif nxt == "s" and is_en and all(v == int(v) and v % 10 == 0 for v in vals):
                vals = vals | {v % 100 for v in vals}  # "the 1980s" is also "the eighties"
            gap = text[spans[i - 1].end():spans[i].start()] if i else ""
            if (out and out[-1].year_like and gap.strip() in ("-", "–", "/") and len(tok) == 2
                    and "-" not in text[spans[i].end():spans[i].end() + 1]):
                vals = vals | {v + 100 * (max(out[-1].values) // 100) for v in vals}  # 1950-53
            year = any(v == int(v) and 1000 <= v <= 2100 for v in vals)
            marker = None if is_en else _CAL_MARK.match(text, spans[i].end())
            extra: set[float] = set()
            for v in vals:
                extra |= _year_equivalents(v) | _calendar_years(v, marker)
            if (i > 0 and toks[i - 1] in MONTHS_SOLAR and len(vals) == 1
                    and 1200 <= (year_v := next(iter(vals))) <= 1500 and year_v == int(year_v)):
                # ۱۵ حمل ۱۴۰۲: with its Solar month the year is one Gregorian year, not two
                # (nor a lunar Hijri one)
                day_n = int(toks[i - 2]) if i > 1 and toks[i - 2].isdecimal() else None
                extra = _solar_month_year(year_v, MONTHS_SOLAR[toks[i - 1]], day_n)
            zero = set(tok) <= {"0", ".", ","} and len(tok) > 1  # "04:00": the 00 says nothing
            unit = toks[i + 1] if i + 1 < len(toks) and not is_en else ""
            if unit in ("تا", "الي", "و", "-") and i + 3 < len(toks) and toks[i + 2][:1].isdecimal():
                unit = toks[i + 3]  # a range: "۲۵ تا ۱۰۰ میلیمتر"
            found = [_conversions(v, u) for v in vals for u in {unit, strip(unit)}]
            conv = frozenset(c for cs, _ in found for c in cs)
            family = next((fam for _, fam in found if fam), "")
            digits = re.sub(r"\D", "", tok)
            long = len(digits) >= 8 and re.fullmatch(r"\d+|\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", tok)
            if is_en and (clock := _MERIDIEM.match(text, spans[i].end())) and (
                    re.fullmatch(r"(?:1[0-2]|0?[1-9])", tok) and text[spans[i].start() - 1:
                                                                    spans[i].start()] != ":"):
                # 2:30 p.m. is 14:30 in the original, 12 a.m. 00:00
                hour = float(tok)
                vals = vals | ({hour + 12} if clock.group("pm") and hour < 12 else
                               {0.0} if clock.group("am") and hour == 12 else set())
            cent = century(i, 1)
            out.append(Mention(shown, frozenset(vals), True, year_like=year,
                               weak=zero or cent, parts=_clock_parts(tok),
                               converted=conv, calendar=frozenset(extra), month_day=day,
                               key=digits if long else "", whole=whole, century=cent,
                               family=family))
            last_word = i  # "30 ثانية": what follows is a unit (digits never compound)
        elif (fraction := fraction_at(i)) is not None:
            end, values = fraction
            out.append(Mention(written(spans[i].start(), spans[end].end()), values, False,
                               fraction=True))
            last_word = i = end
        elif is_en and low in CLOCK_WORDS_EN:
            out.append(Mention(written(spans[i].start(), spans[i].end()),
                               frozenset(CLOCK_WORDS_EN[low]), False, weak=True))
        elif stem in approx or low in approx:
            out.append(Mention(written(spans[i].start(), spans[i].end()),
                               frozenset({approx.get(stem, approx.get(low, 0))}),
                               False, approx=True))
        elif lang == "fa" and i > 0 and toks[i - 1] in ("مي", "نمي") and stem in {*words, *scales}:
            pass  # می دهم "I give", not دهم "tenth"
        elif stem in UNIT_SECOND and last_word == i - 1:
            pass  # ستون ثانية, 30 ثانية: the unit "seconds" after a number
        elif stem in words or low in words or (lang == "ar" and stem in ELEVEN_AR and piece(i)):
            mention, i = compose(i)
            out.append(mention)
            last_word = i
        elif not is_en and (stem in BEGINNING or low in BEGINNING) and not (
                i + 1 < len(toks) and toks[i + 1].startswith("وزير")):  # نخست وزیر "prime minister"
            out.append(Mention(written(spans[i].start(), spans[i].end()), frozenset({1.0}),
                               False, ordinal=True, beginning=True))
        elif per_cent(i) and last_word == i - 1 - (toks[i - 1] == "في"):
            pass  # per cent after a figure
        elif stem in scales and not (is_en and stem in ("m", "k", "bn")):
            mention, i = compose(i)
            out.append(mention)
            last_word = i
        elif lang == "ar" and _AR_DUAL.search(stem) and not stem.endswith("ارجنتين"):
            # a feminine dual (الحكومتان "the two governments"): a small figure, so it
            # only counts against an unmatched number word on the other side
            out.append(Mention(written(spans[i].start(), spans[i].end()), frozenset({2.0}), False))
        i += 1
    out = [_with_century(m) if m.after_year else m for m in out]
    hijri = not is_en and bool(_HIJRI_WORD.search(norm_arabic(orig)))
    out = [_century_years(m, hijri) if m.century else m for m in out]
    if lang == "fa":
        decades = {w.group(1) for w in _FA_DECADE.finditer(orig)}
        out = [_solar_decade(m) if m.text.split()[0] in decades else m for m in out]
    if lang == "ar" and _THOUSAND_NIGHTS.search(norm_arabic(orig)):
        # ألف ليلة وليلة is "One Thousand and One Nights": its ألف is also 1001
        out = [replace(m, values=m.values | {1001.0}) if 1000.0 in m.values else m for m in out]
    return out


_THOUSAND_NIGHTS = re.compile(r"الف\s+ليله\s+وليله")
# A century of the Hijri calendars (قرن چهاردهم هجری شمسی, القرن الرابع عشر الهجري).
_HIJRI_WORD = re.compile(r"هجر|شمس|قمر")


def _century_years(m: Mention, hijri: bool) -> Mention:
    """A century is also the hundreds of its years (the 19th century is "the 1800s"), and a
    Hijri century of ours the Gregorian one it mostly falls in (the 14th Solar century,
    1300-1399, is 1921-2020: the 20th or 21st)."""
    v = max(m.values)
    if v != int(v) or not 1 <= v <= 21:
        return m
    calendar = {v + 6, v + 7} if hijri and 12 <= v <= 15 else set()
    return replace(m, values=m.values | {(v - 1) * 100}, calendar=m.calendar | calendar)


# دههٔ چهل "the forties" of the Solar Hijri calendar, the 1340s: the 1960s in English.
_FA_DECADE = re.compile(r"(?<!\w)ده(?:ه|ه\u0654|ۀ)(?:\u200c?ی)?\s+([^\s،,.؛:!?»)]+)")


def _solar_decade(m: Mention) -> Mention:
    """A Persian decade (دهه چهل, دهه ۶۰, دهه ۱۳۶۰) also reads as the Gregorian decade it
    mostly falls in: the 1340s are 1961-1970, "the 1960s" (and "the sixties")."""
    v = max(m.values)
    if v != int(v) or m.ordinal or not (10 <= v <= 90 or 1300 <= v <= 1390) or v % 10:
        return m
    tens = v % 100
    return replace(m, values=m.values | {1920 + tens, (20 + tens) % 100})


def _with_century(m: Mention) -> Mention:
    """A year named without its century (عام عشرين, "the year twenty") may be 19xx or 20xx."""
    v = max(m.values)
    if m.ordinal or not 10 <= v < 100 or v != int(v):
        return m
    return Mention(m.text, m.values | {1900 + v, 2000 + v}, False, weak=m.weak)


def _same(x: float, y: float) -> bool:
    """Equal up to float rounding (1.2 million is 1,200,000): a tolerance of one in a
    million hid a changed last digit of every figure of seven digits or more."""
    return abs(x - y) <= 1e-9 * max(1.0, abs(x))


def _keys(m: Mention) -> set[str]:
    """A long number's digits, and for one written in groups, its groups in the reverse
    order too: a right-to-left text often shows 859-292-3680 as ۳۶۸۰-۲۹۲-۸۵۹."""
    groups = re.findall(r"\d+", to_ascii_digits(m.text))
    return {m.key, m.key[:m.key.startswith("+")] + "".join(reversed(groups))}


def _same_digits(a: str, b: str) -> bool:
    """Two long numbers with the same digits, or a phone number with its national 0 and
    with its country code (021 88776655 and +98 21 88776655; the key keeps the "+")."""
    if a == b:
        return True
    if {a[:1], b[:1]} != {"0", "+"}:
        return False
    short, longer = sorted((a.lstrip("+0"), b.lstrip("+0")), key=len)
    return len(short) >= 7 and longer.endswith(short) and len(longer) - len(short) <= 3


def _matches(m: Mention, others: list[Mention]) -> bool:
    pool = {v for o in others for v in o.values | o.parts}
    if m.parts and all(any(_same(p, v) for v in pool) for p in m.parts):
        return True
    for o in others:
        if m.approx or o.approx:
            a = max(m.values) if m.approx else None
            b = max(o.values) if o.approx else None
            base = a if a is not None else b
            targets = o.values if a is not None else m.values
            if base and any(base <= t < base * 1000 for t in targets):
                return True
            if m.approx and o.approx and a == b:
                return True
            continue
        if m.key and o.key:  # long numbers (IDs, phones, accounts): digit by digit
            if any(_same_digits(a, b) for a in _keys(m) for b in _keys(o)):
                return True
            continue
        if m.whole and o.whole:  # "288 billion" is not ۲۸۸ هزار میلیارد, though both say 288
            if _same(m.whole, o.whole) or any(_near(x, o.whole) for x in m.converted) or any(
                    _near(m.whole, y) for y in o.converted):  # ۵۰۰ هزار تومان, "5 million rials"
                return True
            continue
        if any(_same(x, y) for x in m.values for y in o.values):
            return True
        if any(_same(x, y) for x in m.calendar for y in o.values) or any(
                _same(x, y) for x in m.values for y in o.calendar):  # ۱۳۹۸ as 2019
            return True
        if o.parts and any(_same(x, y) for x in m.values for y in o.parts):
            return True
        if any(_near(x, y) for x in m.converted for y in o.values) or any(
                _near(x, y) for x in m.values for y in o.converted):
            return True
    return False


def _near(x: float, y: float) -> bool:
    """Equal up to the rounding of a unit conversion (250 mm = 9.8 in, written "10"; a
    difference of 6 °C = 10.8 °F, written "about 10")."""
    big = max(abs(x), abs(y), 0.5)
    return abs(x - y) <= max(0.07 * big, 1.0 if big >= 10 else 0.0)


def _one_to_one(src: list[Mention], tgt: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Mentions left over when each one may match only one on the other side,
    same kind first (ordinal with ordinal): a changed figure can hide behind an equal
    value used elsewhere in the sentence ("two years" vs "second homes")."""
    # clock times ("4.40" vs "4:40") are matched part by part, by the set pass only
    parts = {p for m in src + tgt for p in m.parts}
    left_src = [m for m in src if not m.approx and not m.parts and not (m.values & parts)]
    left_tgt = [m for m in tgt if not m.approx and not m.parts and not (m.values & parts)]
    for same_kind in (True, False):
        for m in list(left_src):
            hit = next((o for o in left_tgt if _matches(m, [o]) and (
                not same_kind or o.ordinal == m.ordinal or o.digits or m.digits)), None)
            if hit is not None:
                left_src.remove(m)
                left_tgt.remove(hit)
    keep_src = [m for m in left_src if _strong(m) or _small(m)]
    keep_tgt = [m for m in left_tgt if _strong(m) or _small(m)]
    if not any(_strong(m) for m in keep_src + keep_tgt):
        return [], []
    return keep_src, keep_tgt


def _long_digit_runs(text: str) -> list[str]:
    """Digit strings of 6+ digits once spaces inside them are removed (phone numbers)."""
    flat = re.sub(r"(?<=\d)[ \-]+(?=\d)", "", to_ascii_digits(text))
    return [r for r in re.findall(r"\d+", flat) if len(r) >= 6]


def _inside_long_run(m: Mention, runs: list[str]) -> bool:
    digits = re.sub(r"\D", "", to_ascii_digits(m.text))
    return m.digits and len(digits) >= 3 and any(digits in r for r in runs)


def _strong(m: Mention) -> bool:
    """A mention worth flagging alone: digits, or a number word that is not idiomatic."""
    if m.approx or m.weak or m.fraction:
        return False
    return m.digits or min(m.values) not in WEAK


def _small(m: Mention) -> bool:
    """A small number word (one, two, half): weak alone, a figure when another one faces it."""
    return not (m.approx or m.weak or m.digits or m.beginning) and (
        m.fraction or min(m.values) in (1.0, 2.0))


def _plain(m: Mention) -> str:
    """The mention in ASCII digits, so a reader of the English sees the figure at once."""
    return to_ascii_digits(m.text).replace("٫", ".")


def _shown(m: Mention) -> str:
    """The original's mention in ASCII digits, with its own script after it if that differs."""
    val = _plain(m)
    return val if val == m.text else f"{val} ({m.text})"


def _closest_pairs(src: list[Mention], tgt: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The changed figures paired by nearest value, in the original's order: 4 made 5 and
    5000 made 50,000 in one sentence is read as such, not as 4 made 50,000."""
    def distance(a: Mention, b: Mention) -> float:
        x, y = (max(m.whole or max(m.values), 0.0) + 1.0 for m in (a, b))
        return abs(math.log(x / y))

    candidates = sorted(((distance(a, b), i, j) for i, a in enumerate(src)
                         for j, b in enumerate(tgt)))
    chosen: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in chosen and j not in chosen.values():
            chosen[i] = j
    return [(src[i], tgt[j]) for i, j in sorted(chosen.items())]


def _wrong_gloss(src: list[Mention], unmatched_src: list[Mention], unmatched_tgt: list[Mention],
                 english: str) -> tuple[Mention, Mention] | None:
    """An original figure whose unit converts (100 کیلومتر, ۵۰۰ هزار تومان) matched by
    the English, which also writes a figure of that unit's family that matches nothing:
    "62 miles (160 km)", "500,000 tomans (50 million rials)". The gloss is a changed
    figure: (the original's figure, the English one)."""
    families = _english_unit_figures(english)
    for m in unmatched_tgt:
        if not m.digits or m.weak:
            continue
        for s in src:
            if s.family and s not in unmatched_src and m.values & families.get(s.family, set()):
                return s, m
    return None


def _unit_flags(src: str, tgt: str, lang: str, mentions: tuple[list[Mention], list[Mention]]
                ) -> list[Flag]:
    """Figures whose values all match but whose meaning changed: a unit (500 mg made "500
    g", 48 hours made "48 days"), a temperature's minus sign (منفی ۳ made "3°C"), a count
    of times (مرتين made "once"), a day of the week (شنبه made "Sunday"), a date's month, a
    bound (نحو ٤٠ made "more than 40"). As sure a change as another figure. `mentions`: the
    two sides' figures as the number check read them."""
    original: list[str] = []
    english: list[str] = []
    readings: list[str] = []
    for v, a, b in changed_units(src, tgt, lang):
        amount = "several" if v < 0 else f"{v:g}"  # a vague count (عدة أسابيع, "several months")
        original.append(f"{amount} {a}")
        english.append(f"{amount} {b}")
        readings.append("unit")
    for v, side in lost_signs(src, tgt, lang):
        original.append(f"{'-' if side == 'original' else ''}{v:g}")
        english.append(f"{'-' if side == 'english' else ''}{v:g}")
        readings.append("sign")
    count = changed_times(src, tgt, lang)
    if count:
        shown = {1.0: "once", 2.0: "twice"}
        original.append(shown.get(count[0], f"{count[0]:g} times"))
        english.append(shown.get(count[1], f"{count[1]:g} times"))
        readings.append("count")
    changed = {"weekday": changed_weekday(src, tgt, lang),
               "date": _changed_solar_month(src, tgt) if lang == "fa" else None,
               "month": _changed_named_month(src, tgt, lang),
               "magnitude": _changed_magnitude(*mentions),
               "bound": changed_bound(src, tgt, lang)}
    for reading, pair in changed.items():
        if pair:
            original.append(pair[0])
            english.append(pair[1])
            readings.append(reading)
    if not original:
        return []
    days = {d.capitalize() for d in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                     "saturday", "sunday")}
    written = {"date": "date {} (the Solar Hijri date, converted)", "month": "date {}"}

    def kind(a: str, r: str) -> str:
        return "" if r in written else "day " if a in days else "number "

    detail = "; ".join(
        f"{kind(a, r) if not k else ''}{written.get(r, '{}').format(a)} in the original is {b} "
        "in the English" for k, (a, b, r) in enumerate(zip(original, english, readings, strict=True)))
    # `readings` marks a flag the development data never corrupts: the calibration gives it
    # a fixed weight instead of counting it in the fitted number model (calibration.py)
    return [Flag("number", "high", detail, 0.95,
                 {"original": original, "english": english, "readings": readings})]


_CALENDAR_AFTER = r"\s*(?:A\.?\s?H\.?|S\.?\s?H\.?|AHS|Hijri)(?![^\W\d_])"


def _restated_year(src: list[Mention], tgt: list[Mention], miss_tgt: list[Mention],
                   tgt_text: str) -> tuple[list[Mention], list[Mention]] | None:
    """٢٥٦هـ made "265 AH (870 CE)": the original's Hijri year matched the English's
    Gregorian one, but the English also states the Hijri year, and another. Returns that
    stated year and the original's, a changed figure."""
    stated = [m for m in miss_tgt
              if re.search(rf"(?<![\d.,]){re.escape(m.text)}{_CALENDAR_AFTER}", tgt_text)]
    years = [m for m in src if m.calendar and m.digits
             and not any(m.values & t.values for t in tgt)]
    return (years, stated) if stated and years else None


class NumberCheck:
    """Flag figures present on one side and missing or different on the other."""

    name = "number"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        src = extract(bead.src, ctx.src_lang)
        tgt = extract(bead.tgt, "en")
        converted = ""  # what a Solar date's day is in the Gregorian calendar, for the detail
        if any(m.month_day == "hijri" for m in src) and any(
                m.month_day == "gregorian" for m in tgt):
            # ۲۲ بهمن made "11 February": the day numbers of two calendars differ, so
            # they may match but never flag (the year still converts: ۱۴۰۱ is 2023)
            solar, english = _solar_dates(bead.src), _english_dates(bead.tgt)
            if (len(solar) == 1 and len(english) == 1
                    and not any(d in cands for cands in solar.values() for d in english)
                    and any(mon == english[0][0] for cands in solar.values() for mon, _ in cands)):
                # a Solar date and the English date in its month, but another day (۱۵ حمل
                # ۱۴۰۲ is 4 April 2023, not "5 April"): the day is a changed figure
                # (and "22 February" for ۲۲ بهمن keeps the Solar day under a Gregorian month:
                # the day read is the converted one only)
                src = [replace(m, values=frozenset(float(d) for _, d in solar.get(
                    int(min(m.values)), set())) or m.values) if m.month_day == "hijri" else m
                       for m in src]
                [cands] = solar.values()
                converted = " or ".join(f"{d} {_MONTH_NAME_EN[mon - 1]}" for mon, d in sorted(cands))
            else:
                # only the days of a calendar the other side does not write: ١٤ رمضان
                # الموافق ٢٤ آذار made "14 Ramadan (14 March)" keeps both calendars' days
                if not any(m.month_day == "hijri" for m in tgt):
                    src = [replace(m, weak=True) if m.month_day == "hijri" else m for m in src]
                if not any(m.month_day == "gregorian" for m in src):
                    tgt = [replace(m, weak=True) if m.month_day == "gregorian" else m for m in tgt]
        runs_src, runs_tgt = _long_digit_runs(bead.src), _long_digit_runs(bead.tgt)
        unmatched_src = [m for m in src if not _matches(m, tgt) and not _inside_long_run(m, runs_tgt)]
        unmatched_tgt = [m for m in tgt if not _matches(m, src) and not _inside_long_run(m, runs_src)]
        miss_src = [m for m in unmatched_src if _strong(m)]
        miss_tgt = [m for m in unmatched_tgt if _strong(m)]
        if miss_tgt and not miss_src and (restated := _restated_year(src, tgt, miss_tgt, bead.tgt)):
            miss_src, miss_tgt = restated
        one_src, one_tgt = _one_to_one([m for m in src if not _inside_long_run(m, runs_tgt)],
                                       [m for m in tgt if not _inside_long_run(m, runs_src)])
        if not (miss_src and miss_tgt):
            left_src, left_tgt = one_src, one_tgt
            if left_src and left_tgt:  # "two years ... second homes" made "three years",
                # "0-0-5" made "5-8-0"
                miss_src, miss_tgt = left_src, left_tgt
        if not (miss_src and miss_tgt):
            # "first half" made "second half": idiomatic small ordinals, but one replaced
            # by another on the other side is a changed figure.
            ord_src = [m for m in unmatched_src if m.ordinal and not m.weak and not m.digits]
            ord_tgt = [m for m in unmatched_tgt if m.ordinal and not m.weak and not m.digits]
            if ord_src and ord_tgt:
                miss_src, miss_tgt = miss_src or ord_src, miss_tgt or ord_tgt
        for kind in ("fraction", "century"):
            if not (miss_src and miss_tgt):
                # "half" made "a third", the 19th century made "the 18th": weak alone
                # (idioms, a century said in years), but one replaced by another is a change
                kind_src = [m for m in unmatched_src if getattr(m, kind)]
                kind_tgt = [m for m in unmatched_tgt if getattr(m, kind)]
                if kind_src and kind_tgt:
                    miss_src, miss_tgt = miss_src or kind_src, miss_tgt or kind_tgt
        if not (miss_src and miss_tgt):
            glossed = _wrong_gloss(src, unmatched_src, unmatched_tgt, bead.tgt)
            if glossed:
                miss_src, miss_tgt = [glossed[0]], [glossed[1]]
        if bool(miss_src) != bool(miss_tgt):
            # "two months" made "three months": the small figure alone is idiomatic, but
            # facing an unmatched figure on the other side it is a changed one.
            small_src = [m for m in unmatched_src if _small(m)]
            small_tgt = [m for m in unmatched_tgt if _small(m)]
            words_src = [m for m in miss_src if not m.digits]
            words_tgt = [m for m in miss_tgt if not m.digits]
            if (words_src and small_tgt) or (words_tgt and small_src):
                miss_src, miss_tgt = miss_src or small_src, miss_tgt or small_tgt
        changed = bool(miss_src and miss_tgt)
        # "thousands" for ۵۰۰: a figure rendered as a vague quantity of another magnitude
        # is a changed figure too (a vague quantity of the same magnitude has matched).
        vague = [m for m in unmatched_tgt if m not in miss_tgt and m.approx]
        if miss_src and not miss_tgt and vague and any(m.digits for m in miss_src):
            changed = True
        digits = any(m.digits for m in miss_src + miss_tgt)
        if not changed:  # a lone number word is usually rephrasing ("a pair", "twice")
            miss_src = [m for m in miss_src if m.digits]
            miss_tgt = [m for m in miss_tgt if m.digits]
        if not miss_src and not miss_tgt:
            return _unit_flags(bead.src, bead.tgt, ctx.src_lang, (src, tgt))
        # One figure replaced by another is near-certain, in digits or in words.
        score = 0.95 if changed and digits else 0.9 if changed else 0.7 if digits else 0.6
        sev = "high" if changed else "medium"
        pairs: list[tuple[Mention, Mention]] = []
        if changed and miss_tgt:
            # each figure one-to-one: the 5 of "Articles 3 and 5" may have matched the 5
            # of "Article 5"; then the nearest values are read as the changed ones
            if all(m in one_src for m in miss_src) and all(m in one_tgt for m in miss_tgt):
                miss_src, miss_tgt = one_src, one_tgt
            pairs = _closest_pairs(miss_src, miss_tgt)
            detail = "; ".join(
                f"number {_shown(a)} in the original is {b.text} in the English" if not k
                else f"{_shown(a)} is {b.text}" for k, (a, b) in enumerate(pairs))
        elif miss_src:
            detail = f"number {_shown(miss_src[0])} in the original is not in the English"
            vague = vague or [m for m in unmatched_tgt if m not in miss_tgt]
            if vague:  # "thousands" for ۵۰۰: show the reader what the English says instead
                detail += f", which says \"{vague[0].text}\""
        else:
            b = miss_tgt[0]
            detail = f"number {b.text} in the English is not in the original"
            vague = []
        if converted and changed:
            detail += f" (the Solar Hijri date is {converted})"
        shown_n = 2 * len(pairs) or 1
        if len(miss_src) + len(miss_tgt) > shown_n:
            detail += f" (+{len(miss_src) + len(miss_tgt) - shown_n} more)"
        evidence: dict[str, Any] = {"original": [m.text for m in miss_src],
                                    "english": [m.text for m in miss_tgt]}
        if vague:
            evidence["english_instead"] = [m.text for m in vague]
        return [Flag("number", sev, detail, score, evidence)]
