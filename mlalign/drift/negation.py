"""Negation present on one side and not the other: the cheapest way to reverse a meaning.

Cues are split into strong (grammatical: not, لم, نمی‌...) and weak (lexical: without,
unable, غير, بدون, un-/-less...). A flag needs a strong cue on one side and no cue at all
on the other, because real translations move negation into the lexicon ("illegal" for
غير شرعي) and that must not flag. Persian verb negation (ن-/نمی‌) is matched only as a
whole verb form on known stems, so words that merely start with ن (نیز، نزدیک) do not count.
Idioms whose negation word negates nothing ("no later than", لا يقل عن) count as weak cues:
they are not a negation, but the other language may well keep one there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mlalign.drift.base import GLUED_RUN, CheckContext, norm_arabic, strip_diacritics
from mlalign.types import Bead, Flag

EN_STRONG = re.compile(r"\b(?:not|never|no|none|nor|neither|nobody|nothing|nowhere|"
                       r"cannot)\b|n't\b", re.IGNORECASE)
EN_WEAK = re.compile(
    r"\b(?:without|unable|fail(?:s|ed|ure)?|lack\w*|absen\w*|refus\w*|den(?:y|ied|ies)|"
    r"rather than|instead|free|far from|yet to|prohibit\w*|forb[ia]d\w*|ban(?:s|ned|ning)?|"
    # "his scarf was gone / missing" for شالش نیست "is not (there)"
    r"missing|(?:is|was|were|are|been|'s|'re) gone|"
    r"un(?!der|ite|ivers|iqu|iform|animous)[a-z]{4,}|non-?[a-z]+|"
    r"[a-z]{3,}less|il(?:legal|licit)\w*|"
    r"ir(?:regular|relevant|responsible)\w*|im(?:possible|proper|balance)\w*|"
    r"in(?:valid|correct|capable|sufficient|adequate|action|dependent|appropriate|accura|"
    r"complete|consisten|effective|efficien|competen|convenien|direct|formal|visib|secur|"
    r"sensitiv|significan|stabil|capacit|abilit|experien|justice)\w*|"
    # dis- that negates its stem ("disqualifies" for واجد شرایط نیست, "dishonest")
    r"dis(?:qualif|honest|satisf|loyal|approv|respect|trust|lik|obey|advantage|continu|"
    r"connect|believ|credit)\w*|"
    # Latinate negative adjectives, in-/im-/ir-/il- + -able/-ible ("indisputable" for
    # لا جدال فيه), minus those whose in-/im- is no negation (imaginable, intelligible).
    r"(?:in|im|ir|il)(?!ter|agin|tellig|rit|flat|pression|dict|herit|habit|sura|vest|peach|port)"
    r"[a-z]{2,}(?:able|ible|ably|ibly)|"
    # "Care less", "matters less": a lowered degree that translations render as a negation.
    r"(?:car(?:e|es|ed|ing)|matter(?:s|ed)?|mind(?:s|ed)?) less|"
    r"no longer|little|hardly|barely|scarcely|yet to|intoleran\w*|disagree\w*|disregard\w*|"
    # "out of form" for لم يؤد جيدا "did not play well": out of = not in
    r"out[- ]of[- ](?:form|reach|work|touch|order|sight|stock|control|luck|place|bounds|favou?r)|"
    r"declin\w*|"
    # "too tired to study" for لن يستطيع أن يدرس من شدة التعب: so tired that ... not
    r"too \w+ to|seldom|rarely|ceas(?:e|es|ed|ing)|stop(?:s|ped|ping)? \w+ing)\b", re.IGNORECASE)
AR_STRONG = {"لا", "لم", "لن", "ليس", "ليست", "ليسوا", "لست", "لسنا", "ولا", "ولم", "ولن",
             "فلا", "فلم", "فلن", "وليس", "وليست"}
# ألا (أن لا, "that ... not") folds into إلا ("except") once hamzas are normalised.
AR_ALLA = {"ألا", "وألا", "بألا", "لألا"}
# Dialect negation (Egyptian, Levantine, Gulf): مش "not", مو / موب / مب "is not" (Gulf),
# مفيش / مافي "there is no", محدش "nobody"; MSA has no such word, so they are strong cues.
AR_DIALECT = {"مش", "ومش", "مو", "ومو", "موب", "مب", "ومب", "مفيش", "مافيش", "مافي",
              "ومفيش", "محدش", "ماحدش", "ومحدش"}
# The Egyptian and Levantine circumfix ما...ش written as one word (ماصدقتوش "I didn't believe
# him", ماعرفش, ماكانش): ما, a verb of two letters or more, ش. Words of three or four
# letters that only look so (ماتش "match", مارش) are too short.
AR_DIALECT_CIRCUMFIX = re.compile(r"^[وف]?ما\w{2,}ش$")
# Written in two words (ما اتأخرش "so I'm not late"), the same circumfix is a weak cue only:
# ما before a word ending in ش is also MSA "what" before one (ما يعيش "what lives").
AR_DIALECT_SPLIT = re.compile(r"(?<!\w)[وف]?ما\s+\w{2,}ش(?!\w)")
# Gulf ما before "want" and "know" (ما أبي "I don't want", ما أدري "I don't know"): a
# negation, but in a question (ما تبي؟) it may ask "what": weak there.
AR_GULF_MA = re.compile(r"(?<!\w)[وف]?ما\s+(?:أبي|ابي|تبي|يبي|نبي|تبون|يبون|أبغى|ابغى|تبغى|يبغى|"
                        r"نبغى|أدري|ادري|تدري|يدري|ندري)(?!\w)")
AR_WEAK = {"غير", "وغير", "بغير", "بدون", "دون", "ودون", "بلا", "عدم", "وعدم", "لعدم", "بعدم"}
# Lexical negation in Arabic verbs ("refused", "was unable", "failed", "lacks"), as stems.
AR_WEAK_STEMS = ("رفض", "ترفض", "يرفض", "عجز", "يعجز", "فشل", "تفشل", "يفشل", "امتنع", "يمتنع",
                 "يفتقر", "تفتقر", "افتقر", "افتقار", "يفتقد", "تفتقد", "ينقص", "تنقص",
                 # "warned ... not to", "prevented", "does not know"
                 "حذر", "يحذر", "تحذر", "منع", "يمنع", "تمنع", "يجهل", "تجهل",
                 # "forbidden": ممنوع التدخين is "No smoking" as often as "Smoking is prohibited"
                 "ممنوع", "الممنوع",
                 # "free of": لخلو سجله من السوابق "as he had no prior record"
                 "خلو", "لخلو", "يخلو", "تخلو", "خالي", "خالية")
# Idioms whose negation word negates nothing ("no later than", "whether or not"): weak cues.
EN_NOT_NEG = re.compile(r"\b(?:no (?:later|earlier|more|less|sooner) than|not long (?:after|before)|"
                        r"never (?:more|before) so|no doubt|not to mention|none other than|or not|if ever|"
                        r"(?:don't|do not) forget|"  # "remember" (تذكر)
                        r"oh,? no|"  # an exclamation (وای، "Oh no!")
                        # "not only ... but (also)" adds, it does not negate
                        r"not only\b(?=[^.;!?]*\bbut\b))\b",
                        re.IGNORECASE)
# A tag question (", isn't it?", ", don't you?") asks for agreement and negates nothing;
# the Arabic and Persian tags (أليس كذلك، مگه نه) are removed likewise.
EN_TAG = re.compile(r",\s*(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|"
                    r"should|must|wo|ca|sha|ai)n't\s+(?:I|you|he|she|it|we|they|there|that|this)"
                    r"\s*(?=[?])", re.IGNORECASE)
# ليس فقط ... بل / نه تنها ... بلکه "not only ... but also", likewise (weak cues).
AR_NOT_ONLY = re.compile(r"(?<!\w)(?:ليس|ليست|لا)\s+فقط(?=[^.؛!؟]*(?<!\w)(?:بل|لكن|ولكن|وإنما|إنما)(?!\w))")
FA_NOT_ONLY = re.compile(r"(?<!\w)نه\s+(?:تنها|فقط)(?=[^.؛!؟]*(?<!\w)بلکه(?!\w))")
AR_TAG = re.compile(r"(?<!\w)أليس(?:ت)?\s+(?:كذلك|ذلك\s+صحيح\w*|صحيح\w*)(?!\w)")
FA_TAG = re.compile(r"[،,]\s*(?:(?:(?:مگه|مگر)\s+)?نه|(?:این\s*طور|اینطور|اینجوری)\s+نیست)"
                    r"(?=\s*[؟?])")
# Interrogative negation: أ + لم/لن/ليس ("ألم تنس شيئا؟" "Aren't you forgetting something?").
# Only in a question: ألم is also the noun "pain".
AR_QUESTION_NEG = re.compile(r"(?<!\w)أ(?:لم|لن|ليس|ليست|لست|لسنا)(?!\w)|^\s*الا(?!\w)")
# لِمَ "why", not لَمْ "not": written with its vowel, or before a pronoun, a definite noun or
# a perfect of كان (negating لم takes the jussive: لم يكن).
AR_WHY_LAM = re.compile(r"(?<!\w)لِ?مَ(?!\w)|(?<!\w)لم(?=\s+(?:أنت|أنتِ|أنتم|أنتما|أنتن|أنا|"
                        r"هو|هي|هم|هما|نحن|ال\w+|كان|كانت|كنت|كنا|كانوا|كنتم)(?!\w))")
# Words of doubtful negation: ما كان "was not" or "what was", لولا "were it not for", هلا
# "won't you" (a polite request). Weak cues.
AR_MAYBE_NEG = re.compile(r"(?<!\w)(?:[وف]?ما\s+(?:كان|كانت|كنت|كنا|كانوا|كنتم)|لولا|هلا)(?!\w)")
# لا glued to an imperfect verb (لايمكن، لايبدو) as informal text writes it; weak, since a
# few names start so too (لايبزيغ).
AR_GLUED_LA = re.compile(r"^[وف]?(?:هم|هو|هي|نحن|انا|انت)?لاي\w{3,}$")
# Persian words that look like a negated verb: نزد "at", نبرد "battle".
FA_NOT_NEG = {"نزد", "نبرد", "نبردها", "نبردهای"}
# ... حرفی نزد "did not say": نزد ending a clause is the verb, before a noun "at".
_FA_NAZAD_VERB = re.compile(r"(?<!\w)نزد(?=\s*(?:[،,.؛!؟?]|$|و\s|بلکه))")

# Positive idioms built on a negation word, rendered without one in English: لا سيما
# "especially", لا بد "must", لمّ شمله "reunite", and "still" (ما زال، لا يزال، لم يزل، مازال).
_ZAL = "زال|زالت|زالوا|زلت|زلنا|زلتم|يزال|تزال|يزالون|يزالوا|تزالين|أزال|نزال|يزل|تزل|أزل|نزل"
AR_NOT_NEG = re.compile(norm_arabic(
    rf"(?<!\w)(?:(?:لا|ولا|فلا|ما|وما|فما|لم|ولم) (?:سيما|بد|شمله|شملها|{_ZAL})|"
    r"[وف]?(?:ما|لا)(?:زال|زالت|زالوا|زلت|زلنا|يزال|تزال|يزالون))(?!\w)"))
# Idioms of certainty, of consent and of limits: لا شك "no doubt", لا بأس / لا مانع "it is
# fine", لا يقل عن "at least", لا يتجاوز "no later than", أم لا "or not". Not negations,
# but the English often keeps a "no" (weak).
AR_IDIOM = re.compile(norm_arabic(
    r"(?<!\w)(?:(?:لا|ولا|فلا|مما لا|ما لا) (?:شك|ريب|بأس|مانع|يقل|تقل|يتجاوز|تتجاوز|يزيد|تزيد|يصدق|"
    r"يخفى|يخفي)|أم لا)(?!\w)"))
# ألا تقل عن "not less than": a limit ("a minimum of", "at least"), as لا يقل عن is (weak).
AR_ALLA_LIMIT = re.compile(r"(?<!\w)[وبل]?ألا (?:يقل|تقل|يتجاوز|تتجاوز|يزيد|تزيد)(?!\w)")
# ألا وهي / ألا وهو "namely": the opening ألا is an interjection, not أن لا.
AR_ALLA_NAMELY = re.compile(r"(?<!\w)ألا\s+(?=وه(?:ي|و|م|ما|ن)(?!\w))")
# كلا before punctuation is the interjection "No!"; before a noun it is "both" (كلا الجانبين).
AR_KALLA = re.compile(r"(?<!\w)كلا(?=\s*(?:[،,!.؟?:؛]|$))")
# A short quoted span opening with لا is as often a name or title («لا بومبا» "La Bomba",
# «لا ليغا») as a slogan ("لا تستسلم"): ambiguous, so weak.
AR_QUOTED_LA = re.compile(r"(?:(?<=\s)|^)[\"«“'‘]لا(?:\s+[^\s\"«»“”'‘’]+){1,2}\s?[\"»”'’]")
# A negation particle glued to the function word before it (فنحنلا، لكنلم), as happens
# in text that lost its spaces. Real words ending in لا (أولا، مثلا) have other stems.
AR_GLUED_NEG = re.compile(norm_arabic(
    r"^[وف]?(?:(?:نحن|أنا|أنت|أنتم|لكن|لكنه|لكنها|لكنهم|ولكن|لأن|لأنه|لأنها|لأنهم|إنه|أنه|"
    r"إنها|أنها|إنهم|أنهم|إذا|الذي|التي|الذين)(?:لا|لم|لن)|(?:هو|هي|هم)(?:لا|لم))$"))
# In a run of glued words (base.GLUED_RUN) where a cue's letters occur, the cue is
# invisible, so the side cannot be said to carry no negation (one weak cue).
_GLUED_CUES = {"ar": ("لا", "لم", "لن", "ليس", "غير", "دون", "عدم"),
               "fa": ("نمی", "نمي", "نیست", "هیچ", "هرگز", "بدون")}
FA_STRONG = {"نه", "هیچ", "نیست", "نیستند", "نیستیم", "نیستم", "نیستی", "نیستید", "نیستش",
             "نبود", "نبودند", "هرگز"}
FA_WEAK = {"بدون", "عدم", "بی", "غیر", "فاقد", "قاصر",
           # "forbidden" (ورود ممنوع "No entry"), ممنوعیت "ban"
           "ممنوع", "ممنوعه", "ممنوعیت",
           # خیر "no" answering a question (also "good, charity": weak)
           "خیر"}
# Persian lexical negation: بی‌/نا/بلا + a noun or adjective ("بیگناه" innocent, "نامعتبر"
# invalid, "بلااستفاده" unused). Matched on known stems only: most words starting with
# these letters are not negated (بیمار، بیش، نام، نامه، ناحیه، بلافاصله).
_FA_BI = ("گناه|کار|طرف|رحم|شک|تردید|خبر|سابقه|نظیر|اهمیت|توجه|حد|پایان|ثبات|اطلاع|دفاع|"
          "حرکت|جان|خانمان|مسئولیت|مورد|معنی|معنا|فایده|نتیجه|عدالت|اعتنا|اعتماد|احترام|"
          "تفاوت|قانون|نظم|سواد|پناه|صدا|صبر|کیفیت|ضرر|خطر|هوش|حوصله|نیاز|عیب|نقص|دلیل|"
          "ارزش|پروا|شرم|گمان|وقفه|امان|میل|ثمر|عرضه|رویه|تاب|قرار|اختیار|اثر|نام|نشان")
# نا only on adjectives that English often renders as "not X" (نامعتبر "not valid", ناکافی
# "not enough", نامشخص "not clear"); the rest have a lexical English rendering that carries
# no "not" (ناامنی "insecurity", نادیده "ignore"), so counting them would only mask flips.
_FA_NA = "معتبر|موفق|درست|کافی|مشخص|معلوم|توان|راضی|کام|مناسب|شناخته"
_FA_BALA = "استفاده|تکلیف|مانع|عوض|شک|اثر|منازع|جواب"
_FA_LEXICAL = re.compile(rf"^و?(?:بی(?:{_FA_BI})|نا(?:{_FA_NA})|بلا(?:{_FA_BALA}))"
                         r"(?:ی|ه|ان|انه|ها|های|ای|یی|ند|ید|یم|ش)*$")
# غیر "non-" (غیرقانونی), but not غیره "etc." nor غیرت "zeal".
_FA_GHEIR = re.compile(r"^و?غیر(?!ه$|ت(?:$|ی|مند))")
# Letter names spelling an acronym (بی بی سی BBC, اف بی آی FBI): بی is B, not "without".
_FA_LETTER = "بی|سی|اف|ان|ای|آی|اس|ام|دی|جی|تی|پی|وی|کیو|آر|اچ|ال"
_FA_ACRONYM = re.compile(rf"(?<!\w)(?:(?:{_FA_LETTER})[\s\u200c]+)+(?:{_FA_LETTER})(?![\w\u200c])")
# Certainty and "or not" idioms: هیچ شکی نیست "there is no doubt", یا نه "or not" (weak).
FA_IDIOM = re.compile(r"(?<!\w)(?:(?:هیچ\s+)?(?:شک|شکی|تردید|تردیدی)\s+(?:وجود\s+)?"
                      r"(?:نیست|ندارد|ندارم|نداریم)"
                      # مشکلی ندارد "is fine", اشکالی نیست "it's all right"
                      r"|(?:مشکلی|اشکالی|ایرادی|مانعی)\s+(?:ندارد|نداره|نیست|ندارند)"
                      r"|یا\s+(?:نه|خیر)(?=\s*(?:[.؟?!،,:;»\"”)]|$)))(?!\w)")
# Exceptive negation restricts rather than negates: لا ... إلا / جز ... نه mean "only".
AR_EXCEPTIVE = {"إلا", "الا", "وإلا", "سوى"}
# إلا أن "however, yet": concessive, it restricts nothing
_AR_BUT_THAT = re.compile(norm_arabic(r"\s+(?:أن|أنه|أنها|أنهم|أنهما|أننا|أني)(?!\w)"))
FA_EXCEPTIVE = {"جز", "بجز", "مگر"}
# غیر از "other than" is exceptive too (غیر از او کسی نیامد "only he came"), not غیر "non-".
FA_GHEIR_AZ = re.compile(r"(?<!\w)غیر\s+از(?!\w)")
_FA_STEMS = ("یاور|یاورد|یامد|یافت|یاب|یای|کرد|کن|شد|شو|دار|داشت|خواه|باید|بود|باش|توان|توانست|دهد|داد|ده|گرفت|گیر|"
             "رفت|رو|آمد|آی|گفت|گوی|گو|دید|بین|یافت|یاب|زد|زن|رس|رسید|ماند|مان|خورد|خور|"
             "ساخت|ساز|گذاشت|گذار|پذیر|پذیرفت|دان|دانست|خواست|کشید|کش|افتاد|افت|برد|بر|"
             "آور|آورد|شناس|شناخت|نشست|نشین|کند|گذشت|خواند|خوان|دهند|کنند|"
             # انداختن (نینداز، نیانداز), فهمیدن, خوابیدن, شنیدن, خریدن, گشتن, colloquial تونستن
             "ینداز|یانداز|یانداخت|ینداخت|فهم|فهمید|خواب|خوابید|شنو|شنید|خر|خرید|گرد|گشت|"
             "تون|تونست|پرس|پرسید|نوشت|نویس|فرست|فرستاد|ترس|ترسید|پوش|پوشید|بخش|بخشید")
_FA_END = "(?:م|ی|د|یم|ید|ین|ند|ه|ن|ست|است|ه‌اند|ه‌است|ه‌ام|یم|ید)?(?:ش|ت|م|مان|تان|شان)?"
# Colloquial short stems, with a person ending only (نشت "leak", نرم "soft" are words):
# نشن "let them not become", نشه, نره "does not go", نرن, نیومد "did not come"
_FA_COLLOQUIAL = "(?:ش|ر)(?:ه|ن|ی|ید|ین|یم|ند)|یوم(?:د|دن|ده|دی|دم|دیم|دید)?|یومده?|دین"
_FA_VERB = re.compile(rf"^(?:ن|نمی\u200c?|نمي\u200c?)(?:(?:{_FA_STEMS}){_FA_END}|{_FA_COLLOQUIAL})$")
_FA_VERB_N = re.compile(rf"^(?:ن|نمي\u200c?)(?:{norm_arabic(_FA_STEMS)}){norm_arabic(_FA_END)}$")
# A preverb goes before the negation (بازنگشت "did not return", درنیامد), on a few verbs
# only: with short stems the letters make nouns (برنده "winner", درنده، بازنده).
_FA_PREVERB_VERB = re.compile(rf"^(?:باز|بر|در)ن(?:گشت|گرد|یامد|آمد|یاورد|آورد|داشت|خورد)"
                              rf"{_FA_END}$")
# The classical prohibitive, مـ before the imperative ("do not"): مشو "do not become", مکن
# "do not do", in poetry and in set phrases. A closed list of frequent verbs, singular and
# plural (مکنید), as many words begin with م: not مدار "orbit", nor مبین "do not see", which
# news writes as "manifest" (دین مبین).
FA_PROHIBITIVE = {norm_arabic(w) for w in """
مشو مکن مرو مگو مگوی مزن مده مپرس منال مخور مکش مگیر مبر مترس مریز مباش مخواه مپوش
مرنج مرنجان مسوز مساز مجو مجوی مبند مگذار مشکن مخند مپندار منشین مکوش مپسند مخسب مفروش
مشوید مکنید مروید مگویید مزنید مدهید مپرسید منالید مخورید مکشید مگیرید مبرید مترسید مریزید
مباشید مخواهید مپوشید مرنجید مسوزید مسازید مجویید مبندید مگذارید مشکنید مخندید مپندارید
منشینید مکوشید مپسندید
""".split()}
_AR_STRONG_N = {norm_arabic(c) for c in AR_STRONG | AR_DIALECT}
_FA_STRONG_N = {norm_arabic(c) for c in FA_STRONG}
_AR_WEAK_N = {norm_arabic(c) for c in AR_WEAK}
_AR_WEAK_STEMS_N = tuple(norm_arabic(c) for c in AR_WEAK_STEMS)
_AR_EXCEPTIVE_N = {norm_arabic(c) for c in AR_EXCEPTIVE}
_AR_PUNCT = re.compile(r"[،؛؟٪٫٬۔«»]")


# "No." / "Nos." before a figure, a bracket or # abbreviates "number" ("Law No. (15)",
# "no. 5", "Nos. 3 and 4", "No. #2"): no negation.
EN_NUMBER_ABBR = re.compile(r"\b[Nn][Oo][Ss]?\.\s*(?=[#(\[]|\d)")


def _english_cues(text: str) -> tuple[int, int]:
    """(strong, weak) of an English text; idioms are weak, "No. 5" is a number."""
    text = EN_NUMBER_ABBR.sub(" ", EN_TAG.sub(" ", text))
    text, idioms = EN_NOT_NEG.subn(" ", text)
    return len(EN_STRONG.findall(text)), len(EN_WEAK.findall(text)) + idioms


def _arabic_phrases(text: str) -> tuple[str, int, int]:
    """Resolve Arabic cues that need context (punctuation, quotes, hamza) before
    tokenising: (normalised rest of the text, strong, weak)."""
    text = AR_WHY_LAM.sub(" ", text.replace("ّ", ""))  # its vowels tell لِمَ from لَمْ
    question = bool(re.search("[؟?]", text))
    text = AR_TAG.sub(" ", strip_diacritics(text))
    text, asked = AR_QUESTION_NEG.subn(" ", text)
    text, maybe = AR_MAYBE_NEG.subn(" ", text)
    text, only = AR_NOT_ONLY.subn(" ", text)
    maybe += only
    text, weak = AR_QUOTED_LA.subn(" ", text)
    text, split = AR_DIALECT_SPLIT.subn(" ", text)
    text, gulf = AR_GULF_MA.subn(" ", text)
    weak += maybe + split + (gulf if question else 0)
    text, strong = AR_KALLA.subn(" ", text)
    text = AR_ALLA_NAMELY.sub(" ", _AR_PUNCT.sub(" ", text))
    text, limits = AR_ALLA_LIMIT.subn(" ", text)
    weak += limits
    alla = [t for t in text.split() if t in AR_ALLA]
    text = norm_arabic(" ".join(t for t in text.split() if t not in AR_ALLA))
    text, idioms = AR_IDIOM.subn(" ", text)
    strong += len(alla) + (asked if question else 0) + (0 if question else gulf)
    return AR_NOT_NEG.sub(" ", text), strong, weak + idioms


def _persian_weak(tok: str) -> bool:
    """Lexical negation in a Persian word: بدون/عدم/بی‌..., a known بی/نا/بلا stem, غیر-,
    or a ‌ناپذیر "un-...-able" part (اجتناب‌ناپذیر "inevitable")."""
    parts = tok.split("\u200c")
    if tok in FA_WEAK or parts[0] in FA_WEAK or any(p.startswith("ناپذیر") for p in parts):
        return True
    joined = tok.replace("\u200c", "")
    return bool(_FA_LEXICAL.match(joined) or _FA_GHEIR.match(joined))


@lru_cache(maxsize=4096)
def negation_cues(text: str, lang: str) -> tuple[int, int]:
    """(strong, weak) negation cue counts of a text; cached, since the negation and the
    direction checks both read each bead's two sides."""
    if lang == "en":
        return _english_cues(text)
    strong = weak = exceptive = 0
    if lang == "ar":
        text, strong, weak = _arabic_phrases(text)
    else:
        text = FA_TAG.sub(" ", text)
        text, weak = FA_IDIOM.subn(" ", text)
        text, only = FA_NOT_ONLY.subn(" ", text)
        weak += only
        # هرگز in a question is "ever" (آیا هرگز ...؟ "did you ever ...?")
        if re.search(r"[؟?]|(?<!\w)آیا(?!\w)", text):
            text, ever = re.subn(r"(?<!\w)هرگز(?!\w)", " ", text)
            weak += ever
        text, exceptive = FA_GHEIR_AZ.subn(" ", text)
        text = _FA_ACRONYM.sub(" ", _AR_PUNCT.sub(" ", text))  # «نه،» is the word نه
    for word in re.finditer(r"[\u0600-\u06ff\u200c]+", text):
        tok = word.group(0).strip("\u200c")
        if len(tok.replace("\u200c", "")) >= GLUED_RUN:
            weak += any(c in tok for c in _GLUED_CUES[lang])
            continue
        if lang == "ar":
            strong += (tok in _AR_STRONG_N or bool(AR_GLUED_NEG.match(tok))
                       or bool(AR_DIALECT_CIRCUMFIX.match(tok)))
            bare = re.sub("^[وف]", "", tok)  # ولعدم is و + لعدم
            weak += (tok in _AR_WEAK_N or bare in _AR_WEAK_N or bare.startswith(_AR_WEAK_STEMS_N)
                     or bool(AR_GLUED_LA.match(tok)))
            # إلا أن is "however" (concessive), not the "except" that restricts a negation
            exceptive += tok in _AR_EXCEPTIVE_N and not _AR_BUT_THAT.match(text, word.end())
            continue
        if tok in FA_NOT_NEG and not (tok == "نزد" and _FA_NAZAD_VERB.match(text, word.start())):
            continue
        if tok in FA_EXCEPTIVE:
            exceptive += 1
            continue
        first = tok.split("\u200c")[0]
        if (tok in FA_STRONG or norm_arabic(tok) in _FA_STRONG_N or first in {"نمی", "نمي"}
                or tok.startswith(("نمی", "نمي")) or norm_arabic(tok) in FA_PROHIBITIVE):
            strong += 1
        elif (_FA_VERB.match(tok) or _FA_VERB_N.match(norm_arabic(tok))
              or _FA_PREVERB_VERB.match(tok)):
            strong += 1
        elif _persian_weak(tok):
            weak += 1
    moved = strong if exceptive else 0  # "not ... except" restricts: count it as weak
    return strong - moved, weak + moved


