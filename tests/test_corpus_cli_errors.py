"""`corpus build` on bad options and awkward reruns: one-line errors with the right exit
status, stale outputs removed, document warnings and provenance recorded."""

from __future__ import annotations

import functools
import json
import socket
import threading
import time
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from lxml import etree
from test_corpus_units import fake_audit, fake_settings, tatoeba_rows, write_docs

from mlalign import __version__
from mlalign.cli import cli, main
from mlalign.corpus import FilterConfig, build_corpus
from mlalign.corpus.worker import Settings
from mlalign.types import Audit


def checked_audit(src_text: str, tgt_text: str, **kw) -> Audit:
    """The fake audit plus what the pipeline adds: align's document warnings (the same
    function `mlalign align` reports "mostly unaligned" from) and a settings signature."""
    from mlalign.align import AlignConfig
    from mlalign.align.embedding import document_warnings

    audit = fake_audit(src_text, tgt_text, **kw)
    n, m = len(audit.src_sentences), len(audit.tgt_sentences)
    assert n < 6 or m < 6  # the order check, which reads the vectors, stays out of it
    audit.warnings = document_warnings(
        audit.beads, np.zeros((n, 4)), np.zeros((m, 4)), n, m, AlignConfig()
    )
    audit.provenance["signature"] = f"fake|src:{audit.src_lang}"
    return audit


def checked_settings(**kw) -> Settings:
    return Settings(
        audit_fn=f"{__name__}:checked_audit", embedder_fn="test_corpus_units:fake_embedder", **kw
    )


def run_main(args: list[str], capsys) -> tuple[int, str]:
    """Run the real entry point (its error handling) and return (exit status, stderr)."""
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr().err


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    write_docs(folder, 3, 4)
    return folder


@pytest.fixture()
def fake_cli(monkeypatch) -> None:
    import mlalign.corpus.build as build_module

    monkeypatch.setattr(build_module, "Settings", functools.partial(fake_settings))


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_ray_address_fails_fast_with_one_line(docs: Path, tmp_path: Path,
                                                          capsys) -> None:
    pytest.importorskip("ray")
    address = f"127.0.0.1:{closed_port()}"
    out = tmp_path / "out"
    code, err = run_main(
        ["corpus", "build", str(docs), "-o", str(out), "--engine", "ray", "--address", address],
        capsys,
    )
    assert code == 4
    assert err.startswith(f"mlalign: error: cannot reach a Ray cluster at {address}")
    assert err.count("\n") == 1 and not out.exists()


def test_address_with_local_engine_is_a_usage_error(docs: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["corpus", "build", str(docs), "-o", str(tmp_path / "out"), "--address", "auto"]
    )
    assert result.exit_code == 2
    assert "--address needs --engine ray" in result.output
    assert not (tmp_path / "out").exists()


def test_rerun_with_fewer_formats_removes_only_its_own_stale_outputs(
    docs: Path, tmp_path: Path, fake_cli, capsys
) -> None:
    out = tmp_path / "out"
    first = build_corpus(docs, out, formats=["tmx", "moses"], settings=fake_settings())
    old = sorted(p.name for p in first.outputs if p.name.startswith("corpus.") and
                 p.suffix != ".parquet")
    assert "corpus.tmx" in old and "corpus.fa-en.fa" in old
    # files mlalign did not write stay, even when an edited manifest lists them
    (out / "notes.txt").write_text("mine\n", "utf-8")
    (tmp_path / "outside.tmx").write_text("mine\n", "utf-8")
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    manifest["outputs"] += ["notes.txt", "../outside.tmx", "pairs/doc0.parquet"]
    (out / "manifest.json").write_text(json.dumps(manifest), "utf-8")

    code, err = run_main(["corpus", "build", str(docs), "-o", str(out), "--min-score", "0.8"],
                         capsys)
    assert code == 0
    left = sorted(p.name for p in out.iterdir())
    assert left == ["corpus.parquet", "manifest.json", "notes.txt", "pairs", "run.json",
                    "summary.parquet", "summary.tsv"]
    assert (tmp_path / "outside.tmx").is_file() and (out / "pairs" / "doc0.parquet").is_file()
    notes = [line for line in err.splitlines() if "removed" in line and "earlier run" in line]
    assert len(notes) == 1 and all(name in notes[0] for name in old)
    assert json.loads((out / "manifest.json").read_text("utf-8"))["outputs"] == [
        "corpus.parquet", "summary.parquet", "summary.tsv"
    ]
    assert sorted(json.loads((out / "run.json").read_text("utf-8"))["removed_outputs"]) == old


