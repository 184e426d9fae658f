"""TSV and CSV via polars: one row per bead, ids as "0,1" strings, flags flattened."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl

from mlalign.fsutil import atomic_write_text
from mlalign.io.base import WriteOptions, filter_beads, ids_text, one_line
from mlalign.types import Audit

SCHEMA = {
    "src_ids": pl.Utf8,
    "tgt_ids": pl.Utf8,
    "src": pl.Utf8,
    "tgt": pl.Utf8,
    "mt": pl.Utf8,
    "score": pl.Float64,
    "drift": pl.Float64,
    "severity": pl.Utf8,
    "flag_types": pl.Utf8,
    "flag_details": pl.Utf8,
}
COLUMNS = list(SCHEMA)
# A cell a spreadsheet would read as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`,
# or a tab or carriage return before one. A list item such as "- 850 teams took part."
# shows as #NAME? in Excel, and "=HYPERLINK(...)" in a document would run.
FORMULA_START = r"^([=+\-@\t\r])"
# Excel reads a CSV without a byte order mark in the machine's ANSI code page: Arabic and
# Persian come out as mojibake. With it, Excel, LibreOffice, polars and pandas read UTF-8.
UTF8_BOM = "\ufeff"


def bead_frame(audit: Audit, options: WriteOptions) -> pl.DataFrame:
    """The flat table shared by TSV and CSV (flag types/details joined with "; ")."""
    rows = []
    for bead in filter_beads(audit.beads, options):
        rows.append(
            {
                "src_ids": ids_text(bead.src_ids),
                "tgt_ids": ids_text(bead.tgt_ids),
                "src": bead.src,
                "tgt": bead.tgt,
                "mt": bead.mt if options.include_mt else None,
                "score": round(float(bead.score), 4),
                "drift": round(float(bead.drift), 4),
                "severity": bead.severity,
                "flag_types": "; ".join(f.type for f in bead.flags),
                "flag_details": "; ".join(f.detail for f in bead.flags),
            }
        )
    return pl.DataFrame(rows, schema=SCHEMA, orient="row") if rows else pl.DataFrame(schema=SCHEMA)


class TsvWriter:
    """Tab-separated for programs (cut, awk, polars): tabs and line breaks inside texts
    become spaces, since TSV readers do not honour quoting; texts are otherwise as written
    (no byte order mark, no formula guard: a spreadsheet user takes the CSV)."""

    format = "tsv"
    suffix = ".tsv"
    text = True

    def render(self, audit: Audit, options: WriteOptions) -> str:
        frame = bead_frame(audit, options).with_columns(
            [
                pl.col(c).map_elements(one_line, return_dtype=pl.Utf8)
                for c in ("src", "tgt", "mt", "flag_details")
            ]
        )
        buf = io.StringIO()
        frame.write_csv(buf, separator="\t", quote_style="never", null_value="")
        return buf.getvalue()

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None:
        atomic_write_text(path, self.render(audit, options))


class CsvWriter:
    """RFC 4180 CSV for a translator's spreadsheet: texts kept whole, quoted where needed;
    a text cell that would start a formula starts with an apostrophe instead (shown, never
    run); the file starts with a UTF-8 byte order mark. Machines read JSONL, TSV or Parquet."""

    format = "csv"
    suffix = ".csv"
    text = True

    def render(self, audit: Audit, options: WriteOptions) -> str:
        frame = bead_frame(audit, options).with_columns(
            pl.col(pl.Utf8).str.replace(FORMULA_START, "'$1")
        )
        buf = io.StringIO()
        frame.write_csv(buf, quote_style="necessary", null_value="")
        return buf.getvalue()

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None:
        atomic_write_text(path, UTF8_BOM + self.render(audit, options))
