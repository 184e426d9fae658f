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

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlalign.align.words import WordAlignment
from mlalign.drift.base import bare_words, norm_arabic, script_words
from mlalign.drift.clauses import FUNCTION_AR_FA
from mlalign.drift.coverage import linked_original_words, rendered_as_common_word
from mlalign.drift.entity import (
    _STOP,
    _TRANSLATED,
    english_names,
    find_entities,
    shortened_name_kept,
    words_after,
)
from mlalign.drift.translit import (
    AR_CLITIC,
    is_transliterated,
    skeleton_arabic,
    skeleton_latin,
    skeleton_similarity,
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
    common: set[str] = field(default_factory=set)  # words the English writes in lower case
    pair_keys: list[set[str]] = field(default_factory=list)  # entries of each original
    pair_words: list[set[str]] = field(default_factory=list)  # words of each English
    # English name word -> the words after it in a full name of the document ("Nancy" ->
    # {"Pelosi"}): the English may keep the surname alone
    later_parts: dict[str, set[str]] = field(default_factory=dict)

    def key(self, word: str) -> str:
        return self.keys.get(word) or norm_arabic(word)


def source_words(text: str) -> list[str]:
    """Words of the original that could carry a name: runs of Arabic-script letters (so
    «فلايشر:"هذا» is two words), three letters up, not function words (بأن "that" is no
    "Bone")."""
    return [w for w in script_words(text) if len(w) >= 3 and not _function_word(norm_arabic(w))]


def _function_word(word: str) -> bool:
    """A function word, also with و "and" before it (وليس "and not")."""
    return word in FUNCTION_AR_FA or (word[:1] == "و" and word[1:] in FUNCTION_AR_FA)


def word_keys(forms: set[str]) -> dict[str, str]:
    """One entry for a name whatever clitic it carries: لفورد is فورد when the document
    also writes فورد; فورد itself stays whole (its ف is no clitic: no ورد is written)."""
    normed = {f: norm_arabic(f) for f in forms}
    present = set(normed.values())
    out = {}
    for form, n in normed.items():
        bare = AR_CLITIC.sub("", n)
        # فليس (Fleiss) is not ف + ليس "not"
        out[form] = bare if bare != n and bare in present and bare not in FUNCTION_AR_FA else n
    return out


def opening_names(tgt: str, common: set[str], known: frozenset[str] = frozenset()) -> list[str]:
    """A capitalised word opening a sentence ("Kavanaugh said"), which `english_names`
    leaves out; only skeletons of three consonants up, as short ones match by chance,
    unless the document also writes the word as a name inside a sentence (`known`:
    "Palu is the capital" where another pair says "in Palu")."""
    out = []
    for m in re.finditer(r"(?:^|[.!?:;]\s+)[\"“‘']?([A-Z][a-z][\w\-]*)", tgt):
        word = m.group(1).split("'")[0]
        if (word not in _STOP and word not in _TRANSLATED and word.lower() not in common
                and (len(skeleton_latin(word)) >= 3 or word in known)):
            out.append(word)
    return out


_FULL_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def later_name_parts(texts: Sequence[str]) -> dict[str, set[str]]:
    """Each capitalised word -> the capitalised words after it in one run ("Nancy Pelosi"
    gives Nancy -> {Pelosi}), over all the English of a document."""
    out: dict[str, set[str]] = {}
    for text in texts:
        for m in _FULL_NAME.finditer(text):
            parts = m.group(0).split()
            for i, part in enumerate(parts[:-1]):
                out.setdefault(part, set()).update(parts[i + 1:])
    return out


def build_lexicon(pairs: Sequence[tuple[str, str]], common: set[str],
                  alignments: Sequence[WordAlignment | None] = ()) -> NameLexicon:
    """Learn the lexicon from a document's (original, English) pairs; `common` holds the
    words the document's English also writes in lower case (not names). With the pairs'
    word alignments, a word the English renders as a common word confirms no name (فريق
    is "team", not "Furyk", in a sentence that says both)."""
    lex = NameLexicon(common=common)
    src_words = [source_words(src) for src, _ in pairs]
    lex.keys = word_keys({w for ws in src_words for w in ws})
    lex.pair_keys = [{lex.key(w) for w in ws} for ws in src_words]
    lex.pair_words = [set(bare_words(tgt)) for _, tgt in pairs]
    lex.later_parts = later_name_parts([tgt for _, tgt in pairs])
    inner = [english_names(tgt, set(), common) for _, tgt in pairs]
    known = frozenset(n for names in inner for n in names)
    for i, ((_, tgt), all_words) in enumerate(zip(pairs, src_words, strict=True)):
        # a one-consonant skeleton (على: l) matches any short name
        words = {lex.key(w): w for w in all_words if len(skeleton_arabic(w)) >= 2}
        wa = alignments[i] if i < len(alignments) else None
        lex.occurrences.update(words.keys())
        if not words or not tgt.strip():
            continue
        names = inner[i] + opening_names(tgt, common, known)
        # a name confirms only the original word closest to it (Halkett is هالكيت, not
        # الوقت "the time" in the same sentence); on a tie, the word closer as written, no
        # clitic or suffix taken off (Lithgow is ليثجو; التوقعات "the expectations" ties
        # only once its ات is gone)
        sim = {(n, w): (transliteration_similarity(n, [w]),
                        skeleton_similarity(skeleton_latin(n), skeleton_arabic(w, strip_article=False)))
               for n in names for w in all_words}
        closest = {n: max(sim[n, w] for w in all_words) for n in names}
        for key, w in words.items():
            for n in names:
                if is_transliterated(n, [w], CONFIRM_SIMILARITY) and sim[n, w] >= closest[n]:
                    if wa is not None and rendered_as_common_word(wa, w, common):
                        break  # a common word here (مقتل is "death", not "McDowall")
                    lex.confirmed.setdefault(key, set()).add(i)
                    lex.renderings.setdefault(key, Counter())[n] += 1
                    break
    return lex


# A name this well established (rendered by this many other pairs, and by this share of
# the pairs that contain it) is hidden by a lower-case word only where that word renders it.
SETTLED_PAIRS = 2
SETTLED_SHARE = 0.75


def _renders(lex: NameLexicon, index: int, key: str, word: str) -> bool:
    """Whether the English `word` is how this document renders the entry `key`: the other
    pairs that write the word mostly have the entry in their original ("team" where تیم
    is, but not "people", whose skeleton happens to match پالو; "Furyk" where فيوريك is,
    not فريق "team", which one sentence held beside it)."""
    with_word = [j for j, ws in enumerate(lex.pair_words) if j != index and word in ws]
    return not with_word or sum(key in lex.pair_keys[j] for j in with_word) >= 0.5 * len(with_word)


def _renders_another(alignment: WordAlignment | None, english: str, word: str) -> bool:
    """Whether the word alignment links a lower-case English word to original words other
    than `word`: "aliens" that renders بیگانه "foreign" does not hide the name آلبنس
    (Albence), however alike they sound."""
    linked = linked_original_words(alignment, english) if alignment is not None else []
    return bool(linked) and word not in linked


def _derived(word: str, name: str) -> bool:
    """Whether `word` is a form of `name` that shares its start: an adjective or a clipped
    form ("Chilean" for Chile, "Scottish" for Scotland, "Insta" for Instagram)."""
    shared = len(os.path.commonprefix([word.lower(), name.lower()]))
    return shared >= 4 and shared >= 0.5 * len(name)


# "and" written out inside a name the English may shorten to its initials (ماركس أند سبنسر)
_NAME_AND = {"أند", "اند", "آند", "و"}


def _initials_kept(lex: NameLexicon, src: str, word: str, tokens: list[str]) -> bool:
    """Whether the English writes the name that `word` is part of as its initials: "M&S"
    for ماركس أند سبنسر, where the document renders ماركس as Marks and سبنسر as Spencer.
    The run is the document's names next to `word` (with "and" between them), two or more;
    the English word must be those initials in order, in capitals, and nothing else."""
    written = script_words(src)
    in_run = [lex.key(x) in lex.confirmed or x in _NAME_AND for x in written]
    for i in (i for i, x in enumerate(written) if x == word):
        lo = hi = i
        while lo > 0 and in_run[lo - 1]:
            lo -= 1
        while hi + 1 < len(written) and in_run[hi + 1]:
            hi += 1
        initials = "".join(lex.renderings[k].most_common(1)[0][0][:1].upper()
                           for x in written[lo:hi + 1] if (k := lex.key(x)) in lex.confirmed)
        if len(initials) >= 2 and any(t.replace("&", "").replace(".", "") == initials
                                      for t in tokens):
            return True
    return False


def lost_names(lex: NameLexicon, index: int, src: str, tgt: str, lang: str,
               alignment: WordAlignment | None = None) -> list[tuple[str, str]]:
    """(original word, its rendering elsewhere) for each name of the original that other
    pairs of the document render but this pair's English does not. Names the gazetteer
    finds on both sides are left to it (Europe may be "EU"); a first name is not lost
    where the English keeps the surname the document writes after it (نانسي for "Pelosi"),
    nor a name whose adjective the English writes (تشيلي for "Chilean")."""
    words = {k: w for w in source_words(src) if (k := lex.key(w)) in lex.confirmed}
    if not words:
        return []
    in_english = find_entities(tgt, "en")
    named_both = {label: s for label, (_, s) in find_entities(src, lang).items() if label in in_english}
    listed = "".join(named_both.values())
    # every word, lower-case ones too: a common word the skeleton mistook for a name
    # (تیم "team" for Tommy) is then found again as that word; and the parts of
    # hyphenated words ("a Kim-Trump summit")
    tokens = bare_words(tgt)
    tokens += [part for t in tokens if "-" in t for part in t.split("-") if part]
    out = []
    for key, w in words.items():
        others = len(lex.confirmed[key] - {index})
        in_others = lex.occurrences[key] - 1
        if others < 1 or others < MIN_SHARE * in_others or norm_arabic(w) in listed:
            continue
        if named_both.keys() & find_entities(w, lang).keys():
            continue  # another alias of a place both sides name (الأمريكية beside "USA")
        if alignment is not None and rendered_as_common_word(alignment, w, lex.common):
            continue  # the common word it also is (مات "died", where Matt is elsewhere)
        # a skeleton of two consonants (پالو: bl) is close to too many words: a closer
        # match is needed to keep it
        need = LOST_SIMILARITY if len(skeleton_arabic(w)) >= 3 else CONFIRM_SIMILARITY
        settled = others >= SETTLED_PAIRS and others >= SETTLED_SHARE * in_others
        if any(transliteration_similarity(t, [w]) >= need
               and (t[:1].isupper() or not settled or _renders(lex, index, key, t))
               and not (t[:1].islower() and _renders_another(alignment, t, w))
               for t in tokens):
            continue
        rendering = lex.renderings[key].most_common(1)[0][0]
        if not _renders(lex, index, key, rendering):
            continue
        if any(part in tokens for part in lex.later_parts.get(rendering, ())):
            continue
        if any(t[:1].isupper() and _derived(t, rendering) for t in tokens):
            continue
        after = {nxt for nxt in words_after(src, w) if lex.key(nxt) in lex.confirmed}
        if shortened_name_kept(after, tokens, need):
            continue  # "the Clintons" for هيلاري كلينتون
        if _initials_kept(lex, src, w, tokens):
            continue  # "M&S" for ماركس أند سبنسر
        out.append((w, rendering))
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
