"""Negation present on one side and not the other: the cheapest way to reverse a meaning.

Cues are split into strong (grammatical: not, لم, نمی‌...) and weak (lexical: without,
unable, غير, بدون, un-/-less...). A flag needs a strong cue on one side and no cue at all
on the other, because real translations move negation into the lexicon ("illegal" for
غير شرعي) and that must not flag. Persian verb negation (ن-/نمی‌) is matched only as a
whole verb form on known stems, so words that merely start with ن (نیز، نزدیک) do not count.
"""

from __future__ import annotations

import re

from mlalign.drift.base import CheckContext, norm_arabic
from mlalign.types import Bead, Flag

EN_STRONG = re.compile(r"\b(?:not|never|no|none|nor|neither|nobody|nothing|nowhere|"
                       r"cannot)\b|n't\b", re.IGNORECASE)
EN_WEAK = re.compile(
    r"\b(?:without|unable|fail(?:s|ed|ure)?|lack\w*|absen\w*|refus\w*|den(?:y|ied|ies)|"
    r"rather than|instead|free|un[a-z]{4,}|non-?[a-z]+|[a-z]{3,}less|il(?:legal|licit)\w*|"
    r"ir(?:regular|relevant|responsible)\w*|im(?:possible|proper|balance)\w*|"
    r"in(?:valid|correct|capable|sufficient|adequate|action|dependent|appropriate)\w*|"
    r"no longer|little|hardly|barely|scarcely|yet to|intoleran\w*|disagree\w*|disregard\w*|"
    r"declin\w*)\b", re.IGNORECASE)
AR_STRONG = {"لا", "لم", "لن", "ليس", "ليست", "ليسوا", "لست", "لسنا", "ولا", "ولم", "ولن",
             "فلا", "فلم", "فلن", "وليس", "وليست"}
# ألا (أن لا, "that ... not") folds into إلا ("except") once hamzas are normalised.
AR_ALLA = {"ألا", "وألا", "بألا", "لألا"}
AR_WEAK = {"غير", "وغير", "بغير", "بدون", "دون", "ودون", "بلا", "عدم", "وعدم", "لعدم", "بعدم"}
# Lexical negation in Arabic verbs ("refused", "was unable", "failed"), matched as stems.
AR_WEAK_STEMS = ("رفض", "ترفض", "يرفض", "عجز", "يعجز", "فشل", "تفشل", "يفشل", "امتنع", "يمتنع")
# Idioms whose negation word negates nothing: "no later than", "whether or not".
EN_NOT_NEG = re.compile(r"\b(?:no (?:later|earlier|more|less|sooner) than|not long (?:after|before)|"
                        r"never (?:more|before) so|no doubt|not to mention|none other than|or not)\b",
                        re.IGNORECASE)
# Persian words that look like a negated verb: نزد "at", نبرد "battle".
FA_NOT_NEG = {"نزد", "نبرد", "نبردها", "نبردهای"}
AR_NOT_NEG = re.compile(r"(?:لا|ولا|ما|وما|لم) (?:سيما|يزال|تزال|يزالون|زال|زالت|ازال|نزال|بد|شك|"
                        r"يقل|تقل|يصدق|يخفي|شمله|شملها)(?!\S)")
FA_STRONG = {"نه", "هیچ", "نیست", "نیستند", "نیستیم", "نبود", "نبودند", "هرگز"}
FA_WEAK = {"بدون", "عدم", "بی"}
# Exceptive negation restricts rather than negates: لا ... إلا / جز ... نه mean "only".
AR_EXCEPTIVE = {"إلا", "الا", "وإلا", "سوى"}
FA_EXCEPTIVE = {"جز", "بجز", "مگر"}
_FA_STEMS = ("یاور|یاورد|یامد|یافت|یاب|یای|کرد|کن|شد|شو|دار|داشت|خواه|باید|بود|باش|توان|توانست|دهد|داد|ده|گرفت|گیر|"
             "رفت|رو|آمد|آی|گفت|گوی|گو|دید|بین|یافت|یاب|زد|زن|رس|رسید|ماند|مان|خورد|خور|"
             "ساخت|ساز|گذاشت|گذار|پذیر|پذیرفت|دان|دانست|خواست|کشید|کش|افتاد|افت|برد|بر|"
             "آور|آورد|شناس|شناخت|نشست|نشین|کند|گذشت|خواند|خوان|دهند|کنند")