def test_mostly_unaligned_pair_is_warned_once_and_left_out(
    docs: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    """Its beads pass the default bead filters, yet come from two files that look like
    different texts: left out whole by default and counted as their own filter;
    --keep-unaligned-pairs keeps them, and switching it resumes every pair."""
    import mlalign.corpus.build as build_module

    # the original of doc0 (4 lines) against 2 lines of doc1's English: a third unmatched
    (docs / "mismatch.fa.txt").write_text((docs / "doc0.fa.txt").read_text("utf-8"), "utf-8")
    english = (docs / "doc1.en.txt").read_text("utf-8").splitlines()[:2]
    (docs / "mismatch.en.txt").write_text("\n".join(english) + "\n", "utf-8")
    monkeypatch.setattr(build_module, "Settings", functools.partial(checked_settings))
    out = tmp_path / "out"
    # computed, resumed from the pair file, then resumed with the pair kept: recorded each time
    for keep in (False, False, True):
        args = ["corpus", "build", str(docs), "-o", str(out)]
        code, err = run_main(args + ["--keep-unaligned-pairs"] * keep, capsys)
        assert code == 0
        warned = [line for line in err.splitlines() if line.startswith("mlalign: warning:")]
        assert len(warned) == 1
        assert warned[0].startswith("mlalign: warning: mismatch: mostly unaligned:")
        assert "2 of 6 sentences have no counterpart (more than 30%)" in warned[0]
        assert ("its 4 beads are left out of the corpus" in warned[0]) is not keep
        summary = pl.read_csv(out / "summary.tsv", separator="\t")
        by_id = {row["id"]: row for row in summary.iter_rows(named=True)}
        assert by_id["mismatch"]["warnings"].startswith("mostly unaligned:")
        assert by_id["doc0"]["warnings"] is None and by_id["doc2"]["warnings"] is None
        assert by_id["mismatch"]["removed_unaligned_pair"] == (0 if keep else 4)
        assert by_id["doc0"]["removed_unaligned_pair"] == 0
        run = json.loads((out / "run.json").read_text("utf-8"))
        assert list(run["warnings"]) == ["mismatch"]
        assert run["warnings"]["mismatch"][0].startswith("mostly unaligned:")
        assert run["filters"]["drop_unaligned_pairs"] is not keep
        assert run["filter_order"][0] == "unaligned_pair"
        assert run["filtered"]["removed"]["unaligned_pair"] == (0 if keep else 4)
        assert run["pairs"]["computed"] == (0 if run["pairs"]["resumed"] else 4)
        corpus = pq.read_table(out / "corpus.parquet").to_pylist()
        mismatch = [r for r in corpus if r["pair_id"] == "mismatch"]
        assert len(mismatch) == (by_id["mismatch"]["beads_kept"] if keep else 0)
        assert by_id["mismatch"]["beads_kept"] == len(mismatch)
    assert mismatch  # its two-sided beads pass the default bead filters
    assert run["pairs"]["resumed"] == 4  # a filter-only change redoes no audit
    assert summary.filter(pl.col("id") == "mismatch")["status"].to_list() == ["ok"]


def test_corpus_tmx_and_parquet_record_how_they_were_made(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    filters = FilterConfig(min_score=0.3, max_kind={"number": 0.5})
    build_corpus(docs, out, formats=["tmx"], filters=filters, settings=checked_settings())
    run = json.loads((out / "run.json").read_text("utf-8"))
    assert run["signature"] == "fake|src:ar, fake|src:fa"

    header = etree.parse(str(out / "corpus.tmx")).find("header")
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props["x-mlalign-version"] == __version__
    assert props["x-mlalign-signature"] == run["signature"]
    assert json.loads(props["x-mlalign-filters"]) == filters.as_dict() == run["filters"]
    assert json.loads(props["x-mlalign-models"]) == run["models"]
    assert json.loads(props["x-mlalign-settings"]) == run["settings"]
    assert json.loads(props["x-mlalign-embedder"]) == ["fake-embedder"]

    meta = pq.read_schema(out / "corpus.parquet").metadata
    prov = json.loads(meta[b"mlalign.provenance"])
    assert prov["version"] == __version__ and prov["signature"] == run["signature"]
    assert prov["filters"] == run["filters"] and prov["settings"] == run["settings"]
    assert prov["audits"] == run["audits"]
    assert pq.read_table(out / "corpus.parquet").num_rows > 0


def persian_text(lines: int = 12) -> str:
    return "\n".join(original for _, original in tatoeba_rows("fa")[:lines]) + "\n"


@pytest.mark.parametrize("src_lang", ["auto", "fa"])
def test_language_named_by_the_file_gives_advice_that_works(tmp_path: Path, src_lang: str) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "wrong.ar.txt").write_text(persian_text(), "utf-8")
    english = "\n".join(e for e, _ in tatoeba_rows("fa")[:12]) + "\n"
    (folder / "wrong.en.txt").write_text(english, "utf-8")
    report = build_corpus(folder, tmp_path / "out", src_lang=src_lang,
                          settings=fake_settings(src_lang=src_lang))
    (pair_id, error), = report.failures
    assert pair_id == "wrong"
    assert "looks Persian (fa), not Arabic (ar)" in error
    assert "rename it to wrong.fa.txt" in error and "--src-lang" not in error

    (folder / "pairs.tsv").write_text(
        "id\toriginal\tenglish\tlang\nwrong\twrong.ar.txt\twrong.en.txt\tar\n", "utf-8"
    )
    report = build_corpus(folder / "pairs.tsv", tmp_path / "out2", settings=fake_settings())
    error = report.failures[0][1]
    assert "lang column" in error and "set lang to fa or auto" in error
    assert "--src-lang" not in error


@pytest.mark.parametrize("with_lang", [True, False])
def test_missing_argos_model_exits_3_before_any_pair_runs(
    docs: Path, tmp_path: Path, monkeypatch, capsys, fake_cli, with_lang: bool
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    rows = [{"id": f"doc{i}", "original": f"doc{i}.{lang}.txt", "english": f"doc{i}.en.txt",
             **({"lang": lang} if with_lang else {})}
            for i, lang in enumerate(["fa", "ar", "fa"])]
    manifest = docs / "pairs.tsv"
    pl.DataFrame(rows).write_csv(manifest, separator="\t")
    out = tmp_path / "out"
    code, err = run_main(
        ["corpus", "build", str(manifest), "-o", str(out), "--translator", "argos"], capsys
    )
    assert code == 3
    assert err.startswith("mlalign: error: no installed Argos package translates ")
    assert "needed by doc" in err and err.count("\n") == 1
    if with_lang:
        assert "translates ar->en" in err and "needed by doc1)" in err
    assert not out.exists()  # no pair ran, nothing was written


@pytest.mark.parametrize(
    "option",
    [
        ["--max-drift", "-1"],
        ["--max-drift", "nan"],
        ["--max-length-ratio", "-1"],
        ["--max-length-ratio", "0.5"],
        ["--max-length-ratio", "inf"],
        ["--min-score", "2"],
        ["--min-score", "nan"],
    ],
)
def test_out_of_range_thresholds_are_usage_errors(docs: Path, tmp_path: Path,
                                                  option: list[str]) -> None:
    result = CliRunner().invoke(
        cli, ["corpus", "build", str(docs), "-o", str(tmp_path / "out"), *option]
    )
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option[0]}'" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("below", [False, True])
def test_output_that_is_a_file_is_refused(docs: Path, tmp_path: Path, capsys,
                                          below: bool) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x\n", "utf-8")
    out = afile / "corpus" if below else afile
    code, err = run_main(["corpus", "build", str(docs), "-o", str(out)], capsys)
    assert code == 2
    assert err == f"mlalign: error: {afile} exists and is not a folder\n"
    assert afile.read_text("utf-8") == "x\n"


def _manifest_rows(docs: Path) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {"id": f"doc{i}", "original": str(docs / f"doc{i}.{lang}.txt"),
             "english": str(docs / f"doc{i}.en.txt")}
            for i, lang in enumerate(["fa", "ar", "fa"])
        ]
    )


