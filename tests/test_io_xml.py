"""TMX and XLIFF: valid against the shipped DTD/XSD, readable by translate-toolkit,
and robust to characters XML 1.0 forbids."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from test_io_writers import make_audit

import mlalign.io
from mlalign.io import write_outputs

SCHEMAS = Path(mlalign.io.__file__).parent / "schemas"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XLF = "{urn:oasis:names:tc:xliff:document:2.0}"


def _dirty_audit():
    audit = make_audit("ar", evil=True)
    audit.beads[1].src += "\x01\x0b"
    audit.beads[1].tgt += "\x1f\ufffe"
    audit.beads[2].flags[0].detail += "\x07"
    return audit


def test_tmx_valid_against_dtd(tmp_path: Path) -> None:
    audit = _dirty_audit()
    audit.beads[2].signals.update(p_number=0.875, p_omission=0.01234)
    [path, _] = write_outputs(audit, tmp_path / "a.tmx", ["tmx"])
    tree = etree.parse(str(path))
    dtd = etree.DTD(str(SCHEMAS / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    header = tree.find("header")
    assert header.get("srclang") == "ar" and header.get("segtype") == "sentence"
    assert (
        header.get("creationtool") == "mlalign"
        and header.get("creationtoolversion") == "0.1.0-test"
    )
    tus = tree.findall("body/tu")
    assert len(tus) == 5  # only beads with both sides
    langs = [tuv.get(XML_LANG) for tuv in tus[0].findall("tuv")]
    assert langs == ["ar", "en"]
    assert "\x01" not in path.read_text(encoding="utf-8")
    props = {p.get("type"): p.text for p in tus[2].findall("prop")}
    assert props["x-mlalign-score"] == "0.8100" and props["x-mlalign-flag-number"].startswith(
        "high:"
    )
    assert props["x-mlalign-p-number"] == "0.8750" and props["x-mlalign-p-omission"] == "0.0123"
    assert not any(k.startswith("x-mlalign-p-") for k in (p.get("type") for p in tus[0].findall("prop")))
    assert "<script>" in tus[0].find("tuv/seg").text  # kept as text, escaped in the file
    assert "<script>" not in path.read_text(encoding="utf-8")


def test_tmx_dtd_rejects_broken_file() -> None:
    dtd = etree.DTD(str(SCHEMAS / "tmx14.dtd"))
    bad = etree.fromstring(b'<tmx version="1.4"><header srclang="fa"/><body/></tmx>')
    assert not dtd.validate(bad)


def test_tmx_loads_in_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage import tmx

    audit = make_audit("fa")
    [path, _] = write_outputs(audit, tmp_path / "a.tmx", ["tmx"])
    store = tmx.tmxfile(path.read_bytes(), sourcelanguage="fa", targetlanguage="en")
    units = [u for u in store.units if u.source]
    assert len(units) == 5
    assert units[0].source == audit.beads[0].src and units[0].target == audit.beads[0].tgt


def test_xliff_valid_against_xsd(tmp_path: Path) -> None:
    import xmlschema

    audit = _dirty_audit()
    [path, _] = write_outputs(audit, tmp_path / "a.xlf", ["xliff"])
    schema = xmlschema.XMLSchema(str(SCHEMAS / "xliff_core_2.0.xsd"))
    schema.validate(str(path))
    lx = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff_core_2.0.xsd")))
    tree = etree.parse(str(path))
    assert lx.validate(tree), lx.error_log
    root = tree.getroot()
    assert root.get("srcLang") == "ar" and root.get("trgLang") == "en"
    assert root.get("version") == "2.1"
    units = root.findall(f"{XLF}file/{XLF}unit")
    assert len(units) == len(audit.beads)
    notes = units[3].findall(f"{XLF}notes/{XLF}note")
    cats = [n.get("category") for n in notes]
    assert "mlalign-negation" in cats and "mlalign-replacement" in cats
    assert not units[5].find(f"{XLF}segment/{XLF}source").text
    assert units[6].find(f"{XLF}segment/{XLF}target") is None  # omission: no English
    # the schema really checks: a unit without a segment is refused
    seg = units[0].find(f"{XLF}segment")
    units[0].remove(seg)
    assert not lx.validate(tree)


def test_xliff_says_whitespace_is_as_written(tmp_path: Path) -> None:
    """XLIFF 2's default whitespace handling lets a CAT tool collapse the tab between a
    couplet's hemistichs and a verse's line breaks; the file says they are kept."""
    audit = make_audit("fa")
    [path, _] = write_outputs(audit, tmp_path / "a.xlf", ["xliff"])
    tree = etree.parse(str(path))
    assert etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff_core_2.0.xsd"))).validate(tree)
    file_el = tree.getroot().find(f"{XLF}file")
    assert file_el.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    source = file_el.findall(f"{XLF}unit")[4].find(f"{XLF}segment/{XLF}source")
    assert source.text == audit.beads[4].src and "\t" in source.text and "\n" in source.text
