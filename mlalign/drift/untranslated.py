"""Arabic/Persian script left in the English: text the translator skipped or pasted."""

from __future__ import annotations

import re

from mlalign.drift.base import ARABIC_SCRIPT, CheckContext
from mlalign.types import Bead, Flag

_RUN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff][\u0600-\u06ff\u200c\s]*")


class UntranslatedCheck:
    """Flag Arabic-script runs in the English side."""

    name = "untranslated"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if not ARABIC_SCRIPT.search(bead.tgt):
            return []
        runs = [r.strip() for r in _RUN.findall(bead.tgt) if r.strip()]
        letters = sum(len(r) for r in runs)
        share = letters / max(1, len(re.sub(r"\s", "", bead.tgt)))
        sev = "high" if share > 0.3 else "medium"
        return [Flag("untranslated", sev,
                     f"Arabic-script text left in the English: \"{runs[0][:40]}\"",
                     min(1.0, 0.5 + share), {"runs": runs[:5], "share": round(share, 3)})]
