"""The audit pipeline: read → split → (translate) → embed & align → drift checks → Audit.

This is the one place that knows the order of the steps; every step lives in its own layer
and is passed in (embedder, translator) so that batch runs load models once per worker.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mlalign import __version__
from mlalign.errors import InputError
from mlalign.text.reader import FORMS as INPUT_FORMS
from mlalign.text.split import LONG_SENTENCE_WORDS
from mlalign.types import Audit, Bead, Sentence

ProgressFn = Callable[[str], None]


def _stderr_progress(message: str) -> None:
    print(f"mlalign: {message}", file=sys.stderr, flush=True)


TRANSLATE_CHUNK = 256  # sentences per progress step; the translator batches inside a chunk


def progress_bar(total: int, desc: str, progress: ProgressFn | None) -> Any:
    """Progress on stderr when the run reports there (the CLI), else a no-op."""
    from mlalign.progress import progress_bar as bar

    return bar(total, desc, "sent", enabled=progress is _stderr_progress and total >= 2,
               leave=False)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Persian typed on an Arabic keyboard, or saved through Windows-1256 (which has neither
# letter), writes ي and ك for ی and ک. The models read those as Arabic: on 60 NTREX lines
# so written, the mean bead score fell 0.87 -> 0.81 and a faithful line was flagged as
# replaced (drift 0.13 -> 0.86). Folded for the models only; outputs keep the letters.
_PERSIAN_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def model_text(text: str, lang: str) -> str:
    """An original sentence as the models should read it: presentation forms of letters
    (U+FB50-U+FBFF, U+FE70-U+FEFF) unfolded by NFKC and bidi controls (U+200E/F, U+202A-U+202E, U+2066-U+2069,
    U+061C) dropped; a vocalised sentence without its
    marks (one scored 0.26 against its English, 0.93 without them), and Persian with
    Persian yeh and kaf (legacy keyboards type the Arabic letters). The odd mark of
    unvocalised text stays, as the models and the calibration read it."""
    from mlalign.text.normalize import fold_presentation_forms, is_vocalised, strip_marks

    # Presentation forms (text from old PDFs, ﺍﻟﺴﻼﻡ) as the letters they shape, and no bidi
    # controls: the checks' word lists and the models read plain letters (a faithful
    # "None of the deputies" was flagged as a negation the original lacked).
    text = fold_presentation_forms(text)
    if is_vocalised(text):
        text = strip_marks(text)
    return text.translate(_PERSIAN_LETTERS) if lang == "fa" else text


def split_texts(
    src_text: str, tgt_text: str, src_lang: str, presplit: bool, src_name: str, tgt_name: str,
    src_form: str = "text", tgt_form: str = "text",
) -> tuple[list[Sentence], list[Sentence]]:
    """Sentences of both sides; with `presplit`, line i is sentence i on each side. A form
    is how a side was read (`text.reader.FileText.form`: "docx" is one Word paragraph a line)."""
    from mlalign.text.split import presplit_lines, split_document

    if presplit:
        return (presplit_lines(src_text, src_name, src_form),
                presplit_lines(tgt_text, tgt_name, tgt_form))
    return split_document(src_text, src_lang, src_form), split_document(tgt_text, "en", tgt_form)


def resolve_languages(
    src_text: str, tgt_text: str, src_lang: str, src_name: str, tgt_name: str
) -> str:
    """Check the original is Arabic or Persian (as declared) and the English is English."""
    return decide_languages(src_text, tgt_text, src_lang, src_name, tgt_name)[0]


def decide_languages(
    src_text: str, tgt_text: str, src_lang: str, src_name: str, tgt_name: str
) -> tuple[str, str]:
    """`resolve_languages`, and how the original's language was decided (for provenance)."""
    from mlalign.text.langid import check_english, decide_source_language

    decided = decide_source_language(src_text, src_lang, src_name, other=(tgt_name, tgt_text))
    check_english(tgt_text, tgt_name)
    return decided


def translate_sentences(
    sentences: list[Sentence], translator: Any, progress: ProgressFn | None
) -> list[str]:
    """Machine translation of each original sentence (line for line; empty stays empty)."""
    texts = [s.text for s in sentences]
    if progress:
        progress(f"translating {len(texts)} sentences with {translator.name}")
    out: list[str] = []
    with progress_bar(len(texts), "translate", progress) as bar:
        for start in range(0, len(texts), TRANSLATE_CHUNK):
            chunk = texts[start:start + TRANSLATE_CHUNK]
            out.extend(translator.translate(chunk))
            bar.update(len(chunk))
    if len(out) != len(texts):
        raise InputError(
            f"translator {translator.name} returned {len(out)} lines for {len(texts)} sentences"
        )
    return out


