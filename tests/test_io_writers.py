"""Writers: JSONL contract, TSV/CSV row safety, Moses, Parquet types, naming and filtering."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl
import pytest

from mlalign.io import (
    FORMATS,
    WriteOptions,
    filter_beads,
    output_paths,
    summary_text,
    write_outputs,
)
from mlalign.types import Audit, Bead, Flag, Sentence

EVIL = '<script>alert(1)</script>" onmouseover="x'


def make_audit(src_lang: str = "fa", evil: bool = False) -> Audit:
    """A hand-built audit: aligned, merged, omitted, added and flagged beads."""
    fa = [
        "وزیر امور خارجه روز دوشنبه به بغداد سفر کرد.",
        "او گفت که تهدید داعش هنوز جدی است.",
        "در این سفر ۳ توافق‌نامه امضا شد.",
        "سخنگوی دولت این گزارش را تأیید نکرد.",
        "مذاکرات\tتا\nپایان هفته ادامه دارد.",
    ]
    en = [
        "The foreign minister travelled to Baghdad on Monday.",
        "He said the ISIS threat is still serious.",
        "Five agreements were signed during the visit.",
        "The government spokesman confirmed the report.",
        "Talks continue\tuntil the end\nof the week.",
        "Officials welcomed the outcome.",
    ]
    if evil:
        fa[0] = fa[0] + EVIL
        en[0] = en[0] + EVIL
    beads = [
        Bead(
            [0],
            [0],
            fa[0],
            en[0],
            mt="The foreign minister went to Baghdad on Monday.",
            score=0.93,
            drift=0.05,
        ),
        Bead(
            [1],
            [1],
            fa[1],
            en[1],
            mt="He said that the ISIS threat is still serious.",
            score=0.9,
            drift=0.08,
        ),
        Bead(
            [2],
            [2],
            fa[2],
            en[2],
            mt="3 agreements were signed on this trip.",
            score=0.81,
            drift=0.46,
            flags=[
                Flag(
                    "number",
                    "high",
                    "3 in the original, 5 in the English" + (EVIL if evil else ""),
                    0.9,
                    {"src": ["3"], "tgt": ["5"]},
                )
            ],
            signals={"p_number": 0.97, "p_omission": 0.01, "cos": 0.9},
        ),
        Bead(
            [3],
            [3],
            fa[3],
            en[3],
            mt="The government spokesman did not confirm this report.",
            score=0.78,
            drift=0.62,
            flags=[
                Flag("negation", "high", "negation in the original is missing"),
                Flag("replacement", "low", "'did not confirm' vs 'confirmed'", 0.4),
            ],
        ),
        Bead([4], [4], fa[4], en[4], mt=None, score=0.7, drift=0.2),
        Bead(
            [],
            [5],
            "",
            en[5],
            score=0.0,
            drift=1.0,
            flags=[Flag("addition", "medium", "English sentence with no counterpart")],
        ),
    ]
    if src_lang == "ar":
        beads.append(
            Bead(
                [5],
                [],
                "وأكد المسؤولون أن المحادثات ستستمر.",
                "",
                score=0.0,
                drift=1.0,
                flags=[Flag("omission", "high", "original sentence not translated")],
            )
        )
    return Audit(
        beads=beads,
        src_sentences=[Sentence(t) for t in fa],
        tgt_sentences=[Sentence(t) for t in en],
        src_lang=src_lang,
        provenance={
            "tool": "mlalign",
            "version": "0.1.0-test",
            "embedder": "hash-test",
            "translator": {"name": "argos", "id": "fa-en-1.0"},
            "drift": {"number": 0.5},
            "inputs": {"original": {"name": "report.fa.txt"}, "english": {"name": "report.en.txt"}},
        },
        warnings=["one paragraph had no anchor"],
    )


def test_jsonl_contract(tmp_path: Path) -> None:
    audit = make_audit()
    [path, meta] = write_outputs(audit, tmp_path / "b.jsonl", ["jsonl"])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(audit.beads)
    rows = [json.loads(line) for line in lines]
    assert [r["src_ids"] for r in rows] == [b.src_ids for b in audit.beads]
    assert rows[2]["flags"][0]["type"] == "number" and rows[2]["severity"] == "high"
    assert rows[5]["src_ids"] == [] and rows[4]["mt"] is None
    assert "وزیر" in lines[0]  # ensure_ascii=False
    for key in ("src_ids", "tgt_ids", "src", "tgt", "mt", "score", "drift", "kinds", "flags"):
        assert key in rows[0]
    assert rows[2]["kinds"] == {"number": 0.97, "omission": 0.01}
    assert rows[5]["kinds"] == {}
    assert meta.name == "b.meta.json"
    prov = json.loads(meta.read_text(encoding="utf-8"))
    assert prov["embedder"] == "hash-test" and prov["outputs"] == {"jsonl": "b.jsonl"}


def test_tsv_rows_survive_tabs_and_newlines(tmp_path: Path) -> None:
    audit = make_audit()
    [path, _] = write_outputs(audit, tmp_path / "b.tsv", ["tsv"])
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == 1 + len(audit.beads)
    assert all(line.count("\t") == 9 for line in lines)
    header = lines[0].split("\t")
    assert header[:4] == ["src_ids", "tgt_ids", "src", "tgt"]
    row = dict(zip(header, lines[4].split("\t"), strict=True))
    assert row["flag_types"] == "negation; replacement" and row["severity"] == "high"
    frame = pl.read_csv(path, separator="\t", quote_char=None)
    assert frame.height == len(audit.beads)


def test_csv_keeps_text_intact(tmp_path: Path) -> None:
    audit = make_audit()
    [path, _] = write_outputs(audit, tmp_path / "b.csv", ["csv"])
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == len(audit.beads)
    assert rows[4]["src"] == audit.beads[4].src  # tab and newline kept inside quotes
    assert rows[0]["tgt_ids"] == "0" and rows[5]["src_ids"] == ""


def test_csv_opens_in_a_spreadsheet_as_text(tmp_path: Path) -> None:
    """Excel reads a CSV without a BOM in the ANSI code page (Arabic as mojibake) and runs a
    cell starting with = + - @ as a formula ("- 850 teams took part." shows #NAME?)."""
    audit = make_audit()
    audit.beads[0].tgt = '=HYPERLINK("http://evil.example","click")'
    audit.beads[1].tgt = "- 850 field teams took part."
    audit.beads[1].src = "- شارك ٨٥٠ فريقاً."
    audit.beads[2].tgt = "+1 more, @user said"
    audit.beads[3].tgt = "\t=1+1"
    [path, _] = write_outputs(audit, tmp_path / "b.csv", ["csv"])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsrc_ids,")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0]["tgt"] == "'" + audit.beads[0].tgt
    assert rows[1]["tgt"] == "'- 850 field teams took part." and rows[1]["src"] == "'- شارك ٨٥٠ فريقاً."
    assert rows[2]["tgt"] == "'+1 more, @user said" and rows[3]["tgt"] == "'\t=1+1"
    assert rows[4]["src"] == audit.beads[4].src  # other texts as written, RTL intact
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
               for row in rows for cell in row.values())
    assert pl.read_csv(path).columns[0] == "src_ids"  # polars takes the BOM too
    # the TSV, for programs, keeps the texts as written
    [tsv, _] = write_outputs(audit, tmp_path / "b.tsv", ["tsv"])
    assert "\n- 850 field teams" not in tsv.read_text(encoding="utf-8")
    assert "\t- 850 field teams took part.\t" in tsv.read_text(encoding="utf-8")


