"""The document's own name dictionary: which words of the original its English renders as
a transliterated name, learnt from the document's other pairs.

A name usually recurs. Where one pair writes كافانو and "Kavanaugh", كافانو is a name in
this document; a pair whose original has كافانو but whose English has no word that
transliterates it has lost or changed that name (it may also render it as "he" — the
calibration weighs that). This catches changed names that neither the gazetteer nor the
English side's own candidates can: the swapped-in word may not even look like a name.
A word counts as a name only when most of the other pairs that contain it do render it
so, which keeps out common words that once happen to match a name's skeleton.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlalign.drift.base import bare_words, norm_arabic
from mlalign.drift.entity import _STOP, _TRANSLATED, english_names, find_entities
from mlalign.drift.translit import (
    AR_CLITIC,
    is_transliterated,
    skeleton_arabic,
    skeleton_latin,
    transliteration_similarity,
)

# A pair confirms a name when one of its English names matches the word this well ...
CONFIRM_SIMILARITY = 0.8
# ... and the word counts as lost from a pair whose English has no word this close to it.
LOST_SIMILARITY = 0.7
# Share of the other pairs containing the word that must render it as a name.
MIN_SHARE = 0.5


@dataclass
class NameLexicon:
    """Original word -> the pairs (bead indices) whose English renders it as a name, the
    English forms used, and how many pairs contain the word at all."""

    confirmed: dict[str, set[int]] = field(default_factory=dict)
    renderings: dict[str, Counter[str]] = field(default_factory=dict)
    occurrences: Counter[str] = field(default_factory=Counter)
    keys: dict[str, str] = field(default_factory=dict)  # word as written -> its entry

    def key(self, word: str) -> str:
        return self.keys.get(word) or norm_arabic(word)


_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3\u200c]+")


def source_words(text: str) -> list[str]:
    """Words of the original that could carry a name: runs of Arabic-script letters (so
    «فلايشر:"هذا» is two words), three letters up."""
    return [w.strip("\u200c") for w in _LETTERS.findall(text) if len(w) >= 3]


def word_keys(forms: set[str]) -> dict[str, str]:
    """One entry for a name whatever clitic it carries: لفورد is فورد when the document
    also writes فورد; فورد itself stays whole (its ف is no clitic: no ورد is written)."""
    normed = {f: norm_arabic(f) for f in forms}
    present = set(normed.values())
    out = {}
    for form, n in normed.items():
        bare = AR_CLITIC.sub("", n)
        out[form] = bare if bare != n and bare in present else n
    return out


def opening_names(tgt: str, common: set[str]) -> list[str]:
    """A capitalised word opening a sentence ("Kavanaugh said"), which `english_names`
    leaves out; only skeletons of three consonants up, as short ones match by chance."""
    out = []
    for m in re.finditer(r"(?:^|[.!?:;]\s+)[\"“‘']?([A-Z][a-z][\w\-]*)", tgt):
        word = m.group(1).split("'")[0]
        if (word not in _STOP and word not in _TRANSLATED and word.lower() not in common
                and len(skeleton_latin(word)) >= 3):
            out.append(word)
    return out


def build_lexicon(pairs: Sequence[tuple[str, str]], common: set[str]) -> NameLexicon:
    """Learn the lexicon from a document's (original, English) pairs; `common` holds the
    words the document's English also writes in lower case (not names)."""
    lex = NameLexicon()
    lex.keys = word_keys({w for src, _ in pairs for w in source_words(src)})
    for i, (src, tgt) in enumerate(pairs):
        # a one-consonant skeleton (على: l) matches any short name
        words = {lex.key(w): w for w in source_words(src) if len(skeleton_arabic(w)) >= 2}
        lex.occurrences.update(words.keys())
        if not words or not tgt.strip():
            continue
        names = english_names(tgt, set(), common) + opening_names(tgt, common)
        for key, w in words.items():
            for n in names:
                if is_transliterated(n, [w], CONFIRM_SIMILARITY):
                    lex.confirmed.setdefault(key, set()).add(i)
                    lex.renderings.setdefault(key, Counter())[n] += 1
                    break
    return lex


def lost_names(lex: NameLexicon, index: int, src: str, tgt: str, lang: str) -> list[tuple[str, str]]:
    """(original word, its rendering elsewhere) for each name of the original that other
    pairs of the document render but this pair's English does not. Names the gazetteer
    finds on both sides are left to it (Europe may be "EU")."""
    words = {k: w for w in source_words(src) if (k := lex.key(w)) in lex.confirmed}
    if not words:
        return []
    in_english = find_entities(tgt, "en")
    listed = "".join(s for label, (_, s) in find_entities(src, lang).items() if label in in_english)
    # every word, lower-case ones too: a common word the skeleton mistook for a name
    # (تیم "team" for Tommy) is then found again as that word
    tokens = bare_words(tgt)
    out = []
    for key, w in words.items():
        others = len(lex.confirmed[key] - {index})
        in_others = lex.occurrences[key] - 1
        if others < 1 or others < MIN_SHARE * in_others or norm_arabic(w) in listed:
            continue
        # a skeleton of two consonants (پالو: bl) is close to too many words: a closer
        # match is needed to keep it
        need = LOST_SIMILARITY if len(skeleton_arabic(w)) >= 3 else CONFIRM_SIMILARITY
        if any(transliteration_similarity(t, [w]) >= need for t in tokens):
            continue
        out.append((w, lex.renderings[key].most_common(1)[0][0]))
    return out


# Below this many pairs a document is too short to say a name "occurs nowhere else".
MIN_PAIRS_ONLY_HERE = 5


def names_only_here(english: Sequence[str], unknown: dict[int, list[str]]) -> dict[int, list[str]]:
    """Per pair, its English names with no transliteration in the original (`unknown`)
    that no other pair's English writes either. A real name usually recurs in a
    document; one swapped in by mistake, or from another text, usually does not (on NTREX:
    half of the swapped-in names, one clean pair in ten). Empty for short documents."""
    if sum(1 for t in english if t.strip()) < MIN_PAIRS_ONLY_HERE:
        return {}
    seen = Counter(w for t in english for w in set(bare_words(t)))
    out = {}
    for i, names in unknown.items():
        own = set(bare_words(english[i]))
        single = [n for n in names if seen[n] - (n in own) == 0]
        if single:
            out[i] = single
    return out
