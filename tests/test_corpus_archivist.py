"""`corpus build` as an archivist runs it: spreadsheet manifests, builds killed with
SIGKILL and rerun, two builds into one folder, a failure while the outputs are written,
Moses files that hold what the TMX holds."""

from __future__ import annotations

import fcntl
import io
import json
import os
import re
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from lxml import etree
from test_corpus_units import fake_audit, fake_settings, write_docs

import mlalign.corpus.build as build_module
import mlalign.progress as progress_module
from mlalign.corpus import FilterConfig, build_corpus
from mlalign.corpus.inputs import load_inputs
from mlalign.corpus.worker import Settings
from mlalign.corpus.writers import MosesWriter, TmxWriter
from mlalign.errors import InputError


def _manifest_text(rows: list[dict[str, str]], sep: str = "\t", eol: str = "\r\n") -> str:
    lines = [sep.join(("id", "original", "english", "lang"))]
    lines += [sep.join((r["id"], r["original"], r["english"], r["lang"])) for r in rows]
    return eol.join(lines) + eol


@pytest.mark.parametrize(("name", "encoding"), [("pairs.tsv", "utf-16"), ("pairs.csv", "utf-16-le"),
                                               ("pairs.tsv", "utf-16-be")])
def test_a_spreadsheet_manifest_in_utf16_is_read(
    tmp_path: Path, name: str, encoding: str
) -> None:
    """Excel's "Unicode text" export is UTF-16 with a BOM and CRLF (and some tools write it
    without the BOM): it was refused as "lacks column(s) id, original, english"."""
    folder = tmp_path / "docs"
    rows = write_docs(folder, 2, 3)
    rows[0]["id"] = "وثيقة-1"  # an Arabic id, as archivists name their documents
    sep = "," if name.endswith(".csv") else "\t"
    path = folder / name
    path.write_bytes(_manifest_text(rows, sep).encode(encoding))
    inputs = load_inputs(path)
    assert [t.id for t in inputs.tasks] == ["وثيقة-1", "doc1"]
    assert [Path(t.original).name for t in inputs.tasks] == ["doc0.fa.txt", "doc1.ar.txt"]
    assert all(Path(t.original).is_file() and Path(t.english).is_file() for t in inputs.tasks)
    assert [t.lang for t in inputs.tasks] == ["fa", "ar"]


def _docs_manifest(tmp_path: Path, n: int = 4) -> Path:
    folder = tmp_path / "docs"
    rows = write_docs(folder, n, 5)
    path = folder / "pairs.tsv"
    path.write_text(_manifest_text(rows, eol="\n"), "utf-8")
    return path


def test_a_killed_builds_temporary_files_are_removed_by_the_next_build(tmp_path: Path) -> None:
    """kill -9 during assembly left `.corpus.tmx.XXXXXXXX.part` (as big as the corpus) and
    `pairs/.ID.parquet.XXXXXXXX.part` in OUT for good: no later build removed them."""
    manifest = _docs_manifest(tmp_path)
    out = tmp_path / "out"
    build_corpus(manifest, out, formats=["tmx", "moses"], settings=fake_settings())
    ours = [out / ".corpus.tmx.k3x9q2ab.part", out / ".corpus.parquet.a_b8c9d0.part",
            out / ".corpus.fa-en.fa.zz00yy11.part", out / ".run.json.qwertyui.part",
            out / "pairs" / ".doc1.parquet.abcdefgh.part"]
    foreign = [out / ".notes.txt.abcdefgh.part", out / "mine.part",
               out / "pairs" / ".draft.txt.abcdefgh.part"]
    for path in ours + foreign:
        path.write_bytes(b"half a file")
    report = build_corpus(manifest, out, formats=["tmx", "moses"], settings=fake_settings())
    assert report.resumed == 4
    assert [p for p in ours if p.exists()] == []
    assert all(p.exists() for p in foreign)  # not a name this build writes: left alone


def test_a_second_build_into_the_same_folder_stops_at_once(tmp_path: Path) -> None:
    """Two builds into one OUT each recomputed the other's pairs and replaced each other's
    outputs; the second would now also delete the first's temporary files."""
    manifest = _docs_manifest(tmp_path)
    out = tmp_path / "out"
    build_corpus(manifest, out, settings=fake_settings())
    before = (out / "corpus.parquet").read_bytes()
    fd = os.open(out, os.O_RDONLY)  # what a running build holds: a lock on the folder
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(InputError, match="another corpus build is writing into this folder"):
            build_corpus(manifest, out, filters=FilterConfig(max_drift=0.1),
                         settings=fake_settings())
    finally:
        os.close(fd)
    assert (out / "corpus.parquet").read_bytes() == before
    # released when the holder ends: the next build runs
    report = build_corpus(manifest, out, settings=fake_settings())
    assert report.resumed == 4


