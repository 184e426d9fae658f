"""Per-pair result files (`pairs/<safe-id>.parquet`): the resume state of a corpus build.

Each file is written atomically (temp file, then rename; not synced to disk, since a
file a power cut damaged fails the checks below and is redone) and carries in its Parquet metadata
the hash of its inputs and settings, so a rerun can trust a file whose hash matches, redo
one whose inputs or settings changed, and redo one that is truncated or unreadable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from mlalign.corpus.worker import PairResult
from mlalign.fsutil import atomic_path
from mlalign.types import DRIFT_KINDS

FLAG_TYPE = pa.struct(
    [
        pa.field("type", pa.string()),
        pa.field("severity", pa.string()),
        pa.field("detail", pa.string()),
        pa.field("score", pa.float64()),
        pa.field("evidence", pa.string()),  # JSON; evidence shapes differ per flag type
    ]
)

# P(each kind of drift) per bead (`Bead.kinds`); null where a bead has none (one-sided beads)
KINDS_TYPE = pa.struct([pa.field(kind, pa.float64()) for kind in DRIFT_KINDS])

BEAD_SCHEMA = pa.schema(
    [
        pa.field("pair_id", pa.string(), nullable=False),
        pa.field("bead", pa.int32(), nullable=False),
        pa.field("src_lang", pa.string()),
        pa.field("src_ids", pa.list_(pa.int32())),
        pa.field("tgt_ids", pa.list_(pa.int32())),
        pa.field("src", pa.string()),
        pa.field("tgt", pa.string()),
        pa.field("mt", pa.string()),
        pa.field("score", pa.float64()),
        pa.field("drift", pa.float64()),
        pa.field("kinds", KINDS_TYPE),
        pa.field("flags", pa.list_(FLAG_TYPE)),
    ]
)

META_HASH = b"mlalign.pair_hash"
META_RESULT = b"mlalign.pair_result"


def pair_path(pairs_dir: Path, safe_id: str) -> Path:
    return pairs_dir / f"{safe_id}.parquet"


def write_pair(path: Path, result: PairResult, input_hash: str) -> None:
    """Write one pair's beads with its hash and summary in the metadata, atomically."""
    table = pa.Table.from_pydict(
        result.columns or {n: [] for n in BEAD_SCHEMA.names}, schema=BEAD_SCHEMA
    )
    info = {
        "id": result.id,
        "src_lang": result.src_lang,
        "src_sentences": result.src_sentences,
        "tgt_sentences": result.tgt_sentences,
        "beads": result.beads,
        "flagged": result.flagged,
        "seconds": result.seconds,
        "provenance": result.provenance,
        "warnings": result.warnings,
    }
    meta = {
        META_HASH: input_hash.encode(),
        META_RESULT: json.dumps(info, ensure_ascii=False, default=str).encode("utf-8"),
    }
    table = table.replace_schema_metadata(meta)
    # not synced to disk: a pair file a power cut leaves empty or cut short fails
    # `read_pair_info`'s checks and is redone, and syncing each pair cost a resumed build
    # of eight short pairs 4% (the final outputs are synced)
    with atomic_path(path, durable=False) as tmp:
        pq.write_table(table, tmp, compression="zstd")


def read_pair_info(path: Path) -> tuple[str, dict[str, Any]] | None:
    """The stored hash and summary of a pair file, or None if it is missing or unreadable."""
    try:
        meta = pq.read_metadata(path)
        kv = meta.metadata or {}
        stored = kv.get(META_HASH)
        info = json.loads(kv[META_RESULT].decode("utf-8"))
        if stored is None or meta.num_rows != info.get("beads"):
            return None
        if pq.read_schema(path).remove_metadata() != BEAD_SCHEMA:
            return None
        return stored.decode(), info
    except (OSError, KeyError, ValueError, pa.ArrowException):
        return None


def result_from_info(info: dict[str, Any]) -> PairResult:
    """A `PairResult` (status "skipped", no columns) rebuilt from a valid pair file."""
    return PairResult(
        id=info["id"],
        status="skipped",
        src_lang=info.get("src_lang", ""),
        src_sentences=int(info.get("src_sentences", 0)),
        tgt_sentences=int(info.get("tgt_sentences", 0)),
        beads=int(info.get("beads", 0)),
        flagged=int(info.get("flagged", 0)),
        seconds=float(info.get("seconds", 0.0)),
        provenance=info.get("provenance") or {},
        warnings=list(info.get("warnings") or []),
    )


def read_pair_table(path: Path) -> pa.Table:
    return pq.read_table(path, schema=BEAD_SCHEMA)
