"""Benchmark the text layer on NTREX: sentence-boundary P/R/F1 and language-id accuracy.

NTREX lines of one document are joined into paragraphs of 1-6 lines (fixed seed) and
split again; the line joins are the gold boundaries. Some NTREX lines hold several
sentences, so a correct splitter also cuts inside lines: those "internal" cuts are
counted separately (they lower precision against line boundaries without being errors
necessarily). R(term) is recall on the joins after lines ending in . ! ? ؟ … ۔
(headlines without punctuation cannot be found by any punctuation-based splitter). pysbd, when installed, runs on the same paragraphs for comparison.

Run: .venv/bin/python scripts/bench_split.py   (last stdout line is a JSON summary)
"""

from __future__ import annotations

import collections
import json
import os
import random
import re
import time
from pathlib import Path

from mlalign.text.langid import detect_language
from mlalign.text.split import splitter_for

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "corpora" / "ntrex"
TATOEBA = ROOT.parent / "shared" / "corpora" / "tatoeba"
FILES = {
    "ar": "newstest2019-ref.arb.txt",
    "fa": "newstest2019-ref.fas.txt",
    "en": "newstest2019-src.eng.txt",
}
SEED = 13
# A line that ends in sentence punctuation (possibly inside quotes): splittable at all.
TERMINAL = re.compile(r"[.!?؟…۔][\"'”’»)\]]*$")


def load() -> tuple[list[str], dict[str, list[str]]]:
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").rstrip("\n").split("\n")
    texts = {
        lang: (NTREX / f).read_text(encoding="utf-8").split("\n")[: len(ids)]
        for lang, f in FILES.items()
    }
    n = min(len(v) for v in texts.values())
    return ids[:n], {k: v[:n] for k, v in texts.items()}


def make_paragraphs(ids: list[str], n_lines: int) -> list[list[int]]:
    """Group consecutive line indices of each document into paragraphs of 1-6 lines."""
    rng = random.Random(SEED)
    groups: list[list[int]] = []
    cur: list[int] = []
    size = rng.randint(1, 6)
    for i in range(n_lines):
        if cur and (ids[i] != ids[cur[-1]] or len(cur) >= size):
            groups.append(cur)
            cur, size = [], rng.randint(1, 6)
        cur.append(i)
    if cur:
        groups.append(cur)
    return groups


def boundaries(para: str, pieces: list[str]) -> set[int]:
    out: set[int] = set()
    pos = 0
    for k, piece in enumerate(pieces):
        at = para.find(piece.strip(), pos)
        if at < 0:
            raise AssertionError(f"splitter lost text: {piece[:40]!r}")
        if k:
            out.add(at)
        pos = at + len(piece.strip())
    return out


def score(lines: list[str], groups: list[list[int]], split) -> dict[str, float]:
    tp = fp = fn = internal_lines = term_gold = term_hit = 0
    t0 = time.perf_counter()
    for g in groups:
        parts = [lines[i].strip() for i in g if lines[i].strip()]
        para = " ".join(parts)
        gold: set[int] = set()
        starts = []
        pos = 0
        for k, part in enumerate(parts):
            starts.append(pos)
            if k:
                gold.add(pos)
            pos += len(part) + 1
        pred = boundaries(para, split(para))
        for k in range(1, len(parts)):
            if TERMINAL.search(parts[k - 1]):
                term_gold += 1
                term_hit += starts[k] in pred
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        ends = starts[1:] + [len(para) + 1]
        internal_lines += sum(
            any(s < b < e - 1 for b in pred - gold) for s, e in zip(starts, ends, strict=True)
        )
    secs = time.perf_counter() - t0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "recall_terminated": term_hit / term_gold if term_gold else 0.0,
        "precision": p,
        "recall": r,
        "f1": f,
        "lines_split_inside": internal_lines,
        "seconds": secs,
    }


def langid(ids: list[str], texts: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for lang, lines in texts.items():
        docs: dict[str, list[str]] = collections.defaultdict(list)
        ok = 0
        for i, line in zip(ids, lines, strict=True):
            docs[i].append(line)
            ok += detect_language(line) == lang
        dok = sum(detect_language("\n".join(v)) == lang for v in docs.values())
        out[lang] = {"line_acc": ok / len(lines), "doc_acc": dok / len(docs), "docs": len(docs)}
    for lang, fname in (("ar", "ara.txt"), ("fa", "pes.txt")):
        path = TATOEBA / fname
        if not path.exists():
            continue
        rows = [
            ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if "\t" in ln
        ]
        out[f"tatoeba_{lang}"] = {
            "line_acc": sum(detect_language(r[1]) == lang for r in rows) / len(rows),
            "en_line_acc": sum(detect_language(r[0]) == "en" for r in rows) / len(rows),
        }
    return out


def main() -> None:
    ids, texts = load()
    groups = make_paragraphs(ids, len(ids))
    n_gold = sum(len(g) - 1 for g in groups)
    print(
        f"NTREX: {len(ids)} lines, {len(set(ids))} documents, {len(groups)} paragraphs, "
        f"{n_gold} gold boundaries (seed {SEED})"
    )
    results: dict[str, dict[str, dict[str, float]]] = {}
    try:
        import pysbd  # type: ignore[import-untyped]
    except ImportError:
        pysbd = None
    for lang, lines in texts.items():
        rules = splitter_for(lang)
        results.setdefault(lang, {})["rules"] = score(lines, groups, rules.split_paragraph)
        if pysbd is not None:
            seg = pysbd.Segmenter(language=lang, clean=False)
            results[lang]["pysbd"] = score(lines, groups, seg.segment)
    print(f"\nSentence boundaries vs NTREX line joins ({os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f})")
    print(
        f"{'lang':5} {'splitter':8} {'P':>6} {'R':>6} {'F1':>6} {'R(term)':>8} {'lines cut inside':>17} {'sec':>6}"
    )
    for lang, per in results.items():
        for name, r in per.items():
            print(
                f"{lang:5} {name:8} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['recall_terminated']:8.3f} "
                f"{r['lines_split_inside']:17d} {r['seconds']:6.2f}"
            )
    lid = langid(ids, texts)
    print("\nLanguage id accuracy")
    for k, v in lid.items():
        print(
            f"{k:12} "
            + "  ".join(
                f"{a}={b:.4f}" if isinstance(b, float) else f"{a}={b}" for a, b in v.items()
            )
        )
    summary = {
        "split": {
            lang: {
                name: {k: round(v, 4) for k, v in r.items() if k != "seconds"}
                for name, r in per.items()
            }
            for lang, per in results.items()
        },
        "langid": {k: {a: round(b, 4) for a, b in v.items()} for k, v in lid.items()},
        "seed": SEED,
    }
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
