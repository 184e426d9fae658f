"""Shared machinery for the rule-based splitters: find candidate ends, ask the rules, cut.

Each language family supplies `is_abbreviation(word, next_word)`: whether a '.' after
`word` is part of an abbreviation rather than a sentence end.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Terminal punctuation, then any closing quotes/brackets, then whitespace (or the end).
# Requiring whitespace after the mark is what keeps 3.5, ۳٫۵, 3,000 and U.S.-made whole.
# Bidi marks (RLM, LRM, PDF, PDI) often trail Persian punctuation pasted from the web.
# A footnote marker may follow the mark: "collection.[1] I go", "collection.¹ I go".
END = re.compile(
    r"(?P<mark>\.{3}|…|[.!?؟۔]+)[\"'”’»)\]\u200e\u200f\u202c\u2069]*"
    r"(?:\[[0-9٠-٩۰-۹]{1,3}\]|[¹²³⁰⁴-⁹]{1,3})?(?=\s|$)"
)
# A list marker at the very start of a line: 1. / ۲. / 1) / (a) / a) / iv. / - / • / *
LIST_MARKER = re.compile(
    r"^\s*(?:[(\[]?(?:\d{1,3}|[٠-٩]{1,3}|[۰-۹]{1,3}|[A-Za-z]|[ivxIVX]{1,5}|[أ-ي])[.)\]]"
    r"|[-•*–])\s+"
)
_PREV_WORD = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s*(\S+)")


def cut(
    text: str,
    is_abbreviation: Callable[[str, str], bool],
    ellipsis_ends: Callable[[str], bool],
    next_can_start: Callable[[str, str], bool],
) -> list[str]:
    """Split a paragraph at sentence ends the rules accept; pieces are stripped, none lost."""
    start = 0
    m = LIST_MARKER.match(text)
    scan_from = m.end() if m else 0
    pieces: list[str] = []
    for end in END.finditer(text, scan_from):
        mark = end.group("mark")
        nxt_m = _NEXT_WORD.match(text, end.end(), end.end() + 200)
        if not nxt_m:
            continue  # end of paragraph: the rest becomes the last piece anyway
        nxt = nxt_m.group(1)
        if mark in ("...", "…"):
            if not ellipsis_ends(nxt):
                continue
        elif mark.endswith("."):
            stop = end.start() + len(mark) - 1
            # A bounded window keeps a 5 MB one-line paragraph linear.
            prev_m = _PREV_WORD.search(text, max(start, stop - 100), stop)
            prev = prev_m.group(1) if prev_m else ""
            if prev and is_abbreviation(prev, nxt):
                continue
        if not next_can_start(nxt, mark):
            continue
        piece = text[start : end.end()].strip()
        if piece:
            pieces.append(piece)
        start = end.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def clause_cut(text: str, punct: str, conjunctions: frozenset[str], min_words: int) -> list[str]:
    """Split after clause punctuation, and before a standalone conjunction when both sides are long."""
    parts: list[str] = []
    for chunk in re.split(rf"(?<=[{re.escape(punct)}])\s+", text.strip()):
        words = chunk.split(" ")
        cur: list[str] = []
        for i, w in enumerate(words):
            if (
                w.casefold() in conjunctions
                and len([x for x in cur if x]) >= min_words
                and len([x for x in words[i + 1 :] if x]) >= min_words
            ):
                parts.append(" ".join(cur).strip())
                cur = []
            cur.append(w)
        if cur:
            parts.append(" ".join(cur).strip())
    return [p for p in parts if p]