def test_moses_line_aligned(tmp_path: Path) -> None:
    audit = make_audit("ar")
    written = write_outputs(audit, tmp_path / "corpus", ["moses"])
    src, tgt = tmp_path / "corpus.ar", tmp_path / "corpus.en"
    assert src in written and tgt in written
    s, t = (
        src.read_text(encoding="utf-8").splitlines(),
        tgt.read_text(encoding="utf-8").splitlines(),
    )
    assert len(s) == len(t) == 5  # addition and omission beads dropped
    assert "\t" not in s[4] and s[4].startswith("مذاکرات تا پایان")


SEPARATED = "the report\x0cand the page after\x1cit"  # a PDF's form feed between pages


def _control_audit() -> Audit:
    """Texts with every kind of line break and control character a pasted text can hold."""
    audit = make_audit("ar")
    audit.beads[0].tgt = SEPARATED
    audit.beads[1].src += "\u2028second line\x85third\x1dfourth\x00"
    audit.beads[1].tgt += "\u2029next\x1eend\x01\ufffe"
    audit.beads[2].tgt = "\x01\x02"  # nothing left once cleaned: no segment either side
    return audit


def test_moses_lines_are_lines_for_every_reader(tmp_path: Path) -> None:
    """Line i of one file translates line i of the other for any reader: Python's
    splitlines() breaks at U+2028, NEL and the separators \\x1c-\\x1e, so none stays inside a
    segment, and the Moses files hold exactly the TMX's segments."""
    from lxml import etree

    audit = _control_audit()
    write_outputs(audit, tmp_path / "c", ["moses", "tmx"])
    src = (tmp_path / "c.ar").read_text(encoding="utf-8")
    tgt = (tmp_path / "c.en").read_text(encoding="utf-8")
    for text in (src, tgt):
        assert text.count("\n") == len(text.splitlines()) == 4
        assert not any(c in text for c in "\x00\x01\ufffe\t\r")
    assert tgt.splitlines()[0] == "the report and the page after it"
    segs = [[seg.text for seg in tu.iter("seg")]
            for tu in etree.parse(str(tmp_path / "c.tmx")).iter("tu")]
    assert len(segs) == 4 and segs[0][1] == "the report and the page after it"
    for side, lines in ((0, src.splitlines()), (1, tgt.splitlines())):
        assert [" ".join(s[side].split()) for s in segs] == [" ".join(x.split()) for x in lines]


