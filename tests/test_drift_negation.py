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
    # tag questions ask for agreement and negate nothing
    ("إنك متعب ، أليس كذلك؟", "You are tired, aren't you?", "ar"),
    ("إنكَ متعبٌ، أليسَ كذلكَ؟", "You are tired, aren't you?", "ar"),  # with its vowels
    ("سيذهب إلى طوكيو غداً، أليس ذلك صحيحاً؟", "He will go to Tokyo tomorrow, won't he?", "ar"),
    ("با تام موافقی، نه؟", "You agree with Tom, don't you?", "fa"),
    ("تام حتماً دور می‌زند، اینطور نیست؟", "Tom does get around, doesn't he?", "fa"),
    # لِمَ "why" is no negation: vowelled, before a pronoun, or where the English asks why
    ("لمَ أبقيت هذا سرًّا؟", "Why did you keep that a secret?", "ar"),
    ("لم أنت مستعجل؟", "Why are you in such a hurry?", "ar"),
    ("لم تركت وظيفتك؟", "Why did you quit your job?", "ar"),
    ("أريد أن أعرف لم كنت مضطرّا للقيام بذلك.", "I want to know why I needed to do that.", "ar"),
    ("هذا أسوأ فلم شاهدته في حياتي.", "This is the worst movie I have ever seen.", "ar"),
    # interrogative أ + لم, and a polite هلا, are negations the English keeps
    ("ألم تنس شيئا؟", "Aren't you forgetting one thing?", "ar"),
    ("هلّا شاركتنا الحديث؟", "Won't you join our conversation?", "ar"),
    ("ما كان يجب علي أن أثق بتوم", "I shouldn't have trusted Tom.", "ar"),
    ("لايبدو أن توم يتجاوب مع العلاج", "Tom doesn't seem to be responding to the treatment.", "ar"),
    ("لقد حذّرت الأولاد من اللعب على الطريق.", "She warned the children not to play on the street.",
     "ar"),
    ("لن يستطيع أن يدرس من شدة التعب.", "He is too tired to study.", "ar"),
    ("تذكر دائمًا كافة التفاصيل البسيطة", "Don't forget the small details", "ar"),
    ("ترىالخسة فيما يفعلون، فهملايلقون أي اهتمام", "they don't care who they hurt", "ar"),
    ("علاوه بر پسرش، دخترش نیز مشهور است.", "Not only his son, but his daughter is also famous.",
     "fa"),
    # Persian negated verbs: more stems, object clitics, a preverb, Arabic ي in نيست
    ("فرصت خوب را به دور نیانداز.", "Don't throw away a good opportunity.", "fa"),
    ("ترجیح می دهم که نخورمش.", "I'd better not eat that.", "fa"),
    ("او هیچگاه دوباره به کشور موطن خود بازنگشت.", "He was never to return to his country.",
     "fa"),
    ("این اصلا برای من مهم نيست", "It doesn't matter at all to me.", "fa"),
    # هرگز in a question is "ever"; نه before a number word's English is "nine"
    ("آیا هرگز او آن را انجام خواهد داد؟", "Will he ever do it?", "fa"),
    ("ساعت یک ربع بعد از نه است.", "It's a quarter past nine.", "fa"),
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
    # لم after لِمَ still negates; "why" is spent on the لِمَ
    ("لمَ لم تصدقني؟", "Why did you believe me?", "ar"),
    ("لم تركت وظيفتك؟", "You quit your job.", "ar"),  # no "why" in the English
    ("ألم تنس شيئا؟", "Are you forgetting one thing?", "ar"),
    # برنده "winner" is no negated verb, but a preverb verb is
    ("او دوباره به کشور خود بازنگشت.", "He returned to his country.", "fa"),
    # "not only" without a "but" is a plain negation
    ("مجازات فقط برای السالوادور اعمال شد.", "Penalties were not only considered against El Salvador.",
     "fa"),
    ("این مهم نيست", "It matters to me.", "fa"),
    # نزد ending a clause is the verb "did not say/hit", not the preposition "at"
    ("رییس جمهور حرفی از شهادت فورد نزد، بلکه از سنا گفت.",
     "The president spoke about Ford's testimony and the Senate.", "fa"),
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
    ("فکر می کنم تام برنده خواهد شد.", "fa"),  # برنده "winner", not بر + نده
    ("او نزد پدرش رفت.", "fa"),  # نزد before a noun is "at", wherever another نزد stands
    ("ألم في الظهر منذ أسبوع", "ar"),  # ألم "pain" outside a question
    ("ليس فقط للاستمتاع بالعروض، ولكن أيضًا لزيادة الوعي", "ar"),  # "not only ... but also"
    ("نه تنها از اجراها لذت ببرند، بلکه آگاهی را بالا ببرند", "fa"),
    ("to not only enjoy the acts, but also to raise awareness", "en"),
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


