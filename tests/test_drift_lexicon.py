"""The document's own name dictionary: a name the other pairs render, gone from this one."""

from __future__ import annotations

import pytest

from mlalign.drift import DriftConfig, detect_drift
from mlalign.drift.entity import find_entities
from mlalign.drift.lexicon import (
    MIN_PAIRS_ONLY_HERE,
    build_lexicon,
    lost_names,
    names_only_here,
    opening_names,
    source_words,
    word_keys,
)
from mlalign.types import Bead

PAIRS = [
    ("قال كافانو إنه بريء من التهم.", "On Monday Kavanaugh said he was innocent of the charges."),
    ("ورفض كافانو الرد على الأسئلة.", "Once again Kavanaugh refused to answer the questions."),
    ("وتحدث الفريق عن الجلسة.", "The team spoke about the hearing."),
    ("وأكد كافانو أنه سيبقى في منصبه.", "And Giselle insisted that she would stay in office."),
]


def test_a_name_the_other_pairs_render_is_lost_where_the_english_changes_it() -> None:
    lex = build_lexicon(PAIRS, common=set())
    assert lex.renderings[lex.key("كافانو")]["Kavanaugh"] == 2
    assert lost_names(lex, 3, *PAIRS[3], "ar") == [("كافانو", "Kavanaugh")]
    assert lost_names(lex, 0, *PAIRS[0], "ar") == []  # rendered there


def test_a_name_seen_only_in_the_pair_itself_teaches_nothing() -> None:
    lex = build_lexicon(PAIRS[:1] + PAIRS[2:], common=set())
    only = lex.confirmed[lex.key("كافانو")]
    assert only == {0}
    assert lost_names(lex, 0, *PAIRS[0], "ar") == []


def test_a_common_word_that_once_matched_a_name_is_not_one() -> None:
    """تیم is "team"; one pair that also says "Tommy" must not make it a name."""
    pairs = [("تیم ملی بازی کرد.", "On Sunday Tommy played for the national side."),
             ("تیم پیروز شد.", "The side won."),
             ("تیم شکست خورد.", "The side lost."),
             ("تیم به خانه رفت.", "The players went home.")]
    lex = build_lexicon(pairs, common=set())
    assert lex.key("تیم") in lex.confirmed
    assert all(lost_names(lex, i, s, t, "fa") == [] for i, (s, t) in enumerate(pairs[1:], 1))


def test_the_english_may_write_the_name_with_a_suffix() -> None:
    pairs = [("قال كافانو إنه بريء.", "He said Kavanaugh was innocent."),
             ("ورفض كافانو الرد.", "But Kavanaugh's team refused to answer.")]
    lex = build_lexicon(pairs, common=set())
    assert lost_names(lex, 1, *pairs[1], "ar") == []


def test_one_entry_whatever_the_clitic_and_punctuation() -> None:
    """لفورد and فورد are one name; «فلايشر:"هذا» holds the word فلايشر."""
    pairs = [("قالت فورد إنها متأكدة.", "On Monday Ford said she was certain."),
             ("واستمعت اللجنة لفورد.", "The committee heard Ford."),
             ('كتب فلايشر:"هذا الإنكار محتد".', '"This denial is angry," Fleischer wrote.'),
             ("وأضاف فلايشر أن الأمر انتهى.", "He added that Dolly was done.")]
    lex = build_lexicon(pairs, common=set())
    assert lex.confirmed[lex.key("فورد")] == {0, 1}
    assert lost_names(lex, 3, *pairs[3], "ar") == [("فلايشر", "Fleischer")]


def test_a_name_opening_a_sentence_counts_but_not_a_short_or_common_one() -> None:
    pairs = [("قال كافانو إنه بريء.", "Kavanaugh said he was innocent. Ross agreed."),
             ("ورفض كافانو الرد.", "He refused to answer.")]
    lex = build_lexicon(pairs, common=set())
    assert lex.renderings[lex.key("كافانو")]["Kavanaugh"] == 1
    assert lost_names(lex, 1, *pairs[1], "ar") == [("كافانو", "Kavanaugh")]
    assert opening_names("Ross agreed. Kavanaugh left. However it rained.", set()) == ["Kavanaugh"]


