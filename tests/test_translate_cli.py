"""`mlalign translate`: presplit output equals argostranslate's, re-runs hit the cache,
a missing package is a one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest
from argos_fixture import build_tiny_argosmodel, generated_sentences
from click.testing import CliRunner
from test_translate_argos import COMPARE_TYPE, argos_reference

from mlalign.cli import cli
from mlalign.translate import install_from_file
from mlalign.translate.argos import ArgosTranslator

pytest.importorskip("mlalign.text.split")
pytest.importorskip("mlalign.text.langid")


@pytest.fixture(scope="module")
def pkgdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("packages")
    install_from_file(build_tiny_argosmodel(tmp_path_factory.mktemp("b"), seed=4), directory=d)
    return d


def _use_package(pkgdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tiny test package installed, and a translation cache of this test's own."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(pkgdir))
    monkeypatch.setenv("MLALIGN_CACHE_DIR", str(tmp_path / "cache"))


def _small_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two Persian lines and their English, one sentence per line."""
    src = tmp_path / "doc.fa.txt"
    src.write_text("کتاب خانه مردم شهر ایران امروز.\nدیروز سال روز کار زبان ترجمه.\n",
                   encoding="utf-8")
    tgt = tmp_path / "doc.en.txt"
    tgt.write_text("The book of the people of the city.\nYesterday was a year of work.\n",
                   encoding="utf-8")
    return src, tgt


