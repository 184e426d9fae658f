"""Option parsing shared by several commands (formats, thresholds, translators)."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import click

from mlalign.errors import InputError


class FiniteFloatRange(click.FloatRange):
    """click.FloatRange that also refuses nan and inf: nan passes every comparison, so a
    plain range would let `--min-score nan` switch a filter off silently."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


def parse_formats(values: tuple[str, ...], out: str | None) -> list[str]:
    """`--format a,b --format c` → [a, b, c]; none given: guess from -o's suffix, else jsonl."""
    formats: list[str] = []
    for value in values:
        formats.extend(part.strip().lower() for part in value.split(",") if part.strip())
    if not formats:
        from mlalign.io import SUFFIX_FORMATS  # the writers' own suffixes, one table

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
        try:
            changes[name] = _parse_setting(getattr(config, name), fields[name], raw.strip())
        except ValueError as exc:
            raise InputError(f"--set {key}: {exc}") from None
    try:
        return dataclasses.replace(config, **changes) if changes else config
    except ValueError as exc:
        raise InputError(f"--set: {prefix}.{exc}") from None


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _parse_setting(current: Any, spec: dataclasses.Field, raw: str) -> Any:
    """A `--set` value as the setting's own type, or ValueError saying what was expected."""
    declared = str(spec.type)
    if declared.endswith("| None") and raw.lower() in ("none", ""):
        return None
    if isinstance(current, bool) or declared == "bool":
        if raw.lower() not in _TRUE + _FALSE:
            raise ValueError(f"{raw!r} is not true or false")
        return raw.lower() in _TRUE
    if isinstance(current, int) or declared.startswith("int"):
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a whole number") from None
    if isinstance(current, float) or declared.startswith("float"):
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{raw!r} is not a finite number")
        return value
    if isinstance(current, tuple):
        return tuple(part.strip().lower() for part in raw.split(",") if part.strip())
    if isinstance(current, str) or declared.startswith("str"):
        return raw
    raise ValueError("cannot be set from the command line")


def check_known_sections(overrides: tuple[str, ...], sections: tuple[str, ...]) -> None:
    for item in overrides:
        section = item.partition("=")[0].partition(".")[0].strip()
        if section not in sections:
            raise InputError(
                f"--set {item!r}: the key must start with one of {', '.join(s + '.' for s in sections)}"
            )


quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress bars or summary.")
