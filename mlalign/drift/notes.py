"""Translator's notes in the English: glosses in square brackets ("the korsi [a low table
with a heater underneath]", "1401 [2022–23]") and notes marked as such ("(Translator's
note: ...)", "(TN: ...)"). They are the translator's voice, not a rendering of the
original, so the checks compare the English without them; the outputs show the English as
written. Square brackets count as notes only where the original has none (an original that
writes [ ] may be rendered with them)."""

from __future__ import annotations

import re

_BRACKETED = re.compile(r"\s*\[[^\[\]\n]{1,500}\]")
_MARKED = re.compile(r"\s*\((?:translator'?s'? note|trans(?:lator)?\.? note|tn|t/n|t\.n\.)\s*[:.–-]"
                     r"[^()\n]{0,800}\)", re.IGNORECASE)


def translator_notes(english: str, original: str) -> tuple[str, list[str]]:
    """The English without its translator's notes, and the notes taken out."""
    found: list[str] = []

    def take(match: re.Match[str]) -> str:
        found.append(match.group(0).strip())
        return ""

    text = _MARKED.sub(take, english)
    if "[" not in original and "]" not in original:
        text = _BRACKETED.sub(take, text)
    if not found or not text.strip():
        return english, []  # a sentence that is all note is compared as it is
    return re.sub(r"\s+([,.;:!?])", r"\1", text).strip(), found
