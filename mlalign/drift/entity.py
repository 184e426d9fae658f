"""Names of people, places and organisations in the original that are missing or changed
in the English. A curated bilingual gazetteer (data/gazetteer.tsv, with more names in
data/gazetteer_more.tsv and CLDR's places) catches the common news names with certainty; a
consonant-skeleton match catches names it does not list."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from mlalign.drift.address import AddressChange, address_changes
from mlalign.drift.base import (
    ARABIC_LETTERS,
    GLUED_RUN,
    CheckContext,
    as_written,
    bare_words,
    norm_arabic,
    script_words,
    strip_punctuation,
)
from mlalign.drift.coverage import name_context_match
from mlalign.drift.number import MONTHS_HIJRI_EN
from mlalign.drift.translit import (
    is_transliterated,
    latin_typo,
    skeleton_arabic,
    skeleton_latin,
    transliteration_similarity,
)
from mlalign.types import Bead, Flag

__all__ = ["EntityCheck", "english_names", "find_entities", "gazetteer", "skeleton_arabic",
           "skeleton_latin"]

GAZETTEER = Path(__file__).with_name("data") / "gazetteer.tsv"
# More names, which the drift benchmark does not draw its swaps from (see its header)
GAZETTEER_MORE = Path(__file__).with_name("data") / "gazetteer_more.tsv"
_PREFIX = "(?:و|ف|ب|ل|ک|وب|ول|وال|بال|فال|لل|ال)?"
_STOP = set("""The A An In On At Of For To From By With As And But Or If When While After
Before He She It They We I You His Her Its Their Our My This That These Those There Here
Mr Mrs Ms Dr Sir President Minister Prime Secretary General Chief King Queen Prince
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Government State States Party
Council Court Police Army Ministry University Republic Republican Republicans Democrat
Democrats Democratic Senate House North South East West New Old Great Saint St Islamic
Muslim Muslims Christian Christians Arab Arabs Arabic Persian God Allah Also However So
Yet Then Now Today Last Next One Two Three Mr. Dr. According Despite During Although""".split())
# Words that name institutions, titles, places and peoples by meaning: the original
# translates them (وزير الخارجية for "Foreign Minister"), so no transliteration can match.
_TRANSLATED = set("""Foreign Affairs Defence Defense Interior Justice National International
Federal Central Supreme United Nations Union Committee Commission Department Office Agency
Service Services Forces Force Security Parliament Assembly Congress Congressional Church
Hospital Center Centre Institute Association Organization Organisation Board Bank Company
Group Club League Cup World Championship Championships Games Olympics Olympic Prize Award
Street Road Square River Lake Mountain Mountains Island Islands Ocean Sea Gulf Bay Valley
Park Airport Station Province Region District County City Town Village Governor Mayor
Senator Judge Professor Prof Doctor Colonel Captain Commander Director Chairman Spokesman
Ambassador Embassy Media News Press Times Post Daily Television Radio Network Labour
Conservative Conservatives Liberal Liberals Tory Tories Socialist Communist Green Greens
Opposition Cabinet Administration Authority Authorities Police Navy Air Marine Marines
Guard Coast Border Federation Community European Western Eastern Northern Southern Middle
Far Near Central Global Public Private Royal Human Rights Health Education Economic
Energy Trade Finance Treasury Home Labor Attorney Deputy Vice Former Senior Junior High
Low Grand First Second Third Fourth Queen's King's Catholic Jewish Orthodox Protestant
German Germans Russian Russians Chinese Japanese Korean Koreans French British Briton
Britons English Scottish Welsh Irish American Americans Iranian Iranians Iraqi Iraqis Syrian
Syrians Turkish Turks Israeli Israelis Palestinian Palestinians Saudi Egyptian Afghan
Pakistani Indian Indians Indonesian Mexican Mexicans Spanish Spaniard Italian Dutch Swedish
Swede Norwegian Danish Polish Ukrainian European Europeans African Africans Asian Asians
Kurdish Kurds Christian Jew Jews Sunni Shia Shiite Democratic Republican Court Courts
State's Team Party's Festival Hall House's Street's Council's War Day Week Year Month
Fire Red White Black Blue Gold Silver Light Dark Star Stars Sun Moon Mother Father Son
Brother Sister Family Children Women Men People Life Love Time Game Season Open Tour
Cross Plaza Tower Bridge Building Museum Gallery Theatre Theater University's Research
Technology Science Sciences Medical Medicine School College Academy Foundation Trust Fund
Development Relations Studies Strategic Policy Project Program Programme Plan Act Bill Law
Conference Summit Plains Civil Liberties Appeals Navigation Aviation Remainers Remainer
Leavers Brexiteers Rep Reps Sen Gov Det Lt Gen Col Sgt Capt Cmdr Adm Supt Insp Rev
Northeast Northwest Southeast Southwest Midwest Mideast Inspector Premier Majesty Presiding
Exchange Market Markets Stock
""".split())
# The months of the Solar and the lunar Hijri calendars as English writes them ("16 Dey",
# "14 Ramadan"): dates, which the number check reads, not names to find in the original
# (دی‌ماه, a compound, spells no "Dey").
_TRANSLATED |= {m.capitalize() for m in MONTHS_HIJRI_EN}
# Abbreviated titles and initials, whose full stop ends no sentence ("Dr. Christine Ford",
# "Murphy J. Paul").
_TITLE_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Det|St|Lt|Gen|Col|Sgt|Capt|Prof|Rev|Jr"
                        r"|Sr|[A-Z])\.(?=\s+[A-Z])")
# A capital letter hyphened to a word is a shape, not a name ("U-turn", "T-shirt", "X-ray").
_LETTER_SHAPE = re.compile(r"^[A-Z]-[a-z]")


@dataclass(frozen=True)
class Entry:
    kind: str
    english: tuple[str, ...]
    src_patterns: dict[str, tuple[re.Pattern[str], ...]]
    en_pattern: re.Pattern[str]
    src_bare: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a word each source pattern needs verbatim: patterns run only when one is present
    src_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the last word of each alias of two words or more, article off (البحر المتوسط: متوسط)
    src_last: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.english[0]


def _src_pattern(alias: str, lang: str, adjective: bool = True, suffixed: bool = True
                 ) -> re.Pattern[str]:
    """Arabic aliases take clitic prefixes (و، ب، ال...); Persian ones only suffixes.
    `adjective`: a country's name also matches its relative adjective (not a city's:
    صوفيا would find صوفي, "Sufi"); `suffixed`: the name takes suffixes (not الرياض, whose
    الرياضي is "sporting")."""
    core = norm_arabic(alias).replace("\u200c", " ")
    had_article = lang == "ar" and core.startswith("ال") and len(core) > 4
    if had_article:
        core = core[2:]
    short = len(core) <= 3
    nisba = _nisba_stem(core, lang) if adjective and not had_article else ""
    pair = _pair_nisba(core, lang) if adjective and not had_article else ""
    core = re.escape(core).replace(r"\ ", r"\s*")
    if nisba:  # إسبانيا, and its adjective الإسبانية: the final alif gives way to ي
        core = f"(?:{core}|{re.escape(nisba)})"
    elif pair:  # كوريا الشمالية, and its adjective الكوري الشمالي / الكورية الشمالية
        core = f"(?:{core}|{pair})"
    prefix = _PREFIX if lang == "ar" else "(?:ال)?"  # Persian keeps the article of Arabic names
    suffix = "(?:ي|يه|ه|ين|يون|يين|ون)?" if lang == "ar" else "(?:ي|ها|هاي|اي|يي)?"
    if short and had_article:  # الصين: short once bare, so its article must be there
        prefix, suffix = "(?:و|ف|ب|ك)?(?:ال|لل)", ""
    elif short:  # short names (قم، عمان) collide with words; match them exactly
        prefix, suffix = ("(?:و|ب|ل)?" if lang == "ar" else ""), ""
    if not suffixed:
        suffix = ""
    # a name ends at a space, punctuation, a hyphen (روسیه-ترکیه, "Russian-Turkish") or a
    # slash (a dateline's جنيف/عدن)
    return re.compile(rf"(?<![^\s\-/]){prefix}{core}{suffix}(?![^\s.,،؛؟:!?\"'»)…”\-/])")


def _nisba_stem(core: str, lang: str) -> str:
    """An Arabic place name's relative adjective, masculine (إسبانيا → إسباني, أوروبا →
    أوروبي), which the English renders "Spanish", "European"; "" when the name has none
    of that shape. Persian adds یی to the whole name instead (اسپانیایی), a suffix."""
    if lang != "ar" or " " in core or not core.endswith("ا") or len(core) < 5:
        return ""
    return core[:-1] if core.endswith("يا") else core[:-1] + "ي"


def _pair_nisba(core: str, lang: str) -> str:
    """The adjective of a two-word Arabic place name whose second word is itself an
    adjective (كوريا الشمالية, "North Korea"): both words turn relative, and both agree
    with the noun they follow (الزعيم الكوري الشمالي, الحكومة الكورية الجنوبية), which the
    English renders "North Korean". A regex, or "" when the name has no such shape."""
    words = core.split()
    if lang != "ar" or len(words) != 2 or not words[1].startswith("ال") or not words[1].endswith("يه"):
        return ""
    first = _nisba_stem(words[0], lang)
    if not first:
        return ""
    agree = "(?:ه|ين|ون)?"  # feminine, or plural: الكوريين الجنوبيين, "South Koreans"
    return rf"{re.escape(first)}{agree}\s+ال{re.escape(words[1][2:-1])}{agree}"


# How long an alias must be to be looked for inside a run of glued words (base.GLUED_RUN):
# روسيا and الصين are, in الصينوروسيابشأن ("China and Russia on"); a shorter one would be
# found by chance. Across the words of a whole sentence, with its spaces taken out, a
# name must be longer still (GLUED_ANYWHERE), as five letters straddle two words too often.
GLUED_MIN = 5
GLUED_ANYWHERE = 6


def _bare_alias(alias: str) -> str:
    """An alias as it shows inside Arabic written without spaces (article dropped)."""
    core = norm_arabic(alias).replace("\u200c", "").replace(" ", "")
    return core[2:] if core.startswith("ال") and len(core) > 5 else core


def _entry(kind: str, english: list[str], ar: list[str], fa: list[str],
           cities: frozenset[str] = frozenset()) -> Entry:
    """One compiled gazetteer entry; `cities`: its aliases that name a city (no adjective).
    An alias written with a final "=" takes no suffix (its suffixed forms are words, or,
    in English, other names: Hama + s is Hamas)."""
    english_t = tuple(dict.fromkeys(a.rstrip("=") for a in english if a))
    en_exact = {a.rstrip("=") for a in english if a.endswith("=")}
    exact = {a.rstrip("=") for a in (*ar, *fa) if a.endswith("=")}
    ar, fa = [a.rstrip("=") for a in ar], [a.rstrip("=") for a in fa]
    sides = (("ar", ar), ("fa", fa))
    src = {lang: tuple(_src_pattern(a, lang, a not in cities, a not in exact)
                       for a in dict.fromkeys(aliases) if a) for lang, aliases in sides}
    bare = {lang: tuple(b for a in dict.fromkeys(aliases) if a and len(b := _bare_alias(a)) >= GLUED_MIN)
            for lang, aliases in sides}
    keys = {lang: tuple({k for a in aliases if a for k in _key_words(a, lang, a not in cities)})
            for lang, aliases in sides}
    last = {lang: tuple({_last_word(a) for a in aliases if len(a.split()) > 1}) for lang, aliases in sides}
    by_length = sorted(english_t, key=len, reverse=True)
    # an English alias written with a final "=" takes only the possessive (Hama's, not Hamas)
    alts = "|".join(re.escape(a) for a in by_length if a not in en_exact)
    unsuffixed = "|".join(re.escape(a) for a in by_length if a in en_exact)
    forms = [f"(?:{alts})(?:'s|s|i|is|n|ns|ian|ians)?" if alts else "",
             f"(?:{unsuffixed})(?:'s)?" if unsuffixed else ""]
    pattern = re.compile(rf"(?<![\w.])(?:{'|'.join(f for f in forms if f)})(?!\w)")
    return Entry(kind, english_t, src, pattern, bare, keys, last)


def _last_word(alias: str) -> str:
    word = norm_arabic(alias).replace("\u200c", " ").split()[-1]
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _key_words(alias: str, lang: str, adjective: bool = True) -> tuple[str, ...]:
    """The first word of an alias as its pattern must find it (article and clitics off),
    in each form the pattern accepts (the name, its adjective's stem)."""
    core = norm_arabic(alias).replace("\u200c", " ").split()[0]
    if core.startswith("ال") and len(core) > 4:
        return (core[2:],)
    nisba = _nisba_stem(core, lang) if adjective else ""
    return (core, nisba) if nisba else (core,)


def _rows(path: Path = GAZETTEER) -> list[tuple[str, list[str], list[str], list[str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, en, ar, fa = (line.split("\t") + ["", "", ""])[:4]
        rows.append((kind, en.split("|"), ar.split("|"), fa.split("|")))
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Entry, ...]:
    """The curated gazetteer (data/gazetteer.tsv), compiled once."""
    return tuple(_entry(*row) for row in _rows())


# CLDR groupings and codes that are not places a text would name as such.
_NOT_PLACES = {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ", "AQ"}
# CLDR English names that are also first names or words ("Chad Hammel", "Easter"), and
# time-zone folders of small towns and research stations.
_EN_AMBIGUOUS = {"Chad", "Jersey", "Georgia", "Jordan", "Turkey", "Guinea", "Chile", "Niger",
                 "Easter", "Christmas", "Wake", "Midway", "Darwin", "Casey", "Davis", "Palmer",
                 "Center", "Norfolk", "Chatham", "Macquarie", "Troll", "Vostok", "Johnston",
                 "Nome", "Boise", "Phoenix", "Regina", "Victoria", "Aden", "Anadyr"}
# CLDR Arabic and Persian names that are mostly words or first names: دوشنبه "Monday"
# (Dushanbe), کریسمس "Christmas" (Christmas Island), موریس "Maurice" (Mauritius).
_SRC_WORDS = {norm_arabic(w) for w in ("دوشنبه", "کریسمس", "موریس")}
_ZONE_SKIP = ("Etc/", "Antarctica/", "America/Indiana/", "America/Kentucky/", "America/North_Dakota/")


def _cldr_rows() -> list[tuple[str, list[str], list[str], list[str]]]:
    """Countries and time-zone cities in English, Arabic and Persian from CLDR (babel):
    names every translator renders by meaning, so no skeleton could match them."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    en, ar, fa = Locale("en"), Locale("ar"), Locale("fa")
    rows = []
    def distinct(names: list[str], country: bool = False) -> list[str]:
        # short single words (مالي "financial", کره "butter") collide with common words;
        # with its article a short country name (النمسا) is one, and its pattern keeps the
        # article (not a city's: العيون is also "the eyes")
        def kept(n: str) -> bool:
            core = norm_arabic(n)
            bare = core.removeprefix("ال")
            return (core not in _SRC_WORDS and (" " in n.strip() or len(bare) >= 5
                    or (country and n.startswith("ال") and len(bare) >= 3)))
        return [n for n in names if n and kept(n)]

    rows = []
    for code, name in en.territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_PLACES and code in ar.territories:
            rows.append(("place", [name], distinct([ar.territories[code]], country=True),
                         distinct([fa.territories.get(code, "")])))
    for zone in ar.time_zones:
        if zone.startswith(_ZONE_SKIP) or "/" not in zone:
            continue
        city = (en.time_zones.get(zone) or {}).get("city") or zone.rsplit("/", 1)[1].replace("_", " ")
        ar_city = (ar.time_zones.get(zone) or {}).get("city")
        fa_city = (fa.time_zones.get(zone) or {}).get("city")
        if city and ar_city:
            rows.append(("city", [city], distinct([ar_city]), distinct([fa_city or ""])))
    return [r for r in rows if r[1][0] not in _EN_AMBIGUOUS and (r[2] or r[3])]


# Arabic relative adjectives and peoples of countries that do not follow the name's shape
# (النمسا → نمساوي "Austrian", الألمان "the Germans"; regular ones come from `_nisba_stem`).
# The adjectives of names too short for `_nisba_stem` (كندا → الكندي, عمان → العماني) and of
# أفغانستان, whose -ستان goes (الأفغاني, الأفغان "the Afghans").
_IRREGULAR_ADJECTIVES = {"Austria": ("النمساوي", "نمساوي"), "Germany": ("الألمان", "ألمان"),
                         "Turkey": ("الأتراك", "أتراك"), "Russia": ("الروس",),
                         "Canada": ("الكندي",), "Oman": ("العماني",),
                         "Afghanistan": ("الأفغاني", "الأفغان")}

# English adjectives and peoples the English pattern's suffixes (Iran-ian, Iraq-i,
# Russia-n) do not reach: "Spaniard" is Spain, "Danish" Denmark, "congressional" Congress;
# and English names the original spells as the country's. Not in the curated file, whose
# English forms the drift benchmark's name swaps are drawn from.
_EN_FORMS = {
    "Syria": ("Levant", "Sham"),  # الشام (gazetteer_more.tsv): "Iraq and the Levant"
    "Spain": ("Spaniard",), "Denmark": ("Danish", "Dane"), "Sweden": ("Swedish", "Swede"),
    "Finland": ("Finnish", "Finn"), "Norway": ("Norwegian",), "Netherlands": ("Dutch",),
    "Switzerland": ("Swiss",), "Greece": ("Greek",), "Poland": ("Polish",),
    "Portugal": ("Portuguese",), "Sudan": ("Sudanese",), "Vietnam": ("Vietnamese",),
    "Belgium": ("Belgian",), "United Arab Emirates": ("Emirati",),
    "Argentina": ("Argentine", "Argentinian"), "Thailand": ("Thai",),
    "Philippines": ("Filipino", "Filipina"), "Somalia": ("Somali",), "Iceland": ("Icelandic",),
    "Hungary": ("Hungarian",), "Czechia": ("Czech",), "Slovakia": ("Slovak",),
    "Serbia": ("Serb",), "Bosnia & Herzegovina": ("Bosnian",), "Kazakhstan": ("Kazakh",),
    "Uzbekistan": ("Uzbek",), "Nepal": ("Nepalese", "Nepali"), "Sri Lanka": ("Sri Lankan",),
    "Myanmar (Burma)": ("Burmese", "Myanmar", "Burma"), "Laos": ("Laotian",),
    "Taiwan": ("Taiwanese",), "Singapore": ("Singaporean",), "New Zealand": ("New Zealander",),
    "Morocco": ("Moroccan",), "Ireland": ("Irish",), "Lebanon": ("Lebanese",),
    "Colombia": ("Columbia",),  # one spelling, كولومبيا, for both
    "Congress": ("congressional", "Congressional"),
    "al-Qaeda": ("Al-Qaeda", "Al-Qaida", "al Qaeda"),
}


@lru_cache(maxsize=1)
def all_entries() -> tuple[Entry, ...]:
    """The curated gazetteer with CLDR's countries and cities and data/gazetteer_more.tsv
    merged in: a curated entry keeps its aliases and gains the others' spellings; the
    others add the names it lacks."""
    rows = [list(r) for r in _rows()]
    cities: set[str] = set()  # aliases that name a city: no relative adjective
    by_label: dict[str, list] = {}
    for row in rows:
        for alias in row[1]:
            by_label.setdefault(alias, row)
    for kind, en, ar, fa in (*_cldr_rows(), *_rows(GAZETTEER_MORE)):
        if kind == "city":
            cities.update(ar + fa)
        row = by_label.get(en[0])
        if row is None:
            row = [kind if kind != "city" else "place", list(en), [], []]
            rows.append(row)
            by_label[en[0]] = row
        row[2] = row[2] + [a for a in ar if a not in row[2]]
        row[3] = row[3] + [a for a in fa if a not in row[3]]
    for label, aliases in _IRREGULAR_ADJECTIVES.items():
        if label in by_label:
            by_label[label][2] = by_label[label][2] + list(aliases)
    for label, aliases in _EN_FORMS.items():
        if label in by_label:
            by_label[label][1] = by_label[label][1] + [a for a in aliases if a not in by_label[label][1]]
    # A CLDR name that is also a common word or a curated short form would only mislead.
    city_aliases = frozenset(cities)
    return tuple(_entry(k, en, ar, fa, city_aliases) for k, en, ar, fa in rows
                 if not (len(en) == 1 and len(en[0]) < 4))


_GLUED = re.compile(f"[{ARABIC_LETTERS}]{{{GLUED_RUN},}}")


def find_entities(text: str, lang: str, entries: tuple[Entry, ...] | None = None
                  ) -> dict[str, tuple[Entry, str]]:
    """Gazetteer entries named in a text: English label -> (entry, words as written).
    `entries` defaults to the curated gazetteer plus CLDR's places."""
    if entries is None:
        return dict(_find_all(text, lang))
    return _find(text, lang, entries)


@lru_cache(maxsize=8192)
def _find_all(text: str, lang: str) -> tuple[tuple[str, tuple[Entry, str]], ...]:
    return tuple(_find(text, lang, all_entries()).items())


def _find(text: str, lang: str, entries: tuple[Entry, ...]) -> dict[str, tuple[Entry, str]]:
    found: dict[str, tuple[Entry, str]] = {}
    spans: dict[str, tuple[int, int]] = {}
    if lang == "en":
        for e in entries:
            if not any(a in text for a in e.english):  # cheap test before the regex
                continue
            hit = e.en_pattern.search(text)
            if hit:
                found[e.label] = (e, hit.group(0))
                spans[e.label] = hit.span()
        return _outermost(found, spans)
    norm = norm_arabic(text).replace("\u200c", " ")
    glued = _GLUED.findall(norm)  # Arabic typed without spaces: look inside the runs
    for e in entries:
        keys = e.src_keys.get(lang, ()) or e.src_keys.get("ar", ())
        if not glued and not any(k in norm for k in keys):  # cheap test before the regexes
            continue
        for p in e.src_patterns.get(lang, e.src_patterns["ar"]):
            hit = p.search(norm)
            if hit:
                found[e.label] = (e, hit.group(0))
                spans[e.label] = hit.span()
                break
        else:
            for run in glued:
                bare = next((b for b in e.src_bare.get(lang, ()) if b in run), None)
                if bare:
                    found[e.label] = (e, bare)
                    break
    return _outermost(found, spans)


def _outermost(found: dict[str, tuple[Entry, str]], spans: dict[str, tuple[int, int]]
               ) -> dict[str, tuple[Entry, str]]:
    """«الاتحاد الأوروبي» is the EU, not also Europe; "Mexico City" is not also Mexico:
    drop a name found inside a longer one."""
    inner = {a for a, (s1, e1) in spans.items() for b, (s2, e2) in spans.items()
             if a != b and s2 <= s1 and e1 <= e2 and (e2 - s2) > (e1 - s1)}
    return {k: v for k, v in found.items() if k not in inner}


def _acronym(word: str) -> bool:
    """NATO, and plural acronyms too (MPs, AMs, NGOs): letters the original spells out or
    translates, not a name to transliterate."""
    return word.isupper() or (word.endswith("s") and len(word) > 2 and word[:-1].isupper())


def english_names(text: str, known: set[str], common: set[str] | None = None) -> list[str]:
    """Capitalised words inside a sentence that look like names: not gazetteer hits, not
    words the document also writes in lower case (`common`), none in Title Case headlines."""
    long_words = re.findall(r"\b[A-Za-z]{4,}\b", text)
    if long_words and sum(w[0].isupper() for w in long_words) > 0.5 * len(long_words):
        return []
    text = re.sub(r"\b(?:al|el|as|ad|ash|an|ar|at|az)-(?=[A-Z])", "", text)
    text = _TITLE_DOT.sub(r"\1", text)  # "Mr. Clark": the title's full stop ends no sentence
    toks = re.findall(r"[\"“(]?[A-Za-z][\w'\-]*|[.!?:;]", text)
    out: list[str] = []
    prev_end = True
    for tok in toks:
        if tok in ".!?:;":
            prev_end = True
            continue
        lead = tok[0] in "\"“("
        word = tok.lstrip("\"“(").split("'")[0]
        if (not prev_end and not lead and word[:1].isupper() and word not in _STOP
                and word not in _TRANSLATED and not _LETTER_SHAPE.match(word)
                and len(word) > 2 and not _acronym(word) and word not in known
                and (common is None or word.lower() not in common)):
            out.append(word)
        prev_end = False
    return out


def _name_positions(words: list[str], names: list[str]) -> dict[str, int]:
    """The first whitespace word of the English that carries each name."""
    out: dict[str, int] = {}
    for j, raw in enumerate(words):
        core = strip_punctuation(raw).split("'")[0].split("’")[0]
        for name in names:
            if name not in out and (core == name or name in core.split("-")):
                out[name] = j
    return out


@dataclass
class NameMatches:
    """The English's name candidates, their best transliteration similarity to the
    original, and those with no transliteration there (`unknown`)."""

    names: list[str]
    similarity: dict[str, float]
    unknown: list[str]


_INNER_MARKS = re.compile(r"[\s\"“”«»()\[\]]+")


def source_words(text: str) -> list[str]:
    """The original's words for transliteration: split at spaces and at quotes and
    brackets, which NTREX-style text often glues to a name (بالسيفكـ"جون سنو"في)."""
    return [w for w in _INNER_MARKS.split(text) if w]


def spelling_words(text: str) -> list[str]:
    """`source_words` and each part of a Persian compound joined by a non-joiner: an
    English name may spell one part (زاینده‌رود is "Zayandeh Rud", دی‌ماه the month "Dey")."""
    words = source_words(text)
    return words + [p for w in words if "\u200c" in w.strip("\u200c")
                    for p in w.split("\u200c") if len(p) >= 3 and p not in _PERSIAN_AFFIXES]


# Parts of a Persian word the non-joiner sets off that are affixes, not words: می‌روند,
# کتاب‌های, بزرگ‌ترین, رفته‌اند.
_PERSIAN_AFFIXES = {"نمی", "های", "هایی", "هایش", "ترین", "تری", "اند", "ام", "ای", "است", "ایم",
                    "اید", "شان", "تان", "مان", "ها", "می", "تر"}


def name_matches(src: str, tgt: str, common: set[str] | None, threshold: float) -> NameMatches:
    tgt_found = find_entities(tgt, "en")
    known = {a for e, _ in tgt_found.values() for a in e.english}
    known |= {w for a in known for w in a.split()}
    names = english_names(tgt, known, common)
    src_words = spelling_words(src)
    sims = {n: transliteration_similarity(n, src_words) for n in names}
    latin = src.lower()
    unknown = [n for n in names if n.lower() not in latin and not is_transliterated(n, src_words, threshold)]
    return NameMatches(names, sims, unknown)


def words_to_embed(src: str, matches: NameMatches) -> list[str]:
    """Isolated words whose vectors the name check needs: each unknown name and every
    word of the original (to see whether one of them means the name)."""
    if not matches.unknown:
        return []
    return [*matches.unknown, *(w for w in map(strip_punctuation, src.split()) if w)]


def lexical_support(name: str, src: str, ctx: CheckContext) -> float | None:
    """How much better the name's best original word matches it, as isolated words,
    than its ten nearest words among all the document's original words (CSLS-style,
    so that hub words which match everything don't count): about 0 for a word translated
    by meaning ("Hurricane", لإعصار), negative for a name with no counterpart."""
    v = ctx.vec(name)
    cands = [ctx.vec(w) for w in map(strip_punctuation, src.split()) if w]
    cands = [c for c in cands if c is not None]
    if v is None or not cands:
        return None
    best = float(max(c @ v for c in cands))
    pool = ctx.word_pool if ctx.word_pool is not None and len(ctx.word_pool) >= 50 else np.stack(cands)
    near = np.sort(pool @ v)[-10:]
    return best - float(near.mean())


def unsupported_score(lexical: float | None, context: float | None) -> float:
    """0..1: how clearly no word of the original renders the name. Two views, each
    scaled between what clean and swapped names show on development data: the isolated
    word match (lexical, clean median +0.002, swapped -0.02) and the match in context
    (clean median 0.67, swapped 0.55)."""
    parts = []
    if lexical is not None:
        parts.append(min(1.0, max(0.0, (0.01 - lexical) / 0.03)))
    if context is not None:
        parts.append(min(1.0, max(0.0, (0.72 - context) / 0.25)))
    return sum(parts) / len(parts) if parts else 0.0


def _fold_accents(text: str) -> str:
    """Zárate → Zarate: the original often drops the English's accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def latin_missing(src: str, tgt: str) -> list[str]:
    """Latin-script words of the original that the English does not write: not as they
    are, not one slip apart, not as the words or the initials of a glued CamelCase run
    ("JohnnyEnglish", "JE"), and not as the capitalised words an acronym stands for (CEA,
    "Consumer Energy Alliance")."""
    tgt = _fold_accents(tgt)
    tgt_lower = tgt.lower()
    tgt_latin = [w.split("'")[0] for w in re.findall(r"[A-Za-z][A-Za-z'\-]*", tgt)]
    initials = "".join(w[0] for w in tgt_latin if w[0].isupper() or w in ("of", "and", "for"))
    found = []
    for w in re.findall(r"[A-Za-z][A-Za-z'\-]{2,}", src):
        parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", w)
        if (w.lower() in tgt_lower or any(latin_typo(w, t) for t in tgt_latin)
                or (len(parts) > 1 and (all(p.lower() in tgt_lower for p in parts)
                                        or "".join(p[0] for p in parts).upper() in tgt_latin))
                or (w.isupper() and len(w) <= 6 and w in initials.upper())):
            continue
        found.append(w)
    return found


# A capital stands for its state in news ("Washington said" for the US government): the
# original naming one and the English the other is a rendering, not a swap.
CAPITALS = {
    "Washington": "United States", "Tehran": "Iran", "Moscow": "Russia", "London": "United Kingdom",
    "Jerusalem": "Israel", "Beijing": "China", "Ankara": "Turkey", "Riyadh": "Saudi Arabia",
    "Cairo": "Egypt", "Damascus": "Syria", "Baghdad": "Iraq", "Beirut": "Lebanon", "Kabul": "Afghanistan",
    "Paris": "France", "Berlin": "Germany", "Tripoli": "Libya", "Khartoum": "Sudan", "Algiers": "Algeria",
    "Tokyo": "Japan", "Yerevan": "Armenia", "Madrid": "Spain", "Pyongyang": "North Korea",
}


def metonym(a: str, b: str) -> bool:
    """Whether one of two gazetteer names is the other's capital."""
    return CAPITALS.get(a) == b or CAPITALS.get(b) == a


def listed_with(entry: Entry, surface: str, others: list[str], text: str, lang: str) -> bool:
    """Whether a name stands in one list of the original with one of `others` (names the
    English keeps): joined to it by و or a comma, at most three words apart (الصين والهند،
    ایران، چین و روسیه). The و of والكويت counts only when the rest is the name (واشنطن is
    one word), and the text is read in the gazetteer's normalised letters."""
    flat = norm_arabic(text.replace("\u200c", " "))
    at = flat.find(surface)
    if at < 0:
        return False
    bare = surface[1:] if surface.startswith("و") else ""
    joined = bool(bare) and any(key in bare for key in entry.src_keys.get(lang, ()))
    before = flat[:at].rstrip()
    if not (joined or before.endswith(("،", ",", " و")) or before == "و"
            or flat[at + len(surface):].lstrip().startswith(("،", ",", "و "))):
        return False
    for other in others:
        where = flat.find(other)
        if where < 0:
            continue
        between = flat[min(where + len(other), at + len(surface)):max(where, at)]
        if len(between.split()) <= 3 and not re.search(r"[.؛;:!؟?]", between):
            return True
    return False


def address_flag(changes: list[AddressChange]) -> Flag:
    """One flag for the addresses the English does not copy: a changed one is near-certain
    drift (it sends the reader elsewhere), a dropped one likely."""
    first = changes[0]
    more = f" (+{len(changes) - 1} more)" if len(changes) > 1 else ""
    evidence: dict[str, object] = {"original": [c.original for c in changes],
                                   "english": [c.english for c in changes if c.english],
                                   "match": "address"}
    if first.english is not None:
        return Flag("entity", "high", f"{first.kind} {first.original} in the original is "
                    f"{first.english} in the English{more}", 0.95, evidence)
    return Flag("entity", "medium", f"{first.kind} {first.original} in the original is not in "
                f"the English{more}", 0.6, evidence)


def _inside_a_word(entry: Entry, text: str, lang: str) -> bool:
    """Whether one of the entry's long spellings is inside a word of the original, as when
    two words lost the space between them (الأمريكيفيل, "the American Phil";
    رئيسالولايات المتحدة, "President of the United States")."""
    norm = norm_arabic(text).replace("\u200c", "")
    folded = norm.replace(" ", "")
    aliases = entry.src_bare.get(lang, ())
    return (any(alias in folded for alias in aliases if len(alias) >= GLUED_ANYWHERE)
            or any(alias in run for run in _GLUED.findall(norm) for alias in aliases))


def _opens_a_name_by_word(entry: Entry, surface: str, english: str, src: str, lang: str) -> bool:
    """A listed name opening a longer capitalised name ("Mediterranean Transport Company"
    for شركة المتوسط للنقل) whose original keeps only the alias's last word (المتوسط of
    البحر المتوسط): the company's name, not the sea."""
    if not re.search(rf"(?<![\w-]){re.escape(surface)}\s+[A-Z][a-z]", english):
        return False
    words = {re.sub("^(?:[وفبل]|و?ب|و?ل)?ال", "", w) for w in re.findall(r"\w+", norm_arabic(src))}
    return any(w in words for w in entry.src_last.get(lang, ()) if len(w) >= 4)


def _telling_words(entry: Entry, surface: str) -> list[str]:
    """The words of a name as written that tell it apart: a person's last word (محمد بن
    سلمان is not kept by a "Mohammed" in "Mohammed bin Zayed"; given names are shared), any
    word of another name."""
    words = surface.split()
    return words[-1:] if entry.kind == "person" and len(words) > 1 else words


def _name_words(name: str) -> list[str]:
    """The words of a multi-word listed name that can be transliterated on their own
    ("St. Martin's" → Martin, which the original writes مارتن after سانت)."""
    parts = [strip_punctuation(w).split("'")[0] for w in name.split()]
    return [w for w in parts if len(w) >= 4] if len(parts) > 1 else []


def _part_of_longer_name(surface: str, text: str, src_words: list[str], thr: float) -> bool:
    """A listed name that ends a longer capitalised name ("Trades Union Congress") is
    that other name's word, not the listed one. Not for people: "Chancellor Merkel" is
    Merkel. Nor after a word the original transliterates: in "Allan Atlantic" the first
    word is a person's name the original spells, so the listed word stands alone."""
    for m in re.finditer(rf"([A-Z][a-z]+)\s+{re.escape(surface)}", text):
        if m.group(1) not in _STOP and not is_transliterated(m.group(1), src_words, thr):
            return True
    return False


# How closely an English word must transliterate the original's next word to be that name
# kept alone (as the document lexicon confirms a name).
NAME_KEPT = 0.8


def words_after(src: str, phrase: str) -> list[str]:
    """The original's words that follow `phrase` (one word or several) directly, none
    starting with و: وروسيا "and Russia" starts another name, not the rest of this one
    (a name that starts with the letter, ويلز, is left out too)."""
    written, last = script_words(src), script_words(phrase)[-1:]
    return [nxt for prev, nxt in zip(written, written[1:], strict=False)
            if last and prev == last[0] and nxt[:1] != "و"]


def shortened_name_kept(next_words: set[str] | list[str], tokens: list[str], need: float) -> bool:
    """Whether the English keeps on its own the name that the original writes right after
    another one: a translator often drops a first name or a title's first word ("the
    Clintons" for هيلاري كلينتون, "the Post" for واشنطن بوست). The kept name must follow a
    lower-case or function word: another capitalised word in front of it ("Bill Clinton")
    is a swap, not a drop, and a sentence's first word says nothing either way."""
    return any(j > 0 and t[:1].isupper()
               and (not tokens[j - 1][:1].isupper() or tokens[j - 1] in _STOP)
               and transliteration_similarity(t, [nxt]) >= need
               for nxt in next_words for j, t in enumerate(tokens))


class EntityCheck:
    """Flag names present on one side only, and names swapped for another name."""

    name = "entity"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        for key in ("name_gap", "name_unsupported", "latin_missing", "entity_extra", "name_lost",
                    "name_only_here"):
            bead.signals[key] = 0.0
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        src_words = spelling_words(bead.src)
        # Names the original keeps in Latin letters must reappear in the English as written
        # (or one slip apart: "Lowa" in the original is the English's Iowa, not a change).
        lost = latin_missing(bead.src, bead.tgt)
        bead.signals["latin_missing"] = float(bool(lost))
        thr = float(ctx.config.skeleton_similarity) if ctx.config else 0.75
        src = find_entities(bead.src, ctx.src_lang)
        tgt = find_entities(bead.tgt, "en")
        # A listed name the English writes otherwise (سانت مارتن, the CLDR place, is the
        # church "St. Martin's"; موريس is Mauritius or Ms Maurice) is still there.
        tokens = bare_words(bead.tgt)
        capitals = [t for t in tokens if t[:1].isupper()]
        missing = [src[k] for k in src if k not in tgt
                   and not any(is_transliterated(t, _telling_words(*src[k]), thr) for t in capitals)
                   and not shortened_name_kept(words_after(bead.src, src[k][1]), tokens, NAME_KEPT)]
        extra = [tgt[k] for k in tgt if k not in src and not _inside_a_word(tgt[k][0], bead.src, ctx.src_lang)
                 and not _opens_a_name_by_word(*tgt[k], bead.tgt, bead.src, ctx.src_lang)]
        seen = {src[k][1] for k in src}
        flags: list[Flag] = []
        moved = address_changes(bead.src, bead.tgt)
        if moved:
            bead.signals["latin_missing"] = 1.0
            flags.append(address_flag(moved))
        swapped = [(m, x) for m in missing for x in extra if m[0].kind == x[0].kind
                   and not metonym(m[0].label, x[0].label)]
        if swapped:
            (m, ms), (x, xs) = swapped[0]
            flags.append(Flag("entity", "high",
                              f"the original names {m.label} ({as_written(ms, bead.src)}), the English says {xs}",
                              0.95, {"original": ms, "english": xs, "match": "gazetteer"}))
        else:
            # A listed word that the other side transliterates (Jordan the player, جوردان)
            # is the same name, not a missing one.
            extra = [x for x in extra if not is_transliterated(x[1], src_words, thr)
                     and not (x[0].kind != "person" and _part_of_longer_name(x[1], bead.tgt, src_words, thr))
                     and not any(is_transliterated(w, src_words, thr) for w in _name_words(x[1]))]
            kept = [src[k] for k in src if k in tgt]
            dropped = [(m, ms) for m, ms in missing if listed_with(
                m, ms, [ks for e, ks in kept if e.kind == m.kind], bead.src, ctx.src_lang)
                # a word the English builds on the name ("Euro-Asia" for اروپا) keeps it
                and not any(t.lower().startswith(m.label.lower()[:4]) for t in capitals)]
            for m, ms in dropped[:1]:
                # one of a list the English keeps the rest of ("Riyadh and Muscat" for الرياض
                # ومسقط والكويت): a name left out, not a name rendered some other way
                flags.append(Flag("entity", "high",
                                  f"{m.label} ({as_written(ms, bead.src)}) in the original is not "
                                  "named in the English, though the names listed with it are", 0.9,
                                  {"original": ms, "kept": [e.label for e, _ in kept],
                                   "match": "gazetteer"}))
            for m, ms in missing[:1] if not dropped else []:
                flags.append(Flag("entity", "low",
                                  f"{m.label} ({as_written(ms, bead.src)}) in the original is not "
                                  "named in the English", 0.5, {"original": ms, "match": "gazetteer"}))
            for _, xs in extra[:1]:
                if xs in seen:
                    continue
                # A listed name with no trace in the original, not even transliterated: a
                # signal of its own for the calibration (rarer on clean pairs than a name
                # the English leaves out), a low flag for the reader.
                bead.signals["entity_extra"] = 1.0
                flags.append(Flag("entity", "low",
                                  f"{xs} is named in the English but not in the original",
                                  0.5, {"english": xs, "match": "gazetteer"}))
        lost = ctx.lost_names.get(ctx.index, [])
        if lost:
            # The document's other pairs render this word as a name; this English doesn't.
            bead.signals["name_lost"] = 1.0
            if not flags:
                word, rendering = lost[0]
                flags.append(Flag("entity", "low",
                                  f"{word} in the original, \"{rendering}\" elsewhere in this "
                                  "document, has no counterpart in the English",
                                  0.5, {"original": word, "rendered_elsewhere": rendering,
                                        "match": "document"}))
        matches = ctx.names.get(ctx.index) or name_matches(bead.src, bead.tgt, ctx.common_words, thr)
        if not matches.names:
            return flags
        # graded for the calibration: how far the worst-matched name is from a match
        bead.signals["name_gap"] = max(0.0, thr - min(matches.similarity.values())) / thr
        if not matches.unknown:
            return flags
        # A name not transliterated may be translated by meaning ("Opposition",
        # المعارضة): then some original word still means it. A name swapped in from
        # elsewhere has no such word, neither as an isolated word nor in context.
        wa = ctx.alignments.get(ctx.index)
        where = _name_positions(wa.tgt_words, matches.unknown) if wa is not None else {}
        scores: dict[str, tuple[float, float | None, float | None]] = {}
        for n in matches.unknown:
            lexical = lexical_support(n, bead.src, ctx)
            context = name_context_match(wa, where[n]) if n in where else None
            scores[n] = (unsupported_score(lexical, context), lexical, context)
        worst = max(matches.unknown, key=lambda n: scores[n][0])
        bead.signals["name_unsupported"] = scores[worst][0]
        only_here = ctx.names_only_here.get(ctx.index, [])
        bead.signals["name_only_here"] = float(bool(only_here))
        if not flags:
            u, lexical, context = scores[worst]
            evidence: dict[str, object] = {"english": matches.unknown, "match": "skeleton",
                                           "transliteration": round(matches.similarity[worst], 2),
                                           "unsupported": round(u, 3)}
            detail = f"name {worst} in the English has no match in the original"
            if context is not None:
                evidence["context_match"] = round(context, 3)
            if lexical is not None:
                evidence["word_match"] = round(lexical, 3)
            if only_here:  # a real name usually recurs in its document
                evidence["only_in_this_pair"] = only_here
            flags.append(Flag("entity", "low", detail,
                              0.35 + 0.1 * min(len(matches.unknown) - 1, 2), evidence))
        return flags
