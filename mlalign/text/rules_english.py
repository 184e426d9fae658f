"""Rule-based English sentence splitter: abbreviations, initials, acronyms, decimals, lists."""

from __future__ import annotations

import re

from mlalign.text._rules import clause_cut, cut

# Never end a sentence (titles, Latin shorthands, name parts).
_ALWAYS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon
    pres supt messrs mme mlle e.g i.e cf viz vs v al fig figs vol eq approx det sens
    reps govs insp cpl pvt maj brig fr sgts""".split()
)
# Abbreviations that end a sentence only when followed by a capitalised sentence starter.
_BEFORE_NUMBER = frozenset(
    """no nos art sec ch p pp para op jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_MAYBE = frozenset(
    """inc ltd co corp bros dept univ est a.m p.m u.s u.k u.n e.u u.s.a etc jan feb mar
    apr jun jul aug sep sept oct nov dec""".split()
)
_STARTERS = frozenset(
    """the a an he she it they we i you his her its their this that these those there
    but and so in on at for if when while after before as however meanwhile then yet
    mr mrs ms dr our my what who why how where some many most no one two""".split()
)
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$|^(?:[A-Za-z]\.)+[A-Za-z]$")
CLAUSE_CONJUNCTIONS = frozenset({"and", "but", "or", "while", "whereas", "because"})
# After a quoted question or exclamation, "… ready?" CNN reported. continues the sentence.
_SPEECH = frozenset(
    """said says added asked told reported wrote explained replied noted tweeted
    shouted yelled continued insisted warned""".split()
)
_QUOTE_END = re.compile(r"[?!][\"'”’]+$")
_WORDS_AHEAD = re.compile(r"\s*(\S+)(?:\s+(\S+))?(?:\s+(\S+))?")


def _clean(word: str) -> str:
    return word.lstrip("\"'“‘«([").rstrip(".").casefold()


class EnglishRules:
    """English: split at . ! ? … unless the rules say the '.' belongs to a word."""

    languages: tuple[str, ...] = ("en",)

    def _is_abbreviation(self, prev: str, nxt: str) -> bool:
        core = _clean(prev)
        nxt_core = nxt.lstrip("\"'“‘«([")
        starter = nxt_core.rstrip(".,;:").casefold() in _STARTERS
        if core in _ALWAYS:
            return True
        if core in _BEFORE_NUMBER and nxt_core[:1].isdigit():
            return True
        if len(core) == 1 and core.isalpha() and prev.lstrip("\"'“‘«([")[:1].isupper():
            return not starter or nxt_core[:1].isupper() and len(nxt_core.rstrip(".")) == 1
        if core in _MAYBE or _ACRONYM.match(prev.lstrip("\"'“‘«([")):
            return not starter
        return False

    @staticmethod
    def _ellipsis_ends(nxt: str) -> bool:
        return nxt.lstrip("\"'“‘«([")[:1].isupper()

    @staticmethod
    def _next_can_start(nxt: str, mark: str) -> bool:
        first = nxt.lstrip("\"'“‘«([")[:1]
        # A lowercase word after the mark continues the sentence: "at 3 p.m. yesterday",
        # "the U.S. economy", an unlisted abbreviation; real sentences start in uppercase.
        return not first.islower()

    def split_paragraph(self, text: str) -> list[str]:
        pieces = cut(text, self._is_abbreviation, self._ellipsis_ends, self._next_can_start)
        return _join_attributions(pieces)

    def split_clauses(self, text: str) -> list[str]:
        return clause_cut(text, ",;:", CLAUSE_CONJUNCTIONS, min_words=4)


def _join_attributions(pieces: list[str]) -> list[str]:
    """Glue a short speech attribution ('"Ready?" CNN reported.') back onto its quote."""
    out: list[str] = []
    for piece in pieces:
        if out and _QUOTE_END.search(out[-1]):
            m = _WORDS_AHEAD.match(piece)
            ahead = [w.strip(".,").casefold() for w in (m.groups() if m else ()) if w]
            if len(piece.split()) <= 6 and any(w in _SPEECH for w in ahead):
                out[-1] = f"{out[-1]} {piece}"
                continue
        out.append(piece)
    return out
