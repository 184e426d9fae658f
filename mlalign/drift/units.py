"""A figure kept with another unit: 500 ملغ made "500 g", 48 ساعة made "48 days", 40
کیلومتر در ساعت made "40 mph", ¼ قاشق چای‌خوری made "¼ tablespoon". The number check
compares values only, so such a change went unseen (a leaflet's dose, a recipe's measure).

Only the unit written right after a figure counts, and only units of one family are
compared (mass, volume, length, time): a figure whose units on the two sides share none is
flagged. A figure with no unit on either side, or another value (500 mg as "0.5 g"), is
left to the number check."""

from __future__ import annotations

import re
from collections import Counter

from mlalign.drift.base import norm_arabic, strip_diacritics, to_ascii_digits

# family, unit: the words that write it, in the original (as written; normalised below) and
# in English (lower case). Single letters (m, l, h, s) are left out: "$5m" is five million.
_UNITS: dict[tuple[str, str], tuple[str, str]] = {
    ("mass", "mg"): ("ملغ ملغم مغ ملجم ملليغرام مليغرام ميليغرام ملیگرم میلیگرم mg",
                     "mg milligram milligrams milligramme milligrammes"),
    ("mass", "mcg"): ("ميكروغرام میکروگرم mcg µg μg", "mcg µg μg microgram micrograms"),
    ("mass", "g"): ("غرام غرامات غراما جرام جرامات جم گرم g",
                    "g gram grams gramme grammes gr"),
    ("mass", "kg"): ("كغ كغم كيلوغرام كيلوغرامات كيلوجرام كيلو کیلوگرم کیلو kg",
                     "kg kilo kilos kilogram kilograms kilogramme kilogrammes"),
    ("mass", "t"): ("طن أطنان تن", "ton tons tonne tonnes"),
    ("mass", "lb"): ("رطل أرطال پوند", "lb lbs pound pounds"),
    ("mass", "oz"): ("أونصة اونس", "oz ounce ounces"),
    # international units of a vitamin: 1000 واحد بین‌المللی made "1,000 milligrams"
    ("mass", "iu"): ("iu", "iu international"),
    ("volume", "ml"): ("مل ملل مليلتر ملليلتر ميليلتر ميلي میلیلیتر سیسی ml cc",
                       "ml millilitre millilitres milliliter milliliters cc"),
    ("volume", "l"): ("لتر لترات ليتر لیتر", "litre litres liter liters"),
    ("volume", "cup"): ("كوب أكواب پیمانه", "cup cups"),
    ("length", "mm"): ("مم ملم مليمتر ميليمتر میلیمتر mm", "mm millimetre millimetres millimeter millimeters"),
    ("length", "cm"): ("سم سنتيمتر سانتيمتر سانتیمتر سانت cm",
                       "cm centimetre centimetres centimeter centimeters"),
    ("length", "m"): ("متر مترا أمتار", "metre metres meter meters"),
    ("length", "km"): ("كم كيلومتر كيلومترات كيلومترا کیلومتر km",
                       "km kilometre kilometres kilometer kilometers kph km/h"),
    ("length", "mile"): ("ميل أميال مایل", "mile miles mph"),
    ("length", "ft"): ("قدم أقدام فوت", "ft foot feet"),
    ("time", "s"): ("ثانية ثوان ثواني ثانیه", "sec secs second seconds"),
    ("time", "min"): ("دقيقة دقائق دقیقه", "min mins minute minutes"),
    ("time", "h"): ("ساعة ساعات ساعت", "hr hrs hour hours"),
    ("time", "day"): ("يوم يوما أيام روز", "day days"),
    ("time", "week"): ("أسبوع أسابيع اسبوع هفته", "week weeks"),
    ("time", "month"): ("شهر شهرا أشهر شهور ماه", "month months"),
    ("time", "year"): ("سنة سنوات سنين عام عاما أعوام سال ساله", "year years"),
    # Iran's two money units: a toman is ten rials, so a toman made "rial" is a tenth
    ("money_ir", "toman"): ("تومان تومن", "toman tomans"),
    ("money_ir", "rial"): ("ریال ريال ريالا", "rial rials riyal riyals"),
    # other currencies: 240 ألف دينار made "240,000 dollars"
    ("money", "dinar"): ("دينار دنانير دينارا دینار", "dinar dinars"),
    ("money", "dollar"): ("دولار دولارات دولارا دلار", "dollar dollars"),
    ("money", "euro"): ("يورو یورو", "euro euros"),
    ("money", "dirham"): ("درهم دراهم درهما", "dirham dirhams"),
    ("money", "lira"): ("ليرة ليرات لیر", "lira liras lire"),
    ("money", "yuan"): ("يوان یوان", "yuan"),
    ("money", "pound"): ("جنيه جنيهات جنيها", "£"),
    # the hour's half of the day: ساعت ۸ صبح made "8 p.m." (English a.m./p.m. read as am/pm)
    ("daypart", "am"): ("صبح صباحا صباح بامداد فجرا", "am"),
    ("daypart", "pm"): ("عصر بعدازظهر ظهر شب مساء مساءا ليلا مغرب", "pm"),
}
# Scale words between a figure and its unit: ٢٤٠ ألف دينار, ۱۴ میلیون تومان, "6.2 million dinars".
_SRC_SCALES = {norm_arabic(w): v for w, v in (
    ("ألف", 1e3), ("آلاف", 1e3), ("هزار", 1e3), ("مليون", 1e6), ("ملايين", 1e6),
    ("میلیون", 1e6), ("مليار", 1e9), ("مليارات", 1e9), ("میلیارد", 1e9))}
_EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "k": 1e3, "m": 1e6, "bn": 1e9}
# A currency sign before an English figure: "US$85 million", "€85 million", "£3bn".
_EN_SIGN_FIGURE = re.compile(r"(US\$|\$|€|£)\s?(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion)\b|"
                             r"(k|m|bn)\b)?")
_EN_SIGNS = {"US$": "dollar", "$": "dollar", "€": "euro", "£": "pound"}
_EN_DAYPART = re.compile(r"(?<=\d)\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
# Spoons say which by a second word: ملعقة صغيرة / قاشق چای‌خوری "teaspoon", ملعقة كبيرة /
# قاشق غذاخوری "tablespoon"; the spoon alone says neither.
_SPOONS = {("ملعقه", "صغيره"): "tsp", ("ملاعق", "صغيره"): "tsp", ("قاشق", "چايخوري"): "tsp",
           ("ملعقه", "كبيره"): "tbsp", ("ملاعق", "كبيره"): "tbsp", ("قاشق", "غذاخوري"): "tbsp"}
_SPOONS = {tuple(norm_arabic(w) for w in k): ("volume", v) for k, v in _SPOONS.items()}
# Units of two words: واحد بین‌المللی، وحدة دولية "international units".
_TWO_WORD_UNITS = _SPOONS | {tuple(norm_arabic(w) for w in k): ("mass", "iu") for k in (
    ("واحد", "بينالمللي"), ("وحده", "دوليه"), ("وحدات", "دوليه"))}
_EN_SPOONS = {"tsp": "tsp", "teaspoon": "tsp", "teaspoons": "tsp", "tbsp": "tbsp",
              "tablespoon": "tbsp", "tablespoons": "tbsp"}

SRC_UNITS: dict[str, tuple[str, str]] = {}
EN_UNITS: dict[str, tuple[str, str]] = {}
for _key, (_src, _en) in _UNITS.items():
    SRC_UNITS.update({norm_arabic(w): _key for w in _src.split()})
    EN_UNITS.update({w: _key for w in _en.split()})
EN_UNITS.update({w: ("volume", v) for w, v in _EN_SPOONS.items()})

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_NUMBER = r"(?<![\d.,])(\d+(?:[.,]\d+)*[½¼¾⅓⅔]?|[½¼¾⅓⅔])"
_SRC_FIGURE = re.compile(_NUMBER + r"\s*-?\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?(?:\s+([^\W\d_]+))?")
_EN_FIGURE = re.compile(_NUMBER + r"(?:\s*|-)(?:(thousand|million|billion)\s+)?(km/h|[a-zµμ]+)\b",
                        re.IGNORECASE)


def _value(raw: str) -> float | None:
    """The figure's value; None for what no unit measures (a version, 2.4.1; a date, 1.5.2024)."""
    frac = _FRACTIONS.get(raw[-1], 0.0)
    digits = raw.rstrip("".join(_FRACTIONS)).replace(",", "")
    if digits.count(".") > 1:
        return None
    return (float(digits) if digits else 0.0) + frac


def figure_units(text: str, lang: str) -> dict[float, set[tuple[str, str]]]:
    """The units written right after each figure of a text: {value: {(family, unit)}}."""
    out: dict[float, set[tuple[str, str]]] = {}
    if lang == "en":
        text = _EN_DAYPART.sub(lambda m: f" {m.group(1).lower()}m", text.replace("\u2009", " "))
        for m in _EN_FIGURE.finditer(text):
            unit, value = EN_UNITS.get(m.group(3).lower()), _value(m.group(1))
            if unit and value is not None:
                scale = _EN_SCALES[m.group(2).lower()] if m.group(2) else 1.0
                out.setdefault(value * scale, set()).add(unit)
        for m in _EN_SIGN_FIGURE.finditer(text):
            if (value := _value(m.group(2))) is not None:
                word = m.group(3) or m.group(4)
                scale = _EN_SCALES[word.lower()] if word else 1.0
                out.setdefault(value * scale, set()).add(("money", _EN_SIGNS[m.group(1)]))
        for value, unit in _word_figures(text, lang):
            out.setdefault(value, set()).add(unit)
        return out
    text = norm_arabic(strip_diacritics(to_ascii_digits(text)).replace("\u200c", "")).replace("٫", ".")
    for m in _SRC_FIGURE.finditer(text):
        value, (word, after) = _value(m.group(1)), (m.group(2), m.group(3) or "")
        if value is None:
            continue
        if word in _SRC_SCALES and after:
            value, (word, after) = value * _SRC_SCALES[word], (after, m.group(4) or "")
        unit = _TWO_WORD_UNITS.get((word, after)) or _src_unit(word)
        if unit:
            out.setdefault(value, set()).add(unit)
    for value, unit in _word_figures(text, lang):
        out.setdefault(value, set()).add(unit)
    return out


# Counts in words before a unit: three to ten, and "a few" (−1: a vague count, compared only
# with another). Arabic one and two follow the noun or make it dual (شهرين "two months");
# Persian نه ("nine", also "no") is left out.
_SRC_COUNT_WORDS = {norm_arabic(w): v for v, words in (
    (3, "ثلاث ثلاثة"), (4, "أربع أربعة"), (5, "خمس خمسة"), (6, "ست ستة"), (7, "سبع سبعة"),
    (8, "ثمان ثماني ثمانية"), (9, "تسع تسعة"), (10, "عشر عشرة"),
    (1, "یک"), (2, "دو"), (3, "سه"), (4, "چهار"), (5, "پنج"), (6, "شش"), (7, "هفت"), (8, "هشت"),
    (10, "ده"), (-1, "عدة بضع بضعة چند چندين")) for w in words.split()}
_EN_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                   "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": -1, "several": -1}
_EN_WORD_FIGURE = re.compile(r"\b(" + "|".join(_EN_COUNT_WORDS) + r")\s+([a-z]+)\b", re.IGNORECASE)


