"""Arabic/Persian script left in the English: text the translator skipped or pasted."""

from __future__ import annotations

import re

from mlalign.drift.base import ARABIC_SCRIPT, CheckContext
from mlalign.text.normalize import normalize
from mlalign.types import Bead, Flag

# A run starts at an Arabic-script character other than the ornate parentheses ﴿ ﴾ that
# enclose a Qur'an quotation, and the honorific signs (ﷺ ﷻ ﵀ ﵁ …) that English Islamic
# texts write as symbols.
_RUN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufd3d\ufd50-\ufdf9\ufdfc-\ufdff"
                  r"\ufe70-\ufeff][\u0600-\u06ff\u200c\s]*")


class UntranslatedCheck:
    """Flag Arabic-script runs in the English side."""

    name = "untranslated"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if not ARABIC_SCRIPT.search(bead.tgt):
            return []
        # A hashtag the original writes too (#اینترنت_آزاد) is copied, as handles and
        # addresses are: it names the tag, it does not leave text untranslated.
        english = _HASHTAG.sub(lambda m: " " if m.group(0) in bead.src else m.group(0), bead.tgt)
        # Arabic-Indic or Persian digits are figures, which the number check reads
        runs = [r.strip() for r in _RUN.findall(english) if _LETTERS.search(r)]
        if not runs:
            return []
        letters = sum(len(r) for r in runs)
        share = letters / max(1, len(re.sub(r"\s", "", bead.tgt)))
        original = normalize(bead.src, ctx.src_lang)
        if all(_quoted(r, bead.tgt) and normalize(r, ctx.src_lang) in original for r in runs):
            # "Death to America" (مرگ بر آمریکا): the English quotes the original's words
            # beside its rendering, as translators of political and literary text do
            return [Flag("untranslated", "low",
                         f"the English quotes the original's words: \"{runs[0][:40]}\"",
                         0.3, {"runs": runs[:5], "share": round(share, 3), "quoted": True})]
        sev = "high" if share > 0.3 else "medium"
        return [Flag("untranslated", sev,
                     f"Arabic-script text left in the English: \"{runs[0][:40]}\"",
                     min(1.0, 0.5 + share), {"runs": runs[:5], "share": round(share, 3)})]


_HASHTAG = re.compile(r"#[\w\u200c]+")
_LETTERS = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
_QUOTES = {"(": ")", "«": "»", "\"": "\"", "“": "”", "'": "'", "‘": "’", "[": "]",
           "\ufd3f": "\ufd3e", "\ufd3e": "\ufd3f"}


def _quoted(run: str, english: str) -> bool:
    """Whether `run` stands in the English inside brackets or quotation marks."""
    at = english.find(run)
    if at < 0:
        return False
    before = english[:at].rstrip()[-1:]
    after = english[at + len(run):].lstrip()[:1]
    return bool(before) and _QUOTES.get(before) == after
