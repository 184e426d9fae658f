"""A change's direction reversed: the original says a figure fell and the English says it
rose, "less than" made "more than", "below" made "above", "before" made "after". The number check compares
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
                 r"upward|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|(?:go|goes|went|gone|going) up")
_EN_CHANGE_DOWN = (r"fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|"
                   r"decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tion)|lower(?:s|ed|ing)|"
                   r"shr[aiu]nk(?:s|ing)?|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|"
                   r"plummet(?:s|ed|ing)?|tumbl(?:e|es|ed|ing)|downward|halv(?:e|es|ed|ing)|"
                   r"(?:go|goes|went|gone|going) down")
_EN_MORE = r"higher|more|above|exceed(?:s|ed|ing)?|greater|larger|bigger"
_EN_LESS = r"lower|less|fewer|below|smaller"
# Reports write a change as "up" or "down" before its size ("revenue ... down 3%", "up 1.5
# percentage points", "down from 12%"): a change only before a percentage or points.
_EN_FIGURE = (r"(?=\s+(?:by\s+|from\s+)?(?:(?:about|around|nearly|almost|roughly|some|"
              r"approximately)\s+)?[$€£]?\d[\d.,]*\s*(?:%|per ?cent\b|"
              r"(?:percentage |basis )?points?\b|pp\b|bps\b))")
_EN_CHANGE_UP += rf"|up{_EN_FIGURE}"
_EN_CHANGE_DOWN += rf"|down{_EN_FIGURE}"
# "over" and "under" before a figure compare ("under 18", "over 2,000 metres").
_EN_MORE += r"|over(?=\s+[$€£]?\d)"
_EN_LESS += r"|under(?=\s+[$€£]?\d)"
# Not a figure's direction: "at least" (a floor), "more or less", "once more", "no more"
# (negation); a phrasal verb or a name ("grew up", "fell ill", "fell short", "rose to the
# challenge", "higher education", "the lower house", "Lower Egypt"); a comparison that
# frames rather than changes ("more than ever", "less developed countries"); a hyphenated
# compound ("lower-income").
_EN_IDIOMS = re.compile(
    r"\b(?:at (?:the )?(?:least|most)|more or less|nevertheless|once more|any ?more|"
    r"what(?:'s| is) more|more (?:and|or) more|the more|even more so|"
    r"gr(?:ew|ow|own|owing|ows) up|"
    # a phrasal verb, not a change: "picked up 3 points", "gave up 2 goals"
    r"(?:pick(?:s|ed|ing)?|g[ai]ve[sn]?|giving|rack(?:s|ed|ing)?|end(?:s|ed|ing)?|"
    r"set(?:s|ting)?|t[ao]ok|take[sn]?|taking|ma[dk]e|makes|making|back(?:s|ed|ing)?) (?:up|down)|f[ae]ll(?:s|en|ing)? (?:ill|short|asleep|silent|in love|apart|victim)|"
    r"r[io]s(?:e|es|en|ing)? to (?:the challenge|the occasion|power|fame|prominence)|"
    r"higher education|(?:lower|upper) (?:house|chamber|court|egypt|case)|"
    r"more than ever|(?:less|more)[- ]developed|(?:higher|lower|more|less)-\w+)\b", re.IGNORECASE)
# A third reading: order in time ("before" made "after"). "since", "following", "until"
# and "ago" are left out: each also says something else, or has no one word of the
# original's to face. Not an order: "after all", "look after", "named after", "before long".
_EN_BEFORE = r"before|prior to|earlier than"
_EN_AFTER = r"after|later than"
_EN_ORDER_IDIOMS = re.compile(r"\b(?:after all|(?:look|looks|looked|looking|named|take|takes|took"
                              r"|taking|ask|asks|asked|asking) after|before long)\b", re.IGNORECASE)
# A fourth reading: a decision ("approved" made "rejected"). "passed" and "adopted" are left
# out (a law passed, a child adopted, time passed), so is "accepted" of an offer or a blame.
_EN_APPROVE = r"approv(?:e|es|ed|ing|al)|endors(?:e|es|ed|ing|ement)|ratif(?:y|ies|ied|ying|ication)"
_EN_REJECT = (r"reject(?:s|ed|ing|ion)?|refus(?:e|es|ed|ing|al)|veto(?:es|ed|ing)?|"
              r"turn(?:s|ed|ing)? down|vot(?:e|es|ed|ing) down")
EN_WORDS = {kind: (re.compile(rf"\b(?:{up})\b", re.IGNORECASE), re.compile(rf"\b(?:{down})\b", re.IGNORECASE))
            for kind, up, down in (("change", _EN_CHANGE_UP, _EN_CHANGE_DOWN),
                                   ("comparison", _EN_MORE, _EN_LESS),
                                   ("order", _EN_BEFORE, _EN_AFTER),
                                   ("decision", _EN_APPROVE, _EN_REJECT))}

# Arabic and Persian words as written; matched after norm_arabic (alef forms, ta marbuta,
# alef maqsura and Persian yeh folded) on both the lists and the text. زاد is left out: in
# news وزاد is "he added" as often as "it rose"; نقص as a noun is a shortage.
_AR_CHANGE_UP = ("ارتفع ارتفعت يرتفع ترتفع ارتفاع ارتفاعا ازداد ازدادت يزداد تزداد تزايد تزايدت "
                 "يتزايد تتزايد زيادة نما نمت ينمو تنمو نمو صعد صعدت يصعد تصعد صعود تضاعف تضاعفت "
                 "يتضاعف قفز قفزت يقفز تقفز")
_AR_CHANGE_DOWN = ("انخفض انخفضت ينخفض تنخفض انخفاض انخفاضا تراجع تراجعت يتراجع تتراجع هبط هبطت "
                   "يهبط تهبط هبوط نقصت ينقص تنقص تقلص تقلصت يتقلص تتقلص خفض خفضت يخفض تخفض "
                   "تخفيض انكمش انكمشت انكماش قلل قللت يقلل تقلل تقليل هوت تهوي يهوي")
# A comparative with the article is a superlative or a title (المجلس الأعلى "the Supreme
# Council", الشرق الأدنى, الأكثر فقرا "the poorest"): not matched.
_AR_MORE = "أكثر أعلى فوق تجاوز تجاوزت يتجاوز تتجاوز أكبر"
_AR_LESS = "أقل أدنى أصغر"
# Order: قبل "before" and بعد "after", with و/ف/ل/ب/من before them. Not an order: قبل
# before a span of time is "ago" (قبل ثلاث سنوات), من قبل "by" or "earlier", ما بعد / فيما
# بعد "post-" / "later", بعد ذلك "then", and لم ... بعد "not yet" goes with its negation.
_AR_BEFORE = re.compile(norm_arabic(r"(?<!\w)[وف]?(?:[لب]|من\s+)?قبل(?!\w)"))
_AR_AFTER = re.compile(norm_arabic(r"(?<!\w)[وف]?(?:[لب]|من\s+)?بعد(?!\w)"))
_AR_SPANS = ("عام عامين سنة سنتين سنوات أعوام شهر شهرين أشهر شهور أسبوع أسبوعين أسابيع يوم يومين "
             "أيام ساعة ساعتين ساعات دقيقة دقائق عقد عقدين عقود قرن قرنين ثلاث ثلاثة أربع أربعة "
             "خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشر عشرة بضع بضعة عدة")
_AR_NO_ORDER = re.compile(norm_arabic(
    r"(?<!\w)(?:ما|فيما)\s+بعد(?!\w)|(?<!\w)[وف]?بعد\s+ذلك(?!\w)|(?<!\w)[وف]?من\s+قبل(?!\w)|"
    r"(?<!\w)[وف]?قبل\s+(?:[0-9٠-٩]|(?:" + "|".join(_AR_SPANS.split()) + r")(?!\w))"))
# Persian قبل / پیش از "before", بعد / پس از "after"; a span of time before قبل or پیش is
# "ago" (سه سال پیش), بعد از آن / پس از آن "then", از قبل "beforehand".
_FA_BEFORE = re.compile(norm_arabic(r"(?<!\w)(?:قبل|پیش\s+از)(?!\w)"))
_FA_AFTER = re.compile(norm_arabic(r"(?<!\w)(?:بعد|پس\s+از)(?!\w)"))
_FA_NO_ORDER = re.compile(norm_arabic(
    r"(?<!\w)(?:سال|سالها|ماه|ماهها|روز|روزها|هفته|هفتهها|ساعت|دقیقه|قرن|دهه|مدتی|چندی)\s+"
    r"(?:قبل|پیش)(?!\w)|(?<!\w)(?:بعد|پس)\s+از\s+آن(?!\w)|(?<!\w)از\s+قبل(?!\w)"))
# No direction of a figure: على الأقل "at least", زيادة على ذلك "moreover", أكثر أو أقل
# "more or less", تراجع عن "backed down on", منخفض / انخفاض جوي "a low-pressure system",
# أكبر سنا "older".
_AR_IDIOMS = ("على الأقل", "بالأقل", "زيادة على ذلك", "أكثر أو أقل", "تراجع عن", "تراجعت عن",
              "يتراجع عن", "تتراجع عن", "انخفاض جوي", "منخفض جوي", "أكبر سنا", "الأكبر سنا")
# Persian, zero-width non-joiners removed and a verb's parts joined first (زیاد شد, کم شد);
# افزود "he added", جهش "mutation", سقوط "crash, fall of a regime", نزول "rainfall" are left
# out.
_FA_CHANGE_UP = ("افزایش افزایشی رشد صعود بالارفت بالارفته بالاآمد دوبرابر زیادشد زیادشده "
                 "افزودهشد افزودهشده گرانشد گرانشده گرانتر")
_FA_CHANGE_DOWN = ("کاهش کاهشی افت تنزل کاسته کاست کاهیده پایینآمد پایینآمده کمشد کمشده "
                   "ارزانشد ارزانشده ارزانتر")
_FA_MORE = "بیشتر بیشتری بیش بالاتر بالاترین فراتر بزرگتر"
_FA_LESS = "کمتر کمتری پایینتر پایینترین کوچکتر"
# بالای "above" and زیر "below, under" compare only before a figure (بالای ۲۰۰۰ متر، زیر ۱۸
# سال); elsewhere they are places (بالای کوه "on the mountain", زیر میز).
_FA_BEFORE_FIGURE = r"(?=\s+[0-9۰-۹٠-٩])"
# حداقل / دست کم "at least", حداکثر "at most", کم و بیش "more or less", افزون بر "moreover".
_FA_IDIOMS = ("حداقل", "حداکثر", "دستکم", "دست کم", "کم و بیش", "کموبیش", "بیش و کم", "افزون بر")


def _words(spaced: str, prefix: str, suffix: str = "") -> re.Pattern[str]:
    alternatives = "|".join(sorted({norm_arabic(w) for w in spaced.split()}, key=len, reverse=True))
    return re.compile(rf"(?<!\w){prefix}(?:{alternatives}){suffix}(?!\w)")


def _phrases(phrases: tuple[str, ...], prefix: str = "") -> re.Pattern[str]:
    return re.compile("(?<!\\w)" + prefix + "(?:" + "|".join(norm_arabic(p) for p in phrases) + ")(?!\\w)")


# and/so/with/for, the article, the future's س (سترتفع "will rise"); a verbal noun's pronoun
# (تراجعها "its fall")
_AR_PREFIX = "(?:[وف]?س|[وفبل]|ال|وال|بال|فال|لل|ولل)?"
_AR_SUFFIX = "(?:ه|ها|هم|هما)?"
AR_WORDS = {"change": (_words(_AR_CHANGE_UP, _AR_PREFIX, _AR_SUFFIX),
                       _words(_AR_CHANGE_DOWN, _AR_PREFIX, _AR_SUFFIX)),
            "comparison": (_words(_AR_MORE, "(?:[وفبل])?"), _words(_AR_LESS, "(?:[وفبل])?"))}
FA_WORDS = {"change": (_words(_FA_CHANGE_UP, "و?"), _words(_FA_CHANGE_DOWN, "و?")),
            "comparison": (re.compile(_words(_FA_MORE, "و?").pattern + "|(?<!\\w)" + norm_arabic("بالای")
                                      + _FA_BEFORE_FIGURE),
                           re.compile(_words(_FA_LESS, "و?").pattern + "|(?<!\\w)" + norm_arabic("زیر")
                                      + _FA_BEFORE_FIGURE))}
AR_WORDS["order"] = (_AR_BEFORE, _AR_AFTER)
FA_WORDS["order"] = (_FA_BEFORE, _FA_AFTER)
# A decision: وافق على / صادق على / أقر "approved", رفض "rejected"; Persian تصویب، تأیید،
# پذیرفت، موافقت against رد کرد، وتو، مخالفت (نپذیرفت is a negation, left to that check).
AR_WORDS["decision"] = (
    _words("وافق وافقت يوافق توافق موافقة صادق صادقت يصادق تصادق مصادقة أقر أقرت يقر تقر إقرار "
           "تبنى تبنت يتبنى تتبنى", _AR_PREFIX, _AR_SUFFIX),
    _words("رفض رفضت يرفض ترفض رفضوا", _AR_PREFIX, _AR_SUFFIX))
FA_WORDS["decision"] = (_words("تصویب تصویبشد تصویبکرد تأیید تایید پذیرفت پذیرفته موافقت", "و?"),
                        _words("ردکرد ردکردند وتو مخالفت", "و?"))
AR_IDIOMS, FA_IDIOMS = _phrases(_AR_IDIOMS, _AR_PREFIX), _phrases(_FA_IDIOMS)
# تراجعت الحكومة عن قرارها "the government backed down on its decision"
_AR_BACKED_DOWN = re.compile(norm_arabic(r"(?<!\w)[وف]?(?:تراجع|تراجعت|يتراجع|تتراجع)"
                                         r"(?:\s+\S+){0,2}?\s+عن(?!\w)"))
# "پایین تر", "کم تر", "بالا رفت", "زیاد شد", "رد کرد" typed with a space: one word, as with a
# non-joiner (رد شد is also "went past": not read)
_FA_JOIN = re.compile(norm_arabic(r"(?<!\w)(پایین|بیش|بالا|کم|زیاد|افزوده|گران|ارزان|رد|تصویب) "
                                  r"(تر|رفت|آمد|شد|شده|کرد|کردند)(?!\w)"))


def direction_words(text: str, lang: str) -> dict[str, tuple[list[str], list[str]]]:
    """For each reading (change, comparison, order, decision): the words of a text that say
    up (before, yes), and those that say down (after, no)."""
    if lang == "en":
        text, table = _EN_IDIOMS.sub(" ", text), EN_WORDS
        order = _EN_ORDER_IDIOMS.sub(" ", text)
    elif lang == "fa":
        text = _FA_JOIN.sub(r"\1\2", norm_arabic(text.replace("\u200c", "")))
        text, table = FA_IDIOMS.sub(" ", text), FA_WORDS
        order = _FA_NO_ORDER.sub(" ", text)
    else:
        text, table = AR_IDIOMS.sub(" ", _AR_BACKED_DOWN.sub(" ", norm_arabic(text))), AR_WORDS
        order = _AR_NO_ORDER.sub(" ", text)
    read = {kind: order if kind == "order" else text for kind in table}
    return {kind: (up.findall(read[kind]), down.findall(read[kind]))
            for kind, (up, down) in table.items()}


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
        for kind in ("change", "comparison", "order", "decision"):
            (s_up, s_down), (t_up, t_down) = src[kind], tgt[kind]
            ways = {"order": ("before", "after"), "decision": ("yes", "no")}.get(kind, ("up", "down"))
            if s_up and not s_down and t_down and not t_up:
                said, says, way = s_up, t_down, ways
            elif s_down and not s_up and t_up and not t_down:
                said, says, way = s_down, t_up, ways[::-1]
            else:
                continue
            word = as_written(said[0], bead.src)
            detail = (f"the original says {way[0]} ({word}), the English says {way[1]} "
                      f"(\"{says[0]}\")")
            return [Flag("direction", "medium", detail, 0.7,
                         {"reading": kind, "original": [as_written(w, bead.src) for w in said],
                          "english": says})]
        return []
