"""Each drift check on realistic Arabic→English and Persian→English pairs, clean pairs that
must stay quiet, and the end-to-end `detect_drift` contract (flags, severities, drift)."""

from __future__ import annotations

import pytest

from mlalign.drift import DriftConfig, detect_drift
from mlalign.drift.base import CheckContext
from mlalign.drift.entity import EntityCheck, skeleton_arabic, skeleton_latin
from mlalign.drift.modality import ModalityCheck
from mlalign.drift.negation import NegationCheck, count_negations
from mlalign.drift.number import NumberCheck, extract
from mlalign.drift.untranslated import UntranslatedCheck
from mlalign.types import SEVERITIES, Bead

FA_SRC = "در سال ۱۴۰۲ حدود ۳٬۰۰۰ نفر در تهران بازداشت شدند."
AR_SRC = "قالت الشرطة إن ٣ ملايين شخص تظاهروا في بغداد عام ٢٠١٩."


def _run(check, src: str, tgt: str, lang: str):
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    return check.check(Bead([0], [0], src, tgt), ctx)


# --- number -------------------------------------------------------------------------

def test_number_changed_persian_digits() -> None:
    flags = _run(NumberCheck(), FA_SRC, "In 2023, about 300 people were arrested in Tehran.", "fa")
    assert len(flags) == 1
    assert flags[0].severity == "high"
    assert "3,000" in flags[0].detail and "300" in flags[0].detail


@pytest.mark.parametrize("tgt", [
    "In 2023, about 3,000 people were arrested in Tehran.",
    "In 2024 some 3000 people were arrested in Tehran.",
])
def test_number_solar_hijri_year_and_formatting_do_not_flag(tgt: str) -> None:
    assert _run(NumberCheck(), FA_SRC, tgt, "fa") == []


def test_number_scale_words_and_decimals() -> None:
    ok = "Police said 3 million people demonstrated in Baghdad in 2019."
    assert _run(NumberCheck(), AR_SRC, ok, "ar") == []
    bad = "Police said 3 million people demonstrated in Baghdad in 2018."
    flags = _run(NumberCheck(), AR_SRC, bad, "ar")
    assert flags and "2019" in flags[0].detail and "2018" in flags[0].detail
    assert _run(NumberCheck(), "ارتفع التضخم بنسبة ٣٫٥٪", "Inflation rose by 3.5%", "ar") == []
    assert _run(NumberCheck(), "ارتفع التضخم بنسبة ٣٫٥٪", "Inflation rose by 5.3%", "ar")


def test_number_words_and_lunar_hijri() -> None:
    assert _run(NumberCheck(), "قتل ثلاثة جنود", "Three soldiers were killed", "ar") == []
    assert _run(NumberCheck(), "قتل ثلاثة جنود", "Five soldiers were killed", "ar")
    assert _run(NumberCheck(), "في عام ١٤٤٥ هـ", "in 2024", "ar") == []
    assert _run(NumberCheck(), "سقط عشرات القتلى", "Dozens were killed, 40 of them soldiers", "ar") == []
    assert {m.digits for m in extract("۱۲ نفر", "fa")} == {True}


# --- entity -------------------------------------------------------------------------

def test_entity_changed_city_arabic() -> None:
    src = "هاجم مسلحو داعش مواقع للجيش قرب الموصل فجر الاثنين."
    flags = _run(EntityCheck(), src, "ISIS fighters attacked army positions near Basra on Monday.", "ar")
    assert flags and flags[0].severity == "high"
    assert "Mosul" in flags[0].detail and "Basra" in flags[0].detail
    clean = "ISIS fighters attacked army positions near Mosul at dawn on Monday."
    assert _run(EntityCheck(), src, clean, "ar") == []


def test_entity_persian_gazetteer_and_missing_name() -> None:
    src = "نیروهای حشد الشعبی وارد نینوا شدند."
    assert _run(EntityCheck(), src, "Popular Mobilization Forces entered Nineveh.", "fa") == []
    flags = _run(EntityCheck(), src, "The forces entered the province.", "fa")
    assert flags and flags[0].type == "entity"


def test_entity_skeleton_for_unlisted_names() -> None:
    assert skeleton_latin("Abadi") == skeleton_arabic("العبادي")
    src = "قال حيدر العبادي إن المدينة آمنة."
    assert _run(EntityCheck(), src, "He said Haider al-Abadi called the city safe.", "ar") == []
    flags = _run(EntityCheck(), src, "He said Nouri al-Maliki called the city safe.", "ar")
    assert flags and "Maliki" in str(flags[0].evidence)


# --- negation -----------------------------------------------------------------------

def test_negation_flipped_persian_nemi() -> None:
    src = "دولت این طرح را اجرا نمی‌کند."
    assert _run(NegationCheck(), src, "The government will not carry out this plan.", "fa") == []
    flags = _run(NegationCheck(), src, "The government will carry out this plan.", "fa")
    assert flags and flags[0].type == "negation"


