"""Word coverage of a bead from its word alignment: how much of the original has no
counterpart in the English (omission), how much of the English none in the original
(addition), and the longest such stretch, which is where a cut clause shows.

Only content words count: function words often have no counterpart in a good translation
(Arabic clitics and articles, English auxiliaries), so they would only add noise.
"""

from __future__ import annotations

import numpy as np

from mlalign.align.words import WordAlignment
from mlalign.drift.base import bare_words, script_words
from mlalign.drift.clauses import STOP_EN, is_content_word

COVERAGE_LAYER = 5  # word identity (dev data: best omission/addition separation)
NAME_LAYER = 9  # names in context (dev data: best swapped-name separation)
LINK_MARGIN = 0.02
SHARE_PRIOR = 3  # dev data (NTREX, Tatoeba): 1-5 all help, 3 is in the middle
WINDOW_SHARE = 0.4  # the stretch of a cut clause, as a share of the content words (dev: 0.35-0.5)
SHORT_SENTENCE = 6  # content words below which a dense stretch counts for less
# Many-to-one links: an original word next to one linked to its best English match, and
# nearly as similar to it, is part of the same rendering (dev data, both halves: 0.05 helps
# Persian omission and entity; 0.02-0.03 change nothing, 0.1 links cut words too)
JOINT_MARGIN = 0.05
# A link this close renders a word: chance links of replaced (unrelated) pairs sit below
# 0.53 in 95 of 100, links of faithful pairs at a median of 0.62 (NTREX, both languages)
RENDERING_SIMILARITY = 0.6

_FUNCTION_EN = STOP_EN | set("""my me us him mine ours yours theirs myself himself herself itself
themselves ourselves yourself mr mrs ms dr st one ones such very much many some any all both
each other another own same get got gets going""".split())


def content_mask(words: list[str], lang: str) -> np.ndarray:
    """True for words that carry content (letters, not a function word)."""
    return np.array([is_content_word(w, lang, _FUNCTION_EN) for w in words], dtype=bool)


def _longest_run(unlinked: np.ndarray, content: np.ndarray) -> tuple[int, int, int]:
    """Longest run of unlinked content words (function words inside a run are skipped
    over, not breaking it): (length in content words, first word index, last word index)."""
    best = (0, -1, -1)
    run, start = 0, -1
    for i in range(len(content)):
        if not content[i]:
            continue
        if unlinked[i]:
            if run == 0:
                start = i
            run += 1
            if run > best[0]:
                best = (run, start, i)
        else:
            run = 0
    return best


def densest_stretch(unlinked: np.ndarray) -> float:
    """How densely the most uncovered stretch of WINDOW_SHARE of the content words lacks
    counterparts: unlike the longest run, one word that links by chance (a name, a figure)
    inside a cut clause does not break it. Short sentences count for less."""
    n = len(unlinked)
    if n == 0:
        return 0.0
    k = min(n, max(2, round(WINDOW_SHARE * n)))
    sums = np.convolve(unlinked.astype(float), np.ones(k), mode="valid")
    return float(sums.max()) / (k + 1) * min(1.0, n / SHORT_SENTENCE)


def many_to_one(sims: np.ndarray, links: np.ndarray, margin: float = JOINT_MARGIN) -> np.ndarray:
    """Links plus, for each unlinked row word, one to its best column word when a
    neighbouring row word links there with a similarity at most `margin` higher: the mutual
    best match pairs one word with one, while a translation often renders a phrase with
    one word (Persian به لرزه در آورد, "hit"; Arabic doublets, قليلة وغير متوفرة "scarce")."""
    out = links.copy()
    if sims.size == 0:
        return out
    best = sims.argmax(1)
    for i in np.flatnonzero(~links.any(1)):
        j = best[i]
        for k in (i - 1, i + 1):
            if 0 <= k < len(sims) and links[k, j] and sims[i, j] >= sims[k, j] - margin:
                out[i, j] = True
                break
    return out


