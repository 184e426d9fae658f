"""Word coverage signals: the share of content words without a counterpart and the
longest uncovered stretch, from a bead's word alignment."""

from __future__ import annotations

import numpy as np

from mlalign.align.words import WordAligner, WordAlignment
from mlalign.drift.coverage import COVERAGE_LAYER, SHARE_PRIOR, content_mask, coverage_signals
from mlalign.embed.e5_words import E5WordEncoder


def test_content_words_skip_function_words_and_punctuation() -> None:
    assert content_mask("The minister announced it , and left".split(), "en").tolist() == [
        False, True, True, False, False, False, True]
    assert content_mask("قال الوزير إن الحكومة في بغداد".split(), "ar").tolist() == [
        True, True, False, True, False, True]


def test_longest_uncovered_stretch_is_reported() -> None:
    # original words 0-1 link to English words 0-1; words 2-4 have no counterpart
    src, tgt = "قال الوزير إن الحكومة ستستقيل قريبا", "minister said"
    sims = np.full((6, 2), 0.1, dtype=np.float32)
    sims[0, 1] = sims[1, 0] = 0.9
    sig, notes = coverage_signals(WordAlignment(src, tgt, {COVERAGE_LAYER: sims}), "ar")
    # الحكومة ستستقيل قريبا: 3 of 5 content words (إن skipped), over 5 + SHARE_PRIOR
    assert sig["w_src_run"] == 3 / (5 + SHARE_PRIOR)
    assert sig["w_src_unlinked"] == 3 / (5 + SHARE_PRIOR)
    assert notes["uncovered_src"] == "الحكومة ستستقيل قريبا"
    assert sig["w_tgt_unlinked"] == 0.0 and "uncovered_tgt" not in notes


def test_a_cut_clause_leaves_original_words_uncovered() -> None:
    src = "قال الوزير إن الحكومة ستستقيل إذا فشلت المفاوضات مع النقابات."
    full = "The minister said the government would resign if talks with the unions failed."
    cut = "The minister said the government would resign."
    aligner = WordAligner(E5WordEncoder())
    a, b = aligner.align([(src, full), (src, cut)])
    sa, _ = coverage_signals(a, "ar")
    sb, notes = coverage_signals(b, "ar")
    assert sb["w_src_run"] > sa["w_src_run"] and sb["w_src_unlinked"] > sa["w_src_unlinked"]
    assert "المفاوضات" in notes["uncovered_src"]


def test_one_unmatched_word_weighs_less_in_a_short_sentence() -> None:
    """One unmatched word of two is weaker evidence of a cut than four of eight."""
    def run_share(n_src: int, unmatched: int) -> float:
        src = " ".join(["بغداد"] * (n_src - unmatched) + ["الحكومة"] * unmatched)
        sims = np.full((n_src, 1), 0.1, dtype=np.float32)
        sims[: n_src - unmatched, 0] = 0.9
        return coverage_signals(WordAlignment(src, "Baghdad", {COVERAGE_LAYER: sims}), "ar")[0][
            "w_src_run"]
    assert run_share(2, 1) < run_share(8, 4)


def test_a_word_linked_by_chance_does_not_break_an_uncovered_stretch() -> None:
    """A cut clause whose one name links by chance is still a dense uncovered stretch: the
    longest run halves, the densest stretch hardly moves."""
    from mlalign.drift.coverage import _longest_run, densest_stretch

    cut = np.array([0, 0, 1, 1, 1, 1, 1, 1, 0, 0], dtype=bool)
    chance = cut.copy()
    chance[4] = False  # a name inside the cut clause links to the English
    every = np.ones(10, dtype=bool)
    assert _longest_run(chance, every)[0] < _longest_run(cut, every)[0] - 2
    assert densest_stretch(chance) >= 0.7 * densest_stretch(cut) > 0.5
    # two words of a three-word sentence weigh less than four of a ten-word one
    assert densest_stretch(np.array([1, 1, 0], dtype=bool)) < densest_stretch(cut)


def test_a_word_beside_its_rendering_shares_the_link() -> None:
    from mlalign.drift.coverage import JOINT_MARGIN, many_to_one

    # original words 0 and 1 both render English word 0 ("scarce": قليلة وغير متوفرة);
    # word 3 matches English word 1 best, but no neighbour links there
    sims = np.array([[0.90, 0.10], [0.86, 0.20], [0.10, 0.80], [0.30, 0.76]], dtype=np.float32)
    links = (sims >= sims.max(1, keepdims=True) - 0.02) & (sims >= sims.max(0, keepdims=True) - 0.02)
    assert not links[1].any() and not links[3].any()
    joined = many_to_one(sims, links)
    assert joined[1, 0]  # beside word 0, nearly as close to its English word
    assert joined[3, 1]  # beside word 2, which links to English word 1
    far = sims.copy()
    far[1, 0] = 0.90 - JOINT_MARGIN - 0.05  # beside it, but clearly less similar
    assert not many_to_one(far, links)[1].any()
    apart = np.array([[0.90, 0.1, 0.1], [0.1, 0.9, 0.1], [0.86, 0.1, 0.2]], dtype=np.float32)
    apart_links = (apart >= apart.max(1, keepdims=True) - 0.02) & (apart >= apart.max(0, keepdims=True) - 0.02)
    assert not many_to_one(apart, apart_links)[2].any()  # its match's word is not its neighbour


def _alignment(src: str, tgt: str, links: dict[tuple[int, int], float]) -> WordAlignment:
    sims = np.full((len(src.split()), len(tgt.split())), 0.2, dtype=np.float32)
    for (i, j), value in links.items():
        sims[i, j] = value
    return WordAlignment(src, tgt, {COVERAGE_LAYER: sims})


def test_a_word_rendered_by_a_common_word_only_is_a_common_word_here() -> None:
    """مات is "Matt" in one sentence and "died" in another: closely linked to "died" alone,
    it is the verb; linked to a name too, or only by chance, it is not called common."""
    from mlalign.drift.coverage import RENDERING_SIMILARITY, rendered_as_common_word

    died = _alignment("مات الرجل", "The man died", {(0, 2): 0.72, (1, 1): 0.7})
    assert rendered_as_common_word(died, "مات")
    chance = _alignment("مات الرجل", "The man died", {(0, 2): RENDERING_SIMILARITY - 0.1})
    assert not rendered_as_common_word(chance, "مات")  # a link by chance renders nothing
    name = _alignment("مات دامون", "Matt Damon", {(0, 0): 0.8, (1, 1): 0.8})
    assert not rendered_as_common_word(name, "مات")
    # a capitalised word opening the sentence is common where the document writes it so
    now = _alignment("الآن يعود", "Now returns", {(0, 0): 0.85})
    assert not rendered_as_common_word(now, "الآن")
    assert rendered_as_common_word(now, "الآن", {"now"})
    # the word as written, not a part of another: مات is no part of معلومات "information"
    info = _alignment("معلومات جديدة", "new information", {(0, 1): 0.8})
    assert not rendered_as_common_word(info, "مات")
    assert rendered_as_common_word(info, "معلومات")
    # a hyphenated name in lower case ("anti-Erdogan") is no common word
    anti = _alignment("اردوغان", "anti-Erdogan", {(0, 0): 0.8})
    assert not rendered_as_common_word(anti, "اردوغان")
