"""`build_corpus`: audit many document pairs on an engine, resumably, into one clean corpus.

Order of work: read the input list → skip pairs whose result file is valid and whose input
and settings hash matches → run the rest on the engine, writing each result file as soon
as it arrives → assemble `corpus.parquet` (and TMX/Moses) through the quality filters →
write the summary and the provenance files. A crash or Ctrl-C loses at most the pairs in
flight; the next run picks up from the files on disk. A build holds OUT (a second build
into it stops), clears the temporary files a killed build left there, and renames its
outputs into place together once all are written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from mlalign import __version__
from mlalign.corpus.engine import Engine, available_cores, make_engine, threads_per_worker
from mlalign.corpus.filters import FILTERS, CorpusFilter, FilterConfig
from mlalign.corpus.inputs import Inputs, PairTask, is_english_name, load_inputs, unpaired_reason
from mlalign.corpus.store import (
    BEAD_SCHEMA,
    pair_path,
    read_pair_info,
    read_pair_table,
    result_from_info,
    write_pair,
)
from mlalign.corpus.worker import TRANSLATOR_FN, PairResult, Settings, pair_hash
from mlalign.corpus.writers import CorpusWriter, MosesWriter, TmxWriter
from mlalign.errors import InputError, Terminated
from mlalign.fsutil import atomic_group, atomic_path, atomic_write_text
from mlalign.io.base import flat_provenance, provenance_json
from mlalign.types import Audit

FORMATS = ("parquet", "tmx", "moses")
# names of the files a build writes in OUT (besides run.json and manifest.json): the only
# ones a later build may delete as stale
OUTPUT_NAME = re.compile(r"corpus\.(parquet|tmx)|corpus\.[a-z]+-en\.[a-z]+|summary\.(parquet|tsv)")
RECORD_NAMES = ("run.json", "manifest.json")  # written by every build, never deleted
# the hidden temporary file `atomic_path` writes beside an output before renaming it
PART_NAME = re.compile(r"\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.part")
WARNING_JOIN = " | "  # between a pair's warnings in summary.tsv and on stderr

SUMMARY_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("status", pa.string()),
        pa.field("error", pa.string()),
        pa.field("warnings", pa.string()),
        pa.field("src_lang", pa.string()),
        pa.field("src_sentences", pa.int32()),
        pa.field("tgt_sentences", pa.int32()),
        pa.field("beads", pa.int32()),
        pa.field("beads_kept", pa.int32()),
        # beads left out because align warned the pair "mostly unaligned" (filter unaligned_pair)
        pa.field("removed_unaligned_pair", pa.int32()),
        pa.field("flagged_share", pa.float64()),
        pa.field("seconds", pa.float64()),
        pa.field("resumed", pa.bool_()),
        pa.field("original", pa.string()),
        pa.field("english", pa.string()),
    ]
)


@dataclass
class BuildReport:
    """What a build did; `exit_code` is 0 when at least one pair made it into the corpus."""

    out_dir: Path
    pairs: int = 0
    ok: int = 0
    failed: int = 0
    resumed: int = 0
    computed: int = 0
    sentences: int = 0  # original-side sentences audited in this run (not resumed ones)
    beads_in: int = 0
    beads_kept: int = 0
    removed: dict[str, int] = field(default_factory=dict)
    dropped_pairs: dict[str, int] = field(default_factory=dict)  # pair id -> beads left out
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, list[str]]] = field(default_factory=list)
    removed_outputs: list[str] = field(default_factory=list)
    unpaired: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    audit_seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 0 if self.ok > 0 else 1

    def text(self) -> str:
        """The closing summary paragraph printed by the CLI."""
        removed = ", ".join(f"{k} {v}" for k, v in self.removed.items()) or "none"
        rate = f"{self.sentences / self.audit_seconds:.1f}" if self.audit_seconds > 0 else "-"
        lines = [
            f"corpus: {self.ok}/{self.pairs} pairs ok ({self.resumed} resumed, "
            f"{self.computed} computed), {self.failed} failed; "
            f"{self.beads_kept}/{self.beads_in} beads kept; removed: {removed}; "
            f"{self.seconds:.1f} s ({rate} sentences/s) → {self.out_dir}"
        ]
        for pair_id, error in self.failures:
            lines.append(f"  failed {pair_id}: {error}")
        if self.unpaired:
            lines.append(f"  {len(self.unpaired)} unpaired file(s), e.g. {self.unpaired[0]}")
        return "\n".join(lines)


def interrupted_message(
    results: dict[str, PairResult], pairs_dir: Path, how: str = "interrupted"
) -> str:
    """What an interrupted (or terminated) build leaves: the pairs stored for the rerun to
    reuse; pairs that failed are stored nowhere (the rerun tries them again), so they are
    counted apart."""
    failed = sum(1 for r in results.values() if r.status == "error")
    kept = len(results) - failed
    also = f" ({failed} failed, retried on the rerun)" if failed else ""
    return f"mlalign: {how}; {kept} pair result(s) kept in {pairs_dir}{also}, rerun to resume"


def unusable_input(path: str, role: str) -> str:
    """Why a pair's file cannot be read, in one line: a folder or a device named in a
    manifest was reported as "not found" though it is there."""
    if not path:
        return f"{role} path is empty"
    if Path(path).is_dir():
        return f"{path}: the {role} is a folder, not a file"
    if Path(path).exists():
        return f"{path}: the {role} is not a regular file (a device or pipe?)"
    return f"{path}: {role} file not found"


def _plan(
    inputs: Inputs, settings: Settings, pairs_dir: Path
) -> tuple[dict[str, PairResult], list[PairTask], dict[str, str]]:
    """Split tasks into reusable results, pairs that fail before running, and pairs to run."""
    done: dict[str, PairResult] = {}
    todo: list[PairTask] = []
    hashes: dict[str, str] = {}
    for task in inputs.tasks:
        missing = [
            (role, path)
            for role, path in (("original", task.original), ("english", task.english))
            if not path or not Path(path).is_file()
        ]
        if missing:
            role, path = missing[0]
            error = unusable_input(path, role)
            done[task.id] = PairResult(id=task.id, status="error", error=error)
            continue
        digest = pair_hash(task, settings)
        hashes[task.id] = digest
        stored = read_pair_info(pair_path(pairs_dir, task.safe_id))
        if stored is not None and stored[0] == digest and stored[1].get("id") == task.id:
            done[task.id] = result_from_info(stored[1])
        else:
            todo.append(task)
    # biggest pairs first (longest-processing-time order): no worker is left with one long
    # document at the end while the others idle; the corpus keeps input order regardless
    todo.sort(key=lambda t: -(Path(t.original).stat().st_size + Path(t.english).stat().st_size))
    return done, todo, hashes


def _run_engine(
    engine: Engine,
    todo: list[PairTask],
    settings: Settings,
    pairs_dir: Path,
    hashes: dict[str, str],
    results: dict[str, PairResult],
    total: int,
    quiet: bool,
    report: BuildReport,
) -> None:
    """Stream results from the engine, write each pair file at once, tick the progress bar."""
    from mlalign.progress import keep_alive, progress_bar

    by_id = {t.id: t for t in todo}
    started = time.perf_counter()
    bar = progress_bar(
        total, "corpus", "pair", enabled=not quiet, initial=total - len(todo), dynamic_ncols=True
    )
    try:
        # the bar ticks (and a log gets a line) while a long pair runs, not only between pairs
        with keep_alive(bar):
            for result in engine.map_pairs(todo, settings):
                task = by_id[result.id]
                path = pair_path(pairs_dir, task.safe_id)
                if result.status == "ok":
                    write_pair(path, result, hashes[task.id])
                    report.sentences += result.src_sentences
                else:
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()  # a stale result for inputs that now fail must not be reused
                result.columns = None  # written; don't keep the beads in memory
                results[result.id] = result
                report.computed += 1
                elapsed = time.perf_counter() - started
                bar.set_postfix_str(f"{report.sentences / elapsed:.1f} sent/s" if elapsed else "")
                bar.update(1)
    finally:
        bar.close()
        report.audit_seconds = time.perf_counter() - started


def _assemble(
    tasks: Iterable[PairTask],
    results: dict[str, PairResult],
    pairs_dir: Path,
    out_dir: Path,
    formats: list[str],
    filt: CorpusFilter,
    srclang: str,
    provenance: dict[str, Any],
) -> tuple[dict[str, int], dict[str, int], list[Path]]:
    """Filter every ok pair's beads in input order into corpus.parquet (+ TMX/Moses).

    Returns the beads kept per pair and, per pair left out whole, how many beads it had.
    A pair align warned "mostly unaligned" (its files look like different texts) is left
    out whole by default (filter `unaligned_pair`): its beads score low and drift high, yet
    many pass the bead filters at their defaults (no --min-score, no --max-drift). The
    warning and the count in summary.tsv and run.json say so; --keep-unaligned-pairs sends
    such a pair through the bead filters like any other (a translation with a long extra
    appendix can still give good beads).
    """
    kept_per_pair: dict[str, int] = {}
    dropped: dict[str, int] = {}
    corpus_path = out_dir / "corpus.parquet"
    extra: list[CorpusWriter] = []
    outputs: list[Path] = []
    # the same record as `mlalign align` writes: JSON in the Parquet metadata, TMX header props
    record = Audit([], [], [], srclang, provenance=provenance)
    schema = BEAD_SCHEMA.with_metadata(
        {
            b"mlalign.provenance": provenance_json(record).encode("utf-8"),
            b"mlalign.src_lang": srclang.encode(),
        }
    )
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(atomic_path(corpus_path))
        writer = pq.ParquetWriter(tmp, schema, compression="zstd")
        try:
            if "tmx" in formats:
                extra.append(
                    TmxWriter(
                        out_dir / "corpus.tmx", srclang=srclang, provenance=flat_provenance(record)
                    )
                )
            if "moses" in formats:
                extra.append(MosesWriter(out_dir, "corpus"))
            for task in tasks:
                result = results.get(task.id)
                if result is None or result.status == "error":
                    continue
                table = read_pair_table(pair_path(pairs_dir, task.safe_id))
                rows = table.to_pylist()
                if filt.drops_pair(result.warnings):
                    dropped[task.id] = len(rows)
                mask = filt.keep_mask(rows, result.warnings)
                kept_rows = [row for row, keep in zip(rows, mask, strict=True) if keep]
                kept_per_pair[task.id] = len(kept_rows)
                if kept_rows:
                    writer.write_table(pa.Table.from_pylist(kept_rows, schema=BEAD_SCHEMA))
                    for w in extra:
                        w.write(kept_rows)
        except BaseException:
            writer.close()
            for w in extra:
                w.abort()
            raise
        writer.close()
        outputs.append(corpus_path)
        for w in extra:
            outputs.extend(w.close())
    return kept_per_pair, dropped, outputs


def unpaired_rows(inputs: Inputs) -> list[dict[str, Any]]:
    """summary rows (status `unpaired`, the reason as the error) for the files of a folder
    input that found no partner, after the pairs: archivists look for what went wrong in
    summary.tsv, and these were only on stderr and in run.json. The id is the file's path
    in the input folder; the file stands in the column of its role (an English file under
    `english`, any other under `original`)."""
    rows = []
    for file in inputs.unpaired:
        path = Path(file)
        try:
            name = path.relative_to(inputs.path).as_posix()
        except ValueError:
            name = path.name
        english = is_english_name(path)
        rows.append(
            {
                "id": name,
                "status": "unpaired",
                "error": unpaired_reason(path),
                "warnings": None,
                "src_lang": "",
                "src_sentences": 0,
                "tgt_sentences": 0,
                "beads": 0,
                "beads_kept": 0,
                "removed_unaligned_pair": 0,
                "flagged_share": 0.0,
                "seconds": 0.0,
                "resumed": False,
                "original": "" if english else file,
                "english": file if english else "",
            }
        )
    return rows


def _write_summary(
    tasks: list[PairTask],
    results: dict[str, PairResult],
    kept: dict[str, int],
    dropped: dict[str, int],
    out_dir: Path,
    unpaired: list[dict[str, Any]] | None = None,
) -> list[Path]:
    """summary.parquet and summary.tsv: a row per pair in input order (status ok or
    error), then a row per unpaired file of a folder input (status unpaired)."""
    rows = []
    for task in tasks:
        r = results.get(task.id) or PairResult(id=task.id, status="error", error="not run")
        rows.append(
            {
                "id": task.id,
                "status": "error" if r.status == "error" else "ok",
                "error": r.error,
                "warnings": WARNING_JOIN.join(r.warnings) or None,
                "src_lang": r.src_lang,
                "src_sentences": r.src_sentences,
                "tgt_sentences": r.tgt_sentences,
                "beads": r.beads,
                "beads_kept": kept.get(task.id, 0),
                "removed_unaligned_pair": dropped.get(task.id, 0),
                "flagged_share": r.flagged_share,
                "seconds": r.seconds,
                "resumed": r.status == "skipped",
                "original": task.original,
                "english": task.english,
            }
        )
    rows.extend(unpaired or [])
    table = pa.Table.from_pylist(rows, schema=SUMMARY_SCHEMA)
    parquet_path, tsv_path = out_dir / "summary.parquet", out_dir / "summary.tsv"
    with atomic_path(parquet_path) as tmp:
        pq.write_table(table, tmp)
    header = SUMMARY_SCHEMA.names

    def cell(value: Any) -> str:
        return " ".join(str(value).split()) if value is not None else ""

    lines = ["\t".join(header)] + ["\t".join(cell(row[c]) for c in header) for row in rows]
    atomic_write_text(tsv_path, "\n".join(lines) + "\n")
    return [parquet_path, tsv_path]


def merge_provenance(results: Iterable[PairResult]) -> list[dict[str, Any]]:
    """Distinct audit provenances (minus per-pair inputs and timing), with how many pairs each."""
    groups: dict[str, dict[str, Any]] = {}
    for r in results:
        if r.status == "error" or not r.provenance:
            continue
        prov = {k: v for k, v in r.provenance.items() if k not in ("inputs", "seconds")}
        key = json.dumps(prov, sort_keys=True, default=str)
        entry = groups.setdefault(key, {"pairs": 0, **prov})
        entry["pairs"] += 1
    return sorted(groups.values(), key=lambda e: -e["pairs"])


def corpus_provenance(
    settings: Settings, filters: FilterConfig, results: dict[str, PairResult]
) -> dict[str, Any]:
    """How the corpus was made, in the terms `mlalign align` records one audit in (tool
    version, settings signature, models, thresholds) plus the corpus filters, so an audit of
    corpus.parquet or corpus.tmx alone can be reproduced."""
    audits = merge_provenance(results.values())
    fingerprint = settings.fingerprint()
    return {
        "tool": "mlalign",
        "version": __version__,
        "command": "corpus build",
        # one signature per source language (each audit signs its own)
        "signature": ", ".join(sorted({str(a["signature"]) for a in audits if a.get("signature")})),
        "models": fingerprint["models"],
        "embedder": sorted({str(a.get("embedder")) for a in audits}),
        "settings": fingerprint,
        "filters": filters.as_dict(),
        "filter_order": list(FILTERS),
        "audits": audits,
    }


def check_output_folder(out: Path) -> None:
    """OUT, or its nearest existing parent, must be a folder: mkdir's "Not a directory" on
    OUT/pairs does not say which part is wrong. A link to a folder not made yet is followed
    (`make_output_folder` creates the folder it names), so its target is checked instead."""
    for path in (out, *out.parents):
        if path.is_symlink() and not path.exists():
            target = Path(os.path.realpath(path))
            if target.is_symlink():
                raise InputError(f"{path} is a link that loops or leads nowhere")
            check_output_folder(target)
            return
        if path.is_symlink() or path.exists():
            if not path.is_dir():
                raise InputError(f"{path} exists and is not a folder")
            return


def make_output_folder(out: Path) -> None:
    """Create OUT and OUT/pairs; where OUT (or a folder above it) is a link to a folder
    that does not exist yet, the folder the link names is created."""
    Path(os.path.realpath(out)).mkdir(parents=True, exist_ok=True)
    (out / "pairs").mkdir(exist_ok=True)


def check_inputs_are_not_outputs(out: Path, inputs: Inputs) -> None:
    """Refuse a build that would overwrite or delete its own input: a manifest (or a pair's
    file) that is one of the files the build writes in OUT (summary.tsv, corpus.*, run.json,
    manifest.json, pairs/ID.parquet) or may delete as stale, by its path or through a link
    (the same file as os.path.samefile sees it: same device and inode). Without this,
    `corpus build OUT/summary.tsv -o OUT` replaced its manifest, and the next run failed."""
    out_real = Path(os.path.realpath(out))
    pair_names = {f"{t.safe_id}.parquet" for t in inputs.tasks}

    def written_here(real: Path) -> bool:
        if real.parent == out_real:
            return real.name in RECORD_NAMES or OUTPUT_NAME.fullmatch(real.name) is not None
        return real.parent == out_real / "pairs" and real.name in pair_names

    outputs: dict[tuple[int, int], Path] = {}  # (device, inode) of what is in OUT now
    if out_real.is_dir():
        candidates = [p for p in out_real.iterdir() if written_here(p)]
        candidates += [out_real / "pairs" / name for name in pair_names]
        for path in candidates:
            with contextlib.suppress(OSError):
                st = path.stat()  # through a link: OUT/summary.tsv -> ../pairs.tsv counts
                outputs[(st.st_dev, st.st_ino)] = out / path.relative_to(out_real)
    given = [("the manifest", Path(inputs.path))] if inputs.kind == "manifest" else []
    for task in inputs.tasks:
        given += [
            (f"the {role} of pair {task.id}", Path(path))
            for role, path in (("original", task.original), ("english", task.english))
            if path
        ]
    for what, path in given:
        real = Path(os.path.realpath(path))
        try:
            st = path.stat()
        except OSError:
            continue  # a missing pair file fails as its own pair
        if written_here(real):
            hit: Path | None = out / real.relative_to(out_real)
        else:
            hit = outputs.get((st.st_dev, st.st_ino))
        if hit is None:
            continue
        if os.path.abspath(path) == os.path.abspath(hit):
            where = f"is one of the files this build writes or removes in {out}"
        else:
            where = f"is the same file as {hit}, which this build writes or removes"
        raise InputError(f"{path}: {what} {where}; move it out of {out} or choose another -o")


def check_translation_models(todo: list[PairTask], settings: Settings) -> None:
    """With `--translator argos` each pair needs its language's Argos package: check once,
    before any pair runs, with the error `mlalign align` gives (ModelError, exit 3), instead
    of running every pair into the same failure. A plugged-in loader is left to itself."""
    if settings.translator != "argos" or settings.translator_fn != TRANSLATOR_FN:
        return
    from mlalign.errors import MlalignError, ModelError
    from mlalign.text.langid import detect_language
    from mlalign.text.reader import read_text
    from mlalign.translate import find_package

    needed: dict[str, list[str]] = {}
    for task in todo:
        lang = task.lang if task.lang != "auto" else settings.src_lang
        if lang == "auto":
            try:
                lang = detect_language(read_text(task.original))
            except (MlalignError, OSError):
                continue  # an unreadable file fails as its own pair
        if lang in ("ar", "fa"):
            needed.setdefault(lang, []).append(task.id)
    for lang, pair_ids in sorted(needed.items()):
        try:
            find_package(lang, "en")
        except ModelError as exc:
            more = f" and {len(pair_ids) - 1} more" if len(pair_ids) > 1 else ""
            raise ModelError(f"{exc} (--translator argos; needed by {pair_ids[0]}{more})") from None


def stale_outputs(out: Path, written: list[Path]) -> list[str]:
    """What an earlier build listed in OUT/manifest.json and this one did not write (a
    corpus.tmx left beside a newer corpus.parquet would pass for the same corpus). Only
    plain file names of the kinds a build writes are listed, so an edited or foreign
    manifest cannot make `remove_outputs` delete anything else."""
    try:
        listed = json.loads((out / "manifest.json").read_text("utf-8"))["outputs"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    if not isinstance(listed, list):
        return []
    written_names = {str(p.relative_to(out)) for p in written}
    stale: list[str] = []
    for name in listed:
        if not isinstance(name, str) or name in written_names or not OUTPUT_NAME.fullmatch(name):
            continue
        path = out / name
        if path.is_file() and not path.is_symlink():
            stale.append(name)
    return stale


def remove_outputs(out: Path, names: list[str]) -> list[str]:
    """Delete the stale outputs `stale_outputs` listed; returns the names removed."""
    removed: list[str] = []
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            (out / name).unlink()
            removed.append(name)
    return removed


@contextlib.contextmanager
def locked_output_folder(out: Path) -> Iterator[None]:
    """Hold OUT for this build: a second build into the same folder would recompute the
    first one's pairs, replace its outputs part-way and (now that leftover temporary files
    are cleared) delete the files it is writing, so it stops at once instead. The lock is
    the folder's own (flock on it, no lock file among the outputs), released when the build
    ends, however it ends (kill -9 included). Where flock is missing, nothing is locked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(
                f"{out}: another corpus build is writing into this folder; wait for it to "
                "finish or choose another -o"
            ) from None
        except OSError:  # a file system without locks: build as before
            pass
        yield
    finally:
        os.close(fd)