def test_a_build_failing_while_writing_its_outputs_changes_none_of_them(
    tmp_path: Path, monkeypatch
) -> None:
    """A failure part-way through the outputs (a full disk at summary.tsv) left the new
    corpus.parquet/.tmx/Moses beside the earlier build's summary, run.json and manifest.json,
    which described other filters; now a build's outputs land together or not at all."""
    manifest = _docs_manifest(tmp_path)
    out = tmp_path / "out"
    build_corpus(manifest, out, formats=["tmx", "moses"], settings=fake_settings())
    names = sorted(p.name for p in out.iterdir() if p.is_file())
    before = {name: (out / name).read_bytes() for name in names}

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(out / "summary.parquet"))

    monkeypatch.setattr(build_module, "_write_summary", disk_full)
    with pytest.raises(OSError, match="No space left"):
        build_corpus(manifest, out, formats=["tmx", "moses"],
                     filters=FilterConfig(max_drift=0.0), settings=fake_settings())
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == names  # no .part left
    assert {name: (out / name).read_bytes() for name in names} == before
    monkeypatch.undo()
    build_corpus(manifest, out, formats=["tmx", "moses"], filters=FilterConfig(max_drift=0.0),
                 settings=fake_settings())
    run = json.loads((out / "run.json").read_text("utf-8"))
    assert run["filters"]["max_drift"] == 0.0
    meta = json.loads(pq.read_schema(out / "corpus.parquet").metadata[b"mlalign.provenance"])
    assert meta["filters"]["max_drift"] == 0.0


def test_moses_lines_hold_what_the_tmx_segments_hold(tmp_path: Path) -> None:
    """A control character in the input (\\x01 from a PDF extraction, \\x1c which Python's
    splitlines() takes for a line break) was left out of the TMX but written to Moses."""
    row = {"pair_id": "p", "bead": 0, "src_lang": "ar", "score": 0.9, "drift": 0.1,
           "kinds": {}, "src": "قال A&B <Ltd>\x01 إن\x1cالسعر\x0bارتفع.",
           "tgt": "He said\x01 A&B <Ltd>\x1cthat the\x0cprice rose."}
    moses = MosesWriter(tmp_path)
    tmx = TmxWriter(tmp_path / "corpus.tmx", srclang="ar")
    for writer in (moses, tmx):
        writer.write([row, {**row, "bead": 1, "src": "سطر ثان.", "tgt": "A second line."}])
        writer.close()
    segs = [s.text for s in etree.parse(str(tmp_path / "corpus.tmx")).iter("seg")]
    for side, tmx_segs in (("ar", segs[0::2]), ("en", segs[1::2])):
        text = (tmp_path / f"corpus.ar-en.{side}").read_text("utf-8")
        lines = text.splitlines()
        assert len(lines) == 2 == text.count("\n")
        for line, seg in zip(lines, tmx_segs, strict=True):
            assert not any(ord(ch) < 32 for ch in line)
            assert line.split() == seg.split()  # the same words; breaks became spaces


def slow_audit(src_text: str, tgt_text: str, **kw):
    """The fake audit, slow like a long document."""
    time.sleep(0.6)
    return fake_audit(src_text, tgt_text, **kw)


def test_progress_goes_on_while_one_long_pair_runs(tmp_path: Path, monkeypatch, capsys) -> None:
    """Redirected to a log, progress was written only when a pair finished: a corpus whose
    one long document took 5 minutes left the log empty all that time (and a terminal's bar
    froze its clock). Now a line comes every LOG_EVERY seconds meanwhile, with the time."""
    folder = tmp_path / "docs"
    write_docs(folder, 1, 4)
    monkeypatch.setattr(progress_module, "LOG_EVERY", 0.1)
    settings = Settings(audit_fn=f"{__name__}:slow_audit",
                        embedder_fn="test_corpus_units:fake_embedder")
    report = build_corpus(folder, tmp_path / "out", quiet=False, settings=settings)
    assert report.ok == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "corpus" in line]
    during = [line for line in lines if line.startswith("mlalign: corpus 0/1 pair (0%)")]
    assert during and all(re.search(r", \dm\d\ds elapsed$", line) for line in during)
    assert lines[-1].startswith("mlalign: corpus 1/1 pair (100%)")


