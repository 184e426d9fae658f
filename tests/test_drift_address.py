"""Addresses copied from the original (web, e-mail, handles) must reach the English as
they are; a hashtag the English copies is not untranslated text."""

from __future__ import annotations

import pytest

from mlalign.drift import DriftConfig, detect_drift
from mlalign.drift.address import AddressChange, address_changes, addresses
from mlalign.drift.base import CheckContext
from mlalign.drift.untranslated import UntranslatedCheck
from mlalign.embed import default_embedder
from mlalign.types import Bead

FA_URL = "برای ثبت‌نام به https://www.arvancloud.ir/fa/signup بروید."
FA_MAIL = "پرسش‌های خود را به support@arvancloud.ir بفرستید."


def test_a_changed_domain_and_a_changed_mailbox_are_found() -> None:
    assert address_changes(FA_URL, "To sign up, go to https://www.arvancloud.com/en/signup.") == [
        AddressChange("https://www.arvancloud.ir/fa/signup", "https://www.arvancloud.com/en/signup")]
    assert address_changes(FA_MAIL, "Send your questions to sales@arvancloud.ir.") == [
        AddressChange("support@arvancloud.ir", "sales@arvancloud.ir")]
    assert address_changes(FA_MAIL, "Send your questions to our support team.") == [
        AddressChange("support@arvancloud.ir", None)]


@pytest.mark.parametrize(("src", "tgt"), [
    (FA_URL, "To sign up, go to arvancloud.ir/fa/signup/."),  # scheme, www. and slash aside
    (FA_MAIL, "Send your questions to Support@ArvanCloud.ir!"),
    ("وأخبر ستوريدج موقع LiverpoolFC.com أنه", "Sturridge told LiverpoolFC.com."),
    ("تابعونا على @BBCArabic", "Follow us at @BBCArabic."),
    ("قال السيد سميث إن 3.5 مليون شخص في U.S. وغيرها", "Mr. Smith said 3.5 million people in the U.S."),
])
def test_an_address_copied_as_it_is_is_no_change(src: str, tgt: str) -> None:
    assert address_changes(src, tgt) == []


@pytest.mark.parametrize(("src", "tgt"), [
    # Arabic question mark, invisible direction marks, curly quotes, glued text
    ("هل زرت موقع https://www.aljazeera.net؟", "Have you visited https://www.aljazeera.net?"),
    ("به www.president.ir\u200e\u200f مراجعه کنید.", "Visit www.president.ir."),
    ("سایت «www.khamenei.ir» را ببینید.", "See the site “www.khamenei.ir”."),
    ("در tasnimnews.com/fa/newsببینید.", "See tasnimnews.com/fa/news."),
    # Persian and Arabic-Indic digits, %-encoding, punycode
    ("www.isna.ir/news/۱۴۰۲۰۵۱۲ را ببینید.", "See www.isna.ir/news/14020512."),
    ("نشر في youm7.com/story/٢٠٢٣/٥/١٢ اليوم.", "Published at youm7.com/story/2023/5/12 today."),
    ("https://fa.wikipedia.org/wiki/تهران", "https://fa.wikipedia.org/wiki/%D8%AA%D9%87%D8%B1%D8%A7%D9%86"),
])
def test_an_address_written_in_another_form_is_no_change(src: str, tgt: str) -> None:
    """A tester's faithful pairs: each drew a high flag (drift 0.999)."""
    assert address_changes(src, tgt) == []


@pytest.mark.parametrize(("src", "tgt", "was"), [
    ("حساب @iran.international", "the account @iran.intl", "@iran.international"),
    ("موقع hespress.ma الإخباري", "the news site hespress.com", "hespress.ma"),
    ("موقع tawjihi.jo للنتائج", "tawjihi.gov.jo for the results", "tawjihi.jo"),
])
def test_handles_with_dots_and_any_country_ending_are_compared(src: str, tgt: str, was: str) -> None:
    assert [c.original for c in address_changes(src, tgt)] == [was]


def test_sentences_without_addresses_have_none() -> None:
    assert addresses("e.g. the U.S. economy grew 3.5% in 2019, Mr. Smith said.") == []


def test_a_changed_address_is_a_high_flag_and_a_copied_one_none() -> None:
    """Through the calibrated model: the pieces of the address ("arvancloud", "signup")
    are all in the English, so the name checks alone saw nothing (drift 0.02)."""
    bad = [Bead([0], [0], FA_URL, "To sign up, go to https://www.arvancloud.com/en/signup."),
           Bead([1], [1], FA_MAIL, "Send your questions to sales@arvancloud.ir.")]
    good = [Bead([0], [0], FA_URL, "To sign up, go to https://www.arvancloud.ir/fa/signup."),
            Bead([1], [1], FA_MAIL, "Send your questions to support@arvancloud.ir.")]
    detect_drift(bad, "fa", default_embedder())
    detect_drift(good, "fa", default_embedder())
    for bead in bad:
        flag = next(f for f in bead.flags if f.type == "entity")
        assert flag.severity == "high" and "in the English" in flag.detail
    assert all(f.type != "entity" for bead in good for f in bead.flags)


def test_a_hashtag_both_sides_write_is_not_untranslated() -> None:
    src = "کاربران با هشتگ #اینترنت_آزاد و #FreeInternet از این خبر استقبال کردند."
    ctx = CheckContext(src_lang="fa", config=DriftConfig(), calibration={})
    copied = "Users welcomed the news with the hashtags #FreeInternet and #اینترنت_آزاد."
    assert UntranslatedCheck().check(Bead([0], [0], src, copied), ctx) == []
    left = "Users welcomed the news with the hashtags #FreeInternet and اینترنت آزاد."
    assert UntranslatedCheck().check(Bead([0], [0], src, left), ctx)


def test_a_changed_file_name_is_found() -> None:
    # third real-genre sweep (2026-12-07): code-switched instructions name files in Latin
    src = "فایل config.yaml را باز کنید و مقدار timeout را روی ۳۰ ثانیه بگذارید."
    changes = address_changes(src, "Open the config.json file and set the timeout to 30 seconds.")
    assert changes == [AddressChange("config.yaml", "config.json")]
    assert changes[0].kind == "file name"
    assert address_changes(src, "Open the config.yaml file and set the timeout to 30 seconds.") == []
    assert address_changes("گزارش را در report_2024.XLSX ببینید.", "See the report in report_2024.xlsx.") == []
