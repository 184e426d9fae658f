"""Writers for every output format, and `write_outputs`, the one call the CLI makes.

Each format lives in its own module with a small class satisfying `Writer`; `FORMATS` maps
format names to instances. Provenance goes inside formats with headers (TMX props, XLIFF
notes, Parquet metadata, HTML footer) and always into a `<stem>.meta.json` sidecar, since
JSONL and TSV must stay one row per bead.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from mlalign.errors import InputError
from mlalign.fsutil import atomic_group, atomic_write_text, check_not_input, check_writable
from mlalign.io.base import WriteOptions, Writer, filter_beads, provenance_json
from mlalign.io.html import HtmlWriter
from mlalign.io.jsonl import JsonlWriter
from mlalign.io.moses import MosesWriter, moses_files
from mlalign.io.parquet import ParquetWriter
from mlalign.io.tabular import CsvWriter, TsvWriter
from mlalign.io.tmx import TmxWriter
from mlalign.io.xliff import XliffWriter
from mlalign.types import Audit

__all__ = [
    "FORMATS",
    "SUFFIX_FORMATS",
    "CORPUS_FORMATS",
    "WriteOptions",
    "Writer",
    "check_formats",
    "check_outputs",
    "filter_beads",
    "output_paths",
    "planned_outputs",
    "summary_text",
    "write_outputs",
]

FORMATS: dict[str, Writer] = {
    w.format: w
    for w in (
        JsonlWriter(),
        TsvWriter(),
        CsvWriter(),
        TmxWriter(),
        XliffWriter(),
        MosesWriter(),
        ParquetWriter(),
        HtmlWriter(),
    )
}
# Formats holding only beads with both sides (a translation memory needs pairs).
CORPUS_FORMATS = frozenset({"tmx", "moses"})
_KNOWN_SUFFIXES = {w.suffix for w in FORMATS.values()} | {
    ".json",
    ".xliff",
    ".htm",
    ".txt",
    ".meta.json",
}


# What an output's suffix says it holds: the format `-o` implies without `-f`, and the one a
# single-format `-o` must agree with.
SUFFIX_FORMATS = {w.suffix: w.format for w in FORMATS.values()} | {
    ".json": "jsonl", ".htm": "html", ".xliff": "xliff"}


def _writer(fmt: str) -> Writer:
    try:
        return FORMATS[fmt]
    except KeyError:
        raise InputError(
            f"unknown output format {fmt!r}; choose from {', '.join(FORMATS)}"
        ) from None


def check_formats(formats: list[str]) -> None:
    """Fail on an unknown format name before any work is done, not after it."""
    for fmt in formats:
        _writer(fmt)


def _names_folder(out: Path | str) -> bool:
    """`-o out/` (the trailing slash Path() would drop) or an existing folder: outputs go
    inside it as `audit.*`."""
    return os.fspath(out).endswith(("/", "\\")) or Path(out).is_dir()


def _stem(out: Path | str) -> Path:
    """`out/` → `out/audit`; `out.jsonl` → `out`; `out` → `out` (what users mean by a stem)."""
    if _names_folder(out):
        return Path(out) / "audit"
    out = Path(out)
    if out.name.endswith(".meta.json"):
        return out.with_name(out.name[: -len(".meta.json")])
    return out.with_suffix("") if out.suffix.lower() in _KNOWN_SUFFIXES else out


def output_paths(out: Path | str, formats: list[str]) -> dict[str, Path]:
    """Where each format goes: a single format writes to `out` itself (unless `out` is a
    folder); several formats derive `<stem><suffix>` names."""
    if len(formats) == 1 and not _names_folder(out):
        return {formats[0]: Path(out)}
    stem = _stem(out)
    return {fmt: stem.parent / (stem.name + _writer(fmt).suffix) for fmt in formats}


def _sidecar(out: Path | str, formats: list[str], paths: dict[str, Path]) -> Path:
    """The `.meta.json` provenance file beside the outputs: `<stem>.meta.json`, unless that
    file already describes another output this run does not rewrite (`-f jsonl -o x.jsonl`,
    then `-f tsv -o x.tsv`): then `<first output>.meta.json`, so the JSONL keeps its record."""
    stem = _stem(out if len(formats) > 1 or _names_folder(out) else paths[formats[0]])
    sidecar = stem.parent / (stem.name + ".meta.json")
    first = paths[formats[0]]
    if _describes_others(sidecar, {p.name for p in paths.values()}):
        return first.with_name(first.name + ".meta.json")
    return sidecar


def _describes_others(sidecar: Path, names: set[str]) -> bool:
    """Whether an existing provenance file lists an output outside `names` that still exists
    (an unreadable or foreign file is not kept: it describes nothing of ours)."""
    try:
        outputs = json.loads(sidecar.read_text(encoding="utf-8")).get("outputs") or {}
    except (OSError, ValueError, AttributeError):
        return False
    if not isinstance(outputs, dict):
        return False
    listed = [n for v in outputs.values() for n in (v if isinstance(v, list) else [v])
              if isinstance(n, str)]
    return any(n not in names and (sidecar.parent / n).exists() for n in listed)


def planned_outputs(out: Path | str, formats: list[str], src_lang: str, tgt_lang: str = "en"
                    ) -> list[tuple[str, Path]]:
    """Every file `write_outputs` would write, each with what it holds."""
    formats = list(dict.fromkeys(formats))
    paths = output_paths(out, formats)
    planned: list[tuple[str, Path]] = []
    for fmt, path in paths.items():
        if fmt == "moses":
            files = moses_files(path, src_lang, tgt_lang)
            planned += [(f"moses {lang}", p) for lang, p in zip((src_lang, tgt_lang), files, strict=True)]
        else:
            planned.append((fmt, path))
    planned.append(("provenance", _sidecar(out, formats, paths)))
    return planned


def check_outputs(out: Path | str, formats: list[str], src_lang: str, inputs: list[Path]) -> None:
    """Fail before any work if an output cannot be written, would overwrite an input, or
    would land on the same file as another output (`-o k.meta.json`: the provenance
    sidecar would replace the JSONL)."""
    formats = list(dict.fromkeys(formats))
    if not os.fspath(out).strip():
        raise InputError("-o: the output path is empty")
    suffix = Path(out).suffix.lower()
    if suffix in (".gz", ".bz2", ".xz", ".zst", ".zip"):
        raise InputError(f"{out}: compressed outputs are not written; name it without {suffix} "
                         "and compress the file afterwards")
    named = SUFFIX_FORMATS.get(suffix)
    if len(formats) == 1 and named and named != formats[0] and not _names_folder(out):
        raise InputError(f"{out}: the name says {named} but the format is {formats[0]}; "
                         f"rename it or use --format {named}")
    claimed: dict[str, str] = {}
    for what, path in planned_outputs(out, formats, src_lang):
        target = check_writable(path)
        key = os.path.normcase(os.path.abspath(target))
        if key in claimed:
            raise InputError(f"{path}: both the {claimed[key]} and the {what} output would be "
                             "written there; choose another -o")
        claimed[key] = what
        check_not_input(target, inputs, f"{what} output")


def audit_inputs(audit: Audit) -> list[Path]:
    """The files an audit read, by absolute path where recorded (a relative name would
    point elsewhere once the working folder changes), the MT file included."""
    prov = audit.provenance
    sides = [side for side in prov.get("inputs", {}).values() if isinstance(side, dict)]
    translator = prov.get("translator")
    if isinstance(translator, dict) and translator.get("path"):
        sides.append(translator)
    return [Path(side.get("path") or side["name"]) for side in sides if side.get("path") or side.get("name")]


def write_outputs(
    audit: Audit, out: Path | str | None, formats: list[str], options: WriteOptions | None = None
) -> list[Path]:
    """Write one file per format (Moses: two) plus a `.meta.json` provenance sidecar.

    `out` None or "-" prints a single text format to stdout and returns []."""
    options = options or WriteOptions()
    if isinstance(formats, str):  # "jsonl,html" as on the command line
        formats = [f.strip().lower() for f in formats.split(",") if f.strip()]
    formats = list(dict.fromkeys(formats or ["jsonl"]))
    writers = [_writer(fmt) for fmt in formats]
    if out is None or str(out) == "-":
        if len(writers) != 1 or not hasattr(writers[0], "render"):
            raise InputError(
                f"--format {','.join(formats)} needs -o PATH; stdout takes one text format"
            )
        text = writers[0].render(audit, options)  # type: ignore[attr-defined]
        sys.stdout.write(text)
        sys.stdout.flush()
        return []
    check_outputs(out, formats, audit.src_lang, audit_inputs(audit))
    paths = output_paths(out, formats)
    written: list[Path] = []
    names: dict[str, str | list[str]] = {}
    with atomic_group():  # all the files land, or none does
        for fmt, writer in zip(formats, writers, strict=True):
            path = paths[fmt]
            writer.write(audit, path, options)
            if isinstance(writer, MosesWriter):
                files = writer.outputs(audit, path)
                names[fmt] = [p.name for p in files]
                written.extend(files)
            else:
                names[fmt] = path.name
                written.append(path)
        sidecar = _sidecar(out, formats, paths)
        atomic_write_text(
            sidecar,
            provenance_json(
                audit,
                outputs=names,
                filters={
                    "min_score": options.min_score,
                    "drop_flagged": options.drop_flagged,
                    "include_mt": options.include_mt,
                },
            )
            + "\n",
        )
    written.append(sidecar)
    return written


def summary_text(audit: Audit, seconds: float) -> str:
    """One paragraph for the end of a CLI run: what was aligned, what was flagged, how long."""
    kinds: dict[str, int] = {}
    for bead in audit.beads:
        kinds[bead.kind] = kinds.get(bead.kind, 0) + 1
    kind_text = ", ".join(
        f"{k} x{n}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    flags = audit.flag_counts()
    flagged = sum(1 for b in audit.beads if b.flags)
    high = sum(1 for b in audit.beads if b.severity == "high")
    flag_text = ", ".join(
        f"{t} {n}" for t, n in sorted(flags.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    parts = [
        f"mlalign: {len(audit.src_sentences)} {audit.src_lang} and {len(audit.tgt_sentences)} "
        f"{audit.tgt_lang} sentences -> {len(audit.beads)} beads ({kind_text or 'none'});",
        f"{flagged} flagged ({high} high)" + (f": {flag_text};" if flag_text else ";"),
        f"{seconds:.1f}s.",
    ]
    return " ".join(parts)