def _homographs(src: str, tgt: str, lang: str) -> int:
    """Strong cues of the original that its English shows to be other words: Persian نه
    "nine" where the English says nine, Arabic لم "why" in a question the English asks with
    "why", فلم "film" where the English has a film or movie."""
    def count(pattern: str, text: str) -> int:
        return len(re.findall(pattern, text, re.IGNORECASE))
    if lang == "fa":
        return min(count(r"(?<!\w)نه(?!\w)", src), count(r"\b(?:nine|9)\b", tgt))
    # "why" left once لماذا and the لِمَ the original writes as such are accounted for
    why = (count(r"\bwhy\b", tgt) - count(r"(?<!\w)[وف]?لماذا(?!\w)", src)
           - len(AR_WHY_LAM.findall(src)))
    bare = strip_diacritics(AR_WHY_LAM.sub(" ", src))
    lam = count(r"(?<!\w)لم(?!\w)", bare) if re.search("[؟?]", src) else 0
    film = min(count(r"(?<!\w)فلم(?!\w)", src), count(r"\b(?:film|movie)s?\b", tgt))
    # Gulf مو "not" is also the name Mo (مو صلاح "Mo Salah")
    mo = min(count(r"(?<!\w)و?مو(?!\w)", src), len(re.findall(r"\bMo\b", tgt)))
    return min(lam, max(0, why)) + film + mo


