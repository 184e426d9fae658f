"""Translator's notes in the English: glosses in square brackets ("the korsi [a low table
with a heater underneath]", "1401 [2022–23]") and notes marked as such ("(Translator's
note: ...)", "(TN: ...)"). They are the translator's voice, not a rendering of the
original, so the checks compare the English without them; the outputs show the English as
written. So is the original's own text quoted beside its rendering (a Qur'an verse in ﴿ ﴾, a
slogan in « »), where the original has those words too.

Square brackets count as notes only where the original has none (an original that writes
[ ] may be rendered with them), and only when they hold a gloss of five words or more or a
figure: a short bracket is usually an editor's insertion that renders the original ("[the
minister]" for a pronoun, "[the 2015 nuclear deal]"), "[sic]", an elision "[...]", or part of
an address ("info [at] iranpress [dot] ir")."""

from __future__ import annotations

import re

from mlalign.drift.address import ADDRESS
from mlalign.text.normalize import normalize

_BRACKETED = re.compile(r"\s*\[([^\[\]\n]{1,500})\]")
# "(Translator's note: …)" with a straight or curly apostrophe, "(TN: …)", "(Trans.: …)",
# "(T.N.: …)"; one level of parentheses inside the note.
_MARKED = re.compile(r"\s*\((?:translator[’']?s?[’']? note|trans(?:lator)?\.?(?: note)?|tn|t/n|t\.\s?n\.?)"
                     r"\s*[:.–-]\s*(?:[^()\n]|\([^()\n]*\)){0,800}\)", re.IGNORECASE)
# The original's own words quoted in the English beside their rendering: a Qur'an verse in
# its ornate parentheses ﴿ … ﴾, a slogan in quotation marks («مرگ بر آمریکا»).
_QUOTED_SCRIPT = re.compile(r"\s*(?:﴿[^﴾\n]{1,400}﴾|[«\"“(]([\u0600-\u06ff\u200c\s]{2,400})[»\"”)])")
_FIGURE = re.compile(r"[\d\u0660-\u0669\u06f0-\u06f9][\d\u0660-\u0669\u06f0-\u06f9\s.,/–-]*")


def _is_gloss(inside: str) -> bool:
    """A bracket the checks may skip: five words or more, or a figure ([2022–23], [1])."""
    if ADDRESS.search(inside) or inside.strip().lower() in {"at", "dot", "@", "."}:
        return False
    return len(inside.split()) >= 5 or bool(_FIGURE.fullmatch(inside.strip()))


def translator_notes(english: str, original: str) -> tuple[str, list[str]]:
    """The English without its translator's notes, and the notes taken out."""
    found: list[str] = []

    def take(match: re.Match[str]) -> str:
        found.append(match.group(0).strip())
        return ""

    def take_gloss(match: re.Match[str]) -> str:
        return take(match) if _is_gloss(match.group(1)) else match.group(0)

    def take_quote(match: re.Match[str]) -> str:
        inside = match.group(0).strip().strip("﴿﴾«»\"“”()")
        quoted = normalize(inside, "ar").strip()
        return take(match) if quoted and quoted in normalize(original, "ar") else match.group(0)

    text = _QUOTED_SCRIPT.sub(take_quote, _MARKED.sub(take, english))
    if "[" not in original and "]" not in original:
        text = _BRACKETED.sub(take_gloss, text)
    if not found or not text.strip():
        return english, []  # a sentence that is all note is compared as it is
    return re.sub(r"\s+([,.;:!?])", r"\1", text).strip(), found
