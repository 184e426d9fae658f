"""TMX 1.4b for translation memories, built with lxml (never string concatenation)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from mlalign.fsutil import atomic_write_bytes
from mlalign.io.base import WriteOptions, filter_beads, flat_provenance, ids_text, xml_text
from mlalign.types import Audit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def build_tmx(audit: Audit, options: WriteOptions) -> etree._ElementTree:
    """One `<tu>` per bead with both sides; score, drift and flags ride along as `<prop>`s
    so a CAT tool keeps them and an archivist can filter later."""
    from mlalign import __version__

    prov = dict(flat_provenance(audit))
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        creationtool="mlalign",
        creationtoolversion=xml_text(prov.get("version", __version__)),
        segtype="sentence",
        **{"o-tmf": "mlalign"},
        adminlang="en",
        srclang=audit.src_lang,
        datatype="plaintext",
    )
    for key, value in flat_provenance(audit):
        prop = etree.SubElement(header, "prop", type=f"x-mlalign-{key}")
        prop.text = xml_text(value)
    body = etree.SubElement(root, "body")
    for bead in filter_beads(audit.beads, options, both_sides=True):
        src, tgt = xml_text(bead.src), xml_text(bead.tgt)
        if not src.strip() or not tgt.strip():
            continue
        tu = etree.SubElement(
            body, "tu", tuid=f"s{ids_text(bead.src_ids)}-t{ids_text(bead.tgt_ids)}"
        )
        props = [
            ("x-mlalign-src-ids", ids_text(bead.src_ids)),
            ("x-mlalign-tgt-ids", ids_text(bead.tgt_ids)),
            ("x-mlalign-score", f"{bead.score:.4f}"),
            ("x-mlalign-drift", f"{bead.drift:.4f}"),
        ]
        if bead.severity:
            props.append(("x-mlalign-severity", bead.severity))
        # each kind's probability, so a memory can be filtered by kind later (as --max-kind)
        props.extend((f"x-mlalign-p-{kind}", f"{p:.4f}") for kind, p in bead.kinds.items())
        for flag in bead.flags:
            props.append((f"x-mlalign-flag-{flag.type}", f"{flag.severity}: {flag.detail}"))
        if options.include_mt and bead.mt:
            props.append(("x-mlalign-mt", bead.mt))
        for kind, value in props:
            prop = etree.SubElement(tu, "prop", type=xml_text(kind))
            prop.text = xml_text(value)
        for lang, text in ((audit.src_lang, src), (audit.tgt_lang, tgt)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            seg = etree.SubElement(tuv, "seg")
            seg.text = text
    return etree.ElementTree(root)


class TmxWriter:
    """TMX 1.4b with a DOCTYPE naming the shipped `schemas/tmx14.dtd`."""

    format = "tmx"
    suffix = ".tmx"
    text = True

    def render_bytes(self, audit: Audit, options: WriteOptions) -> bytes:
        return etree.tostring(
            build_tmx(audit, options),
            xml_declaration=True,
            encoding="UTF-8",
            pretty_print=True,
            doctype=DOCTYPE,
        )

    def render(self, audit: Audit, options: WriteOptions) -> str:
        return self.render_bytes(audit, options).decode("utf-8")

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None:
        atomic_write_bytes(path, self.render_bytes(audit, options))