# A restriction: a negation before إلا / سوى ("not ... except", that is "only"): لا يُعطى
# للأطفال إلا باستشارة الطبيب "it is given to children only on a doctor's advice".
_AR_RESTRICTS = re.compile(norm_arabic(
    r"(?<!\w)[وف]?(?:لا|لم|لن|ما|ليس|ليست|لست|ليسوا)(?!\w)[^.!?؟;؛]{0,80}?(?<!\w)[وف]?(?:إلا|سوى)(?!\w)"))
# The English says "except" (or "other than", "apart from", "but for") with no negation and no
# "only" beside it: "give it to children except on a doctor's advice", the reverse.
_EN_EXCEPT = re.compile(r"\b(?:except|excepting|other than|apart from|but for|save for)\b", re.I)
_EN_ONLY = re.compile(r"\b(?:only|solely|just|exclusively|unless|merely|alone)\b", re.I)


def restriction_reversed(src: str, tgt: str, lang: str) -> bool:
    """The original restricts ("not ... except", that is "only") and the English excepts
    without a negation or an "only": what the original allows only by exception, the
    English allows but for the exception."""
    if lang != "ar" or not _AR_RESTRICTS.search(norm_arabic(strip_diacritics(src))):
        return False
    if not _EN_EXCEPT.search(tgt) or _EN_ONLY.search(tgt):
        return False
    strong, weak = negation_cues(tgt, "en")
    return not (strong or weak)


