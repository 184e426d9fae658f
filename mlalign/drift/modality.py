"""Claims softened or hardened: "must" rendered as "may", "may" as "will". Only the clear
cases are flagged, and only as low severity, because modality maps loosely across languages."""

from __future__ import annotations

import re

from mlalign.drift.base import CheckContext, norm_arabic
from mlalign.types import Bead, Flag

# "May" inside a sentence is the month or a name (Theresa May), not a modal: it counts only
# in lower case or where a sentence starts.
EN_WEAK = re.compile(r"\b(?:(?i:might|could|possibly|perhaps|probably|likely|maybe)|may)\b"
                     r"|(?:^|(?<=[.!?:\"“]\s))May\b")
EN_STRONG = re.compile(r"\b(?:must|have to|has to|certainly|definitely|surely)\b", re.I)
SRC_WEAK = re.compile(r"(?<!\S)(?:قد|ربما|يمكن|ممكن|يحتمل|محتمل|لعل|شايد|احتمالا|احتمال|ممكن است|ميتواند)(?!\S)")
SRC_STRONG = re.compile(r"(?<!\S)(?:يجب|لابد|لا بد|ينبغي|حتما|بالتاكيد|بايد|قطعا|حتما)(?!\S)")


class ModalityCheck:
    """Flag a certain claim made uncertain, or an uncertain one made certain."""

    name = "modality"

    def check(self, bead: Bead, ctx: CheckContext) -> list[Flag]:
        if not bead.src.strip() or not bead.tgt.strip():
            return []
        src = norm_arabic(bead.src).replace("\u200c", "")
        s_weak, s_strong = bool(SRC_WEAK.search(src)), bool(SRC_STRONG.search(src))
        t_weak, t_strong = bool(EN_WEAK.search(bead.tgt)), bool(EN_STRONG.search(bead.tgt))
        if s_strong and not s_weak and t_weak and not t_strong:
            word = EN_WEAK.search(bead.tgt)
            detail = f"the original states an obligation; the English softens it (\"{word.group(0) if word else ''}\")"
        elif s_weak and not s_strong and t_strong and not t_weak:
            word = EN_STRONG.search(bead.tgt)
            detail = f"the original is tentative; the English hardens it (\"{word.group(0) if word else ''}\")"
        else:
            return []
        return [Flag("modality", "low", detail, 0.3, {})]
