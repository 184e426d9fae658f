"""Development data for alignment/drift benchmarks, built from ../shared/corpora.

Importable helpers (no side effects on import):
- `load_ntrex(lang)` -> list of `NtrexDoc(doc_id, src, en)` for lang "ar" or "fa", in file order
  (line i of `src` is the gold translation partner of line i of `en`).
- `load_tatoeba(lang)` -> list of (src, en) pairs, deduplicated on both sides.
- `make_bench_doc(name, src_lines, en_lines, rng, delete_share=0.0, lang=...)` -> `BenchDoc`:
  random paragraphs, merged 1-2 / 2-1 / 2-2 units, optional one-sided deletions, then each
  paragraph split into sentences by mlalign.text.split; gold beads are units (possibly coarser
  than sentences, marked in `coarse`).
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
    coarse: list[bool] = field(default_factory=list)  # gold bead k: inner sentence alignment unknown


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


def _join_no_split(first: str, second: str, lang: str) -> str:
    """Join two lines into ONE sentence: the first loses its end mark, a semicolon follows.

    A plain space would let the sentence splitter cut them apart again, and the bead would
    not be the 1-2 / 2-1 / 2-2 the benchmark wants.
    """
    head = first.rstrip()
    while head and head[-1] in ".!?؟۔…":
        head = head[:-1].rstrip()
    return head + ("؛ " if lang in ("ar", "fa") else "; ") + second.strip()


def _split_pieces(pieces: list[str], lang: str) -> list[tuple[str, int, int]]:
    """Sentence-split one paragraph (pieces joined by spaces) with mlalign's own splitter.

    Returns (sentence, first piece, last piece) per sentence: a sentence that runs over a
    piece boundary (a headline without a full stop joins the next line) touches both pieces.
    """
    from mlalign.text.split import splitter_for

    text = " ".join(pieces)
    starts = np.cumsum([0] + [len(p) + 1 for p in pieces[:-1]]) if pieces else np.zeros(0, int)
    out: list[tuple[str, int, int]] = []
    cur = 0
    for sent in splitter_for(lang).split_paragraph(text):
        if not sent.strip():
            continue
        k = text.find(sent, cur)
        k = cur if k < 0 else k  # the splitter normalised something: keep the running position
        end = max(k + 1, k + len(sent))
        first = int(np.searchsorted(starts, k, side="right")) - 1
        last = int(np.searchsorted(starts, end - 1, side="right")) - 1
        out.append((sent, max(first, 0), max(last, first, 0)))
        cur = k + len(sent)
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
    lang: str = "ar",
) -> BenchDoc:
    """Random paragraphs, merged units (1-2, 2-1, 2-2 beads), deletions, then real sentence splitting.

    Lines are grouped into paragraphs of 1..6 consecutive lines; a unit is one line pair or a
    merge (1-2: two source lines joined into one sentence; 2-1: two English lines; 2-2: source
    (i+i+1, i+2) against English (i, i+1+i+2)). Deleted units come from one side of the
    document only and never from a merged unit. Each paragraph is then split into sentences
    by `mlalign.text.split` (as the CLI does), so a line may become several sentences and a
    headline without a full stop may run into the next line. Gold beads are units (units tied
    by a shared sentence are merged); `coarse[k]` marks gold beads whose inner sentence
    alignment is unknown (several sentences on both sides), scored at unit level.
    """
    n = len(src_lines)
    para = np.zeros(n, dtype=int)
    pid, i = 0, 0
    while i < n:
        size = int(rng.integers(1, 7))
        para[i : i + size] = pid
        pid += 1
        i += size
    units: list[tuple[list[str], list[str], int]] = []
    i = 0
    while i < n:
        r = rng.random()
        same2 = i + 1 < n and para[i + 1] == para[i]
        same3 = i + 2 < n and same2 and para[i + 2] == para[i]
        p = int(para[i])
        if same3 and r < p22:
            units.append((
                [_join_no_split(src_lines[i], src_lines[i + 1], lang), src_lines[i + 2]],
                [en_lines[i], _join_no_split(en_lines[i + 1], en_lines[i + 2], "en")], p,
            ))
            i += 3
        elif same2 and r < p22 + p12:
            units.append(([_join_no_split(src_lines[i], src_lines[i + 1], lang)], [en_lines[i], en_lines[i + 1]], p))
            i += 2
        elif same2 and r < p22 + p12 + p21:
            units.append(([src_lines[i], src_lines[i + 1]], [_join_no_split(en_lines[i], en_lines[i + 1], "en")], p))
            i += 2
        else:
            units.append(([src_lines[i]], [en_lines[i]], p))
            i += 1
    if delete_share > 0:
        side = int(rng.integers(0, 2))
        simple = [k for k, u in enumerate(units) if len(u[0]) == 1 and len(u[1]) == 1]
        k_del = max(1, round(delete_share * len(units))) if simple else 0
        for k in rng.choice(simple, size=min(k_del, len(simple)), replace=False):
            s, t, p = units[k]
            units[k] = (s, [], p) if side == 0 else ([], t, p)
    # sentence-split each paragraph on each side; remember which unit every sentence came from
    parent = list(range(len(units)))

    def find(u: int) -> int:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    by_para: dict[int, list[int]] = {}
    for k, u in enumerate(units):
        by_para.setdefault(u[2], []).append(k)
    sides: list[list[tuple[str, int, int]]] = [[], []]  # (text, paragraph, unit)
    for side_k in (0, 1):
        for p in range(pid):
            pieces = [(t, k) for k in by_para.get(p, []) for t in units[k][side_k]]
            if not pieces:
                continue
            for sent, first, last in _split_pieces([t for t, _ in pieces], lang if side_k == 0 else "en"):
                ks = range(pieces[first][1], pieces[last][1] + 1)  # units in between too (deleted on this side)
                root = find(ks[0])
                for k in ks:
                    parent[find(k)] = root
                sides[side_k].append((sent, p, pieces[first][1]))
    doc = BenchDoc(name, [], [])
    groups: dict[int, tuple[list[int], list[int]]] = {}
    order: list[int] = []  # groups in document order (units are consecutive within a group)
    for side_k, sents in enumerate(sides):
        for idx, (text, p, k) in enumerate(sents):
            (doc.src if side_k == 0 else doc.tgt).append(Sentence(text, p))
            g = find(k)
            if g not in groups:
                groups[g] = ([], [])
            groups[g][side_k].append(idx)
    for k in range(len(units)):
        g = find(k)
        if g in groups and (not order or order[-1] != g):
            order.append(g)
    members: dict[int, list[int]] = {}
    for k in range(len(units)):
        members.setdefault(find(k), []).append(k)
    for g in order:
        s_ids, t_ids = groups[g]
        doc.gold.append((tuple(s_ids), tuple(t_ids)))
        u = units[members[g][0]]
        single = len(members[g]) == 1 and (len(s_ids), len(t_ids)) == (len(u[0]), len(u[1]))
        doc.coarse.append(min(len(s_ids), len(t_ids)) >= 2 and not single)
    return doc


def bench_docs(lang: str, seed: int = 7, tatoeba_docs: int = 20, tatoeba_len: int = 30) -> dict[str, list[BenchDoc]]:
    """The alignment benchmark for one language pair: NTREX docs, Tatoeba pseudo-docs, one long doc."""
    rng = np.random.default_rng(seed)
    ntrex = load_ntrex(lang)
    out: dict[str, list[BenchDoc]] = {"ntrex": [], "tatoeba": [], "long": []}
    for k, d in enumerate(ntrex):
        out["ntrex"].append(make_bench_doc(f"{lang}-ntrex-{d.doc_id}", d.src, d.en, rng, 0.05 if k % 2 else 0.0, lang=lang))
    pairs = load_tatoeba(lang)
    order = rng.permutation(len(pairs))
    for k in range(tatoeba_docs):
        chunk = [pairs[j] for j in order[k * tatoeba_len : (k + 1) * tatoeba_len]]
        if len(chunk) < 5:
            break
        out["tatoeba"].append(make_bench_doc(f"{lang}-tatoeba-{k}", [c[0] for c in chunk], [c[1] for c in chunk], rng, 0.05 if k % 2 else 0.0, lang=lang))
    long_src = [line for d in ntrex for line in d.src]
    long_en = [line for d in ntrex for line in d.en]
    rest = [pairs[j] for j in order[tatoeba_docs * tatoeba_len :]][:2000]
    long_src += [p[0] for p in rest]
    long_en += [p[1] for p in rest]
    out["long"].append(make_bench_doc(f"{lang}-long", long_src, long_en, rng, 0.05, lang=lang))
    return out
