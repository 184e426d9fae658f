"""A change's direction reversed: the original says a figure fell and the English says it
rose, "less than" made "more than", "below" made "above". The number check compares
values and the negation check negations, so a reversed comparative got past both (a
tester's four planted flips all scored drift 0.01).

Only the plain case is flagged: every direction word of the original points one way and
every one of the English the other way. A sentence that goes both ways ("exports fell while
imports rose"), or whose direction words stand next to a negation ("did not fall", "no more
than"), is left to the reader, since which word answers which cannot be told from words
alone."""

from __future__ import annotations

import re

from mlalign.drift.base import CheckContext, as_written, norm_arabic
from mlalign.drift.negation import negation_cues
from mlalign.types import Bead, Flag

# Two readings each way: a change ("rose", "fell") and a comparison ("more", "below"). A
# translator may render one by the other ("rose" for أصبح أعلى), so each is compared only
# with its own kind.
_EN_CHANGE_UP = (r"ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|grew|grow(?:s|n|ing)?|growth|"
                 r"climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|"
                 r"upward|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)")
_EN_CHANGE_DOWN = (r"fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|"
                   r"decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tion)|lower(?:s|ed|ing)|"
                   r"shr[aiu]nk(?:s|ing)?|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|"
                   r"plummet(?:s|ed|ing)?|tumbl(?:e|es|ed|ing)|downward|halv(?:e|es|ed|ing)")
_EN_MORE = r"higher|more|above|exceed(?:s|ed|ing)?|greater|larger|bigger"
_EN_LESS = r"lower|less|fewer|below|smaller"
# Not a direction: "at least" (a floor), "more or less", "more and more" ... "less and less"
# keep their direction but say nothing of a figure's; "once more", "no more" (negation).
_EN_IDIOMS = re.compile(r"\b(?:at (?:the )?(?:least|most)|more or less|nevertheless|"
                        r"once more|any ?more|what(?:'s| is) more|more (?:and|or) more|"
                        r"the more|even more so|gr(?:ew|ow|own|owing|ows) up)\b", re.IGNORECASE)
EN_WORDS = {kind: (re.compile(rf"\b(?:{up})\b", re.IGNORECASE), re.compile(rf"\b(?:{down})\b", re.IGNORECASE))
            for kind, up, down in (("change", _EN_CHANGE_UP, _EN_CHANGE_DOWN),
                                   ("comparison", _EN_MORE, _EN_LESS))}

# Arabic and Persian words as written; matched after norm_arabic (alef forms, ta marbuta,
# alef maqsura and Persian yeh folded) on both the lists and the text.
_AR_CHANGE_UP = ("ارتفع ارتفعت يرتفع ترتفع ارتفاع ارتفاعا زاد زادت يزيد تزيد ازداد ازدادت يزداد "
                 "تزداد زيادة نما نمت ينمو تنمو نمو صعد صعدت يصعد تصعد صعود تضاعف تضاعفت يتضاعف "
                 "قفز قفزت يقفز تقفز")
_AR_CHANGE_DOWN = ("انخفض انخفضت ينخفض تنخفض انخفاض انخفاضا تراجع تراجعت يتراجع تتراجع هبط هبطت "
                   "يهبط تهبط هبوط نقص نقصت ينقص تنقص نقصان تقلص تقلصت يتقلص تتقلص خفض خفضت يخفض "
                   "تخفض تخفيض انكمش انكمشت انكماش قلل قللت يقلل تقلل تقليل")
