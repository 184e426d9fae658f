"""Planted errors in real-genre texts: of the English lines a tester changed on purpose
(a dose, a unit, a weekday, a dropped "not" or clause, a reversed direction or order...),
how many get a medium or high flag on their own bead, and how many unchanged lines do.

Each `scripts/data/realtexts/planted/<genre>.en.planted.txt` is a copy of
`<genre>.en.txt` (a faithful rendering, same lines) with errors planted on some lines; it is
audited against its original as a user would (`mlalign.pipeline.audit_texts`, default
settings). A changed line is found when a bead holding it has a medium or high flag.
Development data (the third, fourth, sixth and seventh real-genre sweeps, 2026-12-07 and
08): rules were written after reading these texts, so the figure is not a held-out one
(the sixth and seventh sweeps' held-out figures, measured before, are in docs/DRIFT.md).

Run: .venv/bin/python scripts/bench_planted.py. Last stdout line: one JSON object.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "realtexts"
sys.path.insert(0, str(DATA.parents[2]))

from mlalign.pipeline import audit_texts  # noqa: E402
from mlalign.text.reader import read_file_text  # noqa: E402


def main() -> None:
    rows = []
    for planted in sorted((DATA / "planted").glob("*.en.planted.txt")):
        genre = planted.name.split(".")[0]
        original = next(p for p in (DATA / f"{genre}.ar.txt", DATA / f"{genre}.fa.txt") if p.exists())
        faithful = read_file_text(DATA / f"{genre}.en.txt").text.splitlines()
        changed_text = read_file_text(planted).text
        changed = changed_text.splitlines()
        assert len(changed) == len(faithful), f"{planted.name}: not line for line"
        planted_lines = {i for i, (a, b) in enumerate(zip(faithful, changed, strict=True)) if a != b}
        audit = audit_texts(read_file_text(original).text, changed_text, src_name=original.name,
                            tgt_name=planted.name, presplit=True)
        flagged_lines = {j for b in audit.beads
                         if any(f.severity in ("medium", "high") for f in b.flags) for j in b.tgt_ids}
        found = len(planted_lines & flagged_lines)
        alarms = len(flagged_lines - planted_lines)
        rows.append((genre, len(changed), len(planted_lines), found, alarms))
    print(f"{'genre':<14}{'lines':>7}{'planted':>9}{'found':>7}{'other lines flagged':>21}")
    for genre, n, p, f, a in rows:
        print(f"{genre:<14}{n:>7}{p:>9}{f:>7}{a:>21}")
    totals = [sum(r[k] for r in rows) for k in (1, 2, 3, 4)]
    print(f"{'all':<14}{totals[0]:>7}{totals[1]:>9}{totals[2]:>7}{totals[3]:>21}")
    print(json.dumps({"bench": "planted", "documents": len(rows), "lines": totals[0],
                      "planted_lines": totals[1], "found": totals[2],
                      "recall": round(totals[2] / max(1, totals[1]), 4),
                      "other_lines_flagged": totals[3]}))


if __name__ == "__main__":
    main()