def test_the_keep_alive_thread_stops_with_its_block() -> None:
    log = io.StringIO()
    bar = progress_module.LogProgress(2, "corpus", "pair", stream=log, every=0.05)
    with progress_module.keep_alive(bar, period=0.01):
        deadline = time.monotonic() + 10  # a loaded machine may run the thread late
        while log.getvalue().count("\n") < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    written = log.getvalue()
    assert written.count("\n") >= 2 and "0/2 pair (0%), 0m00s elapsed" in written
    time.sleep(0.2)
    assert log.getvalue() == written
    assert not any(t.name == "mlalign-progress" for t in threading.enumerate())


def test_an_id_with_a_control_character_does_not_break_the_tmx(tmp_path: Path) -> None:
    """A quoted CSV id may hold a control character (pasted from a PDF); the TMX writer put
    it in `tuid` as it was and lxml refused it, so the whole build ended in an internal
    error after every pair had been audited."""
    folder = tmp_path / "docs"
    write_docs(folder, 2, 3)
    manifest = folder / "pairs.csv"
    manifest.write_text('id,original,english\n"doc\x01zero",doc0.fa.txt,doc0.en.txt\n'
                        '"doc\none",doc1.ar.txt,doc1.en.txt\n', "utf-8")
    out = tmp_path / "out"
    report = build_corpus(manifest, out, formats=["tmx"], settings=fake_settings())
    assert report.ok == 2
    tuids = [tu.get("tuid") for tu in etree.parse(str(out / "corpus.tmx")).iter("tu")]
    assert len(tuids) == report.beads_kept > 0
    assert {t.rsplit(":", 1)[0] for t in tuids} == {"doczero", "doc\none"}


def test_keep_empty_side_alone_keeps_omissions_and_additions() -> None:
    """--keep-empty-side kept no 1-0/0-1 bead unless --no-langcheck and
    --max-length-ratio 0 came with it: the empty side has no letters (language filter) and
    no length (length-ratio filter). A one-sided bead is now judged by the side it has."""
    from mlalign.corpus.filters import CorpusFilter

    def row(src: str, tgt: str, src_ids: list[int], tgt_ids: list[int]) -> dict:
        return {"src": src, "tgt": tgt, "src_ids": src_ids, "tgt_ids": tgt_ids, "score": 0.0,
                "drift": 0.9, "kinds": {}, "src_lang": "fa"}

    rows = [
        row("این جمله ترجمه نشده است.", "", [0], []),   # omission: kept
        row("", "This sentence was added.", [], [0]),  # addition: kept
        row("This is not Persian.", "", [1], []),      # its one side is the wrong language
        row("", "", [2], [1]),                         # nothing on either side
        row("سلام دنیا", "Hello world", [3], [2]),     # an ordinary bead
    ]
    filt = CorpusFilter(FilterConfig(drop_empty_side=False))
    assert filt.keep_mask(rows) == [True, True, False, False, True]
    assert filt.counts["language"] == 1 and filt.counts["empty_side"] == 1
    default = CorpusFilter(FilterConfig())
    assert default.keep_mask(rows) == [False, False, False, False, True]
    assert default.counts["empty_side"] == 4


def test_a_folder_or_device_named_as_a_pair_file_is_not_called_missing(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_docs(folder, 1, 3)
    (folder / "sub").mkdir()
    manifest = folder / "pairs.tsv"
    manifest.write_text("id\toriginal\tenglish\n"
                        "ok\tdoc0.fa.txt\tdoc0.en.txt\n"
                        "dir\tsub\tdoc0.en.txt\n"
                        "dev\tdoc0.fa.txt\t/dev/null\n"
                        "gone\tnope.fa.txt\tdoc0.en.txt\n", "utf-8")
    report = build_corpus(manifest, tmp_path / "out", settings=fake_settings())
    errors = dict(report.failures)
    assert errors["dir"].endswith("sub: the original is a folder, not a file")
    assert errors["dev"] == "/dev/null: the english is not a regular file (a device or pipe?)"
    assert errors["gone"].endswith("nope.fa.txt: original file not found")
