"""Word documents (.docx) as text: the body's paragraphs, as if every tracked change were accepted.

A Word document is recognised by its CONTENT (a zip archive holding a `word/` part), not by
its name, as subtitle files are. python-docx opens the package and finds the main document
part; the text is then read from that part's XML here, because python-docx's
`Paragraph.text` reads only a paragraph's direct runs and hyperlinks: it drops the text of
tracked insertions (`w:ins`), moves (`w:moveTo`), content controls (`w:sdt`), simple fields
(`w:fldSimple`), smart tags, custom XML and bidi containers (`w:dir`, `w:bdo`), and
`Document.paragraphs` misses every paragraph inside a block-level content control.

What is read: body paragraphs and table cells (each cell's paragraphs in turn, nested tables
too) in document order, one paragraph a line, empty paragraphs kept as empty lines (so a
`--presplit` document keeps its numbering). Tracked changes are read as accepted: inserted
and moved-to text in, deleted (`w:delText`) and moved-from text out, a paragraph whose
mark was deleted joined to the next, deleted table rows and cells out. A field shows its
result, never its code (`w:instrText`, and anything else between a field's begin and
separate marks). A tab is a space; so is a line break inside a paragraph (Shift+Enter, a
page or column break): it is layout within one paragraph, like the line ends of a
hard-wrapped plain text, whose lines the splitter joins with a space, and a sentence that
runs across it must stay one sentence. A non-breaking hyphen is "-", a soft hyphen nothing,
a `w:sym` symbol its character (a symbol-font glyph, in the private use area, is left out).
Characters are kept as written (ZWNJ, bidi marks). Left out: headers, footers, footnotes,
endnotes, comments, text boxes and drawings, and list numbers Word draws itself.

Other office files get one line saying what they are: an old binary .doc/.xls/.ppt, a
password-protected document, an .xlsx, .pptx or .odt, a damaged archive.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable

from mlalign.errors import InputError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 files, and encrypted OOXML
_WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# The XML of a main document part larger than this (uncompressed) is refused, not expanded:
# a small archive may inflate to gigabytes.
MAX_DOCUMENT_XML_BYTES = 1 << 30
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")

# Old binary Office files are OLE compound files; the name of their main stream (UTF-16 in
# the directory) says which program wrote them.
_OLE_STREAMS: tuple[tuple[str, str], ...] = (
    ("EncryptedPackage", "a password-protected Office document; remove its password in Word "
                         "(File > Info > Protect Document) and save it again"),
    ("WordDocument", "a Word 97-2003 .doc file; save it as .docx or plain text"),
    ("Workbook", "an Excel .xls workbook, not a document; save the text as .docx or plain text"),
    ("Book", "an Excel .xls workbook, not a document; save the text as .docx or plain text"),
    ("PowerPoint Document", "a PowerPoint .ppt presentation, not a document; save the text "
                            "as .docx or plain text"),
)


def is_word_package(data: bytes) -> bool:
    """Whether `data` is a zip archive with a Word part (a .docx, .docm or .dotx, whatever
    the file is called); other zips are not."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(n.startswith("word/") for n in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def office_binary_problem(data: bytes) -> str:
    """What an OLE compound file (Office 97-2003, or a password-protected .docx) is, as the
    rest of an error line."""
    for stream, what in _OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            return what
    return "an Office 97-2003 binary file, not a text; save it as .docx or plain text"


def zip_problem(data: bytes) -> str:
    """What a zip archive that is no Word document is, as the rest of an error line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError):
        return ("a damaged zip archive (a .docx cut short or not fully copied?); open and re-save "
                "it in Word, or save it as plain text")
    if "xl/workbook.xml" in names:
        return "an Excel .xlsx workbook, not a document; save the text as .docx or plain text"
    if "ppt/presentation.xml" in names:
        return ("a PowerPoint .pptx presentation, not a document; save the text as .docx or "
                "plain text")
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        return "an OpenDocument .odt text; save it as .docx or plain text"
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        return "an OpenDocument file, not a text document; save the text as .docx or plain text"
    if mimetype.startswith("application/epub"):
        return "an EPUB e-book; save its text as .docx or plain text"
    return "a zip archive, not a Word document or a plain-text file"


def read_docx(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding of its XML) of a Word document: its paragraphs one a line (see the
    module docstring). Raise InputError with one line when it cannot be read."""
    return "\n".join(docx_paragraphs(data, name)), _xml_encoding(data)


def docx_paragraphs(data: bytes, name: str) -> list[str]:
    """The body's paragraphs in document order, tracked changes accepted."""
    root = _main_part_xml(data, name)
    namespace = root.tag[1:].partition("}")[0] if isinstance(root.tag, str) else ""
    if namespace != _WORD_NS:
        raise InputError(f"{name}: is not a Word text document (its main part is "
                         f"{root.tag!r}); save it as .docx or plain text")
    body = root.find(f"{{{namespace}}}body")
    reader = _BodyReader(namespace)
    if body is not None:
        reader.block(body)
    return reader.finish()


