"""HTML report: escaping, self-containment, counts, RTL markup, omission/addition rows."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lhtml
from test_io_writers import EVIL, make_audit

from mlalign.io import write_outputs


def _render(tmp_path: Path, **kw) -> tuple[str, Path]:
    audit = make_audit("ar", evil=True)
    [path, _] = write_outputs(audit, tmp_path / "r.html", ["html"], **kw)
    return path.read_text(encoding="utf-8"), path


def test_no_injection(tmp_path: Path) -> None:
    text, _ = _render(tmp_path)
    assert "<script>alert(1)</script>" not in text
    assert '" onmouseover="x' not in text
    assert text.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # src, tgt, flag detail
    doc = lhtml.fromstring(text)
    assert not doc.xpath("//*[@onmouseover]")
    assert len(doc.xpath("//script")) == 1  # only our own filter script


def test_self_contained(tmp_path: Path) -> None:
    text, _ = _render(tmp_path)
    doc = lhtml.fromstring(text)
    for el in doc.xpath("//*[@src or @href]"):
        ref = el.get("src") or el.get("href")
        assert not re.match(r"^(https?:)?//", ref), ref
    assert "<link" not in text and "@import" not in text and "url(" not in text
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", text)


def test_counts_rtl_and_kinds(tmp_path: Path) -> None:
    audit = make_audit("ar", evil=True)
    text, _ = _render(tmp_path)
    doc = lhtml.fromstring(text)
    counts = {
        li.get("data-type"): int(li.xpath(".//span[@class='count']")[0].text)
        for li in doc.xpath("//ul[@id='flag-counts']/li")
    }
    assert counts == audit.flag_counts()
    rows = doc.xpath("//tr[contains(@class, 'bead')]")
    assert len(rows) == len(audit.beads)
    src_cells = doc.xpath("//td[contains(@class, 'src')]")
    assert all(c.get("dir") == "rtl" and c.get("lang") == "ar" for c in src_cells)
    assert "omission" in rows[-1].get("class") and "addition" in rows[5].get("class")
    assert rows[3].get("data-types") == "negation replacement"
    assert len(doc.xpath("//details[@class='mt']")) == 4
    assert "@media print" in text
    assert doc.xpath("//footer[@id='provenance']//dd[contains(., 'hash-test')]")
    assert doc.xpath("//svg//polyline") and len(doc.xpath("//svg//circle")) == 4
    assert EVIL.split('"')[0] not in "".join(doc.xpath("//style/text()"))


def test_file_names_keep_their_own_direction(tmp_path: Path) -> None:
    """An Arabic file name in the English header is isolated (<bdi>), so the "(ar, N
    sentences)" after it is not pulled into right-to-left order."""
    audit = make_audit("ar")
    audit.provenance["inputs"] = {"original": {"name": "تقرير ٢٠٢٤.txt"},
                                  "english": {"name": "report 2024.txt"}}
    [path, _] = write_outputs(audit, tmp_path / "r.html", ["html"])
    doc = lhtml.fromstring(path.read_text(encoding="utf-8"))
    names = [b.text_content() for b in doc.xpath("//p[@class='docs']/b/bdi")]
    assert names == ["تقرير ٢٠٢٤.txt", "report 2024.txt"]


def test_min_score_filters_rows(tmp_path: Path) -> None:
    from mlalign.io import WriteOptions

    text, _ = _render(tmp_path, options=WriteOptions(min_score=0.85, include_mt=False))
    doc = lhtml.fromstring(text)
    assert len(doc.xpath("//tr[contains(@class, 'bead')]")) == 2
    assert not doc.xpath("//details[@class='mt']") and not doc.xpath("//input[@id='show-mt']")


def test_flag_type_cannot_break_out_of_css(tmp_path: Path) -> None:
    from mlalign.types import Flag

    audit = make_audit("fa")
    audit.beads[0].flags.append(Flag("x}body{display:none", "high", "odd type"))
    [path, _] = write_outputs(audit, tmp_path / "r.html", ["html"])
    doc = lhtml.fromstring(path.read_text(encoding="utf-8"))
    style = "".join(doc.xpath("//style/text()"))
    assert "body{display:none" not in style
    assert doc.xpath("//li[@data-type='x}body{display:none']")  # still counted, as text


