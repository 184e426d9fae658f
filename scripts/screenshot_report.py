"""Render the shipped sample's HTML report and save a screenshot to docs/report.png.

    .venv/bin/python scripts/screenshot_report.py            # align samples/, then shoot
    .venv/bin/python scripts/screenshot_report.py --html r.html -o shot.png

Uses headless Chromium with the system chromedriver only (SE_OFFLINE: nothing downloaded).
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sample_report(out_dir: Path, lang: str) -> Path:
    """Align the shipped sample pair (no MT) and write its HTML report."""
    from mlalign.io import write_outputs
    from mlalign.pipeline import audit_files

    # named relative to the checkout, as the README's command names them, not by this machine's path
    src = Path("samples") / f"baghdad-isis-threat.{lang}.txt"
    tgt = Path("samples") / "baghdad-isis-threat.en.txt"
    os.chdir(ROOT)
    audit = audit_files(src, tgt, src_lang=lang)
    path = out_dir / "report.html"
    write_outputs(audit, path, ["html"])
    return path


def screenshot(html: Path, png: Path, width: int = 1280, max_height: int = 2000) -> None:
    """Load `html` from file:// and save the top `max_height` pixels of the page as PNG."""
    from browser_fixture import chrome_driver

    with tempfile.TemporaryDirectory(prefix="mlalign-shot-") as profile:
        drv = chrome_driver(Path(profile), width, 1000, ("--hide-scrollbars",))
        try:
            drv.get(html.resolve().as_uri())
            height = min(
                max_height, drv.execute_script("return document.documentElement.scrollHeight")
            )
            shot = drv.execute_cdp_cmd(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                },
            )
            png.parent.mkdir(parents=True, exist_ok=True)
            png.write_bytes(base64.b64decode(shot["data"]))
        finally:
            drv.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, help="an existing report (default: align the sample)")
    parser.add_argument("--lang", default="fa", choices=("fa", "ar"), help="which sample original")
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "report.png")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    from browser_fixture import have_chromium

    if not have_chromium():
        print(
            "screenshot_report: needs /usr/bin/chromium and /usr/bin/chromedriver", file=sys.stderr
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="mlalign-report-") as tmp:
        html = args.html or sample_report(Path(tmp), args.lang)
        screenshot(html, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
