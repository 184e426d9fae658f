"""`corpus build` on bad options and awkward reruns: one-line errors with the right exit
status, stale outputs removed, document warnings and provenance recorded."""

from __future__ import annotations

import functools
import json
import socket
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


def test_mostly_unaligned_pair_is_warned_once_and_recorded(
    docs: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    """Its beads still go through the filters like any pair's; the warning is what changes."""
    import mlalign.corpus.build as build_module

    # the original of doc0 (4 lines) against 2 lines of doc1's English: a third unmatched
    (docs / "mismatch.fa.txt").write_text((docs / "doc0.fa.txt").read_text("utf-8"), "utf-8")
    english = (docs / "doc1.en.txt").read_text("utf-8").splitlines()[:2]
    (docs / "mismatch.en.txt").write_text("\n".join(english) + "\n", "utf-8")
    monkeypatch.setattr(build_module, "Settings", functools.partial(checked_settings))
    out = tmp_path / "out"
    for _ in range(2):  # computed, then resumed from the pair file: recorded both times
        code, err = run_main(["corpus", "build", str(docs), "-o", str(out)], capsys)
        assert code == 0
        warned = [line for line in err.splitlines() if line.startswith("mlalign: warning:")]
        assert len(warned) == 1 and warned[0].startswith(
            "mlalign: warning: mismatch: mostly unaligned: 2 of 6 sentences"
        )
        summary = pl.read_csv(out / "summary.tsv", separator="\t")
        by_id = dict(zip(summary["id"], summary["warnings"], strict=True))
        assert by_id["mismatch"].startswith("mostly unaligned:")
        assert by_id["doc0"] is None and by_id["doc2"] is None
        run = json.loads((out / "run.json").read_text("utf-8"))
        assert list(run["warnings"]) == ["mismatch"]
        assert run["warnings"]["mismatch"][0].startswith("mostly unaligned:")
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