PALU = [("زلزله پالو را لرزاند.", "The quake shook Palu."),
        ("امدادگران صبح به شهر پالو رسیدند.", "Rescuers reached the city of Palu this morning."),
        ("پالو مرکز استان است.", "Palu is the capital of the province."),
        ("مردم خانه‌ها را ترک کردند.", "Many people left their homes."),
        ("مردم کمک خواستند.", "The people asked for help."),
        ("حدود ۱۶۷۰۰ نفر در پالو اسکان داده شدند.", "About 16,700 people were housed in Robin.")]


def test_a_short_name_opening_a_sentence_counts_where_the_document_writes_it_inside_one() -> None:
    assert opening_names("Palu is the capital.", set()) == []  # a two-consonant skeleton
    assert opening_names("Palu is the capital.", set(), frozenset({"Palu"})) == ["Palu"]
    lex = build_lexicon(PALU, common=set())
    assert lex.confirmed[lex.key("پالو")] == {0, 1, 2}


def test_a_lower_case_word_hides_a_settled_name_only_where_it_renders_it() -> None:
    """"people" has پالو's skeleton, but the pairs that write "people" say مردم."""
    lex = build_lexicon(PALU, common=set())
    assert lost_names(lex, 5, *PALU[5], "fa") == [("پالو", "Palu")]
    # where the pairs writing "people" do hold پالو, the word may be its rendering
    pairs = PALU[:3] + [("مردم پالو خانه‌ها را ترک کردند.", "Many people left their homes.")]
    pairs.append(PALU[5])
    lex = build_lexicon(pairs, common=set())
    assert lost_names(lex, 4, *pairs[4], "fa") == []


def test_a_first_name_is_not_lost_where_the_english_keeps_the_surname() -> None:
    pairs = [("قالت نانسي بيلوسي إنها غاضبة.", "On Friday the speaker Nancy Pelosi said that she was angry about the vote."),
             ("وأضافت نانسي أن الأمر انتهى.", "Later Nancy added that it was over."),
             ("وكررت نانسي موقفها.", "Pelosi repeated her position."),
             ("وكررت نانسي موقفها.", "Then Giselle repeated her position.")]
    lex = build_lexicon(pairs, common=set())
    assert lex.later_parts["Nancy"] == {"Pelosi"}
    assert lost_names(lex, 2, *pairs[2], "ar") == []
    assert lost_names(lex, 3, *pairs[3], "ar") == [("نانسي", "Nancy")]
    # the surname lost where the first name stays is lost
    pairs = [("فازت عيلدة دويل بالسباق.", "On Sunday Eilidh Doyle won the race."),
             ("وقالت دويل إنها سعيدة.", "Later Doyle said she was happy."),
             ("انتخبت عيلدة دويل للمجلس.", "Eilidh Chilean was elected to the board.")]
    lex = build_lexicon(pairs, common=set())
    assert lost_names(lex, 2, *pairs[2], "ar") == [("دويل", "Doyle")]


def _lost_after(document: list[tuple[str, str]], pair: tuple[str, str]) -> list[tuple[str, str]]:
    """The names `pair` loses, read as the last pair of a document after `document`."""
    return lost_names(build_lexicon([*document, pair], common=set()), len(document), *pair, "ar")


CLINTON = [("وقالت هيلاري إنها ستترشح.", "Later Hillary said she would run."),
           ("وأكدت هيلاري ذلك.", "Then Hillary confirmed it."),
           ("وهاجم كلينتون خصومه.", "Then Clinton attacked his opponents.")]
MARKS = [("عقود جديدة مع ماركس وسبنسر.", "New contracts with Marks and Spencer."),
         ("وقالت ماركس وسبنسر إنها سعيدة.", "Later that week Marks and Spencer said it was very pleased with the results."),
         ("باعت ماركس وسبنسر متاجرها.", "In the end Marks and Spencer sold most of its smaller shops in the north.")]


def test_a_first_name_is_not_lost_where_the_english_keeps_the_next_name_of_the_original() -> None:
    def lost(pair: tuple[str, str]) -> list[tuple[str, str]]:
        return _lost_after(CLINTON, pair)

    assert lost(("هاجم بها هيلاري كلينتون والحزب.", "He went after the Clintons and the party.")) == []
    # another first name in front of the surname is a swap, not a drop
    assert lost(("هاجم بها هيلاري كلينتون والحزب.", "He went after Bill Clinton and the party.")) == [
        ("هيلاري", "Hillary")]
    # a name after "and" (و) is another name, not the rest of this one
    assert lost(("بين مساعدي هيلاري وكلينتون.", "Between the aides and Clinton.")) == [("هيلاري", "Hillary")]


