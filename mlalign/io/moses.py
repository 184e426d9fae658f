"""Moses: two line-aligned plain files (`<stem>.<srclang>` and `<stem>.en`), one bead per line."""

from __future__ import annotations

from pathlib import Path

from mlalign.fsutil import atomic_write_text
from mlalign.io.base import WriteOptions, filter_beads, one_line
from mlalign.types import Audit


def moses_files(path: Path, src_lang: str, tgt_lang: str = "en") -> tuple[Path, Path]:
    """`out` or `out.moses` → (`out.fa`, `out.en`); the stem is what users name."""
    stem = path.with_suffix("") if path.suffix in (".moses", ".txt") else path
    return stem.parent / f"{stem.name}.{src_lang}", stem.parent / f"{stem.name}.{tgt_lang}"


def moses_paths(audit: Audit, path: Path) -> tuple[Path, Path]:
    return moses_files(path, audit.src_lang, audit.tgt_lang)


class MosesWriter:
    """Only beads with both sides: line i of one file must translate line i of the other."""

    format = "moses"
    suffix = ".moses"
    text = False

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None:
        src_path, tgt_path = moses_paths(audit, path)
        beads = [
            b
            for b in filter_beads(audit.beads, options, both_sides=True)
            if one_line(b.src) and one_line(b.tgt)
        ]
        atomic_write_text(src_path, "".join(one_line(b.src) + "\n" for b in beads))
        atomic_write_text(tgt_path, "".join(one_line(b.tgt) + "\n" for b in beads))

    def outputs(self, audit: Audit, path: Path) -> list[Path]:
        return list(moses_paths(audit, path))