_FA_END = "(?:م|ی|د|یم|ید|ند|ه|ن|ست|است|ه‌اند|ه‌است|ه‌ام|یم|ید)?"
_FA_VERB = re.compile(rf"^(?:ن|نمی\u200c?|نمي\u200c?)(?:{_FA_STEMS}){_FA_END}$")
_FA_VERB_N = re.compile(rf"^(?:ن|نمي\u200c?)(?:{norm_arabic(_FA_STEMS)}){norm_arabic(_FA_END)}$")
_AR_STRONG_N = {norm_arabic(c) for c in AR_STRONG}
_AR_WEAK_N = {norm_arabic(c) for c in AR_WEAK}
_AR_WEAK_STEMS_N = tuple(norm_arabic(c) for c in AR_WEAK_STEMS)
_AR_EXCEPTIVE_N = {norm_arabic(c) for c in AR_EXCEPTIVE}
_AR_PUNCT = re.compile(r"[،؛؟٪٫٬۔«»]")


def negation_cues(text: str, lang: str) -> tuple[int, int]:
    """(strong, weak) negation cue counts of a text."""
    if lang == "en":
        text = EN_NOT_NEG.sub(" ", text)
        strong = EN_STRONG.findall(text)
        strong = [c for c in strong if c.lower() != "no" or not re.search(r"\bNo\.\s?\d", text)]
        return len(strong), len(EN_WEAK.findall(text))
    strong = weak = exceptive = 0
    text = _AR_PUNCT.sub(" ", text)  # «نه،» is the word نه
    if lang == "ar":
        alla = [t for t in text.split() if t in AR_ALLA]
        strong += len(alla)
        text = AR_NOT_NEG.sub(" ", norm_arabic(" ".join(t for t in text.split() if t not in AR_ALLA)))
    for raw in re.findall(r"[\u0600-\u06ff\u200c]+", text):
        tok = raw.strip("\u200c")
        if lang == "ar":
            strong += tok in _AR_STRONG_N
            weak += tok in _AR_WEAK_N or re.sub("^[وف]", "", tok).startswith(_AR_WEAK_STEMS_N)
            exceptive += tok in _AR_EXCEPTIVE_N
            continue
        if tok in FA_NOT_NEG:
            continue
        if tok in FA_EXCEPTIVE:
            exceptive += 1
            continue
        first = tok.split("\u200c")[0]
        if tok in FA_STRONG or first in {"نمی", "نمي"} or tok.startswith(("نمی", "نمي")):
            strong += 1
        elif _FA_VERB.match(tok) or _FA_VERB_N.match(norm_arabic(tok)):
            strong += 1
        elif tok in FA_WEAK or first in FA_WEAK:
            weak += 1
    moved = strong if exceptive else 0  # "not ... except" restricts: count it as weak
    return strong - moved, weak + moved


def count_negations(text: str, lang: str) -> int:
    """How many strong negation cues a text carries."""
    return negation_cues(text, lang)[0]


class NegationCheck:
    """Flag a sentence pair where one side negates and the other has no negation at all."""

    name = "negation"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        bead.signals["neg_diff"] = 0.0
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        s_strong, s_weak = negation_cues(bead.src, ctx.src_lang)
        t_strong, t_weak = negation_cues(bead.tgt, "en")
        # A different number of negations is weaker evidence than none vs some (one of two
        # negations lost, "not unable"), so it goes to the calibration, not to a flag.
        if s_strong != t_strong:
            same_total = s_strong + s_weak == t_strong + t_weak
            bead.signals["neg_diff"] = 0.5 if same_total else 1.0
        if s_strong and not (t_strong or t_weak):
            detail = (f"the original negates ({s_strong} cue{'s' if s_strong > 1 else ''}) "
                      "but the English has no negation")
        elif t_strong and not (s_strong or s_weak):
            cue = EN_STRONG.search(bead.tgt)
            detail = (f"the English negates (\"{cue.group(0).strip() if cue else ''}\") "
                      "but the original has no negation")
        else:
            return []
        score = 0.75 if abs(s_strong - t_strong) == 1 else 0.85
        return [Flag("negation", "medium", detail, score,
                     {"original_cues": [s_strong, s_weak], "english_cues": [t_strong, t_weak]})]