def test_negation_flipped_arabic_lam() -> None:
    src = "لم توافق الحكومة على الاتفاق."
    assert _run(NegationCheck(), src, "The government did not approve the agreement.", "ar") == []
    assert _run(NegationCheck(), src, "The government approved the agreement.", "ar")


def test_persian_words_starting_with_noon_are_not_negation() -> None:
    assert count_negations("نیروهای نظامی نیز در این نشست نظر دادند", "fa") == 0
    assert count_negations("او نرفت و چیزی نگفت", "fa") == 2


# --- untranslated / modality ---------------------------------------------------------

def test_untranslated_arabic_script() -> None:
    flags = _run(UntranslatedCheck(), "قال الوزير", "The minister said الوزير", "ar")
    assert flags and flags[0].type == "untranslated"
    assert _run(UntranslatedCheck(), "قال الوزير", "The minister said", "ar") == []


def test_quoted_original_words_and_bare_digits_are_not_untranslated_text() -> None:
    src = "مردم فریاد زدند مرگ بر آمریکا و قیمت نفت به ۸۵ دلار رسید."
    quoted = _run(UntranslatedCheck(), src, 'People shouted "Death to America" (مرگ بر آمریکا).', "fa")
    assert [(f.severity, f.evidence.get("quoted")) for f in quoted] == [("low", True)]
    assert _run(UntranslatedCheck(), src, "The price of oil reached ٨٥ dollars.", "fa") == []
    # words the original does not have, quoted or not, are still left untranslated
    other = _run(UntranslatedCheck(), src, "They said (ما تسلیم نمی‌شویم) to the crowd.", "fa")
    assert other and other[0].severity in ("medium", "high")


def test_honorific_signs_are_no_untranslated_text_and_a_quran_quotation_is_quoted() -> None:
    src = "قال رسول الله ﷺ وقال تعالى ﴿وَقُلْ رَبِّ زِدْنِي عِلْمًا﴾."
    assert _run(UntranslatedCheck(), src, "The Messenger of God ﷺ said so.", "ar") == []
    assert _run(UntranslatedCheck(), src, "Imam Malik \ufd40 said so.", "ar") == []
    quoted = _run(UntranslatedCheck(), src,
                  'He said: ﴿وَقُلْ رَبِّ زِدْنِي عِلْمًا﴾ "My Lord, increase me in knowledge".', "ar")
    assert [(f.severity, f.evidence.get("quoted")) for f in quoted] == [("low", True)]


def test_modality_softened_is_low() -> None:
    flags = _run(ModalityCheck(), "يجب على الحكومة الاستقالة", "The government may resign", "ar")
    assert flags and flags[0].severity == "low"
    assert _run(ModalityCheck(), "يجب على الحكومة الاستقالة", "The government must resign", "ar") == []


def test_may_the_month_or_the_name_is_no_modal() -> None:
    src = "قالت ماي إنه يجب على الحكومة الاستقالة"
    assert _run(ModalityCheck(), src, "Mrs May said the government had to resign", "ar") == []
    assert _run(ModalityCheck(), "يجب أن يتم ذلك في مايو", "It must be done in May", "ar") == []
    assert _run(ModalityCheck(), src, "May: the government may resign", "ar") != []


def test_a_weak_hint_of_an_uncalibrated_kind_does_not_move_drift() -> None:
    from mlalign.drift.calibration import type_probabilities

    bead = Bead([0], [0], "يجب على الحكومة الاستقالة", "The government may resign")
    hinted = type_probabilities(bead, "ar", {}, {"modality": 0.3, "untranslated": 0.0})
    assert hinted["modality"] == 0.0
    shown = type_probabilities(bead, "ar", {}, {"modality": 0.0, "untranslated": 0.8})
    assert shown["untranslated"] > 0.5  # a medium score and up still counts


# --- detect_drift end to end (real embedder) ----------------------------------------

@pytest.fixture(scope="module")
def embedder():
    from mlalign.embed import default_embedder

    return default_embedder()


PAIRS_FA = [
    ("دولت عراق اعلام کرد که نیروهای امنیتی کنترل کامل شهر موصل را در دست دارند.",
     "The Iraqi government announced that security forces have full control of the city of Mosul."),
    ("وزیر امور خارجه ایران روز دوشنبه برای گفتگو درباره همکاری‌های اقتصادی به بغداد سفر کرد.",
     "Iran's foreign minister travelled to Baghdad on Monday for talks on economic cooperation."),
    ("کارشناسان می‌گویند قیمت نفت در ماه‌های آینده افزایش خواهد یافت، اما دولت به این پیش‌بینی‌ها اعتماد ندارد.",
     "Experts say oil prices will rise in the coming months, but the government does not trust these forecasts."),
]


