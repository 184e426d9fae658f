"""XLIFF 2.1 (core): one `<unit>` per bead, original as `<source>`, English as `<target>`,
drift flags as `<notes>` so CAT tools show them to the reviewer."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from mlalign.fsutil import atomic_write_bytes
from mlalign.io.base import WriteOptions, filter_beads, flat_provenance, ids_text, xml_text
from mlalign.types import Audit

NS = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PRIORITY = {"high": "1", "medium": "3", "low": "6"}


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def build_xliff(audit: Audit, options: WriteOptions) -> etree._ElementTree:
    """XLIFF 2.1: its core keeps the 2.0 namespace and schema; only `version` says 2.1."""
    root = etree.Element(
        _q("xliff"), nsmap={None: NS}, version="2.1", srcLang=audit.src_lang, trgLang=audit.tgt_lang
    )
    # texts as written: XLIFF's default lets a tool collapse the tab between a couplet's
    # hemistichs or a verse's line breaks, which the original and the English both carry
    file_el = etree.SubElement(root, _q("file"), {"id": "f1", XML_SPACE: "preserve"})
    notes = etree.SubElement(file_el, _q("notes"))
    for key, value in flat_provenance(audit):
        note = etree.SubElement(notes, _q("note"), category=f"mlalign-{key}")
        note.text = xml_text(value)
    for n, bead in enumerate(filter_beads(audit.beads, options), start=1):
        unit = etree.SubElement(
            file_el,
            _q("unit"),
            id=f"u{n}",
            name=f"s{ids_text(bead.src_ids)}-t{ids_text(bead.tgt_ids)}",
        )
        unit_notes = []
        unit_notes.append(("mlalign-score", None, f"score={bead.score:.4f} drift={bead.drift:.4f}"))
        for flag in bead.flags:
            unit_notes.append(
                (
                    f"mlalign-{flag.type}",
                    _PRIORITY.get(flag.severity),
                    f"{flag.severity}: {flag.detail}",
                )
            )
        if options.include_mt and bead.mt:
            unit_notes.append(("mlalign-mt", None, bead.mt))
        notes_el = etree.SubElement(unit, _q("notes"))
        for category, priority, text in unit_notes:
            attrs = {"category": category}
            if priority:
                attrs["priority"] = priority
            note = etree.SubElement(notes_el, _q("note"), attrs)
            note.text = xml_text(text)
        segment = etree.SubElement(
            unit, _q("segment"), state="translated" if bead.tgt else "initial"
        )
        source = etree.SubElement(segment, _q("source"))
        source.text = xml_text(bead.src)
        if bead.tgt:
            target = etree.SubElement(segment, _q("target"))
            target.text = xml_text(bead.tgt)
    return etree.ElementTree(root)


class XliffWriter:
    """XLIFF 2.1 core, validated in tests against the shipped core schema (2.0 and 2.1 share it)."""

    format = "xliff"
    suffix = ".xlf"
    text = True

    def render_bytes(self, audit: Audit, options: WriteOptions) -> bytes:
        return etree.tostring(
            build_xliff(audit, options), xml_declaration=True, encoding="UTF-8", pretty_print=True
        )

    def render(self, audit: Audit, options: WriteOptions) -> str:
        return self.render_bytes(audit, options).decode("utf-8")

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None:
        atomic_write_bytes(path, self.render_bytes(audit, options))