@pytest.mark.parametrize("text", [
    "Law No. (15) of 2019 on the Protection of Personal Data",
    "as set out in article no. 5 of the contract",
    "Ticket No. #2 was drawn first.",
    "Resolution No.[12] was adopted.",
])
def test_no_before_a_number_abbreviates_number(text: str) -> None:
    assert negation_cues(text, "en")[0] == 0


@pytest.mark.parametrize("text", [
    "حضوری گر همی‌خواهی از او غایب مشو حافظ",  # مشو "do not be"
    "این کار را مکن",  # مکن "do not do"
    "مرو به هند",
    "به کسی مگویید",  # plural
])
def test_the_persian_prohibitive_is_a_negation(text: str) -> None:
    assert negation_cues(text, "fa")[0] == 1


@pytest.mark.parametrize(("text", "strong"), [
    ("کسایی که قبول نشدن ناامید نشن، سال بعد هم هست.", 2),  # نشن "let them not become"
    ("فردا مدرسه نره.", 1), ("بچه‌ها امروز نیومدن.", 1), ("اگه نشه چی؟", 1),
    ("لوله نشت کرد و فرش نرم خیس شد.", 0),  # نشت "leak", نرم "soft"
])
def test_colloquial_persian_negated_verbs_of_short_stems(text: str, strong: int) -> None:
    """Tweets and dialogue write شدن, رفتن and آمدن short (نشن, نره, نیومد): the faithful
    "don't lose hope" for ناامید نشن counted one negation more than its original, and the
    planted "lose hope" none fewer."""
    assert negation_cues(text, "fa")[0] == strong


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("ممنوع التدخين.", "No smoking.", "ar"),
    ("ممنوع الأكل والشرب داخل المكتبة.", "No eating or drinking inside the library.", "ar"),
    ("ورود ممنوع.", "No entry.", "fa"),
    ("عکاسی در موزه ممنوع است.", "Photography is not allowed in the museum.", "fa"),
])
def test_forbidden_signs_are_no_flipped_negation(src: str, tgt: str, lang: str) -> None:
    """ممنوع "forbidden" is what a sign's "No smoking" renders; before, the English "No"
    stood against an original without a cue and drew a high flag."""
    assert _flags(src, tgt, lang) == []


@pytest.mark.parametrize("text", ["Smoking is prohibited here.", "Entry is forbidden.",
                                  "The ban on imports was lifted.", "They banned the march."])
def test_english_prohibitions_are_weak_cues(text: str) -> None:
    """"prohibited", "forbidden", "banned" render ممنوع / منع and negate lexically: weak."""
    assert negation_cues(text, "en") == (0, 1)


def test_persian_kheir_answering_no_is_no_flipped_negation() -> None:
    assert _flags("خیر، یارانه‌ها ادامه خواهد داشت.", "No, subsidies will continue.", "fa") == []


# --- dialect negation (third real-genre sweep, 2026-12-07) -----------------------------

@pytest.mark.parametrize(("src", "tgt"), [
    # Egyptian مش, محدش "nobody", the circumfix ما...ش in one word and in two
    ("أنا مش فاهم ليه الأتوبيس اتأخر النهارده.", "I don't understand why the bus was late today."),
    ("استنيت ساعة كاملة في المحطة ومحدش قال لنا حاجة.",
     "I waited a whole hour at the stop and nobody told us anything."),
    ("بس أنا ماصدقتوش خالص.", "But I didn't believe him at all."),
    ("بكرة هاركب المترو أحسن، عشان ما اتأخرش على الشغل تاني.",
     "Tomorrow I'll take the metro instead, so I'm not late for work again."),
    # Gulf مو and مب "is not"
    ("الجو اليوم مو حار مثل أمس.", "The weather today isn't as hot as yesterday."),
    ("أخوي مب موجود، راح الدوام من الصبح.", "My brother isn't here; he went to work this morning."),
    # Gulf ما before "want"
    ("ما أبي أطلع من البيت قبل العصر.", "I don't want to leave the house before the afternoon."),
])
def test_dialect_negation_is_a_negation(src: str, tgt: str) -> None:
    assert not _flags(src, tgt, "ar")