def test_a_name_is_not_lost_where_the_english_writes_its_initials() -> None:
    def lost(pair: tuple[str, str]) -> list[tuple[str, str]]:
        return _lost_after(MARKS, pair)

    assert lost(("أصبحت سفيرة لماركس أند سبنسر هذا العام.", "She became an ambassador for M&S this year.")) == []
    # other initials, or none, leave the name lost
    assert ("ماركس", "Marks") in lost(("أصبحت سفيرة ماركس أند سبنسر هذا العام.",
                                         "She became an ambassador for H&M this year."))
    assert ("ماركس", "Marks") in lost(("أصبحت سفيرة ماركس أند سبنسر هذا العام.",
                                         "She became an ambassador for the firm this year."))


AMERICA = [("عاد الفريق إلى الولايات المتحدة الأمريكية أمس.", "The team flew back to America yesterday."),
           ("وصل اللاعبون إلى الولايات المتحدة الأمريكية ليلا.", "The players reached America late at night."),
           ("ستلعب الولايات المتحدة الأمريكية مرة أخرى.", "America will play once again next week.")]


def test_a_name_is_not_lost_where_the_english_writes_another_alias_of_its_listed_place() -> None:
    """The document renders الأمريكية as America; "Team USA" still names the listed
    United States that الولايات المتحدة الأمريكية is, so nothing is lost."""
    pair = "فاز فريق أوروبا على فريق الولايات المتحدة الأمريكية."
    assert _lost_after(AMERICA, (pair, "Team Europe beat Team USA.")) == []
    assert _lost_after(AMERICA, (pair, "Team Europe beat Team Canada.")) == [("الأمريكية", "America")]


def test_a_name_confirms_only_the_original_word_closest_to_it() -> None:
    """Halkett is هالكيت; الوقت ("the time") in the same sentence is close too, not closest."""
    pairs = [("كان القائد هالكيت هائلاً طوال الوقت.", "Once again the captain, Halkett, was immense in defence."),
             ("لم يتبق الوقت.", "There was no time left.")]
    lex = build_lexicon(pairs, common=set())
    assert lex.key("هالكيت") in lex.confirmed
    assert lex.key("الوقت") not in lex.confirmed
    assert lost_names(lex, 1, *pairs[1], "ar") == []


def test_on_a_tie_the_word_closer_as_written_is_the_name() -> None:
    """Lithgow is as close to التوقعات ("the expectations", less its ات) as to ليثجو;
    as written, ليثجو is closer, and only it is the name."""
    pairs = [("تخطى روبنسون كل التوقعات ثم لم يتمكن ليثجو من التسديد.",
              "Robinson broke through, then Lithgow could only shoot wide."),
             ("واستمروا في تجاوز التوقعات هذا الموسم.", "They continued to exceed expectations this season.")]
    lex = build_lexicon(pairs, common=set())
    assert lex.key("ليثجو") in lex.confirmed
    assert lex.key("التوقعات") not in lex.confirmed
    assert lost_names(lex, 1, *pairs[1], "ar") == []


def test_a_common_word_once_beside_the_name_is_not_that_name() -> None:
    """فريق ("team") matches Furyk as well as فيوريك does, as written too, in the one pair
    that holds both; the pairs that write "Furyk" mostly hold فيوريك, not فريق."""
    pairs = [("قال فيوريك إن فريق أمريكا جاهز.", "On Friday Furyk said that the US team was ready."),
             ("وأضاف فيوريك أن اللاعبين متعبون.", "Later Furyk added that the players were tired."),
             ("وقال فيوريك إنه سعيد.", "Then Furyk said that he was very happy."),
             ("فريق أوروبا خسر المباراة.", "The European side lost the game on Sunday.")]
    lex = build_lexicon(pairs, common=set())
    assert lex.confirmed[lex.key("فريق")] == {0}
    assert lost_names(lex, 3, *pairs[3], "ar") == []
    # with the article, الفريق is farther from Furyk as written than فيوريك: never confirmed
    pairs[0] = ("قال فيوريك إن الفريق جاهز.", "On Friday Furyk said that the team was ready.")
    assert lex.key("الفريق") not in build_lexicon(pairs, common=set()).confirmed


