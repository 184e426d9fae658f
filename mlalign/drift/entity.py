"""Names of people, places and organisations in the original that are missing or changed
in the English. A curated bilingual gazetteer (data/gazetteer.tsv) catches the common news
names with certainty; a consonant-skeleton match catches names it does not list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from mlalign.drift.base import CheckContext, norm_arabic
from mlalign.types import Bead, Flag

GAZETTEER = Path(__file__).with_name("data") / "gazetteer.tsv"
_PREFIX = "(?:و|ف|ب|ل|ک|وب|ول|وال|بال|فال|لل|ال)?"
_AR2LAT = str.maketrans({
    "ب": "b", "پ": "b", "ت": "t", "ث": "s", "ج": "j", "چ": "c", "ح": "h", "خ": "k",
    "د": "d", "ذ": "z", "ر": "r", "ز": "z", "ژ": "j", "س": "s", "ش": "s", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "j", "ف": "f", "ق": "k", "ک": "k",
    "گ": "j", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "", "ي": "", "ا": "", "ء": "",
})
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
Development Relations Studies Strategic Policy Project Program Programme Plan Act Bill Law""".split())


@dataclass(frozen=True)
class Entry:
    kind: str
    english: tuple[str, ...]
    src_patterns: dict[str, tuple[re.Pattern[str], ...]]
    en_pattern: re.Pattern[str]

    @property
    def label(self) -> str:
        return self.english[0]


def _src_pattern(alias: str, lang: str) -> re.Pattern[str]:
    """Arabic aliases take clitic prefixes (و، ب، ال...); Persian ones only suffixes."""
    core = norm_arabic(alias).replace("\u200c", " ")
    if lang == "ar" and core.startswith("ال") and len(core) > 4:
        core = core[2:]
    core = re.escape(core).replace(r"\ ", r"\s*")
    prefix = _PREFIX if lang == "ar" else "(?:ال)?"  # Persian keeps the article of Arabic names
    suffix = "(?:ي|يه|ه|ين|يون|يين)?" if lang == "ar" else "(?:ي|ها|هاي|اي)?"
    if len(core) <= 3:  # short names (قم، عمان) collide with words; match them exactly
        prefix, suffix = ("(?:و|ب|ل)?" if lang == "ar" else ""), ""
    return re.compile(rf"(?<!\S){prefix}{core}{suffix}(?![^\s.,،؛:!?\"'»)])")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Entry, ...]:
    """The shipped gazetteer, compiled once."""
    out = []
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, en, ar, fa = (line.split("\t") + ["", "", ""])[:4]
        english = tuple(a for a in en.split("|") if a)
        src = {"ar": tuple(_src_pattern(a, "ar") for a in ar.split("|") if a),
               "fa": tuple(_src_pattern(a, "fa") for a in fa.split("|") if a)}
        alts = "|".join(re.escape(a) for a in sorted(english, key=len, reverse=True))
        out.append(Entry(kind, english, src, re.compile(rf"(?<![\w.])(?:{alts})(?:'s|s|i|is|n|ns|ian|ians)?(?!\w)")))
    return tuple(out)


def skeleton_latin(word: str) -> str:
    """English spelling to a consonant skeleton comparable with Arabic-script names."""
    w = word.lower()
    w = re.sub(r"gh$", "", w)
    for a, b in (("ch", "c"), ("sh", "s"), ("th", "t"), ("kh", "k"), ("gh", "j"),
                 ("zh", "j"), ("ph", "f"), ("dh", "z"), ("q", "k"), ("ck", "k"), ("c", "k"),
                 ("x", "ks"), ("g", "j"), ("p", "b"), ("v", ""), ("z", "s")):
        w = w.replace(a, b)
    w = re.sub(r"[aeiouyw'\-\s]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


def skeleton_arabic(word: str) -> str:
    """Arabic-script word to a Latin consonant skeleton (vowel letters dropped)."""
    w = norm_arabic(word)
    w = re.sub(r"^(?:وال|بال|فال|لل|ال|و)(?=...)", "", w)
    w = re.sub(r"[^\u0600-\u06ff]", "", w).translate(_AR2LAT).replace("z", "s")
    return re.sub(r"(.)\1+", r"\1", w)


def find_entities(text: str, lang: str) -> dict[str, tuple[Entry, str]]:
    """Gazetteer entries named in a text: English label -> (entry, words as written)."""
    found: dict[str, tuple[Entry, str]] = {}
    if lang == "en":
        for e in gazetteer():
            hit = e.en_pattern.search(text)
            if hit:
                found[e.label] = (e, hit.group(0))
        return found
    norm = norm_arabic(text).replace("\u200c", " ")
    spans: dict[str, tuple[int, int]] = {}
    for e in gazetteer():
        for p in e.src_patterns.get(lang, e.src_patterns["ar"]):
            hit = p.search(norm)
            if hit:
                found[e.label] = (e, hit.group(0))
                spans[e.label] = hit.span()
                break
    # «الاتحاد الأوروبي» is the EU, not also Europe: drop a name inside a longer one.
    inner = {a for a, (s1, e1) in spans.items() for b, (s2, e2) in spans.items()
             if a != b and s2 <= s1 and e1 <= e2 and (e2 - s2) > (e1 - s1)}
    return {k: v for k, v in found.items() if k not in inner}


def english_names(text: str, known: set[str], common: set[str] | None = None) -> list[str]:
    """Capitalised words inside a sentence that look like names: not gazetteer hits, not
    words the document also writes in lower case (`common`), none in Title Case headlines."""
    long_words = re.findall(r"\b[A-Za-z]{4,}\b", text)
    if long_words and sum(w[0].isupper() for w in long_words) > 0.5 * len(long_words):
        return []
    text = re.sub(r"\b(?:al|el|as|ad|ash|an|ar|at|az)-(?=[A-Z])", "", text)
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
                and word not in _TRANSLATED
                and len(word) > 2 and not word.isupper() and word not in known
                and (common is None or word.lower() not in common)):
            out.append(word)
        prev_end = False
    return out