def test_detect_drift_clean_vs_corrupted(embedder) -> None:
    clean = [Bead([i], [i], s, t) for i, (s, t) in enumerate(PAIRS_FA)]
    detect_drift(clean, "fa", embedder)
    for b in clean:
        assert 0.0 <= b.drift <= 1.0
        assert b.severity in (None, "low"), [f.detail for f in b.flags]
    s0, s1, s2 = (p[0] for p in PAIRS_FA)
    bad = [
        Bead([0], [0], s0, "The Iraqi government announced that security forces have full control of the city of Basra."),
        Bead([1], [1], s1, "Iran's minister went to Baghdad."),
        Bead([2], [2], s2, "Experts say oil prices will rise in the coming months, but the government trusts these forecasts."),
        Bead([3], [3], s1, "The football season ended with a surprise win for the visiting team after extra time."),
    ]
    detect_drift(bad, "fa", embedder)
    types = [{f.type for f in b.flags} for b in bad]
    assert "entity" in types[0]
    assert "omission" in types[1]
    assert "negation" in types[2]
    assert "replacement" in types[3]
    assert min(b.drift for b in bad) > max(b.drift for b in clean)
    # Each kind's own probability picks out its corruption: what a reader sorts by.
    for bead, kind in zip(bad, ("entity", "omission", "negation", "replacement"), strict=True):
        assert set(bead.kinds) >= {"omission", "addition", "entity", "negation", "replacement"}
        assert bead.kinds[kind] > max(b.kinds[kind] for b in clean), (kind, bead.kinds)
    assert bad[1].to_dict()["kinds"] == bad[1].kinds


def test_detect_drift_whole_sentences_and_added_clause(embedder) -> None:
    src, tgt = PAIRS_FA[1]
    beads = [
        Bead([0], [], src, ""),
        Bead([], [0], "", "The minister later resigned."),
        Bead([1], [1], src, tgt + " The visit came a week after a deadly bombing in the capital killed dozens."),
    ]
    detect_drift(beads, "fa", embedder)
    assert beads[0].flags[0].type == "omission" and beads[0].severity == "high"
    assert beads[1].flags[0].type == "addition" and beads[1].severity == "high"
    assert "addition" in {f.type for f in beads[2].flags}
    for b in beads:
        for f in b.flags:
            assert f.severity in SEVERITIES and 0.0 <= f.score <= 1.0 and f.detail


def test_detect_drift_arabic_with_translation(embedder) -> None:
    src = "أعلنت وزارة الصحة العراقية تسجيل ٣٠٠ إصابة جديدة بفيروس كورونا في بغداد."
    good = "The Iraqi Health Ministry announced 300 new coronavirus infections in Baghdad."
    mt = "The Iraqi Ministry of Health announced the registration of 300 new cases of coronavirus in Baghdad."
    beads = [Bead([0], [0], src, good, mt),
             Bead([1], [1], src, "The Iraqi Health Ministry announced 3,000 new coronavirus infections in Baghdad.", mt)]
    detect_drift(beads, "ar", embedder, DriftConfig())
    assert not [f for f in beads[0].flags if f.severity != "low"]
    assert beads[1].flags[0].type == "number" and beads[1].severity == "high"
    assert beads[1].drift > beads[0].drift
    assert "mt_chrf" in beads[0].signals
    assert 0.0 < beads[0].signals["mt_bleu"] <= 1.0  # sacrebleu sentence BLEU vs the MT
    off = Bead([2], [2], src, "The football season opens next week with three matches.", mt)
    detect_drift([off], "ar", embedder, DriftConfig())
    replaced = [f for f in off.flags if f.type == "replacement"]
    assert replaced and "BLEU" in replaced[0].detail and off.signals["mt_bleu"] < 0.1


def test_config_is_recorded() -> None:
    d = DriftConfig(flag_min=0.4).as_dict()
    assert d["flag_min"] == 0.4 and "number" in d["checks"] and d["word_alignment"] is True


def test_exceptive_negation_is_a_restriction_not_a_negation() -> None:
    """لا ... إلا / هیچ ... جز ... ندارد mean "only": no flag against an English "only"."""
    from mlalign.drift.negation import negation_cues

    assert negation_cues("لا يوجد حل إلا الحوار.", "ar")[0] == 0
    assert negation_cues("هیچ راهی جز گفتگو وجود ندارد.", "fa")[0] == 0
    assert negation_cues("ولا تمثّل هذه الخطوة السبيلَ الوحيد.", "ar") == (1, 0)
    assert negation_cues("It is the only way.", "en") == (0, 0)


# --- number: words, ordinals, clock times, centuries ---------------------------------