@pytest.mark.parametrize(("src", "tgt"), [
    ("أنا مش فاهم ليه الأتوبيس اتأخر النهارده.", "I understand why the bus was late today."),
    ("بس أنا ماصدقتوش خالص.", "But I believed him completely."),
    ("الجو اليوم مو حار مثل أمس.", "The weather today is as hot as yesterday."),
    ("أخوي مب موجود، راح الدوام من الصبح.", "My brother is here; he went to work this morning."),
    ("ما أبي أطلع من البيت قبل العصر.", "I want to leave the house before the afternoon."),
])
def test_dropped_dialect_negation_flags(src: str, tgt: str) -> None:
    assert [f.type for f in _flags(src, tgt, "ar")] == ["negation"]


def test_dialect_lookalikes_are_no_negation() -> None:
    # ماتش "match" is too short for the circumfix; مو is the name in "Mo Salah"
    assert negation_cues("شاهدنا ماتش الأهلي أمس.", "ar") == (0, 0)
    assert not _flags("سجل مو صلاح هدفين.", "Mo Salah scored twice.", "ar")
    assert negation_cues("ما تبي شي؟", "ar") == (0, 1)  # "what do you want?" as well


_ONLY_ON_ADVICE = "لا يُعطى الدواء للأطفال دون السادسة إلا باستشارة الطبيب."


@pytest.mark.parametrize(("src", "tgt"), [
    (_ONLY_ON_ADVICE, "Give the medicine to children under six except on a doctor's advice."),
    ("لم يحضر الاجتماع إلا أحمد.", "Everyone attended the meeting except Ahmed."),
])
def test_none_but_rendered_as_all_but_is_a_reversed_restriction(src: str, tgt: str) -> None:
    """لا ... إلا is "only" (a restriction, so a weak cue); an English "except" with no
    negation and no "only" says the reverse."""
    flags = _flags(src, tgt, "ar")
    assert [f.severity for f in flags] == ["medium"]
    assert '"all but"' in flags[0].detail


@pytest.mark.parametrize(("src", "tgt"), [
    (_ONLY_ON_ADVICE, "Give the medicine to children under six only on a doctor's advice."),
    (_ONLY_ON_ADVICE, "Do not give the medicine to children under six except on a doctor's advice."),
    (_ONLY_ON_ADVICE, "Do not give it to children under six unless a doctor advises it."),
    ("لم يحضر الاجتماع إلا أحمد.", "Nobody but Ahmed attended the meeting."),
    ("حضر الجميع إلا أحمد.", "Everyone attended except Ahmed."),  # no negation: "all but"
])
def test_a_restriction_kept_is_not_flagged(src: str, tgt: str) -> None:
    assert _flags(src, tgt, "ar") == []


_NO_SOUL_BURDENED = "وقال تعالى: ﴿لَا يُكَلِّفُ اللَّهُ نَفْسًا إِلَّا وُسْعَهَا﴾ [البقرة: ٢٨٦]."


@pytest.mark.parametrize(("src", "tgt"), [
    (_NO_SOUL_BURDENED, 'God says: "God burdens a soul beyond what it can bear" (Quran 2:286).'),
    (_ONLY_ON_ADVICE, "Give the medicine to children under six on a doctor's advice."),
])
def test_a_restriction_rendered_with_no_negation_and_no_only_is_lost(src: str, tgt: str) -> None:
    """Fifth real-genre sweep's miss (2026-12-08): لا ... إلا with its negation dropped and
    no "only" or "except" in its place states as a fact what the original denies; the cue
    counts agreed (the restriction's negation is a weak cue), so nothing was flagged."""
    flags = _flags(src, tgt, "ar")
    assert [f.severity for f in flags] == ["medium"] and '"none but"' in flags[0].detail


