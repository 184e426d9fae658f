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