@pytest.mark.parametrize("name", ["summary.tsv", "summary.parquet", "corpus.parquet"])
def test_manifest_under_an_output_name_in_out_is_refused(
    docs: Path, tmp_path: Path, capsys, fake_cli, name: str
) -> None:
    """`corpus build OUT/summary.tsv -o OUT` replaced its own manifest (the next run then
    failed): refused up front, nothing written."""
    out = tmp_path / "out"
    out.mkdir()
    manifest = out / name
    rows = _manifest_rows(docs)
    if name.endswith(".parquet"):
        rows.write_parquet(manifest)
    else:
        rows.write_csv(manifest, separator="\t")
    before = manifest.read_bytes()
    code, err = run_main(["corpus", "build", str(manifest), "-o", str(out)], capsys)
    assert code == 2
    assert err == (f"mlalign: error: {manifest}: the manifest is one of the files this build "
                   f"writes or removes in {out}; move it out of {out} or choose another -o\n")
    assert manifest.read_bytes() == before and sorted(out.iterdir()) == [manifest]


@pytest.mark.parametrize("link", ["input", "output"])
def test_manifest_linked_to_an_output_is_refused(
    docs: Path, tmp_path: Path, capsys, fake_cli, link: str
) -> None:
    """A link either way round: the manifest a link to OUT/summary.tsv (the build replaces
    the file it reads), or OUT/summary.tsv a link to the manifest (the build writes through
    the link)."""
    out = tmp_path / "out"
    out.mkdir()
    real = (out if link == "input" else tmp_path) / "summary.tsv"
    _manifest_rows(docs).write_csv(real, separator="\t")
    before = real.read_bytes()
    if link == "input":  # given: the manifest named on the command line
        given, other = tmp_path / "pairs.tsv", real
        given.symlink_to(real)
    else:
        given, other = real, out / "summary.tsv"
        other.symlink_to(real)
    code, err = run_main(["corpus", "build", str(given), "-o", str(out)], capsys)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"mlalign: error: {given}: the manifest is the same file as {other}, "
                          "which this build writes or removes;")
    assert real.read_bytes() == before and not (out / "pairs").exists()


