"""Is this English name a transliteration of a word of the original? Both are reduced to a
consonant skeleton in one shared alphabet, then compared by an edit distance in which
letters that transliteration confuses (g/j/k for ق ج گ غ, s/z for س ص ز ذ ظ, t/d, ch/k...)
cost half.

Vowels are dropped on both sides (Arabic script mostly omits short vowels and uses و/ي
for long ones, so w, y, v and vowels are not consonants here), doubled letters collapse,
and English digraphs (sh, ch, th, kh, gh, ph) map to the single letter they render.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from mlalign.drift.base import ARABIC_LETTERS, GLUED_RUN, norm_arabic

# Arabic and Persian letters (after norm_arabic) to the shared skeleton alphabet:
# S = sh (ش), C = ch (چ); letters that are vowels as often as consonants map to "".
_AR = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "چ": "C", "ح": "h", "خ": "k",
    "د": "d", "ض": "d", "ذ": "s", "ر": "r", "ز": "s", "ژ": "j", "س": "s", "ص": "s", "ش": "S",
    "ظ": "s", "ع": "", "غ": "g", "ف": "f", "ق": "k", "ک": "k", "ك": "k", "گ": "g", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ة": "", "و": "", "ي": "", "ی": "", "ا": "", "آ": "", "أ": "",
    "إ": "", "ء": "", "ئ": "", "ؤ": "", "ى": "",
}
_EN_RULES = (
    ("sch", "S"), ("tch", "C"), ("ch", "C"), ("sh", "S"), ("th", "t"), ("kh", "k"), ("gh", "g"),
    ("ph", "f"), ("zh", "j"), ("dj", "j"), ("ck", "k"), ("qu", "k"), ("q", "k"), ("x", "ks"),
    ("c(?=[eiy])", "s"), ("c", "k"), ("z", "s"), ("p", "b"), ("ng", "n"), ("v", "f"),
)
_CONFUSED = {frozenset(p) for p in ("gj", "gk", "jk", "Ss", "SC", "Cj", "Ck", "tz", "dz", "fb",
                                     "td")}
# clitics an Arabic word may carry before a name (و، ب، ل، ف، ال...), if three letters remain
AR_CLITIC = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)(?=\S{3,})")
_AR_SUFFIXES = ("ي", "ها", "های", "ی", "ه", "ية", "يه", "ين", "ون", "ان", "ات")
_NOT_AR_LETTER = re.compile(f"[^{ARABIC_LETTERS}]")


@lru_cache(maxsize=100_000)
def skeleton_latin(word: str) -> str:
    """An English (Latin-script) word's consonant skeleton."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = re.sub(r"(.)\1+", r"\1", "".join(c for c in w if c.isalpha()))
    w = re.sub(r"gh(?=t|$)|(?<=ou|au|ei|ai)gh(?![aeiouy])", "", w)  # Kavanaugh, Willoughby
    for pattern, repl in _EN_RULES:
        w = re.sub(pattern, repl, w)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyw]", "", w))


@lru_cache(maxsize=100_000)
def skeleton_arabic(word: str, strip_article: bool = True) -> str:
    """An Arabic-script word's consonant skeleton (the article ال dropped by default)."""
    w = norm_arabic(word)
    if strip_article:
        w = re.sub(r"^(?:وال|بال|فال|لل|ال)(?=...)", "", w)
    w = _NOT_AR_LETTER.sub("", w)
    w = re.sub("تش", "چ", w)  # "ch" is often written ت+ش
    w = re.sub("ن[گغجك]", "ن", w)  # "ng": the English rule drops the g too
    return re.sub(r"(.)\1+", r"\1", "".join(_AR.get(c, "") for c in w))


# How English spelling may be read aloud otherwise than letter by letter, each tried as
# another skeleton: a silent first letter (Knott نوت, Psaki ساكي), gh as f or silent (Bough
# بوف, Hughes هيوز), x- as sh or s (Xining شينينغ), a silent h after a final vowel (Utah يوتا).
# Tried on development data and left out: g as ج (Gary جاري) and Spanish j as kh (Baja باخا),
# which let swapped-in names match by chance more often than they found real ones, and an
# adjective's -an dropped (Chilean), which found none.
_READINGS = (
    (re.compile(r"^(?:k(?=n)|g(?=n)|p(?=[sn]))"), ""),
    (re.compile(r"gh"), "f"),
    (re.compile(r"gh"), ""),
    (re.compile(r"^x"), "sh"),
    (re.compile(r"^x"), "s"),
    (re.compile(r"(?<=[aeiou])h$"), ""),
)


@lru_cache(maxsize=100_000)
def latin_skeletons(word: str) -> tuple[str, ...]:
    """The English word's skeleton, then those of its other readings (`_READINGS`)."""
    base = skeleton_latin(word)
    lower = unicodedata.normalize("NFKD", word.lower())
    out = [base]
    for pattern, repl in _READINGS:
        if pattern.search(lower):
            sk = skeleton_latin(pattern.sub(repl, lower))
            if sk and sk not in out:
                out.append(sk)
    return tuple(out)


