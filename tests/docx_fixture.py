"""Word documents for tests, built with python-docx itself (no binary fixtures).

What python-docx cannot write (tracked changes, fields, content controls, smart tags) is
added as WordprocessingML elements with `add_xml`, the way Word writes them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

W = nsdecls("w", "r")


def elements(*fragments: str) -> list:
    """WordprocessingML elements from XML fragments using the `w:` and `r:` prefixes."""
    return list(parse_xml(f"<w:holder {W}>{''.join(fragments)}</w:holder>"))


def add_xml(paragraph: Paragraph, *fragments: str) -> Paragraph:
    """Append inline XML fragments to a paragraph (a `w:pPr` goes first, where Word has it)."""
    for child in elements(*fragments):
        if child.tag.endswith("}pPr"):
            paragraph._p.insert(0, child)
        else:
            paragraph._p.append(child)
    return paragraph


def add_block_xml(doc: DocumentObject, fragment: str) -> None:
    """Append block-level XML (a content control, a paragraph) before the section properties."""
    body = doc.element.body
    for child in elements(fragment):
        if body.sectPr is not None:
            body.sectPr.addprevious(child)
        else:
            body.append(child)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def inserted(text: str) -> str:
    return f'<w:ins w:id="901" w:author="Editor" w:date="2024-05-01T10:00:00Z">{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return (f'<w:del w:id="902" w:author="Editor" w:date="2024-05-01T10:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')


def field(code: str, result: str) -> list[str]:
    """A complex field as Word writes it: begin, code, separate, result, end."""
    return ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            run(result),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>']


def save_docx(path: Path, paragraphs: Iterable[str], heading: str | None = None) -> Path:
    """A document of plain paragraphs (after a level-1 heading when given)."""
    doc = Document()
    if heading is not None:
        doc.add_heading(heading, 1)
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def new_document() -> DocumentObject:
    return Document()


def write_zip(path: Path, members: dict[str, str]) -> Path:
    """A zip archive of text members (an .xlsx, .odt or broken .docx stand-in)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def ole_file(path: Path, stream: str) -> Path:
    """An Office 97-2003 compound file's start and a directory entry naming `stream`."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream.encode("utf-16-le")
                     + bytes(64))
    return path