# Words that carry a restriction into English without a negation: "only", "but" ("nothing
# but", "but a man"), "except", "alone"... A restriction rendered with none of them and no
# negation is lost: لا يكلف الله نفسا إلا وسعها made "God burdens a soul beyond what it can
# bear" (the English for it says "does not burden ... beyond").
_EN_RESTRICTS = re.compile(r"\b(?:but|only|solely|just|exclusively|merely|simply|alone|sole|"
                           r"unless|until|till|except|excepting|save|other than|apart from|"
                           r"rather than|instead)\b", re.I)


_EN_NOT_ONLY = re.compile(r"\bnot (?:only|just|merely|simply)\b|\b(?:also|as well|too)\b", re.I)


def not_only_negated(src: str, tgt: str, lang: str) -> bool:
    """The original says "not only A but also B" (نه تنها ... بلکه, ليس فقط ... بل) and no
    other negation, and the English negates without "only" or "also": "is not A but B"
    denies what the original grants. The counts agree (the original's "not only" is a weak
    cue), so this reads the construction itself."""
    pattern, text = (AR_NOT_ONLY, strip_diacritics(src)) if lang == "ar" else (FA_NOT_ONLY, src)
    if not pattern.search(text) or negation_cues(src, lang)[0]:
        return False
    return negation_cues(tgt, "en")[0] > 0 and not _EN_NOT_ONLY.search(tgt)