def test_a_function_word_is_never_a_name() -> None:
    """وليس ("and not") and بأن ("that") match Lawless and Bone by skeleton; فليس is Fleiss,
    not ف + ليس."""
    assert source_words("وليس يقين بأن الأمر انتهى") == ["يقين", "الأمر", "انتهى"]
    assert word_keys({"فليس", "ليس"})["فليس"] == "فليس"
    assert word_keys({"لفورد", "فورد"})["لفورد"] == "فورد"


def test_a_name_written_in_a_hyphenated_word_or_as_its_adjective_is_not_lost() -> None:
    pairs = [("التقى كيم بالرئيس في تشيلي.",
              "On Monday Kim met the president in Chile for lengthy talks."),
             ("وصل كيم إلى تشيلي.", "Later that week Kim arrived in Chile for more talks."),
             ("سيعقد كيم قمة ثانية.", "There will be a second Kim-Trump summit within weeks."),
             ("قال خبير من تشيلي.", "A Chilean expert said that this was likely."),
             ("قال كيم إنه من تشيلي.", "Then Giselle said that she was born in Peru.")]
    lex = build_lexicon(pairs, common=set())
    assert lost_names(lex, 2, *pairs[2], "ar") == []
    assert lost_names(lex, 3, *pairs[3], "ar") == []
    assert lost_names(lex, 4, *pairs[4], "ar") == [("كيم", "Kim"), ("تشيلي", "Chile")]


def test_arabic_question_mark_ends_a_listed_name() -> None:
    assert "Trump" in find_entities("هل سنصوت لمحاسبة السيد ترامب؟", "ar")


@pytest.fixture(scope="module")
def embedder():
    from mlalign.embed import default_embedder

    return default_embedder()


def test_detect_drift_flags_the_lost_name_with_its_rendering(embedder) -> None:
    beads = [Bead([i], [i], s, t) for i, (s, t) in enumerate(PAIRS)]
    detect_drift(beads, "ar", embedder, DriftConfig(flag_min=0.0, word_alignment=False))
    assert beads[3].signals["name_lost"] == 1.0
    assert all(b.signals["name_lost"] == 0.0 for b in beads[:3])
    flag = next(f for f in beads[3].flags if f.type == "entity")
    assert flag.evidence["rendered_elsewhere"] == "Kavanaugh"
    assert beads[3].signals["p_entity"] > max(b.signals["p_entity"] for b in beads[:3])


def test_a_listed_name_the_english_writes_otherwise_is_not_swapped(embedder) -> None:
    """CLDR's سانت مارتن is Sint Maarten; here it is the church "St. Martin's"."""
    src = "أجراس كنيسة سانت مارتن تصمت في هارلم"
    tgt = "The Bells of St. Martin's Fall Silent in Harlem"
    bead = Bead([0], [0], src, tgt)
    detect_drift([bead], "ar", embedder, DriftConfig(flag_min=0.0, word_alignment=False))
    assert bead.signals["flag_entity"] < 0.9


def test_an_unmatched_name_no_other_pair_writes_is_only_here() -> None:
    english = ["Kavanaugh spoke.", "Then Kavanaugh left.", "The team met Giselle.",
               "Later Giselle's car came.", "Dolly was there.", "Nothing else happened."]
    unknown = {0: ["Kavanaugh"], 2: ["Giselle"], 4: ["Dolly"]}
    # Kavanaugh and Giselle (possessive too) recur; Dolly is written by this pair alone
    assert names_only_here(english, unknown) == {4: ["Dolly"]}
    # a document too short to say where else a name occurs gets nothing
    assert names_only_here(english[:MIN_PAIRS_ONLY_HERE - 1], {0: ["Kavanaugh"]}) == {}


def test_detect_drift_marks_a_name_only_this_pair_writes(embedder) -> None:
    pairs = PAIRS[:3] + [("وأكدت أنها ستبقى في منصبها.", "And Giselle insisted that she would stay."),
                         ("وقال المحامي إن الجلسة انتهت.", "The lawyer said the hearing was over."),
                         ("وغادر الجميع القاعة.", "Everyone left the room.")]
    beads = [Bead([i], [i], s, t) for i, (s, t) in enumerate(pairs)]
    detect_drift(beads, "ar", embedder, DriftConfig(flag_min=0.0, word_alignment=False))
    assert beads[3].signals["name_only_here"] == 1.0  # "Giselle": no transliteration, nowhere else
    assert all(b.signals["name_only_here"] == 0.0 for i, b in enumerate(beads) if i != 3)
    flag = next(f for f in beads[3].flags if f.type == "entity")
    assert flag.evidence["only_in_this_pair"] == ["Giselle"]


