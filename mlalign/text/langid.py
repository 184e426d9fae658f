"""Offline language identification for the three languages mlalign handles: ar, fa, en.

Script statistics decide Arabic-script vs Latin; letters and function words decide
Arabic vs Persian. Persian has پ چ ژ گ and normally writes ی ک, and uses words such as
است، این، را، که، می‌، های; Arabic has ة ى ي ك, the ال article on many words and
في، من، إلى، التي، الذي، أن. Both signals are counted and the larger (weighted) wins, so a
Persian text typed with Arabic keyboard letters is still recognised by its words.
Words both languages use alike (من "I"/"from", ما, هم, بین, بعد, قبل) are in both lists
and cancel out. When the evidence is an exact tie (a short line of undecided words), a
language tag in the file's name (x.fa.txt, x_ar.txt) decides; only then.
"""

from __future__ import annotations

import re

from mlalign.errors import InputError
from mlalign.text.normalize import unfold_presentation_forms

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[\w\u200c\u0640\u064b-\u065f\u0670]+")
_FA_LETTERS = frozenset("پچژگکیۀ")
# Letters of Urdu, Pashto, Sorani Kurdish and Sindhi orthographies, absent from Arabic and
# Persian (none occurs in NTREX's or Tatoeba's Arabic and Persian). ھ (Urdu and Kurdish) and
# the Urdu full stop ۔ (also typed for Persian on some keyboards, so worth half) count towards
# no language in particular. ڤ is left out: Arabic writes it for "v".
_OTHER_SCRIPT_LETTERS = {
    "Urdu": "ٹڈڑںےۓہۃ",
    "Pashto": "ټډړښږځڅڼېۍګ",
    "Sorani Kurdish": "ەێۆڵڕ",
    "Sindhi": "ڻڳٻڄڃڦڱڪٺٽٿڀ",
}
_OTHER_LETTER = {ch: lang for lang, chars in _OTHER_SCRIPT_LETTERS.items() for ch in chars}
_OTHER_ARABIC_SCRIPT = re.compile("[" + "".join(_OTHER_LETTER) + "ھ۔]")
# Arabic in Latin letters with digits for the letters Latin lacks (Arabizi: 7abibi, 3al, ba2a).
# A digit inside lower-case letters (ba7r, el3asha) or before two or more (7abibi, 3al);
# not at a word's end alone (mp3, G7, COVID19) nor in upper case (H2O).
_ARABIZI_WORD = re.compile(r"[a-z']*[a-z][235679]+[a-z]+[a-z0-9']*|[235679]+[a-z]{2,}[a-z0-9']*")
_ENGLISH_DIGIT_WORD = re.compile(r"(?i)\d+(?:st|nd|rd|th|am|pm|s|k|m|d|g|kg|km|cm|mm|gb|mb|x|h|min)")
_AR_LETTERS = frozenset("ةىيكؤإ")
_FA_WORDS = frozenset(
    """است این را که می‌ های برای بود شد شده کرد کرده کند می این‌ آن هم یک با تا اما
    ولی نیز باید هست نیست شود می‌شود می‌کند خود وی ایشان آنها چه چرا کجا همه بسیار
    دیگر پس اگر هر چون روی زیرا بین پیش بعد کنند دارد داشت گفت اند ای ما شما من
    نه خیلی واقعا باش بکن چی اوه آره بله بزن خداحافظ باشه داداش مرسی ممنونم متشکرم عزیزم
    از نمی ها او تو آنجا اینجا قبل البته هیچ هستم هستی هستیم هستید هستند دارم داری
    داریم دارند ندارم ندارد بودم بودند شدم رفت رفتم آمد لطفا""".split()
)
# شو "what" and بده "wants" are Levantine Arabic as much as colloquial Persian: not listed.
# به is Persian "to" but also Arabic "in/with it" (قام به): weak evidence only.
_FA_WEAK_WORDS = frozenset({"به"})
_FOLLOWED_BY_WORD = re.compile(r"[^\S\n]+\w")
_AR_WORDS = frozenset(
    """في من إلى الى على عن أن إن التي الذي الذين هذا هذه ذلك تلك كان كانت قد لقد لم لن
    ما هو هي هم مع بين بعد قبل حتى أو ثم كما عند منذ وفي وقد ولكن لكن أيضا أيضاً إنه
    أنه يكون تكون وهو وهي ليس فيه فيها عليه عليها الله يا لا نعم له لها
    هل إذا اذا كيف لماذا ماذا أنا انا نحن أنت انت هناك""".split()
)
# Persian words that happen to start with ال: not the Arabic article.
_FA_AL_WORDS = frozenset({"البته", "الان"})
# English function words: a Latin text without them is "other" (French, Spanish, pinyin...).
_EN_WORDS = frozenset(
    """the of and to in is that for it was on with as be by at this are from or his
    have an they which not but had has were their will been would there who what all
    said we you he she its one more than about into after also can i my me do let
    don vs over""".split()
)
# Frequent function words of other Latin-script languages, to keep them out of "en".
_OTHER_WORDS = frozenset(
    """de la le les et des du une est el los las y que en por con der das und ist
    nicht ein eine il di che per non un una och att det är een het van""".split()
)