# إلا أن after a concession is "yet", no restriction: رغم أن المعركة لم تنته بعد، إلا أن
# الخلاف قد يكون مفيدا "while the battle is far from over, the rift may be useful". And "none
# but" of everyone is everyone: لم يبق أحد إلا وحضر "everyone attended".
_EN_UNIVERSAL = re.compile(r"\b(?:every\w*|all|always|each|any\w*|whole)\b", re.I)


def restriction_lost(src: str, tgt: str, lang: str) -> bool:
    """The original restricts ("not ... except", that is "only") and the English has neither
    a negation nor a word that restricts: the English states as a fact what the original
    denies but for one thing."""
    if lang != "ar":
        return False
    text = norm_arabic(strip_diacritics(src))
    if not any(not _AR_BUT_THAT.match(text, m.end()) for m in _AR_RESTRICTS.finditer(text)):
        return False
    if _EN_RESTRICTS.search(tgt) or _EN_UNIVERSAL.search(tgt):
        return False
    strong, weak = negation_cues(tgt, "en")
    return not (strong or weak)


# "Still" and "no longer" are each other's reverse, and both hide their negation: لا يزال,
# ما زال, ما برح, ما فتئ, ما انفك, هنوز "still"; لم يعد, ما عاد, دیگر + a negated verb, "no
# longer", "not ... any more" "no longer". "Still homeless" made "no longer homeless" keeps
# a weak cue (بلا, "-less") on both sides, so the cue counts cannot see it.
_AR_STILL = re.compile(norm_arabic(
    rf"(?<!\w)(?:(?:[وف]?(?:لا|ما|لم) (?:{_ZAL}|برح|برحت|يبرح|تبرح|فتئ|فتئت|يفتأ|تفتأ|انفك|انفكت|"
    r"ينفك|تنفك))|[وف]?(?:ما|لا)(?:زال|زالت|زالوا|يزال|تزال|يزالون))(?!\w)"))
