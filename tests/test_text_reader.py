"""Reader: every supported encoding decodes, every bad input is refused with a one-line message."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mlalign.errors import InputError
from mlalign.text.reader import decode_bytes, read_text

FA = "این یک جملهٔ آزمایشی است.\nدومین خط، با «نقل‌قول».\n"
AR = "قال الرئيس إن الاقتصاد ينمو.\nوأضاف أن الحكومة ستواصل الإصلاحات.\n"


def _write(tmp_path: Path, data: bytes, name: str = "in.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("text", [FA, AR, "Plain English text.\n"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_round_trip(tmp_path: Path, text: str, encoding: str) -> None:
    p = _write(tmp_path, text.encode(encoding))
    assert read_text(p) == text


def test_utf16_bom_is_dropped_not_kept_as_character(tmp_path: Path) -> None:
    p = _write(tmp_path, "\ufeff".encode("utf-16-le") + AR.encode("utf-16-le"))
    assert read_text(p) == AR


def test_cp1256_arabic(tmp_path: Path) -> None:
    p = _write(tmp_path, AR.encode("cp1256"))
    assert read_text(p) == AR


def test_cp1256_persian_with_arabic_yeh(tmp_path: Path) -> None:
    # cp1256 has no Persian yeh/keheh: legacy Persian files use the Arabic letters.
    text = "اين يك متن فارسي است كه با ويندوز ذخيره شده.\n"
    assert read_text(_write(tmp_path, text.encode("cp1256"))) == text


def test_mixed_utf8_and_cp1256_lines_decode_line_by_line(tmp_path: Path) -> None:
    data = "سطر اول در یونیکد است.\n".encode() + "السطر الثاني بترميز ويندوز.\n".encode("cp1256")
    assert (
        read_text(_write(tmp_path, data)) == "سطر اول در یونیکد است.\nالسطر الثاني بترميز ويندوز.\n"
    )


def test_invalid_bytes_that_are_not_arabic_are_refused(tmp_path: Path) -> None:
    data = "Caf\u00e9 au lait\n".encode("latin-1") * 3
    with pytest.raises(InputError, match="in.txt"):
        read_text(_write(tmp_path, data))


@pytest.mark.parametrize("raw", [b"one\r\ntwo\r\n", b"one\rtwo\r", b"one\r\ntwo\rthree"])
def test_line_endings_become_lf(tmp_path: Path, raw: bytes) -> None:
    out = read_text(_write(tmp_path, raw))
    assert "\r" not in out
    assert out.split("\n")[:2] == ["one", "two"]


def test_lone_cr_counts_lines(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, b"a\rb\r\rc")) == "a\nb\n\nc"


def test_bidi_and_zero_width_characters_are_preserved(tmp_path: Path) -> None:
    text = "\u200fمی\u200cخواهم\u200b بروم\u202b.\n"
    assert read_text(_write(tmp_path, text.encode())) == text


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: does not exist"):
        read_text(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"in\.txt: file is empty"):
        read_text(_write(tmp_path, b""))


@pytest.mark.parametrize("raw", [b"   \n\t\n", "\u00a0\u3000\n".encode(), "  \n".encode("utf-16")])
def test_whitespace_only(tmp_path: Path, raw: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        read_text(_write(tmp_path, raw))


def test_png_zip_elf_are_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    with pytest.raises(InputError, match="PNG"):
        read_text(_write(tmp_path, png, "a.png"))
    zpath = tmp_path / "notes.txt"  # a zip whatever its name; Word documents: test_text_worddoc
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("notes/a.txt", "hello")
    with pytest.raises(InputError, match=r"notes\.txt: is a zip archive, not a Word document"):
        read_text(zpath)
    with pytest.raises(InputError, match="ELF"):
        read_text(_write(tmp_path, b"\x7fELF\x02\x01\x01" + b"\x00" * 50, "a.out"))


def test_random_control_bytes_are_binary(tmp_path: Path) -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 100 + b"text"
    with pytest.raises(InputError, match="binary"):
        read_text(_write(tmp_path, data))


def test_nul_bytes_in_utf8_text_are_refused(tmp_path: Path) -> None:
    data = b"Hello world, this is a sentence.\x00\x00\x00\x00 and more text here\n" * 2
    with pytest.raises(InputError, match="NUL"):
        read_text(_write(tmp_path, data))


def test_single_nul_in_long_text_is_refused(tmp_path: Path) -> None:
    data = ("A long English line of text. " * 100).encode() + b"\x00"
    with pytest.raises(InputError, match="NUL"):
        read_text(_write(tmp_path, data))


def test_message_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(_write(tmp_path, b"\x00\x01\x02\x03" * 100))
    assert "\n" not in str(info.value)
    assert "in.txt" in str(info.value)


def test_five_megabyte_single_line(tmp_path: Path) -> None:
    line = "كلمة عربية " * (5_000_000 // 20)
    out = read_text(_write(tmp_path, line.encode()))
    assert out == line


def test_two_hundred_thousand_lines(tmp_path: Path) -> None:
    text = "".join(f"Line number {i}.\r\n" for i in range(200_000))
    out = read_text(_write(tmp_path, text.encode()))
    assert out.count("\n") == 200_000
    assert out.startswith("Line number 0.\nLine number 1.\n")


def test_decode_bytes_names_the_file() -> None:
    with pytest.raises(InputError, match="^x/y.txt: file is empty$"):
        decode_bytes(b"", "x/y.txt")


def test_seeded_random_bytes_are_refused(tmp_path: Path) -> None:
    import random

    data = random.Random(7).randbytes(4096).replace(b"\x00", b"\x01")
    with pytest.raises(InputError, match="in.txt"):
        read_text(_write(tmp_path, data))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_arabic_without_spaces(tmp_path: Path, encoding: str) -> None:
    text = "مرحباًبالعالمالعربي"
    assert read_text(_write(tmp_path, text.encode(encoding))) == text


def test_a_utf8_file_with_one_bad_byte_is_refused_not_misread(tmp_path: Path) -> None:
    """Read as Windows-1256, a UTF-8 Persian line is still Arabic letters (mojibake that
    passes every script test); one stray byte must not turn the line into that."""
    good = "وزیر امور خارجه روز دوشنبه به بغداد سفر کرد.\n".encode()
    damaged = "او گفت که تهدید داعش ".encode() + b"\xa0" + "هنوز جدی است.\n".encode()
    path = tmp_path / "doc.fa.txt"
    path.write_bytes(good + damaged)
    with pytest.raises(InputError, match=rf"line 2 is not valid UTF-8 \(byte {len(good) + 37} of the file\)"):
        read_text(path)
    path.write_bytes(good + good[:-3])  # cut short in the middle of a letter
    with pytest.raises(InputError, match="line 2 is not valid UTF-8"):
        read_text(path)


def test_the_file_is_named_by_its_bytes_and_encoding(tmp_path: Path) -> None:
    import hashlib

    from mlalign.text.reader import read_file_text

    raw = "سلام\r\nدنیا\r\n".encode("utf-16")
    (tmp_path / "a.txt").write_bytes(raw)
    read = read_file_text(tmp_path / "a.txt")
    assert read.text == "سلام\nدنیا\n" and read.encoding == "utf-16-le"
    assert read.sha256 == hashlib.sha256(raw).hexdigest()
    (tmp_path / "b.txt").write_bytes("مرحبا بالعالم\n".encode("cp1256"))
    assert read_file_text(tmp_path / "b.txt").encoding == "cp1256"
