"""Long digit strings (phone, account and ID numbers) are compared digit by digit, in any
script and with any separators, so a changed last digit is flagged however long the number."""

from __future__ import annotations

import pytest

from mlalign.drift import DriftConfig
from mlalign.drift.base import CheckContext
from mlalign.drift.number import NumberCheck
from mlalign.types import Bead


def _flags(src: str, tgt: str, lang: str) -> list[tuple[str, str]]:
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    return [(f.severity, f.detail) for f in NumberCheck().check(Bead([0], [0], src, tgt), ctx)]


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("بلغ عدد السكان 4567890 نسمة.", "The population reached 4,567,891.", "ar"),
    ("اتصل بالرقم 88776655 للاستفسار.", "Call 88776650 for enquiries.", "ar"),
    ("رقم الحساب ١٢٣٤٥٦٧٨٩ لدى البنك.", "The account number at the bank is 123456780.", "ar"),
    ("شماره پرونده ۱۲۳۴۵۶۷۸۹۰۱۲۳ است.", "The case number is 1234567890124.", "fa"),
])
def test_changed_last_digit_of_a_long_number_is_flagged(src: str, tgt: str, lang: str) -> None:
    assert [sev for sev, _ in _flags(src, tgt, lang)] == ["high"]


def test_changed_phone_number_is_flagged_quoting_the_whole_number() -> None:
    flags = _flags("با شمارهٔ ۰۲۱-۸۸۷۷۶۶۵۵ تماس بگیرید.", "Call 021-88776650.", "fa")
    assert [sev for sev, _ in flags] == ["high"]
    assert "021-88776655" in flags[0][1] and "021-88776650" in flags[0][1]


@pytest.mark.parametrize("tgt", [
    "Call +98 21 8877 6655.",  # with the country code instead of the 0
    "Call 021 8877 6655.",
    "Call 02188776655.",
])
def test_same_phone_number_with_other_separators_is_not_flagged(tgt: str) -> None:
    assert _flags("با شمارهٔ ۰۲۱-۸۸۷۷۶۶۵۵ تماس بگیرید.", tgt, "fa") == []


def test_phone_number_shown_in_reversed_groups_is_not_flagged() -> None:
    """Right-to-left text often shows the groups of 859-292-3680 in the reverse order
    (an NTREX sentence does)."""
    src = "با شماره‌ ۳۶۸۰-۲۹۲-۸۵۹ با پلیس نیوپورت تماس بگیرند."
    assert _flags(src, "They should contact Newport police at 859-292-3680.", "fa") == []
