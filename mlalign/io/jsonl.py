"""JSONL: the stable contract, one JSON object per bead in document order (Bead.to_dict)."""

from __future__ import annotations

from pathlib import Path

from mlalign.fsutil import atomic_write_text
from mlalign.io.base import WriteOptions, filter_beads, json_text
from mlalign.types import Audit


class JsonlWriter:
    """One object per line, nothing else, so `jq`/polars read it directly (strict JSON, one
    physical line each: `json_text`); provenance goes to the `.meta.json` sidecar written by
    `write_outputs`."""

    format = "jsonl"
    suffix = ".jsonl"
    text = True

    def render(self, audit: Audit, options: WriteOptions) -> str:
        lines = []
        for bead in filter_beads(audit.beads, options):
            row = bead.to_dict()
            if not options.include_mt:
                row["mt"] = None
            lines.append(json_text(row))
        return "".join(line + "\n" for line in lines)

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None:
        atomic_write_text(path, self.render(audit, options))