_AR_NO_LONGER = re.compile(norm_arabic(
    r"(?<!\w)[وف]?(?:(?:لم|لن|لا) (?:يعد|تعد|يعودوا|نعد|اعد|تعودوا|يعود|تعود)|ما عاد|ما عادت)(?!\w)"))
_FA_STILL = re.compile(r"(?<!\w)هنوز(?!\w)")
_FA_NO_LONGER = re.compile(r"(?<!\w)دیگر\s+(?:نمی|ن(?:بود|یست|دار|خواه|شد|کرد|کن)|هیچ)")
_EN_STILL = re.compile(r"\bstill\b", re.I)
_EN_NO_LONGER = re.compile(r"\bno longer\b|\bnot\b[^.;!?]{0,40}?\b(?:any ?more|any longer)\b", re.I)


def continuation_reversed(src: str, tgt: str, lang: str) -> bool:
    """The original says "still" and the English "no longer", or the reverse."""
    if lang == "ar":
        text = norm_arabic(strip_diacritics(src))
        still, no_longer = bool(_AR_STILL.search(text)), bool(_AR_NO_LONGER.search(text))
    else:
        still, no_longer = bool(_FA_STILL.search(src)), bool(_FA_NO_LONGER.search(src))
    en_still, en_no_longer = bool(_EN_STILL.search(tgt)), bool(_EN_NO_LONGER.search(tgt))
    return (still and not no_longer and en_no_longer and not en_still) or (
        no_longer and not still and en_still and not en_no_longer)