def _word_figures(text: str, lang: str) -> list[tuple[float, tuple[str, str]]]:
    """Counts said in words before a unit ("three weeks", سه ماه، عدة أسابيع) and Arabic
    duals of a unit (شهرين، ساعتين، كيلوغرامين: two)."""
    out = []
    if lang == "en":
        for m in _EN_WORD_FIGURE.finditer(text):
            if unit := EN_UNITS.get(m.group(2).lower()):
                out.append((float(_EN_COUNT_WORDS[m.group(1).lower()]), unit))
        return out
    toks = re.findall(r"[^\W\d_]+", norm_arabic(strip_diacritics(text)).replace("\u200c", ""))
    for k, tok in enumerate(toks):
        if tok in _SRC_COUNT_WORDS and k + 1 < len(toks) and (unit := _src_unit(toks[k + 1])):
            out.append((float(_SRC_COUNT_WORDS[tok]), unit))
        elif lang == "ar" and tok.endswith(("ين", "ان")) and len(tok) > 4:
            stem = tok[:-2]
            stem = stem[:-1] + "ه" if stem.endswith("ت") else stem  # ساعتين: ساعة
            if (unit := SRC_UNITS.get(stem)) and unit[0] in ("time", "mass", "length", "volume"):
                out.append((2.0, unit))
    return out


