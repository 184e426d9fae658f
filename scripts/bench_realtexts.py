"""False alarms on real-genre texts: every bead of a faithful rendering that gets a medium
or high flag (`scripts/data/realtexts/`, 82 document pairs the news corpora do not cover).

Each pair is audited as a user would (`mlalign.pipeline.audit_texts`, default settings,
the original's language detected); a table lists the flagged beads per document, then the
total. Development data: rules were mended after reading these flags.

Run: .venv/bin/python scripts/bench_realtexts.py. Last stdout line: one JSON object.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "realtexts"
sys.path.insert(0, str(DATA.parents[2]))

from mlalign.pipeline import audit_texts  # noqa: E402
from mlalign.text.reader import read_file_text  # noqa: E402


def main() -> None:
    rows = []
    kinds: Counter[str] = Counter()
    started = time.perf_counter()
    for line in (DATA / "pairs.tsv").read_text(encoding="utf-8").splitlines():
        original, english = line.split("\t")
        audit = audit_texts(read_file_text(DATA / original).text, read_file_text(DATA / english).text,
                            src_name=original, tgt_name=english)
        beads = [b for b in audit.beads if b.src_ids and b.tgt_ids]
        flagged = [b for b in audit.beads if any(f.severity in ("medium", "high") for f in b.flags)]
        for b in flagged:
            kinds.update({f.type for f in b.flags if f.severity in ("medium", "high")})
        rows.append((original, len(audit.beads), len(beads), len(flagged)))
    print(f"{'original':<34}{'beads':>7}{'paired':>8}{'flagged':>9}")
    for name, n, paired, flagged in rows:
        print(f"{name:<34}{n:>7}{paired:>8}{flagged:>9}")
    total = sum(r[1] for r in rows)
    flagged = sum(r[3] for r in rows)
    print(f"{'all':<34}{total:>7}{sum(r[2] for r in rows):>8}{flagged:>9}")
    print("flag types on the flagged beads: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(json.dumps({"bench": "realtexts", "documents": len(rows), "beads": total,
                      "flagged_beads": flagged, "flagged_share": round(flagged / max(1, total), 4),
                      "by_type": dict(kinds.most_common()),
                      "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main()