# Cues the two sides write alike, which cancel before the cue counts are compared: "without"
# for بدون / دون / بلا, "unless" for ما لم / إن لم (Persian: تا / اگر / مگر with a negated
# verb, تا بودجه تصویب نشود "unless the budget is approved"). Otherwise the English's
# "without" hid a dropped negation beside it ("cannot be solved without" made "can be solved
# without"), and its "unless" likewise.
_EN_WITHOUT = re.compile(r"\bwithout\b", re.I)
_EN_UNLESS = re.compile(r"\bunless\b", re.I)
_SRC_WITHOUT = {"ar": re.compile(r"(?<!\w)[وف]?(?:بدون|دون|بلا|بغير|من غير)(?!\w)"),
                "fa": re.compile(r"(?<!\w)و?بدون(?!\w)")}
_SRC_UNLESS = {"ar": re.compile(norm_arabic(r"(?<!\w)[وف]?(?:ما|إن|إذا|لو) لم(?!\w)")),
               "fa": re.compile(r"(?<!\w)(?:تا|اگر|مگر)(?!\w)")}


# بدون هیچ "without any": the هیچ after "without" negates nothing ("without a trace").
_FA_WITHOUT_ANY = re.compile(r"(?<!\w)و?بدون\s+هیچ(?!\w)")