def remove_leftover_parts(out: Path) -> list[str]:
    """Delete the hidden temporary files (`.corpus.tmx.k3x9q2ab.part`) that a build killed
    with SIGKILL, or by a power cut, left in OUT and OUT/pairs: no later build renames or
    reuses them, and a corpus's can be as big as the corpus. Only temporaries of the files
    a build writes are touched, and only while this build holds OUT's lock."""
    removed: list[str] = []
    for folder, is_ours in (
        (out, lambda name: name in RECORD_NAMES or OUTPUT_NAME.fullmatch(name) is not None),
        (out / "pairs", lambda name: name.endswith(".parquet")),
    ):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            match = PART_NAME.fullmatch(path.name)
            if match and is_ours(match["name"]) and path.is_file() and not path.is_symlink():
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed.append(str(path.relative_to(out)))
    return sorted(removed)


def corpus_drift_config() -> Any:
    """Drift settings for corpus builds: as for one audit, but without the word alignment,
    which makes a cold build 1.6x slower (scripts/bench_corpus.py) and matters most for
    partial omissions, which a translator auditing one text needs more than a corpus filter.
    `--set drift.word_alignment=true` turns it on; the drift calibration has models for both."""
    from mlalign.drift import DriftConfig

    return DriftConfig(word_alignment=False)


