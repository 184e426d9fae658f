"""The HTML report as a reader sees it, in headless Chromium (no network, no driver download)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_fixture import chrome_driver, have_chromium
from test_io_writers import make_audit

from mlalign.io import write_outputs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not have_chromium(),
        reason="needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)",
    ),
]


@pytest.fixture
def driver(tmp_path: Path):
    drv = chrome_driver(tmp_path / "profile")
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def _visible(drv) -> int:
    return drv.execute_script(
        "return Array.from(document.querySelectorAll('tr.bead'))"
        ".filter(r => getComputedStyle(r).display !== 'none').length;"
    )


def test_report_in_browser(driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    audit = make_audit("fa", evil=True)
    [path, _] = write_outputs(audit, tmp_path / "report.html", ["html"])
    driver.get(path.resolve().as_uri())

    assert driver.execute_script(
        "return window.__pwned === undefined && !document.querySelector('[onmouseover]')"
    )
    shown = {
        li.get_attribute("data-type"): int(li.find_element(By.CSS_SELECTOR, ".count").text)
        for li in driver.find_elements(By.CSS_SELECTOR, "#flag-counts li")
    }
    assert shown == audit.flag_counts()
    assert driver.find_element(By.ID, "n-beads").text == str(len(audit.beads))

    src_cells = driver.find_elements(By.CSS_SELECTOR, "td.src")
    assert src_cells and all(
        driver.execute_script("return getComputedStyle(arguments[0]).direction", c) == "rtl"
        for c in src_cells
    )
    # the original column is visually to the right of the English one
    src_x = driver.execute_script("return arguments[0].getBoundingClientRect().left", src_cells[0])
    tgt_x = driver.execute_script(
        "return document.querySelector('td.tgt').getBoundingClientRect().left"
    )
    assert src_x > tgt_x

    total = _visible(driver)
    assert total == len(audit.beads)
    driver.find_element(By.CSS_SELECTOR, "#type-filters input[value='negation']").click()
    assert _visible(driver) == 1
    assert "1 of" in driver.find_element(By.ID, "shown").text
    driver.find_element(By.CSS_SELECTOR, "#type-filters input[value='negation']").click()
    driver.find_element(By.ID, "flagged-only").click()
    assert _visible(driver) == sum(1 for b in audit.beads if b.flags)
    driver.find_element(By.ID, "flagged-only").click()
    assert _visible(driver) == total

    mt = driver.find_elements(By.CSS_SELECTOR, "details.mt")
    assert mt and not any(d.get_attribute("open") for d in mt)
    driver.find_element(By.ID, "show-mt").click()
    assert all(d.get_attribute("open") for d in driver.find_elements(By.CSS_SELECTOR, "details.mt"))

    shot = tmp_path / "report.png"
    driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


# --- reader-facing defects: jump target under the sticky bar, filtered-out targets,
# long words, printing a filtered view, overlapping chart dots -----------------------------

BUSY = range(138, 144)  # 1-based rows whose chart dots overlap in a 300-unit report


def _big_audit(n: int = 300):
    """n one-to-one units; flagged rows spread out plus a run of neighbours (BUSY)."""
    from mlalign.types import Audit, Bead, Flag, Sentence

    beads = []
    for i in range(n):
        row = i + 1
        flags = []
        drift = 0.1
        if row in BUSY:
            drift = (0.62, 0.63, 0.62, 0.64, 0.63, 0.62)[row - BUSY[0]]
            flags = [Flag("negation", "high", f"negation lost in unit {row}")]
        elif row % 25 == 0:
            drift = 0.55
            flags = [Flag("number", "medium", f"number differs in unit {row}")]
        beads.append(
            Bead(
                [i],
                [i],
                f"جمله شماره {row} در متن اصلی.",
                f"English sentence number {row}.",
                mt=f"Sentence number {row} in the original text.",
                score=0.9,
                drift=drift,
                flags=flags,
            )
        )
    return Audit(
        beads=beads,
        src_sentences=[Sentence(b.src) for b in beads],
        tgt_sentences=[Sentence(b.tgt) for b in beads],
        src_lang="fa",
        provenance={"tool": "mlalign", "version": "test"},
    )


def _open_big(driver, tmp_path: Path):
    [path, _] = write_outputs(_big_audit(), tmp_path / "big.html", ["html"])
    driver.get(path.resolve().as_uri())


def _click_dot(driver, row: int) -> None:
    """A real mouse click at the centre of the chart dot of `row` (as a reader aims)."""
    from selenium.webdriver.common.action_chains import ActionChains

    driver.execute_script("window.scrollTo(0, 0)")
    x, y = driver.execute_script(
        "var r = document.querySelector('.chart a[href=\"#row-' + arguments[0] + '\"] circle')"
        ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];",
        row,
    )
    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(round(x), round(y)).click()
    actions.perform()


def _row_vs_bar(driver, row: int) -> dict:
    return driver.execute_script(
        "var r = document.getElementById('row-' + arguments[0]);"
        "var b = document.getElementById('controls').getBoundingClientRect();"
        "var rr = r.getBoundingClientRect();"
        "return {hash: location.hash, shown: getComputedStyle(r).display !== 'none',"
        " top: rr.top, barBottom: b.bottom, vh: innerHeight};",
        row,
    )


def test_chart_jump_lands_below_the_sticky_bar(driver, tmp_path: Path) -> None:
    _open_big(driver, tmp_path)
    _click_dot(driver, 200)
    pos = _row_vs_bar(driver, 200)
    assert pos["hash"] == "#row-200"
    assert pos["barBottom"] <= pos["top"] < pos["vh"] / 2, pos


def test_overlapping_chart_dots_are_each_clickable(driver, tmp_path: Path) -> None:
    _open_big(driver, tmp_path)
    for row in BUSY:
        _click_dot(driver, row)
        assert driver.execute_script("return location.hash") == f"#row-{row}"


def test_chart_jump_to_a_filtered_out_row_shows_it(driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver.set_window_size(1000, 900)  # narrow: the bar's notice below takes a second line
    _open_big(driver, tmp_path)
    driver.find_element(By.CSS_SELECTOR, "#type-filters input[value='number']").click()
    assert _visible(driver) == 12
    bar = driver.execute_script("return document.getElementById('controls').offsetHeight")
    _click_dot(driver, 140)  # a negation row, hidden by the "number" filter
    pos = _row_vs_bar(driver, 140)
    assert driver.execute_script("return document.getElementById('controls').offsetHeight") > bar
    assert pos["hash"] == "#row-140" and pos["shown"], pos
    assert pos["barBottom"] <= pos["top"] < pos["vh"], pos
    assert _visible(driver) == 300  # the type filter was cleared, and the bar says so
    assert not driver.find_element(
        By.CSS_SELECTOR, "#type-filters input[value='number']"
    ).is_selected()
    assert "cleared" in driver.find_element(By.ID, "shown").text


def test_long_words_stay_in_their_column(driver, tmp_path: Path) -> None:
    audit = make_audit("fa")
    audit.beads[0].tgt += " " + "x" * 100
    audit.beads[0].src += " " + "ک" * 100
    audit.beads[2].flags[0].detail += " " + "9" * 100
    [path, _] = write_outputs(audit, tmp_path / "lw.html", ["html"])
    for width in (1280, 800):
        driver.set_window_size(width, 900)
        driver.get(path.resolve().as_uri())
        spill = driver.execute_script(
            "return Array.from(document.querySelectorAll('tr.bead td')).filter(function (td) {"
            "  var r = document.createRange(); r.selectNodeContents(td);"
            "  var t = r.getBoundingClientRect(), c = td.getBoundingClientRect();"
            "  return td.scrollWidth > td.clientWidth + 1 || t.left < c.left - 1 || t.right > c.right + 1;"
            "}).map(function (td) { return td.parentNode.id + ' ' + td.className; });"
        )
        assert spill == [], (width, spill)
        assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth"), (
            width
        )


def test_print_keeps_the_filter_and_labels(driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    audit = make_audit("fa")
    [path, _] = write_outputs(audit, tmp_path / "report.html", ["html"])
    driver.get(path.resolve().as_uri())
    driver.find_element(By.CSS_SELECTOR, "details.mt summary").click()  # open the first only
    before = [
        d.get_attribute("open") is not None
        for d in driver.find_elements(By.CSS_SELECTOR, "details.mt")
    ]
    assert before.count(True) == 1
    driver.find_element(By.ID, "flagged-only").click()
    n_flagged = sum(1 for b in audit.beads if b.flags)
    assert _visible(driver) == n_flagged

    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    try:
        assert _visible(driver) == n_flagged  # what is on screen, not every unit
        note = driver.find_element(By.ID, "print-note")
        assert note.is_displayed()
        assert "flagged" in note.text and f"{n_flagged} of {len(audit.beads)}" in note.text
        labels = driver.execute_script(
            "return Array.from(document.querySelectorAll('tr.bead:not(.hidden) details.mt'))"
            ".map(function (d) { var s = d.querySelector('summary');"
            "  return [d.open, getComputedStyle(s).display !== 'none', s.innerText]; });"
        )
        assert labels and all(
            o and shown and "machine translation" in t.lower() for o, shown, t in labels
        ), labels
    finally:
        driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    after = [
        d.get_attribute("open") is not None
        for d in driver.find_elements(By.CSS_SELECTOR, "details.mt")
    ]
    assert after == before

    driver.find_element(By.ID, "flagged-only").click()  # no filter: the note says so
    assert (
        "all"
        in driver.execute_script("return document.getElementById('print-note').textContent").lower()
    )
