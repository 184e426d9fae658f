"""Negation cues on real NTREX-style sentences: idioms, lexical negation, names and glued text
that used to raise false alarms, and the flipped negations that must still flag."""

from __future__ import annotations

import pytest

from mlalign.drift import DriftConfig
from mlalign.drift.base import CheckContext
from mlalign.drift.negation import NegationCheck, negation_cues
from mlalign.types import Bead


def _flags(src: str, tgt: str, lang: str) -> list:
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    return NegationCheck().check(Bead([0], [0], src, tgt), ctx)


# --- clean pairs that must stay quiet --------------------------------------------------

@pytest.mark.parametrize(("src", "tgt", "lang"), [
    # limit idiom: لا يتجاوز "no later than"
    ("من المتوقع أن يحدث التصويت الإجرائي الأول في موعد لا يتجاوز يوم الجمعة.",
     "The first procedural vote is expected to take place no later than Friday.", "ar"),
    # لا شك "no doubt" (ك must match after letter normalisation)
    ("لكن لا شك أن آير يستحق الانتصار في مباراة اليوم.",
     "But Ayr certainly deserved to triumph in the match of the day.", "ar"),
    # كلا followed by a comma is the interjection "No"
    ("كلا، اوه انتظر لحظة – أجابت بلغة جسد سيئة حقًا.",
     "No, uh no, I wait one - that was really bad body language.", "ar"),
    # a short quoted title opening with لا
    ('تألقت القبعات كبيرة الحجم في أعقاب "لا بومبا"، قبعة القش ذات الحافة العريضة.',
     "The out-sized hats come hot on the heels of 'La Bomba', the straw hat with a wide brim.",
     "ar"),
    # English lexical negation in- + -able
    ("وهو الأمر الذي لا جدال فيه في كأس رايدر.", "the indisputable story of the Ryder Cup.", "ar"),
    # spaces lost: the cue (لم) is inside a glued run
    ("زاربومبيوكورياالشماليةثلاثمراتمسبقًاهذاالعام،لكنزيارتهالأخيرةلمتسرعلىمايرام.",
     "Pompeo has visited North Korea three times already this year, but his last trip did not go"
     " well.", "ar"),
    # a particle glued to the pronoun before it
    ("بالنسبة للكثير من أنواعنا، فنحنلا نعرف كيف ترتحل أعدادهم.",
     "for many of our species we just don't know how their populations are faring.", "ar"),
    # ينقص "was lacking" is a lexical negation
    ("وكان ينقص فريق رينجرز الإلهام.", "Rangers never looked inspired.", "ar"),
    # نیستم: first person of نیست
    ("او گفت: «من در دور انتخابات نیستم اما در حقیقت هستم.»",
     "I'm not running, but I'm really running,\" he said.", "fa"),
    # "no doubt" / هیچ شکی نیست: both idioms, neither side is a bare negation
    ("اما هیچ شکی نیست که آیر شایسته این پیروزی بود.",
     "but there is no doubt Ayr deserved to triumph.", "fa"),
    ("اما هیچ شکی نیست که آیر شایسته این پیروزی بود.", "but Ayr clearly deserved to triumph.", "fa"),
    # Persian lexical negation written without the half-space: بیگناه "not guilty"
    ("وی در دادگاه حاضر شد و خود را «با اطمینان بیگناه» اعلام کرد.",
     "He appeared in court, where he declared himself \"not guilty, for sure\".", "fa"),
    ("او شرکتها را متهم به تملک زمین و بلااستفاده گذاشتن آن کرد.",
     "He accused firms of snapping up land but not using it.", "fa"),
    ("این سند نامعتبر است.", "This document is not valid.", "fa"),
    ("تصرف این زمین‌ها غیرقانونی است.", "Seizing this land is not legal.", "fa"),
    # "care less" is the English rendering of a negated verb
    ("او گفت پدر شدن باعث شده دیگر به بردن المپیک اهمیت ندهد.",
     "He also said becoming a parent made him care less about winning the Olympics.", "fa"),
])
def test_clean_pairs_do_not_flag(src: str, tgt: str, lang: str) -> None:
    assert _flags(src, tgt, lang) == []


# --- flipped negations that must still flag --------------------------------------------

