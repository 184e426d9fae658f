"""Option parsing shared by several commands (formats, thresholds, translators)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from mlalign.errors import InputError

SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".tsv": "tsv",
    ".csv": "csv",
    ".tmx": "tmx",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".parquet": "parquet",
    ".html": "html",
    ".htm": "html",
}


def parse_formats(values: tuple[str, ...], out: str | None) -> list[str]:
    """`--format a,b --format c` → [a, b, c]; none given: guess from -o's suffix, else jsonl."""
    formats: list[str] = []
    for value in values:
        formats.extend(part.strip().lower() for part in value.split(",") if part.strip())
    if not formats:
        suffix = Path(out).suffix.lower() if out and out != "-" else ""
        formats = [SUFFIX_FORMATS.get(suffix, "jsonl")]
    seen: list[str] = []
    for fmt in formats:
        if fmt not in seen:
            seen.append(fmt)
    return seen


def apply_overrides(config: Any, prefix: str, overrides: tuple[str, ...]) -> Any:
    """Apply `--set prefix.field=value` overrides to a config dataclass, type-checked."""
    fields = {f.name: f for f in dataclasses.fields(config)}
    changes: dict[str, Any] = {}
    for item in overrides:
        key, sep, raw = item.partition("=")
        if not sep:
            raise InputError(f"--set expects KEY=VALUE, got {item!r}")
        section, dot, name = key.strip().partition(".")
        if not dot:
            raise InputError(f"--set key must look like align.NAME or drift.NAME, got {key!r}")
        if section != prefix:
            continue
        if name not in fields:
            known = ", ".join(sorted(fields))
            raise InputError(f"unknown setting {key!r}; {prefix} settings: {known}")
        current = getattr(config, name)
        try:
            if isinstance(current, bool):
                value: Any = raw.strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(current, int):
                value = int(raw)
            elif isinstance(current, float):
                value = float(raw)
            else:
                value = raw
        except ValueError:
            raise InputError(f"--set {key}: {raw!r} is not a valid {type(current).__name__}") from None
        changes[name] = value
    return dataclasses.replace(config, **changes) if changes else config


def check_known_sections(overrides: tuple[str, ...], sections: tuple[str, ...]) -> None:
    for item in overrides:
        section = item.partition("=")[0].partition(".")[0].strip()
        if section not in sections:
            raise InputError(
                f"--set {item!r}: the key must start with one of {', '.join(s + '.' for s in sections)}"
            )


quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress bars or summary.")