def side_coverage(sims: np.ndarray, links: np.ndarray, content: np.ndarray,
                  prefix: str) -> tuple[dict[str, float], tuple[int, int]]:
    """Signals for one side (rows of `sims` are that side's words) and the word range of
    its longest uncovered stretch (-1, -1 when none)."""
    n = int(content.sum())
    if n == 0 or sims.shape[1] == 0:
        return {f"{prefix}_unlinked": 0.0, f"{prefix}_run": 0.0, f"{prefix}_gap": 0.0,
                f"{prefix}_window": 0.0}, (-1, -1)
    unlinked = ~links.any(1)
    run, first, last = _longest_run(unlinked, content)
    uncovered = unlinked[content]
    # Shares over n + SHARE_PRIOR words: one unmatched word of a two-word sentence is not
    # half of it missing (short everyday sentences otherwise flag on a single word).
    return {
        f"{prefix}_unlinked": float(uncovered.sum()) / (n + SHARE_PRIOR),
        f"{prefix}_run": run / (n + SHARE_PRIOR),
        f"{prefix}_gap": float(1.0 - sims.max(1)[content].mean()),
        f"{prefix}_window": densest_stretch(uncovered),
    }, (first, last)


def coverage_signals(wa: WordAlignment, src_lang: str) -> tuple[dict[str, float], dict[str, str]]:
    """Word-coverage signals of a bead and the uncovered stretches as text (for details)."""
    sims = wa.sims[COVERAGE_LAYER]
    links = wa.links(COVERAGE_LAYER, LINK_MARGIN)
    src_words, tgt_words = wa.src_words, wa.tgt_words
    if sims.shape != (len(src_words), len(tgt_words)):
        return {}, {}
    s_sig, (s0, s1) = side_coverage(sims, many_to_one(sims, links),
                                    content_mask(src_words, src_lang), "w_src")
    t_sig, (t0, t1) = side_coverage(sims.T, links.T, content_mask(tgt_words, "en"), "w_tgt")
    notes = {}
    if s0 >= 0:
        notes["uncovered_src"] = " ".join(src_words[s0:s1 + 1])
    if t0 >= 0:
        notes["uncovered_tgt"] = " ".join(tgt_words[t0:t1 + 1])
    return {**s_sig, **t_sig}, notes


def name_context_match(wa: WordAlignment, tgt_index: int) -> float:
    """Best cosine, in context, between English word `tgt_index` and any original word."""
    sims = wa.sims.get(NAME_LAYER)
    if sims is None or sims.shape[0] == 0 or tgt_index >= sims.shape[1]:
        return 1.0
    return float(sims[:, tgt_index].max())


def _word_links(wa: WordAlignment) -> tuple[np.ndarray, np.ndarray, list[str], list[str]] | None:
    """The coverage layer's cosines and links with both sides' words, or None where the
    alignment lacks that layer or does not fit its words."""
    sims = wa.sims.get(COVERAGE_LAYER)
    src_words, tgt_words = wa.src_words, wa.tgt_words
    if sims is None or sims.shape != (len(src_words), len(tgt_words)):
        return None
    return sims, wa.links(COVERAGE_LAYER, LINK_MARGIN), src_words, tgt_words


def renderings(wa: WordAlignment, word: str) -> list[str]:
    """The English content words that an original `word` (a run of letters, as
    `base.script_words` cuts them) links to closely enough to be its rendering."""
    found = _word_links(wa)
    if found is None:
        return []
    sims, links, src_words, tgt_words = found
    content = content_mask(tgt_words, "en")
    return [tgt_words[j] for i, written in enumerate(src_words) if word in script_words(written)
            for j in np.flatnonzero(links[i] & content & (sims[i] >= RENDERING_SIMILARITY))]


def rendered_as_common_word(wa: WordAlignment, word: str, common: set[str] = frozenset()) -> bool:
    """Whether the English renders an original `word` as a common word only: words in
    lower case, or capitalised where `common` holds them in lower case, and no name. A
    word the document elsewhere reads as a name may be a common word here: مات is "Matt"
    in one sentence and "died" in the next."""
    found = renderings(wa, word)
    return bool(found) and all(t.islower() or t.lower() in common for t in found)


def linked_original_words(wa: WordAlignment, english_word: str) -> list[str]:
    """The original words linked (mutual best) to an English word, as `base.bare_words`
    writes it: what that English word renders in this pair."""
    found = _word_links(wa)
    if found is None:
        return []
    _, links, src_words, tgt_words = found
    return [w for j, written in enumerate(tgt_words) if english_word in bare_words(written)
            for i in np.flatnonzero(links[:, j]) for w in script_words(src_words[i])]
