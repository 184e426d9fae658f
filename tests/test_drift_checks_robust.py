"""The text-only checks never raise, whatever characters a real sentence carries: footnote
marks, digits of other scripts, vowel and format marks, stray month names and bounds. A
superscript footnote mark (¹, a digit to `str.isdigit` but not to `int`) beside a Solar
date stopped a whole audit with a ValueError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlalign.drift import DriftConfig
from mlalign.drift.base import CheckContext
from mlalign.drift.direction import DirectionCheck
from mlalign.drift.modality import ModalityCheck
from mlalign.drift.negation import NegationCheck
from mlalign.drift.number import NumberCheck
from mlalign.drift.untranslated import UntranslatedCheck
from mlalign.types import Bead

_SOURCES = {
    "fa": ["مراسم بزرگداشت او روز ۲۲ بهمن ۱۴۰۱ برگزار شد.", "بیش از ۱۰۰ نفر در میدان آزادی جمع شدند.",
           "پوهنتون کابل روز ۱۵ حمل ۱۴۰۲ باز شد و هیچ‌کس نیامد."],
    "ar": ["وتوفي الإمام البخاري سنة ٢٥٦هـ.", "قال إن نحو ٤٠ في المائة لا يحملون شهادات إلا قليلا.",
           "صدر القرار في ٢٧ رمضان ١٤٤٤ هـ يومي الاثنين والخميس."],
}
_ENGLISH = ["A ceremony was held on 11 February 2023.", "More than 100 people gathered on Mondays.",
            "He died in 256 AH (870 CE), not in 265 AH.", "About 40 percent hold degrees."]
_ODD = ["¹", "²³", "⁴", "½", "①", "١٢", "۱۲", "１２", "𝟙", "٫", "٬", "،", "\u200c", "\u200f",
        "\u064e", "\ufeff", "%", "٪", "-", "–", "بهمن", "حمل", "رمضان", "AH", "SH", "February",
        "over", "about", "نحو", "بیش از", "إلا", "لا", "not"]


def _sprinkled(text: str, picks: list[tuple[int, str, bool]]) -> str:
    """`text` with each (position, piece, glued) put in: as a word, or glued to one."""
    words = text.split(" ")
    for pos, piece, glued in picks:
        k = pos % (len(words) + 1)
        if glued and k < len(words):
            words[k] += piece
        else:
            words.insert(k, piece)
    return " ".join(words)


_PICKS = st.lists(st.tuples(st.integers(0, 30), st.sampled_from(_ODD), st.booleans()),
                  min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(lang=st.sampled_from(["ar", "fa"]), k=st.integers(0, 2), e=st.integers(0, 3),
       src_picks=_PICKS, tgt_picks=_PICKS)
def test_the_text_checks_never_raise(lang: str, k: int, e: int, src_picks, tgt_picks) -> None:
    src = _sprinkled(_SOURCES[lang][k], src_picks)
    tgt = _sprinkled(_ENGLISH[e], tgt_picks)
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    for check in (NumberCheck(), NegationCheck(), UntranslatedCheck(), ModalityCheck(),
                  DirectionCheck()):
        flags = check.check(Bead([0], [0], src, tgt), ctx)
        assert all(f.severity in ("low", "medium", "high") and f.detail for f in flags)