def _src_unit(word: str) -> tuple[str, str] | None:
    """The unit an original word writes, with its accusative ending -ا (كيلوغراما)."""
    unit = SRC_UNITS.get(word) or SRC_UNITS.get(word.lower())
    if unit is None and word.endswith("ا") and len(word) > 3:
        unit = SRC_UNITS.get(word[:-1])
    return unit


def changed_units(src: str, tgt: str, lang: str) -> list[tuple[float, str, str]]:
    """Figures written on both sides with units of one family that differ:
    [(value, unit in the original, unit in the English)]."""
    s_units, t_units = figure_units(src, lang), figure_units(tgt, "en")
    changed = []
    for value, s in s_units.items():
        if value == 12:  # ۱۲ شب is midnight, "12 a.m."
            s = {u for u in s if u[0] != "daypart"}
        t = t_units.get(value, set())
        if s and t and not s & t:
            pairs = [(a, b) for a in sorted(s) for b in sorted(t) if a[0] == b[0]]
            if pairs:
                changed.append((value, pairs[0][0][1], pairs[0][1][1]))
    return changed


# A temperature's minus sign: منفی ۳، سالب 5، ۵ درجه زیر صفر, "-3°C", "minus 3", "3 below
# zero". Read only where the side speaks of temperature, since elsewhere a minus is often
# said in words ("a 2% contraction" for رشد منفی ۲ درصد, "the second basement" for طبقه منفی ۲).
_SRC_TEMPERATURE = re.compile(norm_arabic(r"درجه|درجة|درجات|°|℃|دما|دمای|حرارة|حراره|صفر"))
_EN_TEMPERATURE = re.compile(r"°|℃|\bdegrees?\b|\bcelsius\b|\bfahrenheit\b|\btemperatures?\b|"
                             r"\bzero\b|\bfreezing\b", re.IGNORECASE)
_FIG = r"(\d+(?:[.,]\d+)?)"
# a hyphen or minus sign glued to a figure, not a range (3 -5) nor a compound (COVID-19)
_SIGN = rf"(?:^|(?<=[\s(\[:،,]))(?<![\d][\s])[-−–]{_FIG}"
_SRC_MINUS = re.compile(norm_arabic(rf"(?<!\w)(?:منفی|منهای|سالب|ناقص)\s*{_FIG}|{_SIGN}|"
                                    rf"{_FIG}\s*(?:°|درجه|درجة|درجات)?\s*(?:مئوية\s*)?(?:تحت|زیر)\s*(?:ال)?صفر"))
_EN_MINUS = re.compile(rf"\bminus\s+{_FIG}|{_SIGN}|"
                       rf"{_FIG}\s*(?:°\s*[CF]?|degrees?(?:\s+(?:celsius|fahrenheit|c|f))?)?\s+below\s+"
                       r"(?:zero|freezing)", re.IGNORECASE)
_ANY_FIG = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?")


def _signed(text: str, lang: str) -> tuple[set[float], set[float]]:
    """(values written negative, every value) of a text that speaks of temperature."""
    if lang != "en":
        text = norm_arabic(to_ascii_digits(text).replace("\u200c", " ")).replace("٫", ".")
    if not (_EN_TEMPERATURE if lang == "en" else _SRC_TEMPERATURE).search(text):
        return set(), set()
    negative = {float(next(g for g in m.groups() if g).replace(",", "."))
                for m in (_EN_MINUS if lang == "en" else _SRC_MINUS).finditer(text)}
    return negative, {float(m.group(0).replace(",", ".")) for m in _ANY_FIG.finditer(text)}


