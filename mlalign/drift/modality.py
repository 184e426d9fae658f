"""Claims softened or hardened: "must" rendered as "may", "may" as "will". Modality maps
loosely across languages, so these are low-severity hints, with one exception: a hedge of
the original (ربما، من المرجح، قد يـ، شاید، به نظر می‌رسد) with no hedging word at all in the
English ("may reduce" made "reduces", "is likely linked" made "have confirmed"). On the
development data's clean pairs that happens on 0 of 64 hedged Arabic NTREX lines and 1 of
62 Persian ones (a reference that itself dropped ممکن است), and on none of Tatoeba's 8,340
pairs, so it is a medium flag."""

from __future__ import annotations

import re

from mlalign.drift.base import CheckContext, as_written, norm_arabic, strip_diacritics
from mlalign.types import Bead, Flag

# "May" inside a sentence is the month or a name (Theresa May), not a modal: it counts only
# in lower case or where a sentence starts.
EN_WEAK = re.compile(r"\b(?:(?i:might|could|possibly|perhaps|probably|likely|maybe)|may)\b"
                     r"|(?:^|(?<=[.!?:\"“]\s))May\b")
EN_STRONG = re.compile(r"\b(?:must|have to|has to|certainly|definitely|surely)\b", re.I)
SRC_WEAK = re.compile(r"(?<!\S)(?:قد|ربما|يمكن|ممكن|يحتمل|محتمل|لعل|شايد|احتمالا|احتمال|ممكن است|ميتواند)(?!\S)")
# Hedges whose English rendering nearly always keeps a hedging word. قد only before an
# imperfect verb in ي (قد يؤدي "may lead"): before a past verb it asserts (قد تم "was done").
SRC_HEDGE = re.compile(norm_arabic(
    r"(?<!\w)[وف]?(?:قد (?=ي)|(?:ربما|من المرجح|من المحتمل|من الممكن|يحتمل|يرجح|لعل|"
    # يبدو "it seems" before أن or a pronoun (حتى يبدو صلاحها is "until it shows ripe")
    r"يبدو(?= (?:أن|أنه|أنها|أنهم|أنّ|لي|له|لها|لنا|لهم))|على ما يبدو|"
    # يقدر "is estimated" (not يقدر على "is able to"). گفته می‌شود "it is said" is left out:
    # a definition's به ... گفته می‌شود (که) is "is called"
    r"يقدر(?! على)|تقدر(?! على)|ويقدر|وتقدر|"
    # ممکن است "may", not غیر ممکن است "impossible"
    r"شاید|احتمالا|احتمال دارد|به نظر می رسد|به نظر میرسد|(?<!غیر )(?<!غیر)ممکن است|ظاهرا|"
    r"بعید نیست|تخمین زده میشود|برآورد میشود)(?!\w))"))
# A negated hedge ("does not seem") hedges nothing; a question's is rhetorical.
_NEGATED_OR_ASKED = re.compile(norm_arabic(r"(?:لا|لم|لن) $"))
# Any of these in the English keeps some of the doubt (or says where the claim comes from).
EN_HEDGE = re.compile(
    r"\b(?:may|might|could|can|would|should|possib\w*|perhaps|probabl\w*|likel\w*|unlikely|"
    r"maybe|seem\w*|appear\w*|look\w*|sound\w*|feel\w*|seen|suggest\w*|believ\w*|"
    r"report\w*|alleged\w*|expect\w*|potential\w*|estimat\w*|thought|think\w*|chance\w*|"
    r"suspect\w*|apparent\w*|presum\w*|assum\w*|whether|hope\w*|fear\w*|"
    r"guess\w*|doubt\w*|uncertain\w*|predict\w*|suppos\w*|reckon\w*|tend\w*|indicat\w*|"
    r"claim\w*|accord\w*|around|about|nearly|almost|roughly|some|say|says|said)\b", re.I)
SRC_STRONG = re.compile(r"(?<!\S)(?:يجب|لابد|لا بد|ينبغي|حتما|بالتاكيد|بايد|قطعا|حتما)(?!\S)")


class ModalityCheck:
    """Flag a certain claim made uncertain, or an uncertain one made certain."""

    name = "modality"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        src = norm_arabic(bead.src).replace("\u200c", "")
        s_weak, s_strong = bool(SRC_WEAK.search(src)), bool(SRC_STRONG.search(src))
        t_weak, t_strong = bool(EN_WEAK.search(bead.tgt)), bool(EN_STRONG.search(bead.tgt))
        plain = strip_diacritics(src)
        hedge = SRC_HEDGE.search(plain)
        if hedge and (re.search("[؟?]", plain) or _NEGATED_OR_ASKED.search(plain[:hedge.start()])):
            hedge = None
        if s_strong and not s_weak and t_weak and not t_strong:
            word = EN_WEAK.search(bead.tgt)
            detail = f"the original states an obligation; the English softens it (\"{word.group(0) if word else ''}\")"
        elif hedge and not EN_HEDGE.search(bead.tgt):
            written = as_written(hedge.group(0).strip(), bead.src)
            return [Flag("modality", "medium",
                         f"the original hedges ({written}); the English states it as certain",
                         0.7, {"original": written})]
        elif s_weak and not s_strong and t_strong and not t_weak:
            word = EN_STRONG.search(bead.tgt)
            detail = f"the original is tentative; the English hardens it (\"{word.group(0) if word else ''}\")"
        else:
            return []
        return [Flag("modality", "low", detail, 0.3, {})]
