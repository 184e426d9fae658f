"""Sentence and clause splitting in English, Arabic and Persian, plus the no-loss property."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlalign.text.split import presplit_lines, split_clauses, split_document, split_sentences
from mlalign.types import Sentence


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He left. She stayed! Why? Nobody knows.",
            ["He left.", "She stayed!", "Why?", "Nobody knows."],
        ),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("It cost $3,000. That is a lot.", ["It cost $3,000.", "That is a lot."]),
        (
            "Mr. Smith and Dr. Jones met at St. Mary's. They talked.",
            ["Mr. Smith and Dr. Jones met at St. Mary's.", "They talked."],
        ),
        (
            "Books by J. K. Rowling sell well. Fans agree.",
            ["Books by J. K. Rowling sell well.", "Fans agree."],
        ),
        (
            "Use tools, e.g. hammers, i.e. simple ones. Done.",
            ["Use tools, e.g. hammers, i.e. simple ones.", "Done."],
        ),
        (
            "We met at 9 a.m. on Jan. 5 in room No. 4. It rained.",
            ["We met at 9 a.m. on Jan. 5 in room No. 4.", "It rained."],
        ),
        ("The U.S. economy grew. It was fast.", ["The U.S. economy grew.", "It was fast."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ('"Stop it." He did.', ['"Stop it."', "He did."]),
        ("He said “we won.” Then he left.", ["He said “we won.”", "Then he left."]),
        ("(It was late.) We slept.", ["(It was late.)", "We slept."]),
        ("Wait... What happened?", ["Wait...", "What happened?"]),
        ("He paused... and went on.", ["He paused... and went on."]),
        ("1. Open the door.", ["1. Open the door."]),
        ("(a) Check the report", ["(a) Check the report"]),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قال الرئيس إن النمو بلغ ٣٫٥ في المئة. وأضاف أن الحكومة ستواصل الإصلاحات.",
            ["قال الرئيس إن النمو بلغ ٣٫٥ في المئة.", "وأضاف أن الحكومة ستواصل الإصلاحات."],
        ),
        ("هل هذا صحيح؟ نعم، بالتأكيد!", ["هل هذا صحيح؟", "نعم، بالتأكيد!"]),
        (
            "وقال: «سنواصل العمل.» ثم غادر القاعة.",
            ["وقال: «سنواصل العمل.»", "ثم غادر القاعة."],
        ),
        (
            "التقى د. أحمد بالوزير في عام ٢٠١٩ م. وناقشا الخطة.",
            ["التقى د. أحمد بالوزير في عام ٢٠١٩ م. وناقشا الخطة."],
        ),
        (
            "بلغت الميزانية ٣٬٠٠٠ دينار، وهي زيادة كبيرة؛ لكنها غير كافية.",
            ["بلغت الميزانية ٣٬٠٠٠ دينار، وهي زيادة كبيرة؛ لكنها غير كافية."],
        ),
        ("انتظر... ماذا حدث؟", ["انتظر... ماذا حدث؟"]),
        ("٢. افتح الباب.", ["٢. افتح الباب."]),
    ],
)
def test_arabic(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "دولت امروز برنامهٔ تازه‌ای اعلام کرد. این برنامه شامل ۳٫۵ میلیارد تومان است.",
            ["دولت امروز برنامهٔ تازه‌ای اعلام کرد.", "این برنامه شامل ۳٫۵ میلیارد تومان است."],
        ),
        ("آیا او می‌آید؟ نمی‌دانم!", ["آیا او می‌آید؟", "نمی‌دانم!"]),
        ("او گفت: «این کار مهم است.» سپس رفت.", ["او گفت: «این کار مهم است.»", "سپس رفت."]),
        (
            "د. محمد حسن در سال ۱۳۹۸ ه.ش. به ایران بازگشت. او استاد دانشگاه است.",
            ["د. محمد حسن در سال ۱۳۹۸ ه.ش. به ایران بازگشت.", "او استاد دانشگاه است."],
        ),
        ("۲. در را باز کنید.", ["۲. در را باز کنید."]),
        ("این جمله تمام شد۔ جملهٔ بعدی", ["این جمله تمام شد۔", "جملهٔ بعدی"]),
        ("شرکت Apple Inc. در آمریکا است.", ["شرکت Apple Inc. در آمریکا است."]),
    ],
)
def test_persian(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "fa") == expected


def test_paragraph_index_per_line() -> None:
    doc = "First line. Second sentence.\nAnother paragraph.\n\nThird one."
    assert split_document(doc, "en") == [
        Sentence("First line.", 0),
        Sentence("Second sentence.", 0),
        Sentence("Another paragraph.", 1),
        Sentence("Third one.", 2),
    ]


def test_hard_wrapped_blocks_are_joined() -> None:
    doc = (
        "The committee met on Monday and\ndiscussed the budget for the next\nyear in detail. It agreed.\n\n"
        "A second paragraph starts here\nand continues on this line\nuntil it ends.\n"
    )
    out = split_document(doc, "en")
    assert [s.text for s in out] == [
        "The committee met on Monday and discussed the budget for the next year in detail.",
        "It agreed.",
        "A second paragraph starts here and continues on this line until it ends.",
    ]
    assert [s.paragraph for s in out] == [0, 0, 1]


def test_list_lines_are_their_own_sentences() -> None:
    doc = "Steps:\n1. Open the file\n2. Check it\n۳. ذخیره کنید"
    assert [s.text for s in split_document(doc, "en")] == [
        "Steps:",
        "1. Open the file",
        "2. Check it",
        "۳. ذخیره کنید",
    ]


def test_presplit_keeps_empty_lines() -> None:
    out = presplit_lines("one\n\nthree\r\nfour\n", "x.txt")
    assert out == [Sentence("one", 0), Sentence("", 1), Sentence("three", 2), Sentence("four", 3)]


def test_clauses() -> None:
    assert split_clauses("Prices rose, wages fell; people protested: loudly.", "en") == [
        "Prices rose,",
        "wages fell;",
        "people protested:",
        "loudly.",
    ]
    long = "The minister said the plan would go ahead and the opposition called it reckless"
    assert split_clauses(long, "en") == [
        "The minister said the plan would go ahead",
        "and the opposition called it reckless",
    ]
    assert split_clauses("bread and butter", "en") == ["bread and butter"]
    assert split_clauses("قال الوزير، إن الخطة ستنفذ؛ لكن المعارضة رفضت.", "ar") == [
        "قال الوزير،",
        "إن الخطة ستنفذ؛",
        "لكن المعارضة رفضت.",
    ]
    fa = "وزیر گفت برنامه اجرا خواهد شد و مخالفان آن را بسیار خطرناک خواندند"
    assert split_clauses(fa, "fa") == [
        "وزیر گفت برنامه اجرا خواهد شد",
        "و مخالفان آن را بسیار خطرناک خواندند",
    ]


_ALPHABET = st.sampled_from(
    list("abcXYZ .!?؟…۔,،؛«»“”\"'()0123456789٣۵٫٬ ")
    + ["Mr.", "U.S.", "د.", "ه.ش.", "\u200c", " 1. ", "...", "e.g."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from(["en", "ar", "fa"]))
def test_no_character_lost(text: str, lang: str) -> None:
    para = text.replace("\n", " ")
    pieces = split_sentences(para, lang)
    assert _squash("".join(pieces)) == _squash(para)
    assert all(p and p == p.strip() for p in pieces)
    for clause_lang_text in pieces:
        assert _squash("".join(split_clauses(clause_lang_text, lang))) == _squash(clause_lang_text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Line one.", "", "سطر دوم", "  ", "x"]), max_size=20))
def test_presplit_numbering_property(lines: list[str]) -> None:
    # Files end each line with a newline; the final newline does not add a sentence.
    text = "".join(f"{ln}\n" for ln in lines)
    out = presplit_lines(text, "f")
    assert [s.text for s in out] == [ln.strip() for ln in lines]
    assert [s.paragraph for s in out] == list(range(len(out)))


_DOC = st.lists(
    st.sampled_from(
        [
            "He left.",
            "Mr. Lee",
            "قال الرئيس.",
            "و",
            "آیا؟",
            "\n",
            "\n\n",
            " ",
            "3.5",
            "«نعم.»",
            "(a) ",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_DOC, st.sampled_from(["en", "ar", "fa"]))
def test_document_split_keeps_every_character_in_order(doc: str, lang: str) -> None:
    out = split_document(doc, lang)
    assert _squash("".join(s.text for s in out)) == _squash(doc)
    paras = [s.paragraph for s in out]
    assert paras == sorted(paras)


def test_five_megabyte_single_line_splits() -> None:
    line = "Mr. Smith went to Washington. He met the U.S. president at 3 p.m. and left. " * 66_000
    assert len(line) > 5_000_000
    out = split_document(line, "en")
    assert len(out) == 132_000
    assert out[1].text == "He met the U.S. president at 3 p.m. and left."


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            '"Are you ready?" CNN reported. He left.',
            "en",
            ['"Are you ready?" CNN reported.', "He left."],
        ),
        (
            '"Is it true?" She said no one had ever told her about it before.',
            "en",
            ['"Is it true?"', "She said no one had ever told her about it before."],
        ),
        (
            "Sens. Mike Lee and the case Roe v. Wade. Next.",
            "en",
            ["Sens. Mike Lee and the case Roe v. Wade.", "Next."],
        ),
        (
            '"هل تريدون رؤية ذلك؟" كما أضاف هاميل. ثم غادر.',
            "ar",
            ['"هل تريدون رؤية ذلك؟" كما أضاف هاميل.', "ثم غادر."],
        ),
        (
            "«آماده هستید؟» سی ان ان گزارش کرد. او رفت.",
            "fa",
            ["«آماده هستید؟» سی ان ان گزارش کرد.", "او رفت."],
        ),
        (
            "«آماده هستید؟» او سپس به خانه رفت و در را بست.",
            "fa",
            ["«آماده هستید؟»", "او سپس به خانه رفت و در را بست."],
        ),
    ],
)
def test_quote_attributions(text: str, lang: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_headline_list_with_trailing_newline_keeps_lines() -> None:
    doc = "Markets fall\nRain expected\nElection results\nSport roundup\n"
    assert [s.text for s in split_document(doc, "en")] == doc.split("\n")[:4]


def test_bidi_mark_after_full_stop_still_ends_sentence() -> None:
    text = "او آمد.\u200f سپس رفت.\u200f"
    assert split_sentences(text, "fa") == ["او آمد.\u200f", "سپس رفت.\u200f"]


def test_unicode_whitespace_between_sentences() -> None:
    assert split_sentences("He came.\u00a0She left.", "en") == ["He came.", "She left."]


def test_rule_sets_satisfy_the_protocol() -> None:
    from mlalign.text.base import SentenceSplitter
    from mlalign.text.split import splitter_for

    for lang in ("ar", "fa", "en"):
        rules = splitter_for(lang)
        assert isinstance(rules, SentenceSplitter)
        assert lang in rules.languages


def _words(n: int, word: str) -> str:
    return " ".join([word] * n)


def test_a_run_on_original_is_cut_into_sentence_sized_pieces():
    text = f"{_words(120, 'كلمة')} {_words(130, 'شيء')}."
    pieces = [s.text for s in split_document(text, "ar")]
    assert len(pieces) >= 15
    assert all(5 <= len(p.split()) <= 20 for p in pieces)
    assert " ".join(pieces) == text
    assert {s.paragraph for s in split_document(text, "ar")} == {0}


def test_a_long_sentence_short_of_a_run_on_becomes_at_most_four_pieces():
    text = f"{_words(159, 'word')}."
    pieces = [s.text for s in split_document(text, "en")]
    assert 2 <= len(pieces) <= 4
    assert " ".join(pieces) == text


def test_a_long_sentence_is_cut_after_clause_punctuation_or_before_a_fused_opener():
    text = f"{_words(30, 'كلمة')}، {_words(28, 'شيء')} وقال {_words(30, 'أمر')}"
    pieces = [s.text for s in split_document(text, "ar")]
    assert pieces[0].endswith("كلمة،")
    assert pieces[1].endswith("شيء") and pieces[2].startswith("وقال")


def test_a_long_english_sentence_is_cut_before_a_conjunction_not_inside_a_phrase():
    text = f"{_words(30, 'word')} and {_words(55, 'thing')}."
    pieces = [s.text for s in split_document(text, "en")]
    assert len(pieces) == 3 and pieces[1].startswith("and ")


def test_a_long_news_sentence_stays_whole():
    text = _words(77, "کلمه") + "."
    assert [s.text for s in split_document(text, "fa")] == [text]


def test_an_audit_pairs_the_pieces_of_a_run_on_and_records_the_cut_length():
    from mlalign.drift import DriftConfig
    from mlalign.embed import HashingEmbedder
    from mlalign.pipeline import audit_texts
    from mlalign.text.split import LONG_SENTENCE_WORDS

    # Latin tokens the hashing embedder can match across the sides, one set per piece
    parts = [" ".join(f"t{i}x{j}" for j in range(20)) for i in range(10)]
    original = " وقال ".join(f"كتاب المدينة {part}" for part in parts)
    english = " ".join(f"{part}." for part in parts)
    audit = audit_texts(original, english, src_lang="ar", embedder=HashingEmbedder(dim=64),
                        drift_config=DriftConfig(word_alignment=False))
    assert len(audit.src_sentences) >= 4
    assert sum(1 for b in audit.beads if b.src_ids and b.tgt_ids) >= 4
    assert audit.provenance["inputs"]["long_sentence_words"] == LONG_SENTENCE_WORDS


def test_list_items_in_a_document_with_blank_line_paragraphs_stay_apart():
    en = "Intro.\n\n1. Iron\n2. Copper\n3. Gold\n"
    assert [s.text for s in split_document(en, "en")] == ["Intro.", "1. Iron", "2. Copper", "3. Gold"]
    ar = "مقدمة.\n\n- الحديد\n- النحاس\n- الذهب\n"
    assert [s.text for s in split_document(ar, "ar")] == ["مقدمة.", "- الحديد", "- النحاس", "- الذهب"]


def test_a_wrapped_line_opening_with_an_initial_is_not_a_list():
    text = ("The report was written\nby the committee and\nJ. Smith signed it\nlast week\n\n"
            "It was read\naloud by the chair\nin the hall\ntoday")
    assert [s.text for s in split_document(text, "en")] == [
        "The report was written by the committee and J. Smith signed it last week",
        "It was read aloud by the chair in the hall today"]


@pytest.mark.parametrize(("text", "lang"), [
    ("It added 12,500 titles.[1] I go there every day.", "en"),
    ("It added 12,500 titles.¹ I go there every day.", "en"),
    ("أضافت المكتبة عناوين جديدة.[١] أذهب إليها كل يوم.", "ar"),
])
def test_a_sentence_ends_before_a_footnote_marker_glued_to_its_full_stop(text, lang):
    assert len(split_document(text, lang)) == 2


def test_solar_hijri_abbreviation_typed_with_a_zero_width_non_joiner_ends_no_sentence():
    text = "آیت‌الله خمینی در ۱۳۶۸ ه\u200c.ش. درگذشت."
    assert [s.text for s in split_document(text, "fa")] == [text]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("المذيع:\nمساء الخير، ومعنا اليوم الدكتور سامي.\nالضيف:\nمساء النور، وشكراً على الدعوة.",
     "ar", ["المذيع: مساء الخير، ومعنا اليوم الدكتور سامي.", "الضيف: مساء النور، وشكراً على الدعوة."]),
    ("مجری:\nعصر بخیر.\nمهمان:\nسلام، ممنون از دعوت شما.",
     "fa", ["مجری: عصر بخیر.", "مهمان: سلام، ممنون از دعوت شما."]),
    ("Host:\nGood evening.\nDr Sami Khatib:\nGood evening, and thank you.",
     "en", ["Host: Good evening.", "Dr Sami Khatib: Good evening, and thank you."]),
    # turns separated by blank lines, the label on the first line of each
    ("Host:\nGood evening.\n\nGuest:\nThank you.\n\nHost:\nWelcome.",
     "en", ["Host: Good evening.", "Guest: Thank you.", "Host: Welcome."]),
    # a label alone in its block, the turn in the next
    ("Host:\n\nGood evening, and welcome to the programme tonight.\n\nGuest:\n\nThank you for having me here.",
     "en", ["Host: Good evening, and welcome to the programme tonight.",
            "Guest: Thank you for having me here."]),
])
def test_a_speaker_label_on_its_own_line_opens_the_next_turn(text: str, lang: str,
                                                             expected: list[str]) -> None:
    assert [s.text for s in split_document(text, lang)] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # inline labels were already fine
    ("س: هل ستعود؟\nج: نعم.", "ar", ["س: هل ستعود؟", "ج: نعم."]),
    # a longer line ending in a colon is a sentence, not a label
    ("The reasons are the following ones:\nPrices rose.", "en",
     ["The reasons are the following ones:", "Prices rose."]),
    # a heading over a list stays apart from its items
    ("Ingredients:\n- flour\n- water", "en", ["Ingredients:", "- flour", "- water"]),
    # a label at the very end has nothing to join
    ("Good evening.\nHost:", "en", ["Good evening.", "Host:"]),
])
def test_lines_that_are_not_speaker_labels_stay_as_they_were(text: str, lang: str,
                                                             expected: list[str]) -> None:
    assert [s.text for s in split_document(text, lang)] == expected


def test_a_letters_salutation_is_no_speaker_label() -> None:
    """"Dear Sir:" over a letter's body stayed a line of its own before labels were joined;
    joined to the first sentence, the Persian salutation read as an omission."""
    sentences = [s.text for s in split_document("Dear Sir:\n\nI write about the service.", "en")]
    assert sentences == ["Dear Sir:", "I write about the service."]
    lone = [s.text for s in split_document("Note:\n\nThe office is closed.", "en")]
    assert lone == ["Note:", "The office is closed."]


def test_hashtags_and_emoji_after_a_sentence_end_stay_with_it() -> None:
    # third real-genre sweep (2026-12-07): a tweet's trailing emoji and hashtag were a
    # "sentence" of their own, on each side
    assert split_sentences("بالاخره نتایج کنکور ۱۴۰۵ اعلام شد! 🎉 #کنکور", "fa") == [
        "بالاخره نتایج کنکور ۱۴۰۵ اعلام شد! 🎉 #کنکور"]
    assert split_sentences("The results are finally out! 🎉 #Konkur", "en") == [
        "The results are finally out! 🎉 #Konkur"]
    assert split_sentences("Well done! 👏👏\nNext year.", "en") == ["Well done! 👏👏", "Next year."]
    assert split_sentences("He left. #2 was next.", "en") == ["He left.", "#2 was next."]


def test_an_abbreviation_in_presentation_forms_does_not_end_a_sentence() -> None:
    """Text from an old PDF writes د. ("Dr.") as ﺩ.: still an abbreviation (fourth sweep)."""
    shaped = "ﻭﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ ﺇﻥ ﺍﻟﺨﻄﺔ ﺟﻴﺪﺓ. ﺩ. ﺃﺣﻤﺪ ﻗﺎﻝ ﺫﻟﻚ."
    assert split_sentences(shaped, "ar") == ["ﻭﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ ﺇﻥ ﺍﻟﺨﻄﺔ ﺟﻴﺪﺓ.", "ﺩ. ﺃﺣﻤﺪ ﻗﺎﻝ ﺫﻟﻚ."]