def build_corpus(
    input_path: str | Path,
    out_dir: str | Path,
    *,
    engine: str | Engine = "local",
    workers: int = 1,
    address: str | None = None,
    formats: Iterable[str] = ("parquet",),
    filters: FilterConfig | None = None,
    src_lang: str = "auto",
    presplit: bool = False,
    translator: str = "none",
    align_config: Any = None,
    drift_config: Any = None,
    cache_dir: str | None = None,
    quiet: bool = True,
    echo: Callable[[str], None] | None = None,
    settings: Settings | None = None,
) -> BuildReport:
    """Audit every pair of a manifest or directory and assemble one filtered parallel corpus.

    `settings` overrides the audit settings wholesale (tests use it to plug in fakes);
    otherwise they are made from `src_lang`, `presplit`, `translator` and the configs.
    """
    started = time.perf_counter()
    fmts = list(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown:
        raise InputError(
            f"unknown corpus format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}"
        )
    if src_lang not in ("auto", "ar", "fa"):
        raise InputError(f"--src-lang must be auto, ar or fa, got {src_lang!r}")
    filters = filters or FilterConfig()
    out = Path(out_dir)
    check_output_folder(out)
    inputs = load_inputs(input_path)
    check_inputs_are_not_outputs(out, inputs)
    eng = make_engine(engine, workers, address) if isinstance(engine, str) else engine
    if settings is None:
        settings = Settings(
            src_lang=src_lang,
            presplit=presplit,
            translator=translator,
            align_config=align_config,
            drift_config=drift_config if drift_config is not None else corpus_drift_config(),
            cache_dir=cache_dir,
            threads=threads_per_worker(eng.workers),
        )
    pairs_dir = out / "pairs"
    report = BuildReport(out_dir=out, pairs=len(inputs.tasks), unpaired=list(inputs.unpaired))

    results, todo, hashes = _plan(inputs, settings, pairs_dir)
    check_translation_models(todo, settings)
    make_output_folder(out)
    with locked_output_folder(out):
        return _build_locked(
            _BuildRun(
                input_path,
                out,
                inputs,
                eng,
                settings,
                filters,
                fmts,
                pairs_dir,
                report,
                results,
                todo,
                hashes,
                started,
                quiet,
                echo,
            )
        )


@dataclass
class _BuildRun:
    """What one build works with once OUT is locked: its inputs, engine, settings and
    filters, and the results gathered so far."""

    input_path: str | Path
    out: Path
    inputs: Inputs
    eng: Engine
    settings: Settings
    filters: FilterConfig
    fmts: list[str]
    pairs_dir: Path
    report: BuildReport
    results: dict[str, PairResult]
    todo: list[PairTask]
    hashes: dict[str, str]
    started: float
    quiet: bool
    echo: Callable[[str], None] | None


def _build_locked(run: _BuildRun) -> BuildReport:
    """The build proper, while this process holds OUT's lock."""
    leftovers = remove_leftover_parts(run.out)
    if leftovers and run.echo:
        run.echo(
            f"mlalign: note: removed {len(leftovers)} temporary file(s) an interrupted build "
            f"left in {run.out}"
        )
    run.report.resumed = sum(1 for r in run.results.values() if r.status == "skipped")
    try:
        _run_engine(
            run.eng,
            run.todo,
            run.settings,
            run.pairs_dir,
            run.hashes,
            run.results,
            len(run.inputs.tasks),
            run.quiet,
            run.report,
        )
    except KeyboardInterrupt as exc:
        if run.echo:
            if isinstance(exc, Terminated):  # SIGTERM: this line is the CLI's only one
                run.echo(interrupted_message(run.results, run.pairs_dir, "terminated"))
                exc.reported = True
            else:
                run.echo(interrupted_message(run.results, run.pairs_dir))
        raise

    langs = sorted({r.src_lang for r in run.results.values() if r.status != "error" and r.src_lang})
    filt = CorpusFilter(run.filters)
    provenance = corpus_provenance(run.settings, run.filters, run.results)
    # every output of this build lands together when all are written (or none does, after a
    # failure or Ctrl-C part-way); stale outputs of an earlier build go only after that
    with atomic_group():
        stale = _finish_outputs(run, langs, filt, provenance)
    run.report.removed_outputs = remove_outputs(run.out, stale)
    if run.echo:
        if run.report.removed_outputs:
            run.echo(
                "mlalign: note: removed output(s) of an earlier run that this run does not "
                f"write: {', '.join(run.report.removed_outputs)}"
            )
        for pair_id, warnings in run.report.warnings:
            left_out = run.report.dropped_pairs.get(pair_id)
            note = (
                f" (its {left_out} bead{'s are' if left_out > 1 else ' is'} left out of the "
                "corpus; --keep-unaligned-pairs keeps them)"
                if left_out
                else ""
            )
            run.echo(f"mlalign: warning: {pair_id}: {WARNING_JOIN.join(warnings)}{note}")
        run.echo(run.report.text())
    return run.report


def _finish_outputs(
    run: _BuildRun, langs: list[str], filt: CorpusFilter, provenance: dict[str, Any]
) -> list[str]:
    """Write the corpus, the summary and the records (inside the caller's atomic group);
    returns the earlier build's outputs to remove once these are in place."""
    kept, dropped, outputs = _assemble(
        run.inputs.tasks,
        run.results,
        run.pairs_dir,
        run.out,
        run.fmts,
        filt,
        langs[0] if len(langs) == 1 else "*all*",
        provenance,
    )
    outputs += _write_summary(
        run.inputs.tasks, run.results, kept, dropped, run.out, unpaired_rows(run.inputs)
    )
    run.report.dropped_pairs = dropped
    stale = stale_outputs(run.out, outputs)

    run.report.ok = sum(1 for r in run.results.values() if r.status != "error")
    run.report.failed = run.report.pairs - run.report.ok
    run.report.failures = [
        (t.id, run.results[t.id].error)
        for t in run.inputs.tasks
        if run.results[t.id].status == "error"
    ]
    run.report.warnings = [
        (t.id, list(run.results[t.id].warnings))
        for t in run.inputs.tasks
        if run.results[t.id].warnings
    ]
    run.report.beads_in, run.report.beads_kept = filt.total, filt.kept
    run.report.removed = {name: filt.counts[name] for name in FILTERS}
    run.report.seconds = round(time.perf_counter() - run.started, 3)

    record = {
        "tool": "mlalign",
        "version": __version__,
        "command": "corpus build",
        "signature": provenance["signature"],
        "models": provenance["models"],
        "input": {
            "path": str(run.input_path),
            "kind": run.inputs.kind,
            "pairs": len(run.inputs.tasks),
            "unpaired": run.inputs.unpaired,
        },
        "engine": {
            **run.eng.describe(),
            "threads_per_worker": run.settings.threads,
            "cores": available_cores(),
        },
        "settings": provenance["settings"],
        "embedder": provenance["embedder"],
        "filters": provenance["filters"],
        "filter_order": provenance["filter_order"],
        "filtered": filt.report(),
        "formats": ["parquet", *[f for f in run.fmts if f != "parquet"]],
        "pairs": {
            "ok": run.report.ok,
            "failed": run.report.failed,
            "resumed": run.report.resumed,
            "computed": run.report.computed,
        },
        "sentences_audited": run.report.sentences,
        "seconds": run.report.seconds,
        "warnings": dict(run.report.warnings),
        "removed_outputs": stale,
        "audits": provenance["audits"],
        "exit_code": run.report.exit_code,
    }
    atomic_write_text(
        run.out / "run.json", json.dumps(record, ensure_ascii=False, indent=2, default=str) + "\n"
    )
    manifest = {
        "tool": "mlalign",
        "version": __version__,
        "outputs": [str(p.relative_to(run.out)) for p in outputs],
        "pairs": [
            {
                "id": t.id,
                "original": t.original,
                "english": t.english,
                "lang": t.lang,
                "status": "error" if run.results[t.id].status == "error" else "ok",
                "file": f"pairs/{t.safe_id}.parquet"
                if run.results[t.id].status != "error"
                else None,
                "hash": run.hashes.get(t.id),
                "warnings": run.results[t.id].warnings,
            }
            for t in run.inputs.tasks
        ],
    }
    atomic_write_text(
        run.out / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    )
    run.report.outputs = [*outputs, run.out / "run.json", run.out / "manifest.json"]
    return stale
