"""Rule-based splitter for Arabic-script languages (Arabic and Persian).

Arabic script has no letter case, so sentence ends rely on punctuation (. ! ? ؟ … ۔) and
abbreviation lists; ، and ؛ never end a sentence. A lone letter before '.' (د. for
Dr., م. for AD, هـ. / ه.ش. for Hijri dates, ص. for page) is treated as an abbreviation.
Latin words inside Arabic text reuse the English abbreviation rules.
"""

from __future__ import annotations

import re

from mlalign.text._rules import clause_cut, cut
from mlalign.text.normalize import fold_presentation_forms
from mlalign.text.rules_english import EnglishRules

_ABBR = frozenset("""د م ق هـ ه ص ج ش ع ق.م ه.ش ه.ق م.ع ص.ب ت د.ت أ.د ا.د ج.ا.ا""".split())
_ARABIC = re.compile(r"[\u0600-\u06ff]")
CLAUSE_CONJUNCTIONS = frozenset({"و", "اما", "ولی", "لكن", "ولكن", "لکن", "ولکن", "بل", "ثم", "زیرا", "چون"})
_OPENERS = "\"'“‘«(["
# A quote that ends in ? ! or a closing quote, then a short attribution, is one sentence:
# "هل أنتم مستعدون؟" حسب تقرير سي ان ان. / «آماده هستید؟» سی ان ان گزارش کرد.
_QUOTE_END = re.compile(r"(?:[?!؟][\"'”’»]*|[.][\"'”’»]+)$")
_ATTR_START = frozenset(
    """كما حسبما حسب بحسب وفقا وفقًا وفقاً قال قالت أضاف أضافت تساءل تساءلت أفاد أفادت
    يقول تقول صرح صرحت به""".split()
)
_ATTR_END = re.compile(r"(?:گفت|افزود|گزارش کرد|گفته است|اظهار داشت|نوشت|پرسید)[.!]?$")


class ArabicScriptRules:
    """Arabic and Persian: punctuation-driven sentence ends with abbreviation exceptions."""

    languages: tuple[str, ...] = ("ar", "fa")

    def __init__(self) -> None:
        self._en = EnglishRules()

    def _is_abbreviation(self, prev: str, nxt: str) -> bool:
        # ه‌.ش. is often typed with a zero-width non-joiner after the ه
        core = prev.lstrip(_OPENERS).rstrip(".").replace("\u0640", "ـ").replace("\u200c", "")
        core = fold_presentation_forms(core)  # ﺩ. from an old PDF is د.
        if _ARABIC.search(core):
            return core in _ABBR or core.rstrip("ـ") in _ABBR
        return self._en._is_abbreviation(prev, nxt)

    @staticmethod
    def _ellipsis_ends(nxt: str) -> bool:
        # In Arabic and Persian prose "..." is mostly a pause inside the sentence.
        return False

    @staticmethod
    def _next_can_start(nxt: str, mark: str) -> bool:
        first = nxt.lstrip(_OPENERS)[:1]
        # A lowercase Latin word continues ("شركة Apple Inc. في" is handled as abbreviation).
        return not (first.isascii() and first.islower())

    def split_paragraph(self, text: str) -> list[str]:
        pieces = cut(text, self._is_abbreviation, self._ellipsis_ends, self._next_can_start)
        out: list[str] = []
        for piece in pieces:
            if out and _QUOTE_END.search(out[-1]) and _is_attribution(piece):
                out[-1] = f"{out[-1]} {piece}"
            else:
                out.append(piece)
        return out

    def split_clauses(self, text: str) -> list[str]:
        return clause_cut(text, ",;:،؛", CLAUSE_CONJUNCTIONS, min_words=4)


def _is_attribution(piece: str) -> bool:
    """A short 'he added' / 'according to CNN' tail that belongs to the quote before it."""
    words = piece.split()
    if not words or len(words) > 7:
        return False
    first = words[0].lstrip(_OPENERS)
    return first in _ATTR_START or first.startswith("وفق") or bool(_ATTR_END.search(piece))
