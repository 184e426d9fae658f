"""The direction check (`mlalign/drift/direction.py`): reversed changes and comparisons found,
and false alarms on faithful pairs.

Flips: every NTREX English line (both pairs) whose direction words of one reading (a change:
rose, fell; a comparison: more, below) all point the same way gets its first such word
replaced by an antonym ("rose" → "fell", "more" → "less", "above" → "below"), as a
translator's slip would; found = the check flags the line against its Arabic or Persian.
Order flips ("before" → "after" and back) are made and counted the same way, apart.
False alarms: the check on every faithful NTREX line and on Tatoeba's pairs of five words or
more. The check reads words only (no model), so this runs in seconds.

Run: .venv/bin/python scripts/bench_direction.py. Last stdout line: one JSON object.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import load_ntrex, load_tatoeba  # noqa: E402

from mlalign.drift import DriftConfig  # noqa: E402
from mlalign.drift.base import CheckContext  # noqa: E402
from mlalign.drift.direction import DirectionCheck, direction_words  # noqa: E402
from mlalign.types import Bead  # noqa: E402

# One antonym per word form the flips use (the lower-case English form as found).
ANTONYMS = {
    "rose": "fell", "fell": "rose", "rise": "fall", "fall": "rise", "rises": "falls", "falls": "rises",
    "rising": "falling", "falling": "rising", "risen": "fallen", "fallen": "risen",
    "increase": "decrease", "decrease": "increase", "increased": "decreased",
    "decreased": "increased", "increases": "decreases", "decreases": "increases",
    "increasing": "decreasing", "decreasing": "increasing", "grew": "shrank", "growth": "decline",
    "grow": "shrink", "growing": "shrinking", "declined": "grew", "decline": "growth",
    "dropped": "climbed", "climbed": "dropped", "drop": "climb", "jumped": "dropped",
    "reduced": "increased", "reduce": "increase", "reduction": "increase", "doubled": "halved",
    "more": "less", "less": "more", "fewer": "more", "higher": "lower", "lower": "higher",
    "above": "below", "below": "above", "greater": "smaller", "larger": "smaller",
    "bigger": "smaller", "smaller": "larger", "exceeded": "fell below", "exceeds": "falls below",
    "before": "after", "after": "before", "prior to": "after", "earlier than": "later than",
    "later than": "earlier than",
}


def flip(english: str, readings: tuple[str, ...] = ("change", "comparison")) -> str | None:
    """The line with its first direction word of `readings` reversed, if all of that
    reading's words point one way; None when no such word has an antonym here."""
    words_by_reading = direction_words(english, "en")
    for up, down in (words_by_reading[r] for r in readings):
        words = up if up and not down else down if down and not up else []
        for word in words:
            swap = ANTONYMS.get(word.lower())
            if swap:
                swap = swap.capitalize() if word[0].isupper() else swap
                return re.sub(rf"\b{re.escape(word)}\b", swap, english, count=1)
    return None


def flagged(check: DirectionCheck, ctx: CheckContext, src: str, tgt: str) -> bool:
    return bool(check.check(Bead([0], [0], src, tgt), ctx))


def main() -> None:
    check = DirectionCheck()
    rows: dict[str, dict[str, float]] = {}
    examples: list[tuple[str, str]] = []
    for lang in ("ar", "fa"):
        ctx = CheckContext(src_lang=lang, config=DriftConfig(), calibration={})
        pairs = [(s, e) for doc in load_ntrex(lang) for s, e in zip(doc.src, doc.en, strict=True)]
        flips = [(s, f) for s, e in pairs if (f := flip(e)) is not None]
        found = [flagged(check, ctx, s, f) for s, f in flips]
        # order in time ("before" made "after"), counted apart from the lines above
        order = [(s, f) for s, e in pairs if (f := flip(e, ("order",))) is not None]
        order_found = [flagged(check, ctx, s, f) for s, f in order]
        clean = [flagged(check, ctx, s, e) for s, e in pairs]
        tatoeba = [(s, e) for s, e in load_tatoeba(lang) if len(s.split()) >= 5]
        tato = [flagged(check, ctx, s, e) for s, e in tatoeba]
        examples += [(lang, e) for (s, e), bad in zip(pairs, clean, strict=True) if bad][:5]
        rows[lang] = {"flips": len(flips), "flips_found": sum(found),
                      "recall": sum(found) / max(1, len(flips)),
                      "order_flips": len(order), "order_found": sum(order_found),
                      "order_recall": sum(order_found) / max(1, len(order)),
                      "ntrex_clean": len(pairs), "ntrex_false_alarms": sum(clean),
                      "ntrex_fpr": sum(clean) / max(1, len(pairs)),
                      "tatoeba_clean": len(tatoeba), "tatoeba_false_alarms": sum(tato),
                      "tatoeba_fpr": sum(tato) / max(1, len(tatoeba))}
    print("direction check: NTREX English lines with one direction word reversed (found),")
    print("and faithful pairs flagged (false alarms)")
    print(f"{'metric':<22}{'ar':>10}{'fa':>10}")
    for key in rows["ar"]:
        fmt = "{:>10.3f}" if isinstance(rows["ar"][key], float) else "{:>10d}"
        print(f"{key:<22}" + "".join(fmt.format(rows[lang][key]) for lang in ("ar", "fa")))
    for lang, english in examples:
        print(f"false alarm ({lang}): {english[:110]}")
    print(json.dumps({"bench": "direction", "results": {k: {m: round(v, 4) for m, v in r.items()}
                                                         for k, r in rows.items()}}))


if __name__ == "__main__":
    main()
