"""What every writer shares: the `Writer` protocol, write options, bead filtering, provenance.

Writers know nothing about how beads were made; they only decide which beads a format can
hold (corpus formats need both sides) and how to record provenance so every file says how
it was produced.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from mlalign.types import Audit, Bead

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# vertical tab, form feed (a page break in text pasted from a PDF) and the information
# separators part words: a space wherever a format cannot hold them, never nothing
_SEPARATORS = re.compile("[\x0b\x0c\x1c-\x1f]+")
# everything str.splitlines() breaks a line at, and the tab that splits a TSV cell
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029\x85\x0b\x0c\x1c-\x1e]+")
# JSON may hold these raw, but str.splitlines() and JavaScript before ES2019 break a line
# at them; lone surrogates cannot be encoded as UTF-8 at all
_JSON_UNSAFE = re.compile("[\x85\u2028\u2029\ud800-\udfff]")


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
    """Text XML 1.0 can hold, so one stray control byte cannot break a file: separators
    (a PDF's form feed between pages) as a space, so the words on either side stay apart;
    other control characters, lone surrogates and non-characters left out."""
    return _XML_BAD.sub("", _SEPARATORS.sub(" ", text or ""))


def one_line(text: str | None) -> str:
    """One line of a line-aligned file (Moses, TSV): every line break `str.splitlines()`
    knows and tabs as a space, and what `xml_text` leaves out left out, so a corpus's Moses
    files hold the same segments as its TMX."""
    return xml_text(_LINE_BREAKS.sub(" ", text or "")).strip()


def finite(value: Any) -> Any:
    """`value` with NaN and infinities as None: `json.dumps` writes them as bare `NaN` and
    `Infinity`, which no strict JSON reader (jq, JavaScript, polars) accepts."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def json_text(value: Any, **kwargs: Any) -> str:
    """Strict JSON on one line whatever the texts hold: no NaN, and U+2028, U+2029, NEL
    and lone surrogates written as `\\uXXXX` escapes (the same JSON value), so a JSONL
    record read with `splitlines()` stays one record and the file encodes as UTF-8."""
    text = json.dumps(finite(value), ensure_ascii=False, allow_nan=False, **kwargs)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    return json_text(prov, sort_keys=True, default=str)


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