@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("قتل أربعة جنود", "Five soldiers were killed", "ar"),  # word for word: a changed figure
    ("في الساعة 4.40 صباحًا", "at 4.60 am", "ar"),  # a clock time is both its parts
    ("كان اجتماعها السادس والثلاثين", "it was her 30th meeting", "ar"),  # Arabic ordinals
    ("قبل عامين في المنازل الثانية", "three years ago on second homes", "ar"),  # hidden by "second"
    ("منذ شهرين", "three months ago", "ar"),  # a small figure facing another one
    ("خلال النصف الأول من أكتوبر", "through the second half of October", "ar"),
    ("پس از دوم شدن در دو روز", "after being second-best for three days", "fa"),
    ("او 0-0-5 بازی کرد", "he went 5-8-0", "fa"),  # a digit changed inside a repeated set
    ("وتوصلت الحكومتان إلى اتفاق", "The three governments struck a deal", "ar"),  # a dual
    ("اعتقد في البداية أنه مجرد شعور", "at second he thought it was just a feeling", "ar"),
    ("در ابتدا فکر کرد", "at second he thought", "fa"),  # "at first" said without a number
    ("تفتح المصارف حتى 14:30 بعد الظهر", "Banks open until 4:30 p.m.", "ar"),  # 24-hour
    ("بازار تا ۱۳:۰۰ باز است", "The market is open until 3 p.m.", "fa"),
])
def test_number_changed_in_words_is_high(src: str, tgt: str, lang: str) -> None:
    flags = _run(NumberCheck(), src, tgt, lang)
    assert flags and flags[0].severity == "high" and flags[0].score >= 0.9, flags


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("في الساعة 4.40 صباحًا", "at 4:40 am", "ar"),
    ("كان اجتماعها السادس والثلاثين", "it was her 36th meeting", "ar"),
    ("ولاية بنسلفانيا السابعة عشرة", "Pennsylvania's 17th", "ar"),
    ("در قرن نوزدهم", "in the 19th century", "fa"),
    ("به مناسبت پنجاهمین سالگرد", "on the 50th anniversary", "fa"),
    ("منتظر حکم دادگاه در اول اکتبر است", "awaits a ruling on 1 October", "fa"),
    ("في ثمانينيات القرن العشرين", "in the 1980s", "ar"),  # a decade and its century
    ("الحرب الكورية التي استمرت من 1950 وحتى 1953", "the 1950-53 Korea War", "ar"),
    ("حوالي الساعة 4 يوم السبت", "at about 04:00 on Saturday", "ar"),
    ("نه تنها از اجراها لذت ببرند", "to not only enjoy the acts", "fa"),  # نه is "not"
    ("فیلمبردار بی بی سی بوده است", "had worked as a BBC cameraman", "fa"),  # سی in BBC
    ("وتوصلت الحكومتان إلى اتفاق", "The two governments struck a deal", "ar"),
    ("لاعب من الأرجنتين سجل ثلاثة أهداف", "an Argentine player scored three goals", "ar"),
    # short sentences of the kind Tatoeba holds: vowelled text, duals, tanween, scales
    ("لقد تم اختراع الطائرة الورقية قبل ألفَيْ عام.", "Kites were invented 2,000 years ago.", "ar"),
    ("ستنجزه خلال أربعاً و عشرين ساعة.", "She'll do it in 24 hours.", "ar"),
    ("أدين لها بمئة ألف ين.", "I owe her 100,000 yen.", "ar"),
    ("قتل مئة شخص", "a hundred people were killed", "ar"),  # مئة once normalised
    ("هناك ستون ثانية في الدقيقة.", "There are sixty seconds in a minute.", "ar"),
    ("استيقظت الساعة السادسة و النصف هذا الصباح.", "I got up at six-thirty this morning.", "ar"),
    ("وُلد جدي عام عشرين ميلادية.", "My grandfather was born in 1920.", "ar"),  # no century
    ("في السابع من ديسيمبر عام واحد و أربعين", "on December 7, 1941", "ar"),
    ("صد هزار نفر آمدند", "100,000 people came", "fa"),
    ("أن 40 في المائة من الأطفال لديهم حسابان", "40 per cent of children had two profiles", "ar"),
    ("نما الاقتصاد 3 بالمئة", "the economy grew 3 per cent", "ar"),
    ("قول می دهم که به شما خدمت کنم", "I promise to serve you", "fa"),  # دهم: "I give"
    ("حدودا ۶ درجه سانتیگراد بالاتر از میانگین", "approximately 10 degrees above average", "fa"),
    ("اعتقد في البداية أنه مجرد شعور", "at first he thought it was just a feeling", "ar"),
    ("في بداية العام قتل ثلاثة", "early this year one attack killed three", "ar"),  # not "one"
    ("نخست وزیر دو بار آمد", "the prime minister came twice", "fa"),
    # a 24-hour time is the same time with a.m. / p.m. or the part of the day
    ("تفتح المصارف من الساعة 8:00 صباحاً حتى 14:30 بعد الظهر.",
     "Banks open from 8:00 a.m. until 2:30 p.m.", "ar"),
    ("بازار ارز از ساعت ۹:۳۰ صبح تا ۱۳:۰۰ باز است.",
     "The currency market is open from 9:30 a.m. to 1 p.m.", "fa"),
    ("يبدأ الاجتماع الساعة 18:00", "The meeting starts at 6 in the evening", "ar"),
    ("تغلق الأبواب الساعة 12:00", "The doors close at noon", "ar"),
])
def test_number_same_figure_in_other_words_does_not_flag(src: str, tgt: str, lang: str) -> None:
    assert _run(NumberCheck(), src, tgt, lang) == []


