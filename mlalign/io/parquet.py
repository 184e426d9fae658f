"""Parquet with typed columns (ids as list[u32], flags as list[struct]) and provenance in
the file's key-value metadata, so a corpus table carries how it was made."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from mlalign.fsutil import atomic_path
from mlalign.io.base import WriteOptions, filter_beads, provenance_json
from mlalign.types import DRIFT_KINDS, Audit

FLAG_STRUCT = pl.Struct(
    {"type": pl.Utf8, "severity": pl.Utf8, "detail": pl.Utf8, "score": pl.Float64}
)
KINDS_STRUCT = pl.Struct({kind: pl.Float64 for kind in DRIFT_KINDS})
SCHEMA = {
    "src_ids": pl.List(pl.UInt32),
    "tgt_ids": pl.List(pl.UInt32),
    "src": pl.Utf8,
    "tgt": pl.Utf8,
    "mt": pl.Utf8,
    "score": pl.Float64,
    "drift": pl.Float64,
    "severity": pl.Utf8,
    "kinds": KINDS_STRUCT,
    "flags": pl.List(FLAG_STRUCT),
}


def parquet_frame(audit: Audit, options: WriteOptions) -> pl.DataFrame:
    rows = [
        {
            "src_ids": list(b.src_ids),
            "tgt_ids": list(b.tgt_ids),
            "src": b.src,
            "tgt": b.tgt,
            "mt": b.mt if options.include_mt else None,
            "score": float(b.score),
            "drift": float(b.drift),
            "severity": b.severity,
            "kinds": b.kind_columns,
            "flags": [
                {
                    "type": f.type,
                    "severity": f.severity,
                    "detail": f.detail,
                    "score": float(f.score),
                }
                for f in b.flags
            ],
        }
        for b in filter_beads(audit.beads, options)
    ]
    return pl.DataFrame(rows, schema=SCHEMA) if rows else pl.DataFrame(schema=SCHEMA)


class ParquetWriter:
    """All beads (one-sided ones included; filter on `src_ids`/`tgt_ids` length for a corpus)."""

    format = "parquet"
    suffix = ".parquet"
    text = False

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None:
        import pyarrow.parquet as pq

        table = parquet_frame(audit, options).to_arrow()
        meta = dict(table.schema.metadata or {})
        meta[b"mlalign.provenance"] = provenance_json(audit).encode("utf-8")
        meta[b"mlalign.src_lang"] = audit.src_lang.encode()
        table = table.replace_schema_metadata(meta)
        with atomic_path(path) as tmp:
            pq.write_table(table, tmp, compression="zstd")