def _other_script_evidence(text: str) -> tuple[float, str | None]:
    """How many letters of another Arabic-script language `text` has, and which language
    most of them point to (None when only the shared ھ / ۔ occur)."""
    found: dict[str, int] = {}
    total = 0.0
    for ch in _OTHER_ARABIC_SCRIPT.findall(text):
        if ch == "۔":
            total += 0.5
            continue
        total += 1.0
        if ch in _OTHER_LETTER:
            found[_OTHER_LETTER[ch]] = found.get(_OTHER_LETTER[ch], 0) + 1
    return total, max(found, key=lambda k: found[k]) if found else None


def _is_other_script(text: str) -> bool:
    evidence, _ = _other_script_evidence(text)
    return evidence > max(2, 0.02 * len(_ARABIC_SCRIPT.findall(text)))


def other_script_language(text: str) -> str | None:
    """The Arabic-script language other than Arabic and Persian that most of `text` is
    written in ("Urdu", "Pashto", "Sorani Kurdish", "Sindhi", or "an Arabic-script language
    other than Arabic or Persian"), None when it is not. A Persian or Arabic document that
    quotes such a language in fewer than half of its lines (by letters) is not: a Dari
    report quoting a Pashto sentence is Persian."""
    sample = unfold_presentation_forms(text[:200000])
    if not _is_other_script(sample):
        return None
    lines = [ln for ln in sample.splitlines() if _ARABIC_SCRIPT.search(ln)]
    # a line with one such letter counts (Urdu verse has a ے or ں a line), so the share is
    # of the lines that could be Urdu, Pashto... at all
    other = [ln for ln in lines if _other_script_evidence(ln)[0] >= 1]
    if len(lines) > 1 and (sum(len(_ARABIC_SCRIPT.findall(ln)) for ln in other)
                           < 0.5 * sum(len(_ARABIC_SCRIPT.findall(ln)) for ln in lines)):
        return None
    _, lang = _other_script_evidence("\n".join(other) if other else sample)
    return lang or "an Arabic-script language other than Arabic or Persian"


def looks_arabizi(text: str) -> bool:
    """Latin-letter text that writes Arabic with digits for letters ("ana 7abibi, keefak?")."""
    words = re.findall(r"[A-Za-z0-9']+", text[:200000])
    if not words:
        return False
    hits = sum(1 for w in words if _ARABIZI_WORD.fullmatch(w) and not _ENGLISH_DIGIT_WORD.fullmatch(w))
    return hits >= 2 and hits >= 0.1 * len(words)


def _counts(text: str) -> tuple[int, int]:
    return len(_ARABIC_SCRIPT.findall(text)), len(_LATIN.findall(text))


def _fa_ar_score(text: str) -> float:
    """Positive for Persian evidence, negative for Arabic evidence."""
    fa = ar = 0.0
    for ch in text:
        if ch in _FA_LETTERS:
            fa += 1.0 if ch != "ی" and ch != "ک" else 0.5
        elif ch in _AR_LETTERS:
            ar += 1.0 if ch not in "يكى" else 0.5  # also typed for Persian (Arabic keyboard)
    for m in _WORD.finditer(text):
        w = m.group(0)
        w2 = w.replace("ي", "ی").replace("ك", "ک")
        if w2 in _FA_WORDS or w2.startswith("می\u200c") or w2.startswith("نمی\u200c"):
            fa += 3.0
        elif w2 in _FA_WEAK_WORDS and _FOLLOWED_BY_WORD.match(text, m.end()):
            fa += 1.0  # a preposition; Arabic به often ends its clause (ما أمر به.)
        elif "\u200c" in w.strip("\u200c"):
            fa += 1.0  # a zero-width non-joiner inside a word: Persian spelling (کتاب‌ها، خانه‌ای)
        if w in _AR_WORDS:
            ar += 3.0
        if (len(w) > 3 and w2 not in _FA_AL_WORDS
                and (w.startswith("ال") or w.startswith("وال") or w.startswith("بال"))):
            ar += 1.5
        if w.endswith("\u200cها") or w.endswith("\u200cهای"):
            fa += 2.0
    return fa - ar


_NAME_TAG = re.compile(r"(?<![^._\-])(ar|fa)(?![^._\-])", re.IGNORECASE)


def name_language(name: str) -> str | None:
    """The language tag in a file's name ("ar" in doc.ar.txt or doc_ar.txt), None if there
    is none or both; used only to break an exact tie of the text's own evidence."""
    base = re.split(r"[\\/]", name)[-1]
    tags = {m.group(1).lower() for m in _NAME_TAG.finditer(base)}
    return tags.pop() if len(tags) == 1 else None


def detect_language(text: str, hint: str | None = None) -> str:
    """Return "ar", "fa", "en" or "other" for `text`, offline, from script and word statistics.

    `hint` ("ar"/"fa", e.g. from the file name) decides only an exact Arabic/Persian tie."""
    return _detect(text, hint)[0]