def audit_sentences(
    src: list[Sentence],
    tgt: list[Sentence],
    src_lang: str,
    *,
    mt: list[str] | None = None,
    embedder: Any = None,
    align_config: Any = None,
    drift_config: Any = None,
    translator_signature: dict[str, Any] | None = None,
    progress: ProgressFn | None = None,
    mt_name: str = "the translation",
) -> Audit:
    """Align two sentence lists and run the drift checks; the core of every entry point."""
    from mlalign.align import AlignConfig, align_documents
    from mlalign.align.words import word_aligner_for
    from mlalign.drift import DriftConfig, detect_drift
    from mlalign.embed import default_embedder

    if embedder is None:
        embedder = default_embedder()
    align_config = align_config or AlignConfig()
    drift_config = drift_config or DriftConfig()
    if mt is not None and len(mt) != len(src):
        raise InputError(
            f"{mt_name}: has {len(mt)} lines but the original has {len(src)} sentences; it must "
            "hold one translation per sentence: make it with `mlalign split` then "
            "`mlalign translate --presplit`, or give the original one sentence per line (--presplit)"
        )
    if progress:
        progress(f"aligning {len(src)} original and {len(tgt)} English sentences")
    words = word_aligner_for(embedder) if drift_config.word_alignment else None
    # embedding and word alignment are the slow steps: let their caches draw a bar
    slow = [x for x in (embedder, words) if hasattr(x, "show_progress")]
    bars_before = [x.show_progress for x in slow]
    for x in slow:
        x.show_progress = progress is _stderr_progress
    try:
        result = align_documents(src, tgt, embedder, src_lang, mt=mt, config=align_config)
        if progress:
            progress(f"checking {len(result.beads)} beads for drift")
        detect_drift(result.beads, src_lang, embedder, drift_config, words=words or False)
    finally:
        for x, before in zip(slow, bars_before, strict=True):
            x.show_progress = before
    provenance = {
        "tool": "mlalign",
        "version": __version__,
        "src_lang": src_lang,
        "tgt_lang": "en",
        "embedder": getattr(embedder, "name", type(embedder).__name__),
        "word_encoder": words.name if words is not None else None,
        "omission_encoder": omission_encoder_name() if words is not None else None,
        "calibration": calibration_digest(drift_config.calibration_path),
        "translator": translator_signature,
        "align": align_config.as_dict(),
        "drift": drift_config.as_dict(),
    }
    provenance["signature"] = signature(provenance)
    return Audit(
        beads=result.beads,
        src_sentences=src,
        tgt_sentences=tgt,
        src_lang=src_lang,
        provenance=provenance,
        warnings=list(result.warnings),
    )


def omission_encoder_name() -> str | None:
    """The omission cross-encoder's name with its adapter file's digest, or None when the
    adapter file is missing (the drift checks then go on without it)."""
    from mlalign.embed.e5_cross import OMISSION_ADAPTER, adapter_name

    return adapter_name(OMISSION_ADAPTER) if OMISSION_ADAPTER.is_file() else None


def calibration_digest(path: str | None) -> str:
    """sha1 prefix of the drift calibration file in use ("none" without one)."""
    from mlalign.drift.calibration import CALIBRATION

    p = Path(path) if path else CALIBRATION
    return hashlib.sha1(p.read_bytes()).hexdigest()[:12] if p.is_file() else "none"


