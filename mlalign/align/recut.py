"""Cut a long sentence that the other side renders in more sentences than one bead holds.

A bead pairs one sentence with at most `max_bead` sentences of the other side. Classical
Arabic and Persian chain a paragraph's events into one sentence of 40 to 80 words (ثم … و …
ف …), under the length at which the splitter cuts a run-on, and the English translator
writes five or six sentences. The aligner then gives the long sentence a full bead and
leaves the rest of its English unpaired, where the drift checks flag it as added. Where a
full one-to-many bead has unpaired sentences of the other side beside it, the long sentence
is cut at its clauses (`text.split.cut_at_clauses`) and the document is aligned again; the
caller keeps the new alignment only when it leaves fewer words unpaired.

Only the original is cut. The English is punctuated by its translator; cutting an English
sentence that renders several short original sentences made no bead better on the run-on
benchmark (`scripts/bench_runon.py`) and split sentences a reader expects whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlalign.text.split import cut_at_clauses
from mlalign.types import Bead, Sentence


@dataclass(frozen=True)
class OverfullSentence:
    """An original sentence whose bead is full while English sentences beside it are unpaired."""

    index: int  # the sentence's index in the original
    renders: int  # English sentences in its bead and unpaired beside it


@dataclass
class Recut:
    """The original's sentences after cutting, and one line per sentence cut (for warnings)."""

    src: list[Sentence]
    notes: list[str]
    cuts: list[dict[str, object]]


def _unpaired_run(beads: list[Bead], start: int, step: int) -> int:
    """English sentences in the English-only beads from beads[start] on, `step` at a time."""
    count = 0
    i = start
    while 0 <= i < len(beads) and not beads[i].src_ids and beads[i].tgt_ids:
        count += len(beads[i].tgt_ids)
        i += step
    return count


def overfull_sentences(beads: list[Bead], max_bead: int) -> list[OverfullSentence]:
    """Original sentences alone in a full bead with unpaired English sentences next to it:
    the English renders them in more sentences than a bead holds."""
    out: list[OverfullSentence] = []
    for i, bead in enumerate(beads):
        if len(bead.src_ids) != 1 or len(bead.tgt_ids) < max_bead:
            continue
        unpaired = _unpaired_run(beads, i - 1, -1) + _unpaired_run(beads, i + 1, 1)
        if unpaired:
            out.append(OverfullSentence(bead.src_ids[0], len(bead.tgt_ids) + unpaired))
    return out


def recut_overfull(beads: list[Bead], src: list[Sentence], src_lang: str,
                   max_bead: int) -> Recut | None:
    """The original with each overfull sentence cut at its clauses, or None when none is or
    none can be cut. Notes number sentences from 1, as the reports do."""
    out = list(src)
    notes: list[str] = []
    cuts: list[dict[str, object]] = []
    # last first, so that cutting one sentence does not move the index of another
    for found in sorted(overfull_sentences(beads, max_bead), key=lambda f: -f.index):
        sentence = out[found.index]
        pieces = cut_at_clauses(sentence.text, src_lang)
        if len(pieces) < 2:
            continue
        out[found.index:found.index + 1] = [Sentence(p, sentence.paragraph) for p in pieces]
        notes.append(f"original sentence {found.index + 1} ({len(sentence.text.split())} words) "
                     f"was cut at its clauses into {len(pieces)} pieces: the English renders it "
                     f"in {found.renders} sentences, more than one bead holds")
        cuts.append({"sentence": found.index, "pieces": len(pieces)})
    if not notes:
        return None
    return Recut(out, notes[::-1], cuts[::-1])


def unpaired_words(beads: list[Bead]) -> int:
    """Words in one-sided beads, either side: what a better alignment leaves fewer of."""
    return sum(len(b.src.split()) + len(b.tgt.split()) for b in beads
               if not b.src_ids or not b.tgt_ids)
