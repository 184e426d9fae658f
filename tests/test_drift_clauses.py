"""The clauses the drift checks compare: a cut before a conjunction stands only when both
sides carry enough content to be matched on their own."""

from __future__ import annotations

from mlalign.drift import DriftConfig
from mlalign.drift.clauses import content_count, segments, split_clauses

SAMPLE = ("An examination of evidence and the actions of Americans in Iraq confirms the duality "
          "in Washington's behavior.")


def test_content_words_are_counted_without_function_words() -> None:
    assert content_count("An examination of evidence", "en") == 2
    assert content_count("and the actions of Americans in Iraq", "en") == 3
    assert content_count("بررسی شواهد و اقدامات آمریکایی‌ها", "fa") == 4  # و is a function word


def test_a_noun_joined_by_and_stays_in_its_clause() -> None:
    # the shipped sample's sentence: "and" joins two nouns, not two clauses
    assert split_clauses(SAMPLE, "en") == [
        "An examination of evidence", "and the actions of Americans in Iraq confirms the duality "
        "in Washington's behavior."]
    assert split_clauses(SAMPLE, "en", min_content=3) == [SAMPLE]


def test_two_clauses_joined_by_and_stay_apart() -> None:
    text = "The minister announced the reform plan on Monday and the opposition rejected it within hours."
    assert split_clauses(text, "en", min_content=3) == [
        "The minister announced the reform plan on Monday",
        "and the opposition rejected it within hours."]


def test_a_cut_at_punctuation_is_kept_however_short() -> None:
    text = "Prices of bread and fuel rose sharply last year, but wages fell."
    assert split_clauses(text, "en", min_content=3) == [
        "Prices of bread and fuel rose sharply last year,", "but wages fell."]


def test_persian_and_joining_two_nouns_stays_in_its_clause() -> None:
    text = "حضور نظامی آمریکا در استان نینوا و استفاده ابزاری از تروریست‌ها بخشی از راهبرد است"
    assert len(split_clauses(text, "fa")) == 2
    assert len(split_clauses(text, "fa", min_content=3)) == 2  # both sides carry content
    thin = "در این میان شواهد و اقدامات آمریکایی‌ها در عراق دوگانگی رفتار واشنگتن را تأیید می‌کند"
    assert len(split_clauses(thin, "fa")) == 2
    assert split_clauses(thin, "fa", min_content=3) == [thin]  # میان، شواهد: two content words


def test_the_checks_use_the_configured_minimum() -> None:
    cfg = DriftConfig()
    assert cfg.clause_min_content == 3
    assert segments(SAMPLE, "en", cfg.clause_min_words, 20, cfg.clause_min_content) == [SAMPLE]
    assert len(segments(SAMPLE, "en", cfg.clause_min_words, 20)) == 2  # the benchmark's cut
