"""Word documents (.docx) as inputs: what text is read, tracked changes accepted, the
one-line refusals of other office files, and the splitter taking each Word paragraph as one."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from docx_fixture import (
    add_block_xml,
    add_xml,
    deleted,
    elements,
    field,
    inserted,
    new_document,
    ole_file,
    run,
    save_docx,
    write_zip,
)

from mlalign.errors import InputError
from mlalign.text.reader import decode_bytes, read_file_text, read_text
from mlalign.text.split import presplit_lines, split_document


def _lines(path: Path) -> list[str]:
    return read_text(path).split("\n")


def test_paragraphs_and_table_cells_in_document_order(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_heading("Report", 1)
    doc.add_paragraph("Before the table.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Name", "City"
    table.cell(1, 0).text = "Sara"
    inner = table.cell(1, 1)
    inner.paragraphs[0].text = "Lives in"
    inner.add_table(rows=1, cols=1).cell(0, 0).text = "Tehran"  # a nested table
    doc.add_paragraph("After the table.")
    path = tmp_path / "report.en.docx"
    doc.save(str(path))

    read = read_file_text(path)
    assert read.form == "docx" and read.encoding == "utf-8"
    assert read.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    # a cell ends in a paragraph after a nested table, so Word (and python-docx) writes an
    # empty one there: kept, as the document has it
    assert [line for line in read.text.split("\n")] == [
        "Report", "Before the table.", "Name", "City", "Sara", "Lives in", "Tehran", "",
        "After the table."]


def test_persian_zwnj_bidi_marks_tabs_and_line_breaks(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("کتاب\u200cهای دانشگاه را می\u200cخواندم.")
    doc.add_paragraph("\u200fنقل قول\u200f")
    para = doc.add_paragraph("First line")
    para.add_run().add_break()  # Shift+Enter: the same paragraph goes on
    para.add_run("second line\tafter a tab")
    add_xml(para, '<w:r><w:noBreakHyphen/><w:t>x</w:t><w:sym w:font="Symbol" w:char="F0B7"/>'
                  '<w:sym w:font="Arial" w:char="00A7"/></w:r>')
    path = save_docx(tmp_path / "a.fa.docx", [])
    doc.save(str(path))
    assert _lines(path) == ["کتاب\u200cهای دانشگاه را می\u200cخواندم.", "\u200fنقل قول\u200f",
                            "First line second line after a tab-x§"]


def test_tracked_changes_are_read_as_accepted(tmp_path: Path) -> None:
    doc = new_document()
    add_xml(doc.add_paragraph(), run("The minister "), inserted("finally "), run("signed the "),
            deleted("draft "), run("treaty."))
    moved_away = doc.add_paragraph()
    add_xml(moved_away, run("Kept. "), '<w:moveFrom w:id="903" w:author="E">'
            + run("Moved sentence.") + "</w:moveFrom>")
    add_xml(doc.add_paragraph(), run("End. "), '<w:moveTo w:id="904" w:author="E">'
            + run("Moved sentence.") + "</w:moveTo>")
    # a paragraph whose mark was deleted runs on into the next one
    joined = doc.add_paragraph()
    add_xml(joined, '<w:pPr><w:rPr><w:del w:id="905" w:author="E"/></w:rPr></w:pPr>',
            run("Half a sentence "))
    doc.add_paragraph("and its end.")
    table = doc.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "Row kept."
    table.cell(1, 0).text = "Row deleted."
    table.rows[1]._tr.insert(0, elements('<w:trPr><w:del w:id="906" w:author="E"/></w:trPr>')[0])
    path = tmp_path / "draft.en.docx"
    doc.save(str(path))
    assert _lines(path) == ["The minister finally signed the treaty.", "Kept. ",
                            "End. Moved sentence.", "Half a sentence and its end.", "Row kept."]


def test_hyperlinks_fields_content_controls_and_smart_tags(tmp_path: Path) -> None:
    """python-docx's own Paragraph.text drops all but the hyperlink and the complex field's
    result here; the reader keeps every visible text and no field code."""
    doc = new_document()
    para = doc.add_paragraph()
    add_xml(para, run("See "), '<w:hyperlink r:id="rId99">' + run("the report") + "</w:hyperlink>",
            run(" of "), *field('DATE \\@ "d MMMM yyyy"', "3 May 2024"), run(" by "),
            '<w:sdt><w:sdtPr><w:alias w:val="Author"/></w:sdtPr><w:sdtContent>'
            + run("Dr Karimi") + "</w:sdtContent></w:sdt>",
            run(" in "), '<w:smartTag w:uri="urn:schemas" w:element="City">' + run("Shiraz")
            + "</w:smartTag>", run(", page "),
            '<w:fldSimple w:instr=" PAGE ">' + run("7") + "</w:fldSimple>", run("."))
    # a field whose code holds another field: the inner result is part of the code
    add_xml(doc.add_paragraph(), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>',
            *field("MERGEFIELD Gender", "female"),
            '<w:r><w:instrText xml:space="preserve"> = "female" "Dear Madam" "Dear Sir" </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("Dear Madam"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>', run(","))
    # a block-level content control around a paragraph (Document.paragraphs misses it)
    add_block_xml(doc, "<w:sdt><w:sdtPr/><w:sdtContent><w:p>" + run("Inside a content control.")
                  + "</w:p></w:sdtContent></w:sdt>")
    path = tmp_path / "links.en.docx"
    doc.save(str(path))
    text = read_text(path)
    assert text.split("\n") == [
        "See the report of 3 May 2024 by Dr Karimi in Shiraz, page 7.",
        "Dear Madam,",
        "Inside a content control."]
    assert "DATE" not in text and "MERGEFIELD" not in text and "female" not in text


def test_a_heading_without_a_full_stop_stays_its_own_paragraph(tmp_path: Path) -> None:
    """Read as a plain text with blank lines, these lines look hard-wrapped and would be
    joined into run-on paragraphs ("Introduction The first point ..."); Word says where its
    paragraphs end."""
    path = save_docx(tmp_path / "notes.en.docx",
                     ["The first point", "The second point", "", "Conclusion", "It ended well."],
                     heading="Introduction")
    read = read_file_text(path)
    sentences = split_document(read.text, "en", read.form)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Introduction", 0), ("The first point", 1), ("The second point", 2), ("Conclusion", 3),
        ("It ended well.", 4)]


def test_presplit_takes_one_paragraph_a_line_and_keeps_empty_ones(tmp_path: Path) -> None:
    path = save_docx(tmp_path / "lines.fa.docx", ["جمله یک.", "", "جمله سه.", "", ""])
    read = read_file_text(path)
    sentences = presplit_lines(read.text, str(path), read.form)
    assert [(s.text, s.paragraph) for s in sentences] == [("جمله یک.", 0), ("", 1), ("جمله سه.", 2)]


def test_a_docx_that_looks_like_subtitles_is_still_a_document(tmp_path: Path) -> None:
    path = save_docx(tmp_path / "s.en.docx", ["1", "00:00:01,000 --> 00:00:02,000", "Hello there."])
    read = read_file_text(path)
    assert [s.text for s in presplit_lines(read.text, str(path), read.form)][-1] == "Hello there."


def test_recognised_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = save_docx(tmp_path / "english.txt", ["A Word file saved under a .txt name."])
    assert read_file_text(path).form == "docx"
    assert decode_bytes(path.read_bytes(), "x") == "A Word file saved under a .txt name."


@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: ole_file(p / "english.doc", "WordDocument"),
     "english.doc: is a Word 97-2003 .doc file; save it as .docx or plain text"),
    (lambda p: ole_file(p / "locked.docx", "EncryptedPackage"), "password-protected"),
    (lambda p: ole_file(p / "sheet.xls", "Workbook"), "Excel .xls workbook"),
    (lambda p: write_zip(p / "sheet.xlsx", {"[Content_Types].xml": "<Types/>",
                                            "xl/workbook.xml": "<workbook/>"}),
     "sheet.xlsx: is an Excel .xlsx workbook"),
    (lambda p: write_zip(p / "slides.pptx", {"ppt/presentation.xml": "<p/>"}), "PowerPoint .pptx"),
    (lambda p: write_zip(p / "text.odt", {"mimetype": "application/vnd.oasis.opendocument.text",
                                          "content.xml": "<office/>"}), "OpenDocument .odt"),
    (lambda p: write_zip(p / "files.zip", {"a.txt": "hello"}), "a zip archive, not a Word document"),
    (lambda p: write_zip(p / "broken.docx", {"word/document.xml": "<w/>"}),
     "broken.docx: is a damaged Word document"),
])
def test_other_office_files_are_refused_in_one_line(tmp_path: Path, make, expected: str) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert expected in str(info.value) and "\n" not in str(info.value)


def test_a_docx_cut_short_is_refused_in_one_line(tmp_path: Path) -> None:
    whole = save_docx(tmp_path / "whole.docx", ["Some text."]).read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError, match=r"cut\.docx: is a damaged zip archive"):
        read_text(cut)


def test_an_empty_document_is_refused_like_an_empty_text(tmp_path: Path) -> None:
    empty = save_docx(tmp_path / "empty.docx", ["", "   "])
    blank = tmp_path / "blank.txt"
    blank.write_text("\n   \n", encoding="utf-8")
    messages = []
    for path in (empty, blank):
        with pytest.raises(InputError) as info:
            read_text(path)
        messages.append(str(info.value).replace(str(path), "FILE"))
    assert messages[0] == messages[1] == "FILE: is empty (only whitespace); nothing to align"


def test_plain_only_readers_refuse_a_word_document(tmp_path: Path) -> None:
    path = save_docx(tmp_path / "mt.docx", ["One translation."])
    with pytest.raises(InputError, match=r"mt\.docx: is a Word document, but --mt-file"):
        read_text(path, plain_only_for="--mt-file")


def test_the_file_name_language_tag_breaks_a_tie_as_for_a_text(tmp_path: Path) -> None:
    """A short original with no Arabic-or-Persian evidence: `x_fa.docx` settles it, as
    `x_fa.txt` does."""
    from mlalign.text.langid import decide_source_language

    text = "من"  # the same word in both languages
    results = []
    for name in ("x_fa.docx", "x_ar.docx"):
        path = save_docx(tmp_path / name, [text])
        read = read_file_text(path)
        results.append(decide_source_language(read.text, "auto", str(path)))
        plain = tmp_path / name.replace(".docx", ".txt")
        plain.write_text(text, encoding="utf-8")
        assert decide_source_language(read_text(plain), "auto", str(plain)) == results[-1]
    assert results == [("fa", "file name"), ("ar", "file name")]
