"""What every writer shares: the `Writer` protocol, write options, bead filtering, provenance.

Writers know nothing about how beads were made; they only decide which beads a format can
hold (corpus formats need both sides) and how to record provenance so every file says how
it was produced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from mlalign.types import Audit, Bead

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029\x85\x0b\x0c]+")


@dataclass
class WriteOptions:
    """Which beads to keep and whether to include machine translation.

    `min_score` and `drop_flagged` apply to every format; the corpus formats (TMX, Moses)
    additionally keep only beads with both sides, since a one-sided pair is not a translation.
    """

    min_score: float | None = None
    drop_flagged: bool = False
    include_mt: bool = True


class Writer(Protocol):
    """One output format: `write` must produce the whole file atomically (via mlalign.fsutil)."""

    format: str
    suffix: str
    text: bool

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None: ...


class StreamWriter(Protocol):
    """A text format that can also go to stdout (for `-o -`)."""

    def render(self, audit: Audit, options: WriteOptions) -> str: ...


def filter_beads(
    beads: Iterable[Bead], options: WriteOptions | None = None, *, both_sides: bool = False
) -> list[Bead]:
    """Keep beads scoring at least `min_score`, optionally unflagged and with both sides."""
    options = options or WriteOptions()
    kept: list[Bead] = []
    for bead in beads:
        if both_sides and (
            not bead.src_ids or not bead.tgt_ids or not bead.src.strip() or not bead.tgt.strip()
        ):
            continue
        if options.min_score is not None and bead.score < options.min_score:
            continue
        if options.drop_flagged and bead.flags:
            continue
        kept.append(bead)
    return kept


def xml_text(text: str | None) -> str:
    """Remove characters XML 1.0 forbids, so one stray control byte cannot break a file."""
    return _XML_BAD.sub("", text or "")


def one_line(text: str | None) -> str:
    """Collapse line breaks and tabs so a text fits one line of a line-aligned file."""
    return _LINE_BREAKS.sub(" ", text or "").strip()


def ids_text(ids: Iterable[int]) -> str:
    return ",".join(str(i) for i in ids)


def provenance(audit: Audit) -> dict[str, Any]:
    """The audit's provenance plus languages, with tool/version defaults if the caller gave none."""
    from mlalign import __version__

    prov: dict[str, Any] = {"tool": "mlalign", "version": __version__}
    prov.update(audit.provenance or {})
    prov.setdefault("src_lang", audit.src_lang)
    prov.setdefault("tgt_lang", audit.tgt_lang)
    return prov


def provenance_json(audit: Audit, **extra: Any) -> str:
    prov = provenance(audit)
    prov.update(extra)
    return json.dumps(prov, ensure_ascii=False, sort_keys=True, default=str)


def flat_provenance(audit: Audit) -> list[tuple[str, str]]:
    """Provenance as (key, text) pairs for formats with flat headers (TMX props, XLIFF notes)."""
    out: list[tuple[str, str]] = []
    for key, value in sorted(provenance(audit).items()):
        text = (
            value
            if isinstance(value, str)
            else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        )
        out.append((key, text))
    return out
