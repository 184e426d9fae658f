"""Read user text files whatever their encoding, so later layers only ever see clean `str`.

Supported: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without BOM when the
NUL-byte pattern is unambiguous), and Windows-1256 for legacy Arabic/Persian files.
Mixed encodings: a file whose lines are partly UTF-8 and partly cp1256 is decoded LINE BY
LINE (each line as UTF-8 when valid, else cp1256) only when every line decodes one way or
the other and the cp1256 lines look like Arabic-script text; anything else is rejected.
Line endings (CRLF, lone CR) become LF and a leading BOM is dropped. A NUL byte in a file
that is not UTF-16 means binary, so it is rejected rather than silently stripped.
Zero-width and bidi characters are KEPT (they are part of the user's text and outputs
must reproduce it); `normalize` removes them for matching only.

A Word document (.docx, recognised by content) is read by `text.worddoc` to its paragraphs,
one a line; `FileText.form` says "docx" so that the splitter takes each line as a paragraph
(see `split.paragraphs`). Other office files (.doc, .xlsx, .odt, a password-protected or
damaged .docx) are refused with one line saying what they are.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from mlalign.errors import InputError
from mlalign.text import worddoc

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"PK\x03\x04", "zip archive (docx/xlsx/odt?)"),
    (b"\x7fELF", "ELF executable"),
    (b"%PDF", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office binary document"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
)
FORMS = ("text", "docx")  # how a file is read: a plain text, or a Word document's paragraphs
# C0 controls other than tab, LF, VT, FF, CR and ESC-free text; a few stray ones are tolerated.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def _utf16_guess(data: bytes) -> str | None:
    """Return 'utf-16-le' / 'utf-16-be' when NUL bytes sit on one parity, as in BOM-less UTF-16."""
    sample = data[:65536]
    n = len(sample) // 2
    if n < 2 or b"\x00" not in sample:
        return None
    even_nul = sample[0 : 2 * n : 2].count(0)
    odd_nul = sample[1 : 2 * n : 2].count(0)
    if odd_nul > 0.3 * n and even_nul < 0.05 * n:
        return "utf-16-le"
    if even_nul > 0.3 * n and odd_nul < 0.05 * n:
        return "utf-16-be"
    return None


def _arabic_utf16_guess(data: bytes) -> str | None:
    """BOM-less UTF-16 of Arabic script has few NULs: look for 0x06 high bytes instead."""
    sample = data[:65536]
    n = len(sample) // 2
    if n < 4 or len(data) % 2:
        return None
    even = sample[0 : 2 * n : 2]
    odd = sample[1 : 2 * n : 2]
    hi_le = sum(odd.count(b) for b in (0, 6, 0x20))
    hi_be = sum(even.count(b) for b in (0, 6, 0x20))
    if hi_le > 0.9 * n and odd.count(6) > 0.3 * n:
        return "utf-16-le"
    if hi_be > 0.9 * n and even.count(6) > 0.3 * n:
        return "utf-16-be"
    return None


def _damaged_utf8(raw: bytes) -> int | None:
    """Where a line that is UTF-8 apart from a few bad bytes goes wrong (its first bad
    byte), else None. Read as Windows-1256, such a line is still mostly Arabic letters
    (ظˆط§ع©ظ†ط´), so the script test cannot catch it; but a real Windows-1256 line almost
    never holds valid multi-byte UTF-8 sequences, and a damaged UTF-8 line is made of them."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if good >= 2 and good >= 3 * bad:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return exc.start
    return None


def _decode_mixed(data: bytes, name: str) -> str:
    """Decode line by line (UTF-8 else cp1256); refuse when a cp1256 line is not Arabic text,
    and when a line is UTF-8 with bad bytes in it (a damaged file, not a legacy one)."""
    out: list[str] = []
    offset = 0
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        start, offset = offset, offset + len(raw) + 1
        try:
            out.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        where = _damaged_utf8(raw)
        if where is not None:
            raise InputError(f"{name}: line {lineno} is not valid UTF-8 (byte {start + where} of the "
                             "file); the file looks damaged or cut short: repair it or re-save it as UTF-8")
        try:
            line = raw.decode("cp1256")
        except UnicodeDecodeError:
            raise InputError(
                f"{name}: line {lineno} is neither UTF-8 nor Windows-1256; re-save the file as UTF-8"
            ) from None
        letters = sum(ch.isalpha() for ch in line)
        if letters and len(_ARABIC_LETTER.findall(line)) < 0.5 * letters:
            raise InputError(
                f"{name}: line {lineno} is not valid UTF-8 and does not look like Windows-1256 "
                "Arabic/Persian either; re-save the file as UTF-8"
            )
        out.append(line)
    return "\n".join(out)


