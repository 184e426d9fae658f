"""Modality: a hedge of the original the English drops is a medium flag (sixth real-genre
sweep, 2026-12-08: "may reduce" made "reduces", ويُرجَّح "it is likely" made "have
confirmed", به نظر می‌رسد "seems" made a plain "has lost", each scored drift 0.01)."""

from __future__ import annotations

import numpy as np
import pytest

from mlalign.drift import DriftConfig, detect_drift
from mlalign.drift.base import CheckContext
from mlalign.drift.modality import ModalityCheck
from mlalign.types import Bead


def _flags(src: str, tgt: str, lang: str) -> list[tuple[str, str]]:
    ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
    return [(f.severity, f.detail) for f in ModalityCheck().check(Bead([0], [0], src, tgt), ctx)]


HEDGED = [
    ("كشفت دراسة أن المشي اليومي قد يخفض خطر الإصابة بالخرف بنسبة تصل إلى 31%.",
     "A study found that daily walking may reduce the risk of dementia by up to 31%.",
     "A study found that daily walking reduces the risk of dementia by 31%.", "ar"),
    ("ويُرجَّح، بحسب التحقيقات الأولية، أن الشبكة مرتبطة بجهات تهريب.",
     "According to preliminary investigations, the network is likely linked to smuggling groups.",
     "Preliminary investigations have confirmed that the network is linked to smuggling groups.", "ar"),
    ("به نظر می‌رسد کارگردان در پرده سوم ریتم اثر را از دست داده است.",
     "The director seems to have lost control of the film's rhythm in the third act.",
     "The director has lost control of the film's rhythm in the third act.", "fa"),
    ("شاید اگه دوباره برم پاییز رو انتخاب کنم.", "If I go again I might choose autumn.",
     "When I go again I'll definitely choose autumn.", "fa"),
]


@pytest.mark.parametrize(("src", "good", "bad", "lang"), HEDGED)
def test_a_hedge_the_english_drops_is_a_medium_flag(src: str, good: str, bad: str, lang: str) -> None:
    assert _flags(src, good, lang) == []
    [(severity, detail)] = _flags(src, bad, lang)
    assert severity == "medium" and "hedges" in detail


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    # قد before a past verb asserts: "has been done"
    ("وقد تم إعداد هذا التصويت في محاولة لحل النزاع.", "The vote was set up in a bid to resolve the dispute.", "ar"),
    # the hedge kept by another word
    ("ربما يصل الوفد غدا.", "The delegation could arrive tomorrow.", "ar"),
    ("احتمالاً فردا باران می‌بارد.", "Rain is expected tomorrow.", "fa"),
    # not hedges: "until it shows ripe", "does not seem", a question, "impossible"
    ("نهى عن بيع الثمار حتى يبدو صلاحها.", "He forbade the sale of fruit until it was clearly ripe.", "ar"),
    ("هذا لا يبدو لي منطقيا.", "This makes no sense to me.", "ar"),
    ("لماذا قد يكون أخذ صور للقطارات مثيرًا؟", "Why is taking pictures of trains so interesting?", "ar"),
    ("حل مخاصمه، غیر ممکن است.", "It is impossible to resolve the conflict.", "fa"),
])
def test_a_hedge_kept_or_no_hedge_is_no_flag(src: str, tgt: str, lang: str) -> None:
    assert _flags(src, tgt, lang) == []


class _ConstantVectors:
    """One fixed vector for every text: the modality check needs no meaning."""

    name = "constant"

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0


def test_a_dropped_hedge_makes_the_bead_medium() -> None:
    """The calibrated `drift` follows the flag: a fixed weight, as for direction."""
    src, good, bad, lang = HEDGED[1]
    beads = [Bead([0], [0], src, good), Bead([1], [1], src, bad)]
    detect_drift(beads, lang, _ConstantVectors(), DriftConfig(word_alignment=False))
    assert beads[0].drift < 0.5 <= beads[1].drift
    assert any(f.type == "modality" and f.severity == "medium" for f in beads[1].flags)


def test_an_estimate_stated_as_a_fact_and_a_definition() -> None:
    """يُقدَّر "is estimated" made "stands at" (seventh sweep); a definition's به ... گفته
    می‌شود is "is called", no hedge."""
    src = "ويُقدَّر عدد النازحين بنحو 180 ألف شخص."
    assert _flags(src, "The number of displaced people is estimated at around 180,000.", "ar") == []
    assert [s for s, _ in _flags(src, "The number of displaced people stands at 180,000.", "ar")] == ["medium"]
    definition = "در این آیین‌نامه، «موجر» به مالک یا هر شخصی گفته می‌شود که حق واگذاری واحد را دارد."
    assert _flags(definition, 'In these regulations, "landlord" means the owner or anyone entitled to let the unit.',
                  "fa") == []