def _indel(c: str) -> float:
    """h comes and goes in transliteration (John جون, Noah نوح, Sarah سارة): half a cost."""
    return 0.5 if c == "h" else 1.0


@lru_cache(maxsize=200_000)
def _distance(a: str, b: str) -> float:
    prev = [0.0]
    for cb in b:
        prev.append(prev[-1] + _indel(cb))
    for ca in a:
        cur = [prev[0] + _indel(ca)]
        for j, cb in enumerate(b, 1):
            sub = 0.0 if ca == cb else 0.5 if frozenset((ca, cb)) in _CONFUSED else 1.0
            cur.append(min(prev[j] + _indel(ca), cur[j - 1] + _indel(cb), prev[j - 1] + sub))
        prev = cur
    return prev[-1]


def latin_typo(a: str, b: str) -> bool:
    """Two Latin-script spellings one slip apart: a letter changed, added or dropped
    ("Lowa" for Iowa, four letters up), or an acronym's letters reordered ("MHC" for HMC)."""
    acronym = a.isupper() and b.isupper()
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if len(a) >= 4 and abs(len(a) - len(b)) <= 1 and _levenshtein_one(a, b):
        return True
    return acronym and len(a) <= 5 and len(a) == len(b) and sorted(a) == sorted(b)


def _levenshtein_one(a: str, b: str) -> bool:
    """At most one substitution, insertion or deletion apart."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def skeleton_similarity(a: str, b: str) -> float:
    """1 - edit distance / longer length; 0 when either is empty."""
    if not a or not b:
        return 0.0
    return 1.0 - _distance(a, b) / max(len(a), len(b))


_VAV_CONSONANT = re.compile("(?<=[اآيی])و|و(?=[اآيی])")


@lru_cache(maxsize=100_000)
def _variants(word: str) -> tuple[str, ...]:
    """Skeletons of a word with and without a clitic prefix and a common suffix."""
    w = norm_arabic(word)
    forms = {w}
    m = AR_CLITIC.match(w)
    if m:
        forms.add(w[m.end():])
    for form in list(forms):
        for suf in _AR_SUFFIXES:
            if form.endswith(suf) and len(form) - len(suf) >= 3:
                forms.add(form[:-len(suf)])
    # و beside a long vowel is often the consonant v (Persian کاوانا "Kavanaugh", نوادا
    # "Nevada"), which the skeleton otherwise reads as a vowel: both readings are kept
    forms |= {_VAV_CONSONANT.sub("ف", f) for f in forms if _VAV_CONSONANT.search(f)}
    return tuple({s for f in forms if (s := skeleton_arabic(f, strip_article=False))})


def is_transliterated(name: str, src_words: Sequence[str], threshold: float = 0.75) -> bool:
    """A name counts as found when its skeleton matches well; a skeleton of one or two
    consonants ("Rosa": rs) matches by chance too easily, so it must match exactly."""
    sim = transliteration_similarity(name, src_words)
    return sim >= (threshold if len(skeleton_latin(name)) >= 3 else 1.0)


def _windows(skeleton: str, size: int) -> list[str]:
    """Stretches of a glued run's skeleton about as long as a name's: a name inside words
    whose spaces were lost is still found (too leniently, which is the safe side there)."""
    return [skeleton[i:i + n] for n in (size - 1, size, size + 1) if n >= 2
            for i in range(len(skeleton) - n + 1)]


def transliteration_similarity(name: str, src_words: Sequence[str]) -> float:
    """Best skeleton similarity of an English word to one original word or two adjacent
    ones ("Abu Bakr" may be one English word or two Arabic ones). Latin words of the
    original count as themselves."""
    targets = latin_skeletons(name)
    if not targets[0]:
        return 0.0
    cands: list[str] = []
    for i, word in enumerate(src_words):
        if re.search("[A-Za-z]", word):
            cands.append(skeleton_latin(word))
            continue
        cands.extend(_variants(word))
        if len(_NOT_AR_LETTER.sub("", word)) >= GLUED_RUN:
            cands.extend(_windows(skeleton_arabic(word, strip_article=False), len(targets[0])))
        if i + 1 < len(src_words):
            cands.append(skeleton_arabic(word + src_words[i + 1], strip_article=False))
    best = 0.0
    for k, target in enumerate(targets):
        slack = max(2, len(target) // 2)
        for cand in cands:
            if cand and abs(len(cand) - len(target)) <= slack:
                sim = skeleton_similarity(target, cand)
                # another reading's short skeleton counts only when it matches exactly
                if k == 0 or len(target) >= 3 or sim == 1.0:
                    best = max(best, sim)
    return best