def _detect(text: str, hint: str | None) -> tuple[str, str]:
    """`detect_language` and what settled it: "text", or on a tie "file name" / "letters"."""
    # presentation forms (old PDFs) are read as the letters they shape
    sample = unfold_presentation_forms(text[:200000])
    arab, latin = _counts(sample)
    letters = sum(ch.isalpha() for ch in sample)
    if letters == 0:
        return "other", "text"
    # Persian/Arabic news often quotes Latin names, so a quarter of Arabic script decides.
    if arab >= 0.25 * letters and (arab >= latin or _fa_ar_score(sample) != 0):
        if _is_other_script(sample):
            if other_script_language(sample):
                return "other", "text"  # Urdu, Pashto, Kurdish...: Arabic script, not ar/fa
            # a few lines quote such a language: the rest says Arabic or Persian
            sample = "\n".join(ln for ln in sample.splitlines()
                               if _other_script_evidence(ln)[0] < 1)
        score = _fa_ar_score(sample)
        if score > 0:
            return "fa", "text"
        if score < 0:
            return "ar", "text"
        # No evidence either way (e.g. one short word): the file name's tag, else the letters.
        if hint in ("ar", "fa"):
            return hint, "file name"
        return ("fa" if any(ch in "یک" for ch in sample) else "ar"), "letters"
    if latin >= 0.5 * letters:
        words = [w.lower() for w in _WORD.findall(sample)]
        if not words:
            return "other", "text"
        hits = sum(w in _EN_WORDS for w in words)
        other = sum(w in _OTHER_WORDS for w in words)
        ascii_share = sum(w.isascii() for w in words) / len(words)
        if hits > other or (other == 0 and ascii_share > 0.97):
            return "en", "text"
        return "other", "text"
    return "other", "text"


LANGUAGE_NAMES = {"ar": "Arabic", "fa": "Persian", "en": "English", "other": "not Arabic or Persian"}


def language_label(lang: str) -> str:
    """"Persian (fa)": how messages name a language."""
    return f"{LANGUAGE_NAMES.get(lang, lang)} ({lang})"


def resolve_source_language(text: str, declared: str, name: str,
                            option: str = "--src-lang") -> str:
    """Settle the original's language: detect for "auto", else check the declared one fits.

    `option` is the command-line option the error message tells the user to change.
    """
    return decide_source_language(text, declared, name, option)[0]


def decide_source_language(text: str, declared: str, name: str,
                           option: str = "--src-lang", other: tuple[str, str] | None = None,
                           ) -> tuple[str, str]:
    """`resolve_source_language`, and how it was decided (for the audit's provenance):
    "declared", "detected", "file name" (a tie the name's tag broke) or "letters" (a tie
    with no tag, settled by ی/ک). `other` is the English file's (name, text): when the
    original is English and that one Arabic or Persian, the error says the files are swapped."""
    declared = (declared or "auto").lower()
    if declared not in ("auto", "ar", "fa"):
        raise InputError(f"{name}: unsupported source language {declared!r}; use ar, fa or auto")
    found, by = _detect(text, name_language(name))
    if found not in ("ar", "fa"):
        forced = f" (declaring {declared} cannot change that)" if declared != "auto" else ""
        if found == "en" and other is not None and detect_language(other[1]) in ("ar", "fa"):
            raise InputError(
                f"{name}: the files seem swapped: the original looks like English and "
                f"{other[0]} looks {language_label(detect_language(other[1]))}; "
                "give the Arabic/Persian original first, then the English")
        if found == "other" and (script := other_script_language(text)):
            raise InputError(
                f"{name}: the original looks like {script}, not Arabic or Persian: mlalign "
                f"reads only Arabic and Persian originals{forced}")
        if found == "other" and looks_arabizi(text):
            raise InputError(
                f"{name}: the original looks like Arabic written in Latin letters (Arabizi); "
                f"mlalign reads Arabic and Persian in Arabic script only{forced}")
        what = "like English" if found == "en" else "to hold no Arabic-script text"
        raise InputError(
            f"{name}: the original seems {what}, not Arabic or Persian; "
            "pass the Arabic/Persian file as the source"
        )
    if declared != "auto" and declared != found and abs(_fa_ar_score(text[:200000])) < 6:
        return declared, "declared"  # too little evidence to overrule what the user said
    if declared != "auto" and declared != found:
        raise InputError(
            f"{name} looks {language_label(found)}, not {language_label(declared)}; "
            f"use {option} {found} or auto"
        )
    if declared != "auto":
        return found, "declared"
    return found, "detected" if by == "text" else by


def check_english(text: str, name: str) -> None:
    """Raise InputError unless the translation side is mostly Latin-script English."""
    found = detect_language(text)
    if found == "en":
        return
    if found in ("ar", "fa"):
        raise InputError(
            f"{name}: the English side looks {language_label(found)}; "
            "did you pass the original twice or swap the files?"
        )
    if found == "other" and (script := other_script_language(text)):
        raise InputError(f"{name}: the English side looks like {script}, not English")
    if found == "other" and looks_arabizi(text):
        raise InputError(f"{name}: the English side looks like Arabic written in Latin letters "
                         "(Arabizi), not English")
    raise InputError(f"{name}: the English side does not look like English text")