@pytest.mark.parametrize(("src", "tgt", "lang"), [
    # "United" is not un- + ited
    ("لم توقع الولايات المتحدة على الاتفاق.", "The United States signed the agreement.", "ar"),
    # a long quote opening with لا is a negation, not a title
    ('وعلّق على ذلك، "لا أحتاج إلى مباريات تحضيرية قبل الموسم".',
     '"I need preseason games at this stage of my career," he said.', "ar"),
    # بی in an acronym (بی بی سی "BBC") is a letter, not "without"
    ("او فیلمبردار بی بی سی بوده است.", "He has not been a BBC cameraman.", "fa"),
    ("من در دور انتخابات نیستم.", "I am running for election.", "fa"),
])
def test_flipped_negations_still_flag(src: str, tgt: str, lang: str) -> None:
    flags = _flags(src, tgt, lang)
    assert flags and flags[0].type == "negation"


# --- cue counts --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("على كلا جانبي المحيط الأطلسي", "ar"),  # كلا before a noun: "both"
    ("ثلاثة تحديات، ألا وهي الأمن والتعليم والصحة.", "ar"),  # ألا وهي "namely"
    ("مازالت التقارير الواردة مستمرة", "ar"),  # "still", glued
    ("لا زلت أتذكر ذلك اليوم", "ar"),
    ("لم يزل الأمر غامضًا", "ar"),
    ("أولًا، سنقوم بزيارة بغداد مثلًا", "ar"),  # words ending in لا
    ("في راشدين، بلديةنورثهامبتونشاير، يوم السبت", "ar"),  # a glued run without cue letters
    ("غیر از او کسی نیامد", "fa"),  # غیر از ... نه: exceptive, "only he came"
])
def test_not_a_strong_cue(text: str, lang: str) -> None:
    assert negation_cues(text, lang)[0] == 0


@pytest.mark.parametrize("text", [
    "imaginable, intelligible and interchangeable parts",  # in-/im- that do not negate
    "the United States university students understand",  # un- that does not negate
    "a distant discovery: the dish was displayed",  # dis- that does not negate
    "he walked out of the room",
])
def test_english_words_that_are_no_cue_at_all(text: str) -> None:
    assert negation_cues(text, "en") == (0, 0)


@pytest.mark.parametrize(("text", "lang"), [
    ("سواء كنت سأشفى أم لا.", "ar"),  # أم لا "or not"
    ("مما لا شك فيه أنه سيفوز", "ar"),
    ("نمی‌دانم آیا او می‌آید یا نه.", "fa"),  # یا نه "or not" (نمی‌ still strong)
    ("شکی وجود ندارد", "fa"),
    ("no later than Friday", "en"),
    ("the indisputable story of an irreplaceable instrument", "en"),
    ("Mr. Rosenstein says the account is inaccurate.", "en"),  # دقیق نیست "is not accurate"
    ("He disqualifies himself with those statements.", "en"),  # واجد شرایط نیست
    ("ensure your bills get paid if you're incapacitated", "en"),  # توانایی ندارید
    ("Out-of-form Mickelson benched on Ryder Cup Saturday", "en"),  # لم يؤدِ جيدًا
    ("نظرًا لبقاء الجثث ولعدم القدرة على الوصول إليها", "ar"),  # و + لعدم
])
def test_idioms_and_lexical_negation_are_weak_cues(text: str, lang: str) -> None:
    assert negation_cues(text, lang)[1] >= 1


@pytest.mark.parametrize(("text", "expected"), [
    ("بیگناه", (0, 1)), ("بیکاری", (0, 1)), ("ناموفق", (0, 1)), ("ناتوانند", (0, 1)),
    ("بلااستفاده", (0, 1)), ("غیرقانونی", (0, 1)), ("فاقد", (0, 1)),
    ("اجتناب‌ناپذیر", (0, 1)), ("شکست ناپذیری", (0, 1)), ("ای بی‌خبر", (0, 1)),
    # words that merely start with بی / نا / بلا / غیر
    ("بیمار", (0, 0)), ("بیشتر", (0, 0)), ("بین", (0, 0)), ("نام", (0, 0)), ("نامه", (0, 0)),
    ("نامزد", (0, 0)), ("ناحیه", (0, 0)), ("ناتو", (0, 0)), ("ناگهانی", (0, 0)),
    ("بلافاصله", (0, 0)), ("غیره", (0, 0)), ("غیرت", (0, 0)),
    ("بی بی سی", (0, 0)), ("اف‌بی‌آی", (0, 0)),
    ("نیستی", (1, 0)), ("نیستید", (1, 0)),
])
def test_persian_lexical_negation(text: str, expected: tuple[int, int]) -> None:
    assert negation_cues(text, "fa") == expected