def source_skeletons(src: str) -> tuple[list[str], set[str]]:
    """Skeletons of the original's words and word pairs (Arabic script and Latin), and its
    Latin words: Persian news often keeps foreign names in Latin letters."""
    src_words = re.findall(r"[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u200c]+", src)
    latin = re.findall(r"[A-Za-z][A-Za-z'\-]*", src)
    skels = [skeleton_arabic(w) for w in src_words]
    skels += [skeleton_arabic(a + b) for a, b in zip(src_words, src_words[1:], strict=False)]
    skels += [skeleton_latin(w) for w in latin]
    return [s for s in skels if len(s) >= 2], {w.lower() for w in latin}


def name_similarity(name: str, skels: list[str], latin: set[str]) -> float:
    """How well an English name is found in the original: 1.0 written as is or too short
    to judge, else the best skeleton similarity to one or two original words."""
    sk = skeleton_latin(name)
    if len(sk) < 3 or name.lower() in latin:
        return 1.0
    return max((1.0 if s == sk else SequenceMatcher(None, sk, s).ratio() for s in skels),
               default=0.0)


class EntityCheck:
    """Flag names present on one side only, and names swapped for another name."""

    name = "entity"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        bead.signals["name_gap"] = 0.0
        bead.signals["latin_missing"] = 0.0
        bead.signals["entity_extra"] = 0.0
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        # Names the original keeps in Latin letters must reappear in the English as written.
        lost = [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]{2,}", bead.src)
                if w.lower() not in bead.tgt.lower()]
        bead.signals["latin_missing"] = float(bool(lost))
        src = find_entities(bead.src, ctx.src_lang)
        tgt = find_entities(bead.tgt, "en")
        missing = [src[k] for k in src if k not in tgt]
        extra = [tgt[k] for k in tgt if k not in src]
        seen = {src[k][1] for k in src}
        flags: list[Flag] = []
        swapped = [(m, x) for m in missing for x in extra if m[0].kind == x[0].kind]
        if swapped:
            (m, ms), (x, xs) = swapped[0]
            flags.append(Flag("entity", "high",
                              f"the original names {m.label} ({ms}), the English says {xs}",
                              0.95, {"original": ms, "english": xs, "match": "gazetteer"}))
        else:
            # A listed word that the other side transliterates (Jordan the player, جوردان)
            # is the same name, not a missing one.
            skels, latin = source_skeletons(bead.src)
            thr0 = float(ctx.config.skeleton_similarity) if ctx.config else 0.75
            extra = [x for x in extra if name_similarity(x[1], skels, latin) < thr0]
            for m, ms in missing[:1]:
                flags.append(Flag("entity", "low",
                                  f"{m.label} ({ms}) in the original is not named in the English",
                                  0.5, {"original": ms, "match": "gazetteer"}))
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
        known = {a for e, _ in tgt.values() for a in e.english}
        known |= {w for a in known for w in a.split()}
        names = english_names(bead.tgt, known, ctx.common_words)
        if names:
            skels, latin = source_skeletons(bead.src)
            thr = float(ctx.config.skeleton_similarity) if ctx.config else 0.75
            sims = {n: name_similarity(n, skels, latin) for n in names}
            unknown = [n for n in names if sims[n] < thr]
            # graded for the calibration: how far the worst-matched name is from a match
            bead.signals["name_gap"] = max(0.0, thr - min(sims.values())) / thr
            if unknown and not flags:
                flags.append(Flag("entity", "low",
                                  f"name {unknown[0]} in the English has no match in the original",
                                  0.35 + 0.1 * min(len(unknown) - 1, 2),
                                  {"english": unknown, "match": "skeleton"}))
        return flags