def _main_part_xml(data: bytes, name: str):  # -> lxml element
    """The main document part's root element, through python-docx's package reader."""
    from docx.oxml import parse_xml
    from docx.package import Package

    damaged = (f"{name}: is a damaged Word document; open and re-save it in Word, or save it "
               "as plain text")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(i.file_size for i in archive.infolist() if i.filename.startswith("word/document"))
            strict = _is_strict(archive)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(damaged) from None
    if strict:
        raise InputError(f"{name}: is a Strict Open XML document; save it in Word as "
                         "\"Word Document (.docx)\" or as plain text")
    if size > MAX_DOCUMENT_XML_BYTES:
        raise InputError(f"{name}: its text part is {size >> 20} MB uncompressed, too large "
                         "to read; save it as plain text")
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        element = getattr(part, "element", None)
        # a .docm or .dotx main part has no python-docx class of its own: parse its bytes
        return element if element is not None else parse_xml(part.blob)
    except Exception:  # a malformed package fails in python-docx, lxml, zipfile or zlib in many ways
        raise InputError(damaged) from None


def _is_strict(archive: zipfile.ZipFile) -> bool:
    """A Strict Open XML package names its relationships in the purl.oclc.org namespace."""
    try:
        rels = archive.read("_rels/.rels")
    except KeyError:
        return False
    return b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in rels


def _xml_encoding(data: bytes) -> str:
    """The encoding the main part's XML declares (Word writes UTF-8), for the provenance."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            with archive.open("word/document.xml") as part:
                head = part.read(200)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, zlib.error):
        return "utf-8"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    match = _XML_ENCODING.match(head.lstrip(b"\xef\xbb\xbf"))
    return match.group(1).decode("ascii").lower() if match else "utf-8"


class _BodyReader:
    """Walks the document XML in order, collecting each paragraph's text (see module docstring)."""

    def __init__(self, namespace: str) -> None:
        def tags(*names: str) -> frozenset[str]:
            return frozenset(f"{{{namespace}}}{n}" for n in names)

        self.w = lambda n: f"{{{namespace}}}{n}"
        # containers whose content is read as if they were not there
        self.block_wrappers = tags("sdt", "sdtContent", "customXml", "ins", "moveTo", "tbl", "tr", "tc")
        self.inline_wrappers = tags("hyperlink", "ins", "moveTo", "smartTag", "customXml",
                                    "fldSimple", "dir", "bdo", "sdt", "sdtContent")
        self.breaks = tags("br", "cr")
        self.tabs = tags("tab", "ptab")
        self.paragraphs: list[str] = []
        self.pending: str | None = None  # a paragraph whose mark was deleted: joins the next
        self.fields: list[bool] = []  # per open complex field: True while in its code

    def finish(self) -> list[str]:
        self._flush()
        return self.paragraphs

    def _flush(self) -> None:
        if self.pending is not None:
            self.paragraphs.append(self.pending)
            self.pending = None

    def block(self, container) -> None:
        w = self.w
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child)
            elif tag == w("tr") and self._deleted(child, "trPr", "del"):
                continue
            elif tag == w("tc"):
                if self._deleted(child, "tcPr", "cellDel"):
                    continue
                self._flush()  # a paragraph joins the next one only inside its cell
                self.block(child)
                self._flush()
            elif tag in self.block_wrappers:
                self.block(child)
            # w:del / w:moveFrom, properties, section and bookmark marks: nothing to read

    def _deleted(self, element, props: str, mark: str) -> bool:
        return element.find(f"{self.w(props)}/{self.w(mark)}") is not None

    def paragraph(self, p) -> None:
        parts: list[str] = []
        self.inline(p, parts)
        text = "".join(parts)
        if self.pending is not None:
            text, self.pending = self.pending + text, None
        mark = p.find(f"{self.w('pPr')}/{self.w('rPr')}")
        if mark is not None and (mark.find(self.w("del")) is not None
                                 or mark.find(self.w("moveFrom")) is not None):
            self.pending = text  # its mark deleted: accepted, it runs on into the next
            return
        self.paragraphs.append(text)

    def inline(self, container, out: list[str]) -> None:
        for child in container:
            tag = child.tag
            if tag == self.w("r"):
                out.extend(self.run(child))
            elif tag in self.inline_wrappers:
                self.inline(child, out)

    def run(self, r) -> Iterable[str]:
        w = self.w
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self.fields.append(True)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = False
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if any(self.fields):
                continue  # a field's code (w:instrText, or a nested field's result in it)
            if tag == w("t"):
                yield (child.text or "").replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
            elif tag in self.tabs or tag in self.breaks:
                yield " "
            elif tag == w("noBreakHyphen"):
                yield "-"
            elif tag == w("sym"):
                yield _symbol(child.get(w("char")))
            # w:instrText, w:delText, w:softHyphen, drawings, note references: nothing


def _symbol(code: str | None) -> str:
    """A `w:sym` character; a symbol-font glyph (U+F000-F0FF, no Unicode meaning) is left out."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xE000 <= value <= 0xF8FF or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return ""
    return chr(value)