def test_number_compounds_only_add_tens_and_units() -> None:
    """"the first half" is 1 and 0.5, not 1.5; "three one-sided" is not four."""
    # (a half is also its percentage, 50: min is its value as a number)
    assert sorted(min(m.values) for m in extract("the first half", "en")) == [0.5, 1.0]
    assert sorted(max(m.values) for m in extract("three one-sided sessions", "en")) == [1.0, 3.0]
    assert [max(m.values) for m in extract("ثلاثة عشر", "ar")] == [13.0]
    # each language's order: units and tens in Arabic, tens then units in Persian and English
    assert [max(m.values) for m in extract("ستة وثلاثون", "ar")] == [36.0]
    assert [max(m.values) for m in extract("سی و شش", "fa")] == [36.0]
    assert sorted(max(m.values) for m in extract("six-thirty", "en")) == [6.0, 30.0]
    assert [max(m.values) for m in extract("ستون ثانية", "ar")] == [60.0]  # seconds, not 62
    assert [max(m.values) for m in extract("انتظر 30 ثانية", "ar")] == [30.0]  # not 30 and 2nd
    assert [max(m.values) for m in extract("one hundred thousand", "en")] == [100000.0]


# --- negation: Arabic cues that do not negate ------------------------------------------

@pytest.mark.parametrize("src", [
    "قُتل ما لا يقل عن 384 شخصًا",  # "at least"
    "وفقًا لما قاله هاريس لوكالة أسوشيتيد برس",  # لما: "according to what"
    "أشعر بالتفاؤل بشكل لا يصدق",  # "incredibly"
    "لم يسبق لكأس رايدر سوى مرتين",  # exceptive: "only twice"
    "تواجه حكومة بغداد تهديداً غير مسبوق",  # غير مسبوق: "unprecedented"
])
def test_arabic_phrases_that_are_not_negations(src: str) -> None:
    assert negation_cues_of(src, "ar")[0] == 0


def test_arabic_alla_is_negation_and_illa_is_not() -> None:
    """ألا (أن لا) negates; إلا restricts. They differ only by the hamza."""
    assert negation_cues_of("يجب ألا يُشكّك في دوافع المتهم.", "ar")[0] == 1
    flags = _run(NegationCheck(), "يجب ألا يعارض.", "They must be defiant.", "ar")
    assert flags and flags[0].type == "negation"
    assert _run(NegationCheck(), "يجب ألا يعارض.", "They must not be defiant.", "ar") == []


def test_persian_punctuation_does_not_hide_a_cue() -> None:
    assert negation_cues_of("نه، نه، من صبر می‌کنم", "fa")[0] >= 2


def test_negation_count_difference_is_a_signal() -> None:
    """One of two negations lost: not a flag (none vs some), but a calibration signal."""
    bead = Bead([0], [0], "لم يأت ولم يتصل.", "He did not come and called.")
    ctx = CheckContext(src_lang="ar", config=DriftConfig(), calibration={})
    NegationCheck().check(bead, ctx)
    assert bead.signals["neg_diff"] > 0
    same = Bead([0], [0], "لم يأت ولم يتصل.", "He did not come and did not call.")
    NegationCheck().check(same, ctx)
    assert same.signals["neg_diff"] == 0


def negation_cues_of(text: str, lang: str) -> tuple[int, int]:
    from mlalign.drift.negation import negation_cues

    return negation_cues(text, lang)


# --- entity: headings, translated words, Latin names, Persian کرده ----------------------

def test_entity_translated_title_words_are_not_names() -> None:
    """"Foreign" in "Foreign Minister" is translated (وزير الخارجية), never transliterated."""
    src = "ويعكس تحذير وزير الخارجية العراقي للدول الأوروبية قلق بغداد."
    tgt = "The warning of the Iraqi Foreign Minister to European countries reflects Baghdad's worry."
    assert _run(EntityCheck(), src, tgt, "ar") == []


def test_entity_title_case_heading_is_quiet() -> None:
    src = "استراتيجية بغداد: ضرورة التآزر الإقليمي"
    assert _run(EntityCheck(), src, "Baghdad's Strategic Options: Necessity of Regional Synergy", "ar") == []


def test_entity_latin_name_kept_in_persian_matches() -> None:
    src = "Justin Rose پس از استراحت صبح برای مسابقات عصر نزد شریکش Henrik Stenson برگشت."
    tgt = "After a morning of rest, Justin Rose returned in the afternoon to partner Henrik {}."
    assert _run(EntityCheck(), src, tgt.format("Stenson"), "fa") == []
    flags = _run(EntityCheck(), src, tgt.format("Mickelson"), "fa")
    assert flags and "Mickelson" in str(flags[0].evidence)


def test_persian_karde_is_not_kurdistan() -> None:
    from mlalign.drift.entity import find_entities

    assert "Kurdistan" not in find_entities("دولت این طرح را اجرا کرده است و کرد.", "fa")
    assert "Kurdistan" in find_entities("کردها در شمال عراق زندگی می‌کنند.", "fa")