def _finish(text: str, name: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters; it looks binary, not a text file")
    controls = len(_CONTROL.findall(text[:200000]))
    if controls > max(8, 0.01 * min(len(text), 200000)):
        raise InputError(f"{name}: contains many control characters; it looks binary, not text")
    if not text.strip():
        raise InputError(f"{name}: is empty (only whitespace); nothing to align")
    return text


def decode_bytes(data: bytes, name: str) -> str:
    """Decode the bytes of a user file (plain text or Word document) to text with LF line
    ends; raise InputError if unusable."""
    return decode_file(data, name)[0]


def decode_with_encoding(data: bytes, name: str) -> tuple[str, str]:
    """`decode_bytes` of a plain-text file, and the encoding it read (recorded in outputs'
    provenance)."""
    if not data:
        raise InputError(f"{name}: file is empty")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: is binary ({what}), not a plain-text file")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _finish(data[3:].decode("utf-8"), name), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: has a UTF-8 BOM but invalid UTF-8 at byte {exc.start + 3}"
            ) from None
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return _finish(data[2:].decode(enc), name), enc
            except UnicodeDecodeError:
                raise InputError(f"{name}: has a UTF-16 BOM but is not valid UTF-16") from None
    enc = _utf16_guess(data) or _arabic_utf16_guess(data)
    if enc is not None:
        try:
            return _finish(data.decode(enc), name), enc
        except UnicodeDecodeError:
            raise InputError(f"{name}: looks like UTF-16 without BOM but does not decode") from None
    if b"\x00" in data:
        raise InputError(f"{name}: contains NUL bytes; it looks binary, not a text file")
    try:
        return _finish(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _decode_mixed(data, name)
    legacy = not any(_non_ascii_utf8(line) for line in data.split(b"\n"))
    return _finish(text, name), "cp1256" if legacy else "utf-8+cp1256 (line by line)"


def _non_ascii_utf8(line: bytes) -> bool:
    """Whether a line is UTF-8 beyond ASCII (an ASCII line says nothing about the file)."""
    if line.isascii():
        return False
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@dataclass(frozen=True)
class FileText:
    """A user file's text and how it was read: the encoding, and the sha256 of its bytes
    (what `sha256sum` prints), so an audit names exactly the file it read."""

    text: str
    encoding: str
    sha256: str
    path: str = ""  # absolute, so the file is still known after a change of folder
    form: str = "text"  # "docx": a Word document's paragraphs, one a line


def decode_file(data: bytes, name: str, plain_only_for: str | None = None) -> tuple[str, str, str]:
    """(text, encoding, form) of a user file's bytes: a Word document ("docx") or a plain text
    ("text"). `plain_only_for` names what takes plain text only (an MT file, a manifest): a
    Word document is then refused with one line saying so, not read."""
    if data.startswith(worddoc.ZIP_MAGIC):
        if not worddoc.is_word_package(data):
            raise InputError(f"{name}: is {worddoc.zip_problem(data)}")
        if plain_only_for:
            raise InputError(f"{name}: is a Word document, but {plain_only_for} takes a plain-text "
                             "file; save it from Word as Plain Text (UTF-8)")
        text, encoding = worddoc.read_docx(data, name)
        return _finish(text, name), encoding, "docx"
    if data.startswith(worddoc.OLE_MAGIC):
        raise InputError(f"{name}: is {worddoc.office_binary_problem(data)}")
    text, encoding = decode_with_encoding(data, name)
    return text, encoding, "text"


def read_text(path: str | os.PathLike[str], plain_only_for: str | None = None) -> str:
    """Read a user text file or Word document (see module docstring); raise InputError if
    unusable."""
    return read_file_text(path, plain_only_for).text


def read_file_text(path: str | os.PathLike[str], plain_only_for: str | None = None) -> FileText:
    """`read_text`, with the file's encoding, form and the sha256 of its bytes."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(f"{name}: does not exist")
    if p.is_dir():
        raise InputError(f"{name}: is a directory, not a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    text, encoding, form = decode_file(data, name, plain_only_for)
    return FileText(text, encoding, hashlib.sha256(data).hexdigest(), str(p.resolve()), form)