def test_xml_formats_keep_words_apart_at_separators(tmp_path: Path) -> None:
    """A form feed is not XML 1.0; leaving it out glued "reportand" in TMX and XLIFF."""
    audit = _control_audit()
    write_outputs(audit, tmp_path / "x", ["tmx", "xliff"])
    for name in ("x.tmx", "x.xlf"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "the report and the page after it" in text and "reportand" not in text


def test_jsonl_is_strict_json_one_record_per_line(tmp_path: Path) -> None:
    """NaN is not JSON (jq, JavaScript and polars refuse `NaN`); a raw U+2028 or NEL inside
    a record makes splitlines() see two records; a lone surrogate cannot be written as UTF-8."""
    audit = _control_audit()
    audit.beads[0].score = float("nan")
    audit.beads[2].signals["p_entity"] = float("inf")
    audit.beads[3].src += "\ud800"
    [path, meta] = write_outputs(audit, tmp_path / "j.jsonl", ["jsonl"])
    text = path.read_text(encoding="utf-8")

    def strict(line: str) -> dict:
        return json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in JSONL"))

    rows = [strict(line) for line in text.splitlines()]
    assert len(rows) == len(audit.beads) == text.count("\n")
    assert rows[0]["score"] is None and rows[2]["kinds"]["entity"] is None
    assert rows[1]["src"] == audit.beads[1].src and rows[1]["tgt"] == audit.beads[1].tgt
    assert rows[3]["src"].endswith("\ud800")
    assert pl.read_ndjson(path).height == len(audit.beads)
    strict(meta.read_text(encoding="utf-8"))


def test_parquet_types_and_metadata(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    audit = make_audit()
    [path, _] = write_outputs(audit, tmp_path / "b.parquet", ["parquet"])
    frame = pl.read_parquet(path)
    assert frame.schema["src_ids"] == pl.List(pl.UInt32)
    assert frame.schema["mt"] == pl.Utf8 and frame["mt"][4] is None
    assert frame["flags"][3].to_list()[0]["type"] == "negation"
    kinds = frame["kinds"].to_list()
    assert kinds[2]["number"] == 0.97 and kinds[2]["omission"] == 0.01
    assert kinds[2]["entity"] is None and kinds[5]["number"] is None
    assert frame.height == len(audit.beads)
    meta = pq.read_schema(path).metadata
    assert json.loads(meta[b"mlalign.provenance"])["embedder"] == "hash-test"


def test_filter_beads_and_options(tmp_path: Path) -> None:
    audit = make_audit("ar")
    assert len(filter_beads(audit.beads, WriteOptions(min_score=0.8))) == 3
    assert len(filter_beads(audit.beads, WriteOptions(drop_flagged=True))) == 3
    assert len(filter_beads(audit.beads, WriteOptions(), both_sides=True)) == 5
    [path, _] = write_outputs(
        audit, tmp_path / "b.jsonl", ["jsonl"], WriteOptions(min_score=0.8, include_mt=False)
    )
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and all(r["mt"] is None for r in rows)


def test_several_formats_derive_names(tmp_path: Path) -> None:
    audit = make_audit()
    written = write_outputs(
        audit, tmp_path / "out" / "audit", ["jsonl", "tsv", "html", "tmx", "xliff"]
    )
    names = sorted(p.name for p in written)
    assert names == [
        "audit.html",
        "audit.jsonl",
        "audit.meta.json",
        "audit.tmx",
        "audit.tsv",
        "audit.xlf",
    ]
    assert all(p.stat().st_size > 0 for p in written)
    d = tmp_path / "dir"
    d.mkdir()
    assert output_paths(d, ["jsonl"]) == {"jsonl": d / "audit.jsonl"}
    assert output_paths(tmp_path / "x.html", ["jsonl", "html"])["jsonl"] == tmp_path / "x.jsonl"


def test_stdout_single_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    audit = make_audit()
    assert write_outputs(audit, "-", ["jsonl"]) == []
    out = capsys.readouterr().out
    assert len(out.splitlines()) == len(audit.beads)
    with pytest.raises(Exception, match="needs -o"):
        write_outputs(audit, None, ["parquet"])
    with pytest.raises(Exception, match="unknown output format"):
        write_outputs(audit, None, ["docx"])


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "b.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def boom(*_a: object, **_k: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(FORMATS["jsonl"], "render", boom)
    with pytest.raises(RuntimeError):
        write_outputs(make_audit(), target, ["jsonl"])
    assert target.read_text(encoding="utf-8") == "old\n"


def test_summary_text() -> None:
    audit = make_audit("ar")
    text = summary_text(audit, 2.345)
    assert "7 beads" in text and "1-1 x5" in text and "0-1 x1" in text
    assert "4 flagged (3 high)" in text and "negation 1" in text and "2.3s" in text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_handles_empty_and_clean_audits(tmp_path: Path, fmt: str) -> None:
    empty = Audit(beads=[], src_sentences=[], tgt_sentences=[], src_lang="ar")
    clean = make_audit("fa")
    for bead in clean.beads:
        bead.flags = []
        bead.mt = None
    for name, audit in (("empty", empty), ("clean", clean)):
        written = write_outputs(audit, tmp_path / name / "out", [fmt])
        assert written and all(p.exists() for p in written)
        assert written[-1].name == "out.meta.json"
