"""`mlalign translate`: machine-translate an Arabic or Persian text file into English.

Sentences are split by mlalign (or taken one per line with --presplit), translated in
batches with the installed Argos package, cached, and written atomically.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

CHUNK = 256  # sentences per progress-bar step; the translator batches within a chunk


@click.command("translate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from", "src_lang", type=click.Choice(["ar", "fa", "auto"]), default="auto",
              show_default=True, help="Source language.")
@click.option("-o", "--output", default=None,
              help="Write here (atomically) instead of stdout (- is stdout too).")
@click.option("--presplit", is_flag=True,
              help="Input has one sentence per line; output one translation per line.")
@click.option("--beam-size", type=click.IntRange(1, 16), default=4, show_default=True)
@click.option("--batch-size", type=click.IntRange(1, 1024), default=64, show_default=True,
              help="Sentences per model call (similar lengths are batched together).")
@click.option("--threads", type=click.IntRange(0, 256), default=0, show_default=True,
              help="CPU threads for the model (0 = all cores).")
@click.option("--compute-type", type=click.Choice(["int8", "float32"]), default="int8",
              show_default=True,
              help="int8 is fastest; float32 gives the same words at any --batch-size (int8 "
                   "may round a sentence otherwise when it is padded into a batch).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation cache.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def translate_cmd(file: Path, src_lang: str, output: str | None, presplit: bool,
                  beam_size: int, batch_size: int, threads: int, compute_type: str,
                  no_cache: bool, quiet: bool) -> None:
    """Translate FILE to English, sentence by sentence, offline.

    \b
    Needs an installed Argos package for the pair (see `mlalign models`).
    Examples:
      mlalign translate original.fa.txt --from fa -o original.en.mt.txt
      (-o also writes original.en.mt.txt.meta.json: the package, settings and input hash)
      mlalign translate sentences.ar.txt --from ar --presplit -o mt.txt   # line for line
    """
    from mlalign import __version__
    from mlalign.fsutil import atomic_group, atomic_write_text, check_file_output
    from mlalign.pipeline import model_text
    from mlalign.progress import progress_bar
    from mlalign.text.langid import resolve_source_language
    from mlalign.text.reader import read_file_text
    from mlalign.text.split import presplit_lines, split_document
    from mlalign.translate import load_translator, truncation_note

    target: Path | None = None
    if output not in (None, "-"):  # both files checked before the work, not after it
        target = check_file_output(output, [file])
        check_file_output(f"{output}.meta.json", [file])
    source = read_file_text(file)
    text = source.text
    lang = resolve_source_language(text, src_lang, str(file), option="--from")
    sentences = (presplit_lines(text, str(file), source.form) if presplit
                 else split_document(text, lang, source.form))
    from mlalign.corpus.engine import available_cores

    cores = available_cores()
    if threads > cores:  # more threads than cores only make them wait for each other
        click.echo(f"mlalign: note: --threads {threads} is more than the {cores} cores here; "
                   f"using {cores}", err=True)
        threads = cores
    translator = load_translator(lang, use_cache=not no_cache, beam_size=beam_size,
                                 batch_size=batch_size, threads=threads,
                                 compute_type=compute_type)
    # as align reads the original: without vowel marks, Persian letters in Persian
    texts = [model_text(s.text, lang) for s in sentences]
    out: list[str] = []
    with progress_bar(len(texts), f"translate {lang}->en", "sent", enabled=not quiet) as bar:
        for start in range(0, len(texts), CHUNK):
            chunk = texts[start:start + CHUNK]
            out.extend(translator.translate(chunk))
            bar.update(len(chunk))
    note = truncation_note(translator)
    if note:
        click.echo(note, err=True)
    if presplit:
        result = "".join(t + "\n" for t in out)
    else:
        paragraphs: list[list[str]] = []
        last: int | None = None
        for sent, tr in zip(sentences, out, strict=True):
            if last is None or sent.paragraph != last:
                paragraphs.append([])
                last = sent.paragraph
            if tr:
                paragraphs[-1].append(tr)
        # One paragraph per line, as argostranslate re-joins paragraphs with "\n".
        result = "".join(" ".join(p) + "\n" for p in paragraphs)
    if target is None:
        click.echo(result, nl=False)
        return
    output = target
    provenance = {
        "tool": "mlalign translate", "version": __version__, "src_lang": lang, "tgt_lang": "en",
        "input": {"name": str(file), "sha256": source.sha256, "encoding": source.encoding,
                  "form": source.form},
        "presplit": presplit, "sentences": len(texts), "translator": translator.signature(),
        "output": output.name,
    }
    with atomic_group():  # the translation and its record land together
        atomic_write_text(output, result)
        atomic_write_text(output.with_name(output.name + ".meta.json"),
                          json.dumps(provenance, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def register(group: click.Group) -> None:
    """Add `translate` to the top-level group."""
    group.add_command(translate_cmd)
