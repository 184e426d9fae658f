"""Corpus inputs: a manifest (CSV/TSV/Parquet) or a directory of `name.ar.txt`/`name.en.txt` files
(or Word documents `name.ar.docx`/`name.en.docx`, either side, and subtitles).

Both become the same list of `PairTask`s, so the engines never care where a pair came from.
Problems with the input as a whole (unreadable manifest, missing columns, duplicate ids) are
`InputError`s; problems with one pair (a missing file) are left for that pair to report.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from mlalign.errors import InputError
from mlalign.text.reader import read_text

SOURCE_LANGS = ("ar", "fa")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class PairTask:
    """One document pair to audit: an id, the two files, and the declared source language.

    `lang_source` says who declared `lang` ("manifest": its lang column; "name": the file's
    .ar/.fa suffix), so a language mismatch can say what to change.
    """

    id: str
    original: str
    english: str
    lang: str = "auto"
    lang_source: str = "manifest"

    @property
    def safe_id(self) -> str:
        return safe_id(self.id)


@dataclass(frozen=True)
class Inputs:
    """Tasks in input order plus the files a directory scan could not pair (reported, not fatal)."""

    tasks: list[PairTask]
    unpaired: list[str]
    kind: str  # "manifest" or "directory"
    path: str


def safe_id(pair_id: str) -> str:
    """A file-name-safe form of an id; a hash suffix keeps ids that sanitise alike apart."""
    cleaned = _SAFE.sub("_", pair_id).strip("._") or "pair"
    if cleaned == pair_id and len(cleaned) <= 100:
        return cleaned
    digest = hashlib.sha1(pair_id.encode("utf-8")).hexdigest()[:10]
    return f"{cleaned[:80]}-{digest}"


def _norm_lang(value: object, where: str) -> str:
    text = "" if value is None else str(value).strip().lower()
    if text in ("", "auto", "none", "nan"):
        return "auto"
    if text not in SOURCE_LANGS:
        raise InputError(f"{where}: lang must be ar, fa or auto, got {text!r}")
    return text


def read_manifest(path: Path) -> list[PairTask]:
    """Rows `id, original, english[, lang]`; relative paths are taken from the manifest's folder."""
    import polars as pl

    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            frame = pl.read_parquet(path)
        elif suffix in (".csv", ".tsv", ".tab", ".txt"):
            sep = "," if suffix == ".csv" else "\t"
            # decoded like the pairs' own files: a spreadsheet's "Unicode text" export is
            # UTF-16 with a BOM, an older one Windows-1256 (polars reads UTF-8 only, and a
            # UTF-16 manifest came out as "lacks column(s) id, original, english")
            text = read_text(path, plain_only_for="a manifest (CSV/TSV)")
            frame = pl.read_csv(
                io.BytesIO(text.encode("utf-8")),
                separator=sep,
                infer_schema=False,
                quote_char='"',
                encoding="utf8",
            )
        else:
            raise InputError(f"{path}: manifest must be .csv, .tsv or .parquet")
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{path}: manifest not found") from None
    except Exception as exc:  # polars raises many types for malformed files
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: cannot read manifest ({first})") from None
    columns = {c.strip().lower(): c for c in frame.columns}
    missing = [c for c in ("id", "original", "english") if c not in columns]
    if missing:
        raise InputError(f"{path}: manifest lacks column(s) {', '.join(missing)}")
    base = path.parent
    tasks: list[PairTask] = []
    seen: set[str] = set()
    lang_col = columns.get("lang")
    for n, row in enumerate(frame.iter_rows(named=True), start=2):
        pair_id = str(row[columns["id"]] or "").strip()
        if not pair_id:
            raise InputError(f"{path}: row {n} has an empty id")
        if pair_id in seen:
            raise InputError(f"{path}: duplicate id {pair_id!r} (row {n})")
        seen.add(pair_id)
        original = str(row[columns["original"]] or "").strip()
        english = str(row[columns["english"]] or "").strip()
        lang = _norm_lang(row[lang_col] if lang_col else None, f"{path} row {n}")
        tasks.append(
            PairTask(
                id=pair_id,
                original=str(base / original) if original else "",
                english=str(base / english) if english else "",
                lang=lang,
            )
        )
    return tasks


_PAIR_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>ar|fa|en)\.(?P<ext>txt|docx|srt|vtt)$",
                        re.IGNORECASE)
_TEXT_SUFFIXES = (".txt", ".docx", ".srt", ".vtt")
# A document side may be plain text or Word, whatever the other side is; subtitles pair with
# their own kind. With both name.ar.docx and name.ar.txt, the Word file is read (the .txt is
# taken for an export of it) and the .txt is listed as unpaired, saying so.
_DOCUMENT_EXTS = ("docx", "txt")  # in order of preference for one side
_WORD_LOCK = "~$"  # Word's owner file beside an open document: not a document