@pytest.mark.parametrize(("src", "tgt"), [
    (_NO_SOUL_BURDENED, 'God says: "God does not burden a soul beyond what it can bear" (Quran 2:286).'),
    (_NO_SOUL_BURDENED, 'God says: "God burdens no soul with more than it can bear" (Quran 2:286).'),
    (_NO_SOUL_BURDENED, 'God says: "God charges a soul only with what it can bear" (Quran 2:286).'),
    ("ما هو إلا إنسان.", "He is but a man."),
    ("ما هو إلا إنسان.", "He is merely a man."),
    ("لم يغادر إلا عند الظهر.", "He stayed until noon."),
    # "none but" of everyone is everyone; إلا أن after a concession is "yet" (NTREX)
    ("لم يبق أحد إلا وحضر الحفل.", "Everyone attended the ceremony."),
    ("ورغم أن المعركة لم تنته بعد، إلا أن الخلاف بين الدولتين قد يكون مفيدًا.",
     "While the battle is far from over, a rift between the countries may be useful."),
])
def test_a_restriction_rendered_otherwise_is_not_lost(src: str, tgt: str) -> None:
    assert _flags(src, tgt, "ar") == []


def test_a_reversed_restriction_raises_drift_through_the_calibration() -> None:
    """Its negation is a weak cue on the original's side, so the cue counts agree; the
    calibrated negation model must still read a lost negation."""
    from mlalign.drift import detect_drift
    from mlalign.embed import default_embedder

    bead = Bead([0], [0], "لا يُعطى للأطفال دون سن السادسة إلا باستشارة الطبيب.",
                "Give to children under six except on a doctor's advice.")
    detect_drift([bead], "ar", default_embedder())
    assert [f.type for f in bead.flags if f.severity != "low"] == ["negation"]
    assert bead.drift >= 0.5


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("ولا يزال آلاف النازحين بلا مأوى.", "Thousands of displaced people are no longer homeless.", "ar"),
    ("لم يعد بإمكان الأسر تحمل أسعار الإيجار بلا دعم.", "Families can still afford rents without support.", "ar"),
    ("لن تُصرف الإعانات ما لم يقدم المتقدم جميع الوثائق.", "Benefits will be paid unless the applicant submits all the documents.", "ar"),
    ("تا وقتی بودجه تصویب نشود، پروژه آغاز نخواهد شد.", "The project will start unless the budget is approved.", "fa"),
    ("این مشکل بدون همکاری مردم حل‌شدنی نیست.", "This problem can be solved without the cooperation of the public.", "fa"),
])
def test_still_made_no_longer_and_a_negation_hidden_by_without_or_unless_flag(src: str, tgt: str, lang: str) -> None:
    """helper-20's sweep: "still" reversed into "no longer" keeps weak cues (بلا, -less) on both
    sides, and an English "without" or "unless" that renders بدون or ما لم counted as the
    English's negation, hiding the one it dropped."""
    assert [f.type for f in _flags(src, tgt, lang)] == ["negation"]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("ولا يزال آلاف النازحين بلا مأوى.", "Thousands of displaced people are still homeless.", "ar"),
    ("ما برح الناس يتحدثون عن تلك الليلة.", "People still talk about that night.", "ar"),
    ("لن تُصرف الإعانات ما لم يقدم المتقدم جميع الوثائق.", "Benefits will not be paid unless the applicant submits all the documents.", "ar"),
    ("تا وقتی بودجه تصویب نشود، پروژه آغاز نخواهد شد.", "The project will not start unless the budget is approved.", "fa"),
    ("این مشکل بدون همکاری مردم حل‌شدنی نیست.", "This problem cannot be solved without the cooperation of the public.", "fa"),
    ("بسیاری از کودکان بدون دسترسی به آموزش بزرگ می‌شوند.", "Many children grow up without access to education.", "fa"),
    ("کارگران هنوز حقوق را دریافت نکرده‌اند.", "Workers have still not received their wages.", "fa"),
    # بدون هیچ "without any"; the original's بدون stays a cue beside an English "no"
    ("او بدون هیچ اثری ناپدید شد.", "He disappeared without a trace.", "fa"),
    ("كوريا الشمالية تقول \"من المستحيل\" نزع السلاح بدون وجود ثقة",
     "North Korea says 'no way' will disarm unilaterally without trust", "ar"),
])
def test_faithful_still_without_and_unless_do_not_flag(src: str, tgt: str, lang: str) -> None:
    assert _flags(src, tgt, lang) == []