def _config(value: Any, which: str) -> Any:
    """An AlignConfig / DriftConfig as given, or made from a dict of its settings."""
    if not isinstance(value, dict):
        return value
    from mlalign.align import AlignConfig
    from mlalign.drift import DriftConfig

    cls = AlignConfig if which == "align" else DriftConfig
    try:
        return cls(**value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{which}_config: {exc}") from None


def mt_label(translator: dict[str, Any]) -> str:
    """What made the translations, in a word: an Argos package and its version
    (`translate-fa_en-1.0`), a file of them (`mt-file`), or none."""
    if not translator:
        return "none"
    if translator.get("id") or translator.get("name"):
        return str(translator.get("id") or translator["name"])
    if translator.get("package"):
        return f"{translator['package']}-{translator.get('version', '?')}"
    return str(translator.get("engine") or "unknown")


def signature(provenance: dict[str, Any]) -> str:
    """A short sacrebleu-style signature: enough to reproduce an audit's settings."""
    mt = mt_label(provenance.get("translator") or {})
    thresholds = provenance.get("drift", {})
    digest = hashlib.sha1(
        repr(sorted((k, repr(v)) for k, v in {**provenance.get("align", {}), **thresholds}.items())).encode()
    ).hexdigest()[:8]
    return (
        f"mlalign:{provenance['version']}|src:{provenance['src_lang']}|tgt:en"
        f"|emb:{provenance['embedder']}|words:{provenance.get('word_encoder') or 'none'}"
        f"|xenc:{provenance.get('omission_encoder') or 'none'}"
        f"|mt:{mt}|cfg:{digest}|cal:{provenance.get('calibration', 'none')}"
    )


def audit_texts(
    src_text: str,
    tgt_text: str,
    *,
    src_lang: str = "auto",
    presplit: bool = False,
    mt: list[str] | None = None,
    translator: Any = None,
    embedder: Any = None,
    align_config: Any = None,
    drift_config: Any = None,
    progress: bool | ProgressFn = False,
    src_name: str = "original",
    tgt_name: str = "english",
    mt_name: str = "the translation",
    src_lang_by: str | None = None,
    src_form: str = "text",
    tgt_form: str = "text",
) -> Audit:
    """Audit an original (Arabic or Persian) against its English version, given as texts.

    `mt` gives translations of the original's sentences made elsewhere (one per sentence);
    `translator` (a `mlalign.translate.Translator`) makes them here. Neither: no MT is used.
    The configs may be given as dicts of their settings. `src_lang_by` is how a caller that
    settled `src_lang` itself did it (`langid.decide_source_language`), for the provenance.
    `src_form` / `tgt_form` say how a file was read (`text.reader.FileText.form`): "docx"
    when the text is a Word document's paragraphs, one a line, each a paragraph.
    """
    for name, form in ((src_name, src_form), (tgt_name, tgt_form)):
        if form not in INPUT_FORMS:
            raise InputError(f"{name}: form must be one of {', '.join(INPUT_FORMS)}, got {form!r}")
    for name, text in ((src_name, src_text), (tgt_name, tgt_text)):
        if not isinstance(text, str):
            raise InputError(f"{name}: audit_texts takes the text as str, got {type(text).__name__}; "
                             "to read files use audit_files (or align with Path arguments)")
        if not text.strip():
            raise InputError(f"{name}: is empty; nothing to align")
    align_config, drift_config = _config(align_config, "align"), _config(drift_config, "drift")
    report = _stderr_progress if progress is True else (progress or None)
    started = time.perf_counter()
    lang, lang_by = decide_languages(src_text, tgt_text, src_lang, src_name, tgt_name)
    lang_by = src_lang_by or lang_by
    src, tgt = split_texts(src_text, tgt_text, lang, presplit, src_name, tgt_name, src_form, tgt_form)
    if not any(s.text.strip() for s in src):
        raise InputError(f"{src_name}: no sentences found")
    if not any(s.text.strip() for s in tgt):
        raise InputError(f"{tgt_name}: no sentences found")
    translator_signature = None
    as_read, tgt_as_read = src, tgt
    src = [Sentence(model_text(s.text, lang), s.paragraph) for s in src]
    from mlalign.align.recut import recut_overfull, unpaired_words
    from mlalign.text.normalize import fold_presentation_forms

    tgt = [Sentence(fold_presentation_forms(s.text), s.paragraph) for s in tgt]
    mt_given = mt is not None
    if mt is None and translator is not None:
        mt = translate_sentences(src, translator, report)
        translator_signature = translator.signature()
    elif mt is not None:
        translator_signature = {"name": "mt-file", "lines": len(mt)}

    def audit_of(src: list[Sentence], mt: list[str] | None) -> Audit:
        return audit_sentences(src, tgt, lang, mt=mt, embedder=embedder, align_config=align_config,
                               drift_config=drift_config, translator_signature=translator_signature,
                               progress=report, mt_name=mt_name)

    audit = audit_of(src, mt)
    cuts: list[dict[str, object]] = []
    # An MT file holds a line per sentence as split, and --presplit's lines are the user's.
    if not presplit and not mt_given and audit.provenance["align"]["recut_overfull"]:
        for _ in range(2):  # a piece may itself be overfull once the rest has paired
            recut = recut_overfull(audit.beads, as_read, lang, audit.provenance["align"]["max_bead"])
            if recut is None:
                break
            new_src = [Sentence(model_text(s.text, lang), s.paragraph) for s in recut.src]
            new_mt = translate_sentences(new_src, translator, report) if mt is not None else None
            again = audit_of(new_src, new_mt)
            if unpaired_words(again.beads) >= unpaired_words(audit.beads):
                break
            audit, src, mt, as_read = again, new_src, new_mt, recut.src
            audit.warnings.extend(recut.notes)
            cuts.extend(recut.cuts)
    if any(a.text != b.text for a, b in zip(as_read, src, strict=True)):
        # the models read the folded letters; outputs show the original as written
        audit.src_sentences = as_read
        for bead in audit.beads:
            bead.src = " ".join(as_read[i].text for i in bead.src_ids)
    if any(a.text != b.text for a, b in zip(tgt_as_read, tgt, strict=True)):
        audit.tgt_sentences = tgt_as_read  # bidi marks pasted into the English, as written
        for bead in audit.beads:
            bead.tgt = " ".join(tgt_as_read[i].text for i in bead.tgt_ids)
    from mlalign.text.subtitles import subtitle_format

    def form_read(text: str, form: str) -> str:
        if form == "docx":
            return form
        return "lines" if presplit else subtitle_format(text) or "text"

    audit.provenance["inputs"] = {
        # language_by: "detected", "declared", or on a tie "file name" / "letters"
        # form: "srt"/"vtt" when read as subtitles (cue numbers and timings dropped); "docx"
        # for a Word document (its paragraphs; with presplit too, which says so itself)
        "original": {"name": src_name, "text_sha256": _sha256(src_text), "sentences": len(src),
                     "language_by": lang_by, "form": form_read(src_text, src_form)},
        "english": {"name": tgt_name, "text_sha256": _sha256(tgt_text), "sentences": len(tgt),
                    "form": form_read(tgt_text, tgt_form)},
        "presplit": presplit,
        # run-ons longer than this were cut into pieces (text.split.cut_long_sentence)
        "long_sentence_words": None if presplit else LONG_SENTENCE_WORDS,
        # original sentences cut at their clauses where the English renders them in more
        # sentences than a bead holds (align.recut); indices before the cut
        "cut_to_fit": cuts,
    }
    audit.provenance["seconds"] = round(time.perf_counter() - started, 3)
    return audit


def audit_files(
    original: str | Path,
    english: str | Path,
    *,
    mt_file: str | Path | None = None,
    **kwargs: Any,
) -> Audit:
    """Audit two files (any supported encoding); see `audit_texts` for the options."""
    from mlalign.text.reader import read_file_text
    from mlalign.translate.filemt import MT_FILE_ROLE

    src_file = read_file_text(original)
    tgt_file = read_file_text(english)
    mt = kwargs.pop("mt", None)
    mt_read = None
    if mt_file is not None:
        mt_read = read_file_text(mt_file, plain_only_for=MT_FILE_ROLE)
        mt = mt_lines(mt_read.text)
    audit = audit_texts(
        src_file.text,
        tgt_file.text,
        mt=mt,
        src_form=src_file.form,
        tgt_form=tgt_file.form,
        src_name=str(original),
        tgt_name=str(english),
        mt_name=str(mt_file) if mt_file is not None else "the translation",
        **kwargs,
    )
    record_files(audit, src_file, tgt_file, mt_read)
    return audit


def mt_lines(text: str) -> list[str]:
    """An MT file's lines, one translation per sentence (a final newline ends the last)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def record_files(audit: Audit, original: Any, english: Any, mt_file: Any = None) -> None:
    """Add to the provenance how each input file was read (`text.reader.FileText`): its
    absolute path, the sha256 of its bytes (what `sha256sum` prints) and the encoding; an MT
    file's record replaces the translator's."""
    for side, read in (("original", original), ("english", english)):
        audit.provenance["inputs"][side].update(path=read.path, sha256=read.sha256, encoding=read.encoding)
    if mt_file is not None:
        audit.provenance["translator"] = {
            "name": "mt-file", "path": mt_file.path, "sha256": mt_file.sha256,
            "encoding": mt_file.encoding, "lines": len(mt_lines(mt_file.text))}


def align(original: str | Path, english: str | Path, **kwargs: Any) -> list[Bead]:
    """Align and audit; `Path` arguments are read as files, `str` arguments are texts.

    Returns the beads in document order (see `Bead`); use `audit_texts` / `audit_files`
    for the full `Audit` with sentences, provenance and warnings.
    """
    if isinstance(original, Path) and isinstance(english, Path):
        return audit_files(original, english, **kwargs).beads
    if isinstance(original, Path) or isinstance(english, Path):
        raise TypeError("pass both sides as Path (files) or both as str (texts)")
    for given in (original, english):
        if isinstance(given, str) and "\n" not in given and len(given) < 4096 and os.path.isfile(given):
            raise InputError(f"{given!r} is a file name; pass Path({given!r}) to read the file "
                             "(a str is taken as the text itself)")
    return audit_texts(original, english, **kwargs).beads