def scan_directory(path: Path) -> tuple[list[PairTask], list[str]]:
    """Pair `name.ar.txt`/`name.fa.txt` with `name.en.txt` (recursively; each of them may be a
    Word `.docx` instead), and subtitles `name.ar.srt` with `name.en.srt` (or .vtt: read for
    their text); list the rest."""
    by_stem: dict[str, dict[str, list[Path]]] = {}
    other: list[str] = []
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        if file.name.startswith(_WORD_LOCK):
            continue
        match = _PAIR_NAME.match(file.name)
        if not match:
            if file.suffix.lower() in _TEXT_SUFFIXES:
                other.append(str(file))
            continue
        ext = match["ext"].lower()
        group = "" if ext in _DOCUMENT_EXTS else f".{ext}"
        rel_stem = str(file.relative_to(path).parent / match["stem"]) + group
        by_stem.setdefault(rel_stem, {}).setdefault(match["lang"].lower(), []).append(file)
    tasks: list[PairTask] = []
    unpaired = list(other)
    for stem in sorted(by_stem):
        sides: dict[str, Path] = {}
        for lang, files in by_stem[stem].items():
            files.sort(key=_preference)
            sides[lang] = files[0]
            unpaired.extend(str(p) for p in files[1:])
        english = sides.get("en")
        sources = [lang for lang in SOURCE_LANGS if lang in sides]
        if english is None or not sources:
            unpaired.extend(str(p) for p in sides.values())
            continue
        pair_id = stem.replace("\\", "/")
        if len(sources) > 1:  # name.ar.txt and name.fa.txt both against name.en.txt
            for lang in sources:
                tasks.append(
                    PairTask(f"{pair_id}.{lang}", str(sides[lang]), str(english), lang, "name")
                )
        else:
            lang = sources[0]
            tasks.append(PairTask(pair_id, str(sides[lang]), str(english), lang, "name"))
    return tasks, sorted(unpaired)


def _preference(file: Path) -> tuple[int, str]:
    """Which of one side's files is read: a .docx before a .txt, then by name."""
    ext = file.suffix.lower().lstrip(".")
    return (_DOCUMENT_EXTS.index(ext) if ext in _DOCUMENT_EXTS else 0, file.name)


def is_english_name(file: str | Path) -> bool:
    """Whether a folder's file is named as an English side (`name.en.txt`, .docx, .srt, .vtt)."""
    match = _PAIR_NAME.match(Path(file).name)
    return match is not None and match["lang"].lower() == "en"


def unpaired_reason(file: str | Path) -> str:
    """Why a folder's file was left unpaired, in one line, from its name (what
    `scan_directory` pairs by): the partner it lacks, a name that gives no language, or, for
    a .txt, the Word file of its name that is read for its side instead."""
    path = Path(file)
    match = _PAIR_NAME.match(path.name)
    if not match:
        return ("the name gives no language: expected NAME.ar.txt or NAME.fa.txt beside "
                "NAME.en.txt (or .docx/.srt/.vtt)")
    stem, lang, ext = match["stem"], match["lang"], match["ext"]
    if ext.lower() == "txt":
        word = next((p for p in (path.with_name(f"{stem}.{lang}.docx"),
                                 path.with_name(f"{stem}.{lang}.DOCX")) if p.is_file()), None)
        if word is not None:
            return f"{word.name} is read for this side instead (a Word file before a .txt)"
    exts = [ext]
    if ext.lower() in _DOCUMENT_EXTS:  # the partner may be the other kind of document
        exts += [e for e in _DOCUMENT_EXTS if e != ext.lower()]
    wanted = ("ar", "fa") if lang.lower() == "en" else ("en",)
    names = [f"{stem}.{want}.{e}" for e in exts for want in wanted]
    partners = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
    if lang.lower() == "en":
        return f"no original beside it ({partners})"
    return f"no English beside it ({partners})"


def load_inputs(path: str | Path) -> Inputs:
    """A manifest file or a directory; anything else is an `InputError`."""
    path = Path(path)
    if path.is_dir():
        tasks, unpaired = scan_directory(path)
        if not tasks:
            raise InputError(
                f"{path}: no pairs found (expected name.ar.txt or name.fa.txt with name.en.txt, "
                "each of them .txt or .docx, or subtitles name.ar.srt with name.en.srt)"
            )
        return Inputs(tasks, unpaired, "directory", str(path))
    if not path.exists():
        raise InputError(f"{path}: no such manifest or directory")
    tasks = read_manifest(path)
    if not tasks:
        raise InputError(f"{path}: the manifest has no rows")
    return Inputs(tasks, [], "manifest", str(path))