def test_persian_keeps_the_arabic_article_of_names() -> None:
    """Persian writes Arabic place names with their article: «استان الانبار»."""
    src = "حضور نظامی در استان الانبار بخشی از راهبرد آمریکا است."
    flags = _run(EntityCheck(), src, "The military presence in Nineveh province is part of the US strategy.", "fa")
    assert flags and flags[0].severity == "high" and "Anbar" in flags[0].detail


def test_entity_name_inside_a_longer_name_is_not_separate() -> None:
    """«الاتحاد الأوروبي» is the EU: the English "EU" must not leave Europe missing."""
    src = "وقد تطرقا إلى مسائل بما في ذلك حقوق الإنسان وانضمام تركيا إلى الاتحاد الأوروبي."
    tgt = "They've fallen out over issues including human rights and Turkey's accession to the EU."
    assert _run(EntityCheck(), src, tgt, "ar") == []


# --- omission: a cut-off English; calibration inputs ------------------------------------

def test_fragment_english_is_omission_evidence() -> None:
    from mlalign.drift.clauses import looks_cut
    from mlalign.drift.omission import omission_evidence

    src = "قال الوزير إن الحكومة ستستقيل إذا فشلت المفاوضات."
    assert looks_cut(src, "The minister said the government would resign if talks failed.") == 0.0
    assert looks_cut(src, "if the talks failed.") == 1.0  # starts mid-sentence
    assert looks_cut(src, "The minister said the government would resign") == 1.0  # cut short
    assert looks_cut("هجوم في بغداد", "Attack in Baghdad") == 0.0  # a headline on both sides
    assert omission_evidence({"fragment": 1.0}) > omission_evidence({"fragment": 0.0})


def test_calibration_features_carry_the_new_signals() -> None:
    from mlalign.drift.calibration import TYPE_FEATURES, features

    bead = Bead([0], [0], "س", "t")
    bead.signals.update({"neg_diff": 1.0, "name_gap": 0.4, "fragment": 1.0, "flag_negation": 0.8})
    f = features(bead)
    assert f["neg_diff"] == 1.0 and f["name_gap"] == 0.4 and f["fragment"] == 1.0
    assert f["negation_flag"] == 1.0
    assert {"neg_diff", "name_gap", "fragment"} <= {f for fs in TYPE_FEATURES.values() for f in fs}


def test_entity_name_gap_grades_the_worst_name() -> None:
    src = "قال حيدر العبادي إن المدينة آمنة، وفق ما نقلت وسائل الإعلام المحلية."
    ok = Bead([0], [0], src, "Haider al-Abadi said the city was safe, local media reported.")
    bad = Bead([0], [0], src, "Haider al-Maliki said the city was safe, local media reported.")
    for b in (ok, bad):
        EntityCheck().check(b, CheckContext(src_lang="ar", config=DriftConfig(), calibration={}))
    assert ok.signals["name_gap"] == 0.0 < bad.signals["name_gap"]


@pytest.mark.parametrize(("text", "lang"), [
    ("على كلا جانبي المحيط الأطلسي", "ar"),  # كلا "both"
    ("او نزد من آمد و گفت", "fa"),  # نزد "at", not a negated زد
    ("the vote will take place no later than Friday", "en"),
    ("whether or not Trump will fire the deputy", "en"),
    ("she lost her partner not long after the death of his mother", "en"),
])
def test_words_that_look_negative_but_are_not(text: str, lang: str) -> None:
    assert negation_cues_of(text, lang)[0] == 0


def test_lexical_negation_in_arabic_verbs_quiets_the_flag() -> None:
    """رفضت الاستجابة "did not respond": a refusal on one side, "not" on the other."""
    src = "شركة الطيران رفضت الاستجابة الفورية للطلبات."
    assert _run(NegationCheck(), src, "The airline did not immediately respond to requests.", "ar") == []
    assert negation_cues_of("دوام نیاورد", "fa")[0] == 1  # ن + آورد is written نیاورد


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("تا ۲۵۰ میلیمتر باران ببارد", "up to 10 inches of rain", "fa"),
    ("بارش ۲۵ تا ۱۰۰ میلیمتر باران", "1 to 4 inches of rain", "fa"),  # a range takes the unit
    ("دمای هوا به ۲۷ درجه سانتیگراد برسد", "could reach 80 degrees", "fa"),
    ("خوک 250 کیلوگرمی", "the 550 pound hog", "fa"),
    ("على بعد 620 كيلومترا", "385 miles away", "ar"),
])
def test_number_metric_converted_to_imperial_does_not_flag(src: str, tgt: str, lang: str) -> None:
    assert _run(NumberCheck(), src, tgt, lang) == []


def test_number_conversion_still_sees_a_changed_figure() -> None:
    assert _run(NumberCheck(), "تا ۲۵۰ میلیمتر باران ببارد", "up to 13 inches of rain", "fa")
    assert _run(NumberCheck(), "يبلغ 20 درجة", "a 40-degree difference", "ar")


