"""Small helper commands: `mlalign split` (sentence per line) and `mlalign settings`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from mlalign.errors import InputError
from mlalign.fsutil import atomic_write_text, check_file_output


@click.command("split")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(["auto", "ar", "fa", "en"]), default="auto", show_default=True)
@click.option("-o", "--output", "out", default=None, help="Output file (default stdout; - too).")
def split_command(file: Path, lang: str, out: str | None) -> None:
    """Split FILE into sentences, one per line (the numbering `--presplit` and `--mt-file` use).

    \b
    Example:
      mlalign split original.fa.txt -o original.sentences.txt
    """
    from mlalign.text.langid import detect_language
    from mlalign.text.reader import read_file_text
    from mlalign.text.split import split_document

    if out == "-":
        out = None
    if out is not None:
        check_file_output(out, [file])
    read = read_file_text(file)
    text = read.text
    found = detect_language(text)
    if lang == "auto":
        lang = found if found in ("ar", "fa", "en") else "en"
    elif found in ("ar", "fa", "en") and (found == "en") != (lang == "en"):
        # Arabic and Persian split alike; English rules on Arabic script (or the reverse)
        # would split wrongly without a word
        raise InputError(f"{file}: looks {found}, not {lang}; use --lang {found} or auto")
    lines = [s.text.replace("\n", " ") for s in split_document(text, lang, read.form)]
    body = "\n".join(lines) + "\n"
    if out is None:
        click.echo(body, nl=False)
    else:
        atomic_write_text(out, body)


@click.command("settings")
def settings_command() -> None:
    """Print the default alignment and drift settings (keys for `--set`), as JSON."""
    from mlalign.align import AlignConfig
    from mlalign.drift import DriftConfig

    data = {
        "align": dataclasses.asdict(AlignConfig()),
        "drift": dataclasses.asdict(DriftConfig()),
    }
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def register(group: click.Group) -> None:
    group.add_command(split_command)
    group.add_command(settings_command)