def paired_cues(src: str, tgt: str, lang: str) -> tuple[int, int]:
    """(original strong cues, English weak cues) that render a cue of the other side and
    cancel: each "unless" takes one strong cue of a conditional, each "without" the English
    weak cue of an original بدون / دون (and the هیچ of بدون هیچ, "without any")."""
    if lang not in _SRC_WITHOUT:
        return 0, 0
    text = norm_arabic(strip_diacritics(src)) if lang == "ar" else src
    en_without = len(_EN_WITHOUT.findall(tgt))
    unless = min(len(_EN_UNLESS.findall(tgt)), len(_SRC_UNLESS[lang].findall(text)))
    without = min(en_without, len(_SRC_WITHOUT[lang].findall(src)))
    any_after = min(en_without, len(_FA_WITHOUT_ANY.findall(src))) if lang == "fa" else 0
    return unless + any_after, without


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
        s_strong = max(0, s_strong - _homographs(bead.src, bead.tgt, ctx.src_lang))
        t_strong, t_weak = negation_cues(bead.tgt, "en")
        # A different number of negations is weaker evidence than none vs some (one of two
        # negations lost, "not unable"), so it goes to the calibration, not to a flag.
        if s_strong != t_strong:
            same_total = s_strong + s_weak == t_strong + t_weak
            bead.signals["neg_diff"] = 0.5 if same_total else 1.0
        # the English's "without" and "unless" that render the original's بدون and ما لم
        # cancel, for the flag only (the calibration's neg_diff above stays as it was
        # fitted); the original keeps its weak cues, which may render an English "no"
        paired_strong, without = paired_cues(bead.src, bead.tgt, ctx.src_lang)
        paired_strong = min(paired_strong, s_strong)
        s_strong = s_strong - paired_strong
        t_weak = max(0, t_weak - paired_strong - without)
        if s_strong and not (t_strong or t_weak):
            detail = (f"the original negates ({s_strong} cue{'s' if s_strong > 1 else ''}) "
                      "but the English has no negation")
        elif t_strong and not (s_strong or s_weak):
            cue = EN_STRONG.search(EN_NOT_NEG.sub(" ", EN_NUMBER_ABBR.sub(" ", bead.tgt)))
            detail = (f"the English negates (\"{cue.group(0).strip() if cue else ''}\") "
                      "but the original has no negation")
        elif restriction_reversed(bead.src, bead.tgt, ctx.src_lang):
            # the restriction's negation counts as a weak cue, so the counts above agree;
            # the calibration reads this as a lost negation, as it is
            bead.signals["neg_diff"] = 1.0
            word = _EN_EXCEPT.search(bead.tgt)
            detail = ("the original says \"none but\" (not ... except, that is \"only\"); the "
                      f"English says \"all but\" (\"{word.group(0) if word else ''}\")")
            return [Flag("negation", "medium", detail, 0.75,
                         {"original_cues": [s_strong, s_weak], "english_cues": [t_strong, t_weak]})]
        elif restriction_lost(bead.src, bead.tgt, ctx.src_lang):
            bead.signals["neg_diff"] = 1.0  # as a reversed restriction
            detail = ("the original says \"none but\" (not ... except, that is \"only\"); the "
                      "English has no negation and no \"only\"")
            return [Flag("negation", "medium", detail, 0.75,
                         {"original_cues": [s_strong, s_weak], "english_cues": [t_strong, t_weak]})]
        elif not_only_negated(bead.src, bead.tgt, ctx.src_lang):
            bead.signals["neg_diff"] = 1.0  # as a reversed restriction
            cue = EN_STRONG.search(bead.tgt)
            detail = ("the original says \"not only ... but also\"; the English negates "
                      f"(\"{cue.group(0) if cue else ''}\") without the \"only\"")
            return [Flag("negation", "medium", detail, 0.75,
                         {"original_cues": [s_strong, s_weak], "english_cues": [t_strong, t_weak]})]
        elif continuation_reversed(bead.src, bead.tgt, ctx.src_lang):
            # as a restriction: the cue counts agree, the calibration must read a lost negation
            bead.signals["neg_diff"] = 1.0
            still = bool(_EN_STILL.search(bead.tgt))
            detail = ("the original says \"no longer\"; the English says \"still\"" if still
                      else "the original says \"still\"; the English says \"no longer\"")
            return [Flag("negation", "medium", detail, 0.75,
                         {"original_cues": [s_strong, s_weak], "english_cues": [t_strong, t_weak]})]
        else:
            return []
        score = 0.75 if abs(s_strong - t_strong) == 1 else 0.85
        return [Flag("negation", "medium", detail, score,
                     {"original_cues": [s_strong, s_weak], "english_cues": [t_strong, t_weak]})]