def test_extra_english_sentence_is_addition_evidence() -> None:
    from mlalign.drift.addition import addition_evidence
    from mlalign.drift.clauses import extra_sentences

    src = "قال الوزير إن الحكومة ستستقيل."
    assert extra_sentences(src, "The minister said the government would resign.") == 0.0
    assert extra_sentences(src, "The minister said the government would resign. It's normal.") == 1.0
    assert extra_sentences("قال الوزير. ثم غادر.", "The minister spoke. Then he left.") == 0.0
    assert addition_evidence({"more_sentences": 1.0}) > addition_evidence({"more_sentences": 0.0})


def test_latin_name_of_the_original_missing_in_english_is_a_signal() -> None:
    src = "بازیکن Rangers یعنی Glenn Middleton ادعای پنالتی داشت."
    ok = Bead([0], [0], src, "Rangers substitute Glenn Middleton had a late claim for a penalty.")
    cut = Bead([0], [0], src, "A substitute had a late claim for a penalty.")
    for b in (ok, cut):
        EntityCheck().check(b, CheckContext(src_lang="fa", config=DriftConfig(), calibration={}))
    assert ok.signals["latin_missing"] == 0.0 and cut.signals["latin_missing"] == 1.0
    # a slip in the original's spelling ("Lowa") is not a name the English lost
    typo = Bead([0], [0], "فرماندار سابق Lowa گفت.", "The former governor of Iowa said so.")
    EntityCheck().check(typo, CheckContext(src_lang="fa", config=DriftConfig(), calibration={}))
    assert typo.signals["latin_missing"] == 0.0


def test_entity_extra_listed_name_is_a_signal_unless_transliterated() -> None:
    src = "عرض سينسبري عطوره في متاجر ليودز الأربعة الجديدة في المدينة."
    bad = Bead([0], [0], src, "Sainsbury's showed its perfumes in four new Lloyds stores in Berlin.")
    EntityCheck().check(bad, CheckContext(src_lang="ar", config=DriftConfig(), calibration={}))
    assert bad.signals["entity_extra"] == 1.0
    src2 = "وسجل جوردان كاوني هدف التعادل للفريق المضيف قبل نهاية الشوط."
    ok = Bead([0], [0], src2, "Jordan Cownie brought the home side level before half-time.")
    EntityCheck().check(ok, CheckContext(src_lang="ar", config=DriftConfig(), calibration={}))
    assert ok.signals["entity_extra"] == 0.0  # Jordan the player, written جوردان


def test_replacement_far_similarity_is_a_near_certain_signal() -> None:
    from mlalign.drift.calibration import features
    from mlalign.drift.replacement import ReplacementCheck

    ctx = CheckContext(src_lang="ar", config=DriftConfig(), calibration={})
    far = Bead([0], [0], "س", "t", signals={"cos": 0.7, "cos_z": -3.5})
    near = Bead([0], [0], "س", "t", signals={"cos": 0.85, "cos_z": -1.0})
    ReplacementCheck().check(far, ctx)
    ReplacementCheck().check(near, ctx)
    assert features(far)["cos_far"] == 1.0 and features(near)["cos_far"] == 0.0


def test_number_detail_pairs_the_changed_figures_by_nearest_value() -> None:
    """Articles 3 and 4 made 3 and 5, 5000 made 50,000: the 5 of "Article 5" had matched
    the 5 of "3 and 5", and the detail read "4 ... is 50,000"."""
    src = ("المادة 5 يُعاقب كل من يخالف أحكام المادتين 3 و4 بغرامة لا تقل عن 500 دينار "
           "ولا تزيد على 5000 دينار.")
    tgt = ("Article 5 Anyone who violates the provisions of Articles 3 and 5 shall be punished "
           "by a fine of not less than 500 dinars and not more than 50,000 dinars.")
    flags = _run(NumberCheck(), src, tgt, "ar")
    assert [f.severity for f in flags] == ["high"]
    assert flags[0].detail.startswith(
        "number 4 in the original is 5 in the English; 5000 is 50,000"), flags[0].detail


def test_number_detail_says_what_the_english_has_instead() -> None:
    """A precise figure rendered as a vague quantity: the flag quotes the English word."""
    flags = _run(NumberCheck(), "با فرار حدود ۵۰۰ تن از اعضای داعش",
                 "With the escape of thousands of ISIS members", "fa")
    assert flags and "500" in flags[0].detail and '"thousands"' in flags[0].detail
    assert flags[0].evidence["english_instead"] == ["thousands"]


