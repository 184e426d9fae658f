"""The cross-encoder's training data: labelled as said, never from the Tatoeba pairs the
clean-text benchmark reports on, and from NTREX only the documents asked for."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from train_omission_encoder import clumsy, cut, minor, swap, synthetic_pairs, training_pools  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
needs_corpora = pytest.mark.skipif(not (SHARED / "tatoeba" / "ara.txt").is_file(),
                                   reason="../shared/corpora not present")


def test_a_cut_loses_words_and_keeps_the_order() -> None:
    sentences = ["Tom bought a red car in Boston last week.", "He drives it to work every day."]
    rng = random.Random(1)
    for _ in range(50):
        out = cut(sentences, rng)
        assert out is not None
        words, kept = " ".join(sentences).split(), out.split()
        assert 2 <= len(words) - len(kept)
        # what is left reads in the original order
        it = iter(w.strip(",.;") for w in words)
        assert all(any(k.strip(",.;") == w for w in it) for k in kept)


def test_clumsy_english_keeps_every_content_word() -> None:
    words = "The old man gave his daughter a book about the history of Iran.".split()
    rng = random.Random(2)
    content = {"old", "man", "gave", "daughter", "book", "history", "iran"}
    for _ in range(50):
        out = {w.lower().strip(".,") for w in clumsy(words, rng)}
        assert content <= out


def test_a_minor_loss_drops_one_content_word_from_a_long_english_only() -> None:
    rng = random.Random(4)
    words = "The old man gave his daughter a book about the history of Iran.".split()
    for _ in range(50):
        out = minor(words, rng)
        assert out is not None and len(out) == len(words) - 1
        lost = [w for w in words if w not in out]
        assert len(lost) == 1 and lost[0].lower() not in {"the", "a", "of", "iran."}
    assert minor("Tom bought a red car yesterday.".split(), rng) is None


def test_a_swap_keeps_the_length_and_loses_words() -> None:
    rng = random.Random(3)
    text = "The committee will meet on Monday to discuss the new budget plan."
    other = "Children were playing football in the park near the river all afternoon."
    out = swap(text, other, rng)
    assert out is not None and len(out.split()) == len(text.split()) and out != text


@needs_corpora
def test_examples_are_labelled_by_kind_and_avoid_held_out_pairs() -> None:
    from bench_drift_clean import pairs_for

    data = synthetic_pairs(600, seed=5)
    assert data == synthetic_pairs(600, seed=5)
    kinds = {k for *_, k in data}
    assert kinds == {"clean", "clumsy", "addition", "swap", "omission"}
    for _, _, _, label, kind in data:
        assert label == (kind in ("swap", "omission"))
    assert {lang for lang, *_ in data} == {"ar", "fa"}
    pools = training_pools()
    held_out = set(pairs_for("ar", 2000))
    assert held_out and not held_out & set(pools["ar"])
    assert len(pools["ar"]) > 5000 and len(pools["fa"]) > 2000


@needs_corpora
def test_the_tried_variants_add_minor_losses_and_longer_examples() -> None:
    plain = synthetic_pairs(400, seed=6)
    tried = synthetic_pairs(400, seed=6, max_group=5, minor_share=0.06)
    assert "minor" not in {k for *_, k in plain}
    assert {label for *_, label, k in tried if k == "minor"} == {0}
    mean_words = [sum(len(t.split()) for _, _, t, _, k in d if k == "clean") /
                  sum(k == "clean" for *_, k in d) for d in (plain, tried)]
    assert mean_words[1] > 1.3 * mean_words[0]


@needs_corpora
def test_ntrex_examples_come_from_one_parity_of_documents_only() -> None:
    from devdata import load_ntrex
    from train_omission_encoder import ntrex_pairs

    even = ntrex_pairs(2, 0)
    assert even == ntrex_pairs(2, 0)
    quarters = ntrex_pairs(4, 0), ntrex_pairs(4, 2)
    assert not {s for _, s, *_ in quarters[0]} & {s for _, s, *_ in quarters[1]}
    for lang in ("ar", "fa"):
        docs = load_ntrex(lang)
        odd_src = {s for d, doc in enumerate(docs) if d % 2 for s in doc.src}
        even_src = {s for d, doc in enumerate(docs) if d % 2 == 0 for s in doc.src}
        used = {src for lg, src, *_ in even if lg == lang}
        assert used and used <= even_src and not used & (odd_src - even_src)
    for _, _, _, label, kind in even:
        assert label == (kind in ("swap", "omission"))
    # every line appears clean once, and most once more changed
    clean = sum(k == "clean" for *_, k in even)
    assert clean > 1500 and len(even) - clean > 0.8 * clean


@needs_corpora
def test_ntrex_copies_repeat_each_line_clean_and_change_it_anew() -> None:
    from train_omission_encoder import ntrex_pairs

    once, thrice = ntrex_pairs(4, 0), ntrex_pairs(4, 0, copies=3)
    assert thrice[:len(once)] == once  # one copy is the plain pass, seed and all
    clean = [(lg, s, t) for lg, s, t, _, k in once if k == "clean"]
    assert sorted((lg, s, t) for lg, s, t, _, k in thrice if k == "clean") == sorted(clean * 3)
    changed_once = {(s, t) for _, s, t, _, k in once if k != "clean"}
    changed_all = {(s, t) for _, s, t, _, k in thrice if k != "clean"}
    assert len(changed_all) > 2 * len(changed_once)  # later passes change lines differently