def lost_signs(src: str, tgt: str, lang: str) -> list[tuple[float, str]]:
    """Temperatures below zero on one side written above zero on the other:
    [(value, "original" or "english": the side that has the minus)]."""
    s_neg, s_all = _signed(src, lang)
    t_neg, t_all = _signed(tgt, "en")
    return ([(v, "original") for v in sorted(s_neg - t_neg) if v in t_all]
            + [(v, "english") for v in sorted(t_neg - s_neg) if v in s_all])


# Days of the week. الاثنين is also "the two": a day only after يوم or before الماضي /
# المقبل / القادم. The night before a day is named by that day (ليلة السبت, شب شنبه "Friday
# night"), so a day after ليلة / ليل / شب is left out.
_EN_DAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"))}
_AR_DAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
            "الاحد": 6}
_FA_DAYS = {"دوشنبه": 0, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "جمعه": 4, "آدینه": 4,
            "شنبه": 5, "یکشنبه": 6}
_SRC_DAYS = {norm_arabic(k): v for k, v in (_AR_DAYS | _FA_DAYS).items()}
_SRC_DAY = re.compile(r"(?<!\w)(?:[وبل]|و?ب)?(" + "|".join(sorted(_SRC_DAYS, key=len, reverse=True))
                      + r")(?!\w)")
_FA_DAY_JOIN = re.compile(norm_arabic(r"(?<!\w)(یک|دو|سه|چهار|پنج)\s+شنبه(?!\w)"))
_NIGHT_BEFORE = re.compile(norm_arabic(r"(?:ليله|ليل|شب)\s+(?:یوم\s+)?$"))
_AR_TWO = norm_arabic("الاثنين")
_AR_TWO_DAY = re.compile(norm_arabic(r"(?:يوم|يومي|أيام)\s+$"))  # يومي الاثنين والخميس
_AR_TWO_AFTER = re.compile(norm_arabic(r"\s+(?:الماضي|المقبل|القادم)"))


def weekdays(text: str, lang: str) -> set[int]:
    """The days of the week a text names (0 Monday … 6 Sunday)."""
    if lang == "en":
        # "on Mondays and Thursdays" names days too
        return {_EN_DAYS[w.lower()] for w in re.findall(r"\b((?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b",
                                                        text, re.IGNORECASE)}
    text = _FA_DAY_JOIN.sub(r"\1شنبه", norm_arabic(strip_diacritics(text).replace("\u200c", "")))
    days = set()
    for m in _SRC_DAY.finditer(text):
        before = text[:m.start()]
        if _NIGHT_BEFORE.search(before):
            continue
        if m.group(1) == _AR_TWO and not (_AR_TWO_DAY.search(before)
                                          or _AR_TWO_AFTER.match(text, m.end())):
            continue
        days.add(_SRC_DAYS[m.group(1)])
    return days


def changed_weekday(src: str, tgt: str, lang: str) -> tuple[str, str] | None:
    """(the original's day, the English day) where each side names a day the other does not:
    يومي الاثنين والخميس made "Mondays and Fridays" keeps Monday but changes Thursday."""
    s, t = weekdays(src, lang), weekdays(tgt, "en")
    if s - t and t - s:
        names = [d.capitalize() for d in _EN_DAYS]
        return names[min(s - t)], names[min(t - s)]
    return None


# How many times: "once", "twice", "3 times" against مرة، مرتين، ٣ مرات، یک بار، دو بار (a
# dose "twice daily" made "once daily"). The number check leaves one and two alone, since
# alone they are mostly idiom ("one of", "a couple"); said as a count of times they are not.
_EN_TIMES_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                   "eight": 8, "nine": 9, "ten": 10}
# "once" that is no count: "at once", "once again", "once more", "once upon a time"
_ONCE_IDIOM = re.compile(r"\b(?:at|all\s+at)\s+once\b|\bonce\s+(?:again|more|upon|and\s+for)\b",
                         re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)*")