def test_without_word_alignment_the_matching_models_apply(embedder) -> None:
    """`drift.word_alignment=false` leaves the word signals out; the calibration has model
    sets fitted without them, so probabilities stay calibrated instead of reading the
    missing signals as zeros."""
    from mlalign.drift.calibration import features, load_calibration, variant

    src, tgt = PAIRS_FA[1]
    with_words = [Bead([0], [0], src, "Iran's minister went to Baghdad.")]
    without = [Bead([0], [0], src, "Iran's minister went to Baghdad.")]
    detect_drift(with_words, "fa", embedder)
    detect_drift(without, "fa", embedder, DriftConfig(word_alignment=False))
    assert "w_src_unlinked" in with_words[0].signals and "w_src_unlinked" not in without[0].signals
    assert "x_omit" in with_words[0].signals and "x_omit" not in without[0].signals
    assert variant(features(with_words[0])) == "plain"
    assert variant(features(without[0])) == "plain-nowords"
    models = load_calibration()["models"]["fa"]
    assert "w_src_run" not in models["plain-nowords"]["omission"]["coef"]
    assert "w_src_run" in models["plain"]["omission"]["coef"]
    assert "x_omit" in models["plain"]["omission"]["coef"]
    assert "x_omit" not in models["plain-nowords"]["omission"]["coef"]
    assert "omission" in {f.type for f in without[0].flags}


# --- length ratio --------------------------------------------------------------------------

@pytest.mark.parametrize(("src", "faithful", "padded"), [
    ("قُتِلَ بالسيف.", "He was killed with a sword.",
     "He was killed with a sword in the old square by the river, his family said."),
    ("تنزهنا معًا.", "We went on a picnic together.",
     "We went on a picnic together, and we stayed there until the evening came."),
])
def test_a_short_faithful_pair_has_an_ordinary_length_ratio(src: str, faithful: str,
                                                             padded: str) -> None:
    """Arabic says in two words what English says in six: that is no addition, but
    twice the English still is."""
    from mlalign.drift.calibration import load_calibration
    from mlalign.drift.clauses import CLEAN_DEFAULTS, log_length_ratio

    ctx = CheckContext(src_lang="ar", config=DriftConfig(), calibration=load_calibration())
    centre, spread = ctx.stat("len", CLEAN_DEFAULTS["len"])
    assert (log_length_ratio(src, faithful) - centre) / spread < 2.0
    assert (log_length_ratio(src, padded) - centre) / spread > 2.5


def test_a_name_left_out_of_a_list_whose_other_names_the_english_keeps_is_high() -> None:
    """الصين والهند made "China": India was dropped from the list, not rendered otherwise
    (a tester's planted omission got only a low flag); the flag quotes the original's word."""
    flags = _run(EntityCheck(), "وكان التجار يأتون إليها من الصين والهند.",
                 "and merchants came to it from China.", "ar")
    assert [(f.severity, f.score) for f in flags] == [("high", 0.9)]
    assert "India (والهند)" in flags[0].detail
    kept = _run(EntityCheck(), "وكان التجار يأتون إليها من الصين والهند.",
                "and merchants came to it from China and India.", "ar")
    assert kept == []
    # a name alone, not in a list, keeps the low flag: it may be rendered some other way
    alone = _run(EntityCheck(), "زار الوزير الهند الأسبوع الماضي.", "The minister visited last week.", "ar")
    assert [f.severity for f in alone] == ["low"]


def test_a_swapped_name_is_quoted_as_the_original_writes_it() -> None:
    """The gazetteer matches normalised letters (ترکيا, الانبار); the flag shows the word
    the reader will find in the original."""
    flags = _run(EntityCheck(), "وقالت تركيا إن قواتها في محافظة الأنبار.",
                 "Iran said its forces were in Anbar province.", "ar")
    assert flags and "(تركيا)" in flags[0].detail


@pytest.mark.parametrize(("src", "tgt", "lang", "dropped"), [
    ("وزیران ایران، چین و روسیه در تهران دیدار کردند.", "Ministers of Iran and Russia met in Tehran.", "fa",
     "China"),
    ("نشست روسیه، ترکیه و ایران برگزار شد.", "The meeting of Russia and Iran was held.", "fa", "Turkey"),
])
def test_a_persian_name_left_out_of_a_list_is_found_in_its_own_letters(src: str, tgt: str, lang: str,
                                                                        dropped: str) -> None:
    """The list rule looked for the gazetteer's normalised چين in the text as written (چین)."""
    flags = _run(EntityCheck(), src, tgt, lang)
    assert flags and flags[0].severity == "high" and flags[0].detail.startswith(dropped)


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    # a name that starts with و is no "and"
    ("وقالت واشنطن إن موسكو أخطأت.", "The White House said Moscow was wrong.", "ar"),
    # a capital for its state, either way
    ("وقالت واشنطن إن العقوبات ستستمر.", "The US said sanctions would continue.", "ar"),
    ("تهران اعلام کرد که مذاکرات ادامه دارد.", "Iran announced that talks would continue.", "fa"),
    # a name far from the kept one is in no list with it
    ("زار الوزير الهند، ثم عاد. وفي الرياض قال إن الزيارة نجحت.",
     "The minister visited, then returned. In Riyadh he said the visit succeeded.", "ar"),
])
def test_no_high_entity_flag(src: str, tgt: str, lang: str) -> None:
    assert all(f.severity != "high" for f in _run(EntityCheck(), src, tgt, lang))