def test_legend_and_flagged_count(tmp_path: Path) -> None:
    from mlalign.types import Flag

    audit = make_audit("fa")
    audit.beads[0].flags.append(Flag("length", "low", "English much shorter"))  # low only
    [path, _] = write_outputs(audit, tmp_path / "r.html", ["html"])
    doc = lhtml.fromstring(path.read_text(encoding="utf-8"))
    legend = doc.xpath("//details[@id='legend']")
    assert legend and "How to read this report" in legend[0].xpath("string(summary)")
    text = " ".join(legend[0].text_content().split())
    for term in (
        "high",
        "medium",
        "low",
        "match",
        "alignment confidence",
        "drift",
        "probability",
        "1-1",
        "2-1",
        "0-1",
        "1-0",
        "flagged units",
        "any severity",
    ):
        assert term in text, term
    stat = doc.xpath("//span[@id='n-flagged']")[0]
    assert int(stat.text) == sum(1 for b in audit.beads if b.flags) == 4  # low-only counts
    assert stat.getnext().text == "flagged units"
    assert "need review" not in path.read_text(encoding="utf-8").lower()


def test_no_flags_no_empty_filter_row(tmp_path: Path) -> None:
    audit = make_audit("fa")
    for bead in audit.beads:
        bead.flags = []
    [path, _] = write_outputs(audit, tmp_path / "r.html", ["html"])
    text = path.read_text(encoding="utf-8")
    doc = lhtml.fromstring(text)
    assert "Show flag types" not in text and not doc.xpath("//*[@id='type-filters']")
    assert doc.xpath("//span[@id='n-flagged']")[0].text == "0"
    assert not doc.xpath("//svg//circle")


def test_css_for_jumps_long_words_and_print(tmp_path: Path) -> None:
    text, _ = _render(tmp_path)
    doc = lhtml.fromstring(text)
    style = "".join(doc.xpath("//style/text()"))
    assert "scroll-margin-top" in style
    assert re.search(r"td\.src[^{]*\{[^}]*overflow-wrap:\s*anywhere", style)
    assert re.search(r"td\.tgt[^{]*\{[^}]*overflow-wrap:\s*anywhere", style)
    printing = style[style.index("@media print") :]
    assert "tr.bead" not in printing  # print what the filter shows
    note = doc.xpath("//*[@id='print-note']")
    assert note and "all" in note[0].text_content().lower()


def test_a_tab_between_hemistichs_shows_as_written(tmp_path: Path) -> None:
    audit = make_audit("fa")
    audit.beads[0].src = "بنی آدم اعضای یک پیکرند\tکه در آفرینش ز یک گوهرند"
    [path, _] = write_outputs(audit, tmp_path / "r.html", ["html"])
    doc = lhtml.fromstring(path.read_text(encoding="utf-8"))
    style = "".join(doc.xpath("//style/text()"))
    assert re.search(r"span\.text\s*\{[^}]*white-space:\s*pre-wrap", style)
    cell = doc.xpath("//td[contains(@class, 'src')]/span[@class='text']")[0]
    assert cell.text == audit.beads[0].src


def test_original_words_quoted_in_a_flag_or_warning_are_isolated(tmp_path: Path) -> None:
    """A flag's detail quotes the original ("Syria (الشام) in the original …"): the quoted
    words stand in <bdi> so the brackets and English beside them keep their order, and the
    text stays escaped."""
    from mlalign.types import Flag

    audit = make_audit("ar")
    audit.beads[0].flags = [Flag("entity", "medium", "Syria (الشام، بلاد الشام) in the original "
                                 "is not named <b>", 0.6, {})]
    audit.warnings = ["original sentence 1 (ثم سرنا) was cut"]
    [path, _] = write_outputs(audit, tmp_path / "r.html", ["html"])
    text = path.read_text(encoding="utf-8")
    doc = lhtml.fromstring(text)
    detail = doc.xpath("//span[@class='d']")[0]
    assert [b.text_content() for b in detail.xpath("bdi")] == ["الشام، بلاد الشام"]
    assert detail.text_content() == "Syria (الشام، بلاد الشام) in the original is not named <b>"
    assert [b.text_content() for b in doc.xpath("//div[@class='warnings']/bdi")] == ["ثم سرنا"]
