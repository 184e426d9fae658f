"""`mlalign align`'s outputs: never over an input, a device or each other; checked before the
work; written as one set; named and recorded as they are."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import test_cli_align
from test_cli_align import run_cli

presplit_pair = test_cli_align.presplit_pair  # the same two small files


def _one_line_error(proc) -> str:
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_an_output_over_an_input_is_refused(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    before = src.read_bytes()
    line = _one_line_error(run_cli("align", str(src), str(tgt), "-o", str(src), "-q"))
    assert "is an input file" in line and str(src) in line
    assert src.read_bytes() == before


def test_moses_files_over_the_inputs_are_refused(tmp_path: Path, presplit_pair) -> None:
    src, tgt = presplit_pair
    doc_fa, doc_en = tmp_path / "doc.fa", tmp_path / "doc.en"
    doc_fa.write_bytes(src.read_bytes())
    doc_en.write_bytes(tgt.read_bytes())
    line = _one_line_error(run_cli("align", str(doc_fa), str(doc_en), "-f", "moses",
                                   "-o", str(tmp_path / "doc"), "-q"))
    assert "moses fa output would overwrite it" in line
    assert doc_fa.read_bytes() == src.read_bytes()


def test_a_pipe_or_device_is_never_replaced(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    line = _one_line_error(run_cli("align", str(src), str(tgt), "-f", "jsonl", "-o", str(fifo), "-q"))
    assert "not a regular file" in line
    assert fifo.is_fifo() and not (tmp_path / "pipe.meta.json").exists()


@pytest.mark.parametrize(("name", "formats", "needle"), [
    ("k.meta.json", "jsonl", "both the jsonl and the provenance output"),
    ("q.tmx", "jsonl", "the name says tmx but the format is jsonl"),
    ("i.jsonl.gz", "jsonl", "compressed outputs are not written"),
])
def test_outputs_that_would_clash_or_mislead_are_refused(name: str, formats: str, needle: str,
                                                         presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    out = tmp_path / "o" / name
    line = _one_line_error(run_cli("align", str(src), str(tgt), "-f", formats, "-o", str(out), "-q"))
    assert needle in line
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_an_unwritable_output_fails_before_any_and_names_itself(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    (tmp_path / "x.tmx").mkdir()  # the third of four outputs cannot be written
    line = _one_line_error(run_cli("align", str(src), str(tgt), "-f", "html,jsonl,tmx,parquet",
                                   "-o", str(tmp_path / "x"), "-q"))
    assert f"{tmp_path / 'x.tmx'}: is a folder" in line and ".part" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eng.txt", "orig.fa.txt", "x.tmx"]


def test_a_link_is_followed_and_the_record_lists_the_real_files(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    real = tmp_path / "real.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    proc = run_cli("align", str(src), str(tgt), "-o", str(link), "-q")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8").count("\n") >= 4
    proc = run_cli("align", str(src), str(tgt), "-f", "moses,jsonl", "-o", str(tmp_path / "mm"), "-q")
    assert proc.returncode == 0, proc.stderr
    meta = json.loads((tmp_path / "mm.meta.json").read_text(encoding="utf-8"))
    assert meta["outputs"] == {"jsonl": "mm.jsonl", "moses": ["mm.fa", "mm.en"]}
    assert all((tmp_path / name).is_file() for name in ("mm.fa", "mm.en", "mm.jsonl"))
    # the inputs are named by the hash of their bytes (as sha256sum prints it) and encoding
    import hashlib
    original = meta["inputs"]["original"]
    assert original["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert original["encoding"] == "utf-8"


@pytest.mark.parametrize(("setting", "needle"), [
    ("drift.checks=bogus", "checks must be some of"),
    ("drift.word_alignment=maybe", "'maybe' is not true or false"),
    ("drift.flag_min=2", "flag_min must be between 0 and 1"),
    ("drift.flag_min=nan", "not a finite number"),
    ("align.max_bead=0", "max_bead must be at least 1"),
    ("align.skip_src=abc", "'abc' is not a number"),
    ("align.length_stats=1", "cannot be set from the command line"),
    ("drift.calibration_path=/no/such/file.json", "is not a file"),
    ("align.max_bead=16", "max_bead must be at most 8"),
    ("align.seed=-1", "seed must be at least 0"),
])
def test_a_bad_setting_is_refused_in_one_line(setting: str, needle: str, presplit_pair) -> None:
    src, tgt = presplit_pair
    assert needle in _one_line_error(run_cli("align", str(src), str(tgt), "--set", setting, "-q"))


def test_settings_of_the_right_type_are_taken(presplit_pair, tmp_path: Path) -> None:
    from mlalign.align import AlignConfig
    from mlalign.cli.options import apply_overrides
    from mlalign.drift import DriftConfig

    drift = apply_overrides(DriftConfig(), "drift", ("drift.checks=number,entity", "drift.word_alignment=off"))
    assert drift.checks == ("number", "entity") and drift.word_alignment is False
    assert apply_overrides(AlignConfig(), "align", ("align.refine_slack=none",)).refine_slack is None


@pytest.mark.parametrize("value", ["2", "nan", "-0.1"])
def test_min_score_out_of_range_is_a_usage_error(value: str, presplit_pair) -> None:
    src, tgt = presplit_pair
    proc = run_cli("align", str(src), str(tgt), "--min-score", value, "-q")
    assert proc.returncode == 2 and "--min-score" in proc.stderr and "Traceback" not in proc.stderr


def test_the_signature_names_the_translation_package() -> None:
    from mlalign.pipeline import signature

    base = {"version": "0.1.0", "src_lang": "fa", "embedder": "e", "align": {}, "drift": {}}
    argos = {"engine": "argos-ctranslate2", "package": "translate-fa_en", "version": "1.0"}
    assert "|mt:translate-fa_en-1.0|" in signature({**base, "translator": argos})
    assert "|mt:mt-file|" in signature({**base, "translator": {"name": "mt-file", "lines": 3}})
    assert "|mt:none|" in signature(base)


def test_split_refuses_english_rules_for_an_arabic_script_text(presplit_pair) -> None:
    src, tgt = presplit_pair
    assert "looks fa, not en; use --lang fa" in _one_line_error(run_cli("split", str(src), "--lang", "en"))
    assert run_cli("split", str(src), "--lang", "ar").returncode == 0  # Arabic and Persian split alike
    assert run_cli("split", str(tgt), "--lang", "en").returncode == 0


def test_a_packages_dir_that_is_a_file_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    from mlalign.errors import ModelError
    from mlalign.translate.packages import packages_dir

    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "file"))
    with pytest.raises(ModelError, match="is not a folder"):
        packages_dir()
    assert "a folder; give the .argosmodel file" in _models_install_error(tmp_path)


def _models_install_error(folder: Path) -> str:
    proc = run_cli("models", "install", str(folder))
    assert proc.returncode == 3 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr


@pytest.mark.parametrize("command", ["split", "translate"])
def test_split_and_translate_refuse_to_overwrite_their_input(command: str, presplit_pair, tmp_path: Path) -> None:
    src, _ = presplit_pair
    before = src.read_bytes()
    hard = tmp_path / "hard.txt"
    os.link(src, hard)
    for out in (str(src), str(hard)):
        assert "is an input file" in _one_line_error(run_cli(command, str(src), "-o", out))
    assert "names a folder" in _one_line_error(run_cli(command, str(src), "-o", str(tmp_path / "new") + "/"))
    assert src.read_bytes() == before and not (tmp_path / "new").exists()


def test_a_trailing_slash_names_a_folder(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    proc = run_cli("align", str(src), str(tgt), "-f", "html,jsonl", "-o", f"{tmp_path / 'd3'}/", "-q")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "d3").iterdir()) == ["audit.html", "audit.jsonl", "audit.meta.json"]
    (tmp_path / "afile").write_text("keep")
    line = _one_line_error(run_cli("align", str(src), str(tgt), "-o", f"{tmp_path / 'afile'}/", "-q"))
    assert "afile is not a folder" in line and (tmp_path / "afile").read_text() == "keep"
    assert "output path is empty" in _one_line_error(run_cli("align", str(src), str(tgt), "-o", "", "-q"))


def test_a_moses_name_writes_moses(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    proc = run_cli("align", str(src), str(tgt), "-o", str(tmp_path / "out.moses"), "-q")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out.fa").read_text(encoding="utf-8").count("\n") >= 3 and not (tmp_path / "out.moses").exists()


def test_the_api_protects_inputs_read_before_a_change_of_folder(presplit_pair, tmp_path: Path,
                                                                monkeypatch) -> None:
    import mlalign
    from mlalign.embed.hashing import HashingEmbedder
    from mlalign.errors import InputError
    from mlalign.io import write_outputs

    src, tgt = presplit_pair
    mt = tmp_path / "mt.txt"
    mt.write_text("".join(f"line {i}\n" for i in range(5)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    audit = mlalign.audit_files(Path(src.name), Path(tgt.name), presplit=True, mt_file="mt.txt",
                                embedder=HashingEmbedder(), drift_config={"word_alignment": False})
    assert audit.provenance["translator"]["path"] == str(mt.resolve())
    assert audit.provenance["translator"]["sha256"] == __import__("hashlib").sha256(mt.read_bytes()).hexdigest()
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    for victim in (f"../{src.name}", "../mt.txt"):
        with pytest.raises(InputError, match="is an input file"):
            write_outputs(audit, victim, "jsonl")
    assert mt.read_text(encoding="utf-8").startswith("line 0")
    assert [p.name for p in write_outputs(audit, "y.jsonl", "jsonl")] == ["y.jsonl", "y.meta.json"]


def test_the_api_explains_wrong_arguments(presplit_pair, monkeypatch) -> None:
    import mlalign
    from mlalign.errors import InputError

    src, tgt = presplit_pair
    with pytest.raises(InputError, match="takes the text as str, got PosixPath"):
        mlalign.audit_texts(src, tgt)
    with pytest.raises(InputError, match="original: is empty"):
        mlalign.audit_texts("", "Hello there.")
    monkeypatch.chdir(src.parent)
    with pytest.raises(InputError, match=r"is a file name; pass Path\('orig.fa.txt'\)"):
        mlalign.align(src.name, tgt.name)
    with pytest.raises(InputError, match="align_config: max_bead must be at least 1"):
        mlalign.audit_texts(src.read_text(encoding="utf-8"), tgt.read_text(encoding="utf-8"),
                            align_config={"max_bead": 0})
    with pytest.raises(InputError, match=r"mt.txt: has 2 lines but the original has 5 sentences.*--presplit"):
        (src.parent / "mt.txt").write_text("a\nb\n", encoding="utf-8")
        mlalign.audit_files(src, tgt, presplit=True, mt_file=src.parent / "mt.txt")


def test_blank_presplit_lines_are_never_flagged(tmp_path: Path) -> None:
    """--presplit keeps blank lines as sentences so numbering holds; a blank line with no
    counterpart is not an omission (or an addition)."""
    from test_cli_align import EN, FA

    src, tgt = tmp_path / "orig.fa.txt", tmp_path / "eng.txt"
    src.write_text("\n".join([*FA[:3], "", "   ", *FA[3:]]) + "\n", encoding="utf-8")
    tgt.write_text("\n".join([*EN[:2], "", *EN[2:]]) + "\n", encoding="utf-8")
    out = tmp_path / "beads.jsonl"
    proc = run_cli("align", str(src), str(tgt), "--presplit", "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    beads = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    blank = [b for b in beads if not (b["src"].strip() or b["tgt"].strip())]
    assert blank and all(b["drift"] == 0 and not b["flags"] for b in blank)


def test_sigterm_while_writing_cleans_up_like_ctrl_c(presplit_pair, tmp_path: Path, monkeypatch) -> None:
    """`kill` (SIGTERM) used to leave a hidden .part file of the output being written."""
    import signal

    from mlalign.cli import main
    from mlalign.io.tmx import TmxWriter

    src, tgt = presplit_pair

    def killed(self, audit, options):  # the signal arrives while the third output is made
        os.kill(os.getpid(), signal.SIGTERM)
        return b""

    monkeypatch.setattr(TmxWriter, "render_bytes", killed)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as stop:
            main(["align", str(src), str(tgt), "--presplit", "-f", "html,jsonl,tmx",
                  "-o", str(tmp_path / "out" / "a"), "-q", "--translator", "none"])
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert stop.value.code == 143
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_persian_typed_with_arabic_yeh_and_kaf_is_read_as_persian() -> None:
    """Legacy keyboards and Windows-1256 write ي and ك for ی and ک: the models must read
    the same Persian (on 60 NTREX lines a faithful line was flagged as replaced), and the
    outputs must still show the letters as written."""
    from mlalign.pipeline import audit_texts

    fa = ["آقای آدامز می‌گوید که این تصمیم کاملاً قابل درک است.",
          "دولت اعلام کرد که کارگران بیشتری استخدام خواهد کرد.",
          "این کتاب در کتابخانه‌ی شهر نگهداری می‌شود."]
    en = ["Mr Adams says the decision is entirely understandable.",
          "The government said it would hire more workers.",
          "This book is kept in the city library."]
    legacy = [line.replace("ی", "ي").replace("ک", "ك") for line in fa]
    standard = audit_texts("\n".join(fa), "\n".join(en), src_lang="fa", presplit=True)
    typed = audit_texts("\n".join(legacy), "\n".join(en), src_lang="fa", presplit=True)
    assert [round(b.score, 6) for b in typed.beads] == [round(b.score, 6) for b in standard.beads]
    assert [round(b.drift, 6) for b in typed.beads] == [round(b.drift, 6) for b in standard.beads]
    assert [b.src for b in typed.beads] == legacy and [s.text for s in typed.src_sentences] == legacy


def test_a_vocalised_original_scores_as_its_plain_text_and_keeps_its_marks() -> None:
    """Classical and religious Arabic is often written with its vowel marks (tashkeel); the
    models read unvocalised text, and a vocalised paragraph had scored 0.26 against its
    English instead of 0.93."""
    from mlalign.pipeline import audit_texts

    plain = ["قال الوزير إن الحكومة ستبني مدارس جديدة في المدينة.",
             "وكان ذلك في السنة الثامنة من الهجرة."]
    vocalised = ["قَالَ الوَزِيرُ إِنَّ الحُكُومَةَ سَتَبْنِي مَدَارِسَ جَدِيدَةً فِي المَدِينَةِ.",
                 "وَكَانَ ذَٰلِكَ فِي السَّنَةِ الثَّامِنَةِ مِنَ الهِجْرَةِ."]
    en = ["The minister said the government would build new schools in the city.",
          "That was in the eighth year of the Hijra."]
    standard = audit_texts("\n".join(plain), "\n".join(en), src_lang="ar", presplit=True)
    marked = audit_texts("\n".join(vocalised), "\n".join(en), src_lang="ar", presplit=True)
    assert [round(b.score, 6) for b in marked.beads] == [round(b.score, 6) for b in standard.beads]
    assert [round(b.drift, 6) for b in marked.beads] == [round(b.drift, 6) for b in standard.beads]
    assert [b.src for b in marked.beads] == vocalised


def test_the_odd_mark_of_unvocalised_text_is_read_as_written() -> None:
    """News writes the odd tanween or shadda (أيضاً، تنمّروا); the models and the calibration
    read them so, and only a sentence written with its vowels loses its marks."""
    from mlalign.pipeline import model_text

    news = "وقال أيضاً إن الحكومة لن تتراجع عن قرارها."
    assert model_text(news, "ar") == news
    assert model_text("قَالَ الوَزِيرُ إِنَّ الحُكُومَةَ سَتَبْنِي مَدَارِسَ.", "ar") == (
        "قال الوزير إن الحكومة ستبني مدارس.")


def test_a_second_single_format_run_keeps_the_first_runs_provenance(presplit_pair, monkeypatch,
                                                                    tmp_path: Path) -> None:
    """`-f jsonl -o x.jsonl` then `-f tsv -o x.tsv` both wanted x.meta.json: the second
    replaced the record of the first (JSONL and TSV carry none inside). The second now
    writes x.tsv.meta.json; rewriting the JSONL updates x.meta.json as before."""
    import json

    import mlalign
    from mlalign.embed.hashing import HashingEmbedder
    from mlalign.io import write_outputs

    src, tgt = presplit_pair
    monkeypatch.chdir(src.parent)
    audit = mlalign.audit_files(src, tgt, presplit=True, embedder=HashingEmbedder(),
                                drift_config={"word_alignment": False})
    out = tmp_path / "runs"
    out.mkdir()
    assert [p.name for p in write_outputs(audit, out / "x.jsonl", "jsonl")] == ["x.jsonl", "x.meta.json"]
    assert [p.name for p in write_outputs(audit, out / "x.tsv", "tsv")] == ["x.tsv", "x.tsv.meta.json"]
    assert json.loads((out / "x.meta.json").read_text(encoding="utf-8"))["outputs"] == {"jsonl": "x.jsonl"}
    assert json.loads((out / "x.tsv.meta.json").read_text(encoding="utf-8"))["outputs"] == {"tsv": "x.tsv"}
    assert [p.name for p in write_outputs(audit, out / "x.jsonl", "jsonl")] == ["x.jsonl", "x.meta.json"]


def test_presentation_forms_and_bidi_controls_are_read_as_plain_letters() -> None:
    """An original pasted from an old PDF (presentation forms, ﻟﻢ) or wrapped in bidi
    embeddings and marks: the checks read the letters and the outputs keep the text as
    written. In presentation forms a faithful "None of the deputies" was flagged as a
    negation the original lacked, and a flipped one was missed (fourth sweep)."""
    import unicodedata

    from mlalign.pipeline import audit_texts, model_text

    plain = "ولم يعلق أي من النواب على القرار حتى الآن."
    shaped = "ﻭﻟﻢ ﻳﻌﻠﻖ ﺃﻱ ﻣﻦ ﺍﻟﻨﻮﺍﺏ ﻋﻠﻰ ﺍﻟﻘﺮﺍﺭ ﺣﺘﻰ ﺍﻵﻥ."
    assert unicodedata.normalize("NFKC", shaped) == plain
    assert model_text(shaped, "ar") == plain
    assert model_text("\u202b" + plain.replace(" ", " \u200f", 2) + "\u202c", "ar") == plain
    faithful = "None of the deputies has commented on the decision so far."
    audit = audit_texts(shaped, faithful, src_lang="ar", presplit=True)
    assert [b.src for b in audit.beads] == [shaped]
    assert not [f for b in audit.beads for f in b.flags if f.type == "negation"]
    flipped = audit_texts(shaped, "Some of the deputies have commented on the decision so far.",
                          src_lang="ar", presplit=True)
    assert [f for b in flipped.beads for f in b.flags if f.type == "negation"]
    english = "\u200fNone of the deputies has commented on the decision so far.\u200f"
    marked = audit_texts(plain, english, src_lang="ar", presplit=True)
    assert [b.tgt for b in marked.beads] == [english]
    assert [round(b.score, 6) for b in marked.beads] == [
        round(b.score, 6) for b in audit_texts(plain, faithful, src_lang="ar", presplit=True).beads]
