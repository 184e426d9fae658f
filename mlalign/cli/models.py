"""`mlalign models` command (placeholder until its owner lands it)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's command(s) to the top-level group."""
