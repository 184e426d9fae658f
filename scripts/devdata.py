"""Development data for alignment/drift benchmarks, built from ../shared/corpora.

Importable helpers (no side effects on import):
- `load_ntrex(lang)` -> list of `NtrexDoc(doc_id, src, en)` for lang "ar" or "fa", in file order
  (line i of `src` is the gold translation partner of line i of `en`).
- `load_tatoeba(lang)` -> list of (src, en) pairs, deduplicated on both sides.
- `make_bench_doc(src_lines, en_lines, rng, delete_share=0.0)` -> `BenchDoc` with sentences on
  both sides (random paragraphs, merged 1-2 / 2-1 / 2-2 units, optional one-sided deletions)
  and the gold beads.
The corpus root is $MLALIGN_CORPORA or ../shared/corpora relative to the repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mlalign.types import Sentence

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("MLALIGN_CORPORA", REPO.parent / "shared" / "corpora"))
NTREX_FILES = {"ar": "newstest2019-ref.arb.txt", "fa": "newstest2019-ref.fas.txt"}
TATOEBA_FILES = {"ar": "ara.txt", "fa": "pes.txt"}


@dataclass
class NtrexDoc:
    doc_id: str
    src: list[str]
    en: list[str]


@dataclass
class BenchDoc:
    """Sentences of both sides and the gold beads as (src_ids, tgt_ids) tuples."""

    name: str
    src: list[Sentence]
    tgt: list[Sentence]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def load_ntrex(lang: str) -> list[NtrexDoc]:
    """NTREX documents for `lang` ("ar"/"fa") with their English lines, grouped by DOCUMENT_IDS."""
    root = CORPORA / "ntrex"
    ids = _lines(root / "DOCUMENT_IDS.tsv")
    src = _lines(root / NTREX_FILES[lang])
    en = _lines(root / "newstest2019-src.eng.txt")
    docs: list[NtrexDoc] = []
    for i, doc_id in enumerate(ids):
        doc_id = doc_id.strip()
        if not docs or docs[-1].doc_id != doc_id:
            docs.append(NtrexDoc(doc_id, [], []))
        docs[-1].src.append(src[i].strip())
        docs[-1].en.append(en[i].strip())
    return docs


def load_tatoeba(lang: str) -> list[tuple[str, str]]:
    """Tatoeba (src, en) pairs; an English or source sentence is kept only the first time."""
    seen_en: set[str] = set()
    seen_src: set[str] = set()
    out: list[tuple[str, str]] = []
    for line in _lines(CORPORA / "tatoeba" / TATOEBA_FILES[lang]):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        en, src = parts[0].strip(), parts[1].strip()
        if not en or not src or en in seen_en or src in seen_src:
            continue
        seen_en.add(en)
        seen_src.add(src)
        out.append((src, en))
    return out


def make_bench_doc(
    name: str,
    src_lines: list[str],
    en_lines: list[str],
    rng: np.random.Generator,
    delete_share: float = 0.0,
    p12: float = 0.07,
    p21: float = 0.07,
    p22: float = 0.03,
) -> BenchDoc:
    """Random paragraphs, merged units (1-2, 2-1, 2-2 beads) and one-sided deletions (1-0/0-1).

    A 1-2 bead: two source lines joined into one sentence; 2-1: two English lines joined;
    2-2: source (i+i+1, i+2) against English (i, i+1+i+2). Deleted units come from one side
    of the document only (chosen at random) and never from a merged unit.
    """
    n = len(src_lines)
    # paragraphs: consecutive groups of 1..6 lines
    para = np.zeros(n, dtype=int)
    pid, i = 0, 0
    while i < n:
        size = int(rng.integers(1, 7))
        para[i : i + size] = pid
        pid += 1
        i += size
    # units: (list of src sentence texts, list of en sentence texts, kind)
    units: list[tuple[list[tuple[str, int]], list[tuple[str, int]]]] = []
    i = 0
    while i < n:
        r = rng.random()
        same2 = i + 1 < n and para[i + 1] == para[i]
        same3 = i + 2 < n and same2 and para[i + 2] == para[i]
        if same3 and r < p22:
            units.append((
                [(src_lines[i] + " " + src_lines[i + 1], para[i]), (src_lines[i + 2], para[i])],
                [(en_lines[i], para[i]), (en_lines[i + 1] + " " + en_lines[i + 2], para[i])],
            ))
            i += 3
        elif same2 and r < p22 + p12:
            units.append(([(src_lines[i] + " " + src_lines[i + 1], para[i])], [(en_lines[i], para[i]), (en_lines[i + 1], para[i])]))
            i += 2
        elif same2 and r < p22 + p12 + p21:
            units.append(([(src_lines[i], para[i]), (src_lines[i + 1], para[i])], [(en_lines[i] + " " + en_lines[i + 1], para[i])]))
            i += 2
        else:
            units.append(([(src_lines[i], para[i])], [(en_lines[i], para[i])]))
            i += 1
    if delete_share > 0:
        side = int(rng.integers(0, 2))
        simple = [k for k, u in enumerate(units) if len(u[0]) == 1 and len(u[1]) == 1]
        k_del = max(1, round(delete_share * len(units))) if simple else 0
        for k in rng.choice(simple, size=min(k_del, len(simple)), replace=False):
            s, t = units[k]
            units[k] = (s, []) if side == 0 else ([], t)
    doc = BenchDoc(name, [], [])
    for s, t in units:
        s_ids = tuple(range(len(doc.src), len(doc.src) + len(s)))
        t_ids = tuple(range(len(doc.tgt), len(doc.tgt) + len(t)))
        doc.src.extend(Sentence(text, int(p)) for text, p in s)
        doc.tgt.extend(Sentence(text, int(p)) for text, p in t)
        doc.gold.append((s_ids, t_ids))
    return doc


def bench_docs(lang: str, seed: int = 7, tatoeba_docs: int = 20, tatoeba_len: int = 30) -> dict[str, list[BenchDoc]]:
    """The alignment benchmark for one language pair: NTREX docs, Tatoeba pseudo-docs, one long doc."""
    rng = np.random.default_rng(seed)
    ntrex = load_ntrex(lang)
    out: dict[str, list[BenchDoc]] = {"ntrex": [], "tatoeba": [], "long": []}
    for k, d in enumerate(ntrex):
        out["ntrex"].append(make_bench_doc(f"{lang}-ntrex-{d.doc_id}", d.src, d.en, rng, 0.05 if k % 2 else 0.0))
    pairs = load_tatoeba(lang)
    order = rng.permutation(len(pairs))
    for k in range(tatoeba_docs):
        chunk = [pairs[j] for j in order[k * tatoeba_len : (k + 1) * tatoeba_len]]
        if len(chunk) < 5:
            break
        out["tatoeba"].append(make_bench_doc(f"{lang}-tatoeba-{k}", [c[0] for c in chunk], [c[1] for c in chunk], rng, 0.05 if k % 2 else 0.0))
    long_src = [line for d in ntrex for line in d.src]
    long_en = [line for d in ntrex for line in d.en]
    rest = [pairs[j] for j in order[tatoeba_docs * tatoeba_len :]][:2000]
    long_src += [p[0] for p in rest]
    long_en += [p[1] for p in rest]
    out["long"].append(make_bench_doc(f"{lang}-long", long_src, long_en, rng, 0.05))
    return out
