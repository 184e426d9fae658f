"""`mlalign align`: align an original with its English version and flag drift."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from mlalign.cli.options import (
    FiniteFloatRange,
    apply_overrides,
    check_known_sections,
    parse_formats,
    quiet_option,
)
from mlalign.errors import InputError, ModelError


def load_translator_choice(choice: str, src_lang: str, quiet: bool, no_cache: bool):
    """`auto`: the installed Argos package if there is one; `argos`: required; `none`: skip."""
    if choice == "none":
        return None
    from mlalign.translate import load_translator

    try:
        return load_translator(src_lang, use_cache=not no_cache)
    except ModelError as exc:
        if choice == "argos":
            raise
        if not quiet:
            click.echo(f"mlalign: note: no translation model used ({exc})", err=True)
        return None


@click.command("align")
@click.argument("original", type=click.Path(path_type=Path))
@click.argument("english", type=click.Path(path_type=Path))
@click.option("--src-lang", type=click.Choice(["auto", "ar", "fa"]), default="auto", show_default=True,
              help="Language of the original.")
@click.option("--presplit", is_flag=True,
              help="Both files hold one sentence per line; line i is sentence i (empty lines kept).")
@click.option("-f", "--format", "formats", multiple=True,
              help="jsonl, tsv, csv, html, tmx, xliff, moses, parquet (comma-separated or repeated; "
                   "default: from -o's suffix, else jsonl).")
@click.option("-o", "--output", "out", default=None,
              help="Output file (one format) or path stem (several formats); default stdout.")
@click.option("--translator", type=click.Choice(["auto", "argos", "none"]), default="auto",
              show_default=True, help="Machine translation of the original: auto uses an installed "
                                      "Argos package if there is one.")
@click.option("--mt-file", type=click.Path(path_type=Path), default=None,
              help="Translations of the original made elsewhere, one line per original sentence.")
@click.option("--min-score", type=FiniteFloatRange(0.0, 1.0), default=None,
              help="Keep only beads with score ≥ this (0-1).")
@click.option("--drop-flagged", is_flag=True, help="Leave flagged beads out of the output.")
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Override a setting, e.g. --set drift.number_min_score=0.5 or "
                   "--set align.max_bead=3 (see `mlalign settings`).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding/translation caches.")
@quiet_option
def align_command(original, english, src_lang, presplit, formats, out, translator, mt_file,
                  min_score, drop_flagged, overrides, no_cache, quiet):
    """Align ORIGINAL (Arabic or Persian) with ENGLISH sentence by sentence and flag drift.

    Each file may be plain text, subtitles (SRT/WebVTT) or a Word document (.docx).

    \b
    Examples:
      mlalign align samples/baghdad-isis-threat.fa.txt samples/baghdad-isis-threat.en.txt \\
          --format html -o report.html
      mlalign align orig.ar.txt eng.txt --presplit --format jsonl -o beads.jsonl
      mlalign align orig.fa.txt eng.txt -f jsonl,html,tmx -o out/audit
      mlalign align report.fa.docx report.en.docx -f html -o report.html
    """
    from mlalign.align import AlignConfig
    from mlalign.drift import DriftConfig
    from mlalign.embed import default_embedder
    from mlalign.io import WriteOptions, check_formats, check_outputs, summary_text, write_outputs
    from mlalign.pipeline import audit_texts, mt_lines, record_files
    from mlalign.text.reader import read_file_text
    from mlalign.translate.filemt import MT_FILE_ROLE

    started = time.perf_counter()
    fmts = parse_formats(formats, out)
    check_formats(fmts)
    if (out is None or out == "-") and len(fmts) > 1:
        raise InputError("several formats need -o PATH (a path stem); stdout takes one format")
    if out is None and any(f in ("parquet", "moses") for f in fmts):
        raise InputError(f"--format {fmts[0]} needs -o PATH")
    check_known_sections(overrides, ("align", "drift"))
    align_config = apply_overrides(AlignConfig(), "align", overrides)
    drift_config = apply_overrides(DriftConfig(), "drift", overrides)
    if drift_config.calibration_path:  # a bad file fails now, not after the alignment
        from mlalign.drift.calibration import load_calibration

        load_calibration(drift_config.calibration_path)

    src_file = read_file_text(original)
    tgt_file = read_file_text(english)
    src_text, tgt_text = src_file.text, tgt_file.text
    mt = mt_read = None
    if mt_file is not None:
        if translator == "argos":
            raise InputError("--mt-file and --translator argos exclude each other")
        mt_read = read_file_text(mt_file, plain_only_for=MT_FILE_ROLE)
        mt = mt_lines(mt_read.text)
    from mlalign.text.langid import decide_source_language

    lang, lang_by = decide_source_language(src_text, src_lang, str(original),
                                           other=(str(english), tgt_text))
    if out not in (None, "-"):  # before the work: every output writable, no input overwritten
        check_outputs(out, fmts, lang, [Path(original), Path(english), *([mt_file] if mt_file else [])])
    model = None if mt is not None else load_translator_choice(translator, lang, quiet, no_cache)
    embedder = default_embedder(cache_dir=None if not no_cache else False)
    audit = audit_texts(
        src_text,
        tgt_text,
        src_lang=lang,
        presplit=presplit,
        mt=mt,
        translator=model,
        embedder=embedder,
        align_config=align_config,
        drift_config=drift_config,
        progress=not quiet,
        src_name=str(original),
        tgt_name=str(english),
        mt_name=str(mt_file),
        src_lang_by=lang_by,
        src_form=src_file.form,
        tgt_form=tgt_file.form,
    )
    record_files(audit, src_file, tgt_file, mt_read)
    options = WriteOptions(min_score=min_score, drop_flagged=drop_flagged)
    written = write_outputs(audit, None if out in (None, "-") else out, fmts, options)
    if not quiet:
        for warning in audit.warnings:
            click.echo(f"mlalign: warning: {warning}", err=True)
        if model is not None:
            from mlalign.translate import truncation_note

            if note := truncation_note(model):
                click.echo(note, err=True)
        for path in written:
            click.echo(f"mlalign: wrote {path}", err=True)
        click.echo(summary_text(audit, time.perf_counter() - started), err=True)
    sys.stdout.flush()


def register(group: click.Group) -> None:
    group.add_command(align_command)
