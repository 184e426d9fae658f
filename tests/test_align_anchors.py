"""Paragraph boundaries act as soft anchors; mixed-language documents are reported, not aligned silently."""

from __future__ import annotations

import numpy as np

from mlalign.align import AlignConfig, align_vectors
from mlalign.align.embedding import mixed_language_warning
from mlalign.types import Sentence


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _ambiguous() -> tuple[np.ndarray, np.ndarray, list[int], list[int]]:
    """Source sentence 5 is half-translated into BOTH English sentences 4 and 5.

    Vectors alone cannot tell whether it belongs with source 4 (bead 4-5 : 4) or with
    source 6 (bead 5-6 : 5); only the paragraph structure can.
    """
    rng = np.random.default_rng(0)
    src = _unit(rng.standard_normal((12, 64)))
    v = src[5]
    tgt = np.stack([*src[:4], _unit(src[4] + 0.6 * v), _unit(src[6] + 0.6 * v), *src[7:]])
    return src, tgt, [50] * 12, [50] * 4 + [75, 75] + [50] * 5


def _n_m(spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    return [s for s in spans if (s[1] - s[0], s[3] - s[2]) != (1, 1)]


def test_paragraph_start_pulls_sentence_forward() -> None:
    src, tgt, sl, tl = _ambiguous()
    # a paragraph starts at source 5 and at English 5: sentence 5 goes with sentence 6
    sp, tp = [0] * 5 + [1] * 7, [0] * 5 + [1] * 6
    assert _n_m(align_vectors(src, tgt, sl, tl, "fa", AlignConfig(), sp, tp)) == [(5, 7, 5, 6)]


def test_paragraph_end_keeps_sentence_back() -> None:
    src, tgt, sl, tl = _ambiguous()
    # a paragraph starts at source 6 and at English 5: sentence 5 stays with sentence 4
    sp, tp = [0] * 6 + [1] * 6, [0] * 5 + [1] * 6
    assert _n_m(align_vectors(src, tgt, sl, tl, "fa", AlignConfig(), sp, tp)) == [(4, 6, 4, 5)]


def test_anchor_is_soft() -> None:
    """A paragraph split on one side only must not force a wrong alignment."""
    rng = np.random.default_rng(1)
    src = _unit(rng.standard_normal((10, 64)))
    tgt = _unit(src + 0.1 * rng.standard_normal((10, 64)))
    sp = [0] * 3 + [1] * 7
    tp = [0] * 6 + [1] * 4  # disagrees with the source paragraphs
    spans = align_vectors(src, tgt, [40] * 10, [40] * 10, "ar", AlignConfig(), sp, tp)
    assert spans == [(i, i + 1, i, i + 1) for i in range(10)]


def test_english_side_with_arabic_script_is_reported() -> None:
    src = [Sentence(t) for t in ["او به خانه رفت و در را بست.", "هوا بسیار سرد بود.", "ما فردا به مدرسه می‌رویم.", "این کتاب را دوست دارم."]]
    clean = [Sentence(t) for t in ["He went home and shut the door.", "It was very cold.", "We are going to school tomorrow.", "I like this book."]]
    assert mixed_language_warning(src, clean) is None
    half = clean[:2] + src[2:]  # untranslated: the original pasted into the English file
    warning = mixed_language_warning(src, half)
    assert warning is not None and "mixed languages" in warning and "2 of 4 English" in warning


def test_original_with_english_passages_is_reported() -> None:
    src = [Sentence(t) for t in ["او به خانه رفت و در را بست.", "The weather was very cold that night.",
                                 "We are going to school tomorrow morning.", "این کتاب را دوست دارم."]]
    tgt = [Sentence(t) for t in ["He went home and shut the door.", "It was very cold.", "We are going to school tomorrow.", "I like this book."]]
    warning = mixed_language_warning(src, tgt)
    assert warning is not None and "original sentences are English" in warning



def test_original_quoting_a_pashto_sentence_is_reported() -> None:
    """A Dari report that quotes a resident in Pashto is read as Persian (fourth sweep); the
    quoted sentence is named, since no check knows Pashto."""
    src = [Sentence(t) for t in ["شاروالی کابل امروز اعلام کرد که کار ترمیم سرک‌ها آغاز شده است.",
                                 "یکی از باشندگان گفت: «موږ ډېر خوشحاله یو چې سړکونه جوړېږي».",
                                 "مردم از شاروالی خواستند که کیفیت کار را نظارت کند."]]
    tgt = [Sentence(t) for t in ["The Kabul municipality announced that road repairs have begun.",
                                 "One resident said: \"We are very happy that the roads are being built.\"",
                                 "People asked the municipality to supervise the quality of the work."]]
    warning = mixed_language_warning(src, tgt)
    assert warning is not None and "1 of 3 original sentences look Pashto (first: 1)" in warning
    assert mixed_language_warning([src[0], src[2]], [tgt[0], tgt[2]]) is None
