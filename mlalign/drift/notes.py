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
an address ("info [at] iranpress [dot] ir").

Religious formulas of blessing after a name (ﷺ, صلى الله عليه وسلم, رضي الله عنه, عليه
السلام, (ع), (ره), رحمه الله, قدس سره; "(peace be upon him)", "(PBUH)", "(AS)") are left out
on both sides (`religious_formulas`): translators render them, abbreviate them or drop them
as their house style says, and ﷺ is one character for four words, so kept in they made
length, addition and omission alarms."""

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


# The original's formulas of blessing, as written (vowel marks and a zero-width non-joiner
# allowed inside): ﷺ and the other honorific signs of U+FD40-U+FD4F, U+FDFA-U+FDFB; "God
# bless him (and his family) and grant him peace"; "God be pleased with him / her / them";
# "peace be upon him / her / them"; "God have mercy on him"; "may his secret be sanctified";
# "peace of God be upon her"; "mighty and majestic" after God; the Persian abbreviations in
# parentheses: (ص) (ع) (س) (ره) (رض) (عج) (قده). Not a bare تعالى: قال تعالى is "the
# Exalted said", a subject the English renders.
_S = "[\\s\u200c]+"  # between words: a space or a zero-width non-joiner (رحمة‌الله‌علیه)
_JOIN = "[\\s\u200c]*"  # the same, or none (علیه‌السلام, عليهالسلام)
_ARABIC_FORMULAS = (
    "صل[ىی] الله عل[يی]ه(?: وآ?له)? وسلم",
    "رض[يی] الله عن(?:ه|ها|هما|هم)",
    "عل[يی](?:ه|ها|هم|هما)~ال?سلام",
    "رحم(?:ه|ها|هم) الله(?: تعال[ىی])?",
    "رحم[ةه]~الله~عل[يی](?:ه|ها|هم)",
    "قدس (?:الله )?سر(?:ه|ها|هما)(?: ال?شر[يی]ف)?",
    "سلام~الله~عل[يی](?:ه|ها|هم)",
    "عز وجل",
    "جل جلاله",
    "سبحانه وتعال[ىی]",
)


def _as_written(formula: str) -> str:
    """A formula's regex that also matches it written with its vowel marks or a tatweel
    after any letter (رَضِيَ اللَّهُ عَنْهُ), " " as a space or a zero-width non-joiner and
    "~" as either or none."""
    marks = "[\u064b-\u065f\u0670\u0640]*"
    out, in_class = [], False
    for ch in formula:
        if ch == "[":
            in_class = True
        out.append({" ": _S, "~": _JOIN}.get(ch, ch))
        if ch == "]":
            in_class = False
            out.append(marks)
        elif not in_class and "\u0621" <= ch <= "\u06cc":
            out.append(marks)
    return "".join(out)


_FORMULA_AR = "|".join(_as_written(f) for f in _ARABIC_FORMULAS)
# ﷺ and the other honorific signs (U+FD40-U+FD4F, U+FDFA-U+FDFB); a formula in parentheses;
# the Persian abbreviations in parentheses: (ص) (ع) (س) (ره) (رض) (عج) (قده).
_ARABIC_FORMULA = re.compile(
    r"\s*(?:[\ufd40-\ufd4f\ufdfa\ufdfb]|\(\s*(?:ص|ع|س|ره|رض|عج|قده|" + _FORMULA_AR + r")\s*\)"
    r"|(?:" + _FORMULA_AR + r")(?![\w\u200c]))")
# The English renderings: the same formulas in parentheses or between commas, their
# abbreviations in capitals in parentheses (PBUH, SAW, AS, RA, QS), and the signs.
_BLESSING_EN = (r"(?i:peace(?: and blessings?(?: of (?:God|Allah))?)? be upon (?:him|her|them)"
                r"(?: and (?:his|her|their) (?:family|household|progeny))?"
                r"|(?:may )?(?:God|Allah) (?:be pleased with|bless|have mercy (?:on|upon)|sanctify)"
                r" (?:him|her|them|his (?:soul|secret))(?: both| all)?"
                r"(?: and grant (?:him|her|them) peace)?"
                r"|(?:may )?his (?:soul|secret) be sanctified)")
_ENGLISH_FORMULA = re.compile(
    r"\s*(?:\((?:PBUH|P\.B\.U\.H\.?|pbuh|SAWS?|S\.A\.W\.?|AS|A\.S\.?|RA|R\.A\.?|RAA|RH|QS|AJ)\)"
    r"|[(\[]" + _BLESSING_EN + r"[)\]]|,\s*" + _BLESSING_EN + r",(?=\s)"
    r"|[\ufd40-\ufd4f\ufdfa\ufdfb])")


def religious_formulas(text: str, lang: str) -> tuple[str, list[str]]:
    """The text without its formulas of blessing (ﷺ, رضي الله عنه, (ع); "(PBUH)", "(peace
    be upon him)"), and the formulas taken out; `lang` is "en" for the English. A text that
    is all formula is given back as it is."""
    pattern = _ENGLISH_FORMULA if lang == "en" else _ARABIC_FORMULA
    found = [m.group(0).strip() for m in pattern.finditer(text)]
    if not found:
        return text, []
    rest = pattern.sub("", text)
    if not rest.strip(" .,:;!?،؛"):
        return text, []
    return re.sub(r"\s+([,.;:!?،؛])", r"\1", rest).strip(), found


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