@pytest.mark.slow  # imports argostranslate (torch, stanza) in a subprocess
def test_translate_presplit_matches_argos_and_caches(pkgdir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _use_package(pkgdir, tmp_path, monkeypatch)
    sentences = [s for s in generated_sentences(60, seed=2)[::3]]  # Persian lines
    src = tmp_path / "doc.fa.txt"
    src.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    calls: list[int] = []
    orig = ArgosTranslator._collect

    def counting(self: ArgosTranslator, batch: list, results: list, out: list[str]) -> None:
        calls.append(len(batch))
        orig(self, batch, results, out)

    monkeypatch.setattr(ArgosTranslator, "_collect", counting)
    out = tmp_path / "out.txt"
    args = ["translate", str(src), "--from", "fa", "--presplit", "--compute-type", COMPARE_TYPE,
            "-o", str(out), "--quiet"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    lines = out.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(lines) == len(sentences) and sum(calls) == len(sentences)
    assert lines == argos_reference(pkgdir, sentences, tmp_path)
    # beside the file, how it was made: the package, its settings and the input's bytes
    import hashlib
    import json

    meta = json.loads((tmp_path / "out.txt.meta.json").read_text(encoding="utf-8"))
    assert (meta["translator"]["package"], meta["translator"]["beam_size"]) == ("translate-fa_en", 4)
    assert meta["translator"]["compute_type"] == COMPARE_TYPE  # --compute-type, recorded
    assert meta["input"]["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert (meta["sentences"], meta["presplit"], meta["output"]) == (len(sentences), True, "out.txt")
    calls.clear()
    res = CliRunner().invoke(cli, args[:-3] + ["--quiet"])  # stdout this time
    assert res.exit_code == 0 and calls == []
    assert res.output.split("\n")[:-1] == lines


def test_translate_without_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "none"))
    src = tmp_path / "doc.txt"
    src.write_text("کتاب خانه مردم شهر ایران امروز.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["translate", str(src), "--from", "fa", "--quiet"])
    assert res.exit_code != 0
    assert "mlalign models install fa en" in str(res.exception)


def test_align_uses_installed_package(pkgdir: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`align --translator auto` finds the installed package, fills `mt`, records the model."""
    import json

    _use_package(pkgdir, tmp_path, monkeypatch)
    src, tgt = _small_pair(tmp_path)
    out = tmp_path / "beads.jsonl"
    for translator, expect_mt in (("auto", True), ("none", False)):
        res = CliRunner().invoke(cli, ["align", str(src), str(tgt), "--presplit", "--src-lang",
                                       "fa", "--translator", translator, "-o", str(out), "-q"])
        assert res.exit_code == 0, res.output
        beads = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [b["src_ids"] for b in beads] == [[0], [1]]
        assert all((b["mt"] is not None) == expect_mt for b in beads)
        meta = json.loads(out.with_name("beads.meta.json").read_text(encoding="utf-8"))
        text = json.dumps(meta)
        assert ("fa_en" in text or "translate-fa_en" in text) == expect_mt, text[:400]


def test_translate_wrong_language_names_the_from_option(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture) -> None:
    """A Persian file declared Arabic: one line naming `--from`, exit 2, no output file."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "none"))
    src = tmp_path / "doc.txt"
    src.write_text("این کتاب را دیروز در کتابخانهٔ دانشگاه تهران خواندم و بسیار پسندیدم.\n"
                   "نویسنده‌اش می‌گوید که این اثر را در سال‌های جنگ نوشته است.\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    from mlalign.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["translate", str(src), "--from", "ar", "-o", str(out)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and err.count("\n") == 1, err
    assert "use --from fa or auto" in err
    assert not out.exists()


def test_more_threads_than_cores_are_capped_with_a_note(pkgdir: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from mlalign.corpus.engine import available_cores

    _use_package(pkgdir, tmp_path, monkeypatch)
    src = tmp_path / "doc.fa.txt"
    src.write_text("\n".join(generated_sentences(6, seed=3)[::3]) + "\n", encoding="utf-8")
    seen: list[int] = []
    import mlalign.translate as tr

    real = tr.load_translator
    monkeypatch.setattr(tr, "load_translator", lambda *a, **k: seen.append(k["threads"]) or real(*a, **k))
    res = CliRunner().invoke(cli, ["translate", str(src), "--from", "fa", "--presplit", "--threads", "256", "-q"])
    assert res.exit_code == 0, res.output
    assert seen == [available_cores()] and "more than the" in res.output


def test_translations_stopped_at_the_decoding_limit_get_a_note(pkgdir: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The random-weight test model seldom ends a sentence: its outputs run to the bound."""
    _use_package(pkgdir, tmp_path, monkeypatch)
    src = tmp_path / "doc.fa.txt"
    src.write_text("\n".join(generated_sentences(12, seed=3)[::3]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["translate", str(src), "--from", "fa", "--presplit", "-q",
                                   "-o", str(tmp_path / "out.txt")])
    assert res.exit_code == 0, res.output
    assert "stopped at the decoding length limit" in res.output


def test_align_notes_translations_stopped_at_the_decoding_limit(pkgdir: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _use_package(pkgdir, tmp_path, monkeypatch)
    src, tgt = _small_pair(tmp_path)
    res = CliRunner().invoke(cli, ["align", str(src), str(tgt), "--presplit", "--src-lang", "fa",
                                   "-o", str(tmp_path / "beads.jsonl")])
    assert res.exit_code == 0, res.output
    assert "stopped at the decoding length limit" in res.output


def test_translate_reads_the_original_as_align_does_without_vowel_marks(
        pkgdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use_package(pkgdir, tmp_path, monkeypatch)
    plain = ["دولت اعلام کرد که کارگران بیشتری استخدام خواهد کرد.",
             "این کتاب در کتابخانه‌ی شهر نگهداری می‌شود."]
    # written with its vowels: a mark after most letters
    marked = ["".join(ch + "\u064e" if "\u0621" <= ch <= "\u06ff" else ch for ch in line)
              for line in plain]
    outputs = []
    for name, lines in (("plain", plain), ("marked", marked)):
        src = tmp_path / f"{name}.fa.txt"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        res = CliRunner().invoke(cli, ["translate", str(src), "--from", "fa", "--presplit", "-q",
                                       "--no-cache"])
        assert res.exit_code == 0, res.output
        outputs.append([line for line in res.output.splitlines() if not line.startswith("mlalign:")])
    assert len(outputs[0]) == 2 and outputs[0] == outputs[1]


def test_translate_reads_a_word_document(pkgdir: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A .docx is translated paragraph by paragraph (its heading one of them), and its meta
    file says it was read as a Word document."""
    import json

    from docx_fixture import save_docx

    _use_package(pkgdir, tmp_path, monkeypatch)
    src = save_docx(tmp_path / "doc.fa.docx", ["کتاب خانه مردم شهر ایران امروز.", "",
                                               "دیروز سال روز کار زبان ترجمه."], heading="کتاب")
    out = tmp_path / "doc.en.mt.txt"
    res = CliRunner().invoke(cli, ["translate", str(src), "--from", "fa", "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3  # heading + two paragraphs
    meta = json.loads((tmp_path / "doc.en.mt.txt.meta.json").read_text(encoding="utf-8"))
    assert (meta["input"]["form"], meta["sentences"]) == ("docx", 3)