def _common_word_alignment(src: str, tgt: str, pairs: dict[str, str]):
    """A word alignment linking each original word in `pairs` to its English word."""
    import numpy as np

    from mlalign.align.words import WordAlignment
    from mlalign.drift.coverage import COVERAGE_LAYER

    wa = WordAlignment(src, tgt)
    sims = np.full((len(wa.src_words), len(wa.tgt_words)), 0.2, dtype=np.float32)
    for a, b in pairs.items():
        sims[wa.src_words.index(a), wa.tgt_words.index(b)] = 0.8
    wa.sims[COVERAGE_LAYER] = sims
    return wa


MATT = [
    ("بدأ العرض بمسرحية من بطولة مات دامون", "The show opened with a skit starring Matt Damon"),
    ("وقال المحامي إن موكله مات في السجن", "The lawyer said his client died in prison"),
]


def test_a_word_linked_to_the_name_itself_still_confirms_it() -> None:
    """مات linked to "Matt" confirms the name; linked to "died" it confirms nothing."""
    as_name = [_common_word_alignment(*MATT[0], {"مات": "Matt"}), None]
    lex = build_lexicon(MATT, set(), as_name)
    assert lex.confirmed[lex.key("مات")] == {0}
    as_verb = [_common_word_alignment(MATT[0][0], MATT[0][1].replace("skit", "died"),
                                      {"مات": "died"}), None]
    assert lex.key("مات") not in build_lexicon(MATT, set(), as_verb).confirmed


def test_a_word_the_english_renders_as_a_common_word_confirms_no_name() -> None:
    """فريق is "team" in a sentence that also names Furyk: it does not become his name."""
    pair = ("قال فريق المحامين إن فيوريك غادر", "The team of lawyers said Furyk left")
    wa = _common_word_alignment(*pair, {"فريق": "team", "فيوريك": "Furyk"})
    lex = build_lexicon([pair], set(), [wa])
    assert lex.key("فريق") not in lex.confirmed
    assert lex.key("فيوريك") in lex.confirmed


def test_detect_drift_reads_a_common_word_through_the_word_alignment(embedder) -> None:
    """With the real word alignment, مات "died" loses no name Matt."""
    pairs = [*MATT, ("وقال مات إنه سعيد بالعرض", "Matt said he was happy with the show")]
    beads = [Bead([i], [i], s, t) for i, (s, t) in enumerate(pairs)]
    detect_drift(beads, "ar", embedder, DriftConfig(flag_min=0.0, word_alignment=False))
    assert beads[1].signals["name_lost"] == 1.0  # without it, the verb looks like a lost name
    beads = [Bead([i], [i], s, t) for i, (s, t) in enumerate(pairs)]
    detect_drift(beads, "ar", embedder, DriftConfig(flag_min=0.0))
    assert beads[1].signals["name_lost"] == 0.0
    assert not any(f.type == "entity" for f in beads[1].flags)


def test_a_lower_case_word_that_renders_another_word_does_not_hide_a_name() -> None:
    """"aliens" sounds like آلبنس (Albence), but where the word alignment links it to
    بیگانه "foreign" it renders that word, and the English has lost the name."""
    pairs = [("آلبنس این را تایید کرد", "Albence confirmed this"),
             ("آلبنس به خبرنگاران گفت", "Albence told reporters"),
             ("آلبنس گفت که آنها مجرمین بیگانه هستند", "Many of them are criminal aliens")]
    lex = build_lexicon(pairs, set())
    assert lost_names(lex, 2, *pairs[2], "fa") == []  # hidden by "aliens"
    wa = _common_word_alignment(*pairs[2], {"بیگانه": "aliens"})
    assert lost_names(lex, 2, *pairs[2], "fa", wa) == [("آلبنس", "Albence")]
    # linked to the name's own word, a lower-case word still renders it
    wa = _common_word_alignment(*pairs[2], {"آلبنس": "aliens"})
    assert lost_names(lex, 2, *pairs[2], "fa", wa) == []
