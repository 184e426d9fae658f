"""The alignment benchmark's documents: paragraphs, mlalign's own splitter, merged units, unit-level gold."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench_align import Score  # noqa: E402
from devdata import make_bench_doc  # noqa: E402

EN = [f"Sentence number {i} is about topic {i}." for i in range(40)]
EN[5] = "First part of line five. Second part of line five."  # one line, two sentences
SRC = [f"الجملة رقم {i} عن الموضوع {i}." for i in range(40)]


def _doc(seed: int = 3, **kw):
    return make_bench_doc("t", SRC, EN, np.random.default_rng(seed), lang="ar", **kw)


def test_gold_covers_every_sentence_once_in_order() -> None:
    for seed in range(5):
        doc = _doc(seed, delete_share=0.1)
        assert [i for s, _ in doc.gold for i in s] == list(range(len(doc.src)))
        assert [j for _, t in doc.gold for j in t] == list(range(len(doc.tgt)))
        assert len(doc.coarse) == len(doc.gold)


def test_uses_the_project_splitter() -> None:
    """Line 5 holds two English sentences: the splitter must cut it (the old bench kept lines whole)."""
    doc = _doc(p12=0.0, p21=0.0, p22=0.0)
    texts = [t.text for t in doc.tgt]
    assert "First part of line five." in texts and "Second part of line five." in texts
    assert any(len(s) == 1 and len(t) == 2 for s, t in doc.gold)


def test_merged_units_and_paragraphs() -> None:
    doc = _doc(p12=0.2, p21=0.2, p22=0.3)
    kinds = {(len(s), len(t)) for s, t in doc.gold}
    assert {(1, 2), (2, 1), (2, 2)} <= kinds
    # merged lines stay one sentence after splitting (joined so the splitter does not cut them)
    assert any("؛" in s.text for s in doc.src) and any("; " in t.text for t in doc.tgt)
    assert len({s.paragraph for s in doc.src}) > 1
    assert [s.paragraph for s in doc.src] == sorted(s.paragraph for s in doc.src)


def test_unit_score_forgives_finer_split_of_coarse_gold() -> None:
    gold = [((0,), (0,)), ((1, 2), (1, 2))]
    finer = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    ok, exact = Score(), Score()
    ok.add(gold, finer, [False, True])
    exact.add(gold, finer, [False, False])
    assert ok.metrics()["strict_f1"] == 1.0 and ok.metrics()["link_f1"] == 1.0
    assert exact.metrics()["strict_f1"] < 1.0
    bad = Score()
    bad.add(gold, [((0,), (0, 1)), ((1, 2), (2,))], [False, True])
    assert bad.metrics()["link_p"] < 1.0 and bad.metrics()["strict_f1"] < 1.0