# --- sixth real-genre sweep (2026-12-08) ------------------------------------------------

def test_concessive_illa_anna_does_not_turn_a_negation_into_a_restriction() -> None:
    """إلا أن is "but, however": its لم still negates. Before, the إلا read as the "except"
    of لا ... إلا and the negation counted as weak, so a dropped "no injuries" passed."""
    src = "حاول أحد المتهمين الفرار بإطلاق النار، إلا أن الاشتباك لم يسفر عن إصابات."
    assert negation_cues(src, "ar") == (1, 0)
    assert not _flags(src, "One suspect tried to flee by opening fire, but the exchange caused no injuries.", "ar")
    bad = _flags(src, "One suspect tried to flee by opening fire, and the exchange left several officers injured.", "ar")
    assert bad and bad[0].severity in ("medium", "high")


@pytest.mark.parametrize(("src", "tgt"), [
    # ألا تقل عن "not less than" is a limit, "a minimum of"
    ("يشترط ألا تقل الخبرة العملية عن 5 سنوات.", "A minimum of 5 years' practical experience is required."),
    # لخلو سجله من السوابق "his record being free of": "no prior record"
    ("خفضت العقوبة لخلوّ سجله من الأسبقيات.", "The sentence was halved, as he had no prior record."),
])
def test_arabic_limits_and_free_of_are_weak_cues(src: str, tgt: str) -> None:
    assert not _flags(src, tgt, "ar")


def test_colloquial_persian_second_person_plural_negation() -> None:
    """ندین "don't give" (از دست ندین "don't miss"): a colloquial plural the stems lacked."""
    src = "اگه فقط وقت یکی از این سه تا شهر رو دارین، به نظرم یزد رو از دست ندین."
    assert negation_cues(src, "fa")[0] == 1
    assert not _flags(src, "If you only have time for one of these three cities, I'd say don't miss Yazd.", "fa")
    assert negation_cues("نکنین، نرین، نخورین", "fa")[0] == 3
    assert negation_cues("نگین انگشتر", "fa") == (0, 0)  # a gem, no verb


@pytest.mark.parametrize(("src", "good", "bad", "lang"), [
    ("«خانه‌ای در مه» نه تنها داستانی درباره سوگ، بلکه تصویری دقیق از روابط خانوادگی است.",
     "A House in the Fog is not only a story about grief but also a precise portrait of family relationships.",
     "A House in the Fog is not a story about grief but a precise portrait of family relationships.", "fa"),
    ("ليس فقط الطلاب بل المعلمون أيضا شاركوا في الإضراب.",
     "Not only the students but the teachers too joined the strike.",
     "Not the students but the teachers joined the strike.", "ar"),
])
def test_not_only_made_a_plain_negation_is_flagged(src: str, good: str, bad: str, lang: str) -> None:
    """"not only A but also B" made "not A but B" (sixth sweep, drift 0.10): the counts
    agree, since the original's "not only" is a weak cue, so the construction is read."""
    assert not _flags(src, good, lang)
    flags = _flags(src, bad, lang)
    assert flags and "not only" in flags[0].detail


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    # seventh sweep: idioms of consent, an exclamation, a lexical "not there"
    ("تحویل دومرحله‌ای برای ما مشکلی ندارد، اما لطفاً تخفیف را بررسی کنید.",
     "Delivery in two stages is fine for us, but please look into the discount.", "fa"),
    ("لا بأس في تأجيل الاجتماع إلى الأسبوع المقبل.", "It is fine to postpone the meeting to next week.", "ar"),
    ("پشمالو زد زیر گریه و گفت: «وای، شال‌گردنم گم شده!»", "Pashmalu burst into tears and said, \"Oh no, I've lost my scarf!\"", "fa"),
    ("یک روز شنبه، وقتی از بازی برگشت خانه، دید شال‌گردنش نیست!",
     "One Saturday, when he came home from playing, he saw that his scarf was gone!", "fa"),
])
def test_idioms_of_consent_and_lexical_absence_are_no_flip(src: str, tgt: str, lang: str) -> None:
    assert not _flags(src, tgt, lang)
