"""A self-contained HTML audit report: side-by-side table, drift chart, flag filters.

Everything is inline (CSS, tiny JS, server-rendered SVG) so the report opens offline and
can be mailed or archived as one file; jinja2 autoescape guards every text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from mlalign.fsutil import atomic_write_text
from mlalign.io.base import WriteOptions, filter_beads, flat_provenance, provenance
from mlalign.types import SEVERITIES, Audit, Bead

LANG_NAMES = {"fa": "Persian", "ar": "Arabic", "en": "English"}
CHART_W, CHART_H, CHART_PAD = 960, 140, 28
TYPE_COLORS = {
    "omission": "#c62828",
    "addition": "#6a1b9a",
    "number": "#00838f",
    "entity": "#2e7d32",
    "negation": "#d84315",
    "replacement": "#ad1457",
    "length": "#5d4037",
    "untranslated": "#455a64",
    "modality": "#f9a825",
    "direction": "#ef6c00",
    "order": "#3949ab",
    "language": "#546e7a",
}


def slug(value: object) -> str:
    """A CSS-class-safe token: flag types end up in class names and in the inline <style>,
    where HTML escaping alone would not stop `}` from breaking out of a rule."""
    return re.sub(r"[^a-z0-9_-]", "-", str(value).lower()) or "x"


_ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_RTL_RUN = re.compile(f"[{_ARABIC_SCRIPT}]+(?:[\\s\u200c]+[{_ARABIC_SCRIPT}]+)*")


def isolate_rtl(value: object) -> Markup:
    """The text escaped, each run of Arabic-script words in <bdi>: a flag's detail or a
    warning is English quoting the original ("Syria (الشام) in the original …"), and without
    isolation the bidi algorithm pulls the brackets and words beside a quote into its run."""
    return Markup(_RTL_RUN.sub(lambda m: f"<bdi>{m.group(0)}</bdi>", str(escape(str(value)))))


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("mlalign.io", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["slug"] = slug
    env.filters["isolate_rtl"] = isolate_rtl
    return env


def drift_chart(beads: list[Bead]) -> dict[str, Any]:
    """Coordinates for an SVG polyline of drift along the document plus flagged markers."""
    n = len(beads)
    inner_w = CHART_W - 2 * CHART_PAD
    inner_h = CHART_H - 2 * CHART_PAD

    def x(i: int) -> float:
        return CHART_PAD + (inner_w * (i / (n - 1)) if n > 1 else inner_w / 2)

    def y(v: float) -> float:
        return CHART_PAD + inner_h * (1 - max(0.0, min(1.0, float(v))))

    points = " ".join(f"{x(i):.1f},{y(b.drift):.1f}" for i, b in enumerate(beads))
    markers = [
        {
            "x": round(x(i), 1),
            "y": round(y(b.drift), 1),
            "severity": b.severity,
            "row": i + 1,
            "drift": round(float(b.drift), 2),
        }
        for i, b in enumerate(beads)
        if b.flags
    ]
    grid = [{"y": round(y(v), 1), "label": f"{v:.1f}"} for v in (0.0, 0.5, 1.0)]
    return {
        "w": CHART_W,
        "h": CHART_H,
        "pad": CHART_PAD,
        "points": points,
        "markers": markers,
        "grid": grid,
        "x0": CHART_PAD,
        "x1": CHART_W - CHART_PAD,
        "n": n,
    }


def report_context(audit: Audit, options: WriteOptions) -> dict[str, Any]:
    beads = filter_beads(audit.beads, options)
    prov = provenance(audit)
    inputs = prov.get("inputs") or {}
    drift_cfg = prov.get("drift") if isinstance(prov.get("drift"), dict) else {}
    thresholds = {
        k: drift_cfg[f"flag_{k}"]
        for k in ("high", "medium", "min")
        if isinstance(drift_cfg.get(f"flag_{k}"), (int, float))
    }
    kinds: dict[str, int] = {}
    for bead in beads:
        label = (
            "omission (1-0)"
            if not bead.tgt_ids
            else "addition (0-1)"
            if not bead.src_ids
            else bead.kind
        )
        kinds[label] = kinds.get(label, 0) + 1
    flag_counts: dict[str, int] = {}
    severity_counts = dict.fromkeys(SEVERITIES, 0)
    for bead in beads:
        for flag in bead.flags:
            flag_counts[flag.type] = flag_counts.get(flag.type, 0) + 1
            severity_counts[flag.severity] = severity_counts.get(flag.severity, 0) + 1
    rows = []
    for i, bead in enumerate(beads, start=1):
        rows.append(
            {
                "n": i,
                "bead": bead,
                "kind": "omission"
                if not bead.tgt_ids
                else "addition"
                if not bead.src_ids
                else "aligned",
                "types": " ".join(sorted({f.type for f in bead.flags})),
                "src_ref": ",".join(str(j + 1) for j in bead.src_ids),
                "tgt_ref": ",".join(str(j + 1) for j in bead.tgt_ids),
                "mt": bead.mt if options.include_mt else None,
            }
        )
    return {
        "src_lang": audit.src_lang,
        "tgt_lang": audit.tgt_lang,
        "src_lang_name": LANG_NAMES.get(audit.src_lang, audit.src_lang),
        "src_name": (inputs.get("original") or {}).get("name") or "original",
        "tgt_name": (inputs.get("english") or {}).get("name") or "English version",
        "rows": rows,
        "n_beads": len(beads),
        "n_flagged": sum(1 for b in beads if b.flags),  # units with a flag of any severity
        "thresholds": thresholds if len(thresholds) == 3 else None,
        "n_src": len(audit.src_sentences),
        "n_tgt": len(audit.tgt_sentences),
        "kinds": sorted(kinds.items(), key=lambda kv: -kv[1]),
        "type_colors": sorted({**{slug(t): "#78909c" for t in flag_counts}, **TYPE_COLORS}.items()),
        "flag_counts": sorted(flag_counts.items(), key=lambda kv: (-kv[1], kv[0])),
        "severity_counts": severity_counts,
        "chart": drift_chart(beads),
        "has_mt": options.include_mt and any(b.mt for b in beads),
        "warnings": list(audit.warnings),
        "provenance": flat_provenance(audit),
        "signature": prov.get("signature"),
        "tool": prov.get("tool", "mlalign"),
        "version": prov.get("version", ""),
    }


class HtmlWriter:
    """The translator's report: read it top to bottom, or filter to the flags that matter."""

    format = "html"
    suffix = ".html"
    text = True

    def render(self, audit: Audit, options: WriteOptions) -> str:
        template = _env().get_template("report.html.j2")
        return template.render(**report_context(audit, options))

    def write(self, audit: Audit, path: Path, options: WriteOptions) -> None:
        atomic_write_text(path, self.render(audit, options))
