"""Language id: Arabic vs Persian vs English, and the user-facing checks built on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlalign.errors import InputError
from mlalign.text.langid import check_english, detect_language, resolve_source_language

NTREX = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ntrex"

AR = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد في المناطق الريفية التي تضررت من الجفاف."
FA = "دولت امروز برنامه‌ای تازه برای حمایت از اقتصاد مناطق روستایی اعلام کرد که از خشکسالی آسیب دیده‌اند."
EN = "The government announced a new plan today to support the economy of rural areas hit by drought."


@pytest.mark.parametrize(("text", "lang"), [(AR, "ar"), (FA, "fa"), (EN, "en")])
def test_detects_the_three_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_persian_typed_with_arabic_letters_is_still_persian() -> None:
    legacy = FA.replace("ی", "ي").replace("ک", "ك")
    assert detect_language(legacy) == "fa"


def test_a_short_persian_text_with_arabic_keyboard_letters_keeps_its_declared_language() -> None:
    """ى (alef maksura) is what an Arabic keyboard types for a final ی: weak evidence, as ي
    and ك are, so a few of them in a short text do not overrule --src-lang fa (found by the
    property test in tests/test_pipeline_properties.py)."""
    assert resolve_source_language("کتاب کتى.\nکتاب يا\u200fىىى.", "fa", "src.txt") == "fa"


def test_persian_with_latin_names_is_persian() -> None:
    assert detect_language("گل Menga باعث شکست یاران Gerrard شد") == "fa"


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a annoncé un nouveau plan pour les régions.",
        "Привет, как дела?",
        "12345 678",
        "پاکستان ایک خوبصورت ملک ہے اور اس کے لوگ بہت مہمان نواز ہیں۔",
        "",
    ],
)
def test_other(text: str) -> None:
    assert detect_language(text) == "other"


def test_resolve_auto() -> None:
    assert resolve_source_language(FA, "auto", "src.txt") == "fa"
    assert resolve_source_language(AR, "auto", "src.txt") == "ar"


def test_resolve_declared_matches() -> None:
    assert resolve_source_language(AR, "ar", "src.txt") == "ar"


def test_resolve_declared_arabic_on_persian_file() -> None:
    with pytest.raises(
        InputError,
        match=r"src\.txt looks Persian \(fa\), not Arabic \(ar\); use --src-lang fa or auto",
    ):
        resolve_source_language(FA, "ar", "src.txt")


def test_resolve_declared_persian_on_arabic_file() -> None:
    with pytest.raises(
        InputError, match=r"looks Arabic \(ar\), not Persian \(fa\); use --src-lang ar"
    ):
        resolve_source_language(AR, "fa", "src.txt")


def test_english_file_as_original_is_refused() -> None:
    with pytest.raises(InputError, match=r"src\.txt.*English"):
        resolve_source_language(EN, "auto", "src.txt")


def test_unsupported_declared_language() -> None:
    with pytest.raises(InputError, match="unsupported"):
        resolve_source_language(AR, "tr", "src.txt")


def test_check_english() -> None:
    check_english(EN, "en.txt")
    with pytest.raises(InputError, match=r"en\.txt.*Arabic"):
        check_english(AR, "en.txt")
    with pytest.raises(InputError, match=r"en\.txt"):
        check_english(
            "Le gouvernement a annoncé un nouveau plan pour les régions rurales.", "en.txt"
        )


@pytest.mark.skipif(not NTREX.exists(), reason="shared NTREX corpus not available")
def test_ntrex_documents_are_identified() -> None:
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").rstrip("\n").split("\n")
    for lang, fname in (("ar", "newstest2019-ref.arb.txt"), ("fa", "newstest2019-ref.fas.txt")):
        lines = (NTREX / fname).read_text(encoding="utf-8").split("\n")[: len(ids)]
        docs: dict[str, list[str]] = {}
        for doc, line in zip(ids, lines, strict=True):
            docs.setdefault(doc, []).append(line)
        wrong = [d for d, v in docs.items() if detect_language("\n".join(v)) != lang]
        assert not wrong, (lang, wrong)
        line_acc = sum(detect_language(x) == lang for x in lines) / len(lines)
        assert line_acc > 0.98


def test_declared_language_wins_on_weak_evidence() -> None:
    # Two words with no Arabic/Persian-specific letters or function words.
    assert resolve_source_language("لبخند بزن", "fa", "s.txt") == "fa"
    assert resolve_source_language("لبخند بزن", "ar", "s.txt") == "ar"


@pytest.mark.parametrize("text", [
    "من امروز به مدرسه نرفتم.",
    "من از جدال متنفّرم.",
    "او لبخند زد.",
    "من نانوا هستم.",
    "البته.",
])
def test_short_persian_is_persian(text: str) -> None:
    """Short Persian lines have no پ چ ژ گ and often no ی ک: their function words decide
    (به، از، او، هستم), and من (Persian "I", Arabic "from") counts for neither."""
    assert detect_language(text) == "fa"


@pytest.mark.parametrize("text", [
    "فعل ما أُمِرَ به.",  # Arabic به "with it" closing the clause is no Persian preposition
    "هل أنت هنا؟",
    "من قال ذلك؟",
])
def test_short_arabic_is_arabic(text: str) -> None:
    assert detect_language(text) == "ar"


@pytest.mark.parametrize(("name", "tag"), [
    ("x.fa.txt", "fa"), ("x.ar.txt", "ar"), ("x_fa.txt", "fa"), ("dir/doc-AR.txt", "ar"),
    ("farsi.txt", None), ("arabic.txt", None), ("both_ar_fa.txt", None), ("fa_dir/x.txt", None),
])
def test_file_name_language_tag(name: str, tag: str | None) -> None:
    from mlalign.text.langid import name_language

    assert name_language(name) == tag


def test_the_file_name_breaks_only_an_exact_tie() -> None:
    from mlalign.text.langid import decide_source_language

    tie = "من متاسفم."  # من cancels out; nothing else is evidence
    assert decide_source_language(tie, "auto", "in/x.fa.txt") == ("fa", "file name")
    assert decide_source_language(tie, "auto", "in/x_ar.txt") == ("ar", "file name")
    assert decide_source_language(tie, "auto", "in/x.txt") == ("ar", "letters")
    # real evidence wins over the name
    assert decide_source_language(AR, "auto", "in/x.fa.txt") == ("ar", "detected")
    assert decide_source_language(FA, "auto", "in/x_ar.txt") == ("fa", "detected")
    assert decide_source_language(tie, "fa", "in/x.txt") == ("fa", "declared")
    assert detect_language(tie, hint="fa") == "fa" and detect_language(tie) == "ar"


def test_levantine_arabic_is_not_read_as_persian() -> None:
    """شو "what" and بده "wants" are Levantine as much as colloquial Persian."""
    assert detect_language("شو بدك تعمل اليوم؟ بده يروح عالشغل.") == "ar"
    assert detect_language("خداحافظ.") == "fa"


# Other inputs a user feeds it (fourth sweep, 2026-12-07): Arabic-script languages mlalign
# does not read were refused as holding "no Arabic-script text", or read as Persian; a
# Dari report quoting one Pashto sentence was refused; Arabizi and swapped files got
# messages that did not say what the file was.
URDU = ("پاکستان کے وزیر اعظم نے آج اسلام آباد میں ایک اہم اجلاس کی صدارت کی۔\n"
        "اجلاس میں ملک کی معاشی صورتحال پر تفصیلی بات چیت ہوئی۔")
PASHTO = ("د افغانستان په پلازمېنه کابل کې نن ورځ باران و اورېد.\n"
          "ښاروالۍ وویل چې ګڼ سړکونه د اوبو له امله بند شوي دي.")
SORANI = ("ئەمڕۆ لە شاری هەولێر کۆنفرانسێکی گەورە بۆ خوێندکاران ئەنجامدرا.\n"
          "زیاتر لە پێنج سەد خوێندکار بەشدارییان تێدا کرد.")
ARABIZI = "ana 7abibi, keefak?\nel yom ra7 nrou7 3al ba7r ma3 el shabab.\nba3den mnetghada 3and te2ta."


@pytest.mark.parametrize(("text", "name"), [
    (URDU, "Urdu"), (PASHTO, "Pashto"), (SORANI, "Sorani Kurdish"),
    ("پاکستان کے وزیر اعظم نے آج اجلاس کی صدارت کی۔", "Urdu"),
    ("زه په کابل کې اوسېږم.", "Pashto"),
])
@pytest.mark.parametrize("declared", ["auto", "fa", "ar"])
def test_another_arabic_script_language_is_refused_by_its_name(text: str, name: str,
                                                               declared: str) -> None:
    assert detect_language(text) == "other"
    with pytest.raises(InputError) as err:
        resolve_source_language(text, declared, "src.txt")
    assert f"looks like {name}, not Arabic or Persian" in str(err.value)
    if declared != "auto":
        assert f"declaring {declared} cannot change that" in str(err.value)
    with pytest.raises(InputError, match=f"English side looks like {name}"):
        check_english(text, "en.txt")


def test_a_persian_text_quoting_a_pashto_sentence_is_persian() -> None:
    dari = ("شاروالی کابل امروز اعلام کرد که کار ترمیم سرک‌ها آغاز شده است.\n"
            "یکی از باشندگان به زبان پښتو گفت: «موږ ډېر خوشحاله یو چې سړکونه جوړېږي».\n"
            "به گفته مسئولان، این کار تا ماه سرطان ادامه خواهد داشت.\n"
            "مردم از شاروالی خواستند که کیفیت کار را نظارت کند.")
    assert detect_language(dari) == "fa"
    assert resolve_source_language(dari, "auto", "src.txt") == "fa"


def test_arabizi_is_named() -> None:
    with pytest.raises(InputError, match="Arabic written in Latin letters"):
        resolve_source_language(ARABIZI, "auto", "src.txt")
    with pytest.raises(InputError, match="Arabic written in Latin letters"):
        resolve_source_language(ARABIZI, "ar", "src.txt")
    with pytest.raises(InputError, match=r"English side looks like Arabic written in Latin"):
        check_english(ARABIZI, "en.txt")


def test_english_with_digits_in_words_is_not_arabizi() -> None:
    from mlalign.text.langid import looks_arabizi

    assert not looks_arabizi("The G7 summit, the mp3 file, COVID19, H2O and 3D films on 5G, "
                             "on the 2nd and 3rd of May at 5pm.")


def test_swapped_files_are_named_as_swapped() -> None:
    from mlalign.text.langid import decide_source_language

    with pytest.raises(InputError, match="the files seem swapped"):
        decide_source_language(EN, "auto", "en.txt", other=("fa.txt", FA))
    with pytest.raises(InputError, match="seems like English"):  # English on both sides
        decide_source_language(EN, "auto", "en.txt", other=("en2.txt", EN))


def test_presentation_forms_are_read_as_their_letters() -> None:
    """Text from old PDFs in presentation forms (ﺍﻟﺴﻼﻡ): the evidence is in the letters."""
    import unicodedata

    shaped = "ﺃﻋﻠﻨﺖ ﺍﻟﺤﻜﻮﻣﺔ ﺍﻟﻴﻮﻡ ﻋﻦ ﺧﻄﺔ ﺟﺪﻳﺪﺓ ﻟﺪﻋﻢ ﺍﻟﻤﺰﺍﺭﻋﻴﻦ ﻓﻲ ﺍﻟﺠﻨﻮﺏ."
    assert unicodedata.normalize("NFKC", shaped) != shaped
    from mlalign.text.langid import _detect

    assert _detect(shaped, None) == ("ar", "text")


def test_urdu_in_short_lines_is_still_urdu() -> None:
    """A dialogue or subtitles: two Urdu letters a line, each line under the threshold
    alone, more than enough in all (a first version of the Pashto-quote rule read it as
    Persian)."""
    dialogue = "\n".join(["آپ کا نام کیا ہے؟", "میرا نام علی ہے", "آپ کا کام کیا ہے؟",
                          "میرا کام اچھا ہے"])
    assert detect_language(dialogue) == "other"
    with pytest.raises(InputError, match="looks like Urdu"):
        resolve_source_language(dialogue, "auto", "src.txt")