_AR_COUNTS = {norm_arabic(k): v for k, v in {
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "عشرين": 20, "ثلاثين": 30, "مئة": 100, "مائة": 100}.items()}
_FA_COUNTS = {norm_arabic(k): v for k, v in {
    "یک": 1, "یه": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8,
    "نه": 9, "ده": 10, "بیست": 20, "صد": 100}.items()}
_FA_TIMES_UNITS = ("بار", "دفعه", "مرتبه")
# مرة that is no count: ذات مرة "once upon a time", أول مرة "the first time", كل مرة "each
# time", مرة أخرى "again"
_MARRA_BEFORE = {norm_arabic(w) for w in ("ذات", "أول", "لأول", "آخر", "لآخر", "كل", "هذه",
                                          "تلك", "في", "أي")}
_MARRA_AFTER = {norm_arabic(w) for w in ("أخرى", "ثانية", "ثالثة", "الأولى", "أولى")}


def times(text: str, lang: str) -> Counter[float]:
    """The counts of times a text says: "once", "twice", "3 times"; مرتين، ثلاث مرات، مرة
    واحدة، 200 مرة; یک بار، دوبار، سه دفعه. Vague counts ("several times", بارها) and idioms
    ("at once", مرة أخرى، ذات مرة، یک بار دیگر) are left out. Each count as often as it is
    said: a prescription's "once ... once daily" against "once ... twice daily"."""
    spans = [m.span() for m in _WORD.finditer(text)]
    words = [text[a:b] for a, b in spans]
    out: Counter[float] = Counter()
    if lang == "en":
        idioms = [m.span() for m in _ONCE_IDIOM.finditer(text)]
        for k, word in enumerate(words):
            low = word.lower()
            if low in ("twice", "thrice"):
                out[2.0 if low == "twice" else 3.0] += 1
            elif low == "once" and not any(a <= spans[k][0] < b for a, b in idioms):
                before = text[:spans[k][0]].rstrip()
                if before and before[-1] not in ",;:.!?\"'(":  # "Once he left, ..." joins
                    out[1.0] += 1
            elif low == "times" and k:
                prev = words[k - 1].lower()
                if prev in _EN_TIMES_WORDS or prev.isdigit():
                    out[float(_EN_TIMES_WORDS.get(prev) or prev)] += 1
        return out
    norm = [to_ascii_digits(norm_arabic(w)).replace("\u200c", "") for w in words]
    table = _FA_COUNTS if lang == "fa" else _AR_COUNTS

    def count_before(k: int) -> float | None:
        if k < 0:
            return None
        if digits := re.search(r"\d+$", norm[k]):  # حوالي200 مرة: a space lost
            return float(digits.group(0))
        return table.get(norm[k])

    for k, word in enumerate(norm):
        nxt = norm[k + 1] if k + 1 < len(norm) else ""
        if lang == "fa":
            for unit in _FA_TIMES_UNITS:
                glued = word.endswith(unit) and word[:-len(unit)] in table  # دوبار
                if (word == unit or glued) and nxt != "ديگر":  # یک بار دیگر "once more"
                    value = table[word[:-len(unit)]] if glued else count_before(k - 1)
                    if value is not None:
                        out[float(value)] += 1
        elif word in ("مرتين", "مرتان"):
            out[2.0] += 1
        elif word in ("مرات", "مره") and (value := count_before(k - 1)) is not None:
            out[float(value)] += 1  # ثلاث مرات; past ten the noun is singular: 200 مرة
        elif word == "مره" and nxt not in _MARRA_AFTER and (
                k == 0 or norm[k - 1] not in _MARRA_BEFORE):
            out[1.0] += 1  # مرة واحدة، مرة يومياً
    return out


def changed_times(src: str, tgt: str, lang: str) -> tuple[float, float] | None:
    """(the original's count, the English count) where both sides count times and one
    count of the original is said as another: the two sides' counts, each as often as
    said, differ both ways."""
    s, t = times(src, lang), times(tgt, "en")
    lost, added = s - t, t - s
    if s and t and lost and added:
        return min(lost), min(added)
    return None