_AR_MORE = "أكثر أعلى فوق تجاوز تجاوزت يتجاوز تتجاوز أكبر"
_AR_LESS = "أقل أدنى أصغر"
# No direction of a figure: على الأقل "at least", زيادة على ذلك "moreover", أكثر أو أقل
# "more or less", عاجلا أم آجلا.
_AR_IDIOMS = ("على الأقل", "بالأقل", "زيادة على ذلك", "أكثر أو أقل")
# Persian, zero-width non-joiners removed first; افزود "he added" (speech) is no rise.
_FA_CHANGE_UP = "افزایش افزایشی رشد صعود جهش بالارفت بالارفته دوبرابر"
_FA_CHANGE_DOWN = "کاهش کاهشی افت سقوط نزول تنزل کاسته کاست کاهیده پایینآمد پایینآمده"
_FA_MORE = "بیشتر بیشتری بیش بالاتر بالاترین فراتر افزون بزرگتر"
_FA_LESS = "کمتر کمتری پایینتر پایینترین کوچکتر"
# حداقل / دست کم "at least", حداکثر "at most", کم و بیش "more or less".
_FA_IDIOMS = ("حداقل", "حداکثر", "دستکم", "دست کم", "کم و بیش", "کموبیش", "بیش و کم")


def _words(spaced: str, prefix: str) -> re.Pattern[str]:
    alternatives = "|".join(sorted({norm_arabic(w) for w in spaced.split()}, key=len, reverse=True))
    return re.compile(rf"(?<!\w){prefix}(?:{alternatives})(?!\w)")


def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?<!\\w)(?:" + "|".join(norm_arabic(p) for p in phrases) + ")(?!\\w)")


_AR_PREFIX = "(?:[وفبل]|ال|وال|بال|فال|لل|ولل)?"
AR_WORDS = {"change": (_words(_AR_CHANGE_UP, _AR_PREFIX), _words(_AR_CHANGE_DOWN, _AR_PREFIX)),
            "comparison": (_words(_AR_MORE, _AR_PREFIX), _words(_AR_LESS, _AR_PREFIX))}
FA_WORDS = {"change": (_words(_FA_CHANGE_UP, "و?"), _words(_FA_CHANGE_DOWN, "و?")),
            "comparison": (_words(_FA_MORE, "و?"), _words(_FA_LESS, "و?"))}
AR_IDIOMS, FA_IDIOMS = _phrases(_AR_IDIOMS), _phrases(_FA_IDIOMS)
# "پایین تر", "کم تر", "بالا رفت" typed with a space: one word, as with a non-joiner
_FA_JOIN = re.compile(norm_arabic(r"(?<!\w)(پایین|بیش|بالا|کم) (تر|رفت|آمد)"))


def direction_words(text: str, lang: str) -> dict[str, tuple[list[str], list[str]]]:
    """For each reading (change, comparison): the words of a text that say up, and those
    that say down."""
    if lang == "en":
        text, table = _EN_IDIOMS.sub(" ", text), EN_WORDS
    elif lang == "fa":
        text = _FA_JOIN.sub(r"\1\2", norm_arabic(text.replace("\u200c", "")))
        text, table = FA_IDIOMS.sub(" ", text), FA_WORDS
    else:
        text, table = AR_IDIOMS.sub(" ", norm_arabic(text)), AR_WORDS
    return {kind: (up.findall(text), down.findall(text)) for kind, (up, down) in table.items()}


class DirectionCheck:
    """Flag a rise rendered as a fall, "more" as "less", "above" as "below", and back."""

    name = "direction"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        if negation_cues(bead.src, ctx.src_lang)[0] or negation_cues(bead.tgt, "en")[0]:
            return []  # "did not fall", "no more than": the negation check's case
        src = direction_words(bead.src, ctx.src_lang)
        tgt = direction_words(bead.tgt, "en")
        for kind in ("change", "comparison"):
            (s_up, s_down), (t_up, t_down) = src[kind], tgt[kind]
            if s_up and not s_down and t_down and not t_up:
                said, says, way = s_up, t_down, ("up", "down")
            elif s_down and not s_up and t_up and not t_down:
                said, says, way = s_down, t_up, ("down", "up")
            else:
                continue
            word = as_written(said[0], bead.src)
            detail = (f"the original says {way[0]} ({word}), the English says {way[1]} "
                      f"(\"{says[0]}\")")
            return [Flag("direction", "medium", detail, 0.7,
                         {"reading": kind, "original": [as_written(w, bead.src) for w in said],
                          "english": says})]
        return []