def test_folder_input_file_that_an_output_writes_through_is_refused(
    docs: Path, tmp_path: Path, capsys, fake_cli
) -> None:
    """Folder input: OUT/corpus.fa-en.fa (from an earlier -f moses) is a link to one of
    the originals; writing the Moses file would replace that original."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "corpus.fa-en.fa").symlink_to(docs / "doc0.fa.txt")
    before = (docs / "doc0.fa.txt").read_bytes()
    code, err = run_main(["corpus", "build", str(docs), "-o", str(out), "-f", "moses"], capsys)
    assert code == 2
    assert err == (f"mlalign: error: {docs / 'doc0.fa.txt'}: the original of pair doc0 is the "
                   f"same file as {out / 'corpus.fa-en.fa'}, which this build writes or removes; "
                   f"move it out of {out} or choose another -o\n")
    assert (docs / "doc0.fa.txt").read_bytes() == before


def test_manifest_in_out_under_another_name_is_used(docs: Path, tmp_path: Path, capsys,
                                                    fake_cli) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _manifest_rows(docs).write_csv(out / "pairs.tsv", separator="\t")
    for _ in range(2):  # and again, resuming
        code, _err = run_main(["corpus", "build", str(out / "pairs.tsv"), "-o", str(out)], capsys)
        assert code == 0
    assert pl.read_csv(out / "pairs.tsv", separator="\t")["id"].to_list() == ["doc0", "doc1",
                                                                              "doc2"]


@pytest.mark.parametrize("below", [False, True])
def test_output_link_to_a_missing_folder_is_followed(docs: Path, tmp_path: Path, capsys,
                                                     fake_cli, below: bool) -> None:
    """`-o LINK` where LINK names a folder not made yet: the folder is created (it was
    refused as "LINK exists and is not a folder")."""
    link = tmp_path / "o3link"
    link.symlink_to("target/corpus")  # relative, two levels to create
    out = link / "sub" if below else link
    code, err = run_main(["corpus", "build", str(docs), "-o", str(out), "-q"], capsys)
    assert code == 0, err
    made = tmp_path / "target" / "corpus" / ("sub" if below else "")
    assert (made / "corpus.parquet").is_file() and (made / "pairs").is_dir()
    assert link.is_symlink()


def test_output_link_that_loops_is_one_line_error(docs: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, err = run_main(["corpus", "build", str(docs), "-o", str(tmp_path / "a")], capsys)
    assert code == 2
    assert err == f"mlalign: error: {tmp_path / 'a'} is a link that loops or leads nowhere\n"


def _serve_once(reply: bytes | None) -> tuple[int, threading.Thread]:
    """A local server that answers `reply` to whoever connects (None: stays silent)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def serve() -> None:
        conn, _ = server.accept()
        with conn, server:
            conn.settimeout(5)
            if reply is not None:
                conn.sendall(reply)
            try:
                conn.recv(64)
                time.sleep(1.5 if reply is None else 0)
            except OSError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server.getsockname()[1], thread


def test_a_port_that_is_not_ray_fails_fast_with_what_it_answered() -> None:
    """A port that accepts connections but is an SSH server (or says nothing) passed the
    reachability check, and ray.init then retried for minutes."""
    from mlalign.corpus.ray_engine import check_reachable
    from mlalign.errors import NetworkError

    port, thread = _serve_once(b"SSH-2.0-OpenSSH_9.6\r\n")
    with pytest.raises(NetworkError, match="something else listens there .*SSH-2.0-OpenSSH_9.6"):
        check_reachable(f"127.0.0.1:{port}")
    thread.join(5)
    port, thread = _serve_once(None)
    with pytest.raises(NetworkError, match="no gRPC answer in 1 s"):
        check_reachable(f"127.0.0.1:{port}", timeout=1.0)
    thread.join(5)
    # a server that answers the HTTP/2 handshake with SETTINGS, as Ray's gRPC servers do
    port, thread = _serve_once(bytes([0, 0, 0x18, 4, 0, 0, 0, 0, 0]))
    check_reachable(f"127.0.0.1:{port}")
    thread.join(5)
